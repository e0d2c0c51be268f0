//! Event patterns: parsing `data/events/patterns.txt` and the trigger automaton over normalised tokens.

use crate::words::KeyFilter;
use hadath_text::phrases::PhraseSet;
use hadath_text::{normalize_for_match, Token};
use std::sync::LazyLock;

/// The pattern file, compiled into the binary.
pub const PATTERN_SOURCE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/patterns.txt"));

/// How the roles of a trigger are read from its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Active verb: the subject is the source, the object the target.
    Verb,
    /// Passive verb: the subject is the target.
    Passive,
    /// Undiacritised killing verb: active when two actors follow, else passive.
    Kill,
    /// Verbal or plain noun.
    Noun,
    /// Host verb: the subject hosts; a mediator when the guests are two others.
    Host,
    /// Object of another trigger; an event of its own only when nothing governs it.
    Complement,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "verb" => Frame::Verb,
            "passive" => Frame::Passive,
            "kill" => Frame::Kill,
            "noun" => Frame::Noun,
            "host" => Frame::Host,
            "complement" => Frame::Complement,
            _ => return None,
        })
    }
    /// Whether noun proclitics (ب ك ال) are allowed before the trigger.
    fn nominal(self) -> bool {
        matches!(self, Frame::Noun | Frame::Complement)
    }
}

/// One event pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub event_type: String,
    pub mode: Option<String>,
    pub cameo: String,
    pub intensity: f64,
    pub frame: Frame,
    /// Trigger forms, matching-normalised, words separated by one space, with whether each
    /// is nominal (takes ب ك ال before it) or verbal.
    pub forms: Vec<(String, bool)>,
    pub positives: Vec<String>,
    pub negatives: Vec<String>,
    /// Whether even verbal triggers need support from the sentence (`needs = support`).
    pub needs_support: bool,
    /// Words that, right after the trigger, show it is not one (`unless_next`).
    pub unless_next: Vec<String>,
}

/// A problem in the pattern file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("patterns.txt line {line}: {message}")]
pub struct PatternError {
    pub line: usize,
    pub message: String,
}

/// Parses the pattern file format; bad blocks are reported and left out.
pub fn parse_patterns(src: &str) -> (Vec<Pattern>, Vec<PatternError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut cur: Option<(usize, Pattern)> = None;
    let finish = |cur: Option<(usize, Pattern)>, out: &mut Vec<Pattern>, errors: &mut Vec<PatternError>| {
        if let Some((line, p)) = cur {
            let missing = if p.event_type.is_empty() {
                Some("type")
            } else if p.cameo.is_empty() {
                Some("cameo")
            } else if p.forms.is_empty() {
                Some("forms")
            } else {
                None
            };
            match missing {
                Some(m) => errors.push(PatternError { line, message: format!("pattern {} has no {m}", p.id) }),
                None => out.push(p),
            }
        }
    };
    for (i, raw) in src.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            finish(cur.take(), &mut out, &mut errors);
            cur = Some((
                i + 1,
                Pattern {
                    id: id.trim().to_string(),
                    event_type: String::new(),
                    mode: None,
                    cameo: String::new(),
                    intensity: 0.0,
                    frame: Frame::Verb,
                    forms: Vec::new(),
                    positives: Vec::new(),
                    negatives: Vec::new(),
                    needs_support: false,
                    unless_next: Vec::new(),
                },
            ));
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            errors.push(PatternError { line: i + 1, message: "expected `key = value`".into() });
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        let Some((_, p)) = cur.as_mut() else {
            errors.push(PatternError { line: i + 1, message: "value outside a pattern block".into() });
            continue;
        };
        match key {
            "type" => p.event_type = value.to_string(),
            "mode" => p.mode = (!value.is_empty()).then(|| value.to_string()),
            "cameo" => p.cameo = value.to_string(),
            "intensity" => match value.parse() {
                Ok(v) => p.intensity = v,
                Err(_) => errors.push(PatternError { line: i + 1, message: format!("bad intensity {value}") }),
            },
            "frame" => match Frame::parse(value) {
                Some(f) => p.frame = f,
                None => errors.push(PatternError { line: i + 1, message: format!("unknown frame {value}") }),
            },
            "forms" | "nouns" => {
                let nominal = key == "nouns" || p.frame.nominal();
                for f in value.split(['،', ',']) {
                    let norm = normalize_for_match(f).split_whitespace().collect::<Vec<_>>().join(" ");
                    if !norm.is_empty() && !p.forms.iter().any(|(g, n)| *g == norm && *n == nominal) {
                        p.forms.push((norm, nominal));
                    }
                }
            }
            "needs" => p.needs_support = value == "support",
            "unless_next" => {
                p.unless_next.extend(value.split(['،', ',']).map(normalize_for_match).map(|w| w.trim().to_string()))
            }
            "pos" => p.positives.push(value.to_string()),
            "neg" => p.negatives.push(value.to_string()),
            _ => errors.push(PatternError { line: i + 1, message: format!("unknown key {key}") }),
        }
    }
    finish(cur.take(), &mut out, &mut errors);
    (out, errors)
}

/// Compiled patterns with one automaton over all trigger forms.
pub struct PatternSet {
    pub patterns: Vec<Pattern>,
    pub errors: Vec<PatternError>,
    automaton: PhraseSet,
    /// The tokens a kept trigger can start in (see [`TriggerStarts`]).
    starts: TriggerStarts,
    /// For each automaton pattern: (pattern index, whether the form is nominal, the words
    /// that must follow within a few tokens for a gapped form such as "اطلق * النار").
    form_owner: Vec<(usize, bool, Vec<String>)>,
}

static PATTERNS: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::build(PATTERN_SOURCE));

/// A trigger found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerMatch {
    /// Index into `PatternSet::patterns`.
    pub pattern: usize,
    /// First and one-past-last token index of the trigger.
    pub first: usize,
    pub last: usize,
    /// Byte length of the proclitic stripped from the first token (in normalised form).
    pub prefix_len: usize,
    /// Whether the form that matched is a noun (it then needs support to be an event).
    pub nominal: bool,
}

const VERB_PROCLITICS: &[&str] = &["", "و", "ف", "ل", "س", "وس", "فس", "ول", "فل", "وقد", "لقد"];
const NOUN_PROCLITICS: &[&str] =
    &["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وب", "فب", "ول", "فل", "وك"];
const ENCLITICS: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي", "ك"];
/// Whole tokens that a verb form with clitics would match but that are nouns in news:
/// "وزارة" (ministry) is not "و + زار + ه", and "أيدي" (hands) is not "أيّد + ي".
const NOUN_HOMOGRAPHS: &[&str] = &["وزاره", "ايدي"];

/// Which token forms a trigger that [`PatternSet::find`] keeps can start in.
///
/// `find` keeps a match only when the text before it in its first token is an allowed
/// proclitic and the text after it in its last token an enclitic. So the first token of a
/// kept match is a proclitic, the form and an enclitic, or a proclitic and the form up to one
/// of its spaces (where the token ends). Each such token is put in a [`KeyFilter`]; a token
/// that the filter surely does not hold starts no kept match.
struct TriggerStarts {
    filter: KeyFilter,
}

impl TriggerStarts {
    fn new(heads: &[(String, bool)]) -> TriggerStarts {
        let mut filter = KeyFilter::new();
        let mut token = String::new();
        for (head, nominal) in heads {
            let allowed = if *nominal { NOUN_PROCLITICS } else { VERB_PROCLITICS };
            let ends = head.match_indices(' ').map(|(k, _)| (k, &[""][..])).chain([(head.len(), ENCLITICS)]);
            for (end, enclitics) in ends {
                for p in allowed {
                    token.clear();
                    token.push_str(p);
                    token.push_str(head.get(..end).unwrap_or(head));
                    // The key reads eight bytes: past them, enclitics change nothing.
                    let enclitics = if token.len() >= 8 { &[""][..] } else { enclitics };
                    let stem = token.len();
                    for e in enclitics {
                        token.truncate(stem);
                        token.push_str(e);
                        filter.insert(token.as_bytes());
                    }
                }
            }
        }
        TriggerStarts { filter }
    }

    /// Whether a kept trigger may start in a token of this form (no means surely not).
    #[inline]
    fn may_start(&self, form: &[u8]) -> bool {
        self.filter.may_hold(form)
    }
}

/// Runs `automaton` through the forms of `tokens` as if they were joined with single spaces:
/// pushes `(form, start, end)` of every form found, by end, onto `hits` (offsets in that
/// joined text). A token that no kept trigger starts in is not fed
/// when the automaton is at its start state there: no match in progress runs through it, and
/// matches starting in it would be dropped, so the search goes on from the start state after
/// it. One function for the whole sentence, so that the loop keeps its state in registers.
#[inline(never)]
fn find_in_tokens(
    automaton: &PhraseSet,
    trigger_starts: &TriggerStarts,
    tokens: &[Token],
    hits: &mut Vec<(usize, usize, usize)>,
) {
    let mut found = |row: usize, end: usize| {
        record(automaton, row, end, hits);
        true
    };
    let (mut row, mut pos) = (PhraseSet::START, 0usize);
    for t in tokens {
        if pos > 0 {
            row = automaton.feed(b" ", row, pos, &mut found).unwrap_or(PhraseSet::START);
            pos += 1;
        }
        let bytes = t.norm.as_bytes();
        if row != PhraseSet::START || trigger_starts.may_start(bytes) {
            row = automaton.feed(bytes, row, pos, &mut found).unwrap_or(PhraseSet::START);
        }
        pos += bytes.len();
    }
}

#[cold]
fn record(automaton: &PhraseSet, row: usize, end: usize, hits: &mut Vec<(usize, usize, usize)>) {
    hits.extend(automaton.ends_at(row).map(|(form, len)| (form, end - len, end)));
}

impl PatternSet {
    /// The built-in patterns, parsed and compiled once.
    pub fn get() -> &'static PatternSet {
        &PATTERNS
    }

    /// Parses and compiles a pattern source.
    pub fn build(src: &str) -> PatternSet {
        let (patterns, errors) = parse_patterns(src);
        let mut forms = Vec::new();
        let mut form_owner = Vec::new();
        for (pi, p) in patterns.iter().enumerate() {
            for (f, nominal) in &p.forms {
                let (head, tail) = match f.split_once(" * ") {
                    Some((h, t)) => (h.to_string(), t.split(' ').map(str::to_string).collect()),
                    None => (f.clone(), Vec::new()),
                };
                forms.push(head);
                form_owner.push((pi, *nominal, tail));
            }
        }
        // One dense byte automaton over every head form, searched for overlapping hits.
        let automaton = PhraseSet::new(&forms);
        let mut heads: Vec<(String, bool)> = forms.into_iter().zip(form_owner.iter().map(|o| o.1)).collect();
        heads.sort_unstable();
        heads.dedup();
        let starts = TriggerStarts::new(&heads);
        PatternSet { patterns, errors, automaton, starts, form_owner }
    }

    /// Triggers in a token sequence, best reading first at each position, overlaps removed.
    ///
    /// The tokens' normalised forms are joined with single spaces and searched once; a hit
    /// counts when it ends at a token end (or before an allowed enclitic) and starts at a
    /// token start (or after an allowed proclitic).
    pub fn find(&self, tokens: &[Token]) -> Vec<TriggerMatch> {
        // The automaton runs through the token forms and a space between each two, as if
        // they were joined; `starts` holds each token's offset in that joined text.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        find_in_tokens(&self.automaton, &self.starts, tokens, &mut hits);
        if hits.is_empty() {
            return Vec::new();
        }
        // Counted only for a sentence with a hit.
        let mut starts = Vec::with_capacity(tokens.len());
        let mut pos = 0;
        for t in tokens {
            // As in the search: no space before the first non-empty form.
            if pos > 0 {
                pos += 1;
            }
            starts.push(pos);
            pos += t.norm.len();
        }
        let token_at = |byte: usize| -> usize { starts.partition_point(|&s| s <= byte).saturating_sub(1) };
        let norm_of = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
        let start_of = |k: usize| starts.get(k).copied().unwrap_or(0);
        let mut cands: Vec<(TriggerMatch, usize)> = Vec::new();
        for (form, m_start, m_end) in hits {
            let (pi, nominal, tail) = &self.form_owner[form];
            let (pi, nominal) = (*pi, *nominal);
            let first = token_at(m_start);
            let last_tok = token_at(m_end.saturating_sub(1));
            let prefix = norm_of(first).get(..m_start - start_of(first)).unwrap_or_default();
            let allowed = if nominal { NOUN_PROCLITICS } else { VERB_PROCLITICS };
            if !allowed.contains(&prefix) {
                continue;
            }
            let last_norm = norm_of(last_tok);
            let suffix = last_norm.get((m_end - start_of(last_tok)).min(last_norm.len())..).unwrap_or_default();
            if !ENCLITICS.contains(&suffix) {
                continue;
            }
            if !nominal && first == last_tok && NOUN_HOMOGRAPHS.contains(&last_norm) {
                continue;
            }
            if let Some(next) = tokens.get(last_tok + 1) {
                let n = next.norm.strip_prefix('و').unwrap_or(&next.norm);
                if self.patterns[pi].unless_next.iter().any(|w| w == n || *w == next.norm) {
                    continue;
                }
            }
            let mut covered = m_end - m_start;
            let mut last = last_tok + 1;
            if !tail.is_empty() {
                // The tail words must follow within three tokens: "أطلق جنود النار".
                let found = (last..(last + 4).min(tokens.len())).find(|&k| {
                    tail.iter().enumerate().all(|(j, w)| {
                        tokens.get(k + j).is_some_and(|t| {
                            let n = t.norm.as_str();
                            n == w || n.strip_prefix('و') == Some(w.as_str()) || n.strip_prefix('ب') == Some(w.as_str())
                        })
                    })
                });
                match found {
                    Some(k) => {
                        last = k + tail.len();
                        covered += tail.iter().map(|w| w.len()).sum::<usize>();
                    }
                    None => continue,
                }
            }
            cands.push((TriggerMatch { pattern: pi, first, last, prefix_len: prefix.len(), nominal }, covered));
        }
        if cands.is_empty() {
            return Vec::new();
        }
        // The longest cover wins; then the least stripped prefix; then the earlier pattern.
        cands.sort_by(|a, b| {
            a.0.first
                .cmp(&b.0.first)
                .then(b.1.cmp(&a.1))
                .then(a.0.prefix_len.cmp(&b.0.prefix_len))
                .then(a.0.pattern.cmp(&b.0.pattern))
        });
        let mut out: Vec<TriggerMatch> = Vec::new();
        let mut taken = vec![false; tokens.len()];
        // Longer triggers first, so a multiword trigger keeps its tokens.
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by(|&a, &b| cands[b].1.cmp(&cands[a].1).then(a.cmp(&b)));
        for k in order {
            let (m, _) = cands[k];
            if (m.first..m.last).any(|i| taken[i]) {
                continue;
            }
            (m.first..m.last).for_each(|i| taken[i] = true);
            out.push(m);
        }
        out.sort_by_key(|m| m.first);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns with a filter that lets every token through, as if there were none.
    fn unfiltered() -> PatternSet {
        let mut set = PatternSet::build(PATTERN_SOURCE);
        set.starts.filter = KeyFilter::all();
        set
    }

    #[test]
    fn start_filter_keeps_every_trigger() {
        let (filtered, all) = (PatternSet::get(), unfiltered());
        let mut sentences: Vec<String> =
            filtered.patterns.iter().flat_map(|p| p.positives.iter().chain(&p.negatives).cloned()).collect();
        // Clitics on both sides, forms at a sentence's end, two-word forms and forms run
        // together with the words around them.
        sentences.extend([
            "وقالوا إنهم سيهاجمونها غدا".to_string(),
            "أطلق جنود الاحتلال النار على المتظاهرين فقتلوهم".to_string(),
            "بالاعتقال وللاعتقال والاعتقالات اعتقلوه".to_string(),
            "زار الوزير القاهرة والتقى نظيره".to_string(),
            "التقىالرئيس".to_string(),
            "قال".to_string(),
            "".to_string(),
        ]);
        let mut triggers = 0;
        for s in &sentences {
            let tokens = hadath_text::tokenize(s);
            let want = all.find(&tokens);
            triggers += want.len();
            assert_eq!(filtered.find(&tokens), want, "{s}");
        }
        assert!(triggers > sentences.len() / 2, "{triggers} triggers in {} sentences", sentences.len());
    }

    #[test]
    fn trigger_starts_hold_forms_with_clitics() {
        let starts = TriggerStarts::new(&[("استقبل".to_string(), false), ("اعتقال".to_string(), true)]);
        for w in ["استقبل", "واستقبل", "استقبلهم", "بالاعتقال", "اعتقاله"] {
            assert!(starts.may_start(w.as_bytes()), "{w}");
        }
    }
}
