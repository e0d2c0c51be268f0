//! Discovery for dictionary upkeep: frequent unknown names in actor positions.
//!
//! After a title ("الرئيس X", "وزير خارجية X") or a speech verb ("قال X"), a run of one to three
//! words that the lexicon does not know is a candidate name. Candidates are counted over a corpus
//! and listed with their triggers and one example context each, for curators. A candidate whose
//! first word appears with the article in the corpus at least a tenth as often as without it is
//! taken for a common noun and left out.

use crate::{EntryKind, Lexicon};
use hadath_text::{normalize_for_match, tokenize, Document, TokenKind};
use std::collections::HashMap;

/// Speech and action verbs (normalised) after which a subject name often follows.
const VERB_TRIGGERS: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اضاف",
    "اضافت",
    "اعلن",
    "اعلنت",
    "صرح",
    "صرحت",
    "اوضح",
    "اوضحت",
    "ذكر",
    "ذكرت",
    "اعتبر",
    "اعتبرت",
    "شدد",
    "شددت",
    "دعا",
    "دعت",
    "حذر",
    "حذرت",
    "اتهم",
    "اتهمت",
    "التقي",
    "استقبل",
    "استقبلت",
    "بحث",
];

/// Words that never start or continue a name.
const STOPWORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "انه",
    "انها",
    "التي",
    "الذي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "قد",
    "لقد",
    "لم",
    "لن",
    "لا",
    "ما",
    "مع",
    "بعد",
    "قبل",
    "خلال",
    "اليوم",
    "امس",
    "يوم",
    "ايضا",
    "حول",
    "بين",
    "عند",
    "منذ",
    "كل",
    "بعض",
    "غير",
    "او",
    "ثم",
    "حتي",
    "اذا",
    "لكن",
    "الا",
    "بان",
    "وان",
    "فان",
    "انهم",
    "هو",
    "هي",
    "هم",
    "الجمعه",
    "السبت",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "عبر",
    "امام",
    "لدي",
    "وقال",
    "السابق",
    "الحالي",
    "الجديد",
    "المنتهيه",
    "الانتقالي",
    "المكلف",
    "بالوكاله",
    "نفسه",
    "شخصيا",
    "مساء",
    "صباح",
    "فيه",
    "فيها",
    "عنه",
    "عنها",
    "منه",
    "منها",
    "له",
    "لها",
    "عليه",
    "عليها",
    "قايلا",
    "قايله",
    "احد",
    "اخر",
    "انهم",
    "اليه",
    "اليها",
    "لنا",
    "لكم",
    "هناك",
    "هنا",
    "بانه",
    "بانها",
    "خلالها",
    "خلاله",
    "لي",
    "به",
    "بها",
    "سابقا",
    "حينها",
    "اسمه",
    "احدي",
    "عدد",
    "مراسلنا",
    "للصحافيين",
    "للصحفيين",
    "لشوون",
];

/// First words of compound names that the article may follow ("عبد الرحيم", "أبو الغيط").
const NAME_JOINERS: &[&str] = &["عبد", "ابو", "بن", "ابن", "بنت", "ام"];

#[derive(Default)]
struct Candidate {
    count: usize,
    triggers: HashMap<String, usize>,
    example: String,
}

/// Lists the `top` most frequent unknown names in actor positions, with counts and examples.
pub fn discover(docs: impl Iterator<Item = Document>, top: usize) -> String {
    discover_with(Lexicon::get(), docs, top)
}

/// [`discover`] with a given lexicon.
pub fn discover_with(lex: &Lexicon, docs: impl Iterator<Item = Document>, top: usize) -> String {
    let mut found: HashMap<String, Candidate> = HashMap::new();
    // Corpus counts of each word alone and with the article, to tell names from common nouns.
    let mut freq: HashMap<String, (u32, u32)> = HashMap::new();
    let mut n_docs = 0usize;
    for doc in docs {
        n_docs += 1;
        let tokens = if doc.tokens.is_empty() { tokenize(&doc.text) } else { doc.tokens.clone() };
        for t in &tokens {
            if t.kind != TokenKind::Arabic {
                continue;
            }
            match t.norm.strip_prefix("ال") {
                Some(bare) if bare.chars().count() >= 2 => freq.entry(bare.to_string()).or_default().1 += 1,
                _ => freq.entry(t.norm.to_string()).or_default().0 += 1,
            }
        }
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        let matches = lex.match_tokens(&norms);
        let mut known = vec![false; tokens.len()];
        let mut title_end = vec![false; tokens.len() + 1];
        for m in &matches {
            for k in known.iter_mut().take(m.end).skip(m.first) {
                *k = true;
            }
            if m.entries.iter().any(|&e| lex.entry(e).is_some_and(|e| e.kind == EntryKind::Title)) {
                title_end[m.end] = true;
            }
        }
        for i in 0..tokens.len() {
            let trigger = if title_end[i] && i > 0 {
                Some(tokens[i - 1].norm.to_string())
            } else if i > 0 && VERB_TRIGGERS.contains(&strip_conj(&tokens[i - 1].norm)) {
                Some(strip_conj(&tokens[i - 1].norm).to_string())
            } else {
                None
            };
            let Some(trigger) = trigger else { continue };
            let mut end = i;
            while end < tokens.len() && end < i + 3 {
                let t = &tokens[end];
                let after_joiner = end > i && NAME_JOINERS.contains(&tokens[end - 1].norm.as_str());
                let ok = t.kind == TokenKind::Arabic
                    && !known[end]
                    && t.norm.chars().count() >= 2
                    && !STOPWORDS.contains(&t.norm.as_str())
                    && !t.norm.starts_with("لل")
                    && !t.norm.starts_with("نظير")
                    && !t.norm.starts_with("نظرا")
                    && (after_joiner || !t.norm.starts_with("ال"));
                if !ok {
                    break;
                }
                end += 1;
            }
            if end == i {
                continue;
            }
            let name: Vec<&str> = tokens[i..end].iter().map(|t| t.span.slice(&doc.text)).collect();
            let key = normalize_for_match(&name.join(" "));
            let c = found.entry(key).or_default();
            c.count += 1;
            *c.triggers.entry(trigger).or_default() += 1;
            if c.example.is_empty() {
                let a = tokens[i.saturating_sub(4)].span.start;
                let b = tokens[(end + 3).min(tokens.len()) - 1].span.end;
                c.example = doc.text.get(a..b).unwrap_or("").replace(['\n', '\t'], " ");
            }
        }
    }
    // A first word often seen with the article is a common noun (مصادر، لجنة), not a name.
    let common = |name: &str| {
        let first = name.split(' ').next().unwrap_or(name);
        let (bare, with_article) = freq.get(first).copied().unwrap_or((0, 0));
        with_article as f64 >= 0.1 * bare.max(1) as f64
    };
    let mut list: Vec<(String, Candidate)> = found.into_iter().filter(|(name, _)| !common(name)).collect();
    list.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
    let mut out =
        format!("# unknown names in actor positions over {n_docs} documents: count, name, triggers, example\n");
    for (name, c) in list.into_iter().take(top) {
        let mut trig: Vec<(String, usize)> = c.triggers.into_iter().collect();
        trig.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let trig: Vec<String> = trig.into_iter().take(3).map(|(t, n)| format!("{t}:{n}")).collect();
        out.push_str(&format!("{}\t{}\t{}\t{}\n", c.count, name, trig.join(","), c.example));
    }
    out
}

fn strip_conj(norm: &str) -> &str {
    norm.strip_prefix('و').or_else(|| norm.strip_prefix('ف')).filter(|s| s.chars().count() >= 3).unwrap_or(norm)
}
