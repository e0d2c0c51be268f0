//! A time inside a phrase that names another event ("منذ بدء الحرب في مارس") does not date the trigger.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, DateBasis, Document};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 5, 20))
}

#[test]
fn time_of_an_embedded_event_is_not_the_trigger_date() {
    for text in [
        "وكان هذا أول اجتماع بين الهند وباكستان منذ اندلاع الأزمة في أوائل مارس.",
        "والتقى وزيرا خارجية الهند وباكستان بعد انتهاء المعارك في فبراير.",
    ] {
        let doc = code(text);
        let e = doc
            .events
            .iter()
            .find(|e| e.event_type == "CONSULT")
            .unwrap_or_else(|| panic!("{text}: {:#?}", doc.events));
        assert_eq!(e.date.basis, DateBasis::Publication, "{text}: {e:#?}");
    }
}

#[test]
fn time_of_the_trigger_or_a_simultaneous_event_dates_it() {
    for (text, month) in [
        ("والتقى وزيرا خارجية الهند وباكستان في جنيف في 12 مارس.", "2023-03-12"),
        ("والتقى وزير الخارجية الهندي نظيره الباكستاني خلال زيارته إلى جنيف في 12 مارس.", "2023-03-12"),
        ("والتقى وزير الخارجية الهندي نظيره الباكستاني بعد ظهر 12 مارس.", "2023-03-12"),
    ] {
        let doc = code(text);
        let e = doc
            .events
            .iter()
            .find(|e| e.event_type == "CONSULT")
            .unwrap_or_else(|| panic!("{text}: {:#?}", doc.events));
        assert_eq!(e.date.value.as_deref(), Some(month), "{text}: {e:#?}");
    }
}

#[test]
fn time_of_a_later_clause_dates_that_clause_only() {
    let doc = code(
        "والتقى رئيس الوزراء الهندي ورئيس الوزراء الباكستاني في جنيف عدة مرات، وكان وزيرا خارجية البلدين قد اجتمعا في 3 مارس في نيويورك.",
    );
    let consult: Vec<_> = doc.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    // Two meetings of different people: not merged into one.
    assert_eq!(consult.len(), 2, "{consult:#?}");
    let geneva = consult.iter().find(|e| e.location.as_ref().and_then(|l| l.name.as_deref()) == Some("Geneva"));
    let geneva = geneva.unwrap_or_else(|| panic!("{consult:#?}"));
    // Not dated by the later clause's time; told as repeated ("عدة مرات"), it has no one
    // date at all (session 9), where it had the publication date.
    assert_eq!(geneva.date.basis, DateBasis::Unknown, "{geneva:#?}");
    assert_eq!(geneva.date.value, None, "{geneva:#?}");
    assert!(consult.iter().any(|e| e.date.value.as_deref() == Some("2023-03-03")), "{consult:#?}");
    // A time set off by commas after the verb still dates it.
    let doc = code("اتهمت الهند، يوم 3 مارس، باكستان بخرق الهدنة.");
    let e = doc.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(e.date.value.as_deref(), Some("2023-03-03"), "{e:#?}");
}
