//! Prints the temporal evaluation report: `cargo run -p hadath-time --example time_eval [DATA_DIR]`.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".to_string());
    match hadath_time::eval::run(std::path::Path::new(&dir)) {
        Ok(report) => print!("{report}"),
        Err(e) => {
            eprintln!("time eval: {e}");
            std::process::exit(1);
        }
    }
}
