//! Publication-date choice: metadata, a timestamp near the title, embedded-post dates, fallback.
//!
//! Candidates from the text are read from short date lines near the top (a site's timestamp
//! such as "9-10-2020 | 22:35", a page-header date such as "الاثنين 3 مارس 2025") and from the
//! signature lines of embedded posts ("— Name (@handle) December 16, 2021"). A page-header date
//! on the first line is the day the page was rendered: it is used only when nothing else dates
//! the article and a weekday mention ("اليوم الجمعة") confirms it. Every candidate must agree
//! with such weekday mentions. Without evidence the date stays unknown.

use crate::find_times;
use crate::grammar::today_weekdays;
use hadath_text::{Date, DateBasis, Document, ParagraphKind, Precision, Published, PublishedBasis, Span, TimeKind};

/// How a text candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// A timestamp line near the title.
    Timestamp,
    /// The signature line of an embedded post.
    EmbeddedPost,
    /// A bare date as the page's first line.
    PageHeader,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    date: Date,
    span: Span,
    source: Source,
}

/// How many lines from the top may hold a timestamp.
const TOP_LINES: usize = 12;
/// Longest line (in chars) read as a timestamp line.
const MAX_STAMP_CHARS: usize = 80;
/// Most words, besides the date and time, that a timestamp line may carry (a section name).
const MAX_STAMP_WORDS: usize = 3;

/// Chooses the publication date: metadata first, then the text, then `fallback`.
pub fn annotate_published(doc: &mut Document, fallback: Option<Date>) {
    if let Some(d) = doc.meta.published.filter(|_| !doc.meta.published_is_fallback) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
        return;
    }
    if let Some(c) = choose_from_text(doc) {
        doc.published = Published { value: Some(c.date), basis: PublishedBasis::Text, span: Some(c.span) };
        return;
    }
    if let Some(d) = doc.meta.published.or(fallback) {
        doc.published = Published { value: Some(d), basis: PublishedBasis::Metadata, span: None };
        return;
    }
    doc.published = Published { value: None, basis: PublishedBasis::Unknown, span: None };
}

/// Lines of the text with their byte offsets, blank lines skipped.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |l| {
        let start = offset;
        offset += l.len();
        let trimmed = l.trim_end_matches(['\n', '\r']);
        (!trimmed.trim().is_empty()).then_some((start, trimmed))
    })
}

/// The one full explicit date of a line, if the line is short and mostly that date.
fn stamp_date(line: &str) -> Option<(Date, Span)> {
    if line.chars().count() > MAX_STAMP_CHARS {
        return None;
    }
    let times = find_times(line, None);
    let mut dates = times.iter().filter(|t| {
        t.kind != TimeKind::Duration
            && t.basis == DateBasis::Explicit
            && t.precision == Precision::Day
            && t.range.is_some()
    });
    let first = dates.next()?;
    let (date, _) = first.range?;
    // Words outside time expressions: a section name at most.
    let mut outside = String::new();
    let mut last = 0;
    for t in &times {
        outside.push_str(line.get(last..t.span.start).unwrap_or(""));
        outside.push(' ');
        last = t.span.end;
    }
    outside.push_str(line.get(last..).unwrap_or(""));
    let words = outside.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() > 1).count();
    (words <= MAX_STAMP_WORDS).then_some((date, first.span))
}

/// The date of an embedded post's signature line: "— Name (@handle) December 16, 2021".
fn post_date(line: &str) -> Option<(Date, Span)> {
    let t = line.trim_start();
    let signed = t.starts_with(['—', '–', '-']) && t.contains('@');
    if !signed || line.chars().count() > 200 {
        return None;
    }
    let times = find_times(line, None);
    let m = times.iter().rev().find(|t| t.basis == DateBasis::Explicit && t.precision == Precision::Day)?;
    Some((m.range?.0, m.span))
}

fn candidates(doc: &Document) -> Vec<Candidate> {
    let mut out = Vec::new();
    let meta_lines: Vec<Span> =
        doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Meta).map(|p| p.span).collect();
    for (n, (start, line)) in lines(&doc.text).enumerate() {
        // The headline is not a timestamp, even when it names a date.
        if doc.title.is_some_and(|t| t.start <= start && start < t.end) {
            continue;
        }
        let is_meta = meta_lines.iter().any(|s| s.start <= start && start < s.end.max(s.start + 1));
        if n < TOP_LINES || is_meta {
            if let Some((date, span)) = stamp_date(line) {
                let source = if n == 0 { Source::PageHeader } else { Source::Timestamp };
                out.push(Candidate { date, span: Span::new(start + span.start, start + span.end), source });
                continue;
            }
        }
        if let Some((date, span)) = post_date(line) {
            out.push(Candidate {
                date,
                span: Span::new(start + span.start, start + span.end),
                source: Source::EmbeddedPost,
            });
        }
    }
    out
}

/// Whether `date` fits the weekdays the text gives for its own day ("اليوم الجمعة").
fn agrees(date: Date, today: &[u32]) -> bool {
    today.iter().all(|&w| w == date.weekday())
}

fn choose_from_text(doc: &Document) -> Option<Candidate> {
    let cands = candidates(doc);
    if cands.is_empty() {
        return None;
    }
    let mut end = doc.text.len().min(20_000);
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &doc.text[..end];
    let today = today_weekdays(head);
    let others: Vec<&Candidate> = cands.iter().filter(|c| c.source != Source::PageHeader).collect();
    // A timestamp near the title first, then the latest embedded post.
    if let Some(c) = others.iter().filter(|c| c.source == Source::Timestamp).find(|c| agrees(c.date, &today)) {
        return Some(**c);
    }
    if let Some(c) =
        others.iter().filter(|c| c.source == Source::EmbeddedPost && agrees(c.date, &today)).max_by_key(|c| c.date)
    {
        return Some(**c);
    }
    // A page header alone counts only when a weekday mention confirms it.
    if others.is_empty() && !today.is_empty() {
        return cands.iter().find(|c| c.source == Source::PageHeader && agrees(c.date, &today)).copied();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new("t", text)
    }

    #[test]
    fn timestamp_beats_page_header() {
        let mut d = doc("الاثنين 3 مارس 2025\n\nعنوان الخبر هنا\n\nسياسة12-5-2019 | 10:15\n\nقال الوزير اليوم الأحد إن المحادثات مستمرة.\n");
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, Date::new(2019, 5, 12));
        assert_eq!(d.published.basis, PublishedBasis::Text);
        let span = d.published.span.expect("span");
        assert_eq!(&d.text[span.start..span.end], "12-5-2019");
    }

    #[test]
    fn embedded_post_date() {
        let mut d = doc("عنوان\nالتقى الزعيمان مساء الثلاثاء في جنيف.\n— Some One (@someone) March 4, 2020\nوأضاف البيان أن اللقاء كان بناء.\n");
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, Date::new(2020, 3, 4));
    }

    #[test]
    fn no_date_stays_unknown_unless_fallback() {
        let mut d = doc("عنوان\nقال الوزير الجمعة إن الاجتماع سيعقد في 7 ديسمبر.\n");
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, None);
        assert_eq!(d.published.basis, PublishedBasis::Unknown);
        annotate_published(&mut d, Date::new(2022, 11, 25));
        assert_eq!(d.published.value, Date::new(2022, 11, 25));
        assert_eq!(d.published.basis, PublishedBasis::Metadata);
    }

    #[test]
    fn lone_page_header_needs_weekday_agreement() {
        let mut d = doc("الأحد 23 يونيو 2024\nعنوان\nقال الوزير اليوم الجمعة إن المحادثات مستمرة.\n");
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, None);
        let mut d = doc("الجمعة 14 يونيو 2024\nعنوان\nقال الوزير اليوم الجمعة إن المحادثات مستمرة.\n");
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, Date::new(2024, 6, 14));
    }

    #[test]
    fn metadata_wins_and_warc_date_ranks_below_text() {
        let mut d = doc("عنوان\nأخبار01-02-2021 | 09:00\nنص الخبر.\n");
        d.meta.published = Date::new(2021, 3, 3);
        d.meta.published_is_fallback = true;
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, Date::new(2021, 2, 1));
        d.meta.published_is_fallback = false;
        annotate_published(&mut d, None);
        assert_eq!(d.published.value, Date::new(2021, 3, 3));
        assert_eq!(d.published.basis, PublishedBasis::Metadata);
    }
}
