//! Quotations and reported speech: quote spans, and the speaker of each sentence's reporting verb.

use crate::clause::SentenceView;
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
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '«' | '“' => stack.push((c, i)),
            '»' | '”' => {
                let open = if c == '»' { '«' } else { '“' };
                if let Some(k) = stack.iter().rposition(|(o, _)| *o == open) {
                    let (_, start) = stack[k];
                    stack.truncate(k);
                    if stack.is_empty() {
                        push_quote(text, start, i + c.len_utf8(), &mut out);
                    }
                }
            }
            '"' => match straight.take() {
                Some(start) => push_quote(text, start, i + 1, &mut out),
                None => straight = Some(i),
            },
            '\n' => {
                stack.clear();
                straight = None;
            }
            _ => {}
        }
    }
    out.sort_by_key(|q| q.span);
    out.dedup_by(|b, a| a.span.contains(b.span));
    out
}

fn push_quote(text: &str, start: usize, end: usize, out: &mut Vec<Quote>) {
    let inner = text.get(start..end).unwrap_or("");
    if inner.split_whitespace().count() >= 3 {
        out.push(Quote { span: Span::new(start, end), speaker: None });
    }
}

/// The reporting verbs as a set, for one hash lookup per token instead of a list scan.
static REPORT_VERB_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| REPORT_VERBS.iter().copied().collect());

/// Whether tokens hold a reporting verb (so the sentence may name or continue a speaker).
pub fn has_report_verb(tokens: &[hadath_text::Token]) -> bool {
    let set = &*REPORT_VERB_SET;
    tokens.iter().any(|t| {
        let w = t.norm.as_str();
        // Reporting verbs are 3 to 6 letters, with at most one conjunction before them.
        if w.len() < 6 || w.len() > 16 {
            return false;
        }
        let bare = w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).filter(|b| b.len() >= 6).unwrap_or(w);
        set.contains(bare) || set.contains(w)
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
        let (vi, verb) = v.tokens.iter().enumerate().find_map(|(i, t)| {
            let w = t.norm.as_str();
            let bare = if w.chars().count() > 3 {
                w.strip_prefix('و').or_else(|| w.strip_prefix('ف')).unwrap_or(w)
            } else {
                w
            };
            REPORT_VERB_SET.contains(bare).then_some((i, bare))
        })?;
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
