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

/// CPU time (user + system) this process has used so far, in seconds, from /proc (Linux; the
/// kernel counts in clock ticks of 1/100 s on every mainstream configuration).
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Bytes of the input when every path is a plain file (not a folder, stdin or gzip).
fn input_file_bytes(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        let meta = std::fs::metadata(path).ok()?;
        let gzip = path.extension().is_some_and(|e| e == "gz");
        if !meta.is_file() || gzip {
            return None;
        }
        total += meta.len();
    }
    (!paths.is_empty()).then_some(total)
}

/// Wraps the document stream and adds up the time spent reading and laying out documents.
struct TimedStream<I> {
    inner: I,
    nanos: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<I: Iterator> Iterator for TimedStream<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let t = Instant::now();
        let item = self.inner.next();
        self.nanos.fetch_add(t.elapsed().as_nanos() as u64, std::sync::atomic::Ordering::Relaxed);
        item
    }
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    let t0 = Instant::now();
    hadath_lexicon::Lexicon::get();
    let lexicon_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let pool = crate::thread_pool(args.threads)?;
    let threads = pool.current_num_threads();
    // One worker runs everything on this thread; with several, the layout runs on the workers.
    let ingest = IngestOptions { defer_layout: threads > 1, ..IngestOptions::default() };
    let stream = hadath_ingest::open(&args.paths, &ingest)?;
    let read_nanos = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let stream = TimedStream { inner: stream.take(args.limit.unwrap_or(usize::MAX)), nanos: read_nanos.clone() };
    let (mut docs, mut bytes, mut chars, mut sentences, mut events, mut out_bytes) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    hadath_pipeline::timing::enable(true);
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    hadath_pipeline::run_stream_map(
        stream,
        &PipelineOptions::default(),
        Some(&pool),
        64,
        // Counted on the worker, which then drops the document, as `code` does.
        |doc| {
            let n = output::render(&doc, Emit::Events, Format::Jsonl).len();
            (doc.text.len(), doc.text.chars().count(), doc.sentences.len(), doc.events.len(), n)
        },
        |(b, c, s, e, n)| -> Result<(), std::convert::Infallible> {
            docs += 1;
            bytes += b;
            chars += c;
            sentences += s;
            events += e;
            out_bytes += n;
            Ok(())
        },
    )
    .ok();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let cpu = cpu_seconds().zip(cpu_start).map(|(b, a)| b - a);
    println!(
        "threads          {threads} ({})",
        if ingest.defer_layout { "layout on the workers" } else { "one thread does everything" }
    );
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
    // The "MB of input" may be read as the input files' bytes (JSON and metadata
    // included), which is more than the text alone; both are shown, the text rate first.
    if let Some(file_bytes) = input_file_bytes(&args.paths).filter(|_| args.limit.is_none()) {
        println!(
            "input files      {:.1} MB, {:.2} MB/s of file bytes",
            file_bytes as f64 / 1e6,
            file_bytes as f64 / 1e6 / secs
        );
    }
    if let Some(cpu) = cpu {
        println!(
            "cpu time         {cpu:.2} s ({:.2} cores busy), {:.2} MB per CPU-second",
            cpu / secs,
            bytes as f64 / 1e6 / cpu.max(1e-9)
        );
    }
    println!("lexicon load     {lexicon_ms:.1} ms");
    let read_secs = read_nanos.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1e9;
    println!(
        "  reading          {read_secs:7.2} s  (read{})  {:8.1} MB/s",
        if ingest.defer_layout { ", lines in order" } else { " + layout" },
        bytes as f64 / 1e6 / read_secs.max(1e-9)
    );
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
