//! Roles, status, dates, places, tolls and quotes on our own sentences shaped like the seeds' key events.

use hadath_events::eval::analyse_text;
use hadath_text::{Actor, Date, DateBasis, Document, Event, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2022, 10, 14))
}

fn countries(actors: &[Actor]) -> Vec<String> {
    actors.iter().filter_map(|a| a.country.clone()).collect()
}

/// Countries of several actor lists together, sorted.
fn sorted_countries(lists: &[&[Actor]]) -> Vec<String> {
    let mut all: Vec<String> = lists.iter().flat_map(|l| countries(l)).collect();
    all.sort();
    all
}

fn first_of<'a>(doc: &'a Document, ty: &str) -> &'a Event {
    doc.events.iter().find(|e| e.event_type == ty).unwrap_or_else(|| panic!("no {ty} event in {:#?}", doc.events))
}

/// A host of two guests from two other countries mediates them as in the interfaces.md
/// example: CAMEO 045, mode third-party, the host the source and the guests the targets.
fn assert_host_mediates(e: &Event, host: &str, guests: &[&str]) {
    assert_eq!((e.cameo.as_str(), e.mode.as_deref()), ("045", Some("third-party")), "{e:#?}");
    assert_eq!(countries(&e.source), vec![host], "{e:#?}");
    assert_eq!(sorted_countries(&[&e.target]), guests, "{e:#?}");
    assert!(e.mediator.is_empty(), "{e:#?}");
}

#[test]
fn host_of_two_counterparts_mediates_their_talks() {
    let doc = code("استضاف وزير الخارجية الروسي سيرغي لافروف نظيريه الأذربيجاني والأرميني في موسكو يوم الجمعة.");
    let e = first_of(&doc, "CONSULT");
    assert_eq!(e.status, EventStatus::Occurred);
    assert_host_mediates(e, "RUS", &["ARM", "AZE"]);
    assert!(e.location.as_ref().and_then(|l| l.name.as_deref()) == Some("Moscow"), "{e:#?}");
    // Talks named in the same sentence join the hosted event; no guest becomes both sides.
    let doc = code("استضاف وزير الخارجية الروسي في موسكو نظيريه الأرميني والأذربيجاني لجولة محادثات سلام جديدة.");
    let consult: Vec<&Event> = doc.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(consult.len(), 1, "{consult:#?}");
    assert_host_mediates(consult[0], "RUS", &["ARM", "AZE"]);
    // One guest: the host is the source and the guest the target.
    let doc = code("استقبل الرئيس الفرنسي في باريس نظيره الأرميني.");
    let e = first_of(&doc, "CONSULT");
    assert_eq!(countries(&e.source), vec!["FRA"], "{e:#?}");
    assert_eq!(countries(&e.target), vec!["ARM"], "{e:#?}");
    assert!(e.mediator.is_empty(), "{e:#?}");
}

#[test]
fn time_between_commas_keeps_the_object() {
    let doc = code("استضاف وزير الخارجية الروسي سيرغي لافروف، اليوم الثلاثاء، نظيريه الأرميني والأذربيجاني في موسكو.");
    assert_host_mediates(first_of(&doc, "CONSULT"), "RUS", &["ARM", "AZE"]);
}

#[test]
fn counterparts_named_in_apposition_are_both_guests() {
    let doc = code("استقبل وزير الخارجية الروسي في موسكو نظيريه الأذربيجاني جيهون بيراموف والأرميني أرارات ميرزويان.");
    assert_host_mediates(first_of(&doc, "CONSULT"), "RUS", &["ARM", "AZE"]);
}

#[test]
fn who_brings_two_leaders_together_mediates() {
    let doc = code("جمع الرئيس الأمريكي زعيمي إسرائيل والأردن في واشنطن مساء الأحد.");
    assert_host_mediates(first_of(&doc, "CONSULT"), "USA", &["ISR", "JOR"]);
    // Collecting money or agreeing on a view brings nobody together.
    for text in [
        "جمعت المنظمة تبرعات لضحايا الفيضانات في باكستان والهند.",
        "يجمع المراقبون على أن الأزمة ستطول.",
        "كان الرئيس الأمريكي يأمل في جمع زعيمي إسرائيل والأردن برعاية مصرية.",
    ] {
        let doc = code(text);
        assert!(doc.events.iter().all(|e| e.pattern != "consult.bring"), "{text}: {:#?}", doc.events);
    }
}

#[test]
fn occasion_of_a_meeting_is_not_its_source() {
    let doc = code(
        "عقدت رئيسة الوزراء الإيطالية على هامش قمة الاتحاد الأوروبي المنعقدة في ستراسبورغ صباح الخميس لقاء مع رئيس صربيا.",
    );
    for e in doc.events.iter().filter(|e| e.event_type == "CONSULT") {
        assert!(e.source.iter().all(|a| a.code.as_deref() != Some("IGOEUREEC")), "{e:#?}");
    }
}

#[test]
fn agreement_reached_after_qad_happened() {
    let doc = code("ذكرت الخارجية التركية أن إثيوبيا وإريتريا قد توصلتا إلى اتفاق لتبادل الأسرى.");
    let e = first_of(&doc, "AGREE");
    assert_eq!(e.status, EventStatus::Occurred, "{e:#?}");
    assert_eq!(sorted_countries(&[&e.source]), vec!["ERI", "ETH"], "{e:#?}");
    // "قد" before a present verb is a possibility.
    let doc = code("قال الوسيط إن إثيوبيا وإريتريا قد يتوصلان إلى اتفاق لتبادل الأسرى.");
    assert!(
        doc.events.iter().all(|e| e.event_type != "AGREE" || e.status != EventStatus::Occurred),
        "{:#?}",
        doc.events
    );
}

#[test]
fn unresolved_date_is_not_replaced_by_publication() {
    let doc = code("في مايو من ذلك العام، ذكرت الخارجية التركية أن إثيوبيا وإريتريا قد توصلتا إلى اتفاق لتبادل الأسرى.");
    let e = first_of(&doc, "AGREE");
    assert_eq!(e.date.value, None, "{e:#?}");
    assert_ne!(e.date.basis, DateBasis::Publication, "{e:#?}");
}

#[test]
fn who_receives_an_invitation_is_its_target() {
    let doc = code("تلقى وزير الخارجية الأذربيجاني ونظيره الأرميني دعوة من الرئيس الروسي لحل الخلاف بين البلدين.");
    let e = first_of(&doc, "REQUEST");
    assert_eq!(sorted_countries(&[&e.target]), vec!["ARM", "AZE"], "{e:#?}");
    assert_eq!(countries(&e.source), vec!["RUS"], "{e:#?}");
    // Delivering a speech at a summit receives nothing.
    let doc = code("وكانت المستشارة الألمانية تلقي خطابا أمام قمة تجمع دول الاتحاد الأوروبي ودول شمال أفريقيا.");
    let e = first_of(&doc, "CONSULT");
    assert!(!countries(&e.target).iter().any(|c| c == "DEU"), "{e:#?}");
}

#[test]
fn host_of_talks_between_two_others_mediates() {
    // Coded as a host of two guests: the host the source of CAMEO 045, the two the targets.
    let doc = code("روسيا تستضيف محادثات بين أرمينيا وأذربيجان.");
    let e = first_of(&doc, "CONSULT");
    assert_eq!(countries(&e.source), vec!["RUS"], "{e:#?}");
    assert_eq!(sorted_countries(&[&e.target]), vec!["ARM", "AZE"]);
    assert_eq!((e.cameo.as_str(), e.mode.as_deref()), ("045", Some("third-party")), "{e:#?}");
    assert!(e.mediator.is_empty(), "{e:#?}");
}

#[test]
fn meeting_that_will_not_be_held_is_cancelled() {
    let doc = code("قال الرئيس الأذربيجاني إلهام علييف إن الاجتماع المرتقب مع باشينيان في جنيف يوم 9 أبريل \"لن يعقد\".");
    let e = first_of(&doc, "CONSULT");
    assert_eq!(e.status, EventStatus::Cancelled, "{e:#?}");
}

#[test]
fn call_for_ceasefire_is_a_request_not_a_ceasefire() {
    let doc = code("دعا الرئيس الروسي فلاديمير بوتين يوم الأحد جميع الأطراف إلى وقف إطلاق النار فورا.");
    let e = first_of(&doc, "REQUEST");
    assert_eq!(countries(&e.source), vec!["RUS"]);
    assert!(doc.events.iter().all(|e| e.event_type != "AGREE"), "{:#?}", doc.events);
}

#[test]
fn accusation_has_accuser_and_accused() {
    let doc = code("اتهم الرئيس الأذربيجاني إلهام علييف الرئيس الفرنسي إيمانويل ماكرون بالانحياز.");
    let e = first_of(&doc, "ACCUSE");
    assert_eq!(countries(&e.source), vec!["AZE"], "{e:#?}");
    assert_eq!(countries(&e.target), vec!["FRA"], "{e:#?}");
}

#[test]
fn open_ended_toll_and_joined_tolls() {
    let doc = code("أسفرت الاشتباكات على الحدود أمس عن مقتل أكثر من 3200 جندي.");
    let e = first_of(&doc, "ASSAULT");
    let k = e.killed.as_ref().expect("killed");
    assert_eq!((k.min, k.max), (3201, None));

    // Each side's count of two sides is told of that side (session 9): two events.
    let doc = code("قتل 41 جنديا أذربيجانيا و17 جنديا أرمينيا في اشتباكات على الحدود ليلة الثلاثاء.");
    let tolls: Vec<i64> = doc
        .events
        .iter()
        .filter(|e| e.event_type == "ASSAULT")
        .filter_map(|e| e.killed.as_ref().map(|k| k.min))
        .collect();
    assert!(tolls.contains(&41) && tolls.contains(&17), "{:#?}", doc.events);
}

#[test]
fn status_negated_planned_conditional_threatened() {
    let doc = code("لم تهاجم القوات الأرمينية أي موقع على الحدود أمس.");
    assert!(doc.events.iter().filter(|e| e.event_type == "ASSAULT").all(|e| e.status == EventStatus::Denied));

    let doc = code("سيلتقي وزيرا الخارجية في براغ الأسبوع المقبل.");
    assert_eq!(first_of(&doc, "CONSULT").status, EventStatus::Planned);

    let doc = code("إذا هاجمت القوات المسلحة المدينة فسوف نرد بقوة.");
    assert!(doc.events.iter().filter(|e| e.event_type == "ASSAULT").all(|e| e.status != EventStatus::Occurred));

    let doc = code("هدد علييف بشن هجوم على المواقع الأرمينية في المنطقة.");
    assert_eq!(first_of(&doc, "THREATEN").status, EventStatus::Occurred);
    assert!(doc.events.iter().filter(|e| e.event_type == "ASSAULT").all(|e| e.status == EventStatus::Threatened));
}

#[test]
fn background_event_keeps_its_year_and_undated_text_has_no_date() {
    let doc = code("وفي عام 2016 اندلعت اشتباكات عنيفة بين البلدين أسفرت عن مقتل 200 شخص.");
    let e = first_of(&doc, "ASSAULT");
    assert_eq!(e.date.value.as_deref(), Some("2016"), "{e:#?}");

    let doc = analyse_text("t", "التقى وزيرا الخارجية في جنيف لبحث الأزمة.", None);
    let e = first_of(&doc, "CONSULT");
    assert_eq!(e.date.value, None);
    assert_eq!(e.date.basis, DateBasis::Unknown);

    let doc = code("التقى وزيرا الخارجية في جنيف لبحث الأزمة.");
    let e = first_of(&doc, "CONSULT");
    assert_eq!(e.date.value.as_deref(), Some("2022-10-14"));
    assert_eq!(e.date.basis, DateBasis::Publication);
}

#[test]
fn mediator_from_bewasata() {
    let doc = code("توصل البلدان إلى اتفاق لوقف إطلاق النار بوساطة روسيا.");
    let e = doc.events.iter().find(|e| !e.mediator.is_empty()).unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(countries(&e.mediator), vec!["RUS"]);
}

#[test]
fn quotes_get_their_speaker_and_continuations_keep_it() {
    let doc = code(
        "وقال الرئيس الفرنسي إيمانويل ماكرون: «نحن نعمل من أجل السلام في المنطقة». وأضاف: «الوضع ما زال هشا للغاية».",
    );
    assert_eq!(doc.quotes.len(), 2, "{:#?}", doc.quotes);
    for q in &doc.quotes {
        let who = q.speaker.as_ref().and_then(|a| a.country.clone());
        assert_eq!(who.as_deref(), Some("FRA"), "{q:#?}");
    }
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "«",
        "»»«« \" \" “",
        "قتل",
        "بين و",
        "هدد ب",
        "٣٤٥٦٧ ٨٩ ... ؟؟؟ !!!",
        "استضاف بين بين بين و و و في في في",
        "\u{200f}\u{200e}\u{0640}\u{064b}",
    ] {
        let doc = analyse_text("t", text, None);
        for e in &doc.events {
            assert!(e.evidence.end <= doc.text.len());
        }
    }
    // Pseudo-random strings over trigger letters, clitics, marks, quotes and punctuation.
    let alphabet: Vec<char> = "قتلوهجمبينفيالاسو «»\"“”،.؟ َُِّ٣0ـ\u{200f}ةىأإآ".chars().collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..60 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
        }
        let doc = analyse_text("t", &s, Date::new(2021, 5, 5));
        for e in &doc.events {
            assert!(doc.text.get(e.trigger.start..e.trigger.end).is_some());
        }
    }
    let long = "اشتباكات بين الجيش والمسلحين أسفرت عن مقتل 5 أشخاص. ".repeat(500);
    let doc = analyse_text("t", &long, Date::new(2020, 1, 1));
    assert!(!doc.events.is_empty());
}

fn occurred_of(doc: &Document, ty: &str) -> usize {
    doc.events.iter().filter(|e| e.event_type == ty && e.status == EventStatus::Occurred).count()
}

#[test]
fn condemned_attack_is_a_reaction_not_a_report() {
    let doc = code("واستنكر رئيس الحزب في بيان وزعه على الصحافيين مساء الأحد، تفجيرات السوق في المدينة.");
    assert_eq!(occurred_of(&doc, "ASSAULT"), 0, "{:#?}", doc.events);
    let doc = code("ندد الاتحاد بالهجوم على القافلة في الصحراء.");
    assert_eq!(occurred_of(&doc, "ASSAULT"), 0, "{:#?}", doc.events);
}

#[test]
fn attack_reported_with_a_toll_still_occurs() {
    let doc = code("قتل ثلاثة حراس أمس في تفجير عبوة ناسفة قرب مقر البلدية في الموصل.");
    assert_eq!(occurred_of(&doc, "ASSAULT"), 1, "{:#?}", doc.events);
}

#[test]
fn victims_of_a_killing_are_not_the_agents_of_the_blast() {
    let doc = code("قتل ستة مدنيين أمس في انفجار سيارة مفخخة في بغداد.");
    let e = first_of(&doc, "ASSAULT");
    assert!(e.source.is_empty(), "{e:#?}");
    assert!(!e.target.is_empty(), "{e:#?}");
}

#[test]
fn crowd_noun_is_a_protest_only_with_an_act_of_protest() {
    let doc = code("ورأى المحللون أن المتظاهرون فقدوا ثقتهم بالأحزاب التقليدية منذ سنوات.");
    assert_eq!(occurred_of(&doc, "PROTEST"), 0, "{:#?}", doc.events);
    let doc = code("وأحرق المحتجون عددا من السيارات قرب مبنى البلدية.");
    assert_eq!(occurred_of(&doc, "PROTEST"), 0, "{:#?}", doc.events);
    let doc = code("خرج المتظاهرون إلى الساحة الرئيسية في المدينة أمس.");
    assert_eq!(occurred_of(&doc, "PROTEST"), 1, "{:#?}", doc.events);
}

#[test]
fn genitive_of_a_killing_noun_is_the_victim() {
    let doc = code("أعلنت الوزارة مقتل 12 جنديا أرمنيا في هجوم شنه مسلحون على قرية حدودية.");
    let e = first_of(&doc, "ASSAULT");
    let codes = |v: &[Actor]| v.iter().filter_map(|a| a.code.clone()).collect::<Vec<_>>();
    assert!(codes(&e.target).iter().any(|c| c.ends_with("MIL")), "{e:#?}");
    assert!(!codes(&e.source).iter().any(|c| c.ends_with("MIL")), "{e:#?}");
}
