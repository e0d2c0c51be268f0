//! Paragraphs (lines) and sentences of Arabic news text, as spans.

use crate::doc::{Document, ParagraphKind};
use crate::span::Span;
use crate::tokenize::tokenize_range;

/// Non-empty lines of `text`, trimmed of surrounding white space, as spans.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\u{2029}' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Whether `c` ends a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']')
}

/// Splits a paragraph span into sentence spans.
///
/// A sentence ends at `. ! ? ؟ …` (with closing quotes and brackets after it) followed by
/// white space, but not inside a number (`2.5`), after a single Latin initial, or inside an
/// open quotation shorter than a paragraph.
pub fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let s = para.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let mut start = 0usize; // char index
    let mut i = 0usize;
    let mut quote_depth: i32 = 0;
    while i < n {
        let c = chars[i].1;
        match c {
            '«' | '“' => quote_depth += 1,
            '»' | '”' => quote_depth = (quote_depth - 1).max(0),
            _ => {}
        }
        if is_terminal(c) {
            let prev_digit = i > 0 && chars[i - 1].1.is_ascii_digit();
            let next_digit = i + 1 < n && chars[i + 1].1.is_ascii_digit();
            let initial = c == '.' && i >= 1 && chars[i - 1].1.is_uppercase() && (i < 2 || !chars[i - 2].1.is_alphabetic());
            if !(prev_digit && next_digit) && !initial {
                let mut j = i + 1;
                while j < n && (is_terminal(chars[j].1) || is_closing(chars[j].1)) {
                    if matches!(chars[j].1, '»' | '”') {
                        quote_depth = (quote_depth - 1).max(0);
                    }
                    j += 1;
                }
                if (j == n || chars[j].1.is_whitespace()) && quote_depth == 0 {
                    push_sentence(s, &chars, start, j, para.start, out);
                    while j < n && chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    push_sentence(s, &chars, start, n, para.start, out);
}

fn push_sentence(s: &str, chars: &[(usize, char)], from: usize, to: usize, base: usize, out: &mut Vec<Span>) {
    if from >= to {
        return;
    }
    let a = chars[from].0;
    let b = if to < chars.len() { chars[to].0 } else { s.len() };
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + a + lead, base + b - trail));
    }
}

/// Fills `doc.sentences` and `doc.tokens` from the content paragraphs.
pub fn segment_document(doc: &mut Document) {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for p in doc.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Boilerplate && p.kind != ParagraphKind::Meta) {
        sentences_in(&doc.text, p.span, &mut sentences);
    }
    sentences.sort();
    for s in &sentences {
        tokenize_range(&doc.text, *s, &mut tokens);
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arabic_sentences() {
        let t = "قال الوزير إن المحادثات ستستأنف. وأضاف أن النسبة 2.5 في المئة؟ نعم.";
        let mut out = Vec::new();
        sentences_in(t, Span::new(0, t.len()), &mut out);
        let got: Vec<&str> = out.iter().map(|s| s.slice(t)).collect();
        assert_eq!(got, vec!["قال الوزير إن المحادثات ستستأنف.", "وأضاف أن النسبة 2.5 في المئة؟", "نعم."]);
    }

    #[test]
    fn keeps_quotation_whole() {
        let t = "وقال «هذا خطأ. لن نقبل به» ثم غادر.";
        let mut out = Vec::new();
        sentences_in(t, Span::new(0, t.len()), &mut out);
        assert_eq!(out.len(), 1);
    }
}
