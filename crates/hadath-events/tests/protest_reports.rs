//! Protests told through their dispersal or through "لم يتورع"، on sentences of our own.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2010, 3, 2))
}

fn protests(doc: &Document, status: EventStatus) -> usize {
    doc.events.iter().filter(|e| e.event_type == "PROTEST" && e.status == status).count()
}

#[test]
fn dispersed_protest_took_place() {
    for text in [
        "فضت قوات الأمن اعتصاما للعمال في العاصمة بالقوة.",
        "فرقت الشرطة مستخدمة الهراوات مظاهرة نظمها طلاب الجامعة أمام وزارة التعليم.",
    ] {
        let doc = code(text);
        assert!(protests(&doc, EventStatus::Occurred) >= 1, "{text}: {:#?}", doc.events);
        // Who dispersed the protest is not who protested.
        for e in doc.events.iter().filter(|e| e.event_type == "PROTEST") {
            assert!(e.source.iter().all(|a| a.sector.as_deref() != Some("COP")), "{text}: {e:#?}");
        }
    }
}

#[test]
fn dispersing_protesters_tells_what_was_done_to_them() {
    let doc = code("استخدمت قوات مكافحة الشغب خراطيم المياه لتفريق المحتجين.");
    assert_eq!(protests(&doc, EventStatus::Occurred), 0, "{:#?}", doc.events);
}

#[test]
fn did_not_hesitate_is_not_a_negation() {
    let doc = code("لم يتورع أحد الشبان عن إحراق نفسه احتجاجا على البطالة.");
    assert!(protests(&doc, EventStatus::Occurred) >= 1, "{:#?}", doc.events);
    let doc = code("لم يتوان المحتجون عن قطع الطريق الرئيسي احتجاجا على الغلاء.");
    assert!(protests(&doc, EventStatus::Occurred) >= 1, "{:#?}", doc.events);
    assert_eq!(protests(&doc, EventStatus::Denied), 0, "{:#?}", doc.events);
    // A plain negation still denies.
    let doc = code("لم يشارك الطلاب في أي مظاهرة هذا الأسبوع.");
    assert_eq!(protests(&doc, EventStatus::Occurred), 0, "{:#?}", doc.events);
}

#[test]
fn counted_crowd_acting_in_protest_is_a_protest() {
    for text in [
        "وتوافد آلاف الفلاحين على ساحة البلدية للاحتجاج على ارتفاع أسعار الأسمدة.",
        "ووقف نحو 300 عامل صامتين أمام مبنى الشركة احتجاجا على تأخر الأجور.",
    ] {
        let doc = code(text);
        assert!(protests(&doc, EventStatus::Occurred) >= 1, "{text}: {:#?}", doc.events);
    }
    // Without a counted crowd, or with a year rather than a crowd, it is an aim or a mention.
    for text in ["دعت النقابة أعضاءها للاحتجاج على القرار.", "ومنذ عام 2005 يعود الطلاب كل سنة للاحتجاج على الرسوم."]
    {
        let doc = code(text);
        assert_eq!(protests(&doc, EventStatus::Occurred), 0, "{text}: {:#?}", doc.events);
    }
}
