//! Runs the event evaluation on the data pack and prints the Markdown report.
//!
//! Usage: `eval_gsr [DATA_DIR] [all|a|b]`; half `a` is for tuning, `b` for checking.

use hadath_events::eval::Half;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".to_string());
    let half = match std::env::args().nth(2).as_deref() {
        Some("a") => Half::A,
        Some("b") => Half::B,
        _ => Half::All,
    };
    let dir = std::path::Path::new(&dir);
    if !dir.exists() {
        println!("skipped: data pack not found");
        return;
    }
    match hadath_events::eval::run_half(dir, half) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
