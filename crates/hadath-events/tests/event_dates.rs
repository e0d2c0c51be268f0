//! Event dates read from the sentence's time expressions, on our own sentences.

use hadath_events::eval::analyse_text;
use hadath_text::{Date, EventStatus};

#[test]
fn a_season_dates_the_event_to_its_year_not_to_the_publication() {
    let doc = analyse_text(
        "t",
        "وفي صيف 2019 اندلعت معارك عنيفة بين الجيشين على الحدود أسفرت عن مقتل أكثر من 300 جندي.",
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
