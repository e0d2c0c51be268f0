//! Hand-curated tables of Arabic number words, ordinals, fractions and counted nouns.
//!
//! Every form is given in matching-normalised spelling (alef forms to ا, ى to ي, ة to ه,
//! marks dropped), the spelling `hadath_text::normalize_for_match` produces.

use hadath_text::fxhash::word_hash;
use hadath_text::{normalize_for_match, Counted};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: short word keys hash faster than with SipHash, and the tables are fixed.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
use std::sync::LazyLock;

/// Bits of a [`WordMap`]'s filter: 4,096 bits (512 bytes) for at most about a hundred words.
const WORD_MAP_BITS: u32 = 12;

/// A map keyed by normalised words behind a bit filter: a word that is not a key is mostly
/// turned away by one cheap hash and one load, before the map hashes it byte by byte.
pub(crate) struct WordMap<V> {
    bits: [u64; 1 << (WORD_MAP_BITS - 6)],
    map: FastMap<V>,
}

/// A set of normalised words.
pub(crate) type WordSet = WordMap<()>;

impl<V> WordMap<V> {
    #[inline]
    fn slot(w: &str) -> usize {
        (word_hash(w.as_bytes()) >> (64 - WORD_MAP_BITS)) as usize
    }

    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        let s = Self::slot(w);
        if self.bits.get(s >> 6).is_none_or(|b| b & (1 << (s & 63)) == 0) {
            return None;
        }
        self.map.get(w)
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

impl<V> FromIterator<(String, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut m = WordMap { bits: [0; 1 << (WORD_MAP_BITS - 6)], map: FastMap::default() };
        for (k, v) in iter {
            let s = Self::slot(&k);
            m.bits[s >> 6] |= 1 << (s & 63);
            m.map.insert(k, v);
        }
        m
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        iter.into_iter().map(|k| (k, ())).collect()
    }
}

/// Whether a multiplier word is singular, dual or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Single,
    Dual,
    Plural,
}

/// The role a number word plays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    Zero,
    /// 1–9, able to stand alone.
    Unit(u8),
    /// The first word of 11 or 12 (أحد، إحدى، اثنا، اثني…), only before عشر.
    TeenHead(u8),
    /// عشر / عشرة: ten alone, or the tail of 11–19.
    Ten,
    /// 20, 30 … 90.
    Tens(u32),
    /// 100 … 900.
    Hundred(u32),
    /// ألف, مليون …, with its grammatical number.
    Big(f64, Form),
    /// نصف، ربع، ثلث، ثلثان: a fraction that is never anything else.
    Fraction(f64),
    /// ثمن: an eighth, or "price"; a fraction only before a definite noun.
    AmbiguousFraction(f64),
    /// Plural denominators: أرباع، أخماس …
    Denominator(f64),
    /// Vague quantities: عشرات، مئات، بضعة; the bounds per unit.
    Vague(f64, f64),
    /// An ordinal 1–10; `head_only` for الحادي / الواحد, which need a following part.
    Ordinal(u32, bool),
    /// A definite tens word used as an ordinal: العشرون.
    OrdinalTens(u32),
}

const UNITS: [(&str, u8); 24] = [
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاثه", 3),
    ("ثلاث", 3),
    ("اربعه", 4),
    ("اربع", 4),
    ("خمسه", 5),
    ("خمس", 5),
    ("سته", 6),
    ("ست", 6),
    ("سبعه", 7),
    ("سبع", 7),
    ("ثمانيه", 8),
    ("ثماني", 8),
    ("ثمان", 8),
    ("تسعه", 9),
    ("تسع", 9),
    ("ثنتان", 2),
    ("ثنتين", 2),
    ("واحدا", 1),
];

const TENS: [(&str, u32); 16] = [
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

/// Stems that take مئة/مائة to make 300 … 900.
const HUNDRED_STEMS: [(&str, u32); 8] =
    [("ثلاث", 300), ("اربع", 400), ("خمس", 500), ("ست", 600), ("سبع", 700), ("ثمان", 800), ("ثماني", 800), ("تسع", 900)];

const ORDINALS: [(&str, u32); 10] = [
    ("اول", 1),
    ("ثاني", 2),
    ("ثالث", 3),
    ("رابع", 4),
    ("خامس", 5),
    ("سادس", 6),
    ("سابع", 7),
    ("ثامن", 8),
    ("تاسع", 9),
    ("عاشر", 10),
];

static WORDS: LazyLock<FastMap<NumWord>> = LazyLock::new(build_words);

fn build_words() -> FastMap<NumWord> {
    use NumWord::*;
    let mut m: FastMap<NumWord> = FastMap::default();
    let mut put = |k: &str, v: NumWord| {
        m.insert(normalize_for_match(k), v);
    };
    put("صفر", Zero);
    for (w, v) in UNITS {
        put(w, Unit(v));
    }
    // اثنا / اثني and أحد / إحدى only begin 11 and 12.
    for (w, v) in [("احد", 1), ("احدي", 1), ("اثنا", 2), ("اثني", 2), ("اثنتا", 2), ("اثنتي", 2)]
    {
        put(w, TeenHead(v));
    }
    put("عشر", Ten);
    put("عشره", Ten);
    for (w, v) in TENS {
        put(w, Tens(v));
        put(&format!("ال{w}"), OrdinalTens(v));
    }
    for h in ["مئه", "مائه", "ميه"] {
        put(h, Hundred(100));
    }
    for h in ["مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي", "ميتين"]
    {
        put(h, Hundred(200));
    }
    for (stem, v) in HUNDRED_STEMS {
        for h in ["مئه", "مائه"] {
            put(&format!("{stem}{h}"), Hundred(v));
        }
    }
    for (w, v, f) in [
        ("الف", 1e3, Form::Single),
        ("الفا", 1e3, Form::Single),
        ("الفان", 1e3, Form::Dual),
        ("الفين", 1e3, Form::Dual),
        ("الفي", 1e3, Form::Dual),
        ("الاف", 1e3, Form::Plural),
        ("الوف", 1e3, Form::Plural),
        ("مليون", 1e6, Form::Single),
        ("مليونا", 1e6, Form::Single),
        ("مليونان", 1e6, Form::Dual),
        ("مليونين", 1e6, Form::Dual),
        ("مليوني", 1e6, Form::Dual),
        ("ملايين", 1e6, Form::Plural),
        ("مليار", 1e9, Form::Single),
        ("مليارا", 1e9, Form::Single),
        ("بليون", 1e9, Form::Single),
        ("ملياران", 1e9, Form::Dual),
        ("مليارين", 1e9, Form::Dual),
        ("مليارات", 1e9, Form::Plural),
        ("تريليون", 1e12, Form::Single),
        ("ترليون", 1e12, Form::Single),
        ("تريليونات", 1e12, Form::Plural),
        ("ترليونات", 1e12, Form::Plural),
        ("دزينة", 12.0, Form::Single),
        ("دستة", 12.0, Form::Single),
        ("دزينتان", 12.0, Form::Dual),
        ("دزينتين", 12.0, Form::Dual),
        ("دزينات", 12.0, Form::Plural),
        ("دستات", 12.0, Form::Plural),
    ] {
        put(w, Big(v, f));
    }
    for (w, v) in [
        ("نصف", 0.5),
        ("ربع", 0.25),
        ("ثلث", 1.0 / 3.0),
        ("ثلثان", 2.0 / 3.0),
        ("ثلثي", 2.0 / 3.0),
        ("ثلثين", 2.0 / 3.0),
        ("ثلثا", 2.0 / 3.0),
    ] {
        put(w, Fraction(v));
    }
    put("ثمن", AmbiguousFraction(0.125));
    for (w, v) in [
        ("اثلاث", 3.0),
        ("ارباع", 4.0),
        ("اخماس", 5.0),
        ("اسداس", 6.0),
        ("اسباع", 7.0),
        ("اثمان", 8.0),
        ("اتساع", 9.0),
        ("اعشار", 10.0),
    ] {
        put(w, Denominator(v));
    }
    for (w, lo, hi) in [
        ("عشرات", 20.0, 99.0),
        ("العشرات", 20.0, 99.0),
        ("مئات", 200.0, 999.0),
        ("مئات", 200.0, 999.0),
        ("المئات", 200.0, 999.0),
        ("بضع", 3.0, 9.0),
        ("بضعه", 3.0, 9.0),
        ("الالاف", 2000.0, 9999.0),
        ("الملايين", 2e6, 9_999_999.0),
    ] {
        put(w, Vague(lo, hi));
    }
    for (w, v) in ORDINALS {
        put(w, Ordinal(v, false));
        put(&format!("ال{w}"), Ordinal(v, false));
        put(&format!("ال{w}ه"), Ordinal(v, false));
    }
    put("اولي", Ordinal(1, false));
    put("الاولي", Ordinal(1, false));
    put("الثانيه", Ordinal(2, false));
    put("الحادي", Ordinal(1, true));
    put("الحاديه", Ordinal(1, true));
    put("حادي", Ordinal(1, true));
    put("الواحد", Ordinal(1, true));
    m
}

/// A number word found in a token, possibly after a one-letter clitic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordHit {
    pub word: NumWord,
    /// Bytes of the clitic before the number word.
    pub prefix: usize,
    /// Whether the clitic is the conjunction و.
    pub conj: bool,
}

/// The keys of [`WORDS`] bucketed by byte length and a few bytes that tell Arabic letters
/// apart, so that a lookup compares a key or two and never hashes: most words fall in an
/// empty bucket.
struct WordIndex {
    /// For each bucket: the range of `entries` it holds.
    buckets: Vec<(u16, u16)>,
    entries: Vec<(&'static str, NumWord)>,
}

/// Bits of the bucket number.
const INDEX_BITS: u32 = 12;

/// Bucket of a key: its length, and the second bytes of its first, second and last letters
/// (the first byte of an Arabic letter is nearly always D8 or D9).
#[inline]
fn bucket_of(key: &[u8]) -> Option<usize> {
    let n = key.len();
    if n < 2 {
        return None;
    }
    let second = if n >= 4 { key[3] } else { 0 };
    let h = (n as u32)
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add(key[1] as u32)
        .wrapping_mul(0x85EB_CA77)
        .wrapping_add(second as u32)
        .wrapping_mul(0xC2B2_AE3D)
        .wrapping_add(key[n - 1] as u32)
        .wrapping_mul(0x27D4_EB2F);
    Some((h >> (32 - INDEX_BITS)) as usize)
}

impl WordIndex {
    fn new(words: &'static FastMap<NumWord>) -> Self {
        let mut keyed: Vec<(usize, &'static str, NumWord)> =
            words.iter().filter_map(|(k, v)| bucket_of(k.as_bytes()).map(|b| (b, k.as_str(), *v))).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
        let mut buckets = vec![(0u16, 0u16); 1 << INDEX_BITS];
        for (i, (b, _, _)) in keyed.iter().enumerate() {
            let slot = &mut buckets[*b];
            if slot.0 == slot.1 {
                slot.0 = i as u16;
            }
            slot.1 = i as u16 + 1;
        }
        WordIndex { buckets, entries: keyed.into_iter().map(|(_, k, v)| (k, v)).collect() }
    }

    #[inline]
    fn get(&self, norm: &str) -> Option<&NumWord> {
        let (start, end) = *self.buckets.get(bucket_of(norm.as_bytes())?)?;
        self.entries.get(start as usize..end as usize)?.iter().find(|(k, _)| *k == norm).map(|(_, v)| v)
    }
}

static WORD_INDEX: LazyLock<WordIndex> = LazyLock::new(|| WordIndex::new(&WORDS));

/// The entry of `norm` in [`WORDS`], through the bucketed index.
#[inline]
fn get_word(norm: &str) -> Option<&'static NumWord> {
    WORD_INDEX.get(norm)
}

/// Looks a normalised word up, trying one clitic (و، ف، ب، ل) when the bare form fails.
pub(crate) fn lookup(norm: &str) -> Option<WordHit> {
    if let Some(&word) = get_word(norm) {
        return Some(WordHit { word, prefix: 0, conj: false });
    }
    // ك is left out: كمية and كميات would read as ك + مئة / مئات. The clitics are two-byte
    // letters, compared as bytes: و D9 88, ف D9 81, ب D8 A8, ل D9 84.
    let first = match norm.as_bytes() {
        [0xD9, 0x88, ..] => 'و',
        [0xD9, 0x81, ..] => 'ف',
        [0xD8, 0xA8, ..] => 'ب',
        [0xD9, 0x84, ..] => 'ل',
        _ => return None,
    };
    let rest = norm.get(2..)?;
    // Two-letter remainders (ست، عشر is three) are too easily other words; a key has at least
    // four bytes, so a shorter remainder is no word either. Letters are counted only for a key.
    if rest.len() < 4 {
        return None;
    }
    let &word = get_word(rest)?;
    if rest.chars().count() < 3 {
        return None;
    }
    // Only و joins the parts of a compound; fractions after other clitics are other words.
    if first != 'و' && matches!(word, NumWord::Fraction(_) | NumWord::Denominator(_)) {
        return None;
    }
    // ثمن after a clitic is a price ("وثمن", "بثمن").
    if matches!(word, NumWord::AmbiguousFraction(_)) {
        return None;
    }
    Some(WordHit { word, prefix: first.len_utf8(), conj: first == 'و' })
}

/// A bit per hash of every word that [`lookup`] finds (a key, or a clitic and a key) and of the
/// other words that may begin a number by themselves (سالب، ناقص، جزء، الربع، النصف، الثلث): a
/// word whose bit is clear is none of them, which most words learn from one hash and one load.
pub(crate) struct WordFilter {
    bits: Vec<u64>,
}

/// Bits of the filter's table: 2^16 bits (8 KiB) for about a thousand words.
const FILTER_BITS: u32 = 16;

impl WordFilter {
    fn new() -> WordFilter {
        let mut f = WordFilter { bits: vec![0; 1 << (FILTER_BITS - 6)] };
        let clitics = ["و", "ف", "ب", "ل"];
        let mut w = String::new();
        for key in WORDS.keys() {
            f.insert(key);
            for c in clitics {
                w.clear();
                w.push_str(c);
                w.push_str(key);
                if lookup(&w).is_some() {
                    f.insert(&w);
                }
            }
        }
        for w in ["سالب", "ناقص", LITS.part.as_str(), "الربع", "النصف", "الثلث"] {
            f.insert(w);
        }
        f
    }

    #[inline]
    fn slot(w: &[u8]) -> usize {
        (word_hash(w) >> (64 - FILTER_BITS)) as usize
    }

    fn insert(&mut self, w: &str) {
        let s = Self::slot(w.as_bytes());
        self.bits[s >> 6] |= 1 << (s & 63);
    }

    /// False when the word whose bytes are `w` is surely neither a number word nor one of the
    /// words that begin numbers.
    #[inline]
    pub fn may_hold_bytes(&self, w: &[u8]) -> bool {
        let s = Self::slot(w);
        self.bits.get(s >> 6).is_some_and(|b| b & (1 << (s & 63)) != 0)
    }
}

static FILTER: LazyLock<WordFilter> = LazyLock::new(WordFilter::new);

/// The word filter (built on first use).
pub(crate) fn filter() -> &'static WordFilter {
    &FILTER
}

static COUNTED: LazyLock<WordMap<Counted>> = LazyLock::new(|| {
    let mut m = Vec::new();
    let table: [(&[&str], Counted); 6] = [
        (
            &["قتيل", "قتيلا", "قتلى", "شهيد", "شهداء", "ميت", "موتى", "وفاة", "وفيات", "جثة", "جثث", "قتيلة"],
            Counted::Killed,
        ),
        (&["جريح", "جرحى", "مصاب", "مصابين", "مصابون", "إصابة", "إصابات"], Counted::Injured),
        (&["شخص", "أشخاص", "نسمة", "فرد", "أفراد", "مواطن", "مواطنين", "مواطنون", "إنسان"], Counted::People),
        (&["جندي", "جنديا", "جنود", "عسكري", "عسكريا", "عسكريين", "عسكريون"], Counted::Soldiers),
        (&["مدني", "مدنيا", "مدنيين", "مدنيون"], Counted::Civilians),
        (&["ضحية", "ضحايا"], Counted::Victims),
    ];
    for (words, class) in table {
        for w in words {
            m.push((normalize_for_match(w), class));
        }
    }
    m.into_iter().collect()
});

/// Class of a counted noun, from its normalised form (tanwin alef and the article tolerated).
pub(crate) fn counted_class(norm: &str) -> Option<Counted> {
    let bare = norm.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(norm);
    if let Some(&c) = COUNTED.get(bare) {
        return Some(c);
    }
    let stem = bare.strip_suffix('ا').filter(|r| r.chars().count() >= 3)?;
    COUNTED.get(stem).copied()
}

fn set(words: &[&str]) -> WordSet {
    words.iter().map(|w| normalize_for_match(w)).collect()
}

static KILL_TRIGGERS: LazyLock<WordSet> =
    LazyLock::new(|| set(&["مقتل", "قتل", "استشهاد", "وفاة", "مصرع", "قتلت", "قتلوا", "قُتل", "لقي", "لقيت"]));
static INJURY_TRIGGERS: LazyLock<WordSet> = LazyLock::new(|| set(&["إصابة", "جرح", "أصيب", "جرحت"]));
static YEAR_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&["عام", "العام", "لعام", "وعام", "سنة", "السنة", "لسنة", "عامي", "العامين", "منذ", "مطلع", "أواخر", "أوائل"])
});
/// First words of every month name of hadath-time's table (CLDR and curated variants of every
/// Arabic family, Gregorian and Hijri): "كانون" of "كانون الثاني", "ذو" of "ذو الحجة".
static MONTHS: LazyLock<WordSet> = LazyLock::new(|| {
    hadath_time::month_table()
        .iter()
        .filter_map(|m| normalize_for_match(m.name).split(' ').next().map(str::to_string))
        .filter(|w| !w.is_empty())
        .collect()
});
static FUNCTION_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "من",
        "في",
        "على",
        "إلى",
        "عن",
        "و",
        "أو",
        "ثم",
        "حتى",
        "مع",
        "بين",
        "أن",
        "إن",
        "أنه",
        "الذي",
        "التي",
        "الذين",
        "قد",
        "لا",
        "لم",
        "لن",
        "ما",
        "هو",
        "هي",
        "كما",
        "بعد",
        "قبل",
        "منذ",
        "خلال",
        "عند",
        "أي",
        "كل",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "فقط",
        "نحو",
        "حوالي",
        "تقريبا",
        "وفق",
        "حسب",
        "أكثر",
        "أقل",
        "بينهم",
        "بينهن",
        "بينها",
        "منهم",
        "منهن",
        "منها",
        "منه",
        "فيها",
        "فيه",
        "فيهم",
        "عليها",
        "عليه",
        "عليهم",
        "لهم",
        "له",
        "لها",
        "بحسب",
        "جراء",
        "إثر",
        "بسبب",
        "وسط",
        "أمس",
        "اليوم",
        "حين",
        "حيث",
        "إذ",
        "كان",
        "كانت",
        "هم",
        "هن",
        "أمام",
        "خلف",
        "بتوقيت",
        "مقابل",
        "ضد",
        "عبر",
        "دون",
        "فوق",
        "تحت",
        "لدى",
        "عقب",
        "بالتوقيت",
        "بحلول",
    ])
});

/// Casualty nouns before a number that set its class: مقتل 53 شخصا.
pub(crate) fn trigger_class(norm: &str) -> Option<Counted> {
    // "أودى بحياة 6 مدنيين".
    if norm == "بحياه" {
        return Some(Counted::Killed);
    }
    let bare = norm.strip_prefix('و').filter(|r| r.chars().count() >= 3).unwrap_or(norm);
    let bare = ['ب', 'ل', 'ف']
        .iter()
        .find_map(|c| bare.strip_prefix(*c).filter(|r| r.chars().count() >= 3 && !KILL_TRIGGERS.contains(bare)))
        .unwrap_or(bare);
    if KILL_TRIGGERS.contains(bare) {
        Some(Counted::Killed)
    } else if bare == "سقوط" {
        // "سقوط 20 شخصا" is a death toll, "سقوط 3 صواريخ" is not: weak, see `is_weak_trigger`.
        Some(Counted::Killed)
    } else if INJURY_TRIGGERS.contains(bare) {
        Some(Counted::Injured)
    } else {
        None
    }
}

/// Words before a number that make it a year, not a count.
pub(crate) fn is_year_word(norm: &str) -> bool {
    YEAR_WORDS.contains(norm)
}

/// Month names, whose presence after a number makes it a day of a date.
pub(crate) fn is_month_word(norm: &str) -> bool {
    match norm.strip_prefix("ال") {
        // "الذي" (which) is not the "ذي" of "ذي الحجة" with an article.
        Some(bare) => bare != "ذي" && MONTHS.contains(bare),
        None => MONTHS.contains(norm),
    }
}

/// Words that cannot be a counted noun: particles, prepositions, pronouns.
pub(crate) fn is_function_word(norm: &str) -> bool {
    FUNCTION_WORDS.contains(norm)
}

/// Normalised forms of literal words the parser compares against.
pub(crate) struct Lits {
    pub percent_after_fi: WordSet,
    pub percent_word: WordSet,
    pub part: String,
    pub parts: String,
}

pub(crate) static LITS: LazyLock<Lits> = LazyLock::new(|| Lits {
    percent_after_fi: set(&["المئة", "المائة", "المية"]),
    percent_word: set(&["بالمئة", "بالمائة", "بالمية"]),
    part: normalize_for_match("جزء"),
    parts: normalize_for_match("أجزاء"),
});

/// Triggers that set the class only for nouns of people (سقوط).
pub(crate) fn is_weak_trigger(norm: &str) -> bool {
    norm.ends_with("سقوط") && norm.chars().count() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_passes_every_word_lookup_finds() {
        let f = filter();
        let mut passed = 0;
        for key in WORDS.keys() {
            for c in ["", "و", "ف", "ب", "ل", "ك", "ال"] {
                let w = format!("{c}{key}");
                if lookup(&w).is_some() {
                    assert!(f.may_hold_bytes(w.as_bytes()), "{w}");
                    passed += 1;
                }
            }
        }
        assert!(passed > WORDS.len());
        for w in ["سالب", "ناقص", "جزء", "الربع", "النصف", "الثلث"] {
            assert!(f.may_hold_bytes(normalize_for_match(w).as_bytes()), "{w}");
        }
        // Most other words are turned away.
        let others = ["الحكومه", "قال", "وزير", "الخارجيه", "في", "اجتماع", "مع", "نظيره", "الروسي", "امس"];
        assert!(others.iter().filter(|w| f.may_hold_bytes(w.as_bytes())).count() <= 1);
    }

    #[test]
    fn months_come_from_the_time_table() {
        // Names of every family, first words of two-word names, with or without the article.
        for w in ["يناير", "جانفي", "شتنبر", "كانون", "تشرين", "آب", "صفر", "ربيع", "جمادى", "ذو", "الحجة"]
        {
            let norm = normalize_for_match(w);
            assert_eq!(is_month_word(&norm), w != "الحجة", "{w}");
        }
        assert!(is_month_word(&normalize_for_match("المحرم")));
        assert!(!is_month_word(&normalize_for_match("جنود")));
        assert!(is_month_word(&normalize_for_match("ذي")));
        assert!(!is_month_word(&normalize_for_match("الذي")));
    }

    #[test]
    fn index_finds_every_word_and_nothing_else() {
        for (k, v) in WORDS.iter() {
            // `lookup` skips remainders shorter than four bytes.
            assert!(k.len() >= 4, "{k}");
            assert_eq!(get_word(k), Some(v), "{k}");
            let longer = format!("{k}ن");
            assert_eq!(get_word(&longer), WORDS.get(&longer), "{longer}");
        }
        for w in ["", "ا", "الحكومه", "قال", "abc", "عشرونعشرونعشرونعشرونعشرون"] {
            assert_eq!(get_word(w), WORDS.get(w), "{w}");
        }
    }
}
