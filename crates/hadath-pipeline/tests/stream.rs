//! The streaming runner: input order kept for any thread count, errors stop it cleanly.

use hadath_pipeline::{run_stream, run_stream_map, PipelineOptions};
use hadath_text::Document;

/// Documents of very different lengths, so workers finish them out of order.
fn docs(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let sentence = "اجتمع وزير الخارجية الروسي مع نظيره التركي في موسكو يوم الثلاثاء. ";
            let mut doc = Document::new(format!("d{i}"), sentence.repeat(1 + (i * 7) % 23));
            hadath_ingest::prepare(&mut doc);
            doc
        })
        .collect()
}

fn ids_and_events(threads: usize, batch: usize) -> Vec<(String, usize)> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let mut out = Vec::new();
    run_stream_map(
        docs(120).into_iter(),
        &PipelineOptions::default(),
        Some(&pool),
        batch,
        |doc| (doc.id, doc.events.len()),
        |(id, events)| -> Result<(), ()> {
            out.push((id, events));
            Ok(())
        },
    )
    .expect("no sink error");
    out
}

#[test]
fn output_is_in_input_order_for_any_thread_count_and_read_ahead() {
    let one = ids_and_events(1, 64);
    assert_eq!(one.len(), 120);
    assert!(one.iter().enumerate().all(|(i, (id, _))| *id == format!("d{i}")));
    assert!(one.iter().any(|(_, events)| *events > 0), "the sentence codes a meeting");
    for (threads, batch) in [(2, 1), (3, 2), (4, 64), (2, 1000)] {
        assert_eq!(ids_and_events(threads, batch), one, "threads {threads}, batch {batch}");
    }
}

#[test]
fn a_sink_error_stops_the_stream_without_hanging() {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("thread pool");
    let mut seen = 0;
    let result = run_stream_map(
        docs(200).into_iter(),
        &PipelineOptions::default(),
        Some(&pool),
        4,
        |_| (),
        |()| {
            seen += 1;
            if seen == 10 {
                Err("disk full")
            } else {
                Ok(())
            }
        },
    );
    assert_eq!(result, Err("disk full"));
    assert_eq!(seen, 10);
}

#[test]
fn run_stream_hands_over_documents_in_order() {
    let mut ids = Vec::new();
    run_stream(docs(30).into_iter(), &PipelineOptions::default(), 3, |doc| -> Result<(), ()> {
        ids.push(doc.id);
        Ok(())
    })
    .expect("no sink error");
    assert_eq!(ids, (0..30).map(|i| format!("d{i}")).collect::<Vec<_>>());
}

#[test]
fn an_empty_stream_ends_at_once() {
    let mut calls = 0;
    run_stream(std::iter::empty(), &PipelineOptions::default(), 8, |_| -> Result<(), ()> {
        calls += 1;
        Ok(())
    })
    .expect("no sink error");
    assert_eq!(calls, 0);
}

#[test]
fn long_and_short_documents_mixed_keep_their_order() {
    // Documents past the chunk's byte budget travel alone; runs of short ones are chunked.
    let long = "نص طويل. ".repeat(20_000);
    let make = || {
        (0..60).map(|i| {
            let text = if i % 29 == 5 { long.clone() } else { format!("خبر قصير رقم {i}.") };
            let mut doc = Document::new(format!("m{i}"), text);
            hadath_ingest::prepare(&mut doc);
            doc
        })
    };
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        let mut ids = Vec::new();
        run_stream_map(
            make(),
            &PipelineOptions::default(),
            Some(&pool),
            8,
            |doc| (doc.id, doc.text.len()),
            |(id, len)| {
                assert_eq!(
                    len,
                    if id == "m5" || id == "m34" {
                        long.len()
                    } else {
                        format!("خبر قصير رقم {}.", &id[1..]).len()
                    }
                );
                ids.push(id);
                Ok::<(), ()>(())
            },
        )
        .expect("no sink error");
        assert_eq!(ids, (0..60).map(|i| format!("m{i}")).collect::<Vec<_>>(), "threads {threads}");
    }
}

#[test]
fn one_worker_runs_every_document_on_the_calling_thread() {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("thread pool");
    let caller = std::thread::current().id();
    let mut ran_on = Vec::new();
    run_stream_map(
        docs(20).into_iter(),
        &PipelineOptions::default(),
        Some(&pool),
        64,
        |_| std::thread::current().id(),
        |id| -> Result<(), ()> {
            ran_on.push(id);
            Ok(())
        },
    )
    .expect("no sink error");
    assert_eq!(ran_on.len(), 20);
    assert!(ran_on.iter().all(|id| *id == caller), "--threads 1 must keep one thread busy");
}
