//! `hadath bench`: end-to-end throughput and peak memory of coding a corpus.

use anyhow::Result;
use clap::Args;
use hadath_ingest::IngestOptions;
use hadath_pipeline::output::{self, Emit, Format};
use hadath_pipeline::PipelineOptions;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args)]
pub struct BenchArgs {
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Stop after this many documents.
    #[arg(long)]
    limit: Option<usize>,
    /// Corpus: files or folders, such as ../shared/data/corpus/ant-v2.1.jsonl.gz.
    paths: Vec<PathBuf>,
}

/// Peak resident memory of this process in MiB, from /proc (Linux).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    hadath_lexicon::Lexicon::get();
    let lexicon_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let stream = hadath_ingest::open(&args.paths, &IngestOptions::default())?;
    let stream = stream.take(args.limit.unwrap_or(usize::MAX));
    let pool = crate::thread_pool(args.threads)?;
    let threads = pool.current_num_threads();
    let (mut docs, mut bytes, mut chars, mut sentences, mut events, mut out_bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    hadath_pipeline::timing::enable(true);
    let start = Instant::now();
    hadath_pipeline::run_stream_map(
        stream,
        &PipelineOptions::default(),
        Some(&pool),
        64,
        |doc| output::render(doc, Emit::Events, Format::Jsonl).len(),
        |doc, n| -> Result<(), std::convert::Infallible> {
            docs += 1;
            bytes += doc.text.len();
            chars += doc.text.chars().count();
            sentences += doc.sentences.len();
            events += doc.events.len();
            out_bytes += n;
            Ok(())
        },
    )
    .ok();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!("threads          {threads}");
    println!("documents        {docs}");
    println!("input text       {:.1} MB ({} chars)", bytes as f64 / 1e6, chars);
    println!("sentences        {sentences}");
    println!("events           {events}");
    println!("output           {:.1} MB", out_bytes as f64 / 1e6);
    println!("wall time        {secs:.2} s");
    println!(
        "throughput       {:.2} MB/s, {:.0} documents/s, {:.0} sentences/s",
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs,
        sentences as f64 / secs
    );
    println!("lexicon load     {lexicon_ms:.1} ms");
    let stage_secs = hadath_pipeline::timing::seconds();
    let total: f64 = stage_secs.iter().sum::<f64>().max(1e-9);
    for (name, s) in hadath_pipeline::STAGES.iter().zip(stage_secs) {
        println!(
            "  stage {name:<10} {s:7.2} s  {:5.1}%  {:8.1} MB/s",
            100.0 * s / total,
            bytes as f64 / 1e6 / s.max(1e-9)
        );
    }
    if let Some(rss) = peak_rss_mib() {
        println!("peak memory      {rss:.0} MiB");
    }
    Ok(ExitCode::SUCCESS)
}
