//! The pipeline: runs every analysis layer over a document in order, in parallel over a stream.
//!
//! Order: the rest of the layout (when ingest deferred it to the workers), segmentation,
//! publication date, times, numbers, entities, events. Each layer reads the ones before it
//! from the [`Document`]. A layer that panics on some input is caught: the
//! document gets an `internal-error` diagnostic and the stream goes on.

pub mod output;

use hadath_text::{Date, Diagnostic, Document};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

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

/// Analyses a stream of documents on the current rayon pool, in batches, calling `sink` on
/// each analysed document in input order. Memory is bounded by the batch size.
pub fn run_stream<I, F, E>(docs: I, opts: &PipelineOptions, batch: usize, mut sink: F) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    F: FnMut(Document) -> Result<(), E>,
{
    let batch = batch.max(1);
    let mut docs = docs.peekable();
    let mut buf: Vec<Document> = Vec::with_capacity(batch);
    while docs.peek().is_some() {
        buf.clear();
        buf.extend(docs.by_ref().take(batch));
        buf.par_iter_mut().for_each(|d| analyze(d, opts));
        for d in buf.drain(..) {
            sink(d)?;
        }
    }
    Ok(())
}

/// Analyses a stream and maps each document to a value (such as its serialised output) in
/// parallel on `pool` (the global pool when `None`), calling `sink` in input order.
pub fn run_stream_map<I, T, M, F, E>(
    docs: I,
    opts: &PipelineOptions,
    pool: Option<&rayon::ThreadPool>,
    batch: usize,
    map: M,
    mut sink: F,
) -> Result<(), E>
where
    I: Iterator<Item = Document>,
    T: Send,
    M: Fn(&Document) -> T + Sync + Send,
    F: FnMut(&Document, T) -> Result<(), E>,
{
    let batch = batch.max(1);
    let mut docs = docs;
    let work = |buf: &mut Vec<Document>| -> Vec<T> {
        buf.par_iter_mut()
            .map(|d| {
                analyze(d, opts);
                map(d)
            })
            .collect()
    };
    // Reading overlaps analysis: while the pool codes one batch, this thread reads the next.
    let mut next: Vec<Document> = docs.by_ref().take(batch).collect();
    while !next.is_empty() {
        let mut buf = std::mem::take(&mut next);
        let mut outs: Vec<T> = Vec::new();
        let (buf_ref, outs_ref, next_ref, docs_ref, work_ref) = (&mut buf, &mut outs, &mut next, &mut docs, &work);
        macro_rules! overlap {
            () => {
                move |scope: &rayon::Scope<'_>| {
                    scope.spawn(move |_| *outs_ref = work_ref(buf_ref));
                    *next_ref = docs_ref.by_ref().take(batch).collect();
                }
            };
        }
        match pool {
            Some(p) => p.in_place_scope(overlap!()),
            None => rayon::in_place_scope(overlap!()),
        }
        for (d, o) in buf.iter().zip(outs) {
            sink(d, o)?;
        }
    }
    Ok(())
}

/// Builds and analyses a document from plain text, for tests and evaluation.
pub fn analyze_text(id: &str, text: &str, published: Option<Date>) -> Document {
    let mut doc = Document::new(id, text);
    doc.meta.format = "txt".into();
    hadath_ingest::prepare(&mut doc);
    analyze(&mut doc, &PipelineOptions { published });
    doc
}
