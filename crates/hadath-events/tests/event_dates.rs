//! Event dates read from the sentence's time expressions, on our own sentences.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, EventStatus};

#[test]
fn a_season_dates_the_event_to_its_year_not_to_the_publication() {
    let doc = analyse_text(
        "t",
        "وفي صيف 2019 اندلعت معارك عنيفة بين الجيشين على الحدود أوقعت ما يزيد على 300 قتيل من الجنود.",
        Date::new(2021, 12, 16),
    );
    let e = doc
        .events
        .iter()
        .find(|e| e.event_type == "ASSAULT" && e.status == EventStatus::Occurred)
        .unwrap_or_else(|| panic!("no assault in {:#?}", doc.events));
    let date = serde_json::to_value(&e.date).unwrap();
    assert_eq!(date["value"], "2019", "{date}");
}

/// The date value of the only event of the type.
fn date_of(text: &str, ty: &str) -> serde_json::Value {
    let doc = analyse_text("t", text, Date::new(2023, 3, 20));
    let evs: Vec<_> = doc.events.iter().filter(|e| e.event_type == ty).collect();
    assert_eq!(evs.len(), 1, "{text}: {:#?}", doc.events);
    serde_json::to_value(&evs[0].date).unwrap()["value"].clone()
}

#[test]
fn a_time_after_another_event_dates_that_one() {
    // March 2019 dates the mediated deal, not today's call.
    let text = "ودعا الزعيمان أيضا إلى فتح المعابر بين البلدين وفق بنود اتفاق السلام الموقع بوساطة قطرية في مارس 2019.";
    assert_eq!(date_of(text, "REQUEST"), "2023-03-20");
    assert_eq!(date_of(text, "CONSULT"), "2019-03");
    // A noun the call governs is no other event: the date is the call's.
    assert_eq!(date_of("ودعا الزعيمان إلى هدنة شاملة في 12 مارس.", "REQUEST"), "2023-03-12");
    // "في أعقاب" opens a phrase on an earlier event, as "بعد" does.
    let text = "وأعرب الوزيران عن أملهما في مواصلة التنسيق في أعقاب قمة جنيف التي عقدت في الخامس من فبراير.";
    assert_eq!(date_of(text, "COOPERATE"), "2023-03-20");
}

#[test]
fn repeated_meetings_have_no_one_date() {
    // Many meetings told at once: no date, the publication's would be invented.
    for text in [
        "والتقى رئيس صربيا ورئيس وزراء كوسوفو في جنيف عدة مرات بحضور مبعوث أممي.",
        "والتقى رئيس صربيا ورئيس وزراء كوسوفو مرارا في جنيف.",
        "والتقى رئيس صربيا ورئيس وزراء كوسوفو أكثر من مرة في جنيف.",
    ] {
        assert_eq!(date_of(text, "CONSULT"), serde_json::Value::Null, "{text}");
    }
    // One meeting keeps the publication date; a stated time still dates the meetings.
    assert_eq!(date_of("والتقى رئيس صربيا ورئيس وزراء كوسوفو في جنيف بحضور مبعوث أممي.", "CONSULT"), "2023-03-20");
    assert_eq!(date_of("والتقى رئيس صربيا ورئيس وزراء كوسوفو عدة مرات في جنيف خلال يناير 2021.", "CONSULT"), "2021-01");
}

/// The date values of the events of the type, in order.
fn dates_of(text: &str, ty: &str) -> Vec<serde_json::Value> {
    let doc = analyse_text("t", text, Date::new(2023, 3, 20));
    doc.events
        .iter()
        .filter(|e| e.event_type == ty)
        .map(|e| serde_json::to_value(&e.date).unwrap()["value"].clone())
        .collect()
}

#[test]
fn a_deed_on_the_eve_of_an_event_told_before_is_dated_the_day_before() {
    let talks = "وعقد وزيرا خارجية صربيا وكوسوفو محادثات في جنيف يوم 14 مارس.";
    // The eve of talks dated to the day: the day before.
    let text = format!("{talks} وقصفت القوات الصربية مواقع على الحدود عشية المحادثات.");
    assert_eq!(dates_of(&text, "ASSAULT"), vec![serde_json::json!("2023-03-13")], "{text}");
    // The eve of talks dated to the month only, or never told: no day we know.
    let text = "وعقد وزيرا خارجية صربيا وكوسوفو محادثات في جنيف خلال مارس. وقصفت القوات الصربية مواقع على الحدود عشية المحادثات.";
    assert_eq!(dates_of(text, "ASSAULT"), vec![serde_json::Value::Null], "{text}");
    let text = "وقصفت القوات الصربية مواقع على الحدود عشية المحادثات.";
    assert_eq!(dates_of(text, "ASSAULT"), vec![serde_json::Value::Null], "{text}");
    // With no eve the shelling keeps the publication date.
    let text = format!("{talks} وقصفت القوات الصربية مواقع على الحدود.");
    assert_eq!(dates_of(&text, "ASSAULT"), vec![serde_json::json!("2023-03-20")], "{text}");
}

#[test]
fn a_tally_up_to_now_has_no_date_of_the_report() {
    // The report is dated today; the deaths it counts "so far" have no one date.
    let tally = "وقالت المنظمة اليوم الاثنين إن 40 مدنيا قتلوا في المعارك حتى الآن.";
    assert_eq!(date_of(tally, "ASSAULT"), serde_json::Value::Null);
    let tally = "وأعلنت الوزارة أمس أن الغارات أسفرت حتى اللحظة عن مقتل 17 شخصا.";
    assert_eq!(date_of(tally, "ASSAULT"), serde_json::Value::Null);
    // A toll of one day keeps the day.
    assert_eq!(date_of("قتل 12 مدنيا اليوم الاثنين في قصف على القرية.", "ASSAULT"), "2023-03-20");
}

#[test]
fn a_deed_in_a_relative_clause_is_not_dated_by_the_main_clause() {
    // Today dates the reply; the accusation it answers came earlier, on a day not given.
    let reply = "رد وزير الخارجية الإيطالي، اليوم الاثنين، على تصريحات نظيره الكندي الذي اتهم روما بدعم المتمردين.";
    assert_eq!(date_of(reply, "ACCUSE"), serde_json::Value::Null);
    // The accusation made today in the main clause keeps today.
    let made = "اتهم وزير الخارجية الإيطالي، اليوم الاثنين، نظيره الكندي بدعم المتمردين.";
    assert_eq!(date_of(made, "ACCUSE"), "2023-03-20");
    // A relative clause with a time of its own keeps that time.
    let dated = "رد وزير الخارجية الإيطالي على نظيره الكندي الذي اتهم روما في 2 مارس بدعم المتمردين.";
    assert_eq!(date_of(dated, "ACCUSE"), "2023-03-02");
}

#[test]
fn shortly_before_an_event_is_its_day_or_no_day() {
    // Shortly before a meeting told with its day: that day.
    let text =
        "وعقد الاجتماع بين وزيري خارجية البلدين في جنيف يوم 14 مارس.\n\nوتعهد الوزيران قبيل الاجتماع بعدم التصعيد على الحدود.";
    let doc = analyse_text("t", text, Date::new(2023, 3, 20));
    let pledge = doc.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(serde_json::to_value(&pledge.date).unwrap()["value"], "2023-03-14", "{pledge:#?}");
    // Shortly before a meeting the text does not date: no day, not the publication date.
    let doc = analyse_text("t", "وتعهد الوزيران قبيل الاجتماع بعدم التصعيد على الحدود.", Date::new(2023, 3, 20));
    let pledge = doc.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", doc.events));
    assert_eq!(serde_json::to_value(&pledge.date).unwrap()["value"], serde_json::Value::Null, "{pledge:#?}");
    // "قبل" with a time is that time, not an event's eve.
    assert_eq!(date_of("وتعهد الوزيران قبل يومين بعدم التصعيد على الحدود.", "AGREE"), "2023-03-18");
}
