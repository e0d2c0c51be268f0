//! Temporal layer: finds date and time expressions and resolves them; picks the publication date.
//!
//! [`find_times`] works on any text; [`annotate_published`] and [`annotate_times`] fill a
//! [`Document`]; [`time_command`] is `hadath time`; [`eval`] scores the evaluation sets.
//!
//! Conventions of resolution (against the publication date, or a `--reference`):
//! - Values are TIMEX3-style: `2020-10-09`, `2020-10`, `2020`, `2020-W41`, `2020-10-09T22:35`,
//!   `P44D`, `PT3H`, `199` (a decade), `19` (a century), `2016-SU` (a season), `PRESENT_REF`
//!   ("الآن" without a time of day); intervals are `{from, to}` with `to` exclusive, and
//!   "من 13 إلى 15 تموز" includes the 15th.
//! - Unanchored expressions read back from the reference in a report and forward when the
//!   nearest cue before them says future ("المقرر", "سيعقد", "المقبل"). A bare weekday in a
//!   report is the latest such day on or before the reference; "الأحد المقبل" is the first
//!   Sunday after it; "سبتمبر الماضي" is the latest September before the current month. A day
//!   of a month with no cue at all is the nearest such day. A text that is only a time
//!   expression reads forward, as calendar queries do ([`find_times`]; news sentences go
//!   through [`find_times_in_news`], which never does).
//! - Portions: "بداية" the first day, "مطلع/أوائل" days 1–10, "منتصف" the 15th, "أواخر" days
//!   21–end, "نهاية" days 16–end; of a year: the first quarter, May–August, the last quarter.
//! - Hijri dates use the tabular (civil) Islamic calendar, which can differ by a day from
//!   sighting-based calendars such as Umm al-Qura.
//! - Durations ("44 يوما") are never dates; "قبل أسبوع" and "بعد ثلاثة أيام" are dates.

mod calendar;
mod command;
pub mod eval;
mod grammar;
mod lexicon;
mod published;

pub use command::{time_command, TimeLine};
pub use published::annotate_published;

use hadath_text::normalize::{normalize_mapped, NormView};
use hadath_text::{Date, DateBasis, Document, Span, TimeMention, TimexValue};

/// One month name of `data/time/months.tsv` (CLDR and curated variants of every Arabic family).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthEntry {
    /// Whether the month is of the Hijri calendar (else Gregorian).
    pub hijri: bool,
    /// Month number, 1–12.
    pub month: u32,
    /// The name as the table writes it (one or more words, not normalised).
    pub name: &'static str,
}

/// Every month name of `data/time/months.tsv`, in table order, for crates that need the list
/// (instead of keeping their own copies).
pub fn month_table() -> Vec<MonthEntry> {
    lexicon::MONTHS_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (cal, month, name) = (cols.next()?, cols.next()?, cols.next()?);
            Some(MonthEntry { hijri: cal == "hijri", month: month.parse().ok()?, name })
        })
        .collect()
}

/// The Gregorian month a matching-normalised single-word name stands for ("يناير", "جانفي",
/// "شتنبر", "january"), without proclitics; None for other words and Hijri months.
pub fn gregorian_month(norm_word: &str) -> Option<u32> {
    lexicon::MONTHS
        .get(norm_word)?
        .iter()
        .find(|m| m.rest.is_empty() && m.calendar == lexicon::Calendar::Gregorian)
        .map(|m| m.month)
}

/// A reference point for resolution: a date and optionally a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    pub date: Date,
    /// Hours, minutes, seconds.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes, when known; used to convert "بتوقيت غرينتش" times.
    pub utc_offset: Option<i32>,
}

impl Reference {
    /// A reference at the start of a day.
    pub fn day(date: Date) -> Reference {
        Reference { date, time: None, utc_offset: None }
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, optionally followed by `Z` or `±HH:MM`.
    pub fn parse(s: &str) -> Option<Reference> {
        let s = s.trim();
        let date = Date::parse_iso(s)?;
        let rest = s.get(10..).unwrap_or("");
        let Some(t) = rest.strip_prefix(['T', ' ']) else {
            return Some(Reference { date, time: None, utc_offset: None });
        };
        let h: u32 = t.get(..2)?.parse().ok()?;
        let m: u32 = t.get(3..5)?.parse().ok()?;
        let mut tail = t.get(5..).unwrap_or("");
        let mut sec = 0;
        if let Some(x) = tail.strip_prefix(':') {
            sec = x.get(..2)?.parse().ok()?;
            tail = x.get(2..).unwrap_or("");
        }
        // Fractions of a second are dropped.
        if let Some(x) = tail.strip_prefix('.') {
            tail = x.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let utc_offset = Reference::parse_offset(tail);
        (h < 24 && m < 60 && sec < 60).then_some(Reference { date, time: Some((h, m, sec)), utc_offset })
    }

    /// Parses a zone suffix: `Z`, `+03:00`, `-0200`.
    pub fn parse_offset(s: &str) -> Option<i32> {
        let s = s.trim();
        if s == "Z" {
            return Some(0);
        }
        let sign = match s.chars().next()? {
            '+' => 1,
            '-' => -1,
            _ => return None,
        };
        let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() != 4 {
            return None;
        }
        let h: i32 = digits[..2].parse().ok()?;
        let m: i32 = digits[2..].parse().ok()?;
        (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
    }
}

/// Finds temporal expressions in `text` (byte spans), resolved against `reference` when given.
///
/// Without a reference, expressions that need one ("أمس", "الأربعاء") get `value: None`.
/// A text that is nothing but a time expression ("الاثنين") reads forward, as calendar
/// queries do; inside news use [`find_times_in_news`].
pub fn find_times(text: &str, reference: Option<Reference>) -> Vec<TimeMention> {
    find(text, reference, true)
}

/// Like [`find_times`], for a sentence of a news article: unanchored expressions read
/// back from the publication date unless the sentence speaks of the future.
pub fn find_times_in_news(text: &str, reference: Option<Reference>) -> Vec<TimeMention> {
    find(text, reference, false)
}

fn find(text: &str, reference: Option<Reference>, bare_reads_forward: bool) -> Vec<TimeMention> {
    let owned = normalize_mapped(text);
    find_in(text, owned.view(), reference, bare_reads_forward, None)
}

/// [`find`] over `text` with its normalised view already made.
fn find_in(
    text: &str,
    norm: NormView<'_>,
    reference: Option<Reference>,
    bare_reads_forward: bool,
    prior_year: Option<i32>,
) -> Vec<TimeMention> {
    let mut parser = grammar::Parser::new(norm.text, reference);
    parser.prior_year = prior_year;
    let hits = parser.run(bare_reads_forward);
    let mut out = Vec::with_capacity(hits.len());
    for h in hits {
        let (Some(first), Some(last)) = (parser.toks.get(h.start), parser.toks.get(h.end.saturating_sub(1))) else {
            continue;
        };
        let skip = if h.skip < first.e - first.s { h.skip } else { 0 };
        let mut span = norm.to_original(first.s + skip, last.e);
        if span.end > text.len()
            || span.start > span.end
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        // Never end on trailing punctuation such as ")".
        let trimmed = text[span.start..span.end].trim_end();
        span = Span::new(span.start, span.start + trimmed.len());
        if span.is_empty() {
            continue;
        }
        let range = h.res.range.map(|(a, b)| {
            let to = if b.minute.unwrap_or(0) > 0 || b.second.unwrap_or(0) > 0 { b.date.add_days(1) } else { b.date };
            (a.date, if to > a.date { to } else { a.date.add_days(1) })
        });
        out.push(TimeMention {
            span,
            kind: h.res.kind,
            value: h.res.value,
            precision: h.res.precision,
            basis: h.res.basis,
            range,
        });
    }
    out
}

/// The year a mention names outright ("سبتمبر 2020", "عام 2020"), if it names one.
fn explicit_year(t: &TimeMention) -> Option<i32> {
    if t.basis != DateBasis::Explicit {
        return None;
    }
    let value = match t.value.as_ref()? {
        TimexValue::Single(v) => v.as_str(),
        TimexValue::Interval { from, .. } => from.as_str(),
    };
    value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
}

/// Fills `doc.times`, resolved against the publication date.
pub fn annotate_times(doc: &mut Document) {
    doc.ensure_norm();
    let reference = doc.published.value.map(Reference::day);
    let mut out = Vec::new();
    let sentences: Vec<Span> = if doc.sentences.is_empty() && !doc.text.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.sentences.clone()
    };
    // "في يونيو من ذلك العام" may lean on a year named sentences before.
    let mut prior_year = None;
    for s in &sentences {
        let Some(slice) = doc.text.get(s.start..s.end) else { continue };
        let Some(norm) = doc.norm_slice(*s) else { continue };
        for mut t in find_in(slice, norm, reference, false, prior_year) {
            t.span.start += s.start;
            t.span.end += s.start;
            prior_year = explicit_year(&t).or(prior_year);
            out.push(t);
        }
    }
    doc.times = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_table_covers_every_family() {
        let table = month_table();
        for name in ["يناير", "كانون الثاني", "جانفي", "شتنبر", "رمضان"] {
            assert!(table.iter().any(|m| m.name == name), "{name}");
        }
        assert!(table.iter().all(|m| (1..=12).contains(&m.month)));
        assert_eq!(gregorian_month("جويليه"), Some(7));
        assert_eq!(gregorian_month("نونبر"), Some(11));
        assert_eq!(gregorian_month("رمضان"), None);
        assert_eq!(gregorian_month("كانون"), None);
    }

    #[test]
    fn references_parse_with_zones() {
        let r = Reference::parse("2013-02-12T04:30:00-02:00").expect("reference");
        assert_eq!(r.time, Some((4, 30, 0)));
        assert_eq!(r.utc_offset, Some(-120));
        assert_eq!(Reference::parse("2020-10-09").map(|r| r.time), Some(None));
        assert_eq!(Reference::parse("2020-10-09T22:35Z").and_then(|r| r.utc_offset), Some(0));
        assert!(Reference::parse("2020-13-09").is_none());
    }

    #[test]
    fn that_year_leans_on_a_year_named_sentences_before() {
        let text = "اندلعت المواجهات في مارس 2019 واستمرت أسابيع.\nوتوقفت المعارك في يونيو من ذلك العام.";
        let mut doc = Document::new("t", text);
        doc.published.value = Date::new(2023, 2, 1);
        let cut = text.find('\n').unwrap_or(0);
        doc.sentences = vec![Span::new(0, cut), Span::new(cut + 1, text.len())];
        annotate_times(&mut doc);
        let last = doc.times.last().map(|t| (&doc.text[t.span.start..t.span.end], t.value.clone()));
        assert_eq!(last, Some(("يونيو من ذلك العام", Some(TimexValue::Single("2019-06".into())))));
        // With no year named before, it stays unresolved rather than taking the publication year.
        let mut doc = Document::new("t", "وتوقفت المعارك في يونيو من ذلك العام.");
        doc.published.value = Date::new(2023, 2, 1);
        annotate_times(&mut doc);
        assert!(doc.times.iter().all(|t| t.value.is_none()), "{:?}", doc.times);
    }

    #[test]
    fn annotate_times_reads_news_back_from_publication() {
        let mut doc = Document::new("t", "الثلاثاء\nقال الوزير أمس إن الاجتماع سيعقد الخميس.");
        doc.published.value = Date::new(2022, 11, 25);
        doc.sentences = vec![Span::new(0, 16), Span::new(17, doc.text.len())];
        annotate_times(&mut doc);
        let values: Vec<String> = doc
            .times
            .iter()
            .map(|t| match &t.value {
                Some(hadath_text::TimexValue::Single(v)) => v.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(values, ["2022-11-22", "2022-11-24", "2022-12-01"]);
        for t in &doc.times {
            assert!(doc.text.get(t.span.start..t.span.end).is_some());
        }
    }
}
