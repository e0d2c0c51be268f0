//! Reads inputs the way `hadath code` does and prints counts and throughput, for measuring
//! ingestion speed and memory: `cargo run -p hadath-ingest --example ingest_stats -- PATH...`.

use hadath_ingest::{open, IngestOptions};
use hadath_text::ParagraphKind;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let stream = match open(&paths, &IngestOptions::default()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let (mut docs, mut failed, mut bytes) = (0usize, 0usize, 0usize);
    let mut kinds = [0usize; 5];
    for doc in stream {
        docs += 1;
        failed += usize::from(doc.failed());
        bytes += doc.text.len();
        for p in &doc.paragraphs {
            kinds[match p.kind {
                ParagraphKind::Body => 0,
                ParagraphKind::Title => 1,
                ParagraphKind::Dateline => 2,
                ParagraphKind::Boilerplate => 3,
                ParagraphKind::Meta => 4,
            }] += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!(
        "documents {docs} (failed {failed}), text {:.1} MB, {:.0} docs/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        docs as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    println!(
        "paragraphs: body {} title {} dateline {} boilerplate {} meta {}",
        kinds[0], kinds[1], kinds[2], kinds[3], kinds[4]
    );
}
