//! Entity recognition tests on sentences written for these tests, with the built-in lexicon.
//!
//! Every person, country, capital, region and organisation named in the seed articles is checked
//! here in new sentences, with its code and, for people, the role held at the given date.

use hadath_lexicon::Lexicon;
use hadath_text::{Date, Document, Entity, EntityKind};

fn run(text: &str, date: Option<(i32, u32, u32)>) -> (Document, Vec<Entity>) {
    let mut doc = Document::new("t", text);
    doc.published.value = date.and_then(|(y, m, d)| Date::new(y, m, d));
    Lexicon::get().annotate(&mut doc);
    let ents = doc.entities.clone();
    (doc, ents)
}

fn show(doc: &Document, ents: &[Entity]) -> String {
    ents.iter()
        .map(|e| format!("[{}] {:?} {} {:?} {:?}", doc.slice(e.span), e.kind, e.name, e.code, e.role))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Finds the entity whose text is `surface` and checks kind, name and code.
fn expect(doc: &Document, ents: &[Entity], surface: &str, kind: EntityKind, name: &str, code: Option<&str>) -> Entity {
    let e = ents
        .iter()
        .find(|e| doc.slice(e.span) == surface)
        .unwrap_or_else(|| panic!("no entity [{surface}] in:\n{}", show(doc, ents)));
    assert_eq!(e.kind, kind, "kind of [{surface}]\n{}", show(doc, ents));
    assert_eq!(e.name, name, "name of [{surface}]\n{}", show(doc, ents));
    assert_eq!(e.code.as_deref(), code, "code of [{surface}]\n{}", show(doc, ents));
    e.clone()
}

#[test]
fn titles_adjectives_and_names_make_one_person() {
    let (d, e) = run(
        "اجتمع وزير الخارجية الروسي سيرغي لافروف صباح اليوم مع رئيس الوزراء الأرميني نيكول باشينيان.",
        Some((2022, 5, 3)),
    );
    let l = expect(&d, &e, "وزير الخارجية الروسي سيرغي لافروف", EntityKind::Person, "Sergey Lavrov", Some("RUSGOV"));
    assert_eq!(l.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(l.country.as_deref(), Some("RUS"));
    let p =
        expect(&d, &e, "رئيس الوزراء الأرميني نيكول باشينيان", EntityKind::Person, "Nikol Pashinyan", Some("ARMGOV"));
    assert_eq!(p.role.as_deref(), Some("Prime Minister"));
}

#[test]
fn title_and_country_resolve_by_date() {
    let (d, e) = run("وصل رئيس وزراء أرمينيا إلى العاصمة البلجيكية للمشاركة في الاجتماع.", Some((2022, 10, 1)));
    let p = expect(&d, &e, "رئيس وزراء أرمينيا", EntityKind::Person, "Nikol Pashinyan", Some("ARMGOV"));
    assert_eq!(p.role.as_deref(), Some("Prime Minister"));
    let (d, e) = run("هاتف رئيس أذربيجان نظيره الروسي مساء أمس.", Some((2020, 10, 9)));
    expect(&d, &e, "رئيس أذربيجان", EntityKind::Person, "Ilham Aliyev", Some("AZEGOV"));
    expect(&d, &e, "نظيره الروسي", EntityKind::Person, "Vladimir Putin", Some("RUSGOV"));
    let (d, e) = run("أشاد الرئيس الروسي بالاتفاق.", Some((2005, 3, 1)));
    expect(&d, &e, "الرئيس الروسي", EntityKind::Person, "Vladimir Putin", Some("RUSGOV"));
}

#[test]
fn counterparts_inherit_the_role() {
    let (d, e) =
        run("استقبل وزير الخارجية الروسي في العاصمة نظيريه الأذربيجاني والأرميني لبحث التهدئة.", Some((2020, 10, 9)));
    let a = expect(&d, &e, "نظيريه الأذربيجاني", EntityKind::Person, "Jeyhun Bayramov", Some("AZEGOV"));
    assert_eq!(a.role.as_deref(), Some("Foreign Minister"));
    let m = expect(&d, &e, "الأرميني", EntityKind::Person, "Zohrab Mnatsakanyan", Some("ARMGOV"));
    assert_eq!(m.role.as_deref(), Some("Foreign Minister"));
}

#[test]
fn names_alone_get_their_role_at_the_date() {
    let (d, e) = run("وقال علييف إن باشينيان وبوتين ولافروف وبيراموف ومناتساكانيان سيلتقون.", Some((2020, 10, 9)));
    expect(&d, &e, "علييف", EntityKind::Person, "Ilham Aliyev", Some("AZEGOV"));
    expect(&d, &e, "باشينيان", EntityKind::Person, "Nikol Pashinyan", Some("ARMGOV"));
    let p = expect(&d, &e, "بوتين", EntityKind::Person, "Vladimir Putin", Some("RUSGOV"));
    assert_eq!(p.role.as_deref(), Some("President"));
    expect(&d, &e, "لافروف", EntityKind::Person, "Sergey Lavrov", Some("RUSGOV"));
    expect(&d, &e, "بيراموف", EntityKind::Person, "Jeyhun Bayramov", Some("AZEGOV"));
    let m = expect(&d, &e, "مناتساكانيان", EntityKind::Person, "Zohrab Mnatsakanyan", Some("ARMGOV"));
    assert_eq!(m.role.as_deref(), Some("Foreign Minister"));
    // Putin was prime minister in 2010.
    let (d, e) = run("زار بوتين المدينة.", Some((2010, 6, 1)));
    let p = expect(&d, &e, "بوتين", EntityKind::Person, "Vladimir Putin", Some("RUSGOV"));
    assert_eq!(p.role.as_deref(), Some("Prime Minister"));
}

#[test]
fn agents_take_the_country_of_the_adjective() {
    let (d, e) = run(
        "قالت وزارة الدفاع الروسية إن الجيش الأذربيجاني والقوات الأرمينية تبادلا إطلاق النار، بينما دعت الحكومة السودانية إلى الهدوء.",
        Some((2021, 5, 1)),
    );
    expect(&d, &e, "الجيش الأذربيجاني", EntityKind::Group, "Azerbaijan military", Some("AZEMIL"));
    let f = e.iter().find(|x| d.slice(x.span) == "القوات الأرمينية").expect("forces");
    assert_eq!(f.code.as_deref(), Some("ARMMIL"));
    let m = e.iter().find(|x| d.slice(x.span) == "وزارة الدفاع الروسية").expect("ministry");
    assert_eq!(m.code.as_deref(), Some("RUSMIL"));
    let g = e.iter().find(|x| d.slice(x.span) == "الحكومة السودانية").expect("government");
    assert_eq!(g.code.as_deref(), Some("SDNGOV"));
}

#[test]
fn countries_get_iso3_codes() {
    let (d, e) = run(
        "تتابع أذربيجان وأرمينيا وروسيا وفرنسا والولايات المتحدة وكازاخستان وأوكرانيا وجورجيا ومولدافيا الملف.",
        None,
    );
    expect(&d, &e, "أذربيجان", EntityKind::Country, "Azerbaijan", Some("AZE"));
    expect(&d, &e, "أرمينيا", EntityKind::Country, "Armenia", Some("ARM"));
    expect(&d, &e, "روسيا", EntityKind::Country, "Russia", Some("RUS"));
    expect(&d, &e, "فرنسا", EntityKind::Country, "France", Some("FRA"));
    expect(&d, &e, "الولايات المتحدة", EntityKind::Country, "United States", Some("USA"));
    expect(&d, &e, "كازاخستان", EntityKind::Country, "Kazakhstan", Some("KAZ"));
    expect(&d, &e, "أوكرانيا", EntityKind::Country, "Ukraine", Some("UKR"));
    expect(&d, &e, "جورجيا", EntityKind::Country, "Georgia", Some("GEO"));
    expect(&d, &e, "مولدافيا", EntityKind::Country, "Moldova", Some("MDA"));
    let c = e.iter().find(|x| d.slice(x.span) == "أرمينيا").expect("armenia");
    assert_eq!((c.country.as_deref(), c.sector.as_deref()), (Some("ARM"), None));
}

#[test]
fn capitals_are_places_or_governments() {
    let (d, e) = run("عُقد اللقاء في موسكو ثم انتقل الوفد إلى سوتشي وسان بطرسبرغ وبراغ وواشنطن وباريس ونيويورك.", None);
    let m = expect(&d, &e, "موسكو", EntityKind::Place, "Moscow", None);
    assert!(m.lat.is_some() && m.lon.is_some());
    expect(&d, &e, "سوتشي", EntityKind::Place, "Sochi", None);
    expect(&d, &e, "براغ", EntityKind::Place, "Prague", None);
    expect(&d, &e, "واشنطن", EntityKind::Place, "Washington", None);
    expect(&d, &e, "باريس", EntityKind::Place, "Paris", None);
    expect(&d, &e, "نيويورك", EntityKind::Place, "New York City", None);
    let (d, e) = run("اتهمت باكو يريفان بخرق الهدنة، وموسكو تدعو إلى التهدئة من بروكسل.", None);
    expect(&d, &e, "باكو", EntityKind::Country, "Azerbaijan", Some("AZEGOV"));
    // The accused capital is the government too.
    expect(&d, &e, "يريفان", EntityKind::Country, "Armenia", Some("ARMGOV"));
    expect(&d, &e, "موسكو", EntityKind::Country, "Russia", Some("RUSGOV"));
    expect(&d, &e, "بروكسل", EntityKind::Place, "Brussels", None);
}

#[test]
fn karabakh_in_every_spelling() {
    for form in [
        "ناغورنو كاراباخ",
        "ناغورني قره باغ",
        "ناجورنو قره باغ",
        "ناجورنو قرة باغ",
        "ناغورني كاراباخ",
        "قره باغ",
        "قرة باغ",
        "كاراباخ",
        "آرتساخ",
    ] {
        let text = format!("تجدد التوتر في {form} صباح اليوم.");
        let (d, e) = run(&text, None);
        let k = expect(&d, &e, form, EntityKind::Place, "Nagorno-Karabakh", None);
        assert_eq!(k.lexicon_id.as_deref(), Some("nagorno-karabakh"));
        assert!(k.lat.is_some());
    }
    let (d, e) = run("عاد النازحون إلى إقليم قره باغ وممر لاتشين.", None);
    expect(&d, &e, "قره باغ", EntityKind::Place, "Nagorno-Karabakh", None);
    expect(&d, &e, "ممر لاتشين", EntityKind::Place, "Lachin corridor", None);
}

#[test]
fn organisations_and_agencies() {
    let (d, e) = run(
        "ذكرت وكالة تاس وإنترفاكس ورويترز وفرانس برس أن الأمم المتحدة والاتحاد الأوروبي ومجموعة مينسك ورابطة الدول المستقلة رحبت بالخطوة.",
        None,
    );
    let un = expect(&d, &e, "الأمم المتحدة", EntityKind::Organisation, "United Nations", Some("IGOUNO"));
    assert_eq!(un.country, None);
    for (s, code) in [
        ("وكالة تاس", "RUSMED"),
        ("إنترفاكس", "RUSMED"),
        ("رويترز", "GBRMED"),
        ("فرانس برس", "FRAMED"),
        ("الاتحاد الأوروبي", "IGOEUREEC"),
    ] {
        let x = e.iter().find(|x| d.slice(x.span) == s).unwrap_or_else(|| panic!("{s}\n{}", show(&d, &e)));
        assert_eq!(x.code.as_deref(), Some(code), "{s}");
    }
    assert!(e.iter().any(|x| d.slice(x.span) == "مجموعة مينسك"), "{}", show(&d, &e));
    assert!(e.iter().any(|x| d.slice(x.span) == "رابطة الدول المستقلة"), "{}", show(&d, &e));
}

#[test]
fn clitics_are_outside_the_span() {
    let (d, e) = run("وصل الوفد لموسكو وبباكو وللأمم المتحدة والأذربيجانيون غاضبون.", None);
    expect(&d, &e, "موسكو", EntityKind::Place, "Moscow", None);
    expect(&d, &e, "باكو", EntityKind::Place, "Baku", None);
    // "لل" is the preposition and the article run together: the span keeps both letters, so that
    // its text is a word ("للأمم المتحدة"); a proclitic before it (و) stays outside.
    assert!(e.iter().any(|x| d.slice(x.span) == "للأمم المتحدة"), "{}", show(&d, &e));
}

#[test]
fn amman_or_oman_by_context() {
    let (d, e) = run("أعلنت الحكومة الأردنية أن الاجتماع سيعقد في عمان الأسبوع المقبل.", None);
    expect(&d, &e, "عمان", EntityKind::Place, "Amman", None);
    let (d, e) = run("زار الوزير سلطنة عمان، وأشاد المسؤولون العمانيون بالزيارة.", None);
    expect(&d, &e, "سلطنة عمان", EntityKind::Country, "Oman", Some("OMN"));
}

#[test]
fn no_date_leaves_ambiguous_roles_unresolved() {
    let (d, e) = run("قال رئيس وزراء أرمينيا إن المحادثات مستمرة.", None);
    // Only one open holder: resolved.
    expect(&d, &e, "رئيس وزراء أرمينيا", EntityKind::Person, "Nikol Pashinyan", Some("ARMGOV"));
}

#[test]
fn entities_are_sorted_non_overlapping_and_inside_sentences() {
    let text = "وزير الخارجية الروسي في موسكو. الجيش الأذربيجاني في قره باغ.";
    let mut doc = Document::new("t", text);
    let first_end = text.find('.').unwrap() + 1;
    doc.sentences = vec![hadath_text::Span::new(0, first_end)];
    Lexicon::get().annotate(&mut doc);
    assert!(doc.entities.iter().all(|e| e.span.end <= first_end));
    assert!(doc.entities.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn gazetteer_classes_tag_tokens() {
    use hadath_lexicon::NerClass;
    let toks = ["زار", "إلهام", "علييف", "موسكو", "و", "الأمم", "المتحدة"];
    let tags = Lexicon::get().gazetteer_classes(&toks);
    assert_eq!(tags[0], None);
    assert_eq!(tags[1].map(|t| (t.class, t.begin)), Some((NerClass::Per, true)));
    assert_eq!(tags[2].map(|t| (t.class, t.begin)), Some((NerClass::Per, false)));
    assert_eq!(tags[3].map(|t| t.class), Some(NerClass::Loc));
    assert_eq!(tags[5].map(|t| (t.class, t.begin)), Some((NerClass::Org, true)));
    assert_eq!(tags[6].map(|t| (t.class, t.begin)), Some((NerClass::Org, false)));
}

#[test]
fn never_panics_on_odd_input() {
    let samples = [
        "",
        "ال",
        "و",
        "لل",
        "نظيريه",
        "نظيريه الأذربيجاني",
        "\u{200f}باكو\u{064e}\u{0651}",
        "وزير",
        "a\tb\n\u{0000}",
        "ببباكو تتتت",
        "الرئيس الرئيس الرئيس",
    ];
    for s in samples {
        let mut doc = Document::new("t", s);
        Lexicon::get().annotate(&mut doc);
        for e in &doc.entities {
            assert!(s.get(e.span.start..e.span.end).is_some());
        }
    }
}

#[test]
fn western_and_international_officials_of_the_seeds() {
    let (d, e) = run(
        "رحب الرئيس الفرنسي إيمانويل ماكرون ووزير الخارجية الأميركي أنتوني بلينكن بالخطوة، فيما التقى شارل ميشال الزعيمين.",
        Some((2022, 11, 20)),
    );
    let m = expect(&d, &e, "الرئيس الفرنسي إيمانويل ماكرون", EntityKind::Person, "Emmanuel Macron", Some("FRAGOV"));
    assert_eq!(m.role.as_deref(), Some("President"));
    let b = expect(&d, &e, "وزير الخارجية الأميركي أنتوني بلينكن", EntityKind::Person, "Antony Blinken", Some("USAGOV"));
    assert_eq!(b.role.as_deref(), Some("Foreign Minister"));
    let c = e.iter().find(|x| d.slice(x.span) == "شارل ميشال").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(c.name, "Charles Michel");
    assert_eq!(c.code.as_deref(), Some("IGOEUREEC"));
    let (d, e) = run("قالت المفوضة ميشيل باشيليت إن المدنيين يدفعون الثمن.", Some((2020, 10, 9)));
    let b = e.iter().find(|x| x.name == "Michelle Bachelet").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(b.code.as_deref(), Some("IGOUNO"));
    // The French president without a name, resolved by the date.
    let (d, e) = run("اتصل الرئيس الفرنسي بنظيره.", Some((2021, 12, 15)));
    expect(&d, &e, "الرئيس الفرنسي", EntityKind::Person, "Emmanuel Macron", Some("FRAGOV"));
}

#[test]
fn dual_titles_and_agent_chains_name_two_actors() {
    let (d, e) = run("وصل وزيرا الخارجية الأذربيجاني والأرميني إلى المدينة.", Some((2020, 10, 9)));
    expect(&d, &e, "وزيرا الخارجية الأذربيجاني", EntityKind::Person, "Jeyhun Bayramov", Some("AZEGOV"));
    expect(&d, &e, "الأرميني", EntityKind::Person, "Zohrab Mnatsakanyan", Some("ARMGOV"));
    let (d, e) = run("تبادلت القوات الأرمينية والأذربيجانية القصف.", None);
    let a = e.iter().find(|x| d.slice(x.span) == "القوات الأرمينية").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(a.code.as_deref(), Some("ARMMIL"));
    let b = e.iter().find(|x| d.slice(x.span) == "الأذربيجانية").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(b.code.as_deref(), Some("AZEMIL"));
}

#[test]
fn other_seed_names() {
    let (d, e) = run(
        "أعلن الإليزيه أن القوقاز شهد بعد تفكك الاتحاد السوفييتي نزاعات، وأن قمة براغ ناقشت الحدود مع كازاخستان.",
        None,
    );
    let el = e.iter().find(|x| d.slice(x.span) == "الإليزيه").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(el.code.as_deref(), Some("FRAGOV"));
    expect(&d, &e, "القوقاز", EntityKind::Place, "Caucasus", None);
    expect(&d, &e, "الاتحاد السوفييتي", EntityKind::Country, "Soviet Union", Some("SUN"));
    expect(&d, &e, "براغ", EntityKind::Place, "Prague", None);
    expect(&d, &e, "كازاخستان", EntityKind::Country, "Kazakhstan", Some("KAZ"));
    let (d, e) = run("نقلت وكالة الأنباء الأرمينية عن مسؤول أن باكو تتهم يريفان.", None);
    expect(&d, &e, "باكو", EntityKind::Country, "Azerbaijan", Some("AZEGOV"));
}

#[test]
fn plural_titles_with_country_lists_and_agents_with_their_adjective() {
    let (d, e) = run("اجتمع وزراء خارجية أذربيجان وأرمينيا في العاصمة الروسية.", Some((2020, 10, 9)));
    let a = e.iter().find(|x| x.name == "Jeyhun Bayramov").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(a.code.as_deref(), Some("AZEGOV"));
    expect(&d, &e, "أرمينيا", EntityKind::Person, "Zohrab Mnatsakanyan", Some("ARMGOV"));
    let (d, e) = run("قال مصدر في الرئاسة الفرنسية إن الاتصال جرى أمس.", None);
    let p = e.iter().find(|x| d.slice(x.span).contains("الرئاسة")).unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(p.code.as_deref(), Some("FRAGOV"));
    let (d, e) = run("ورحب وزير الخارجية الروسي ونظيره الأرميني بالهدنة.", Some((2020, 10, 9)));
    expect(&d, &e, "نظيره الأرميني", EntityKind::Person, "Zohrab Mnatsakanyan", Some("ARMGOV"));
}

#[test]
fn random_text_never_panics_and_spans_stay_valid() {
    // A small deterministic generator over Arabic letters, clitics, marks, digits and punctuation.
    let alphabet: Vec<char> =
        "وفبلكالرئيسوزيرنظيرهباكوموسكوعمانقرهباغ ،.\u{064e}\u{0651}\u{0640}\u{200f}9١«»-\n".chars().collect();
    let mut state: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(state % 120) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let mut doc = Document::new("r", s.clone());
        Lexicon::get().annotate(&mut doc);
        for w in doc.entities.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{s:?}");
        }
        for e in &doc.entities {
            assert!(s.get(e.span.start..e.span.end).is_some(), "{s:?}");
        }
    }
}

#[test]
fn a_comma_between_title_and_name_is_allowed() {
    let (d, e) = run("وقال وزير الخارجية الروسي، سيرغي لافروف، إن الباب مفتوح.", Some((2019, 4, 1)));
    expect(&d, &e, "وزير الخارجية الروسي، سيرغي لافروف", EntityKind::Person, "Sergey Lavrov", Some("RUSGOV"));
}

#[test]
fn first_level_regions_of_arab_states() {
    let (d, e) = run("وصلت التعزيزات إلى محافظة ذي قار ثم إلى ولاية الخرطوم.", None);
    let r = e.iter().find(|x| d.slice(x.span) == "محافظة ذي قار").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!((r.kind, r.country.as_deref()), (EntityKind::Place, Some("IRQ")));
    assert!(r.lat.is_some());
}

#[test]
fn leaders_resolve_to_the_office_holder_the_document_names() {
    let (d, e) =
        run("جمع بوتين زعيمي أذربيجان وأرمينيا. وقال علييف وباشينيان إنهما مستعدان للسلام.", Some((2021, 11, 26)));
    let a = e.iter().find(|x| d.slice(x.span) == "زعيمي أذربيجان").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(a.name, "Ilham Aliyev");
    let p = e.iter().find(|x| d.slice(x.span) == "أرمينيا").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(p.name, "Nikol Pashinyan");
}

#[test]
fn given_tokens_and_sentences_give_the_same_entities() {
    let text = "قال الرئيس الروسي فلاديمير بوتين في موسكو. واتهمت باكو يريفان بخرق الهدنة.";
    let mut a = Document::new("a", text);
    a.published.value = Date::new(2020, 10, 9);
    Lexicon::get().annotate(&mut a);
    let mut b = a.clone();
    b.entities.clear();
    b.tokens = hadath_text::tokenize(text);
    let cut = text.find('.').map(|i| i + 1).unwrap_or(text.len());
    b.sentences = vec![hadath_text::Span::new(0, cut), hadath_text::Span::new(cut, text.len())];
    Lexicon::get().annotate(&mut b);
    assert_eq!(a.entities, b.entities);
    assert_eq!(a.entities.len(), 4, "{}", show(&a, &a.entities));
}

#[test]
fn capitals_as_objects_of_political_verbs() {
    let (d, e) = run("اتهم الرئيس الفرنسي موسكو بتأجيج النزاع، ثم سافر إلى موسكو.", Some((2020, 10, 1)));
    let first = e.iter().find(|x| d.slice(x.span) == "موسكو").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!((first.kind, first.code.as_deref()), (EntityKind::Country, Some("RUSGOV")));
    let last = e.iter().rev().find(|x| d.slice(x.span) == "موسكو").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(last.kind, EntityKind::Place);
}

#[test]
fn capitals_after_complementisers_and_in_pairs_are_governments() {
    let (d, e) = run("وأكد المتحدث أن واشنطن وموسكو ستواصلان الحوار.", None);
    expect(&d, &e, "واشنطن", EntityKind::Country, "United States", Some("USAGOV"));
    expect(&d, &e, "موسكو", EntityKind::Country, "Russia", Some("RUSGOV"));
    let (d, e) = run("تتواصل الرحلات بين موسكو وباريس.", None);
    expect(&d, &e, "موسكو", EntityKind::Place, "Moscow", None);
    expect(&d, &e, "باريس", EntityKind::Place, "Paris", None);
}

#[test]
fn former_holders_are_not_taken_from_the_date() {
    let (d, e) = run("وانتقد الرئيس الأمريكي السابق باراك أوباما القرار.", Some((2019, 5, 1)));
    let o = e.iter().find(|x| x.name == "Barack Obama").unwrap_or_else(|| panic!("{}", show(&d, &e)));
    assert_eq!(d.slice(o.span), "الرئيس الأمريكي السابق باراك أوباما");
    let (d, e) = run("وانتقد الرئيس الروسي السابق القرار.", Some((2019, 5, 1)));
    assert!(!e.iter().any(|x| x.name == "Vladimir Putin"), "{}", show(&d, &e));
}

#[test]
fn a_bare_title_refers_to_the_holder_named_before() {
    let (d, e) =
        run("استقبل الرئيس الفرنسي إيمانويل ماكرون الوفد. وأضاف الرئيس أن الحوار مستمر.", Some((2021, 12, 15)));
    let all: Vec<_> = e.iter().filter(|x| x.name == "Emmanuel Macron").collect();
    assert_eq!(all.len(), 2, "{}", show(&d, &e));
    assert_eq!(d.slice(all[1].span), "الرئيس");
    // Without an earlier holder, a bare title stays unannotated.
    let (_, e) = run("وأضاف الرئيس أن الحوار مستمر.", Some((2021, 12, 15)));
    assert!(e.is_empty());
}

#[test]
fn a_direction_of_something_else_is_not_a_region() {
    let (d, e) =
        run("أطلق جنود النار على نقاط مراقبة في المنطقة الشرقية من الشريط الحدودي قبل الاجتماع.", Some((2022, 11, 25)));
    assert!(!e.iter().any(|x| x.name == "Eastern Province"), "{}", show(&d, &e));
    let (d, e) = run("زار الوزير المنطقة الشرقية للبلاد بعد الفيضانات.", Some((2022, 11, 25)));
    assert!(!e.iter().any(|x| x.name == "Eastern Province"), "{}", show(&d, &e));
    let (d, e) = run("هطلت أمطار غزيرة على المنطقة الشرقية في السعودية أمس.", Some((2022, 11, 25)));
    expect(&d, &e, "المنطقة الشرقية", EntityKind::Place, "Eastern Province", None);
}

#[test]
fn a_name_after_a_counterpart_widens_it_and_the_chain_goes_on() {
    let (d, e) = run(
        "استقبل وزير الخارجية الروسي نظيريه الأذربيجاني جيهون بيراموف والأرميني أرارات ميرزويان.",
        Some((2022, 6, 1)),
    );
    let a = expect(&d, &e, "نظيريه الأذربيجاني جيهون بيراموف", EntityKind::Person, "Jeyhun Bayramov", Some("AZEGOV"));
    assert_eq!(a.role.as_deref(), Some("Foreign Minister"));
    expect(&d, &e, "الأرميني أرارات ميرزويان", EntityKind::Person, "Ararat Mirzoyan", Some("ARMGOV"));
}
