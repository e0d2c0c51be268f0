//! Prints the entities the built-in lexicon finds in a text file, one per line, for inspection.
//!
//! Run: `cargo run -p hadath-lexicon --example annotate_file -- FILE [YYYY-MM-DD]`.

use hadath_lexicon::Lexicon;
use hadath_text::{Date, Document};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: annotate_file FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut doc = Document::new(path, text);
    doc.published.value = args.next().and_then(|d| Date::parse_iso(&d));
    Lexicon::get().annotate(&mut doc);
    for e in &doc.entities {
        println!(
            "{}\t{:?}\t{}\t{}\t{}\t{}",
            doc.slice(e.span),
            e.kind,
            e.name,
            e.code.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("-"),
            e.lexicon_id.as_deref().unwrap_or("-")
        );
    }
}
