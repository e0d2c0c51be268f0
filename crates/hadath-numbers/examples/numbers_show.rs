//! Prints the mentions found in each argument (or stdin line):
//! `cargo run -p hadath-numbers --example numbers_show -- "نص"`.

fn main() {
    let mut texts: Vec<String> = std::env::args().skip(1).collect();
    if texts.is_empty() {
        texts = std::io::stdin().lines().map_while(Result::ok).collect();
    }
    for text in texts {
        println!("{text}");
        for d in hadath_numbers::find_numbers_detailed(&text) {
            let m = &d.mention;
            let counted = m.counted.map(|(s, c)| format!(" counted={:?}:{}", c, s.slice(&text)));
            println!(
                "  [{}] {:?} value={} min={:?} max={:?} {:?}{}",
                m.span.slice(&text),
                m.kind,
                m.value,
                m.min,
                m.max,
                d.qualifier,
                counted.unwrap_or_default()
            );
        }
    }
}
