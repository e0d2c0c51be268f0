//! Relative ordinals: "الأخير" (the last), "قبل الأخير" (the one before last), "التالي"
//! (the next), "السابق" (the previous), "الحالي" (the current).
//!
//! They say where in a sequence, not how many, so they are not number mentions; this reader
//! serves the Recognizers OrdinalModel evaluation and any caller that wants them.

use crate::core::Ctx;
use hadath_text::normalize::normalize_mapped;
use hadath_text::{normalize_for_match, Span};
use std::sync::LazyLock;

/// What a relative ordinal counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeTo {
    /// The end of the sequence: الأخير.
    End,
    /// The current item: التالي، السابق، الحالي.
    Current,
}

/// A relative ordinal: its anchor and offset ("قبل الأخير" is end − 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativeOrdinal {
    pub relative_to: RelativeTo,
    pub offset: i32,
}

static WORDS: LazyLock<Vec<(String, RelativeTo, i32)>> = LazyLock::new(|| {
    let table: [(&str, RelativeTo, i32); 14] = [
        ("الأخير", RelativeTo::End, 0),
        ("الأخيرة", RelativeTo::End, 0),
        ("الأخيرين", RelativeTo::End, 0),
        ("الأخيرتين", RelativeTo::End, 0),
        ("آخر", RelativeTo::End, 0),
        ("الآخر", RelativeTo::End, 0),
        ("التالي", RelativeTo::Current, 1),
        ("التالية", RelativeTo::Current, 1),
        ("القادم", RelativeTo::Current, 1),
        ("القادمة", RelativeTo::Current, 1),
        ("السابق", RelativeTo::Current, -1),
        ("السابقة", RelativeTo::Current, -1),
        ("الحالي", RelativeTo::Current, 0),
        ("الحالية", RelativeTo::Current, 0),
    ];
    table.iter().map(|(w, r, o)| (normalize_for_match(w), *r, *o)).collect()
});

static BEFORE: LazyLock<Vec<String>> =
    LazyLock::new(|| ["قبل", "قبلا", "سبقت", "سبق"].iter().map(|w| normalize_for_match(w)).collect());

/// Finds relative ordinals; spans are byte offsets into `text`.
pub fn find_relative_ordinals(text: &str) -> Vec<(Span, RelativeOrdinal)> {
    let nt = normalize_mapped(text);
    let ctx = Ctx::new(&nt.text);
    let mut out = Vec::new();
    for i in 0..ctx.toks.len() {
        let w = ctx.word(i);
        let Some(&(_, relative_to, offset)) = WORDS.iter().find(|(x, _, _)| x == w) else { continue };
        let mut start = i;
        let mut offset = offset;
        if relative_to == RelativeTo::End && i > 0 {
            let prev = ctx.word(i - 1);
            if BEFORE.iter().any(|b| b == prev) {
                // "قبل الأخير", and "الذي قبل الأخير".
                start = i - 1;
                offset -= 1;
                if start > 0 && matches!(ctx.word(start - 1), "الذي" | "الواحد") && start >= 2 {
                    start -= 1;
                }
            } else if i >= 2 && ctx.word(i - 1) == "الي" && ctx.word(i - 2) == "الثانيه" {
                // "الثانية إلى الأخير": the second to last.
                start = i - 2;
                offset -= 1;
            }
        }
        let span = nt.to_original(ctx.toks[start].start, ctx.toks[i].end);
        out.push((span, RelativeOrdinal { relative_to, offset }));
    }
    out
}
