//! Property tests: every span the text core produces slices its input exactly, for any input.

use hadath_text::lang::detect;
use hadath_text::normalize::{normalize_for_match, normalize_mapped, Normalizer};
use hadath_text::segment::{dateline_prefix, lines, sentences_in};
use hadath_text::tokenize::{clitic_analyses, lookup_forms, stem_span, tokenize};
use hadath_text::Span;
use proptest::prelude::*;

/// Pieces that stress the text core: Arabic letters and marks, ligatures, digits of three
/// scripts, separators, quotes, controls, Latin with accents, URLs, and line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("قال".to_string()),
        Just("وبالعاصمة".to_string()),
        Just("الأمم".to_string()),
        Just("مُحَمَّدٌ".to_string()),
        Just("ـــ".to_string()),
        Just("\u{FEFB}\u{FEF7}\u{FDF2}\u{FDFA}".to_string()),
        Just("٢٠٢٠".to_string()),
        Just("۱۹".to_string()),
        Just("2.5".to_string()),
        Just("6,500".to_string()),
        Just("٦٬٥".to_string()),
        Just("9.10.2020".to_string()),
        Just(". ".to_string()),
        Just("؟".to_string()),
        Just("..".to_string()),
        Just("…".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{200F}\u{202B}\u{200D}\u{FEFF}\u{FE0F}".to_string()),
        Just("\u{064E}".to_string()),
        Just("Élysée".to_string()),
        Just("U.S.".to_string()),
        Just("l'Arménie".to_string()),
        Just("https://example.com/a_(b).".to_string()),
        Just("www.x.org".to_string()),
        Just("a@b.co".to_string()),
        Just("@user_1".to_string()),
        Just("#وسم_عربي".to_string()),
        Just("1- ".to_string()),
        Just("٢) ".to_string()),
        Just("باريس: ".to_string()),
        Just("(رويترز) - ".to_string()),
        Just("د. ".to_string()),
        Just("😀".to_string()),
        Just("\u{0}".to_string()),
        Just("e\u{301}".to_string()),
        "\\PC{0,3}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![text(), any::<String>()]
}

/// Spans are non-empty, inside `within`, on char boundaries, in order and disjoint.
fn check_spans(t: &str, spans: &[Span], within: Span) -> Result<(), TestCaseError> {
    let mut last_end = within.start;
    for s in spans {
        prop_assert!(s.start < s.end, "empty span {:?}", s);
        prop_assert!(s.start >= last_end, "overlap or disorder at {:?}", s);
        prop_assert!(s.end <= within.end);
        prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        prop_assert!(t.get(s.start..s.end).is_some());
        last_end = s.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_slice_the_original(t in any_text()) {
        let toks = tokenize(&t);
        let spans: Vec<Span> = toks.iter().map(|k| k.span).collect();
        check_spans(&t, &spans, Span::new(0, t.len()))?;
        for k in &toks {
            prop_assert_eq!(&k.norm, &normalize_for_match(k.span.slice(&t)));
            // No token holds white space.
            prop_assert!(!k.span.slice(&t).contains(char::is_whitespace) || k.kind == hadath_text::TokenKind::Symbol);
        }
    }

    #[test]
    fn language_evidence_counts_words_as_tokens_do(t in any_text()) {
        let toks = tokenize(&t);
        let arabic = toks
            .iter()
            .filter(|k| k.kind == hadath_text::TokenKind::Arabic && (k.norm.chars().count() >= 2 || k.norm == "و"))
            .count();
        let latin = toks.iter().filter(|k| k.kind == hadath_text::TokenKind::Latin).count();
        let ev = hadath_text::lang::evidence(&t);
        prop_assert_eq!((ev.arabic_words, ev.latin_words), (arabic, latin));
    }

    #[test]
    fn document_norm_gives_the_same_tokens_and_views(t in any_text()) {
        let nt = normalize_mapped(&t);
        let mut lines_out = Vec::new();
        for l in lines(&t) {
            sentences_in(&t, l, &mut lines_out);
        }
        let (mut plain, mut with_norm) = (Vec::new(), Vec::new());
        for s in &lines_out {
            hadath_text::tokenize::tokenize_range(&t, *s, &mut plain);
            hadath_text::tokenize::tokenize_range_norm(&t, *s, Some(&nt), &mut with_norm);
            let view = nt.slice(*s);
            let alone = normalize_mapped(s.slice(&t));
            prop_assert_eq!(view.text, alone.text.as_str());
            for i in 0..=alone.text.len() {
                prop_assert_eq!(view.to_original(0, i), alone.to_original(0, i));
                prop_assert_eq!(view.to_original(i, alone.text.len()), alone.to_original(i, alone.text.len()));
            }
        }
        prop_assert_eq!(plain, with_norm);
    }

    #[test]
    fn normalised_ranges_map_to_original_spans(t in any_text()) {
        prop_assert_eq!(normalize_mapped(&t).text, normalize_for_match(&t));
        for n in [Normalizer::matching(), Normalizer::light(), Normalizer::loose()] {
            let nt = n.normalize_mapped(&t);
            prop_assert_eq!(&nt.text, &n.normalize(&t));
            let bounds: Vec<usize> = nt.text.char_indices().map(|(i, _)| i).chain([nt.text.len()]).collect();
            let mut prev = 0;
            for w in bounds.windows(2) {
                let span = nt.to_original(w[0], w[1]);
                prop_assert!(span.start < span.end);
                prop_assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end));
                prop_assert!(span.start >= prev, "map goes backwards");
                prev = span.start;
                // A normalised char comes from the original char(s) it maps to.
                let back = n.normalize(span.slice(&t));
                prop_assert!(back.contains(&nt.text[w[0]..w[1]]));
            }
            let whole = nt.to_original(0, nt.text.len());
            prop_assert!(whole.end <= t.len());
            prop_assert_eq!(n.normalize(whole.slice(&t)), nt.text.clone());
        }
    }

    #[test]
    fn sentences_slice_and_cover_the_paragraph(t in any_text()) {
        for para in lines(&t).into_iter().chain([Span::new(0, t.len())]) {
            let mut out = Vec::new();
            sentences_in(&t, para, &mut out);
            check_spans(&t, &out, para)?;
            // Every visible char of the paragraph lies in a sentence.
            for (i, c) in para.slice(&t).char_indices() {
                let at = para.start + i;
                if !c.is_whitespace() && !hadath_text::normalize::is_invisible_control(c) {
                    prop_assert!(out.iter().any(|s| s.start <= at && at < s.end), "char {:?} at {} left out", c, at);
                }
            }
            if let Some(d) = dateline_prefix(&t, para) {
                prop_assert_eq!(d.start, para.start);
                prop_assert!(d.end <= para.end && t.is_char_boundary(d.end));
            }
        }
    }

    #[test]
    fn lines_are_trimmed_spans(t in any_text()) {
        let ls = lines(&t);
        check_spans(&t, &ls, Span::new(0, t.len()))?;
        for l in &ls {
            let s = l.slice(&t);
            prop_assert!(!s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace));
        }
        let _ = detect(&t);
    }

    #[test]
    fn clitic_stems_map_inside_their_token(t in text()) {
        for tok in tokenize(&t) {
            for a in clitic_analyses(&tok.norm) {
                prop_assert_eq!(&tok.norm[a.stem_range()], a.stem);
                let s = stem_span(&t, &tok, &a);
                prop_assert!(tok.span.contains(s) && t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            }
            let _ = lookup_forms(&tok.norm);
        }
    }
}

/// Long runs of the characters each scanner loops over finish in linear time: a quadratic
/// scan over these 300 KB inputs would take minutes.
#[test]
fn long_pathological_inputs_stay_linear() {
    let patterns = [
        "a.", "a,", "a-", "1,", "1- ", "«a. ", "\"a. ", "a..", "www.", "@", "#_", "ـ", "\u{064E}", "ﻻ", "A.", "a@",
        ")", "x.com/", ". ",
    ];
    let started = std::time::Instant::now();
    for p in patterns {
        let t = p.repeat(300_000 / p.len());
        let toks = tokenize(&t);
        assert!(toks.iter().all(|k| t.get(k.span.start..k.span.end).is_some()));
        let mut out = Vec::new();
        sentences_in(&t, Span::new(0, t.len()), &mut out);
        let nt = normalize_mapped(&t);
        assert!(nt.to_original(0, nt.text.len()).end <= t.len());
        let _ = detect(&t);
        let _ = dateline_prefix(&t, Span::new(0, t.len()));
    }
    assert!(started.elapsed().as_secs() < 120, "took {:?}", started.elapsed());
}
