//! `hadath time` without the CLI: `cargo run -p hadath-time --example time_cmd -- [REFERENCE] < input.jsonl`.

fn main() {
    let reference = std::env::args().nth(1);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    match hadath_time::time_command(stdin.lock(), stdout.lock(), reference.as_deref()) {
        Ok(0) => {}
        Ok(bad) => {
            eprintln!("{bad} bad input lines");
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("hadath time: {e}");
            std::process::exit(2);
        }
    }
}
