//! Measures model load time and tagging speed on a CoNLL file: `cargo run --release -p hadath-tagger --example speed -- FILE`.

use hadath_tagger::conll::read_sentences;
use hadath_tagger::Tagger;
use std::fs::File;
use std::io::BufReader;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: speed FILE.conll")?;
    let started = Instant::now();
    let tagger = Tagger::get();
    println!("model load: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    let sentences = read_sentences(BufReader::new(File::open(&path)?))?;
    let tokens: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(|c| c[0].as_str()).collect()).collect();
    let n: usize = tokens.iter().map(Vec::len).sum();
    let started = Instant::now();
    for s in &tokens {
        tagger.tag(s);
    }
    let secs = started.elapsed().as_secs_f64();
    println!("sentence model: {n} tokens in {secs:.2} s, {:.0} tokens/s", n as f64 / secs);
    let started = Instant::now();
    tagger.tag_document(&tokens);
    let secs = started.elapsed().as_secs_f64();
    println!("document mode (tag --conll): {n} tokens in {secs:.2} s, {:.0} tokens/s", n as f64 / secs);
    Ok(())
}
