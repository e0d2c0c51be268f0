//! Missiles and shells launched with a subject between verb and weapon ("أطلقت طائرة صاروخا"), on our own sentences.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2013, 5, 2))
}

fn launched(doc: &Document) -> bool {
    doc.events
        .iter()
        .any(|e| e.event_type == "ASSAULT" && e.status == EventStatus::Occurred && e.pattern == "assault.launch")
}

#[test]
fn a_launch_with_harm_told_is_an_attack() {
    for s in [
        "وأطلقت طائرة حربية صاروخا على سيارة شمال البلدة أمس فقتل اثنان من ركابها.",
        "وأطلق مسلحون ثلاثة صواريخ باتجاه البلدة فأصيب طفلان بجروح.",
        "وأطلقت مروحية أربع قذائف على مخزن في الوادي فقتل حارسه.",
    ] {
        assert!(launched(&code(s)), "{s}\n{:#?}", code(s).events);
    }
}

#[test]
fn a_launch_with_no_harm_is_no_attack() {
    for s in [
        "وأطلقت بيونغ يانغ صاروخا باليستيا سقط في البحر قبالة سواحلها.",
        "وأطلقت الشركة صاروخا تجريبيا من قاعدتها في الصحراء.",
        "وأطلقت الوكالة الفضائية صاروخا يحمل قمرا صناعيا للرصد الجوي.",
    ] {
        assert!(!launched(&code(s)), "{s}\n{:#?}", code(s).events);
    }
}
