//! "البلدين"، "الجانبين"، "الطرفين" resolved to two countries, and "بين X و Y" read only when it belongs to the trigger.

use hadath_events::eval::analyse_text;
use hadath_text::{Actor, Date, Document, Event};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 8))
}

/// Countries of several actor lists together, sorted.
fn countries(lists: &[&[Actor]]) -> Vec<String> {
    let mut all: Vec<String> = lists.iter().flat_map(|l| l.iter().filter_map(|a| a.country.clone())).collect();
    all.sort();
    all
}

fn consult(doc: &Document) -> Vec<&Event> {
    doc.events.iter().filter(|e| e.event_type == "CONSULT").collect()
}

#[test]
fn host_of_the_two_countries_foreign_ministers_mediates_them() {
    let doc = code(
        "تصاعد التوتر على الحدود بين الهند وباكستان منذ أسابيع. واستضاف وزير الخارجية الصيني وزيري خارجية البلدين في بكين.",
    );
    let events = consult(&doc);
    let e = events.iter().find(|e| e.cameo == "045").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(e.mode.as_deref(), Some("third-party"), "{e:#?}");
    assert_eq!(countries(&[&e.source]), vec!["CHN"], "{e:#?}");
    assert_eq!(countries(&[&e.target]), vec!["IND", "PAK"], "{e:#?}");
    assert!(e.target.iter().all(|a| a.sector.as_deref() == Some("GOV")), "{e:#?}");
}

#[test]
fn who_brings_the_leaders_of_the_two_countries_together_mediates() {
    let doc = code("ساءت العلاقات بين إثيوبيا وإريتريا. وجمع الرئيس الكيني زعيمي البلدين في نيروبي يوم الأحد.");
    let events = consult(&doc);
    let e = events.iter().find(|e| e.cameo == "045").unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(countries(&[&e.source]), vec!["KEN"], "{e:#?}");
    assert_eq!(countries(&[&e.target]), vec!["ERI", "ETH"], "{e:#?}");
}

#[test]
fn the_two_sides_of_a_call_in_the_same_sentence() {
    // The two sides are the caller and the called, not a pair named earlier.
    let doc = code(
        "تبادلت قطر والبحرين الاتهامات. وأجرى الرئيس المصري اتصالا هاتفيا مع الرئيس الفرنسي، وبحث الجانبان التعاون في مجال الطاقة.",
    );
    let e = consult(&doc)
        .into_iter()
        .find(|e| e.source.iter().chain(&e.target).any(|a| a.span.start > doc.text.find("وبحث").unwrap_or(0)))
        .unwrap_or_else(|| panic!("{:#?}", doc.events));
    let all = countries(&[&e.source, &e.target]);
    assert!(all.contains(&"EGY".to_string()) && all.contains(&"FRA".to_string()), "{e:#?}");
    assert!(!all.contains(&"QAT".to_string()), "{e:#?}");
}

#[test]
fn the_two_parties_named_sentences_before() {
    let doc =
        code("اندلع خلاف بين قطر والبحرين حول الحدود البحرية. وبعد أشهر من القطيعة، توصل الطرفان إلى اتفاق في الرياض.");
    let e = doc.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(countries(&[&e.source, &e.target]), vec!["BHR", "QAT"], "{e:#?}");
}

#[test]
fn a_third_party_that_takes_the_two_sides_as_object_is_not_one_of_them() {
    let doc = code(
        "اتهمت إثيوبيا إريتريا بحشد قوات على الحدود. وتحدث الرئيس التركي هاتفيا مع رئيس الوزراء الإثيوبي. ودعا وزير الخارجية التركي الطرفين إلى ضبط النفس.",
    );
    let e = doc
        .events
        .iter()
        .find(|e| e.event_type == "REQUEST" && e.source.iter().any(|a| a.country.as_deref() == Some("TUR")))
        .unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(countries(&[&e.target]), vec!["ERI", "ETH"], "{e:#?}");
}

#[test]
fn no_two_countries_no_actors() {
    let doc = code("التقى وزيرا خارجية البلدين في جنيف.");
    for e in &doc.events {
        assert!(countries(&[&e.source, &e.target, &e.mediator]).is_empty(), "{e:#?}");
    }
    // The placeholder mentions do not stay in the entity layer.
    assert!(doc.entities.iter().all(|e| e.name != "the two sides"), "{:#?}", doc.entities);
}

#[test]
fn between_of_another_noun_gives_no_sides() {
    for text in [
        "ويأتي الاجتماع بعد اشتباكات وقعت بين القوات الهندية والباكستانية.",
        "وبحث الوزيران في جنيف ترسيم الحدود بين مصر والسودان.",
        "ودعا المشاركون في الاجتماع إلى فتح الطرق بين الهند وباكستان.",
    ] {
        let doc = code(text);
        for e in doc.events.iter().filter(|e| e.event_type != "ASSAULT") {
            assert!(countries(&[&e.source, &e.target]).len() < 2, "{text}: {e:#?}");
        }
    }
}

#[test]
fn between_of_the_trigger_gives_its_sides() {
    for text in [
        "وعقد الاجتماع الأول بين الهند وباكستان في جنيف.",
        "وكان الاجتماع الذي عقد بين الهند وباكستان في جنيف إيجابيا.",
        "جرت محادثات مطولة بين الهند وباكستان في جنيف.",
    ] {
        let doc = code(text);
        let events = consult(&doc);
        let e = events.first().unwrap_or_else(|| panic!("{text}: {:#?}", doc.events));
        assert_eq!(countries(&[&e.source, &e.target]), vec!["IND", "PAK"], "{text}: {e:#?}");
    }
    // A host of talks between two others mediates them, coded as a host of two guests: the
    // host the source of CAMEO 045, the two the targets.
    let doc = code("استضافت كينيا محادثات سلام بين إثيوبيا وإريتريا.");
    let e = consult(&doc).into_iter().next().unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(countries(&[&e.target]), vec!["ERI", "ETH"], "{e:#?}");
    assert_eq!(countries(&[&e.source]), vec!["KEN"], "{e:#?}");
    assert_eq!(e.cameo, "045", "{e:#?}");
    // Talks between two others held by one of them are no hosting of guests.
    let doc = code("استضافت كينيا محادثات سلام بين كينيا وإريتريا.");
    let e = consult(&doc).into_iter().next().unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_ne!(e.cameo, "045", "{e:#?}");
}
