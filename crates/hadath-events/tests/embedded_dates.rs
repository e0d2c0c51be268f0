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
