//! Prints the events coded in a text file (one document), for inspection while tuning.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump_events FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let published = args.next().and_then(|d| hadath_text::Date::parse_iso(&d));
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let doc = hadath_events::eval::analyse_text(&path, &text, published);
    for e in &doc.events {
        let names = |v: &[hadath_text::Actor]| {
            v.iter().map(|a| a.code.clone().or(a.name.clone()).unwrap_or_default()).collect::<Vec<_>>().join("+")
        };
        println!(
            "{} {:?} [{}] src={} tgt={} med={} date={:?} loc={:?} killed={:?} | {}",
            e.event_type,
            e.status,
            e.pattern,
            names(&e.source),
            names(&e.target),
            names(&e.mediator),
            e.date.value,
            e.location.as_ref().and_then(|l| l.name.clone()),
            e.killed.as_ref().map(|k| (k.min, k.max)),
            doc.slice(e.trigger)
        );
    }
    for q in &doc.quotes {
        println!("QUOTE speaker={:?} | {}", q.speaker.as_ref().and_then(|a| a.name.clone()), doc.slice(q.span));
    }
}
