//! Output formats of `hadath code`: events or documents as JSON Lines, events as TSV or CSV.
//!
//! Internal spans are byte offsets; everything written here is in character offsets, as
//! interfaces.md fixes. JSON is written by hand, one function per record, in the bytes that
//! serde_json wrote for the same records (compact, its escapes and float format).

use hadath_text::{
    Actor, Casualties, Counted, DateBasis, Diagnostic, Document, Entity, EntityKind, Event, EventLocation, EventStatus,
    NumberKind, NumberMention, Paragraph, ParagraphKind, Precision, PublishedBasis, Quote, Severity, Span, TimeKind,
    TimeMention, TimexValue,
};
use std::io::{self, Write};

/// What `hadath code` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    Events,
    Documents,
}

/// How it writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Tsv,
    Csv,
}

/// Bytes per block of the char-count table: a lookup counts at most this many bytes.
const CHAR_BLOCK: usize = 128;

/// Converts byte offsets into char offsets with a small table of char counts per 128-byte block,
/// built on first use: a document without anything to convert costs nothing.
struct Offsets<'a> {
    text: &'a str,
    /// Chars starting before each block.
    blocks: std::cell::OnceCell<Vec<u32>>,
}

/// Whether a byte starts a char (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_char_starts(bytes: &[u8]) -> usize {
    // Summed in chunks of at most 255 bytes into a u8, which the compiler vectorises.
    bytes.chunks(255).map(|c| c.iter().map(|&b| starts_char(b) as u8).sum::<u8>() as usize).sum()
}

impl<'a> Offsets<'a> {
    fn new(doc: &'a Document) -> Self {
        Offsets { text: &doc.text, blocks: std::cell::OnceCell::new() }
    }

    /// Char offset of a byte offset, rounded down to the char it falls in (as `CharIndex`).
    fn char_of(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let blocks = self.blocks.get_or_init(|| {
            let mut acc = 0u32;
            let mut out = Vec::with_capacity(bytes.len() / CHAR_BLOCK + 1);
            for chunk in bytes.chunks(CHAR_BLOCK) {
                out.push(acc);
                acc += count_char_starts(chunk) as u32;
            }
            out.push(acc);
            out
        });
        if byte >= bytes.len() {
            return blocks.last().map_or(0, |&n| n as usize);
        }
        let block = byte / CHAR_BLOCK;
        let before = blocks.get(block).map_or(0, |&n| n as usize);
        // Chars starting in the block up to and including `byte`, less the one holding it.
        (before + count_char_starts(&bytes[block * CHAR_BLOCK..=byte])).saturating_sub(1)
    }

    fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }

    fn text(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}

// JSON records, written by hand in the bytes serde_json writes: compact, fields in the order
// of interfaces.md, `null` for absent values (some fields are left out instead, as noted).

/// Opens a record with its character offsets: `{"start":S,"end":E`.
fn open_span(out: &mut String, o: &Offsets, s: Span) {
    let (start, end) = o.chars(s);
    out.push_str("{\"start\":");
    uint(out, start);
    out.push_str(",\"end\":");
    uint(out, end);
}

fn actor(out: &mut String, o: &Offsets, a: &Actor) {
    let (start, end) = o.chars(a.span);
    out.push_str("{\"text\":");
    string(out, o.text(a.span));
    out.push_str(",\"start\":");
    uint(out, start);
    out.push_str(",\"end\":");
    uint(out, end);
    out.push_str(",\"name\":");
    opt_string(out, a.name.as_deref());
    out.push_str(",\"code\":");
    opt_string(out, a.code.as_deref());
    out.push_str(",\"country\":");
    opt_string(out, a.country.as_deref());
    out.push_str(",\"sector\":");
    opt_string(out, a.sector.as_deref());
    out.push_str(",\"kind\":");
    string(out, entity_kind(a.kind));
    out.push('}');
}

fn actors(out: &mut String, o: &Offsets, list: &[Actor]) {
    out.push('[');
    for (k, a) in list.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        actor(out, o, a);
    }
    out.push(']');
}

fn span(out: &mut String, o: &Offsets, s: Span) {
    open_span(out, o, s);
    out.push_str(",\"text\":");
    string(out, o.text(s));
    out.push('}');
}

fn count(out: &mut String, o: &Offsets, c: Option<&Casualties>) {
    let Some(c) = c else { return out.push_str("null") };
    out.push_str("{\"min\":");
    int(out, c.min);
    out.push_str(",\"max\":");
    opt_int(out, c.max);
    out.push_str(",\"text\":");
    string(out, o.text(c.span));
    out.push('}');
}

fn location(out: &mut String, o: &Offsets, l: Option<&EventLocation>) {
    let Some(l) = l else { return out.push_str("null") };
    let (start, end) = o.chars(l.span);
    out.push_str("{\"text\":");
    string(out, o.text(l.span));
    out.push_str(",\"start\":");
    uint(out, start);
    out.push_str(",\"end\":");
    uint(out, end);
    out.push_str(",\"name\":");
    opt_string(out, l.name.as_deref());
    out.push_str(",\"country\":");
    opt_string(out, l.country.as_deref());
    out.push_str(",\"lat\":");
    opt_float(out, l.lat);
    out.push_str(",\"lon\":");
    opt_float(out, l.lon);
    out.push('}');
}

/// One event; `doc` is written only in the events output, not inside a document.
fn event(out: &mut String, o: &Offsets, doc: &Document, i: usize, e: &Event, with_doc: bool) {
    out.push('{');
    if with_doc {
        out.push_str("\"doc\":");
        string(out, &doc.id);
        out.push(',');
    }
    // The id is the document's id, '#' and the event's number, as one string.
    out.push_str("\"id\":\"");
    escaped(out, &doc.id);
    out.push('#');
    uint(out, i + 1);
    out.push_str("\",\"type\":");
    string(out, &e.event_type);
    out.push_str(",\"mode\":");
    opt_string(out, e.mode.as_deref());
    out.push_str(",\"cameo\":");
    string(out, &e.cameo);
    out.push_str(",\"intensity\":");
    float(out, e.intensity);
    out.push_str(",\"source\":");
    actors(out, o, &e.source);
    out.push_str(",\"target\":");
    actors(out, o, &e.target);
    out.push_str(",\"mediator\":");
    actors(out, o, &e.mediator);
    out.push_str(",\"date\":{\"value\":");
    opt_string(out, e.date.value.as_deref());
    out.push_str(",\"precision\":");
    string(out, precision(e.date.precision));
    out.push_str(",\"basis\":");
    string(out, date_basis(e.date.basis));
    out.push_str(",\"text\":");
    opt_string(out, e.date.span.map(|s| o.text(s)));
    out.push_str("},\"location\":");
    location(out, o, e.location.as_ref());
    out.push_str(",\"killed\":");
    count(out, o, e.killed.as_ref());
    out.push_str(",\"injured\":");
    count(out, o, e.injured.as_ref());
    out.push_str(",\"status\":");
    string(out, event_status(e.status));
    out.push_str(",\"evidence\":");
    span(out, o, e.evidence);
    out.push_str(",\"trigger\":");
    span(out, o, e.trigger);
    out.push_str(",\"pattern\":");
    string(out, &e.pattern);
    out.push('}');
}

fn paragraph(out: &mut String, o: &Offsets, p: &Paragraph) {
    open_span(out, o, p.span);
    out.push_str(",\"kind\":");
    string(out, paragraph_kind(p.kind));
    out.push_str(",\"language\":");
    string(out, p.lang.code());
    out.push('}');
}

/// One entity; `role`, `lat` and `lon` are left out when absent.
fn entity(out: &mut String, o: &Offsets, e: &Entity) {
    open_span(out, o, e.span);
    out.push_str(",\"text\":");
    string(out, o.text(e.span));
    out.push_str(",\"kind\":");
    string(out, entity_kind(e.kind));
    out.push_str(",\"name\":");
    string(out, &e.name);
    out.push_str(",\"code\":");
    opt_string(out, e.code.as_deref());
    out.push_str(",\"country\":");
    opt_string(out, e.country.as_deref());
    out.push_str(",\"sector\":");
    opt_string(out, e.sector.as_deref());
    if let Some(role) = &e.role {
        out.push_str(",\"role\":");
        string(out, role);
    }
    if let Some(lat) = e.lat {
        out.push_str(",\"lat\":");
        float(out, lat);
    }
    if let Some(lon) = e.lon {
        out.push_str(",\"lon\":");
        float(out, lon);
    }
    out.push('}');
}

fn time(out: &mut String, o: &Offsets, t: &TimeMention) {
    open_span(out, o, t.span);
    out.push_str(",\"text\":");
    string(out, o.text(t.span));
    out.push_str(",\"type\":");
    string(out, time_kind(t.kind));
    out.push_str(",\"value\":");
    match &t.value {
        None => out.push_str("null"),
        Some(TimexValue::Single(v)) => string(out, v),
        Some(TimexValue::Interval { from, to }) => {
            out.push_str("{\"from\":");
            string(out, from);
            out.push_str(",\"to\":");
            string(out, to);
            out.push('}');
        }
    }
    out.push_str(",\"precision\":");
    string(out, precision(t.precision));
    out.push_str(",\"basis\":");
    string(out, date_basis(t.basis));
    out.push('}');
}

fn number(out: &mut String, o: &Offsets, n: &NumberMention) {
    open_span(out, o, n.span);
    out.push_str(",\"text\":");
    string(out, o.text(n.span));
    out.push_str(",\"kind\":");
    string(out, number_kind(n.kind));
    out.push_str(",\"value\":");
    float(out, n.value);
    out.push_str(",\"min\":");
    opt_int(out, n.min);
    out.push_str(",\"max\":");
    opt_int(out, n.max);
    out.push_str(",\"counted\":");
    opt_string(out, n.counted.map(|(_, c)| counted(c)));
    out.push('}');
}

fn quote(out: &mut String, o: &Offsets, q: &Quote) {
    open_span(out, o, q.span);
    out.push_str(",\"text\":");
    string(out, o.text(q.span));
    out.push_str(",\"speaker\":");
    match &q.speaker {
        Some(a) => actor(out, o, a),
        None => out.push_str("null"),
    }
    out.push('}');
}

fn diagnostic(out: &mut String, d: &Diagnostic) {
    out.push_str("{\"severity\":");
    string(out, severity(d.severity));
    out.push_str(",\"code\":");
    string(out, &d.code);
    out.push_str(",\"message\":");
    string(out, &d.message);
    out.push('}');
}

/// A JSON array of `items`, each written by `item`.
fn list<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        item(out, x);
    }
    out.push(']');
}

/// The main language of a document: that of most of its content characters.
pub fn document_language(doc: &Document) -> &'static str {
    let mut best: Vec<(hadath_text::Lang, usize)> = Vec::new();
    for p in doc.content_paragraphs() {
        match best.iter_mut().find(|(l, _)| *l == p.lang) {
            Some((_, n)) => *n += p.span.len(),
            None => best.push((p.lang, p.span.len())),
        }
    }
    best.iter()
        .filter(|(l, _)| *l != hadath_text::Lang::Unknown)
        .max_by_key(|(_, n)| *n)
        .map(|(l, _)| l.code())
        .unwrap_or("und")
}

fn document_out(doc: &Document) -> String {
    let o = Offsets::new(doc);
    let mut out = String::with_capacity(doc.text.len() + 1024);
    out.push_str("{\"id\":");
    string(&mut out, &doc.id);
    out.push_str(",\"title\":");
    opt_string(&mut out, doc.title.map(|s| o.text(s)).or(doc.meta.title.as_deref()));
    out.push_str(",\"dateline\":");
    opt_string(&mut out, doc.dateline.map(|s| o.text(s)));
    out.push_str(",\"published\":{\"value\":");
    opt_string(&mut out, doc.published.value.map(|d| d.iso()).as_deref());
    out.push_str(",\"basis\":");
    string(&mut out, published_basis(doc.published.basis));
    out.push_str("},\"language\":");
    string(&mut out, document_language(doc));
    out.push_str(",\"url\":");
    opt_string(&mut out, doc.meta.url.as_deref());
    out.push_str(",\"source\":");
    opt_string(&mut out, doc.meta.source.as_deref());
    out.push_str(",\"paragraphs\":");
    list(&mut out, &doc.paragraphs, |out, p| paragraph(out, &o, p));
    out.push_str(",\"sentences\":");
    uint(&mut out, doc.sentences.len());
    out.push_str(",\"entities\":");
    list(&mut out, &doc.entities, |out, e| entity(out, &o, e));
    out.push_str(",\"times\":");
    list(&mut out, &doc.times, |out, t| time(out, &o, t));
    out.push_str(",\"numbers\":");
    list(&mut out, &doc.numbers, |out, n| number(out, &o, n));
    out.push_str(",\"quotes\":");
    list(&mut out, &doc.quotes, |out, q| quote(out, &o, q));
    out.push_str(",\"events\":[");
    for (i, e) in doc.events.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        event(&mut out, &o, doc, i, e, false);
    }
    out.push_str("],\"diagnostics\":");
    list(&mut out, &doc.diagnostics, diagnostic);
    out.push_str("}\n");
    out
}

// JSON values.

/// A string in quotes, escaped as serde_json escapes it.
fn string(out: &mut String, s: &str) {
    out.push('"');
    escaped(out, s);
    out.push('"');
}

fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// The contents of a JSON string: `"` and `\` escaped with a backslash, control bytes as
/// `\b \t \n \f \r` or `\u00XX` (lower-case hex), everything else (U+007F, U+2028 too) as it is.
fn escaped(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut at = 0;
    while let Some(k) = bytes.get(at..).and_then(first_to_escape) {
        let i = at + k;
        out.push_str(s.get(run_start..i).unwrap_or_default());
        let b = bytes.get(i).copied().unwrap_or_default();
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0C => out.push_str("\\f"),
            0x0D => out.push_str("\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(b >> 4) as usize & 15] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
        at = i + 1;
        run_start = at;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
}

/// Where the first byte that JSON escapes (below 0x20, `"` or `\`) lies in `bytes`.
///
/// Eight bytes at a time: a word has such a byte when one of three classic bit tests (a byte
/// below 0x20; a byte equal to `"`, or to `\`, after an exclusive or makes it zero) fires.
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * n as u64) & !w & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut skipped = 0;
    for chunk in chunks.by_ref() {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if below(w, 0x20) | below(w ^ (ONES * b'"' as u64), 1) | below(w ^ (ONES * b'\\' as u64), 1) != 0 {
            break;
        }
        skipped += 8;
    }
    let needs_escape = |&b: &u8| b < 0x20 || b == b'"' || b == b'\\';
    bytes.get(skipped..)?.iter().position(needs_escape).map(|k| skipped + k)
}

fn uint(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or_default());
}

fn int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    // As u64: the magnitude of i64::MIN fits.
    let magnitude = n.unsigned_abs();
    match usize::try_from(magnitude) {
        Ok(m) => uint(out, m),
        Err(_) => out.push_str(&magnitude.to_string()),
    }
}

fn opt_int(out: &mut String, n: Option<i64>) {
    match n {
        Some(n) => int(out, n),
        None => out.push_str("null"),
    }
}

/// A float as serde_json writes it (its own formatter), `null` when not finite.
fn float(out: &mut String, x: f64) {
    use serde_json::ser::Formatter;
    if !x.is_finite() {
        return out.push_str("null");
    }
    // The longest float it writes has 24 bytes ("-2.2250738585072014e-308").
    let mut buf = [0u8; 32];
    let mut rest = &mut buf[..];
    let written = match serde_json::ser::CompactFormatter.write_f64(&mut rest, x) {
        Ok(()) => 32 - rest.len(),
        Err(_) => 0,
    };
    out.push_str(buf.get(..written).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("null"));
}

fn opt_float(out: &mut String, x: Option<f64>) {
    match x {
        Some(x) => float(out, x),
        None => out.push_str("null"),
    }
}

// The names of small enums, as their lower-case serde names.

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Country => "country",
        EntityKind::Organisation => "organisation",
        EntityKind::Group => "group",
        EntityKind::Place => "place",
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Unknown => "unknown",
    }
}

fn date_basis(b: DateBasis) -> &'static str {
    match b {
        DateBasis::Explicit => "explicit",
        DateBasis::Relative => "relative",
        DateBasis::Publication => "publication",
        DateBasis::Unknown => "unknown",
    }
}

fn published_basis(b: PublishedBasis) -> &'static str {
    match b {
        PublishedBasis::Metadata => "metadata",
        PublishedBasis::Text => "text",
        PublishedBasis::Unknown => "unknown",
    }
}

fn event_status(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Occurred => "occurred",
        EventStatus::Planned => "planned",
        EventStatus::Cancelled => "cancelled",
        EventStatus::Denied => "denied",
        EventStatus::Threatened => "threatened",
        EventStatus::Conditional => "conditional",
    }
}

fn paragraph_kind(k: ParagraphKind) -> &'static str {
    match k {
        ParagraphKind::Body => "body",
        ParagraphKind::Title => "title",
        ParagraphKind::Dateline => "dateline",
        ParagraphKind::Boilerplate => "boilerplate",
        ParagraphKind::Meta => "meta",
    }
}

fn time_kind(k: TimeKind) -> &'static str {
    match k {
        TimeKind::Date => "date",
        TimeKind::Time => "time",
        TimeKind::Datetime => "datetime",
        TimeKind::Duration => "duration",
        TimeKind::Set => "set",
        TimeKind::Interval => "interval",
    }
}

fn number_kind(k: NumberKind) -> &'static str {
    match k {
        NumberKind::Cardinal => "cardinal",
        NumberKind::Ordinal => "ordinal",
        NumberKind::Percent => "percent",
        NumberKind::Range => "range",
    }
}

fn counted(c: Counted) -> &'static str {
    match c {
        Counted::Killed => "killed",
        Counted::Injured => "injured",
        Counted::People => "people",
        Counted::Soldiers => "soldiers",
        Counted::Civilians => "civilians",
        Counted::Victims => "victims",
        Counted::Other => "other",
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// Columns of the TSV and CSV event tables: Phoenix/PETRARCH order first.
pub const TABLE_COLUMNS: &[&str] = &[
    "date",
    "source",
    "target",
    "cameo",
    "type",
    "mode",
    "intensity",
    "status",
    "mediator",
    "source_name",
    "target_name",
    "mediator_name",
    "date_precision",
    "date_basis",
    "location",
    "location_country",
    "lat",
    "lon",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "doc",
    "id",
    "evidence_start",
    "evidence_end",
    "evidence",
];

fn codes(actors: &[Actor]) -> String {
    actors.iter().map(|a| a.code.as_deref().unwrap_or("---")).collect::<Vec<_>>().join(";")
}

fn names(actors: &[Actor]) -> String {
    actors.iter().map(|a| a.name.as_deref().unwrap_or("")).collect::<Vec<_>>().join(";")
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn table_row(o: &Offsets, doc: &Document, i: usize, e: &Event) -> Vec<String> {
    let (es, ee) = o.chars(e.evidence);
    vec![
        e.date.value.clone().unwrap_or_default(),
        codes(&e.source),
        codes(&e.target),
        e.cameo.clone(),
        e.event_type.clone(),
        e.mode.clone().unwrap_or_default(),
        e.intensity.to_string(),
        event_status(e.status).to_string(),
        codes(&e.mediator),
        names(&e.source),
        names(&e.target),
        names(&e.mediator),
        precision(e.date.precision).to_string(),
        date_basis(e.date.basis).to_string(),
        e.location.as_ref().and_then(|l| l.name.clone()).unwrap_or_default(),
        e.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
        opt(e.location.as_ref().and_then(|l| l.lat)),
        opt(e.location.as_ref().and_then(|l| l.lon)),
        opt(e.killed.as_ref().map(|c| c.min)),
        opt(e.killed.as_ref().and_then(|c| c.max)),
        opt(e.injured.as_ref().map(|c| c.min)),
        opt(e.injured.as_ref().and_then(|c| c.max)),
        doc.id.clone(),
        format!("{}#{}", doc.id, i + 1),
        es.to_string(),
        ee.to_string(),
        o.text(e.evidence).to_string(),
    ]
}

fn tsv_cell(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect()
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The header line of a table format, or nothing for JSON Lines.
pub fn header(emit: Emit, format: Format) -> String {
    match (emit, format) {
        (_, Format::Jsonl) | (Emit::Documents, _) => String::new(),
        (Emit::Events, Format::Tsv) => TABLE_COLUMNS.join("\t") + "\n",
        (Emit::Events, Format::Csv) => TABLE_COLUMNS.join(",") + "\n",
    }
}

/// Serialises one analysed document as the chosen output.
pub fn render(doc: &Document, emit: Emit, format: Format) -> String {
    match (emit, format) {
        (Emit::Documents, _) => document_out(doc),
        (Emit::Events, Format::Jsonl) => {
            let o = Offsets::new(doc);
            // About a kilobyte per event besides its evidence, so the line is rarely copied.
            let mut out = String::with_capacity(doc.events.iter().map(|e| e.evidence.len() + 1024).sum());
            for (i, e) in doc.events.iter().enumerate() {
                event(&mut out, &o, doc, i, e, true);
                out.push('\n');
            }
            out
        }
        (Emit::Events, table) => {
            let o = Offsets::new(doc);
            let mut s = String::new();
            for (i, e) in doc.events.iter().enumerate() {
                let row = table_row(&o, doc, i, e);
                let cells: Vec<String> =
                    row.iter().map(|c| if table == Format::Tsv { tsv_cell(c) } else { csv_cell(c) }).collect();
                s.push_str(&cells.join(if table == Format::Tsv { "\t" } else { "," }));
                s.push('\n');
            }
            s
        }
    }
}

/// Writes diagnostics of a document to `err` as `id: severity code: message` lines.
pub fn report_diagnostics(doc: &Document, err: &mut impl Write) -> io::Result<()> {
    for d in &doc.diagnostics {
        let sev = match d.severity {
            hadath_text::Severity::Warning => "warning",
            hadath_text::Severity::Error => "error",
        };
        writeln!(err, "{}: {} {}: {}", doc.id, sev, d.code, d.message)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hadath_text::CharIndex;

    /// The serde records this file wrote before its JSON was written by hand: the reference
    /// that the hand-written records must match byte for byte.
    mod serde_reference {
        use super::super::{document_language, Offsets};
        use hadath_text::{
            Actor, Counted, Document, EntityKind, Event, NumberKind, Precision, PublishedBasis, Span, TimexValue,
        };
        use serde::Serialize;

        #[derive(Serialize)]
        struct ActorOut<'a> {
            text: &'a str,
            start: usize,
            end: usize,
            name: Option<&'a str>,
            code: Option<&'a str>,
            country: Option<&'a str>,
            sector: Option<&'a str>,
            kind: EntityKind,
        }

        fn actor<'a>(o: &Offsets<'a>, a: &'a Actor) -> ActorOut<'a> {
            let (start, end) = o.chars(a.span);
            ActorOut {
                text: o.text(a.span),
                start,
                end,
                name: a.name.as_deref(),
                code: a.code.as_deref(),
                country: a.country.as_deref(),
                sector: a.sector.as_deref(),
                kind: a.kind,
            }
        }

        #[derive(Serialize)]
        struct DateOut<'a> {
            value: Option<&'a str>,
            precision: Precision,
            basis: hadath_text::DateBasis,
            text: Option<&'a str>,
        }

        #[derive(Serialize)]
        struct LocationOut<'a> {
            text: &'a str,
            start: usize,
            end: usize,
            name: Option<&'a str>,
            country: Option<&'a str>,
            lat: Option<f64>,
            lon: Option<f64>,
        }

        #[derive(Serialize)]
        struct CountOut<'a> {
            min: i64,
            max: Option<i64>,
            text: &'a str,
        }

        #[derive(Serialize)]
        struct SpanOut<'a> {
            start: usize,
            end: usize,
            text: &'a str,
        }

        #[derive(Serialize)]
        pub(super) struct EventOut<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            doc: Option<&'a str>,
            id: String,
            #[serde(rename = "type")]
            event_type: &'a str,
            mode: Option<&'a str>,
            cameo: &'a str,
            intensity: f64,
            source: Vec<ActorOut<'a>>,
            target: Vec<ActorOut<'a>>,
            mediator: Vec<ActorOut<'a>>,
            date: DateOut<'a>,
            location: Option<LocationOut<'a>>,
            killed: Option<CountOut<'a>>,
            injured: Option<CountOut<'a>>,
            status: hadath_text::EventStatus,
            evidence: SpanOut<'a>,
            trigger: SpanOut<'a>,
            pattern: &'a str,
        }

        fn span_out<'a>(o: &Offsets<'a>, s: Span) -> SpanOut<'a> {
            let (start, end) = o.chars(s);
            SpanOut { start, end, text: o.text(s) }
        }

        pub(super) fn event_out<'a>(
            o: &Offsets<'a>,
            doc: &'a Document,
            i: usize,
            e: &'a Event,
            with_doc: bool,
        ) -> EventOut<'a> {
            EventOut {
                doc: with_doc.then_some(doc.id.as_str()),
                id: format!("{}#{}", doc.id, i + 1),
                event_type: &e.event_type,
                mode: e.mode.as_deref(),
                cameo: &e.cameo,
                intensity: e.intensity,
                source: e.source.iter().map(|a| actor(o, a)).collect(),
                target: e.target.iter().map(|a| actor(o, a)).collect(),
                mediator: e.mediator.iter().map(|a| actor(o, a)).collect(),
                date: DateOut {
                    value: e.date.value.as_deref(),
                    precision: e.date.precision,
                    basis: e.date.basis,
                    text: e.date.span.map(|s| o.text(s)),
                },
                location: e.location.as_ref().map(|l| {
                    let (start, end) = o.chars(l.span);
                    LocationOut {
                        text: o.text(l.span),
                        start,
                        end,
                        name: l.name.as_deref(),
                        country: l.country.as_deref(),
                        lat: l.lat,
                        lon: l.lon,
                    }
                }),
                killed: e.killed.as_ref().map(|c| CountOut { min: c.min, max: c.max, text: o.text(c.span) }),
                injured: e.injured.as_ref().map(|c| CountOut { min: c.min, max: c.max, text: o.text(c.span) }),
                status: e.status,
                evidence: span_out(o, e.evidence),
                trigger: span_out(o, e.trigger),
                pattern: &e.pattern,
            }
        }

        #[derive(Serialize)]
        struct PublishedOut {
            value: Option<String>,
            basis: PublishedBasis,
        }

        #[derive(Serialize)]
        struct EntityOut<'a> {
            start: usize,
            end: usize,
            text: &'a str,
            kind: EntityKind,
            name: &'a str,
            code: Option<&'a str>,
            country: Option<&'a str>,
            sector: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            role: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            lat: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            lon: Option<f64>,
        }

        #[derive(Serialize)]
        struct TimeOut<'a> {
            start: usize,
            end: usize,
            text: &'a str,
            #[serde(rename = "type")]
            kind: hadath_text::TimeKind,
            value: Option<&'a TimexValue>,
            precision: Precision,
            basis: hadath_text::DateBasis,
        }

        #[derive(Serialize)]
        struct NumberOut<'a> {
            start: usize,
            end: usize,
            text: &'a str,
            kind: NumberKind,
            value: f64,
            min: Option<i64>,
            max: Option<i64>,
            counted: Option<Counted>,
        }

        #[derive(Serialize)]
        struct QuoteOut<'a> {
            start: usize,
            end: usize,
            text: &'a str,
            speaker: Option<ActorOut<'a>>,
        }

        #[derive(Serialize)]
        struct ParagraphOut {
            start: usize,
            end: usize,
            kind: hadath_text::ParagraphKind,
            language: &'static str,
        }

        #[derive(Serialize)]
        pub(super) struct DocumentOut<'a> {
            id: &'a str,
            title: Option<&'a str>,
            dateline: Option<&'a str>,
            published: PublishedOut,
            language: &'static str,
            url: Option<&'a str>,
            source: Option<&'a str>,
            paragraphs: Vec<ParagraphOut>,
            sentences: usize,
            entities: Vec<EntityOut<'a>>,
            times: Vec<TimeOut<'a>>,
            numbers: Vec<NumberOut<'a>>,
            quotes: Vec<QuoteOut<'a>>,
            events: Vec<EventOut<'a>>,
            diagnostics: &'a [hadath_text::Diagnostic],
        }

        pub(super) fn document_out(doc: &Document) -> DocumentOut<'_> {
            let o = Offsets::new(doc);
            let out = DocumentOut {
                id: &doc.id,
                title: doc.title.map(|s| o.text(s)).or(doc.meta.title.as_deref()),
                dateline: doc.dateline.map(|s| o.text(s)),
                published: PublishedOut { value: doc.published.value.map(|d| d.iso()), basis: doc.published.basis },
                language: document_language(doc),
                url: doc.meta.url.as_deref(),
                source: doc.meta.source.as_deref(),
                paragraphs: doc
                    .paragraphs
                    .iter()
                    .map(|p| {
                        let (start, end) = o.chars(p.span);
                        ParagraphOut { start, end, kind: p.kind, language: p.lang.code() }
                    })
                    .collect(),
                sentences: doc.sentences.len(),
                entities: doc
                    .entities
                    .iter()
                    .map(|e| {
                        let (start, end) = o.chars(e.span);
                        EntityOut {
                            start,
                            end,
                            text: o.text(e.span),
                            kind: e.kind,
                            name: &e.name,
                            code: e.code.as_deref(),
                            country: e.country.as_deref(),
                            sector: e.sector.as_deref(),
                            role: e.role.as_deref(),
                            lat: e.lat,
                            lon: e.lon,
                        }
                    })
                    .collect(),
                times: doc
                    .times
                    .iter()
                    .map(|t| {
                        let (start, end) = o.chars(t.span);
                        TimeOut {
                            start,
                            end,
                            text: o.text(t.span),
                            kind: t.kind,
                            value: t.value.as_ref(),
                            precision: t.precision,
                            basis: t.basis,
                        }
                    })
                    .collect(),
                numbers: doc
                    .numbers
                    .iter()
                    .map(|n| {
                        let (start, end) = o.chars(n.span);
                        NumberOut {
                            start,
                            end,
                            text: o.text(n.span),
                            kind: n.kind,
                            value: n.value,
                            min: n.min,
                            max: n.max,
                            counted: n.counted.map(|(_, c)| c),
                        }
                    })
                    .collect(),
                quotes: doc
                    .quotes
                    .iter()
                    .map(|q| {
                        let (start, end) = o.chars(q.span);
                        QuoteOut { start, end, text: o.text(q.span), speaker: q.speaker.as_ref().map(|a| actor(&o, a)) }
                    })
                    .collect(),
                events: doc.events.iter().enumerate().map(|(i, e)| event_out(&o, doc, i, e, false)).collect(),
                diagnostics: &doc.diagnostics,
            };
            out
        }
    }

    /// Strings that serde_json escapes in every way, and ones it leaves as they are.
    fn odd_strings() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            "plain",
            "قال \"الوزير\" \\ إن",
            "tab\there\nnew\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "\u{2028}\u{2029} emoji 😀🇸🇾 \u{feff}\u{fffd}\u{10ffff} \u{200f}\u{61c}",
            "«اقتباس» “آخر” </script> \\u0041 /",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Each escaped byte at every position around the eight-byte steps.
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "ب"] {
            for at in 0..20 {
                out.push(format!("{}{special}{}", "a".repeat(at), "ج".repeat(at % 5)));
            }
        }
        out.push((0u8..0x80).map(char::from).collect());
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in odd_strings() {
            let mut mine = String::new();
            string(&mut mine, &s);
            assert_eq!(mine, serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [0usize, 7, 10, 99, 12345, usize::MAX] {
            let mut mine = String::new();
            uint(&mut mine, n);
            assert_eq!(mine, serde_json::to_string(&n).unwrap());
        }
        for n in [0i64, -1, 42, i64::MIN, i64::MAX] {
            let mut mine = String::new();
            int(&mut mine, n);
            assert_eq!(mine, serde_json::to_string(&n).unwrap());
        }
        for x in [
            0.0,
            -0.0,
            1.0,
            0.5,
            2.7,
            33.5138,
            -7.25e-9,
            1e300,
            -2.2250738585072014e-308,
            f64::MIN,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut mine = String::new();
            float(&mut mine, x);
            assert_eq!(mine, serde_json::to_string(&x).unwrap(), "{x}");
        }
    }

    #[test]
    fn enum_names_are_the_serde_names() {
        fn check<T: serde::Serialize>(v: T, name: &str) {
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{name}\""));
        }
        use EntityKind as K;
        for k in [K::Person, K::Country, K::Organisation, K::Group, K::Place] {
            check(k, entity_kind(k));
        }
        for p in [Precision::Day, Precision::Month, Precision::Year, Precision::Unknown] {
            check(p, precision(p));
        }
        for b in [DateBasis::Explicit, DateBasis::Relative, DateBasis::Publication, DateBasis::Unknown] {
            check(b, date_basis(b));
        }
        for b in [PublishedBasis::Metadata, PublishedBasis::Text, PublishedBasis::Unknown] {
            check(b, published_basis(b));
        }
        use EventStatus as S;
        for s in [S::Occurred, S::Planned, S::Cancelled, S::Denied, S::Threatened, S::Conditional] {
            check(s, event_status(s));
        }
        use ParagraphKind as P;
        for k in [P::Body, P::Title, P::Dateline, P::Boilerplate, P::Meta] {
            check(k, paragraph_kind(k));
        }
        use TimeKind as T;
        for k in [T::Date, T::Time, T::Datetime, T::Duration, T::Set, T::Interval] {
            check(k, time_kind(k));
        }
        for k in [NumberKind::Cardinal, NumberKind::Ordinal, NumberKind::Percent, NumberKind::Range] {
            check(k, number_kind(k));
        }
        use Counted as C;
        for c in [C::Killed, C::Injured, C::People, C::Soldiers, C::Civilians, C::Victims, C::Other] {
            check(c, counted(c));
        }
        for s in [Severity::Warning, Severity::Error] {
            check(s, severity(s));
        }
    }

    /// A document with every layer filled, odd strings in every text field.
    fn full_document() -> Document {
        let odd = odd_strings().join(" ");
        let text = format!("قال الوزير «{odd}» في دمشق. {odd}");
        let mut doc = Document::new("doc \"1\"\t/😀", &text);
        let all = Span::new(0, text.len());
        let head = Span::new(0, "قال الوزير".len());
        let actor = |kind| Actor {
            span: head,
            name: Some(odd.clone()),
            code: Some("SYRGOV".into()),
            country: None,
            sector: Some("GOV".into()),
            kind,
        };
        doc.title = Some(head);
        doc.meta.url = Some("http://example.org/a?b=\"c\"".into());
        doc.published.basis = PublishedBasis::Text;
        doc.paragraphs.push(Paragraph { span: all, kind: ParagraphKind::Body, lang: hadath_text::Lang::Arabic });
        doc.entities.push(Entity {
            span: head,
            kind: EntityKind::Person,
            name: odd.clone(),
            code: None,
            country: Some("SYR".into()),
            sector: None,
            role: Some("Foreign Minister".into()),
            lat: Some(33.5138),
            lon: None,
            lexicon_id: None,
        });
        doc.times.push(TimeMention {
            span: head,
            kind: TimeKind::Interval,
            value: Some(TimexValue::Interval { from: "2013-02".into(), to: "2013-03".into() }),
            precision: Precision::Month,
            basis: DateBasis::Relative,
            range: None,
        });
        doc.times.push(TimeMention {
            span: all,
            kind: TimeKind::Date,
            value: Some(TimexValue::Single("2013-02-12".into())),
            precision: Precision::Day,
            basis: DateBasis::Explicit,
            range: None,
        });
        doc.numbers.push(NumberMention {
            span: head,
            kind: NumberKind::Cardinal,
            value: 6500.5,
            min: Some(-3),
            max: None,
            counted: Some((head, Counted::Killed)),
        });
        doc.quotes.push(Quote { span: all, speaker: Some(actor(EntityKind::Person)) });
        doc.quotes.push(Quote { span: head, speaker: None });
        let mut e = Event {
            event_type: "ACCUSE".into(),
            mode: None,
            cameo: "112".into(),
            intensity: -2.5,
            source: vec![actor(EntityKind::Person), actor(EntityKind::Country)],
            target: vec![actor(EntityKind::Group)],
            mediator: Vec::new(),
            date: hadath_text::EventDate {
                value: Some("2013-02-12".into()),
                precision: Precision::Day,
                basis: DateBasis::Publication,
                span: Some(head),
            },
            location: Some(EventLocation {
                span: head,
                name: Some("Damascus".into()),
                country: Some("SYR".into()),
                lat: Some(33.5),
                lon: Some(f64::NAN),
            }),
            killed: Some(Casualties { min: 3, max: Some(5), span: head }),
            injured: None,
            status: EventStatus::Threatened,
            evidence: all,
            trigger: head,
            pattern: odd.clone(),
        };
        e.mode = Some("verbal".into());
        doc.events.push(e.clone());
        e.location = None;
        e.killed = None;
        doc.events.push(e);
        doc.diagnostics.push(Diagnostic::warning("odd-\"code\"", odd));
        doc
    }

    #[test]
    fn records_are_the_bytes_serde_json_wrote() {
        let doc = full_document();
        let o = Offsets::new(&doc);
        for (i, e) in doc.events.iter().enumerate() {
            let mut mine = String::new();
            event(&mut mine, &o, &doc, i, e, true);
            let theirs = serde_json::to_string(&serde_reference::event_out(&o, &doc, i, e, true)).unwrap();
            assert_eq!(mine, theirs);
        }
        let theirs = serde_json::to_string(&serde_reference::document_out(&doc)).unwrap() + "\n";
        assert_eq!(document_out(&doc), theirs);
    }

    #[test]
    fn char_offsets_match_the_char_index() {
        // Mixed widths so that blocks start inside chars: 1, 2, 3 and 4 bytes.
        let mut text = String::new();
        for i in 0..3000 {
            text.push(['a', 'ب', '€', '😀', ' '][i % 5]);
        }
        for t in [text.as_str(), "", "x", "سلام"] {
            let doc = Document::new("t", t);
            let o = Offsets::new(&doc);
            let index = CharIndex::new(t);
            for byte in 0..t.len() + 3 {
                assert_eq!(o.char_of(byte), index.char_of(byte), "byte {byte}");
            }
        }
    }
}
