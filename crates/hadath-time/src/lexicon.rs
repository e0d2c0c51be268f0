//! Word tables of the temporal grammar, in the matching normalisation of `hadath-text`.
//!
//! Month names come from `data/time/months.tsv` (generated from CLDR, compiled in);
//! the other small tables are hand-curated here and normalised once at first use.

use hadath_text::normalize_for_match;
use std::sync::LazyLock;

/// The tables' maps and sets, with the Fx hash of `hadath-text` for their short keys.
pub type FastMap<K, V> = hadath_text::fxhash::FxMap<K, V>;
pub type FastSet<K> = hadath_text::fxhash::FxSet<K>;

/// Longest key, in bytes, of the word and month tables.
pub const MAX_KEY_BYTES: usize = 32;

/// The generated month table (see its header for provenance and licence).
pub(crate) const MONTHS_TSV: &str = include_str!("../../../data/time/months.tsv");

/// Calendar of a month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A month name, possibly of several words.
#[derive(Debug, Clone)]
pub struct MonthName {
    /// Normalised words after the first.
    pub rest: Vec<String>,
    pub month: u32,
    pub calendar: Calendar,
    /// Whether the name is also an ordinary word ("آب", "ماي", "صفر"), so needs a day or year.
    pub ambiguous: bool,
}

/// Unit of a duration or relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// TIMEX3 duration designator and multiplier, such as ("D", 1) or ("Y", 10).
    pub fn designator(self) -> (&'static str, u32, bool) {
        match self {
            Unit::Second => ("S", 1, true),
            Unit::Minute => ("M", 1, true),
            Unit::Hour => ("H", 1, true),
            Unit::Day => ("D", 1, false),
            Unit::Week => ("W", 1, false),
            Unit::Month => ("M", 1, false),
            Unit::Year => ("Y", 1, false),
            Unit::Decade => ("Y", 10, false),
            Unit::Century => ("Y", 100, false),
        }
    }
}

/// Part of a day named by a word such as "صباحا" or "مساء".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Dawn,
    Morning,
    BeforeNoon,
    Noon,
    Afternoon,
    Evening,
    Night,
}

/// Relative direction of a modifier such as "الماضي" or "المقبل".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Current,
    Next,
}

/// Part of a month or year named by "مطلع", "منتصف", "أواخر" and the like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portion {
    /// "بداية": the first day of a month.
    Start,
    /// "مطلع", "أوائل": the first ten days.
    Early,
    /// "منتصف": the middle.
    Middle,
    /// "أواخر": the last third.
    Late,
    /// "نهاية": the second half.
    End,
    /// "آخر": the last one.
    Last,
}

/// A classified word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Weekday(u32),
    /// A weekday without the article ("ثلاثاء"), a weekday only beside "الأسبوع" or an ordinal.
    WeekdayBare(u32),
    /// A number word; `ordinal` for "الثالث", `teen_part` for "عشر"/"عشرة".
    Number {
        value: u32,
        ordinal: bool,
        kind: NumKind,
    },
    Unit {
        unit: Unit,
        count: Option<u32>,
    },
    Today,
    Yesterday,
    Tomorrow,
    Now,
    Dir(Direction),
    Portion(Portion),
    DayPart(DayPart),
    Season(u32),
    /// A decade word such as "التسعينيات": the decade's first year within a century.
    Decade(u32),
}

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    Unit,
    Teen,
    Ten,
    Hundred,
    Thousand,
    Thousands,
}

fn n(s: &str) -> String {
    normalize_for_match(s)
}

fn push(map: &mut FastMap<String, Vec<Lex>>, words: &[&str], lex: Lex) {
    for w in words {
        let v = map.entry(n(w)).or_default();
        if !v.contains(&lex) {
            v.push(lex);
        }
    }
}

const UNITS: [(&[&str], &[&str]); 10] = [
    (&["واحد", "واحدة", "أحد", "إحدى"], &["الأول", "أول", "الأولى", "أولى", "الحادي", "حادي", "الحادية"]),
    (
        &["اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"],
        &["الثاني", "ثاني", "ثان", "الثانية", "ثانية"],
    ),
    (&["ثلاث", "ثلاثة"], &["الثالث", "ثالث", "الثالثة", "ثالثة"]),
    (&["أربع", "أربعة", "اربع", "أربعه"], &["الرابع", "رابع", "الرابعة", "رابعة"]),
    (&["خمس", "خمسة"], &["الخامس", "خامس", "الخامسة", "خامسة"]),
    (&["ست", "ستة", "سِت"], &["السادس", "سادس", "السادسة", "سادسة"]),
    (&["سبع", "سبعة"], &["السابع", "سابع", "السابعة", "سابعة"]),
    (&["ثمان", "ثماني", "ثمانية"], &["الثامن", "ثامن", "الثامنة", "ثامنة"]),
    (&["تسع", "تسعة"], &["التاسع", "تاسع", "التاسعة", "تاسعة"]),
    (&["عشر", "عشرة"], &["العاشر", "عاشر", "العاشرة", "عاشرة"]),
];

/// Every classified word, keyed by normalised form (with and without the article for numbers).
pub static WORDS: LazyLock<FastMap<String, Vec<Lex>>> = LazyLock::new(build_words);

fn build_words() -> FastMap<String, Vec<Lex>> {
    let mut m: FastMap<String, Vec<Lex>> = FastMap::default();
    let weekdays: [(&[&str], &[&str]); 7] = [
        (&["الاثنين", "الإثنين", "الاتنين"], &["اثنين", "إثنين"]),
        (&["الثلاثاء", "الثلاثا"], &["ثلاثاء", "ثلاثا"]),
        (&["الأربعاء", "الاربعا"], &["أربعاء", "اربعا"]),
        (&["الخميس"], &["خميس"]),
        (&["الجمعة"], &["جمعة"]),
        (&["السبت"], &["سبت"]),
        (&["الأحد"], &["أحد"]),
    ];
    for (i, (with_article, bare)) in weekdays.iter().enumerate() {
        push(&mut m, with_article, Lex::Weekday(i as u32 + 1));
        push(&mut m, bare, Lex::WeekdayBare(i as u32 + 1));
    }
    for (i, (cards, ords)) in UNITS.iter().enumerate() {
        let value = i as u32 + 1;
        let kind = if value == 10 { NumKind::Teen } else { NumKind::Unit };
        for c in cards.iter() {
            push(&mut m, &[c], Lex::Number { value, ordinal: false, kind });
            let with_article = format!("ال{c}");
            push(&mut m, &[&with_article], Lex::Number { value, ordinal: false, kind });
        }
        for o in ords.iter() {
            push(&mut m, &[o], Lex::Number { value, ordinal: true, kind: NumKind::Unit });
        }
    }
    let tens = [
        (20, ["عشرون", "عشرين"]),
        (30, ["ثلاثون", "ثلاثين"]),
        (40, ["أربعون", "أربعين"]),
        (50, ["خمسون", "خمسين"]),
        (60, ["ستون", "ستين"]),
        (70, ["سبعون", "سبعين"]),
        (80, ["ثمانون", "ثمانين"]),
        (90, ["تسعون", "تسعين"]),
    ];
    for (value, ws) in tens {
        for w in ws {
            push(&mut m, &[w], Lex::Number { value, ordinal: false, kind: NumKind::Ten });
            let with_article = format!("ال{w}");
            push(&mut m, &[&with_article], Lex::Number { value, ordinal: true, kind: NumKind::Ten });
        }
    }
    let hundreds = [
        (100, &["مائة", "مئة", "مية"][..]),
        (200, &["مائتان", "مائتين", "مئتان", "مئتين"][..]),
        (300, &["ثلاثمائة", "ثلاثمئة"][..]),
        (400, &["أربعمائة", "أربعمئة"][..]),
        (500, &["خمسمائة", "خمسمئة"][..]),
        (600, &["ستمائة", "ستمئة"][..]),
        (700, &["سبعمائة", "سبعمئة"][..]),
        (800, &["ثمانمائة", "ثمانمئة", "ثمانيمائة"][..]),
        (900, &["تسعمائة", "تسعمئة"][..]),
    ];
    for (value, ws) in hundreds {
        push(&mut m, ws, Lex::Number { value, ordinal: false, kind: NumKind::Hundred });
    }
    push(&mut m, &["ألف"], Lex::Number { value: 1000, ordinal: false, kind: NumKind::Thousand });
    push(&mut m, &["ألفان", "ألفين"], Lex::Number { value: 2000, ordinal: false, kind: NumKind::Hundred });
    push(&mut m, &["آلاف"], Lex::Number { value: 1000, ordinal: false, kind: NumKind::Thousands });

    let units: [(Unit, &[&str], &[&str]); 9] = [
        (Unit::Second, &["ثانية", "ثوان", "ثواني", "ثوانٍ"], &["ثانيتين", "ثانيتان"]),
        (Unit::Minute, &["دقيقة", "دقائق", "دقايق"], &["دقيقتين", "دقيقتان"]),
        (Unit::Hour, &["ساعة", "ساعات"], &["ساعتين", "ساعتان"]),
        (Unit::Day, &["يوم", "يوما", "أيام"], &["يومين", "يومان"]),
        (Unit::Week, &["أسبوع", "أسبوعا", "أسابيع"], &["أسبوعين", "أسبوعان"]),
        (Unit::Month, &["شهر", "شهرا", "أشهر", "شهور"], &["شهرين", "شهران"]),
        (Unit::Year, &["سنة", "سنوات", "سنين", "عام", "عاما", "أعوام"], &["سنتين", "سنتان", "عامين", "عامان"]),
        (Unit::Decade, &["عقد", "عقود"], &["عقدين", "عقدان"]),
        (Unit::Century, &["قرن", "قرون"], &["قرنين", "قرنان"]),
    ];
    for (unit, plain, dual) in units {
        push(&mut m, plain, Lex::Unit { unit, count: None });
        for d in dual.iter() {
            let with_article = format!("ال{d}");
            push(&mut m, &[&with_article], Lex::Unit { unit, count: Some(2) });
        }
        for p in plain.iter().filter(|p| {
            !matches!(
                **p,
                "يوم"
                    | "يوما"
                    | "عام"
                    | "عاما"
                    | "شهر"
                    | "شهرا"
                    | "سنة"
                    | "ساعة"
                    | "عقد"
                    | "قرن"
                    | "أسبوع"
                    | "أسبوعا"
                    | "دقيقة"
                    | "ثانية"
            )
        }) {
            let with_article = format!("ال{p}");
            push(&mut m, &[&with_article], Lex::Unit { unit, count: None });
        }
        push(&mut m, dual, Lex::Unit { unit, count: Some(2) });
    }
    push(&mut m, &["اليوم", "اليومَ"], Lex::Today);
    push(&mut m, &["أمس", "الأمس", "البارحة", "امبارح", "مبارح"], Lex::Yesterday);
    push(&mut m, &["غدا", "غداً", "الغد", "بكرة", "بكرا", "غد"], Lex::Tomorrow);
    push(&mut m, &["الآن", "حالا"], Lex::Now);
    push(
        &mut m,
        &[
            "الماضي",
            "الماضية",
            "الماض",
            "السابق",
            "السابقة",
            "المنصرم",
            "المنصرمة",
            "الفائت",
            "الفائتة",
            "المنقضي",
            "الأخير",
            "الأخيرة",
            "الماضيين",
            "الماضيتين",
            "الأخيرين",
            "الأخيرتين",
            "السابقين",
        ],
        Lex::Dir(Direction::Past),
    );
    push(&mut m, &["الجاري", "الجارية", "الحالي", "الحالية"], Lex::Dir(Direction::Current));
    push(
        &mut m,
        &[
            "المقبل",
            "المقبلة",
            "القادم",
            "القادمة",
            "التالي",
            "التالية",
            "الجاي",
            "الجاية",
            "الآتي",
            "المقبلين",
            "المقبلتين",
            "القادمين",
            "القادمتين",
        ],
        Lex::Dir(Direction::Next),
    );
    push(&mut m, &["بداية", "بدايات", "أول"], Lex::Portion(Portion::Start));
    push(&mut m, &["مطلع", "أوائل", "مستهل", "بدء"], Lex::Portion(Portion::Early));
    push(&mut m, &["منتصف", "أواسط", "نص", "نصف", "وسط"], Lex::Portion(Portion::Middle));
    push(&mut m, &["أواخر"], Lex::Portion(Portion::Late));
    push(&mut m, &["نهاية", "ختام", "نهايات"], Lex::Portion(Portion::End));
    push(&mut m, &["آخر", "اخر"], Lex::Portion(Portion::Last));
    push(&mut m, &["فجرا", "الفجر", "فجر"], Lex::DayPart(DayPart::Dawn));
    push(&mut m, &["صباحا", "صباحاً", "الصبح", "صباح", "الصباح", "صبحا"], Lex::DayPart(DayPart::Morning));
    push(&mut m, &["ظهرا", "ظهراً", "الظهر", "ظهر", "ظهيرة", "الظهيرة"], Lex::DayPart(DayPart::Noon));
    push(&mut m, &["عصرا", "عصراً", "العصر", "عصر"], Lex::DayPart(DayPart::Afternoon));
    push(&mut m, &["مساء", "مساءً", "مساءا", "المساء", "عشية", "المغرب", "العشاء"], Lex::DayPart(DayPart::Evening));
    push(&mut m, &["ليلا", "ليلاً", "ليلة", "الليلة", "الليل", "ليل"], Lex::DayPart(DayPart::Night));
    push(&mut m, &["الربيع", "ربيع"], Lex::Season(1));
    push(&mut m, &["الصيف", "صيف"], Lex::Season(2));
    push(&mut m, &["الخريف", "خريف"], Lex::Season(3));
    push(&mut m, &["الشتاء", "شتاء"], Lex::Season(4));
    let decades = [
        (10, "العشرة"),
        (20, "العشرينيات"),
        (30, "الثلاثينيات"),
        (40, "الأربعينيات"),
        (50, "الخمسينيات"),
        (60, "الستينيات"),
        (70, "السبعينيات"),
        (80, "الثمانينيات"),
        (90, "التسعينيات"),
    ];
    for (d, w) in decades {
        if d == 10 {
            continue;
        }
        let plain = w.trim_start_matches("ال");
        let ta = w.replace("يات", "ات");
        push(&mut m, &[w, plain, &ta], Lex::Decade(d));
    }
    m
}

/// Month names keyed by their first normalised word.
pub static MONTHS: LazyLock<FastMap<String, Vec<MonthName>>> = LazyLock::new(build_months);

/// Month names that are also ordinary words and need a day or year beside them.
const AMBIGUOUS_MONTHS: [&str; 6] = ["آب", "ماي", "صفر", "رجب", "may", "mar"];

fn build_months() -> FastMap<String, Vec<MonthName>> {
    let mut map: FastMap<String, Vec<MonthName>> = FastMap::default();
    let ambiguous: Vec<String> = AMBIGUOUS_MONTHS.iter().map(|w| n(w)).collect();
    for line in MONTHS_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(cal), Some(month), Some(form)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Ok(month) = month.parse::<u32>() else { continue };
        let calendar = if cal == "hijri" { Calendar::Hijri } else { Calendar::Gregorian };
        let norm = n(form);
        let mut words = norm.split_whitespace().map(str::to_string);
        let Some(first) = words.next() else { continue };
        let rest: Vec<String> = words.collect();
        let is_latin = first.is_ascii();
        let entry = MonthName {
            ambiguous: is_latin || ambiguous.contains(&norm) || calendar == Calendar::Hijri,
            rest,
            month,
            calendar,
        };
        let v = map.entry(first).or_default();
        if !v.iter().any(|e| e.rest == entry.rest && e.month == entry.month && e.calendar == entry.calendar) {
            v.push(entry);
        }
    }
    // Longer names first so "كانون الثاني" wins over a shorter reading.
    for v in map.values_mut() {
        v.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
}

/// Words that say whether the sentence speaks of the past or of the future.
pub static CUES: LazyLock<FastMap<String, crate::grammar::Tense>> = LazyLock::new(|| {
    let future = [
        "سوف",
        "المقرر",
        "المقررة",
        "مقرر",
        "مقررة",
        "المزمع",
        "المزمعة",
        "المرتقب",
        "المرتقبة",
        "المنتظر",
        "المنتظرة",
        "يعتزم",
        "تعتزم",
        "المتوقع",
        "يتوقع",
        "يرتقب",
        "يُرتقب",
        "ينتظر",
        "موعد",
        "يعقد",
        "تعقد",
        "ستعقد",
        "سيعقد",
        "المقبل",
        "المقبلة",
        "القادم",
        "القادمة",
        "حتى",
    ];
    let past = [
        "قال",
        "قالت",
        "أعلن",
        "أعلنت",
        "أكد",
        "أكدت",
        "ذكر",
        "ذكرت",
        "أضاف",
        "أضافت",
        "أفاد",
        "أفادت",
        "عقد",
        "عقدت",
        "جرى",
        "جرت",
        "وقع",
        "وقعت",
        "شهد",
        "شهدت",
        "التقى",
        "التقت",
        "اجتمع",
        "بحث",
        "أجرى",
        "أجرت",
        "قتل",
        "قتلت",
        "أسفر",
        "صرح",
        "كان",
        "كانت",
        "الماضي",
        "الماضية",
    ];
    let mut m = FastMap::default();
    for w in past {
        m.insert(n(w), crate::grammar::Tense::Past);
    }
    for w in future {
        m.insert(n(w), crate::grammar::Tense::Future);
    }
    m
});

/// Stems of nouns that start like future verbs ("سيارة", "ستة", "سيطرتها"): not cues.
pub static NOT_FUTURE: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "سياس",
        "سيطر",
        "سيار",
        "ستين",
        "ستة",
        "سنو",
        "سنة",
        "سنين",
        "سيناء",
        "سيد",
        "ستار",
        "سيول",
        "سياق",
        "سياد",
        "سيناريو",
        "سيرة",
        "سياج",
        "ساع",
        "سابق",
        "سادس",
        "سلام",
        "سيف",
        "ساح",
        "سنوي",
        "سنت",
        "سيول",
        "ستوكهولم",
        "سيئول",
        "سيرت",
        "سيريلانك",
        "سيبيري",
        "سيمفون",
        "ستراتيج",
        "ستالين",
        "ستوديو",
        "سينما",
        "سيك",
        "سينات",
    ]
    .iter()
    .map(|w| n(w))
    .collect()
});

/// Normalised form of a handful of fixed keywords the grammar tests for.
pub struct Keywords {
    pub month: [String; 2],
    pub year: [String; 6],
    pub day: [String; 3],
    pub week: [String; 4],
    pub hour: [String; 1],
    pub singular_units: Vec<String>,
    pub this: [String; 2],
    pub from: String,
    pub to: [String; 4],
    pub of: [String; 2],
    pub before: String,
    pub after: String,
    pub since: String,
    pub within: [String; 2],
    pub hijri_marks: [String; 4],
    pub ad_marks: [String; 3],
    pub equals: [String; 2],
    pub and_quarter: [String; 2],
    pub half: [String; 3],
    pub third: [String; 2],
    pub except: [String; 2],
    pub minute: [String; 3],
    pub century: [String; 2],
    pub decade: [String; 2],
    pub quarter: [String; 2],
    pub previous: [String; 2],
    pub in_kw: [String; 1],
    pub dated: [String; 2],
    pub year_preps: Vec<String>,
    pub plural_units: Vec<String>,
    pub vague: [String; 4],
    pub approx: [String; 5],
    pub thousands: [String; 1],
    pub function_words: Vec<String>,
    pub event_heads: Vec<String>,
    pub name_heads: Vec<String>,
}

pub static KW: LazyLock<Keywords> = LazyLock::new(|| Keywords {
    month: [n("شهر"), n("الشهر")],
    year: [n("عام"), n("العام"), n("سنة"), n("السنة"), n("عامي"), n("سنتي")],
    day: [n("يوم"), n("اليوم"), n("يومي")],
    week: [n("أسبوع"), n("الأسبوع"), n("اسبوع"), n("الاسبوع")],
    hour: [n("الساعة")],
    singular_units: [
        "يوم",
        "أسبوع",
        "شهر",
        "عام",
        "سنة",
        "ساعة",
        "دقيقة",
        "عقد",
        "قرن",
        "يوما",
        "أسبوعا",
        "شهرا",
        "عاما",
    ]
    .iter()
    .map(|w| n(w))
    .collect(),
    this: [n("هذا"), n("هذه")],
    from: n("من"),
    to: [n("إلى"), n("الى"), n("حتى"), n("لغاية")],
    of: [n("من"), n("في")],
    before: n("قبل"),
    after: n("بعد"),
    since: n("منذ"),
    within: [n("خلال"), n("لمدة")],
    hijri_marks: [n("هـ"), n("ه"), n("هجري"), n("هجرية")],
    ad_marks: [n("م"), n("ميلادي"), n("ميلادية")],
    equals: [n("الموافق"), n("الموافقة")],
    and_quarter: [n("ربع"), n("ربعا")],
    half: [n("نصف"), n("النصف"), n("نص")],
    third: [n("ثلث"), n("الثلث")],
    except: [n("إلا"), n("الا")],
    minute: [n("دقيقة"), n("دقائق"), n("دقيقه")],
    century: [n("القرن"), n("قرن")],
    decade: [n("العقد"), n("عقد")],
    quarter: [n("الربع"), n("ربع")],
    previous: [n("الماضي"), n("الماضية")],
    in_kw: [n("في")],
    dated: [n("بتاريخ"), n("الموافق")],
    year_preps: ["في", "منذ", "حتى", "قبل", "بعد", "خلال", "بين", "عامي", "من", "إلى", "الى", "مطلع", "نهاية"]
        .iter()
        .map(|w| n(w))
        .collect(),
    plural_units: ["الأيام", "الأسابيع", "الأشهر", "الشهور", "السنوات", "الأعوام", "الساعات"]
        .iter()
        .map(|w| n(w))
        .collect(),
    vague: [n("عدة"), n("بضعة"), n("بضع"), n("عده")],
    approx: [n("حوالي"), n("نحو"), n("قرابة"), n("بحدود"), n("حدود")],
    thousands: [n("آلاف")],
    name_heads: ["حزب", "صحيفة", "جريدة", "قناة", "تيار", "حركة", "مجلة", "إذاعة"].iter().map(|w| n(w)).collect(),
    event_heads: ["حرب", "ثورة", "انتفاضة", "انتصار", "نصر", "حراك", "أحداث", "مجزرة", "معركة", "ذكرى", "عدوان"]
        .iter()
        .map(|w| n(w))
        .collect(),
    function_words: [
        "في",
        "من",
        "عند",
        "يوم",
        "قرابة",
        "حوالي",
        "بحدود",
        "نحو",
        "هذا",
        "هذه",
        "إلى",
        "الى",
        "حتى",
        "و",
        "ما",
        "بين",
        "منذ",
        "خلال",
        "الموافق",
        "بتاريخ",
        "وقت",
    ]
    .iter()
    .map(|w| n(w))
    .collect(),
});

/// Keywords at which a rule may start (besides classified words, numbers and month names).
pub static TRIGGERS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let k = &*KW;
    let mut set = FastSet::default();
    let groups: [&[String]; 17] = [
        &k.month,
        &k.year,
        &k.week,
        &k.hour,
        &k.this,
        &k.century,
        &k.decade,
        &k.quarter,
        &k.half,
        &k.within,
        &k.in_kw,
        &k.day,
        &k.plural_units,
        &k.vague,
        &k.approx,
        &k.to,
        &k.dated,
    ];
    for g in groups {
        set.extend(g.iter().cloned());
    }
    for w in [&k.before, &k.after, &k.since, &k.from] {
        set.insert(w.clone());
    }
    for w in ["عند", "فصل", "خلال", "مده", "اليوم", "عيد", "راس", "المولد", "يوم", "طوال", "طيله", "نصف"]
    {
        set.insert(w.to_string());
    }
    set
});

/// Every key of the word, month and trigger tables: one lookup tells whether a word matters.
pub static ANY_KEY: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let mut set: FastSet<String> = TRIGGERS.iter().cloned().collect();
    set.extend(WORDS.keys().cloned());
    set.extend(MONTHS.keys().cloned());
    set
});

/// The last two letters of every key: a word ending otherwise can match no table entry,
/// since proclitics only ever come first.
pub static KEY_ENDINGS: LazyLock<FastSet<(char, char)>> =
    LazyLock::new(|| ANY_KEY.iter().filter_map(|k| ending(k)).collect());

/// [`KEY_ENDINGS`] for pairs of letters of the Arabic block (U+0600–U+06FF) as a bitmap,
/// so the common case is a bit test rather than a hash lookup.
static ARABIC_KEY_ENDINGS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 256 * 256 / 64];
    for &(a, b) in KEY_ENDINGS.iter() {
        if let Some(i) = arabic_pair_index(a, b) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// The bit of a pair of Arabic-block letters in [`ARABIC_KEY_ENDINGS`].
fn arabic_pair_index(a: char, b: char) -> Option<usize> {
    let (a, b) = (a as u32, b as u32);
    let arabic = |c: u32| (0x600..0x700).contains(&c);
    (arabic(a) && arabic(b)).then(|| ((a - 0x600) * 256 + (b - 0x600)) as usize)
}

/// Whether some key ends with these two chars; the same answer as `KEY_ENDINGS.contains`.
pub fn is_key_ending(e: (char, char)) -> bool {
    match arabic_pair_index(e.0, e.1) {
        Some(i) => ARABIC_KEY_ENDINGS.get(i / 64).is_some_and(|w| (w >> (i % 64)) & 1 == 1),
        None => KEY_ENDINGS.contains(&e),
    }
}

/// Byte lengths of the keys ending with each pair of letters U+0620–U+065F, one bit per
/// length: most words are ruled out by one table read (see [`may_be_key`]).
static LETTER_PAIR_KEY_LENGTHS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut table = vec![0u64; 64 * 64];
    for k in ANY_KEY.iter() {
        let Some(i) = ending(k).and_then(|(a, b)| letter_pair_index(a, b)) else { continue };
        if let Some(bits) = table.get_mut(i) {
            *bits |= 1u64.checked_shl(k.len() as u32).unwrap_or(0);
        }
    }
    table
});

/// Bits of [`key_tail_index`]: a key's length and last bytes pick one of `1 << KEY_TAIL_BITS`.
pub(crate) const KEY_TAIL_BITS: u32 = 16;

/// An index of a form below `1 << KEY_TAIL_BITS`, from its length and last six bytes; few keys
/// share one (the grammar's key table is indexed by it).
#[inline]
pub(crate) fn key_tail_index(form: &[u8]) -> usize {
    // The last six bytes as a big-endian number.
    let tail = match form.len().checked_sub(8).and_then(|at| form.get(at..)) {
        Some(last8) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(last8);
            u64::from_be_bytes(b) & 0xFFFF_FFFF_FFFF
        }
        None => form.iter().skip(form.len().saturating_sub(6)).fold(0, |t, &b| (t << 8) | u64::from(b)),
    };
    let mixed = (tail ^ ((form.len() as u64) << 48)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - KEY_TAIL_BITS)) as usize
}

/// The entry of a pair of letters U+0620–U+065F in [`LETTER_PAIR_KEY_LENGTHS`].
#[inline]
fn letter_pair_index(a: char, b: char) -> Option<usize> {
    let letter = |c: char| (c as u32).checked_sub(0x620).filter(|x| *x < 64);
    Some((letter(a)? * 64 + letter(b)?) as usize)
}

/// Whether a word of `len` bytes ending with `e` may be a key once its proclitics are
/// removed: every reading of it ends with the same two letters and is as long or 2 or 4
/// bytes shorter (see `for_each_form`).
#[inline]
pub fn may_be_key(e: (char, char), len: usize) -> bool {
    if len > MAX_KEY_BYTES + 4 {
        return false;
    }
    match letter_pair_index(e.0, e.1) {
        // Bits for `len`, `len - 2` and `len - 4`.
        Some(i) => LETTER_PAIR_KEY_LENGTHS.get(i).is_some_and(|bits| bits & ((0b10101u64 << len) >> 4) != 0),
        None => is_key_ending(e),
    }
}

/// The table of [`may_be_arabic_key`], fetched once by callers that test many words.
pub(crate) fn letter_pair_key_lengths() -> &'static [u64] {
    &LETTER_PAIR_KEY_LENGTHS
}

/// [`may_be_key`] for a word of `len` bytes whose last four bytes are `last4`, when they
/// are two letters U+0620–U+065F (two bytes each); None for other endings. `table` is
/// [`letter_pair_key_lengths`].
#[inline]
pub(crate) fn may_be_arabic_key(table: &[u64], last4: [u8; 4], len: usize) -> Option<bool> {
    // U+0620–U+063F are D8 A0–D8 BF and U+0640–U+065F are D9 80–D9 9F.
    let letter = |lead: u8, cont: u8| -> Option<usize> {
        let code = match (lead, cont) {
            (0xD8, 0xA0..=0xBF) | (0xD9, 0x80..=0x9F) => (usize::from(lead & 1) << 6) | usize::from(cont & 0x3F),
            _ => return None,
        };
        Some(code - 0x20)
    };
    let i = letter(last4[0], last4[1])? * 64 + letter(last4[2], last4[3])?;
    if len > MAX_KEY_BYTES + 4 {
        return Some(false);
    }
    Some(table.get(i).is_some_and(|bits| bits & ((0b10101u64 << len) >> 4) != 0))
}

/// The last two chars of a word (a one-letter word pairs with a space).
#[inline]
pub fn ending(w: &str) -> Option<(char, char)> {
    let mut it = w.chars().rev();
    let last = it.next()?;
    Some((it.next().unwrap_or(' '), last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_and_its_proclitic_forms_may_be_keys() {
        for k in ANY_KEY.iter() {
            let Some(e) = ending(k) else { continue };
            for extra in [0, 2, 4] {
                assert!(may_be_key(e, k.len() + extra), "{k} + {extra}");
            }
        }
        assert!(!may_be_key(('ت', 'ب'), "مكتب".len()));
    }

    #[test]
    fn arabic_endings_read_from_bytes_agree_with_chars() {
        let letters: Vec<char> = (0x600u32..0x700).filter_map(char::from_u32).collect();
        for &a in &letters {
            for &b in &letters {
                for len in [4, 6, 8, 12, 36, 38] {
                    let w = format!("{a}{b}");
                    let mut last4 = [0u8; 4];
                    last4.copy_from_slice(w.as_bytes());
                    if let Some(quick) = may_be_arabic_key(letter_pair_key_lengths(), last4, len) {
                        assert_eq!(quick, may_be_key((a, b), len), "{w} {len}");
                    }
                }
            }
        }
        assert_eq!(may_be_arabic_key(letter_pair_key_lengths(), *b"abcd", 4), None);
    }

    #[test]
    fn key_ending_bitmap_agrees_with_the_set() {
        let chars: Vec<char> =
            (0x600u32..0x700).chain([0x20, 0x41, 0x661, 0x6f0, 0xfe8e]).filter_map(char::from_u32).collect();
        for &a in &chars {
            for &b in &chars {
                assert_eq!(is_key_ending((a, b)), KEY_ENDINGS.contains(&(a, b)), "{a}{b}");
            }
        }
        assert!(KEY_ENDINGS.iter().all(|&e| is_key_ending(e)));
    }
}
