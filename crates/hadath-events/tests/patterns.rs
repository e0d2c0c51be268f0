//! Every pattern fires on its own positive examples and not on its negatives, through the real coder.

use hadath_events::coder::code_document_traced;
use hadath_events::eval::analyse_text;
use hadath_events::PatternSet;
use hadath_text::EventStatus;

fn fired(sentence: &str) -> Vec<(String, EventStatus)> {
    let mut doc = analyse_text("example", sentence, hadath_text::Date::new(2022, 10, 14));
    let mut trace = Vec::new();
    code_document_traced(&mut doc, &mut trace);
    trace
}

#[test]
fn pattern_file_parses_cleanly() {
    let set = PatternSet::get();
    assert!(set.errors.is_empty(), "{:?}", set.errors);
    assert!(set.patterns.len() >= 40);
    for p in &set.patterns {
        assert!(!p.positives.is_empty(), "{} has no positive example", p.id);
        assert!(!p.negatives.is_empty(), "{} has no negative example", p.id);
    }
}

#[test]
fn patterns_fire_on_positives_only() {
    let set = PatternSet::get();
    let mut failures = Vec::new();
    for p in &set.patterns {
        for s in &p.positives {
            let got = fired(s);
            if !got.iter().any(|(id, st)| id == &p.id && *st == EventStatus::Occurred) {
                failures.push(format!("{} missed positive: {s}  (got {got:?})", p.id));
            }
        }
        for s in &p.negatives {
            let got = fired(s);
            if got.iter().any(|(id, st)| id == &p.id && *st == EventStatus::Occurred) {
                failures.push(format!("{} fired on negative: {s}  (got {got:?})", p.id));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
