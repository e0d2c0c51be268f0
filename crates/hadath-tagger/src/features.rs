//! Feature extraction: hashed string features of each token in its sentence context.

use crate::gazetteer::{Gazetteer, KINDS, MAX_PHRASE};
use hadath_text::normalize_for_match;
use hadath_text::tokenize::clitic_analyses;
use std::collections::HashMap;

/// 64-bit FNV-1a hashing, stable across platforms and runs.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// Starts a hash for feature template `template`.
    pub fn new(template: u8) -> Self {
        Fnv(0xcbf2_9ce4_8422_2325).byte(template)
    }
    /// Mixes one byte in.
    pub fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }
    /// Mixes a string in, followed by a separator.
    pub fn str(self, s: &str) -> Self {
        let mut h = self;
        for b in s.bytes() {
            h = h.byte(b);
        }
        h.byte(0x1f)
    }
    /// Mixes a small number in.
    pub fn num(self, n: u32) -> Self {
        let mut h = self;
        for b in n.to_le_bytes() {
            h = h.byte(b);
        }
        h
    }
    /// The hash value.
    pub fn get(self) -> u64 {
        self.0
    }
}

/// Hash of a normalised word, the key of [`WordClasses`].
pub fn word_key(norm: &str) -> u64 {
    class_key(255, norm)
}

/// Key of a string in [`WordClasses`] under hash template `template`: 255 for the word
/// classes, [`STEM_CLASSES`] for the classes of clitic-stripped stems.
pub fn class_key(template: u8, s: &str) -> u64 {
    Fnv::new(template).str(s).get()
}

/// Template of the keys of the stem classes in [`WordClasses`].
pub const STEM_CLASSES: u8 = 254;

/// The first clitic-stripped stem of a normalised word without an enclitic (the word itself
/// when no proclitic comes off).
pub fn first_stem(norm: &str) -> String {
    clitic_analyses(norm)
        .iter()
        .skip(1)
        .find(|a| a.suffix.is_empty())
        .map(|a| a.stem.to_string())
        .unwrap_or_else(|| norm.to_string())
}

/// Distributional classes of a word learned from unannotated text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Cluster ids at several granularities, coarse to fine.
    pub clusters: [u16; 3],
    /// Corpus frequency bucket (about log2 of the count).
    pub freq: u8,
    /// How a tagger labelled the word across the unannotated corpus: entity type (1 PER,
    /// 2 LOC, 3 ORG, 4 MISC) in the high nibble, share of entity readings in tenths in the
    /// low nibble; 0 when unknown.
    pub auto: u8,
}

/// Word-class lookup keyed by [`word_key`] of the normalised word.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    pub map: HashMap<u64, WordClass>,
}

impl WordClasses {
    /// Class of a normalised word, if the corpus knew it.
    pub fn get(&self, norm: &str) -> Option<WordClass> {
        self.map.get(&word_key(norm)).copied()
    }
}

/// What the feature templates need to know about one token.
struct TokenInfo {
    norm: String,
    /// Stems after removing proclitics, most to least likely, without the whole word.
    stems: Vec<String>,
    /// Proclitic of the first stem, or empty.
    proclitic: String,
    shape: String,
    class: Option<WordClass>,
    /// Class of the word, or else of its first stem the corpus knew.
    stem_class: Option<WordClass>,
    /// Class of the word's clitic-stripped stem among the stems of the corpus
    /// ([`STEM_CLASSES`]), when the class file has them.
    stem_cluster: Option<WordClass>,
}

fn shape_of(word: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in word.chars() {
        let k = if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            if c.is_alphabetic() {
                'a'
            } else if c.is_numeric() {
                'd'
            } else {
                'p'
            }
        } else if c.is_ascii_digit() || c.is_numeric() {
            'd'
        } else if c.is_ascii_uppercase() {
            'L'
        } else if c.is_alphabetic() {
            'l'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() > 6 {
            break;
        }
    }
    out
}

fn info(word: &str, classes: &WordClasses) -> TokenInfo {
    let norm = normalize_for_match(word);
    let mut stems = Vec::new();
    let mut proclitic = String::new();
    for a in clitic_analyses(&norm).iter().skip(1) {
        if !a.suffix.is_empty() {
            continue;
        }
        if stems.is_empty() {
            proclitic = a.prefix.to_string();
        }
        // "لل" stands for "ل" + "ال": also try the stem with its article back.
        let with_article = a.prefix.ends_with("لل").then(|| format!("ال{}", a.stem));
        for stem in with_article.into_iter().chain(std::iter::once(a.stem.to_string())) {
            if stems.len() < 5 && !stems.contains(&stem) {
                stems.push(stem);
            }
        }
    }
    let class = classes.get(&norm);
    let stem_class = class.or_else(|| stems.iter().find_map(|s| classes.get(s)));
    let stem_cluster = classes.map.get(&class_key(STEM_CLASSES, &first_stem(&norm))).copied();
    TokenInfo { shape: shape_of(word), norm, stems, proclitic, class, stem_class, stem_cluster }
}

fn char_prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    let end = it.nth(n).map(|(i, _)| i).unwrap_or(s.len());
    (s.chars().count() > n).then(|| &s[..end])
}

fn char_suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i).unwrap_or(0);
    Some(&s[start..])
}

/// Trigger words whose presence just before a token hints at a following name.
const TRIGGERS: &[&str] = &[
    "قال",
    "الرئيس",
    "رئيس",
    "وزير",
    "مدينه",
    "شركه",
    "جامعه",
    "السيد",
    "الشيخ",
    "الملك",
    "الامير",
    "العاصمه",
    "منظمه",
    "حركه",
    "حزب",
    "وكاله",
    "مجلس",
    "بلده",
    "ولايه",
    "اقليم",
    "محافظه",
    "نهر",
    "الدكتور",
    "المستشار",
    "الجنرال",
    "الزعيم",
    "نائب",
    "زعيم",
    "صحيفه",
    "رئيسه",
    "عاصمه",
];

/// Features of every token of a sentence, one list of hashes per token.
pub fn sentence_features(tokens: &[&str], classes: &WordClasses, gazetteer: &Gazetteer) -> Vec<Vec<u64>> {
    let infos: Vec<TokenInfo> = tokens.iter().map(|w| info(w, classes)).collect();
    let n = infos.len();
    let (mut gz, cover) = gazetteer_matches(&infos, gazetteer);
    let norm_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            infos[i as usize].norm.as_str()
        }
    };
    let first_stem = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            return "<b>";
        }
        let t = &infos[i as usize];
        t.stems.first().map(|s| s.as_str()).unwrap_or(t.norm.as_str())
    };
    let mut out = Vec::with_capacity(n);
    for (i, t) in infos.iter().enumerate() {
        let ii = i as isize;
        let mut f = Vec::with_capacity(72);
        f.push(Fnv::new(0).get());
        f.push(Fnv::new(1).str(tokens[i]).get());
        f.push(Fnv::new(2).str(&t.norm).get());
        f.push(Fnv::new(3).str(norm_at(ii - 1)).get());
        f.push(Fnv::new(4).str(norm_at(ii + 1)).get());
        f.push(Fnv::new(5).str(norm_at(ii - 2)).get());
        f.push(Fnv::new(6).str(norm_at(ii + 2)).get());
        f.push(Fnv::new(7).str(norm_at(ii - 1)).str(&t.norm).get());
        f.push(Fnv::new(8).str(&t.norm).str(norm_at(ii + 1)).get());
        f.push(Fnv::new(9).str(norm_at(ii - 2)).str(norm_at(ii - 1)).get());
        f.push(Fnv::new(10).str(norm_at(ii + 1)).str(norm_at(ii + 2)).get());
        for k in 1..=4 {
            if let Some(p) = char_prefix(&t.norm, k) {
                f.push(Fnv::new(11).num(k as u32).str(p).get());
            }
            if let Some(s) = char_suffix(&t.norm, k) {
                f.push(Fnv::new(12).num(k as u32).str(s).get());
            }
        }
        for s in &t.stems {
            f.push(Fnv::new(13).str(s).get());
        }
        f.push(Fnv::new(14).str(&t.proclitic).get());
        if let Some(s) = t.stems.first() {
            for k in 2..=3 {
                if let Some(x) = char_suffix(s, k) {
                    f.push(Fnv::new(15).num(k as u32).str(x).get());
                }
            }
        }
        f.push(Fnv::new(16).str(&t.shape).get());
        let len = t.norm.chars().count().min(10) as u32;
        f.push(Fnv::new(17).num(len).get());
        f.push(Fnv::new(18).str(first_stem(ii - 1)).get());
        f.push(Fnv::new(19).str(first_stem(ii + 1)).get());
        f.push(Fnv::new(20).str(first_stem(ii - 1)).str(first_stem(ii)).get());
        if i == 0 {
            f.push(Fnv::new(21).get());
        }
        if i + 1 == n {
            f.push(Fnv::new(22).get());
        }
        if t.norm.starts_with("ال") || t.norm.starts_with("وال") || t.norm.starts_with("بال") {
            f.push(Fnv::new(23).get());
        }
        for (d, tag) in [(-1isize, 0u8), (-2, 1), (1, 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n && TRIGGERS.contains(&first_stem(j)) {
                f.push(Fnv::new(24).byte(tag).str(first_stem(j)).get());
            }
            if j >= 0 && (j as usize) < n && TRIGGERS.contains(&norm_at(j)) {
                f.push(Fnv::new(25).byte(tag).str(norm_at(j)).get());
            }
        }
        // Distributional classes of this word and its neighbours.
        for (d, tag) in [(0isize, 0u8), (-1, 1), (1, 2), (-2, 3), (2, 4)] {
            let j = ii + d;
            let class = if j >= 0 && (j as usize) < n { infos[j as usize].stem_class } else { None };
            match class {
                Some(c) => {
                    for (g, id) in c.clusters.iter().enumerate() {
                        if d.abs() == 2 && g == 2 {
                            continue;
                        }
                        f.push(Fnv::new(26).byte(tag).byte(g as u8).num(*id as u32).get());
                    }
                }
                None => f.push(Fnv::new(27).byte(tag).get()),
            }
        }
        // Classes of the clitic-stripped stems of this word and its neighbours.
        for (d, tag) in [(0isize, 0u8), (-1, 1), (1, 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                if let Some(c) = infos[j as usize].stem_cluster {
                    for (g, id) in c.clusters.iter().enumerate() {
                        f.push(Fnv::new(34).byte(tag).byte(g as u8).num(*id as u32).get());
                    }
                }
            }
        }
        if let (Some(a), Some(b)) =
            (ii.checked_sub(1).and_then(|j| infos.get(j as usize)).and_then(|x| x.stem_class), t.stem_class)
        {
            f.push(Fnv::new(28).num(a.clusters[1] as u32).num(b.clusters[1] as u32).get());
        }
        let freq = t.class.map(|c| c.freq).unwrap_or(0);
        f.push(Fnv::new(29).byte(freq).get());
        let sfreq = t.stem_class.map(|c| c.freq).unwrap_or(0);
        f.push(Fnv::new(30).byte(sfreq).str(&t.shape).get());
        for (d, side) in [(0isize, 0u8), (-1, 1), (1, 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                if let Some(c) = infos[j as usize].stem_class.filter(|c| c.auto != 0) {
                    f.push(Fnv::new(37).byte(side).byte(c.auto).get());
                    f.push(Fnv::new(38).byte(side).byte(c.auto >> 4).get());
                }
            }
        }
        f.append(&mut gz[i]);
        for (d, side) in [(-1isize, 0u8), (1, 1), (-2, 2)] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                for b in bits(cover[j as usize]) {
                    f.push(Fnv::new(32).byte(side).byte(b).get());
                }
            }
        }
        out.push(f);
    }
    out
}

fn bits(mask: u16) -> impl Iterator<Item = u8> {
    (0..KINDS).filter(move |b| mask >> b & 1 == 1)
}

/// Gazetteer features of each token and the mask of kinds covering it.
fn gazetteer_matches(infos: &[TokenInfo], gazetteer: &Gazetteer) -> (Vec<Vec<u64>>, Vec<u16>) {
    let n = infos.len();
    let mut feats = vec![Vec::new(); n];
    let mut cover = vec![0u16; n];
    if gazetteer.map.is_empty() {
        return (feats, cover);
    }
    let mut phrase: Vec<&str> = Vec::with_capacity(MAX_PHRASE);
    for s in 0..n {
        let t = &infos[s];
        let firsts = std::iter::once(t.norm.as_str()).chain(t.stems.iter().map(String::as_str));
        for (variant, first) in firsts.enumerate() {
            for len in 1..=MAX_PHRASE.min(n - s) {
                phrase.clear();
                phrase.push(first);
                phrase.extend(infos[s + 1..s + len].iter().map(|x| x.norm.as_str()));
                let kinds = gazetteer.kinds(&phrase);
                if kinds == 0 {
                    continue;
                }
                let stripped = u8::from(variant > 0);
                for b in bits(kinds) {
                    for (j, fj) in feats.iter_mut().enumerate().skip(s).take(len) {
                        let pos = u8::from(j > s) + 2 * u8::from(j + 1 == s + len);
                        fj.push(Fnv::new(31).byte(b).byte(pos).byte(len.min(3) as u8).get());
                        fj.push(Fnv::new(33).byte(b).byte(stripped).get());
                    }
                }
                for c in cover.iter_mut().skip(s).take(len) {
                    *c |= kinds;
                }
            }
        }
    }
    (feats, cover)
}

/// How many sentences on each side the document memory looks at.
pub const MEMORY_WINDOW: usize = 15;

/// Keys under which a token is remembered: its normalised form and its first stem.
fn memory_keys(token: &str) -> [u64; 2] {
    let norm = normalize_for_match(token);
    let stem = first_stem(&norm);
    [Fnv::new(40).str(&norm).get(), Fnv::new(41).str(&stem).get()]
}

/// Document-memory features: how the same word was labelled by a first pass in nearby
/// sentences (within [`MEMORY_WINDOW`]), the token's own first-pass label left out.
///
/// `first_pass[s][i]` is the label index of token `i` of sentence `s`; sentences are in text order.
pub fn memory_features(sentences: &[Vec<&str>], first_pass: &[Vec<u8>]) -> Vec<Vec<Vec<u64>>> {
    use crate::labels::N_LABELS;
    let keys: Vec<Vec<[u64; 2]>> = sentences.iter().map(|s| s.iter().map(|t| memory_keys(t)).collect()).collect();
    let mut counts: HashMap<u64, [u16; N_LABELS]> = HashMap::new();
    let change = |s: usize, add: bool, counts: &mut HashMap<u64, [u16; N_LABELS]>| {
        let (Some(ks), Some(ls)) = (keys.get(s), first_pass.get(s)) else {
            return;
        };
        for (k2, l) in ks.iter().zip(ls) {
            for (j, k) in k2.iter().enumerate() {
                if j == 1 && k2[0] == *k {
                    continue;
                }
                let c = counts.entry(*k).or_insert([0; N_LABELS]);
                let slot = &mut c[(*l as usize).min(N_LABELS - 1)];
                *slot = if add { slot.saturating_add(1) } else { slot.saturating_sub(1) };
            }
        }
    };
    for s in 0..=MEMORY_WINDOW.min(sentences.len().saturating_sub(1)) {
        change(s, true, &mut counts);
    }
    let mut out = Vec::with_capacity(sentences.len());
    for (s, sentence_keys) in keys.iter().enumerate() {
        if s > 0 {
            change(s + MEMORY_WINDOW, true, &mut counts);
            if s > MEMORY_WINDOW {
                change(s - MEMORY_WINDOW - 1, false, &mut counts);
            }
        }
        let mut sent = Vec::with_capacity(sentence_keys.len());
        for (i, k2) in sentence_keys.iter().enumerate() {
            let own = first_pass.get(s).and_then(|l| l.get(i)).map(|l| *l as usize).unwrap_or(0);
            let mut f = Vec::new();
            for (j, k) in k2.iter().enumerate() {
                let mut c = counts.get(k).copied().unwrap_or([0; N_LABELS]);
                c[own.min(N_LABELS - 1)] = c[own.min(N_LABELS - 1)].saturating_sub(1);
                let total: u32 = c.iter().map(|x| *x as u32).sum();
                if total == 0 {
                    continue;
                }
                let entity: u32 = total - c[0] as u32;
                let kind = j as u8;
                // Entity types seen, B- and I- merged.
                for t in 0..4u8 {
                    let n = c[1 + 2 * t as usize] as u32 + c[2 + 2 * t as usize] as u32;
                    if n > 0 {
                        f.push(Fnv::new(42).byte(kind).byte(t).get());
                        if 2 * n > total {
                            f.push(Fnv::new(43).byte(kind).byte(t).get());
                        }
                    }
                }
                for (l, n) in c.iter().enumerate().skip(1) {
                    if *n > 0 {
                        f.push(Fnv::new(44).byte(kind).byte(l as u8).get());
                    }
                }
                let bucket = (entity * 4 / total) as u8;
                f.push(Fnv::new(45).byte(kind).byte(bucket).get());
            }
            sent.push(f);
        }
        out.push(sent);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_stem_drops_proclitics_only() {
        assert_eq!(first_stem("والمدرسه"), "مدرسه");
        assert_eq!(first_stem("بالقاهره"), "قاهره");
        // A word with no proclitic letter in front, or too short to have one, is its own stem.
        assert_eq!(first_stem("دمشق"), "دمشق");
        assert_eq!(first_stem("في"), "في");
    }

    #[test]
    fn stem_classes_add_features_only_when_present() {
        let words = ["زار", "وفد", "من", "بالموصل"];
        let plain = WordClasses::default();
        let mut with_stems = WordClasses::default();
        let stem = first_stem(&normalize_for_match("بالموصل"));
        with_stems.map.insert(class_key(STEM_CLASSES, &stem), WordClass { clusters: [1, 2, 3], ..Default::default() });
        let gz = Gazetteer::default();
        let a = sentence_features(&words, &plain, &gz);
        let b = sentence_features(&words, &with_stems, &gz);
        // The stem's classes: three for the word itself, three as the right neighbour of "من".
        assert_eq!(b[3].len(), a[3].len() + 3);
        assert_eq!(b[2].len(), a[2].len() + 3);
        assert_eq!(b[0].len(), a[0].len());
        // A stem key is not a word key: the word classes do not see it.
        assert!(with_stems.get(&stem).is_none());
    }
}
