//! Regression floor on the PLOVER gold standard (dev half); skips when the data pack is absent.

use std::path::PathBuf;

#[test]
fn gsr_dev_detection_floor() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let path = dir.join("events").join("gsr-dev.jsonl");
    if !path.exists() {
        println!("skipped: data pack not found");
        return;
    }
    let scores = match hadath_events::eval::score_file(&path) {
        Ok(s) => s,
        Err(e) => panic!("evaluation failed: {e}"),
    };
    let assault = &scores["assault"];
    let protest = &scores["protest"];
    assert!(assault.recall() >= 0.7, "assault recall {:.3}", assault.recall());
    assert!(protest.recall() >= 0.4, "protest recall {:.3}", protest.recall());
    assert!(assault.f1() >= 0.45, "assault F1 {:.3}", assault.f1());
    assert!(protest.f1() >= 0.25, "protest F1 {:.3}", protest.f1());
}
