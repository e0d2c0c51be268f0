//! Runs the event evaluation on the data pack and prints the Markdown report.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".to_string());
    let dir = std::path::Path::new(&dir);
    if !dir.exists() {
        println!("skipped: data pack not found");
        return;
    }
    match hadath_events::eval::run(dir) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
