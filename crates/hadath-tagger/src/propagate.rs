//! Document consistency: a name tagged in one sentence tags its untagged repeats nearby.

use crate::labels::{is_inside, N_LABELS};
use hadath_text::normalize_for_match;
use std::collections::HashMap;

/// How many sentences on each side a tagged name reaches.
pub const WINDOW: usize = 15;

/// Fewest letters a one-word name needs to be copied (after its proclitic is removed).
const MIN_SINGLE_LETTERS: usize = 4;

/// Fewest letters left after removing a proclitic.
const MIN_STEM_LETTERS: usize = 3;

/// Proclitics removed from the first word of a name, longest first.
const PROCLITICS: [&str; 6] = ["وب", "ول", "و", "ب", "ل", "ف"];

/// Entity types of a name and how often each was tagged (PER, LOC, ORG, MISC).
type TypeCounts = [u32; 4];

/// The first word of a name as matched: normalised, then a leading letter group that may be a
/// proclitic removed when enough letters remain. Both sides are keyed alike, so "وبغداد" and
/// "بغداد" match (both give "غداد").
fn head_key(norm: &str) -> &str {
    for p in PROCLITICS {
        if let Some(rest) = norm.strip_prefix(p) {
            if rest.chars().count() >= MIN_STEM_LETTERS {
                return rest;
            }
        }
    }
    norm
}

/// Match keys of a sentence's tokens: the first word form and the inner word form.
struct Keys {
    head: Vec<String>,
    inner: Vec<String>,
}

fn keys_of(tokens: &[&str]) -> Keys {
    let inner: Vec<String> = tokens.iter().map(|t| normalize_for_match(t)).collect();
    let head = inner.iter().map(|n| head_key(n).to_string()).collect();
    Keys { head, inner }
}

/// Spans `(start, end, type)` of the entities in BIO label indexes; type 0 is PER.
fn entity_spans(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let l = (l as usize).min(N_LABELS - 1);
        let inside = is_inside(l);
        let kind = l.saturating_sub(1) / 2;
        if let Some((start, k)) = open {
            if inside && k == kind {
                continue;
            }
            out.push((start, i, k));
            open = None;
        }
        if l > 0 {
            open = Some((i, kind));
        }
    }
    if let Some((start, k)) = open {
        out.push((start, labels.len(), k));
    }
    out
}

/// The name key of a span: its first word's head form, then the inner forms of the rest.
fn span_key(keys: &Keys, start: usize, end: usize) -> Option<Vec<String>> {
    let mut key = vec![keys.head.get(start)?.clone()];
    key.extend(keys.inner.get(start + 1..end)?.iter().cloned());
    Some(key)
}

/// Tags untagged repeats of names tagged within [`WINDOW`] sentences, with the type the name
/// got most often there; longer names are copied first, and a repeat is only tagged where
/// all its tokens are `O`. One-word names need `MIN_SINGLE_LETTERS` letters.
///
/// `labels[s][i]` is the label index of token `i` of sentence `s`; sentences are in text order.
pub fn propagate(sentences: &[Vec<&str>], labels: &mut [Vec<u8>]) {
    let keys: Vec<Keys> = sentences.iter().map(|s| keys_of(s)).collect();
    let names: Vec<Vec<(Vec<String>, usize)>> = keys
        .iter()
        .zip(labels.iter())
        .map(|(k, l)| {
            entity_spans(l)
                .into_iter()
                .filter_map(|(start, end, kind)| span_key(k, start, end).map(|key| (key, kind)))
                .collect()
        })
        .collect();
    for (s, sentence_keys) in keys.iter().enumerate() {
        let from = s.saturating_sub(WINDOW);
        let to = (s + WINDOW + 1).min(names.len());
        let mut counts: HashMap<&[String], TypeCounts> = HashMap::new();
        for sentence_names in names.get(from..to).unwrap_or(&[]) {
            for (key, kind) in sentence_names {
                if let Some(slot) = counts.entry(key.as_slice()).or_default().get_mut(*kind) {
                    *slot += 1;
                }
            }
        }
        let mut candidates: Vec<(&[String], usize)> = counts
            .into_iter()
            .filter(|(key, _)| key.len() > 1 || key.first().is_some_and(|w| w.chars().count() >= MIN_SINGLE_LETTERS))
            .map(|(key, c)| {
                // The most frequent type; ties go to the earlier type.
                let kind = (0..4).fold(0, |best, k| if c[k] > c[best] { k } else { best });
                (key, kind)
            })
            .collect();
        candidates.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let Some(sentence_labels) = labels.get_mut(s) else {
            continue;
        };
        let n = sentence_labels.len().min(sentence_keys.head.len());
        // Where each first-word form occurs, so long sentences are not scanned once per name.
        let mut starts: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, h) in sentence_keys.head.iter().take(n).enumerate() {
            starts.entry(h.as_str()).or_default().push(i);
        }
        for (key, kind) in candidates {
            let len = key.len();
            let Some(positions) = key.first().and_then(|first| starts.get(first.as_str())) else {
                continue;
            };
            let rest = key.get(1..).unwrap_or(&[]);
            let mut next_free = 0;
            for &i in positions {
                if i < next_free {
                    continue;
                }
                if i + len > n {
                    break;
                }
                let free = sentence_labels.get(i..i + len).is_some_and(|ls| ls.iter().all(|l| *l == 0));
                let next_inside = sentence_labels.get(i + len).is_some_and(|l| is_inside(*l as usize));
                let same = sentence_keys.inner.get(i + 1..i + len).is_some_and(|ws| ws == rest);
                if free && !next_inside && same {
                    for (j, l) in sentence_labels.iter_mut().skip(i).take(len).enumerate() {
                        *l = (1 + 2 * kind + usize::from(j > 0)) as u8;
                    }
                    next_free = i + len;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_get_the_type_of_the_tagged_name() {
        let sentences: Vec<Vec<&str>> = vec![
            "التقى المدرب كارلوس بيريرا بلاعبي الفريق".split(' ').collect(),
            "وقال بيريرا إن التدريب سيبدأ غدا".split(' ').collect(),
            "وأكد كارلوس بيريرا أن الفريق جاهز".split(' ').collect(),
        ];
        // B-PER I-PER on the first name only.
        let mut labels = vec![vec![0, 0, 1, 2, 0, 0], vec![0; 6], vec![0; 6]];
        propagate(&sentences, &mut labels);
        assert_eq!(labels[1], vec![0, 0, 0, 0, 0, 0], "a one-word part is not a tagged name");
        assert_eq!(labels[2], vec![0, 1, 2, 0, 0, 0]);
    }

    #[test]
    fn proclitics_are_removed_from_the_first_word() {
        let sentences: Vec<Vec<&str>> =
            vec!["وصل الوفد إلى بغداد أمس".split(' ').collect(), "وغادر وبغداد تستعد للانتخابات".split(' ').collect()];
        let mut labels = vec![vec![0, 0, 0, 3, 0], vec![0, 0, 0, 0]];
        propagate(&sentences, &mut labels);
        assert_eq!(labels[1], vec![0, 3, 0, 0]);
    }

    #[test]
    fn short_words_and_far_sentences_are_left_alone() {
        let mut sentences: Vec<Vec<&str>> = vec!["زار عمر المدينة".split(' ').collect()];
        sentences.extend(std::iter::repeat_n(vec!["ثم"], WINDOW));
        sentences.push("وقال عمر إن".split(' ').collect());
        sentences.push("وتحدث المدينة".split(' ').collect());
        let mut labels: Vec<Vec<u8>> = sentences.iter().map(|s| vec![0; s.len()]).collect();
        labels[0] = vec![0, 1, 3];
        let before = labels.clone();
        propagate(&sentences, &mut labels);
        assert_eq!(labels, before);
    }

    #[test]
    fn a_name_repeated_in_one_long_sentence_is_tagged_everywhere() {
        let words: Vec<&str> =
            "قال وزير المالية إن الحكومة ستدعم المزارعين وأضاف أن حكومة الأردن ستعلن".split(' ').collect();
        let mut sentence = vec!["زار", "الوفد", "عمّان"];
        for _ in 0..200 {
            sentence.extend(&words);
            sentence.push("وعمان");
        }
        let mut labels = vec![vec![0u8; sentence.len()]];
        labels[0][2] = 3;
        propagate(&[sentence.clone()], &mut labels);
        let tagged = labels[0].iter().filter(|l| **l == 3).count();
        assert_eq!(tagged, 201);
        assert!(labels[0].iter().all(|l| *l == 0 || *l == 3));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let sentences: Vec<Vec<&str>> = vec![vec![], vec!["و", ""], vec!["بغداد"]];
        let mut labels = vec![vec![3], vec![9, 2], vec![]];
        propagate(&sentences, &mut labels);
        let mut none: Vec<Vec<u8>> = Vec::new();
        propagate(&[], &mut none);
    }
}
