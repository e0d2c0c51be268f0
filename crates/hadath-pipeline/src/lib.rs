//! The pipeline: runs every analysis layer over a document in order, in parallel over a stream.
//!
//! Order: the rest of the layout (when ingest deferred it to the workers), segmentation,
//! publication date, times, numbers, entities, events. Each layer reads the ones before it
//! from the [`Document`]. A layer that panics on some input is caught: the
//! document gets an `internal-error` diagnostic and the stream goes on.

pub mod output;

use hadath_text::{Date, Diagnostic, Document};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Mutex};

/// Options that change what the analysis assumes.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Publication date for documents that carry none, in metadata or in their text.
    pub published: Option<Date>,
}

/// Runs every layer over one document that ingest has laid out.
pub fn analyze(doc: &mut Document, opts: &PipelineOptions) {
    if doc.failed() {
        return;
    }
    let result = catch_unwind(AssertUnwindSafe(|| analyze_layers(doc, opts)));
    if let Err(panic) = result {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        // Keep what is certain: the text and its metadata; drop half-built layers.
        doc.entities.clear();
        doc.times.clear();
        doc.numbers.clear();
        doc.quotes.clear();
        doc.events.clear();
        doc.diagnostics.push(Diagnostic::error("internal-error", format!("analysis failed: {what}")));
    }
}

/// Names of the timed stages, in pipeline order.
pub const STAGES: [&str; 7] = ["layout", "segment", "published", "times", "numbers", "entities", "events"];

/// Cumulative time spent in each stage, over all threads, when timing is on.
pub mod timing {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    static ON: AtomicBool = AtomicBool::new(false);
    static NANOS: [AtomicU64; 7] = [const { AtomicU64::new(0) }; 7];

    /// Turns stage timing on or off for the whole process.
    pub fn enable(on: bool) {
        ON.store(on, Ordering::Relaxed);
    }
    pub(crate) fn is_on() -> bool {
        ON.load(Ordering::Relaxed)
    }
    pub(crate) fn add(stage: usize, nanos: u64) {
        NANOS[stage].fetch_add(nanos, Ordering::Relaxed);
    }
    /// Seconds spent per stage so far, in the order of [`super::STAGES`].
    pub fn seconds() -> [f64; 7] {
        std::array::from_fn(|i| NANOS[i].load(Ordering::Relaxed) as f64 / 1e9)
    }
}

fn analyze_layers(doc: &mut Document, opts: &PipelineOptions) {
    // Debug builds only: the CLI tests make one document's analysis panic by its id, to check
    // that it yields a diagnostic and that the other documents go on.
    #[cfg(debug_assertions)]
    if std::env::var_os("HADATH_TEST_PANIC_ON").is_some_and(|id| id == doc.id.as_str()) {
        panic!("test panic asked for {}", doc.id);
    }
    let stages: [&dyn Fn(&mut Document); 7] = [
        // The order-free part of the layout, when ingest deferred it to the workers.
        &hadath_ingest::finish_layout,
        &hadath_text::segment::segment_document,
        &|d| hadath_time::annotate_published(d, opts.published),
        &hadath_time::annotate_times,
        &hadath_numbers::annotate_numbers,
        &|d| hadath_lexicon::Lexicon::get().annotate(d),
        &hadath_events::annotate_events,
    ];
    let timed = timing::is_on();
    for (i, stage) in stages.iter().enumerate() {
        if timed {
            let t = std::time::Instant::now();
            stage(doc);
            timing::add(i, t.elapsed().as_nanos() as u64);
        } else {
            stage(doc);
        }
    }
}

/// Analyses a stream of documents on the current rayon pool, calling `sink` on each analysed
/// document in input order. At most `batch` documents per worker are read ahead.
pub fn run_stream<I, F, E>(docs: I, opts: &PipelineOptions, batch: usize, sink: F) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    F: FnMut(Document) -> Result<(), E>,
{
    stream(docs, opts, None, batch, |doc| doc, sink)
}

/// Analyses a stream and maps each document to a value (such as its serialised output) in
/// parallel on `pool` (the global pool when `None`), calling `sink` with the values in input
/// order. `map` takes the document and drops it on the worker that analysed it, so its
/// memory is freed where it was allocated and never travels back: keep in the value what
/// the sink needs (diagnostics, counts).
pub fn run_stream_map<I, T, M, F, E>(
    docs: I,
    opts: &PipelineOptions,
    pool: Option<&rayon::ThreadPool>,
    batch: usize,
    map: M,
    sink: F,
) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    T: Send,
    M: Fn(Document) -> T + Sync + Send,
    F: FnMut(T) -> Result<(), E>,
{
    stream(docs, opts, pool, batch, map, sink)
}

/// The mapped value of a document (`None` if `map` panicked).
type Done<T> = Option<T>;

/// Documents handed to a worker at once, at most: fewer hand-offs mean fewer thread wake-ups.
const CHUNK_DOCS: usize = 16;
/// Bytes of text handed to a worker at once, at most, so long documents travel alone.
const CHUNK_BYTES: usize = 1 << 18;

/// The streaming core. This thread reads documents and hands them, in small chunks, to one
/// long-lived job per worker over a channel; finished chunks come back on another channel and
/// are put back in input order before `sink`. There is no batch barrier, so a slow document
/// holds up only its own worker. A chunk goes out as soon as a worker is idle, so a slow input
/// (a live feed on stdin) is not held back to fill it. Documents read but not yet sunk are at
/// most `batch` per worker, so memory stays flat however long the stream, and output order does
/// not depend on the number of workers. With one worker the stream runs serially on this
/// thread instead.
fn stream<I, T, M, F, E>(
    docs: I,
    opts: &PipelineOptions,
    pool: Option<&rayon::ThreadPool>,
    batch: usize,
    map: M,
    sink: F,
) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    T: Send,
    M: Fn(Document) -> T + Sync + Send,
    F: FnMut(T) -> Result<(), E>,
{
    let workers = pool.map_or_else(rayon::current_num_threads, |p| p.current_num_threads()).max(1);
    if workers == 1 {
        return serial(docs, opts, map, sink);
    }
    let limit = batch.max(1).saturating_mul(workers);
    let (work_tx, work_rx) = mpsc::channel::<(usize, Vec<Document>)>();
    let work_rx = Mutex::new(work_rx);
    let shared = Shared { opts, map: &map, work_rx: &work_rx, workers, limit };
    match pool {
        Some(p) => p.in_place_scope(|scope| drive(scope, &shared, work_tx, docs, sink)),
        None => rayon::in_place_scope(|scope| drive(scope, &shared, work_tx, docs, sink)),
    }
}

/// One worker: everything runs on the calling thread, one document after another, with no
/// channel and no second thread, so `--threads 1` keeps exactly one core busy.
fn serial<I, T, M, F, E>(docs: I, opts: &PipelineOptions, map: M, mut sink: F) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    M: Fn(Document) -> T,
    F: FnMut(T) -> Result<(), E>,
{
    for mut doc in docs {
        // `analyze` catches a failing layer itself; a panic in `map` goes on up, as with workers.
        analyze(&mut doc, opts);
        sink(map(doc))?;
    }
    Ok(())
}

/// What the workers share with the reading thread.
struct Shared<'s, M> {
    opts: &'s PipelineOptions,
    map: &'s M,
    work_rx: &'s Mutex<mpsc::Receiver<(usize, Vec<Document>)>>,
    workers: usize,
    /// Documents read but not yet sunk, at most.
    limit: usize,
}

/// Starts the workers in `scope`, then reads, hands out and sinks in order on this thread.
fn drive<'s, I, T, M, F, E>(
    scope: &rayon::Scope<'s>,
    shared: &'s Shared<'s, M>,
    work_tx: mpsc::Sender<(usize, Vec<Document>)>,
    mut docs: I,
    mut sink: F,
) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    T: Send + 's,
    M: Fn(Document) -> T + Sync + Send,
    F: FnMut(T) -> Result<(), E>,
{
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Done<T>>)>();
    for _ in 0..shared.workers {
        let done_tx = done_tx.clone();
        scope.spawn(move |_| loop {
            // The lock is held while waiting, so one idle worker waits on the channel and the
            // others on the lock; either way each chunk goes to one worker.
            let next = shared.work_rx.lock().ok().and_then(|rx| rx.recv().ok());
            let Some((first, chunk)) = next else { break };
            let done: Vec<Done<T>> = chunk
                .into_iter()
                .map(|mut doc| {
                    catch_unwind(AssertUnwindSafe(|| {
                        analyze(&mut doc, shared.opts);
                        (shared.map)(doc)
                    }))
                    .ok()
                })
                .collect();
            if done_tx.send((first, done)).is_err() {
                break;
            }
        });
    }
    drop(done_tx);
    let mut work_tx = Some(work_tx);
    let mut input_done = false;
    let (mut read, mut sunk) = (0usize, 0usize);
    let (mut pending, mut pending_bytes): (Vec<Document>, usize) = (Vec::new(), 0);
    // Chunks handed out and not yet back.
    let mut in_flight = 0usize;
    let mut finished: BTreeMap<usize, Vec<Done<T>>> = BTreeMap::new();
    loop {
        let paused = input_done || read - sunk >= shared.limit;
        let full = pending.len() >= CHUNK_DOCS || pending_bytes >= CHUNK_BYTES;
        if !pending.is_empty() && (full || paused || in_flight < shared.workers) {
            let chunk = std::mem::take(&mut pending);
            pending_bytes = 0;
            if work_tx.as_ref().is_none_or(|tx| tx.send((read - chunk.len(), chunk)).is_err()) {
                // Every worker is gone: only a panic does that, and the scope passes it on.
                return Ok(());
            }
            in_flight += 1;
        }
        if input_done {
            // Closing the channel lets the workers stop once it is empty.
            work_tx = None;
            if sunk == read {
                return Ok(());
            }
        }
        // Wait for a worker when the read-ahead is full or there is nothing left to read.
        let done = if paused { done_rx.recv().ok() } else { done_rx.try_recv().ok() };
        if let Some((first, chunk)) = done {
            in_flight = in_flight.saturating_sub(1);
            finished.insert(first, chunk);
            while let Some(chunk) = finished.remove(&sunk) {
                for value in chunk {
                    sunk += 1;
                    match value {
                        Some(value) => sink(value)?,
                        None => panic!("mapping document number {sunk} of the stream failed"),
                    }
                }
            }
            continue;
        }
        if paused {
            // Every worker is gone with documents outstanding: only a panic does that, and the
            // scope passes it on when it ends.
            return Ok(());
        }
        match docs.next() {
            Some(doc) => {
                pending_bytes += doc.text.len();
                pending.push(doc);
                read += 1;
            }
            // The last chunk goes out on the next turn.
            None => input_done = true,
        }
    }
}

/// Builds and analyses a document from plain text, for tests and evaluation.
pub fn analyze_text(id: &str, text: &str, published: Option<Date>) -> Document {
    let mut doc = Document::new(id, text);
    doc.meta.format = "txt".into();
    hadath_ingest::prepare(&mut doc);
    analyze(&mut doc, &PipelineOptions { published });
    doc
}
