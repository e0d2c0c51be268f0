//! What a call governs, on our own sentences: the names of who is called and a time do not
//! set the asked-for noun apart from its verb, and a first-person call is the speaker's.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, Document, Event, EventStatus};

fn code(text: &str) -> Document {
    analyse_text("t", text, Date::new(2023, 3, 20))
}

fn of_type<'a>(doc: &'a Document, ty: &str) -> Vec<&'a Event> {
    doc.events.iter().filter(|e| e.event_type == ty).collect()
}

fn codes(actors: &[hadath_text::Actor]) -> Vec<String> {
    actors.iter().filter_map(|a| a.code.clone()).collect()
}

#[test]
fn meeting_called_for_past_long_names_is_no_meeting_held() {
    let text = "ودعا ماكرون أمس رئيس حكومة الهند مودي ونظيره الباكستاني شريف للاجتماع في باريس.";
    let doc = code(text);
    assert!(of_type(&doc, "CONSULT").is_empty(), "{:#?}", doc.events);
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{:#?}", doc.events);
    assert_eq!(r[0].mode.as_deref(), Some("consult"));
    assert_eq!(codes(&r[0].target), vec!["INDGOV", "PAKGOV"]);
    // A verb after the names is a report of its own, not what is called for.
    let text =
        "الرئيس الصيني يدعو رئيس وزراء الهند ورئيس وزراء باكستان للقاء في بكين ونيودلهي تتهم إسلام آباد بدعم المسلحين.";
    let doc = code(text);
    assert!(of_type(&doc, "ACCUSE").iter().any(|e| e.status == EventStatus::Occurred), "{:#?}", doc.events);
}

#[test]
fn comma_after_a_time_does_not_end_the_call() {
    let text = "وناشد أبو الغيط مساء السبت، إلى هدنة عاجلة.";
    let doc = code(text);
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{:#?}", doc.events);
    assert_eq!(r[0].mode.as_deref(), Some("ceasefire"));
    assert!(of_type(&doc, "AGREE").is_empty(), "{:#?}", doc.events);
    // A comma that opens another clause does.
    let doc = code("ودعا المبعوث الأممي إلى الحوار، فيما أعلنت الحكومة وقف إطلاق النار.");
    assert_eq!(of_type(&doc, "REQUEST")[0].mode, None, "{:#?}", doc.events);
    assert_eq!(of_type(&doc, "AGREE").len(), 1, "{:#?}", doc.events);
}

#[test]
fn first_person_call_is_the_speakers() {
    let text = "وصرح آبي أحمد أمس: \"إنني أدعو كل من الرئيس المصري والرئيس السوداني إلى قمة في أديس أبابا\".";
    let doc = code(text);
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{:#?}", doc.events);
    assert_eq!(codes(&r[0].source), vec!["ETHGOV"]);
    assert_eq!(codes(&r[0].target), vec!["EGYGOV", "SDNGOV"]);
    assert!(of_type(&doc, "CONSULT").is_empty(), "{:#?}", doc.events);
    // "كلا من X و Y" after a third-person verb: both are who is called.
    let doc = code("ودعا آبي أحمد كلا من الرئيس المصري والرئيس السوداني إلى اجتماع.");
    let r = of_type(&doc, "REQUEST");
    assert_eq!(codes(&r[0].source), vec!["ETHGOV"]);
    assert_eq!(codes(&r[0].target), vec!["EGYGOV", "SDNGOV"]);
    // "من" without كل is a preposition: "دعا إلى التهدئة من القاهرة" has no target.
    let doc = code("ودعا آبي أحمد من القاهرة إلى التهدئة.");
    assert!(of_type(&doc, "REQUEST")[0].target.is_empty(), "{:#?}", doc.events);
}
