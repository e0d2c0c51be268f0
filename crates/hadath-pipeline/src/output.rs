//! Output formats of `hadath code`: events or documents as JSON Lines, events as TSV or CSV.
//!
//! Internal spans are byte offsets; everything written here is in character offsets, as
//! interfaces.md fixes. Field order is the order of the struct fields, so output is
//! deterministic.

use hadath_text::{
    Actor, Counted, Document, EntityKind, Event, NumberKind, Precision, PublishedBasis, Span, TimexValue,
};
use serde::Serialize;
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
const CHAR_BLOCK: usize = 512;

/// Converts byte offsets into char offsets with a small table of char counts per 512-byte block,
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
struct EventOut<'a> {
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

fn event_out<'a>(o: &Offsets<'a>, doc: &'a Document, i: usize, e: &'a Event, with_doc: bool) -> EventOut<'a> {
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
struct DocumentOut<'a> {
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
    let mut s = serde_json::to_string(&out)
        .unwrap_or_else(|e| format!("{{\"id\":{:?},\"error\":{:?}}}", doc.id, e.to_string()));
    s.push('\n');
    s
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
        enum_name(&e.status),
        codes(&e.mediator),
        names(&e.source),
        names(&e.target),
        names(&e.mediator),
        enum_name(&e.date.precision),
        enum_name(&e.date.basis),
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

/// The serde name of a small enum, such as "occurred" or "day".
fn enum_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
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
            let mut out = String::new();
            for (i, e) in doc.events.iter().enumerate() {
                // A line that cannot be written is left out whole. `to_string` does not check
                // again that what serde_json wrote is UTF-8, as `String::from_utf8` would.
                if let Ok(line) = serde_json::to_string(&event_out(&o, doc, i, e, true)) {
                    out.push_str(&line);
                    out.push('\n');
                }
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
