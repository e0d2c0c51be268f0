//! The one document model: original text, metadata, and every annotation layer as spans.
//!
//! Layers are plain data filled by the analysis crates in order: ingest (paragraphs, title,
//! dateline), text (sentences, tokens), time (publication date, times), numbers, lexicon
//! (entities), events (events, quotes). Each fact has one home here.

use crate::span::Span;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// A calendar date without time zone, validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid Gregorian date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }
    /// Parses `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }
    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 { self.year - 1 } else { self.year } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: (if m <= 2 { y + 1 } else { y }) as i32, month: m, day: d }
    }
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }
    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// How precise a date value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    #[default]
    Unknown,
}

/// Where a date value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// Stated in full in the text.
    Explicit,
    /// Resolved against the publication date.
    Relative,
    /// No better date than the article's own.
    Publication,
    #[default]
    Unknown,
}

/// Where the publication date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PublishedBasis {
    Metadata,
    Text,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Published {
    pub value: Option<Date>,
    pub basis: PublishedBasis,
    /// The text span the date was read from, when basis is `Text`.
    pub span: Option<Span>,
}

/// Metadata that came with the document, not from its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// Publication date from metadata (JSON field, WARC-Date, HTML meta tags).
    pub published: Option<Date>,
    /// Whether `published` is only a fallback (such as a WARC-Date), weaker than the text.
    pub published_is_fallback: bool,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Input format the document was read as (txt, html, jsonl, warc).
    pub format: String,
}

/// What a paragraph is within the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Article body text.
    Body,
    /// The headline.
    Title,
    /// A line giving place, agency or date before the body.
    Dateline,
    /// Navigation, share prompts, subscriptions, cookie notices and the like.
    Boilerplate,
    /// A date or timestamp line of the page, kept for dating but not analysed as text.
    Meta,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub kind: ParagraphKind,
    pub lang: Lang,
}

/// Severity of a diagnostic about one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Processing went on but something was repaired or dropped.
    Warning,
    /// The document could not be read; it yields no analysis.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Short stable identifier, such as `invalid-utf8` or `broken-json`.
    pub code: String,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(code: &str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, code: code.into(), message: message.into() }
    }
    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, code: code.into(), message: message.into() }
    }
}

/// Kind of a named thing, as interfaces.md spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Organisation,
    Group,
    Place,
}

/// A recognised actor or place mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
    /// English canonical name, such as "Sergei Lavrov" or "Moscow".
    pub name: String,
    /// CAMEO-style actor code, such as `RUSGOV`.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// First sector code, such as GOV or MIL.
    pub sector: Option<String>,
    /// Role of a person at the document's date, such as "Foreign Minister".
    pub role: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Stable lexicon identifier of the entry matched, when any.
    pub lexicon_id: Option<String>,
}

/// Type of a temporal expression, as TIMEX3 has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    Date,
    Time,
    Datetime,
    Duration,
    Set,
    Interval,
}

/// A TIMEX3-style value: `2013-02-12`, `2013-02`, `2013-W07`, `2013-02-12T16:00`, `P3D`,
/// or an interval with exclusive end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TimexValue {
    Single(String),
    Interval { from: String, to: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub span: Span,
    pub kind: TimeKind,
    /// `None` when it cannot be resolved (for example, no reference date).
    pub value: Option<TimexValue>,
    pub precision: Precision,
    pub basis: DateBasis,
    /// The calendar day range the expression covers, `[from, to)`, when it is a date.
    pub range: Option<(Date, Date)>,
}

/// What a number counts, when the noun after it says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Counted {
    Killed,
    Injured,
    People,
    Soldiers,
    Civilians,
    Victims,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    Cardinal,
    Ordinal,
    Percent,
    Range,
}

/// A number mention with its qualifier range and the noun it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The whole mention, qualifier included ("أكثر من 6500").
    pub span: Span,
    pub kind: NumberKind,
    /// The stated value (6500 for "أكثر من 6500").
    pub value: f64,
    /// Lower bound implied by the qualifier (6501 for "أكثر من 6500").
    pub min: Option<i64>,
    /// Upper bound, `None` when open.
    pub max: Option<i64>,
    /// The counted noun's span and class, when one follows.
    pub counted: Option<(Span, Counted)>,
}

/// An actor as events and quotes carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub span: Span,
    pub name: Option<String>,
    pub code: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub kind: EntityKind,
}

impl Actor {
    pub fn from_entity(e: &Entity) -> Actor {
        Actor {
            span: e.span,
            name: Some(e.name.clone()),
            code: e.code.clone(),
            country: e.country.clone(),
            sector: e.sector.clone(),
            kind: e.kind,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<Actor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Occurred,
    Planned,
    Cancelled,
    Denied,
    Threatened,
    Conditional,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: Option<String>,
    pub precision: Precision,
    pub basis: DateBasis,
    /// The temporal expression the date was read from.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLocation {
    pub span: Span,
    pub name: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    pub min: i64,
    pub max: Option<i64>,
    pub span: Span,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER type, such as CONSULT.
    pub event_type: String,
    pub mode: Option<String>,
    pub cameo: String,
    pub intensity: f64,
    pub source: Vec<Actor>,
    pub target: Vec<Actor>,
    pub mediator: Vec<Actor>,
    pub date: EventDate,
    pub location: Option<EventLocation>,
    pub killed: Option<Casualties>,
    pub injured: Option<Casualties>,
    pub status: EventStatus,
    /// The sentence or clause that supports the event.
    pub evidence: Span,
    /// The trigger words.
    pub trigger: Span,
    /// Identifier of the pattern that fired.
    pub pattern: String,
}

/// A document: its original text, metadata, and every annotation layer.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Document id: file name, JSON id or WARC URL.
    pub id: String,
    /// The original text. Every span in every layer indexes this string.
    pub text: String,
    pub meta: Metadata,
    pub paragraphs: Vec<Paragraph>,
    pub title: Option<Span>,
    pub dateline: Option<Span>,
    pub published: Published,
    pub sentences: Vec<Span>,
    pub tokens: Vec<crate::Token>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeMention>,
    pub numbers: Vec<NumberMention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
    /// The whole text through the matching normaliser, with its offset map: filled by the
    /// page layout of hadath-ingest (which reads its lines from it), else by
    /// [`crate::segment::segment_document`] (or [`Document::ensure_norm`]), so that the layers
    /// after it read slices of it ([`Document::norm_slice`]) instead of normalising again.
    /// `None` before. Whoever changes `text` afterwards must set it to `None` (a change of
    /// length is noticed and the stale view ignored; a same-length change is not).
    pub norm: Option<crate::NormText>,
    /// Set when ingest left the page layout (paragraphs, title, dateline) for later, so that
    /// it can run on a worker thread: what ingest had to learn in stream order. `None` when
    /// the layout is done or was never deferred (see `hadath_ingest::finish_layout`).
    pub pending_layout: Option<PendingLayout>,
}

/// What ingest learned in stream order about a document whose layout runs later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PendingLayout {
    /// For each non-empty line of the text (as [`crate::segment::lines`] gives them), whether
    /// its source repeats it on three or more pages; `None` when repeated lines are not
    /// tracked.
    pub repeated: Option<Vec<bool>>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document { id: id.into(), text: text.into(), ..Default::default() }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Character offset (Unicode scalar values) of a byte offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        self.text.get(..byte).map(|s| s.chars().count()).unwrap_or(0)
    }

    /// Makes [`Document::norm`] current: normalises the whole text with the matching chain
    /// unless that was done for the current text already.
    pub fn ensure_norm(&mut self) {
        if self.norm_current().is_none() {
            self.norm = Some(crate::normalize::normalize_mapped(&self.text));
        }
    }

    /// The normalised whole text, when [`Document::norm`] is current.
    pub fn norm_current(&self) -> Option<&crate::NormText> {
        self.norm.as_ref().filter(|n| n.original_len() == self.text.len())
    }

    /// The matching-normalised view of `span` of the text, with offsets local to the span:
    /// the same text and offset map as `normalize_mapped(&doc.text[span])`, without
    /// normalising again. `None` when [`Document::norm`] is not current (call
    /// [`Document::ensure_norm`] first, or normalise the slice yourself).
    pub fn norm_slice(&self, span: Span) -> Option<crate::normalize::NormView<'_>> {
        self.norm_current().map(|n| n.slice(span))
    }

    /// Whether any diagnostic is an error.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// Paragraphs whose text is analysed (body, title, dateline).
    pub fn content_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| matches!(p.kind, ParagraphKind::Body | ParagraphKind::Title | ParagraphKind::Dateline))
    }

    /// Index of the sentence containing a span, if any.
    pub fn sentence_of(&self, span: Span) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        (i < self.sentences.len() && self.sentences[i].contains(span)).then_some(i)
    }

    /// The tokens lying inside a span (tokens are in text order).
    pub fn tokens_in(&self, span: Span) -> &[crate::Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        let toks = self.tokens.get(a..b.max(a)).unwrap_or(&[]);
        let inside = toks.iter().take_while(|t| t.span.end <= span.end).count();
        &toks[..inside]
    }

    /// Checks that every span of every layer slices the text on char boundaries.
    ///
    /// Returns the first bad span, named by its layer.
    pub fn check_spans(&self) -> Result<(), SpanError> {
        let t = self.text.as_str();
        let check = |layer: &'static str, span: Span| -> Result<(), SpanError> {
            if span.start <= span.end && t.get(span.start..span.end).is_some() {
                Ok(())
            } else {
                Err(SpanError { layer, span, text_len: t.len() })
            }
        };
        for p in &self.paragraphs {
            check("paragraphs", p.span)?;
        }
        for s in self.title.iter().chain(self.dateline.iter()).chain(self.published.span.iter()) {
            check("title/dateline/published", *s)?;
        }
        for s in &self.sentences {
            check("sentences", *s)?;
        }
        for k in &self.tokens {
            check("tokens", k.span)?;
        }
        for e in &self.entities {
            check("entities", e.span)?;
        }
        for m in &self.times {
            check("times", m.span)?;
        }
        for n in &self.numbers {
            check("numbers", n.span)?;
            if let Some((s, _)) = n.counted {
                check("numbers.counted", s)?;
            }
        }
        for q in &self.quotes {
            check("quotes", q.span)?;
            if let Some(a) = &q.speaker {
                check("quotes.speaker", a.span)?;
            }
        }
        for e in &self.events {
            check("events.evidence", e.evidence)?;
            check("events.trigger", e.trigger)?;
            for a in e.source.iter().chain(&e.target).chain(&e.mediator) {
                check("events.actors", a.span)?;
            }
            for s in e.date.span.iter().chain(e.location.as_ref().map(|l| &l.span)) {
                check("events.date/location", *s)?;
            }
            for c in e.killed.iter().chain(e.injured.iter()) {
                check("events.casualties", c.span)?;
            }
        }
        Ok(())
    }
}

/// A span that does not slice its document's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{layer}: span {}..{} does not slice a text of {text_len} bytes on char boundaries", span.start, span.end)]
pub struct SpanError {
    /// The layer the span belongs to.
    pub layer: &'static str,
    pub span: Span,
    pub text_len: usize,
}

/// Converts byte offsets to char offsets for many spans, in one pass over the text.
pub struct CharIndex {
    /// Byte offset of each char start, plus the text length at the end.
    starts: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        starts.push(text.len() as u32);
        CharIndex { starts }
    }
    /// Char offset of a byte offset (rounded down to a char start).
    pub fn char_of(&self, byte: usize) -> usize {
        let b = byte as u32;
        match self.starts.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_weekday() {
        let d = Date::new(2021, 12, 15).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 3); // Wednesday
        assert_eq!(Date::new(2020, 10, 9).unwrap().weekday(), 5); // Friday
        assert!(Date::new(2021, 2, 29).is_none());
        assert_eq!(Date::parse_iso("2020-10-09T22:35:00+03:00"), Date::new(2020, 10, 9));
    }

    #[test]
    fn tokens_in_and_check_spans() {
        let mut doc = Document::new("t", "قال الوزير. ثم غادر");
        let dot = doc.text.find('.').unwrap_or(0) + 1;
        doc.sentences = vec![Span::new(0, dot), Span::new(dot + 1, doc.text.len())];
        doc.tokens = crate::tokenize(&doc.text);
        let first: Vec<&str> = doc.tokens_in(doc.sentences[0]).iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(first, vec!["قال", "الوزير", "."]);
        assert!(doc.check_spans().is_ok());
        doc.sentences.push(Span { start: 1, end: 2 });
        assert_eq!(doc.check_spans().map_err(|e| e.layer), Err("sentences"));
    }

    #[test]
    fn norm_slices_follow_the_text() {
        let mut doc = Document::new("t", "قالَ الوزيرُ. ثم غادرَ");
        assert!(doc.norm_slice(Span::new(0, 4)).is_none());
        doc.ensure_norm();
        let dot = doc.text.find('.').unwrap_or(0) + 1;
        let second = Span::new(dot + 1, doc.text.len());
        let view = doc.norm_slice(second).map(|v| v.text.to_string());
        assert_eq!(view.as_deref(), Some("ثم غادر"));
        // A changed text makes the normalised view stale until it is built again.
        doc.text.push_str(" أمس");
        assert!(doc.norm_slice(second).is_none());
        doc.ensure_norm();
        assert_eq!(doc.norm_slice(Span::new(0, doc.text.len())).map(|v| v.text.ends_with("امس")), Some(true));
    }

    #[test]
    fn char_index_counts_arabic() {
        let t = "باكو 2020";
        let ci = CharIndex::new(t);
        let byte = t.find('2').unwrap();
        assert_eq!(ci.char_of(byte), 5);
    }
}
