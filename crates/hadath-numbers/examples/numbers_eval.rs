//! Prints the Recognizers number evaluation report: `cargo run -p hadath-numbers --example numbers_eval [DATA_DIR]`.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data".to_string());
    match hadath_numbers::eval::run(std::path::Path::new(&dir)) {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("skipped: data pack not found ({e})");
        }
    }
}
