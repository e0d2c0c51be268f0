//! Attacks in words (on a wish, a stance) and what a protester says are not events of violence or protest.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 8))
}

fn occurred(doc: &Document, ty: &str) -> bool {
    doc.events.iter().any(|e| e.event_type == ty && e.status == EventStatus::Occurred)
}

#[test]
fn attack_on_a_stance_or_a_wish_is_no_assault() {
    for text in [
        "فهاجم زعيم الحزب المعارض رغبة الرئيس في إرسال مزيد من الجنود إلى أفغانستان.",
        "وبعد قصف المدينة بالصواريخ، هاجم رئيس الوزراء بشدة موقف المعارضة من الحرب.",
    ] {
        let doc = code(text);
        assert!(doc.events.iter().all(|e| e.pattern != "assault.attack"), "{text}: {:#?}", doc.events);
    }
    for text in ["هاجم مسلحون مركزا للشرطة في الموصل.", "استهدف انتحاري موكب الوزير في كابول."]
    {
        assert!(occurred(&code(text), "ASSAULT"), "{text}");
    }
}

#[test]
fn a_protester_speaking_is_no_new_protest() {
    for text in [
        "وعلق المتظاهر سامي خليل: «حتى لو تظاهر الملايين غدا، فلن تتغير سياسة الحكومة».",
        "وأوضح متظاهر آخر أن «تظاهرتنا اليوم رسالة غضب إلى الحكومة».",
    ] {
        let doc = code(text);
        assert!(!occurred(&doc, "PROTEST"), "{text}: {:#?}", doc.events);
    }
    // A report of the protest followed by what the protesters said is still a protest.
    let text = "تظاهر آلاف الطلاب أمام الجامعة في القاهرة، وقال المتظاهرون إنهم يرفضون القرار.";
    assert!(occurred(&code(text), "PROTEST"), "{text}");
}
