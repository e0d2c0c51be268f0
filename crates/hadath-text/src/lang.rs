//! Language of a stretch of text, told by script and by common function words.
//!
//! Arabic is told by script, counting words rather than letters so that an Arabic sentence
//! with a Latin name in it stays Arabic. URLs, @handles, #hashtags, e-mail addresses and
//! numbers are left out before counting. Latin-script text is told apart as French or
//! English by stop words, accents and a few spelling patterns, and stays `Latin` when the
//! evidence is too thin.

use crate::tokenize::{tokenize, TokenKind};
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

/// Counts the evidence [`detect`] decides on.
pub fn evidence(text: &str) -> LangEvidence {
    let mut ev = LangEvidence::default();
    for t in tokenize(text) {
        match t.kind {
            // A lone letter (a glued conjunction before a Latin name) counts only when it is و.
            TokenKind::Arabic if t.norm.chars().count() >= 2 || t.norm == "و" => ev.arabic_words += 1,
            TokenKind::Latin => {
                ev.latin_words += 1;
                // Elisions such as l'Arménie count as their article too.
                for w in t.norm.split(['\'', '’']).filter(|w| !w.is_empty()) {
                    let (fr, en) = (FRENCH.contains(&w), ENGLISH.contains(&w));
                    ev.french += 2 * fr as usize;
                    ev.english += 2 * en as usize;
                    ev.latin_function_words += (fr || en) as usize;
                }
                let raw = &text[t.span.start..t.span.end];
                if raw.contains(['é', 'è', 'ê', 'à', 'ç', 'ù', 'œ', 'û', 'î', 'ô', 'ë', 'ï', 'â', 'É']) {
                    ev.french += 1;
                }
                if raw.contains(['\'', '’'])
                    && (t.norm.starts_with("l'") || t.norm.starts_with("d'") || t.norm.starts_with("qu'"))
                {
                    ev.french += 1;
                }
                if t.norm.ends_with("'s") || t.norm.ends_with("n't") || t.norm.ends_with("ing") || t.norm.contains("th")
                {
                    ev.english += 1;
                }
                if t.norm.ends_with("eux")
                    || t.norm.ends_with("aient")
                    || t.norm.ends_with("ée")
                    || t.norm.ends_with("ées")
                {
                    ev.french += 1;
                }
            }
            _ => {}
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
