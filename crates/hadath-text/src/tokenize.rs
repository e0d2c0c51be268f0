//! Tokens with exact original spans, and clitic analysis of Arabic words for lookup.

use crate::normalize::{is_arabic_mark, is_invisible_control, normalize_for_match};
use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// An Arabic-script word.
    Arabic,
    /// A Latin-script (or other alphabetic) word.
    Latin,
    /// Digits, with internal separators (`6,500`, `2.5`, `9-10-2020` is three tokens).
    Number,
    Url,
    Handle,
    Hashtag,
    Punct,
    Symbol,
}

/// A token: its original span, kind, and matching-normalised form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The token text through the matching normaliser.
    pub norm: String,
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}' | '\u{06EF}' |
        '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' |
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Arabic word-internal characters: letters, marks, tatweel, invisible controls.
fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c) || c == '\u{0640}' || is_invisible_control(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Splits `text[range]` into tokens; spans are absolute byte offsets into `text`.
pub fn tokenize_range(text: &str, range: Span, out: &mut Vec<Token>) {
    let base = range.start;
    let s = range.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| if k < n { chars[k].0 } else { s.len() };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || is_invisible_control(c) {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let rest = &s[at(i)..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            while i < n && !chars[i].1.is_whitespace() && !matches!(chars[i].1, '"' | '«' | '»' | '<' | '>') {
                i += 1;
            }
            // Trailing sentence punctuation is not part of the URL.
            while i > start + 1 && matches!(chars[i - 1].1, '.' | ',' | ')' | '،' | ':' | ';') {
                i -= 1;
            }
            kind = TokenKind::Url;
        } else if (c == '@' || c == '#') && i + 1 < n && (chars[i + 1].1.is_alphanumeric() || chars[i + 1].1 == '_') {
            i += 1;
            while i < n && (chars[i].1.is_alphanumeric() || chars[i].1 == '_' || is_arabic_mark(chars[i].1)) {
                i += 1;
            }
            kind = if c == '@' { TokenKind::Handle } else { TokenKind::Hashtag };
        } else if is_digit(c) {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_digit(d) {
                    i += 1;
                } else if matches!(d, ',' | '.' | '٫' | '٬') && i + 1 < n && is_digit(chars[i + 1].1) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if is_arabic_word_char(c) {
            while i < n && is_arabic_word_char(chars[i].1) {
                i += 1;
            }
            kind = TokenKind::Arabic;
        } else if c.is_alphabetic() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if d.is_alphanumeric() && !is_arabic_letter(d) {
                    i += 1;
                } else if matches!(d, '\'' | '’' | '-') && i + 1 < n && chars[i + 1].1.is_alphabetic() && !is_arabic_letter(chars[i + 1].1) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Latin;
        } else {
            i += 1;
            kind = if c.is_ascii_punctuation() || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '“' | '”' | '‘' | '’' | '…' | '–' | '—' | '٪') {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
        }
        let span = Span::new(base + at(start), base + at(i));
        let norm = normalize_for_match(span.slice(text));
        out.push(Token { span, kind, norm });
    }
}

/// Tokenises a whole string.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_range(text, Span::new(0, text.len()), &mut out);
    out
}

/// One reading of a word as proclitics + stem + enclitic, in normalised form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliticAnalysis<'a> {
    /// Proclitic string removed from the front, such as "وب" or "وال".
    pub prefix: &'a str,
    pub stem: &'a str,
    /// Pronoun enclitic removed from the end, such as "ه" or "هما".
    pub suffix: &'a str,
}

const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وسي", "وست", "وسن", "وسا",
    "فسي", "وب", "فب", "ول", "فل", "وك", "فك", "وس", "و", "ف", "ب", "ل", "ك", "س",
];

const ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي"];

/// Candidate readings of a normalised Arabic word, the unsegmented word first.
///
/// Stems shorter than two letters are not proposed. Callers look each stem up and keep the
/// first that a lexicon knows, so the order goes from least to most segmentation.
pub fn clitic_analyses(norm: &str) -> Vec<CliticAnalysis<'_>> {
    let mut out = vec![CliticAnalysis { prefix: "", stem: norm, suffix: "" }];
    let letters = norm.chars().count();
    if letters < 3 {
        return out;
    }
    for p in PROCLITICS.iter().copied() {
        if let Some(stem) = norm.strip_prefix(p) {
            if stem.chars().count() >= 2 {
                // "لل" stands for "ل" + "ال": keep the article on the stem for lookup.
                out.push(CliticAnalysis { prefix: p, stem, suffix: "" });
            }
        }
    }
    let n = out.len();
    for k in 0..n {
        let a = out[k].clone();
        for s in ENCLITICS.iter().copied() {
            if let Some(stem) = a.stem.strip_suffix(s) {
                if stem.chars().count() >= 2 {
                    out.push(CliticAnalysis { prefix: a.prefix, stem, suffix: s });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_slice_original() {
        let t = "قال @EmmanuelMacron إن 6,500 شخص قُتلوا https://x.com/a. #سلام";
        let toks = tokenize(t);
        for tok in &toks {
            assert_eq!(tok.norm, normalize_for_match(tok.span.slice(t)));
        }
        let kinds: Vec<_> = toks.iter().map(|t| t.kind).collect();
        assert!(kinds.contains(&TokenKind::Handle));
        assert!(kinds.contains(&TokenKind::Url));
        assert!(kinds.contains(&TokenKind::Hashtag));
        assert!(toks.iter().any(|t| t.span.slice(t_ref(t)) == "6,500"));
        fn t_ref(_: &Token) -> &'static str {
            "قال @EmmanuelMacron إن 6,500 شخص قُتلوا https://x.com/a. #سلام"
        }
    }

    #[test]
    fn clitics_give_stems() {
        let a = clitic_analyses("وبموسكو");
        assert!(a.iter().any(|x| x.stem == "موسكو" && x.prefix == "وب"));
        let a = clitic_analyses("نظيريه");
        assert!(a.iter().any(|x| x.stem == "نظيري" && x.suffix == "ه"));
    }
}
