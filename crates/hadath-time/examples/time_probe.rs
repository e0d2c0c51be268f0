//! Prints the expressions found in each argument: `cargo run -p hadath-time --example time_probe -- REF TEXT...`.

fn main() {
    let mut args = std::env::args().skip(1);
    let reference = args.next().and_then(|r| hadath_time::Reference::parse(&r));
    for text in args {
        for t in hadath_time::find_times(&text, reference) {
            println!("{:?} {:?} {:?} {:?}", &text[t.span.start..t.span.end], t.kind, t.value, t.precision);
        }
    }
}
