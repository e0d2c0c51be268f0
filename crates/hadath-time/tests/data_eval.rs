//! Runs the evaluation over `../shared/data/time` and guards against regressions.
//!
//! Skips when the data pack is absent. Writes the report to the target folder for reading.

use std::path::PathBuf;

#[test]
fn evaluation_scores_do_not_regress() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if !dir.join("time/duckling-ar.jsonl").is_file() || !dir.join("time/recognizers-ar.jsonl").is_file() {
        eprintln!("skipped: data pack not found");
        return;
    }
    let summary = hadath_time::eval::summarize(&dir).expect("evaluation runs");
    let duckling = summary.duckling_target();
    let recognizers = summary.recognizers_target();
    eprintln!(
        "duckling datetime+interval: {:.1}%, recognizers date parsers: {:.1}%",
        100.0 * duckling,
        100.0 * recognizers
    );
    assert!(duckling >= 0.85, "Duckling accuracy fell to {duckling}");
    assert!(recognizers >= 0.85, "Recognizers accuracy fell to {recognizers}");
    let report = hadath_time::eval::run(&dir).expect("report");
    assert!(report.contains("Duckling"));
}
