//! Nouns and verbs that name no new event, on our own sentences: a comparison, the formula of
//! an anonymous source, and meeting or mediation nouns that point back at one already told.

mod common;
use common::{code, of_type};

use hadath_text::{Document, EventStatus};
fn triggers(doc: &Document, ty: &str) -> Vec<String> {
    of_type(doc, ty).iter().map(|e| doc.text[e.trigger.start..e.trigger.end].to_string()).collect()
}

#[test]
fn what_a_thing_is_compared_with_is_no_event() {
    for (text, noun) in [
        ("وقال دبلوماسي غربي إن الجلسة كانت أقل من مفاوضات رسمية بكثير.", "مفاوضات"),
        ("وبدت الجلسة أشبه بمحادثات غير رسمية بين الوفدين.", "بمحادثات"),
        ("واعتبر المعلقون الزيارة بمثابة قمة مصغرة.", "قمة"),
    ] {
        let doc = code(text);
        assert!(!triggers(&doc, "CONSULT").contains(&noun.to_string()), "{text}: {:#?}", doc.events);
    }
    // Counting meetings is telling them: no copula before "أكثر من".
    let doc = code("وعقد وزيرا خارجية مصر والسودان أكثر من اجتماع خلال الأسبوع الماضي.");
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
}

#[test]
fn anonymous_source_formula_is_no_request() {
    let doc = code("وأوضح موظف أوروبي رفيع طلب عدم ذكر هويته أن المحادثات متعثرة.");
    assert!(of_type(&doc, "REQUEST").is_empty(), "{:#?}", doc.events);
    let doc = code("وأفاد دبلوماسي خليجي طلب عدم نشر اسمه للصحيفة بأن الوفد غادر.");
    assert!(of_type(&doc, "REQUEST").is_empty(), "{:#?}", doc.events);
    // Asking someone not to act is a request.
    let doc = code("وطلبت الحكومة المصرية عدم التدخل في انتخاباتها المقبلة.");
    assert_eq!(of_type(&doc, "REQUEST").len(), 1, "{:#?}", doc.events);
}

#[test]
fn meeting_noun_before_a_clause_of_its_own_points_back() {
    let told = "عقد وزيرا خارجية مصر والسودان محادثات في القاهرة يوم الأحد.";
    for next in [
        "وقال الوزير المصري قبل الاجتماع إن السودان مستعد للحوار.",
        "وأكد الوزير السوداني أنه سيحضر الاجتماع إذا حضره رئيس الوزراء الإثيوبي.",
    ] {
        let doc = code(&format!("{told} {next}"));
        assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{next}: {:#?}", doc.events);
    }
    // An actor in the noun's own phrase makes it a meeting of its own.
    let doc = code(&format!("{told} وقال الوزير المصري إن الاجتماع مع رئيس الوزراء الإثيوبي تأجل."));
    assert_eq!(of_type(&doc, "CONSULT").len(), 2, "{:#?}", doc.events);
}

#[test]
fn mediation_in_construct_points_back_at_the_talks_told() {
    let told = "استضاف وزير الخارجية القطري في الدوحة يوم الاثنين محادثات بين رئيس تشاد ورئيس السودان.";
    let doc = code(&format!("{told} وقال الوزير للصحفيين إن بلاده ستواصل جهود الوساطة رغم الخلافات."));
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
    // With nothing told before, the mediation is the event.
    let doc = code("وأثمرت جهود الوساطة القطرية بين تشاد والسودان.");
    assert_eq!(of_type(&doc, "CONSULT").len(), 1, "{:#?}", doc.events);
}

#[test]
fn what_is_hoped_for_or_committed_to_has_not_happened() {
    for (text, ty) in [
        ("وأعرب الوزيران عن رغبتهما في مواصلة التنسيق الأمني.", "COOPERATE"),
        ("وقال الوزير إن حكومته ملتزمة بمحادثات السلام مع جيرانها.", "CONSULT"),
    ] {
        let doc = code(text);
        let evs = of_type(&doc, ty);
        assert!(!evs.is_empty() && evs.iter().all(|e| e.status != EventStatus::Occurred), "{text}: {evs:#?}");
    }
    // The hope reaches no event after a phrase of time: the summit was held.
    let doc = code("وتأمل الحكومة المصرية مواصلة التنسيق مع السودان عقب قمة عقدها رئيسا البلدين في القاهرة.");
    assert!(of_type(&doc, "CONSULT").iter().all(|e| e.status == EventStatus::Occurred), "{:#?}", doc.events);
    assert!(of_type(&doc, "COOPERATE").iter().all(|e| e.status != EventStatus::Occurred), "{:#?}", doc.events);
    // Talks taken up are told.
    let doc = code("وقال الوزير إن حكومته تبنت مفاوضات السلام مع جيرانها.");
    assert!(of_type(&doc, "CONSULT").iter().all(|e| e.status == EventStatus::Occurred), "{:#?}", doc.events);
}
