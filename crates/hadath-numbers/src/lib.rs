//! Numbers layer: cardinal and ordinal numbers, ranges from qualifiers, counted nouns.
//!
//! [`find_numbers`] reads a string in three steps: the text is normalised with an offset map
//! (`hadath_text::normalize::normalize_mapped`), split into words, digit numbers and symbols
//! (`lexer`), read into bare numbers (`core`: digits in any script, compound number words,
//! fractions, vague plurals, ordinals) and finally into mentions (`mention`: percentages,
//! ranges, qualifiers, counted nouns). Spans map back to exact original byte offsets.
//!
//! Bounds (`min`/`max`) are documented on [`NumberMention`]'s use here:
//! - a plain integer: `min = max = value`; a plain non-integer, and any fraction below one
//!   whatever its qualifier: `floor` and `ceil`;
//! - أكثر من / ما يزيد على / فوق / يتجاوز: `min = value + 1`, `max = None`;
//! - ما لا يقل عن / على الأقل / أو أكثر: `min = value`, `max = None`;
//! - أقل من / ما دون / تحت: `min = 0` (counts are not negative), `max = value - 1`;
//! - حتى / ما يصل إلى / على الأكثر / أو أقل: `min = 0`, `max = value`;
//! - نحو / حوالي / قرابة / زهاء / ما يقارب / تقريبا: ±10 % of the value (at least ±1);
//! - بين A و B / من A إلى B / A-B: `min = A`, `max = B`, both inclusive; `value = A`
//!   (kind `Range`, or `Percent` for "بين 10 و20 في المئة");
//! - vague plurals: عشرات 20–99, مئات 200–999, آلاف 2000–9999, ملايين 2–9.999 million,
//!   بضعة 3–9, each times a following آلاف/ملايين ("عشرات الآلاف" 20000–99000); `value = min`.

mod core;
pub mod eval;
mod lexer;
mod mention;
mod relative;
mod words;

pub use mention::{Bound, Qualifier};
pub use relative::{find_relative_ordinals, RelativeOrdinal, RelativeTo};

use hadath_text::normalize::{normalize_mapped, NormView};
use hadath_text::{Document, NumberKind, NumberMention, Span};

/// A number mention with the detail the public [`NumberMention`] does not carry.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailedMention {
    pub mention: NumberMention,
    /// The lower and upper bound as stated, open or closed.
    pub lo: Bound,
    pub hi: Bound,
    pub qualifier: Qualifier,
}

/// Finds number mentions in a string; spans are byte offsets into `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    find_numbers_detailed(text).into_iter().map(|d| d.mention).collect()
}

/// Like [`find_numbers`], keeping the stated bounds and the qualifier kind.
pub fn find_numbers_detailed(text: &str) -> Vec<DetailedMention> {
    if !may_hold_number(text) {
        return Vec::new();
    }
    let owned = normalize_mapped(text);
    detailed_in(text, owned.view())
}

/// [`find_numbers_detailed`] over a text whose normalised view is already at hand (a slice of
/// the document's [`hadath_text::NormText`], equal to `normalize_mapped(text)`).
fn detailed_in(text: &str, nt: NormView<'_>) -> Vec<DetailedMention> {
    // Most sentences hold no number: one pass over their words says so.
    if core::surely_no_number(nt.text) {
        return Vec::new();
    }
    let fixed = arabic_comma_fix(text, &nt);
    let ctx = context(text, &nt, fixed.as_deref().unwrap_or(nt.text));
    mention::find_mentions(&ctx)
        .into_iter()
        .map(|f| {
            let span = nt.to_original(f.start, f.end);
            let counted = f.counted.map(|(s, e, c)| (nt.to_original(s, e), c));
            let (min, max) = min_max(&f);
            DetailedMention {
                mention: NumberMention { span, kind: f.kind, value: f.value, min, max, counted },
                lo: f.lo,
                hi: f.hi,
                qualifier: f.qualifier,
            }
        })
        .filter(|d| text.get(d.mention.span.start..d.mention.span.end).is_some())
        .collect()
}

/// The normalised text with each Arabic comma (،) between digits turned into `;` unless it
/// groups thousands ("١،٢٣٤"): "2017،2018" is two years, never a decimal. `None` when nothing
/// changes. Both are one byte, so offsets stay the same.
fn arabic_comma_fix(text: &str, nt: &NormView<'_>) -> Option<String> {
    let b = nt.text.as_bytes();
    // The text is copied only once a comma is to change.
    let mut out: Option<Vec<u8>> = None;
    let last = b.len().saturating_sub(1);
    for (i, _) in nt.text.match_indices(',').filter(|&(i, _)| i >= 1 && i < last) {
        if !b[i - 1].is_ascii_digit() || !b[i + 1].is_ascii_digit() {
            continue;
        }
        if nt.to_original(i, i + 1).slice(text) != "\u{060C}" {
            continue;
        }
        let run = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run != 3 {
            out.get_or_insert_with(|| b.to_vec())[i] = b';';
        }
    }
    out.and_then(|o| String::from_utf8(o).ok())
}

/// Tokens of the normalised text, with the lookups that need the original spelling fixed:
/// "وأحد" (and one of) normalises like "واحد" (one) but is not a number.
fn context<'a>(text: &str, nt: &NormView<'_>, norm: &'a str) -> core::Ctx<'a> {
    let mut ctx = core::Ctx::new(norm);
    for i in 0..ctx.toks.len() {
        // "واحد" is a number word: only tokens with a hit can be it.
        if ctx.hits[i].is_some() && ctx.word(i) == "واحد" {
            let t = ctx.toks[i];
            let original = nt.to_original(t.start, t.end).slice(text);
            let mut chars = original.chars().filter(|c| !hadath_text::normalize::is_arabic_mark(*c));
            if chars.next() == Some('و') && matches!(chars.next(), Some('أ') | Some('إ')) {
                ctx.hits[i] = words::lookup("احد").map(|h| words::WordHit { prefix: 'و'.len_utf8(), conj: true, ..h });
            }
        }
    }
    ctx
}

/// Cheap pre-check: digits, or Arabic letters (number words are Arabic).
fn may_hold_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit() || b == 0xD8 || b == 0xD9 || b == 0xDB)
}

fn clamp_i64(v: f64) -> i64 {
    if v.is_nan() {
        0
    } else {
        v.clamp(i64::MIN as f64, i64::MAX as f64) as i64
    }
}

/// Integer bounds from the stated bounds, as the crate documentation describes.
fn min_max(f: &mention::Found) -> (Option<i64>, Option<i64>) {
    let fraction = f.value.abs() < 1.0 && f.value.fract() != 0.0;
    let plain_percent = f.kind == NumberKind::Percent && f.qualifier != Qualifier::Between;
    if f.qualifier == Qualifier::None || fraction || f.kind == NumberKind::Ordinal || plain_percent {
        return (Some(clamp_i64(f.value.floor())), Some(clamp_i64(f.value.ceil())));
    }
    let min = match f.lo {
        Bound::Inclusive(v) => Some(clamp_i64(v.ceil())),
        Bound::Exclusive(v) => Some(clamp_i64(v.floor()).saturating_add(1)),
        Bound::Open => (f.value > 0.0).then_some(0),
    };
    let max = match f.hi {
        Bound::Inclusive(v) => Some(clamp_i64(v.floor())),
        Bound::Exclusive(v) => Some(clamp_i64(v.ceil()).saturating_sub(1)),
        Bound::Open => None,
    };
    (min, max)
}

/// Fills `doc.numbers` from the document's sentences (the whole text when it has none).
///
/// Each sentence is read through the document's normalised text ([`Document::norm`], made
/// here when segmentation has not), never normalised again.
pub fn annotate_numbers(doc: &mut Document) {
    doc.ensure_norm();
    let mut out = Vec::new();
    let whole = [Span::new(0, doc.text.len())];
    let sentences: &[Span] = if doc.sentences.is_empty() { &whole } else { &doc.sentences };
    for s in sentences {
        let text = s.slice(&doc.text);
        if !may_hold_number(text) {
            continue;
        }
        let found = match doc.norm_slice(*s) {
            Some(view) => detailed_in(text, view),
            None => find_numbers_detailed(text),
        };
        for mut n in found.into_iter().map(|d| d.mention) {
            n.span.start += s.start;
            n.span.end += s.start;
            if let Some((c, _)) = n.counted.as_mut() {
                c.start += s.start;
                c.end += s.start;
            }
            out.push(n);
        }
    }
    doc.numbers = out;
}

/// Value of a cardinal number written in words, over matching-normalised text
/// ("خمسه وعشرون" → 25, "ثلاثه الاف وخمسمئه" → 3500); `None` unless the whole text is one number.
pub fn parse_cardinal_words(norm: &str) -> Option<f64> {
    // Normalising again is harmless and spares callers a mismatch.
    let norm = hadath_text::normalize_for_match(norm);
    let ctx = core::Ctx::new(&norm);
    let cores = core::find_cores(&ctx);
    match cores.as_slice() {
        [c] if c.kind == core::CoreKind::Cardinal && c.first == 0 && c.last + 1 == ctx.toks.len() => Some(c.value),
        _ => None,
    }
}

/// Value of an ordinal word or phrase, over matching-normalised text
/// ("الحادي عشر" → 11, "العاشر" → 10, "الخامسه والعشرون" → 25).
pub fn parse_ordinal_word(norm: &str) -> Option<u32> {
    let norm = hadath_text::normalize_for_match(norm);
    let ctx = core::Ctx::new(&norm);
    let cores = core::find_cores(&ctx);
    match cores.as_slice() {
        [c] if c.kind == core::CoreKind::Ordinal && c.first == 0 && c.last + 1 == ctx.toks.len() => {
            Some(c.value as u32)
        }
        _ => None,
    }
}

/// Bare numbers (no qualifier, percent or range joined), as Recognizers' NumberModel sees them:
/// original byte span and value. Ordinals and vague plurals are left out.
pub fn find_bare_numbers(text: &str) -> Vec<(Span, f64)> {
    if !may_hold_number(text) {
        return Vec::new();
    }
    let owned = normalize_mapped(text);
    let nt = owned.view();
    let fixed = arabic_comma_fix(text, &nt);
    let ctx = context(text, &nt, fixed.as_deref().unwrap_or(nt.text));
    core::find_cores(&ctx)
        .into_iter()
        .filter_map(|c| match c.kind {
            core::CoreKind::Cardinal => Some((nt.to_original(c.start, c.end), c.value)),
            // "الـ192" is an ordinal in news, but its digits are still a number here.
            core::CoreKind::Ordinal if matches!(ctx.toks[c.last].kind, lexer::TokKind::Num { .. }) => {
                let t = ctx.toks[c.last];
                Some((nt.to_original(t.start, t.end), c.value))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotates_sentences_with_absolute_spans() {
        let mut doc = Document::new("t", "وصل الوفد صباحا. قتل 5 جنود في الهجوم.");
        let second = doc.text.find("قتل").unwrap_or(0);
        doc.sentences = vec![Span::new(0, second), Span::new(second, doc.text.len())];
        annotate_numbers(&mut doc);
        assert_eq!(doc.numbers.len(), 1);
        let n = &doc.numbers[0];
        assert_eq!(doc.slice(n.span), "5");
        assert_eq!(
            n.counted.map(|(s, c)| (doc.slice(s).to_string(), c)),
            Some(("جنود".to_string(), hadath_text::Counted::Killed))
        );
    }

    #[test]
    fn the_no_number_test_never_hides_a_core() {
        let texts = [
            "قال المتحدث إن الاجتماع انتهى دون اتفاق",
            "وصل خمسة وزراء",
            "أكثر من النصف",
            "سالب ثلاثة",
            "ثلاثة أجزاء من عشرة",
            "الثمانية والعشرين",
            "وأحد المسؤولين",
            "www.example.com/مئة",
            "قتل ٥ أشخاص",
            "عشرات الجرحى",
        ];
        for t in texts {
            let norm = hadath_text::normalize_for_match(t);
            let ctx = core::Ctx::new(&norm);
            let cores = core::find_cores(&ctx);
            if core::surely_no_number(&norm) {
                assert!(cores.is_empty(), "{t}");
            }
        }
        assert!(core::surely_no_number(&hadath_text::normalize_for_match(texts[0])));
        assert!(!core::surely_no_number(&hadath_text::normalize_for_match(texts[1])));
    }

    #[test]
    fn a_relative_pronoun_after_a_toll_is_no_month() {
        // "الذي" is no "ذي" of "ذي الحجة"; a day before "ذي القعدة" counts nothing.
        let text = "بلغ عدد القتلى 45 الذي أعلنته الوزارة";
        let found = find_numbers(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].counted.map(|(_, c)| c), Some(hadath_text::Counted::Killed));
        let date = find_numbers("يوافق الخميس 12 ذي القعدة");
        assert_eq!(date.len(), 1);
        assert_eq!(date[0].counted, None);
    }

    #[test]
    fn annotates_whole_text_without_sentences() {
        let mut doc = Document::new("t", "أصيب ثلاثة أشخاص");
        annotate_numbers(&mut doc);
        assert_eq!(doc.numbers.len(), 1);
        assert_eq!(doc.numbers[0].value, 3.0);
    }
}
