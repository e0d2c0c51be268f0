//! Arabic normalisation as a chain of small named character filters, with an offset map.
//!
//! The same chain runs over lexicon entries and over document text, so the two always meet.
//! [`Normalizer::normalize_mapped`] keeps, for every byte of normalised text, the original
//! byte range it came from, so matches on normalised text map back to exact original spans.

use crate::span::Span;
use std::sync::LazyLock;

/// One step of normalisation: maps a character to zero or more characters.
pub trait CharFilter: Send + Sync {
    /// Stable name, for documentation and debugging.
    fn name(&self) -> &'static str;
    /// Writes the replacement of `c` into `out` (nothing drops it, `c` itself keeps it).
    fn apply(&self, c: char, out: &mut Vec<char>);
}

/// A filter given by a plain function from a char to its replacement.
pub struct FnFilter {
    pub name: &'static str,
    pub f: fn(char, &mut Vec<char>),
}

impl CharFilter for FnFilter {
    fn name(&self) -> &'static str {
        self.name
    }
    fn apply(&self, c: char, out: &mut Vec<char>) {
        (self.f)(c, out)
    }
}

/// Arabic harakat, tanwin, shadda, sukun, dagger alef, Quranic annotation marks.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' |
        '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' |
        '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}')
}

/// Bidi controls, zero-width characters, BOM, soft hyphen.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' |
        '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}')
}

fn drop_marks(c: char, out: &mut Vec<char>) {
    if !is_arabic_mark(c) {
        out.push(c)
    }
}

fn drop_tatweel(c: char, out: &mut Vec<char>) {
    if c != '\u{0640}' {
        out.push(c)
    }
}

fn drop_controls(c: char, out: &mut Vec<char>) {
    if !is_invisible_control(c) {
        out.push(c)
    }
}

fn presentation_forms(c: char, out: &mut Vec<char>) {
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}') {
        use unicode_normalization::char::decompose_compatible;
        let start = out.len();
        decompose_compatible(c, |d| out.push(d));
        if out.len() == start {
            out.push(c);
        }
    } else {
        out.push(c)
    }
}

fn unify_alef(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        _ => c,
    })
}

fn unify_ya(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'ى' | 'ی' | 'ې' => 'ي',
        'ک' => 'ك',
        _ => c,
    })
}

fn ta_marbuta(c: char, out: &mut Vec<char>) {
    out.push(if c == 'ة' { 'ه' } else { c })
}

fn hamza_seats(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'ؤ' => 'و',
        'ئ' => 'ي',
        _ => c,
    })
}

fn ascii_digits(c: char, out: &mut Vec<char>) {
    out.push(match c {
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
        _ => c,
    })
}

fn punctuation(c: char, out: &mut Vec<char>) {
    out.push(match c {
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        '۔' => '.',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '–' | '—' | '―' | '‐' | '‑' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        _ => c,
    })
}

fn lowercase(c: char, out: &mut Vec<char>) {
    if c.is_ascii_uppercase() {
        out.push(c.to_ascii_lowercase())
    } else if c.is_uppercase() {
        out.extend(c.to_lowercase())
    } else {
        out.push(c)
    }
}

/// The named filters, in the order the default chains use them.
pub const MARKS: FnFilter = FnFilter { name: "arabic-marks", f: drop_marks };
pub const TATWEEL: FnFilter = FnFilter { name: "tatweel", f: drop_tatweel };
pub const CONTROLS: FnFilter = FnFilter { name: "bidi-zero-width", f: drop_controls };
pub const PRESENTATION: FnFilter = FnFilter { name: "presentation-forms", f: presentation_forms };
pub const ALEF: FnFilter = FnFilter { name: "alef-forms", f: unify_alef };
pub const YA: FnFilter = FnFilter { name: "alef-maqsura-ya", f: unify_ya };
pub const TA_MARBUTA: FnFilter = FnFilter { name: "ta-marbuta", f: ta_marbuta };
pub const HAMZA: FnFilter = FnFilter { name: "hamza-seats", f: hamza_seats };
pub const DIGITS: FnFilter = FnFilter { name: "digits", f: ascii_digits };
pub const PUNCTUATION: FnFilter = FnFilter { name: "punctuation", f: punctuation };
pub const LOWERCASE: FnFilter = FnFilter { name: "lowercase", f: lowercase };

/// A chain of character filters.
pub struct Normalizer {
    filters: Vec<&'static dyn CharFilter>,
}

/// Normalised text with, for each normalised byte, the original byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// Original start byte of the char that produced normalised byte `i`.
    orig_start: Vec<u32>,
    /// Original end byte of the char that produced normalised byte `i`.
    orig_end: Vec<u32>,
    /// Length of the original text, for the end-of-text position.
    orig_len: usize,
}

impl NormText {
    /// Original span of the normalised byte range `[start, end)`.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        if self.text.is_empty() || start >= self.text.len() {
            return Span::new(self.orig_len, self.orig_len);
        }
        let s = self.orig_start[start] as usize;
        if end <= start {
            return Span::new(s, s);
        }
        let e = self.orig_end[(end - 1).min(self.text.len() - 1)] as usize;
        Span::new(s, e.max(s))
    }
    /// Original byte offset where normalised byte `i` starts (text length at the end).
    pub fn orig_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            self.orig_len
        } else {
            self.orig_start[i] as usize
        }
    }
}

impl Normalizer {
    pub fn new(filters: Vec<&'static dyn CharFilter>) -> Self {
        Normalizer { filters }
    }

    /// Names of the filters, in order.
    pub fn filter_names(&self) -> Vec<&'static str> {
        self.filters.iter().map(|f| f.name()).collect()
    }

    /// The chain for matching: every filter, ta marbuta folded to ha, Latin lowercased.
    pub fn matching() -> Self {
        Normalizer::new(vec![
            &CONTROLS,
            &PRESENTATION,
            &MARKS,
            &TATWEEL,
            &ALEF,
            &YA,
            &HAMZA,
            &TA_MARBUTA,
            &DIGITS,
            &PUNCTUATION,
            &LOWERCASE,
        ])
    }

    /// The light chain for reading: invisible marks and forms go, letters stay distinct.
    pub fn light() -> Self {
        Normalizer::new(vec![&CONTROLS, &PRESENTATION, &MARKS, &TATWEEL, &DIGITS, &PUNCTUATION])
    }

    fn apply_char(&self, c: char, a: &mut Vec<char>, b: &mut Vec<char>) {
        a.clear();
        a.push(c);
        for f in &self.filters {
            b.clear();
            for &x in a.iter() {
                f.apply(x, b);
            }
            std::mem::swap(a, b);
            if a.is_empty() {
                break;
            }
        }
    }

    /// Normalised text only.
    pub fn normalize(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let (mut a, mut b) = (Vec::with_capacity(4), Vec::with_capacity(4));
        for c in s.chars() {
            if c.is_ascii() && !c.is_ascii_uppercase() {
                out.push(c);
                continue;
            }
            self.apply_char(c, &mut a, &mut b);
            out.extend(a.iter());
        }
        out
    }

    /// Normalised text with an offset map back to `s`.
    pub fn normalize_mapped(&self, s: &str) -> NormText {
        let mut nt = NormText {
            text: String::with_capacity(s.len()),
            orig_start: Vec::with_capacity(s.len()),
            orig_end: Vec::with_capacity(s.len()),
            orig_len: s.len(),
        };
        let (mut a, mut b) = (Vec::with_capacity(4), Vec::with_capacity(4));
        for (i, c) in s.char_indices() {
            let e = (i + c.len_utf8()) as u32;
            if c.is_ascii() && !c.is_ascii_uppercase() {
                nt.text.push(c);
                nt.orig_start.push(i as u32);
                nt.orig_end.push(e);
                continue;
            }
            self.apply_char(c, &mut a, &mut b);
            if a.is_empty() {
                // A dropped char (a mark, tatweel) belongs to the char before it.
                let n = nt.orig_end.len();
                let last_start = nt.orig_start.last().copied();
                for k in (0..n).rev() {
                    if Some(nt.orig_start[k]) != last_start {
                        break;
                    }
                    nt.orig_end[k] = e;
                }
                continue;
            }
            for &x in a.iter() {
                nt.text.push(x);
                for _ in 0..x.len_utf8() {
                    nt.orig_start.push(i as u32);
                    nt.orig_end.push(e);
                }
            }
        }
        nt
    }
}

static MATCHING: LazyLock<Normalizer> = LazyLock::new(Normalizer::matching);
static LIGHT: LazyLock<Normalizer> = LazyLock::new(Normalizer::light);

/// Normalises with the matching chain (what lexicons and patterns are compared in).
pub fn normalize_for_match(s: &str) -> String {
    MATCHING.normalize(s)
}

/// Normalises with the matching chain, keeping the offset map.
pub fn normalize_mapped(s: &str) -> NormText {
    MATCHING.normalize_mapped(s)
}

/// Normalises with the light chain (marks, tatweel, controls, digits, punctuation).
pub fn normalize(s: &str) -> String {
    LIGHT.normalize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_variants() {
        assert_eq!(normalize_for_match("أذربيجانَ"), "اذربيجان");
        assert_eq!(normalize_for_match("إلهام"), "الهام");
        assert_eq!(normalize_for_match("القمّة"), "القمه");
        assert_eq!(normalize_for_match("مصطفى"), "مصطفي");
        assert_eq!(normalize_for_match("٢٠٢٠"), "2020");
        assert_eq!(normalize_for_match("حـــرب"), "حرب");
        assert_eq!(normalize_for_match("«تاس»"), "\"تاس\"");
    }

    #[test]
    fn mapped_spans_slice_original() {
        let s = "قال الرئيسُ الفرنسيّ: «لن نتخلّى»";
        let nt = normalize_mapped(s);
        let i = nt.text.find("الفرنسي").unwrap();
        let span = nt.to_original(i, i + "الفرنسي".len());
        assert_eq!(span.slice(s), "الفرنسيّ");
    }
}
