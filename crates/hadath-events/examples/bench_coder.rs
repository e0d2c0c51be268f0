//! Measures the event coder's throughput on a JSON Lines corpus (`{"text", "published"}` per line).

use std::io::BufRead;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_coder FILE.jsonl");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let (mut bytes, mut coder, mut layers, mut events, mut docs) = (0usize, 0f64, 0f64, 0usize, 0usize);
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let text = v["text"].as_str().unwrap_or("");
        let published = v["published"].as_str().and_then(hadath_text::Date::parse_iso);
        let t0 = std::time::Instant::now();
        let mut doc = hadath_events::eval::prepare_text("d", text, published);
        let t1 = std::time::Instant::now();
        hadath_events::annotate_events(&mut doc);
        coder += t1.elapsed().as_secs_f64();
        layers += (t1 - t0).as_secs_f64();
        bytes += text.len();
        events += doc.events.len();
        docs += 1;
    }
    let mb = bytes as f64 / 1e6;
    println!("{docs} documents, {mb:.2} MB, {events} events");
    println!("event coder: {coder:.3} s = {:.1} MB/s", mb / coder);
    println!("other layers (segment, lexicon, time, numbers): {layers:.3} s = {:.1} MB/s", mb / layers);
}
