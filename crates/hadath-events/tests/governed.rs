//! What a call governs, on our own sentences: the names of who is called and a time do not
//! set the asked-for noun apart from its verb, and a first-person call is the speaker's.

mod common;
use common::{code, codes, of_type};

use hadath_text::{Event, EventStatus};
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

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand() {
    // In a quotation: the speaker demands it of who must act; the deed stays planned.
    let text = "وقال آبي أحمد في خطاب: \"إن القوات الإريترية يجب أن تنسحب من كل المناطق الحدودية\".";
    let doc = code(text);
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{:#?}", doc.events);
    assert_eq!(codes(&r[0].source), vec!["ETHGOV"]);
    assert!(codes(&r[0].target).iter().all(|c| c.starts_with("ERI")), "{:#?}", r[0].target);
    assert_eq!(r[0].mode.as_deref(), Some("retreat"));
    let w = of_type(&doc, "RETREAT");
    assert!(w.iter().all(|e| e.status == EventStatus::Planned), "{:#?}", doc.events);
    // Reported with إن and ينبغي: the same.
    let doc = code("وأكد وزير الخارجية المصري أن القوات السودانية ينبغي أن تنسحب من المثلث الحدودي.");
    let r = of_type(&doc, "REQUEST");
    assert_eq!(r.len(), 1, "{:#?}", doc.events);
    assert_eq!(codes(&r[0].source), vec!["EGYGOV"]);
}

#[test]
fn obligation_with_no_speaker_or_on_oneself_or_negated_is_no_demand() {
    // No speaker: the narrator's remark is nobody's demand.
    let doc = code("ومن المقرر أن القوات الإريترية يجب أن تنسحب بحلول الشهر المقبل.");
    assert!(of_type(&doc, "REQUEST").is_empty(), "{:#?}", doc.events);
    // What the speaker's own side must do is no demand on another.
    let doc = code("وقال آبي أحمد في خطاب: \"إن الحكومة الإثيوبية يجب أن تنسحب من المفاوضات إذا استمر التصعيد\".");
    assert!(of_type(&doc, "REQUEST").is_empty(), "{:#?}", doc.events);
    // "لا يجب" forbids: not read as a demand to act.
    let doc = code("وقال آبي أحمد: \"إن القوات الإريترية لا يجب أن تنسحب قبل الاتفاق\".");
    assert!(of_type(&doc, "REQUEST").is_empty(), "{:#?}", doc.events);
}

#[test]
fn a_threat_takes_its_target_from_its_own_quotation() {
    // The quotation opens within four words of the verb.
    let text = "وتوعد الرئيس الإريتري قائلا: \"إذا خدعتنا إثيوبيا مرة أخرى، فسوف تندم\".";
    let doc = code(text);
    let t = of_type(&doc, "THREATEN");
    assert_eq!(t.len(), 1, "{:#?}", doc.events);
    assert_eq!(codes(&t[0].source), vec!["ERIGOV"]);
    assert!(codes(&t[0].target).iter().all(|c| c.starts_with("ETH")) && !t[0].target.is_empty(), "{:#?}", t[0]);
}

#[test]
fn a_quotation_far_from_the_threat_or_naming_only_its_source_gives_no_target() {
    // The quotation names only the speaker's own side.
    let doc = code("وتوعد الرئيس الإريتري أفورقي قائلا: \"إريتريا سترد بقوة على أي اعتداء\".");
    let t = of_type(&doc, "THREATEN");
    assert_eq!(t.len(), 1, "{:#?}", doc.events);
    assert!(t[0].target.is_empty(), "{:#?}", t[0]);
    // A quotation past a long stretch of other words is no longer the threat's own.
    let text = "وتوعد أفورقي بالرد في خطاب طويل ألقاه أمام البرلمان في العاصمة مساء أمس، ثم نقل عنه مكتبه: \"إثيوبيا تعرف ما نعني\".";
    let doc = code(text);
    let t = of_type(&doc, "THREATEN");
    // "أمام البرلمان" may still be read as whom it is told to; Ethiopia is not the target.
    assert!(t.iter().all(|e| !codes(&e.target).iter().any(|c| c.starts_with("ETH"))), "{:#?}", doc.events);
}

#[test]
fn the_statement_is_who_issued_it() {
    let text =
        "أدانت وزارة الخارجية المصرية في بيانها الهجوم على سفارتها في الخرطوم. واستنكر البيان ما وصفه بالصمت الدولي.";
    let doc = code(text);
    let second = text.find("واستنكر").unwrap();
    let later: Vec<&Event> = doc.events.iter().filter(|e| e.trigger.start >= second).collect();
    assert_eq!(later.len(), 1, "{:#?}", doc.events);
    assert!(later[0].source.iter().any(|a| a.country.as_deref() == Some("EGY")), "{:#?}", later[0]);
}

#[test]
fn the_statement_takes_nobody_whose_sentence_has_no_statement() {
    let text = "اتهمت وزارة الخارجية المصرية إثيوبيا بخرق الاتفاق. واستنكر البيان ما وصفه بالصمت الدولي.";
    let doc = code(text);
    let second = text.find("واستنكر").unwrap();
    assert!(doc.events.iter().filter(|e| e.trigger.start >= second).all(|e| e.source.is_empty()), "{:#?}", doc.events);
}
