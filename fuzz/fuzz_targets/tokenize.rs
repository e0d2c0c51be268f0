//! Fuzz target: tokens and sentences of any string lie on char boundaries, in text order,
//! inside the text (and inside the range or paragraph they were asked for).
#![no_main]

use hadath_text::segment::{lines, segment_document, sentences_in};
use hadath_text::tokenize::{tokenize, tokenize_range, Token};
use hadath_text::{Document, Span};
use libfuzzer_sys::fuzz_target;

/// Tokens come in order, do not overlap, are not empty and slice `range` of `t`.
fn check_tokens(t: &str, range: Span, toks: &[Token]) {
    let mut last = range.start;
    for tok in toks {
        let s = tok.span;
        assert!(s.start >= last && s.start < s.end && s.end <= range.end, "token {s:?} in {range:?}");
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end), "token {s:?} off char boundary");
        last = s.end;
    }
}

/// Rounds `i` down to a char boundary of `t`.
fn floor(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fuzz_target!(|data: &[u8]| {
    let (cut, rest) = if data.len() >= 4 { data.split_at(4) } else { (&[0u8; 4][..], data) };
    let text = String::from_utf8_lossy(rest);
    let t: &str = &text;

    // The whole string.
    check_tokens(t, Span::new(0, t.len()), &tokenize(t));

    // An arbitrary range of it, cut on char boundaries.
    let a = floor(t, u16::from_le_bytes([cut[0], cut[1]]) as usize);
    let b = floor(t, u16::from_le_bytes([cut[2], cut[3]]) as usize);
    let range = Span::new(a.min(b), a.max(b));
    let mut toks = Vec::new();
    tokenize_range(t, range, &mut toks);
    check_tokens(t, range, &toks);

    // Lines and their sentences, in order and inside their line.
    let mut last_line = 0;
    for line in lines(t) {
        assert!(line.start >= last_line && line.end <= t.len() && t.get(line.start..line.end).is_some());
        last_line = line.end;
        let mut out = Vec::new();
        sentences_in(t, line, &mut out);
        let mut last = line.start;
        for s in &out {
            assert!(s.start >= last && s.start < s.end && s.end <= line.end, "sentence {s:?} in {line:?}");
            assert!(t.get(s.start..s.end).is_some());
            last = s.end;
        }
    }

    // A whole document laid out by ingest: sentences in order, tokens inside sentences.
    let mut doc = Document::new("fuzz", t);
    doc.meta.format = "txt".into();
    hadath_ingest::prepare(&mut doc);
    segment_document(&mut doc);
    if let Err(e) = doc.check_spans() {
        panic!("{e}");
    }
    let mut last = 0;
    for s in &doc.sentences {
        assert!(s.start >= last && s.start < s.end, "sentence {s:?} out of order");
        last = s.end;
    }
    let mut last = 0;
    for tok in &doc.tokens {
        assert!(tok.span.start >= last, "token {:?} out of order", tok.span);
        assert!(doc.sentences.iter().any(|s| s.contains(tok.span)), "token {:?} outside sentences", tok.span);
        last = tok.span.end;
    }
});
