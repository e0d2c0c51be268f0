//! Prints the false positives and misses of the event evaluation, for tuning (not for the repository).

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".to_string());
    let path = std::path::Path::new(&dir).join("events").join("gsr-dev.jsonl");
    if !path.exists() {
        println!("skipped: data pack not found");
        return;
    }
    let half = match std::env::args().nth(2).as_deref() {
        Some("a") => hadath_events::eval::Half::A,
        Some("b") => hadath_events::eval::Half::B,
        _ => hadath_events::eval::Half::All,
    };
    let scores = match hadath_events::eval::score_file_half(&path, half) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for (task, d) in &scores {
        for (label, pat, trig, text) in &d.false_examples {
            println!("FP\t{task}\t{label}\t{pat}\t{trig}\t{text}");
        }
        for [gs, ps, gt, pt, text] in &d.actor_examples {
            println!("ACT\t{task}\t{gs}\t{ps}\t{gt}\t{pt}\t{text}");
        }
        for (id, text) in &d.missed_examples {
            println!("FN\t{task}\t{id}\t{text}");
        }
    }
}
