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

/// The reference of one gold coder counts each record with the share of coders who accepted it.
#[test]
fn coder_reference_counts_vote_shares() {
    let records = [
        r#"{"id":"t-1","task":"assault","label":"yes","votes":{"accept":3,"reject":0,"total":3},"text":"قتل مسلحون خمسة قرويين في هجوم على بلدة جبلية أمس.","date":"2010-05-02","events":[]}"#,
        r#"{"id":"t-2","task":"assault","label":"difficult no","votes":{"accept":1,"reject":2,"total":3},"text":"تذكر السكان الهجوم الذي شهدته البلدة قبل عقدين.","date":"2010-05-02","events":[]}"#,
        r#"{"id":"t-3","task":"assault","label":"easy no","votes":{"accept":0,"reject":3,"total":3},"text":"افتتح الوزير معرضا للكتاب في العاصمة.","date":"2010-05-02","events":[]}"#,
        r#"{"id":"t-4","task":"assault","label":"ambiguous","votes":{"accept":2,"reject":1,"total":3},"text":"قال الشهود إن إطلاق نار سمع ليلا.","date":"2010-05-02","events":[]}"#,
    ];
    let path = std::env::temp_dir().join(format!("hadath-gsr-coder-{}.jsonl", std::process::id()));
    std::fs::write(&path, records.join("\n")).expect("temp file");
    let scores = hadath_events::eval::score_file(&path).expect("scored");
    let _ = std::fs::remove_file(&path);
    let d = &scores["assault"];
    assert_eq!(d.ignored, 1);
    let (p, r, f1) = d.coder_scores();
    assert!((p - 0.75).abs() < 1e-9, "coder precision {p}");
    assert!((r - 1.0).abs() < 1e-9, "coder recall {r}");
    assert!((f1 - 6.0 / 7.0).abs() < 1e-9, "coder F1 {f1}");
}
