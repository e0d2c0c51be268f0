//! Language of a stretch of text, told by script and a few function words.

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

const FRENCH: &[&str] =
    &["les", "le", "la", "des", "nous", "est", "et", "à", "une", "pour", "que", "celle", "du", "dans", "pas", "avec"];
const ENGLISH: &[&str] =
    &["the", "and", "of", "to", "is", "in", "for", "that", "with", "on", "we", "are", "this", "you"];

/// Detects the language of a paragraph by its letters.
pub fn detect(text: &str) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            if c.is_alphabetic() {
                arabic += 1;
            }
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if arabic + latin < 2 {
        return Lang::Unknown;
    }
    if arabic >= latin {
        return Lang::Arabic;
    }
    let (mut fr, mut en) = (0, 0);
    for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let w = w.to_lowercase();
        if FRENCH.contains(&w.as_str()) {
            fr += 1;
        }
        if ENGLISH.contains(&w.as_str()) {
            en += 1;
        }
    }
    if text.contains(['é', 'è', 'ê', 'à', 'ç', 'ù', 'œ']) {
        fr += 2;
    }
    if fr > en {
        Lang::French
    } else if en > fr {
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
}
