//! Language of a stretch of text, told by script and by common function words.
//!
//! Arabic is told by script, counting words rather than letters so that an Arabic sentence
//! with a Latin name in it stays Arabic. URLs, @handles, #hashtags, e-mail addresses and
//! numbers are left out before counting. Latin-script text is told apart as French or
//! English by stop words, accents and a few spelling patterns, and stays `Latin` when the
//! evidence is too thin.

use crate::tokenize::{token_norm, TokenKind};
use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Arabic,
    French,
    English,
    /// Latin script, language not told apart.
    Latin,
    /// Too little text, or no letters.
    #[default]
    Unknown,
}

impl Lang {
    /// ISO 639-1 code, or "und".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::French => "fr",
            Lang::English => "en",
            Lang::Latin | Lang::Unknown => "und",
        }
    }
}

const FRENCH: &[&str] = &[
    "les", "le", "la", "des", "nous", "vous", "est", "et", "à", "une", "un", "pour", "que", "qui", "celle", "du",
    "dans", "pas", "avec", "sur", "par", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "sont", "mais", "ou",
    "ne", "plus", "été", "être", "avait", "ont", "leur", "selon", "entre", "après", "contre", "lors", "où", "très",
    "sans", "sous", "depuis", "deux", "comme", "son", "sa", "ses", "notre", "nos", "jamais", "aussi", "l", "d", "qu",
    "n", "s", "c", "j",
];
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "for", "that", "with", "on", "we", "are", "this", "you", "was", "were", "be",
    "by", "it", "from", "at", "as", "has", "have", "had", "will", "would", "not", "his", "her", "their", "they", "he",
    "she", "an", "or", "but", "after", "said", "says", "who", "which", "been", "than", "more", "about", "over",
    "against", "between", "our", "its", "never", "people", "also", "into",
];

/// Counts of evidence for each reading of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangEvidence {
    /// Arabic-script words.
    pub arabic_words: usize,
    /// Latin-script (and other alphabetic) words.
    pub latin_words: usize,
    /// French stop words, accents and patterns, weighted.
    pub french: usize,
    /// English stop words and patterns, weighted.
    pub english: usize,
    /// Latin words that are French or English function words.
    pub latin_function_words: usize,
}

/// Letters of the basic Arabic block (hamza to ghain, fa to ya; tatweel excluded), each of
/// which the matching chain maps to exactly one char.
fn is_plain_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Counts the evidence [`detect`] decides on.
pub fn evidence(text: &str) -> LangEvidence {
    let mut ev = LangEvidence::default();
    let mut latin = Vec::new();
    crate::tokenize::scan_tokens(text, Span::new(0, text.len()), |span, kind| match kind {
        // A lone letter (a glued conjunction before a Latin name) counts only when it is و.
        // The matching chain keeps each plain Arabic letter as one char, so a word holding two
        // of them needs no normalising to count.
        TokenKind::Arabic => {
            let raw = span.slice(text);
            let counts = raw.chars().filter(|&c| is_plain_letter(c)).nth(1).is_some() || {
                let norm = token_norm(raw);
                norm.chars().count() >= 2 || norm == "و"
            };
            ev.arabic_words += counts as usize;
        }
        TokenKind::Latin => latin.push((span, token_norm(span.slice(text)))),
        _ => {}
    });
    for (span, norm) in latin {
        ev.latin_words += 1;
        // Elisions such as l'Arménie count as their article too.
        for w in norm.split(['\'', '’']).filter(|w| !w.is_empty()) {
            let (fr, en) = (FRENCH.contains(&w), ENGLISH.contains(&w));
            ev.french += 2 * fr as usize;
            ev.english += 2 * en as usize;
            ev.latin_function_words += (fr || en) as usize;
        }
        let raw = span.slice(text);
        if raw.contains(['é', 'è', 'ê', 'à', 'ç', 'ù', 'œ', 'û', 'î', 'ô', 'ë', 'ï', 'â', 'É']) {
            ev.french += 1;
        }
        if raw.contains(['\'', '’']) && (norm.starts_with("l'") || norm.starts_with("d'") || norm.starts_with("qu'"))
        {
            ev.french += 1;
        }
        if norm.ends_with("'s") || norm.ends_with("n't") || norm.ends_with("ing") || norm.contains("th") {
            ev.english += 1;
        }
        if norm.ends_with("eux") || norm.ends_with("aient") || norm.ends_with("ée") || norm.ends_with("ées") {
            ev.french += 1;
        }
    }
    ev
}

/// Detects the language of a paragraph.
pub fn detect(text: &str) -> Lang {
    let ev = evidence(text);
    if ev.arabic_words + ev.latin_words == 0 {
        return Lang::Unknown;
    }
    // Latin words without a single function word among them are names or terms quoted
    // inside Arabic text.
    if ev.arabic_words >= ev.latin_words || (ev.arabic_words > 0 && ev.latin_function_words == 0) {
        return Lang::Arabic;
    }
    // A single Latin word with nothing else to go on.
    if ev.latin_words == 1 && ev.arabic_words == 0 && ev.french == ev.english {
        return Lang::Latin;
    }
    if ev.french > ev.english {
        Lang::French
    } else if ev.english > ev.french {
        Lang::English
    } else {
        Lang::Latin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_letters_normalise_to_one_char() {
        for c in ('\u{0600}'..='\u{06FF}').filter(|&c| is_plain_letter(c)) {
            let n = crate::normalize_for_match(c.encode_utf8(&mut [0u8; 4]));
            assert_eq!(n.chars().count(), 1, "{c:?}");
        }
    }

    /// The evidence as counted from full tokens, as it was before it skipped norms.
    fn evidence_from_tokens(text: &str) -> (usize, usize) {
        let toks = crate::tokenize(text);
        let arabic = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Arabic && (t.norm.chars().count() >= 2 || t.norm == "و"))
            .count();
        (arabic, toks.iter().filter(|t| t.kind == TokenKind::Latin).count())
    }

    #[test]
    fn arabic_word_count_equals_counting_normalised_tokens() {
        for t in [
            "لـ\"وكالة\" وَ بـ ـــ ﻻ \u{FE70}ب \u{FC5E} ء أ وباريس و Paris l'Élysée \u{200F}ه\u{200F}",
            "قال الرئيس إن الوفد وصل",
            "",
        ] {
            let ev = evidence(t);
            assert_eq!((ev.arabic_words, ev.latin_words), evidence_from_tokens(t), "{t}");
        }
    }

    #[test]
    fn tells_scripts_apart() {
        assert_eq!(detect("وصل الوزير إلى موسكو"), Lang::Arabic);
        assert_eq!(detect("Nous ne laisserons jamais tomber les Arméniens."), Lang::French);
        assert_eq!(detect("We will never abandon the people of Armenia."), Lang::English);
    }

    #[test]
    fn mixed_lines_follow_the_majority_of_words() {
        assert_eq!(detect("التقى الوزير مع Josep Borrell في بروكسل"), Lang::Arabic);
        assert_eq!(detect("وقال Emmanuel Macron"), Lang::Arabic);
        assert_eq!(detect("Le ministre Lavrov a rencontré son homologue à Moscou"), Lang::French);
    }

    #[test]
    fn tweets_ignore_handles_and_links() {
        assert_eq!(detect("@UN_News @AFP https://example.com/x #السلام هدنة إنسانية"), Lang::Arabic);
        assert_eq!(
            detect("@AFP https://example.com/x Talks resumed in Geneva on Monday with the envoy"),
            Lang::English
        );
        assert_eq!(detect("#عاجل https://t.co/abc"), Lang::Unknown);
    }

    #[test]
    fn short_lines() {
        assert_eq!(detect("عاجل"), Lang::Arabic);
        assert_eq!(detect("Reuters"), Lang::Latin);
        assert_eq!(detect("l'Élysée"), Lang::French);
        assert_eq!(detect("It's over"), Lang::English);
        assert_eq!(detect("2024 - 12"), Lang::Unknown);
        assert_eq!(detect(""), Lang::Unknown);
    }
}
