//! Quotations and reported speech: quote spans, and the speaker of each sentence's reporting verb.

use crate::clause::SentenceView;
use crate::words::{KeyFilter, WordSet};
use hadath_text::{Actor, Document, Quote, Span};

/// Reporting verbs, without و/ف.
const REPORT_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اكد",
    "اكدت",
    "يوكد",
    "توكد",
    "يوكد",
    "توكد",
    "اعلن",
    "اعلنت",
    "يعلن",
    "تعلن",
    "ذكر",
    "ذكرت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "شدد",
    "شددت",
    "كتب",
    "كتبت",
    "لفت",
    "لفتت",
    "اشار",
    "اشارت",
    "اعتبر",
    "اعتبرت",
    "راي",
    "رات",
    "افاد",
    "افادت",
    "نقل",
    "نقلت",
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "استطرد",
    "مضيفا",
    "مضيفه",
    "متابعا",
    "وصف",
    "وصفت",
    "اتهم",
    "اتهمت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "هدد",
    "هددت",
    "حذر",
    "حذرت",
    "رفض",
    "رفضت",
    "ندد",
    "نددت",
];
/// Reporting verbs that continue the previous speaker when no actor is named.
const CONTINUATION_VERBS: &[&str] = &[
    "اضاف",
    "اضافت",
    "تابع",
    "تابعت",
    "استطرد",
    "مضيفا",
    "مضيفه",
    "متابعا",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "شدد",
    "شددت",
];

/// Finds quotation spans: «…», “…” and "…" (at least three words inside).
///
/// Quote marks and newlines are found by their bytes: `"` and `\n` are ASCII, « and » are
/// C2 AB and C2 BB, “ and ” are E2 80 9C and E2 80 9D. Arabic letters never use those lead bytes.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    let text = &doc.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut straight: Option<usize> = None;
    let mut leads = Leads::new(bytes);
    let mut i = 0;
    while i < bytes.len() {
        i = leads.next(i);
        let Some(&b) = bytes.get(i) else { break };
        let (c, len) = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', _, _) => ('"', 1),
            (b'\n', _, _) => ('\n', 1),
            (0xC2, Some(0xAB), _) => ('«', 2),
            (0xC2, Some(0xBB), _) => ('»', 2),
            (0xE2, Some(0x80), Some(0x9C)) => ('“', 3),
            (0xE2, Some(0x80), Some(0x9D)) => ('”', 3),
            _ => {
                i += 1;
                continue;
            }
        };
        match c {
            '«' | '“' => stack.push((c, i)),
            '»' | '”' => {
                let open = if c == '»' { '«' } else { '“' };
                if let Some(k) = stack.iter().rposition(|(o, _)| *o == open) {
                    let (_, start) = stack[k];
                    stack.truncate(k);
                    if stack.is_empty() {
                        push_quote(text, start, i + len, &mut out);
                    }
                }
            }
            '"' => match straight.take() {
                Some(start) => push_quote(text, start, i + 1, &mut out),
                None => straight = Some(i),
            },
            _ => {
                stack.clear();
                straight = None;
            }
        }
        i += len;
    }
    out.sort_by_key(|q| q.span);
    out.dedup_by(|b, a| a.span.contains(b.span));
    out
}

/// Finds the next quote-mark lead byte or newline with two SIMD scans, each redone only once
/// the search has passed its last hit.
struct Leads<'a> {
    bytes: &'a [u8],
    next_ascii_or_c2: usize,
    next_e2: usize,
}

impl<'a> Leads<'a> {
    fn new(bytes: &'a [u8]) -> Leads<'a> {
        let n = bytes.len();
        Leads {
            bytes,
            next_ascii_or_c2: memchr::memchr3(b'"', b'\n', 0xC2, bytes).unwrap_or(n),
            next_e2: memchr::memchr(0xE2, bytes).unwrap_or(n),
        }
    }

    /// The position of the next `"`, newline, 0xC2 or 0xE2 byte at or after `i` (or the end).
    fn next(&mut self, i: usize) -> usize {
        let (b, n) = (self.bytes, self.bytes.len());
        if self.next_ascii_or_c2 < i {
            self.next_ascii_or_c2 = memchr::memchr3(b'"', b'\n', 0xC2, &b[i.min(n)..]).map_or(n, |k| i + k);
        }
        if self.next_e2 < i {
            self.next_e2 = memchr::memchr(0xE2, &b[i.min(n)..]).map_or(n, |k| i + k);
        }
        self.next_ascii_or_c2.min(self.next_e2)
    }
}

fn push_quote(text: &str, start: usize, end: usize, out: &mut Vec<Quote>) {
    let inner = text.get(start..end).unwrap_or("");
    if three_words(inner) {
        out.push(Quote { span: Span::new(start, end), speaker: None });
    }
}

/// Whether a text holds three words or more (as `split_whitespace` reads them). Bytes are
/// read with ASCII spaces; a text with any other Unicode space (U+0085 to U+3000, told by its
/// first two or three bytes) goes to `split_whitespace`.
fn three_words(inner: &str) -> bool {
    let bytes = inner.as_bytes();
    let (mut words, mut in_word) = (0, false);
    for (i, &b) in bytes.iter().enumerate() {
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let other_space = match b {
            0xC2 => matches!(next(1), 0x85 | 0xA0),
            0xE1 => next(1) == 0x9A,
            0xE2 => next(1) == 0x81 || (next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)),
            0xE3 => next(1) == 0x80,
            _ => false,
        };
        if other_space {
            return inner.split_whitespace().nth(2).is_some();
        }
        let space = matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
        if !space && !in_word {
            words += 1;
            // Up to here both readings agree.
            if words == 3 {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

static REPORT_VERB_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| WordSet::new(REPORT_VERBS));

/// Every reporting verb bare and after و or ف: the only tokens the lookups below can accept,
/// so that a token this filter surely does not hold is passed over after one bit test.
static REPORT_FORMS: std::sync::LazyLock<KeyFilter> = std::sync::LazyLock::new(|| {
    let mut filter = KeyFilter::new();
    for verb in REPORT_VERBS {
        for conjunction in ["", "و", "ف"] {
            filter.insert(format!("{conjunction}{verb}").as_bytes());
        }
    }
    filter
});

/// The first reporting verb of a sentence's tokens, as (token index, form without و or ف).
pub fn report_verb(tokens: &[hadath_text::Token]) -> Option<(usize, &str)> {
    let forms = &*REPORT_FORMS;
    tokens.iter().enumerate().find_map(|(i, t)| {
        let w = t.norm.as_str();
        // Every reporting verb has 3 to 6 letters (6 to 12 bytes), with at most one و/ف before it.
        if w.len() < 6 || w.len() > 14 || !forms.may_hold(w.as_bytes()) {
            return None;
        }
        let bare = if w.chars().nth(3).is_some() {
            w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).unwrap_or(w)
        } else {
            w
        };
        REPORT_VERB_SET.contains(bare).then_some((i, bare))
    })
}

/// Remembers the last speaker across sentences, for "وأضاف" with no named actor.
#[derive(Default)]
pub struct SpeakerTrack {
    last: Option<Actor>,
}

impl SpeakerTrack {
    /// The speaker of a sentence's first reporting verb, if any.
    pub fn sentence_speaker(&mut self, v: &SentenceView) -> Option<Actor> {
        let (vi, verb) = report_verb(v.tokens)?;
        self.speaker_of(v, vi, verb)
    }

    /// The speaker of the reporting verb `verb` at token `vi` of a sentence.
    pub fn speaker_of(&mut self, v: &SentenceView, vi: usize, verb: &str) -> Option<Actor> {
        let after = v.groups.iter().find(|g| {
            g.first > vi && g.first - vi <= 3 && g.members.first().is_some_and(|r| v.preposition_before(r).is_none())
        });
        let before = v.groups.iter().rev().find(|g| g.last <= vi && v.same_clause(g.first, vi));
        let found = after.or(before).and_then(|g| g.members.first()).map(|r| Actor::from_entity(r.entity));
        match found {
            Some(a) => {
                self.last = Some(a.clone());
                Some(a)
            }
            None if CONTINUATION_VERBS.contains(&verb) => self.last.clone(),
            None => {
                self.last = None;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes_of(text: &str) -> Vec<&str> {
        let doc = Document::new("q", text);
        find_quotes(&doc).iter().map(|q| &text[q.span.start..q.span.end]).collect()
    }

    #[test]
    fn every_quote_mark_kind_is_found() {
        let text =
            "قال الوزير «لن نقبل بأي شروط مسبقة» ثم أضاف “نحن مستعدون للحوار الجاد” وختم \"هذه فرصة أخيرة للجميع\".";
        assert_eq!(
            quotes_of(text),
            vec!["«لن نقبل بأي شروط مسبقة»", "“نحن مستعدون للحوار الجاد”", "\"هذه فرصة أخيرة للجميع\""]
        );
    }

    #[test]
    fn nested_marks_give_the_outer_quote_and_short_ones_are_dropped() {
        let text = "وقال «إن ما سماه “الخط الأحمر” لم يعد قائما» وأضاف «كلا» فقط.";
        assert_eq!(quotes_of(text), vec!["«إن ما سماه “الخط الأحمر” لم يعد قائما»"]);
    }

    #[test]
    fn a_newline_closes_nothing_and_resets_open_marks() {
        let text = "قال «بدأنا المفاوضات\nثم» توقفت «المحادثات مساء أمس فجأة»";
        assert_eq!(quotes_of(text), vec!["«المحادثات مساء أمس فجأة»"]);
        // Other characters with the same lead bytes (a no-break space, an en dash) are skipped.
        let text = "قال\u{a0}الوزير – «هذه الجولة كانت مثمرة جدا»";
        assert_eq!(quotes_of(text), vec!["«هذه الجولة كانت مثمرة جدا»"]);
    }

    #[test]
    fn three_words_reads_spaces_as_split_whitespace_does() {
        let texts = [
            "«لن نقبل بأي»",
            "«لن نقبل»",
            "“نحن  مستعدون”",
            "a\u{a0}b\u{a0}c",
            "a\u{2003}b c",
            "a\u{3000}b\u{1680}c",
            "a\u{85}b\x0bc",
            "a\u{2009}b",
            " a \t b\r\n",
            "\u{201c}a b\u{201d} \u{2014} c",
            "",
        ];
        for t in texts {
            assert_eq!(three_words(t), t.split_whitespace().nth(2).is_some(), "{t:?}");
        }
    }

    #[test]
    fn report_verb_table_finds_every_verb_and_nothing_else() {
        for w in REPORT_VERBS {
            assert!(REPORT_VERB_SET.contains(w), "{w}");
        }
        for w in ["قتل", "وزير", "", "قالتا", "اعلانات"] {
            assert!(!REPORT_VERB_SET.contains(w), "{w}");
        }
    }
}
