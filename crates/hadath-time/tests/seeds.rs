//! The founding seed articles: publication dates from their text, and their key dates.
//!
//! Reads `../shared/seeds` from the repository root; skips when the folder is absent.

use hadath_text::{Date, Document, TimexValue};
use hadath_time::{annotate_published, find_times, Reference};
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    dir.is_dir().then_some(dir)
}

fn seed(dir: &std::path::Path, prefix: &str) -> Option<String> {
    let entry = std::fs::read_dir(dir).ok()?.flatten().find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}

#[test]
fn seed_publication_dates() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let expect: [(&str, &[Option<Date>]); 5] = [
        ("000_", &[Date::new(2021, 12, 15), Date::new(2021, 12, 16)]),
        ("001_", &[Date::new(2020, 10, 9)]),
        ("002_", &[None]),
        ("003_", &[None]),
        ("004_", &[None]),
    ];
    for (prefix, allowed) in expect {
        let Some(text) = seed(&dir, prefix) else {
            eprintln!("skipped: data pack not found");
            return;
        };
        let mut doc = Document::new(prefix, text);
        annotate_published(&mut doc, None);
        assert!(allowed.contains(&doc.published.value), "seed {prefix}: got {:?}", doc.published.value);
        if let Some(span) = doc.published.span {
            assert!(doc.text.get(span.start..span.end).is_some());
        }
    }
}

fn values(text: &str, reference: Date) -> Vec<String> {
    find_times(text, Some(Reference::day(reference)))
        .into_iter()
        .filter_map(|t| match t.value {
            Some(TimexValue::Single(v)) => Some(v),
            _ => None,
        })
        .collect()
}

#[test]
fn seed_event_dates() {
    let Some(dir) = seeds_dir() else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let (Some(s000), Some(s004)) = (seed(&dir, "000_"), seed(&dir, "004_")) else {
        eprintln!("skipped: data pack not found");
        return;
    };
    let Some(published) = Date::new(2021, 12, 16) else { return };
    assert!(values(&s000, published).contains(&"2021-12-15".to_string()), "seed 000: Wednesday evening");
    let Some(published) = Date::new(2022, 11, 25) else { return };
    let v = values(&s004, published);
    assert!(v.contains(&"2022-11-12".to_string()), "seed 004: 12 November: {v:?}");
    assert!(v.contains(&"2022-12-07".to_string()), "seed 004: 7 December: {v:?}");
}
