//! Shared check of the ingest fuzz targets: reading bytes under each name never panics and
//! every span of every document slices its text.

use hadath_ingest::{read_bytes, IngestOptions};

/// Reads `data` as each of `names` and checks the spans of every document.
pub fn read_and_check(data: &[u8], names: &[&str]) -> Vec<hadath_text::Document> {
    let mut all = Vec::new();
    for name in names {
        for doc in read_bytes(name, data, &IngestOptions::default()) {
            if let Err(e) = doc.check_spans() {
                panic!("{name}: {e:?}");
            }
            all.push(doc);
        }
    }
    all
}
