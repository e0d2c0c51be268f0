//! `hadath time` as interfaces.md fixes it: JSON lines in, character offsets out, bad lines kept.

use hadath_time::time_command;

fn run(input: &str, default_reference: Option<&str>) -> (Vec<serde_json::Value>, usize) {
    let mut out = Vec::new();
    let bad = time_command(input.as_bytes(), &mut out, default_reference).expect("runs");
    let text = String::from_utf8(out).expect("UTF-8 output");
    (text.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect(), bad)
}

#[test]
fn character_offsets_values_and_types() {
    let input = r#"{"id": "a", "text": "وصل الوفد أمس إلى جنيف الساعة 22:35.", "reference": "2021-06-10T08:00:00"}"#;
    let (lines, bad) = run(input, None);
    assert_eq!(bad, 0);
    let times = lines[0]["times"].as_array().expect("times");
    assert_eq!(lines[0]["id"], "a");
    let yesterday = &times[0];
    assert_eq!(yesterday["text"], "أمس");
    assert_eq!(yesterday["start"], 10);
    assert_eq!(yesterday["end"], 13);
    assert_eq!(yesterday["type"], "date");
    assert_eq!(yesterday["value"], "2021-06-09");
    assert_eq!(yesterday["precision"], "day");
    let clock = &times[1];
    assert_eq!(clock["type"], "time");
    assert_eq!(clock["value"], "2021-06-10T22:35");
}

#[test]
fn default_reference_intervals_and_durations() {
    let input = concat!(
        r#"{"id": 1, "text": "اندلعت المواجهات في أواخر سبتمبر واستمرت 44 يوما."}"#,
        "\n",
        r#"{"id": 2, "text": "أعلن الجيش أمس عن العملية."}"#,
        "\n"
    );
    let (lines, _) = run(input, Some("2020-10-09T00:00:00"));
    let t = &lines[0]["times"];
    assert_eq!(t[0]["type"], "interval");
    assert_eq!(t[0]["value"]["from"], "2020-09-21");
    assert_eq!(t[0]["value"]["to"], "2020-10-01");
    assert_eq!(t[1]["type"], "duration");
    assert_eq!(t[1]["value"], "P44D");
    assert_eq!(lines[1]["times"][0]["value"], "2020-10-08");
    // Without any reference a relative expression has a null value.
    let (lines, _) = run(r#"{"id": 3, "text": "أعلن الجيش أمس عن العملية."}"#, None);
    assert!(lines[0]["times"][0]["value"].is_null());
}

#[test]
fn bad_lines_are_counted_and_keep_their_place() {
    let input = "{\"id\": \"x\", \"text\": 5}\nnot json\n\n{\"id\": \"y\", \"text\": \"اليوم\", \"reference\": \"2020-01-01\"}\n";
    let (lines, bad) = run(input, None);
    assert_eq!(bad, 2);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "x");
    assert_eq!(lines[0]["times"].as_array().map(Vec::len), Some(0));
    assert!(lines[1]["id"].is_null());
    assert_eq!(lines[2]["times"][0]["value"], "2020-01-01");
}

#[test]
fn output_is_deterministic() {
    let input =
        r#"{"id": "d", "text": "في 3 تشرين الثاني/نوفمبر 2020 وبعد غد وفي التسعينيات", "reference": "2022-01-01"}"#;
    let (a, _) = run(input, None);
    let (b, _) = run(input, None);
    assert_eq!(a, b);
}
