//! Arabic normalisation as a chain of small named character filters, with an offset map.
//!
//! The same chain runs over lexicon entries and over document text, so the two always meet.
//! [`Normalizer::normalize_mapped`] keeps, for every byte of normalised text, the original
//! byte range it came from, so matches on normalised text map back to exact original spans.
//!
//! Filters are context-free functions of one character. A [`Normalizer`] therefore runs its
//! chain once per code point of the common blocks (Latin, Arabic, punctuation, presentation
//! forms), a page of 256 code points at a time when a page is first needed, and afterwards
//! only looks results up, so normalising is a table lookup per character with no allocation
//! besides the output.

use crate::span::Span;
use std::sync::LazyLock;

/// One step of normalisation: maps a character to zero or more characters.
///
/// A filter must be a pure function of its character: the same input always gives the same
/// output, whatever surrounds it. [`Normalizer`] relies on this to precompute its table.
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
        '\u{06EA}'..='\u{06ED}' | '\u{08CA}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}' |
        '\u{FE70}' | '\u{FE72}' | '\u{FE74}' | '\u{FE76}' | '\u{FE78}' | '\u{FE7A}' |
        '\u{FE7C}' | '\u{FE7E}')
}

/// Quranic stop signs and end-of-ayah marks that are not letters: dropped like marks.
fn is_quranic_sign(c: char) -> bool {
    matches!(c, '\u{06DD}' | '\u{06DE}' | '\u{06E9}' | '\u{0615}' | '\u{08E2}')
}

/// Bidi controls, zero-width characters, BOM, soft hyphen, variation selectors.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' |
        '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' |
        '\u{034F}' | '\u{180E}')
}

fn drop_marks(c: char, out: &mut Vec<char>) {
    if !is_arabic_mark(c) && !is_quranic_sign(c) {
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

/// Arabic presentation forms (including lam-alef ligatures) to their letters.
fn presentation_forms(c: char, out: &mut Vec<char>) {
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        use unicode_normalization::UnicodeNormalization;
        let start = out.len();
        // NFKC, so that a ligature with hamza gives أ rather than ا and a loose hamza mark.
        out.extend(std::iter::once(c).nfkc());
        if out.len() == start {
            out.push(c);
        }
    } else {
        out.push(c)
    }
}

fn unify_alef(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        _ => c,
    })
}

fn unify_ya(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' | 'ۑ' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'ہ' | 'ە' | 'ھ' => 'ه',
        'ۀ' => 'ه',
        'ۃ' => 'ة',
        _ => c,
    })
}

fn ta_marbuta(c: char, out: &mut Vec<char>) {
    out.push(if c == 'ة' { 'ه' } else { c })
}

fn hamza_seats(c: char, out: &mut Vec<char>) {
    out.push(match c {
        'ؤ' | 'ٶ' => 'و',
        'ئ' | 'ٸ' => 'ي',
        _ => c,
    })
}

/// Bare hamza goes (in the loose chain): spellings such as شيء / شئ / شي then meet.
fn drop_bare_hamza(c: char, out: &mut Vec<char>) {
    if c != 'ء' && c != '\u{0674}' {
        out.push(c)
    }
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
        '،' | '٬' | '⸲' | '､' => ',',
        '؛' | '⁏' => ';',
        '؟' | '⸮' => '?',
        '٪' => '%',
        '٫' | '۔' => '.',
        '٭' => '*',
        '﴿' => '(',
        '﴾' => ')',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' | '‹' | '›' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '–' | '—' | '―' | '‐' | '‑' | '‒' | '−' => '-',
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

/// Latin letters with accents to their base letters (é → e, ç → c, œ stays).
fn fold_accents(c: char, out: &mut Vec<char>) {
    if c.is_ascii() || !matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') {
        out.push(c);
        return;
    }
    let start = out.len();
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !unicode_normalization::char::is_combining_mark(d) {
            out.push(d)
        }
    });
    if out.len() == start {
        out.push(c);
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
pub const BARE_HAMZA: FnFilter = FnFilter { name: "bare-hamza", f: drop_bare_hamza };
pub const DIGITS: FnFilter = FnFilter { name: "digits", f: ascii_digits };
pub const PUNCTUATION: FnFilter = FnFilter { name: "punctuation", f: punctuation };
pub const LOWERCASE: FnFilter = FnFilter { name: "lowercase", f: lowercase };
pub const ACCENTS: FnFilter = FnFilter { name: "latin-accents", f: fold_accents };

/// Pages of 256 code points below this page are precomputed in tables (up to U+30FF).
const LOW_PAGES: usize = 0x31;
/// The pages of the Arabic presentation-form blocks (U+FB00..U+FEFF), also precomputed.
const HIGH_PAGES: std::ops::RangeInclusive<usize> = 0xFB..=0xFE;
/// Table entry of a character that the chain leaves as it is.
const IDENTITY: u32 = u32::MAX;

/// The chain's results for 256 code points.
struct Page {
    /// For each code point: `IDENTITY`, `IDENTITY - 1` (computed on the fly), or
    /// `offset << 8 | len` into `pool`.
    table: Vec<u32>,
    /// Replacement texts of the page's code points.
    pool: String,
}

/// A chain of character filters.
pub struct Normalizer {
    filters: Vec<&'static dyn CharFilter>,
    /// The precomputed pages: low ones, then high ones, each made when first read.
    pages: Vec<std::sync::OnceLock<Page>>,
    /// Normalised UTF-8 bytes of every code point below [`SHORT_END`] (ASCII and the two-byte
    /// UTF-8 range, Arabic included), inline, for the fast paths.
    short: Vec<Short>,
    /// For each pair of bytes `x << 8 | y`: how many bytes from `x` the chain keeps as they
    /// are (2: an ASCII pair or a two-byte char, 1: an ASCII byte, 0: none), so runs of kept
    /// text are scanned without decoding.
    keep: Box<[u8; 0x10000]>,
}

/// Code points below this have a [`Short`] entry.
const SHORT_END: u32 = 0x800;

/// The normalised form of one code point below [`SHORT_END`], inline: zero, one or two
/// chars, or [`Short::SLOW`] when it is longer.
#[derive(Debug, Clone, Copy)]
struct Short {
    /// Number of chars in `chars`, or [`Short::SLOW`].
    n: u8,
    /// UTF-8 length of the chars used.
    bytes: u8,
    chars: [char; 2],
}

impl Short {
    const SLOW: u8 = u8::MAX;
}

/// Normalised text with, for each normalised byte, the original byte range it came from.
///
/// Normalisation is a function of each char alone, so the normalised text of any char range
/// of a string is the matching byte range of the string's normalised text: [`NormText::slice`]
/// gives it as a [`NormView`] that behaves exactly like `normalize_mapped` of that range.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// Original start byte of the char that produced normalised byte `i`.
    orig_start: Vec<u32>,
    /// Length of the original text, for the end-of-text position.
    orig_len: usize,
}

/// A borrowed range of a [`NormText`]: the normalised text of an original range `[base, base +
/// len)`, with offsets local to that range.
///
/// Its methods give the same results as the same methods of `normalize_mapped` run on the
/// original range alone: normalised offsets count from the start of [`NormView::text`], and
/// original offsets count from [`NormView::base`] (add it for offsets into the whole text).
#[derive(Debug, Clone, Copy)]
pub struct NormView<'a> {
    /// The normalised text of the range.
    pub text: &'a str,
    /// Absolute original start byte of each normalised byte of `text`.
    orig_start: &'a [u32],
    /// Absolute original byte where the range starts.
    base: usize,
    /// Length of the original range in bytes.
    orig_len: usize,
}

impl<'a> NormView<'a> {
    /// Original span, local to the range, of the normalised byte range `[start, end)`; the
    /// same as [`NormText::to_original`] of the range normalised alone.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        if self.text.is_empty() || start >= self.text.len() {
            return Span::new(self.orig_len, self.orig_len);
        }
        let s = self.orig_start[start] as usize - self.base;
        if end <= start {
            return Span::new(s, s);
        }
        let e = self.orig_end_offset((end - 1).min(self.text.len() - 1));
        Span::new(s, e.max(s))
    }
    /// Original span, local to the range, of a normalised span.
    pub fn span_to_original(&self, span: Span) -> Span {
        self.to_original(span.start, span.end)
    }
    /// Local original byte offset where normalised byte `i` starts (range length at the end).
    pub fn orig_offset(&self, i: usize) -> usize {
        match self.orig_start.get(i) {
            Some(&s) => s as usize - self.base,
            None => self.orig_len,
        }
    }
    /// Local original byte offset where the char holding normalised byte `i` ends, dropped
    /// marks after it included (range length at the end).
    pub fn orig_end_offset(&self, i: usize) -> usize {
        let Some(&start) = self.orig_start.get(i) else { return self.orig_len };
        // A char ends where the next one starts: dropped chars after it belong to it.
        self.orig_start[i..].iter().find(|&&s| s != start).map_or(self.orig_len, |&s| s as usize - self.base)
    }
    /// Normalised byte offset of the first normalised byte produced at or after local
    /// original byte `orig` (the normalised length when none is).
    pub fn from_original(&self, orig: usize) -> usize {
        let abs = (self.base + orig).min(u32::MAX as usize) as u32;
        self.orig_start.partition_point(|&s| s < abs)
    }
    /// Length of the original range this view covers.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }
    /// Absolute original byte where the range starts: local original offsets plus this are
    /// offsets into the whole original text.
    pub fn base(&self) -> usize {
        self.base
    }
    /// Normalised byte range of `text` inside the whole [`NormText`] it was sliced from.
    pub fn norm_range(&self, whole: &NormText) -> std::ops::Range<usize> {
        let start = (self.text.as_ptr() as usize).wrapping_sub(whole.text.as_ptr() as usize).min(whole.text.len());
        start..start + self.text.len()
    }
}

impl NormText {
    /// The whole normalised text as a view (offsets as in `self`).
    pub fn view(&self) -> NormView<'_> {
        NormView { text: &self.text, orig_start: &self.orig_start, base: 0, orig_len: self.orig_len }
    }
    /// The normalised text of the original byte range `orig` (clamped to the text), with
    /// offsets local to it: equal to `normalize_mapped(&original[orig])`, without normalising
    /// again. `orig` should lie on char boundaries of the original text.
    pub fn slice(&self, orig: Span) -> NormView<'_> {
        let end = orig.end.min(self.orig_len);
        let start = orig.start.min(end);
        let a = self.from_original(start);
        // Most text keeps its byte length through normalisation: the end is looked for there.
        let b = first_at_or_after(&self.orig_start, end, a + (end - start));
        NormView {
            text: self.text.get(a..b).unwrap_or(""),
            orig_start: self.orig_start.get(a..b).unwrap_or(&[]),
            base: start,
            orig_len: end - start,
        }
    }
    /// [`NormText::slice`] for callers moving forward through the text: `hint` is a
    /// normalised byte at or before the slice's start (such as the end of the previous
    /// slice, `view.norm_range(&whole).end`), which spares the two binary searches when the
    /// slice is near. Any hint gives the same view as `slice`; a wrong one only costs a search.
    #[inline]
    pub fn slice_after(&self, hint: usize, orig: Span) -> NormView<'_> {
        let end = orig.end.min(self.orig_len);
        let start = orig.start.min(end);
        let r = self.norm_range_after(hint, Span::new(start, end));
        NormView {
            text: self.text.get(r.clone()).unwrap_or(""),
            orig_start: self.orig_start.get(r).unwrap_or(&[]),
            base: start,
            orig_len: end - start,
        }
    }
    /// Normalised byte range produced by the original byte range `orig`.
    pub fn norm_range(&self, orig: Span) -> std::ops::Range<usize> {
        let end = orig.end.min(self.orig_len);
        self.from_original(orig.start.min(end))..self.from_original(end)
    }
    /// Original span of the normalised byte range `[start, end)`.
    ///
    /// The result always lies on char boundaries of the original text; a range inside one
    /// normalised char, or inside an expansion such as a lam-alef ligature, widens to the
    /// whole original char.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        self.view().to_original(start, end)
    }
    /// Original span of a normalised span.
    pub fn span_to_original(&self, span: Span) -> Span {
        self.to_original(span.start, span.end)
    }
    /// Original byte offset where normalised byte `i` starts (text length at the end).
    pub fn orig_offset(&self, i: usize) -> usize {
        self.view().orig_offset(i)
    }
    /// Original byte offset where the char holding normalised byte `i` ends, dropped marks
    /// after it included (text length at the end).
    pub fn orig_end_offset(&self, i: usize) -> usize {
        self.view().orig_end_offset(i)
    }
    /// Normalised byte offset of the first normalised byte produced at or after original
    /// byte `orig` (the normalised length when none is).
    pub fn from_original(&self, orig: usize) -> usize {
        // Normalised offsets stay close to original ones scaled by the two lengths: the
        // search starts there.
        let n = self.orig_start.len();
        let guess = (orig.min(self.orig_len) as u128 * n as u128 / self.orig_len.max(1) as u128) as usize;
        first_at_or_after(&self.orig_start, orig, guess)
    }
    /// Length of the original text this was made from.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }
    /// Original start byte of the char that produced each normalised byte (nondecreasing).
    pub(crate) fn orig_starts(&self) -> &[u32] {
        &self.orig_start
    }
    /// [`NormText::norm_range`] of `orig` for callers moving forward, `hint` being a normalised
    /// byte at or before the answer's start (such as the end of the previous range). Most
    /// words keep their byte length through normalisation, so the end is tried there first.
    #[inline(always)]
    pub fn norm_range_after(&self, hint: usize, orig: Span) -> std::ops::Range<usize> {
        let end = orig.end.min(self.orig_len);
        let start = orig.start.min(end);
        let a = self.from_original_after(hint, start);
        let guess = a + (end - start);
        let abs = end.min(u32::MAX as usize) as u32;
        let b = if guess > a
            && guess <= self.orig_start.len()
            && self.orig_start[guess - 1] < abs
            && self.orig_start.get(guess).is_none_or(|&s| s >= abs)
        {
            guess
        } else {
            self.from_original_after(a, end)
        };
        a..b
    }
    /// [`NormText::from_original`] for callers moving forward: scans on from normalised byte
    /// `hint` when the answer lies a little after it, and searches otherwise.
    #[inline]
    pub fn from_original_after(&self, hint: usize, orig: usize) -> usize {
        let abs = orig.min(u32::MAX as usize) as u32;
        let ok_hint = hint <= self.orig_start.len() && (hint == 0 || self.orig_start[hint - 1] < abs);
        if ok_hint {
            let limit = (hint + 64).min(self.orig_start.len());
            if let Some(k) = self.orig_start[hint..limit].iter().position(|&s| s >= abs) {
                return hint + k;
            }
        }
        self.from_original(orig)
    }
}

/// The first index of the nondecreasing `map` whose value is at least `orig` (`map.len()`
/// when none is), as `map.partition_point(|&s| s < orig)`, searched outward from `guess` in
/// doubling steps, so that an answer near the guess costs a few reads.
fn first_at_or_after(map: &[u32], orig: usize, guess: usize) -> usize {
    let abs = orig.min(u32::MAX as usize) as u32;
    let n = map.len();
    let below = |i: usize| map.get(i).is_some_and(|&s| s < abs);
    let g = guess.min(n);
    let (mut lo, mut hi, mut step);
    step = 1usize;
    if below(g) {
        // The answer lies after `g`: [lo, hi) grows upward until `hi` is not below.
        lo = g + 1;
        loop {
            hi = (lo + step).min(n);
            if !below(hi) {
                break;
            }
            (lo, step) = (hi + 1, step * 2);
        }
    } else {
        // The answer lies at or before `g`: [lo, hi] grows downward until `lo - 1` is below.
        hi = g;
        loop {
            lo = hi.saturating_sub(step);
            if lo == 0 || below(lo - 1) {
                break;
            }
            (hi, step) = (lo - 1, step * 2);
        }
    }
    lo + map.get(lo..hi).map_or(0, |m| m.partition_point(|&s| s < abs))
}

impl Normalizer {
    pub fn new(filters: Vec<&'static dyn CharFilter>) -> Self {
        let pages = (0..LOW_PAGES + HIGH_PAGES.count()).map(|_| std::sync::OnceLock::new()).collect();
        let mut n = Normalizer { filters, pages, short: Vec::new(), keep: Box::new([0; 0x10000]) };
        n.build_short();
        n
    }

    /// Runs the chain over the 256 code points from `first`.
    fn build_page(&self, first: u32) -> Page {
        let mut table = Vec::with_capacity(256);
        let mut pool = String::new();
        let (mut a, mut b) = (Vec::with_capacity(8), Vec::with_capacity(8));
        for code in first..first + 256 {
            let Some(c) = char::from_u32(code) else {
                table.push(IDENTITY);
                continue;
            };
            self.run_chain(c, &mut a, &mut b);
            if a.len() == 1 && a[0] == c {
                table.push(IDENTITY);
                continue;
            }
            let offset = pool.len();
            pool.extend(a.iter());
            let len = pool.len() - offset;
            if len > 255 || offset >= (1 << 24) {
                // Too long for an entry: computed on the fly instead.
                pool.truncate(offset);
                table.push(IDENTITY - 1);
                continue;
            }
            table.push(((offset as u32) << 8) | len as u32);
        }
        Page { table, pool }
    }

    fn build_short(&mut self) {
        let mut short = Vec::with_capacity(SHORT_END as usize);
        let mut buf = String::new();
        let mut scratch = (Vec::with_capacity(8), Vec::with_capacity(8));
        let slow = Short { n: Short::SLOW, bytes: 0, chars: ['\0'; 2] };
        for code in 0..SHORT_END {
            let Some(c) = char::from_u32(code) else {
                short.push(slow);
                continue;
            };
            let mut chars = ['\0'; 2];
            let mut n = 0usize;
            let mut bytes = 0usize;
            let mut too_long = false;
            let mut add = |d: char| {
                if n < 2 {
                    chars[n] = d;
                    n += 1;
                    bytes += d.len_utf8();
                } else {
                    too_long = true;
                }
            };
            match self.map_char(c, &mut buf, &mut scratch) {
                Mapped::Same => add(c),
                Mapped::Text(t) => t.chars().for_each(add),
            }
            short.push(if too_long { slow } else { Short { n: n as u8, bytes: bytes as u8, chars } });
        }
        let same: Vec<bool> =
            (0..SHORT_END as usize).map(|code| short[code].n == 1 && short[code].chars[0] as usize == code).collect();
        // Only rows of an ASCII byte or of the lead byte of a two-byte char hold runs.
        let mut keep: Box<[u8; 0x10000]> = Box::new([0u8; 0x10000]);
        for x in (0..0x80).chain(0xC2..0xE0) {
            let row = &mut keep[x << 8..(x + 1) << 8];
            if x < 0x80 {
                if same[x] {
                    row.fill(1);
                    for (y, k) in row.iter_mut().enumerate().take(0x80) {
                        *k += u8::from(same[y]);
                    }
                }
            } else {
                for (y, k) in row.iter_mut().enumerate().skip(0x80).take(0x40) {
                    *k = 2 * u8::from(same[((x & 0x1F) << 6) | (y & 0x3F)]);
                }
            }
        }
        self.keep = keep;
        self.short = short;
    }

    /// Names of the filters, in order.
    pub fn filter_names(&self) -> Vec<&'static str> {
        self.filters.iter().map(|f| f.name()).collect()
    }

    /// The chain for matching: every letter filter, ta marbuta folded to ha, hamza seats
    /// folded to their letters, Latin lowercased.
    ///
    /// Bare hamza (ء) stays: it tells words apart (ماء / ما, بدء / بد) and other crates
    /// compare against forms such as "شهداء". [`Normalizer::loose`] drops it too.
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

    /// The matching chain with Latin accents folded too (é → e), for Latin-script names.
    pub fn matching_folded() -> Self {
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
            &ACCENTS,
        ])
    }

    /// The loosest chain: matching, accents folded, and bare hamza dropped, so that loose
    /// spellings such as شيء / شئ / شي or مساء / مسا meet. For fuzzy lookups and
    /// user-typed queries, where a missed match costs more than a false one.
    pub fn loose() -> Self {
        Normalizer::new(vec![
            &CONTROLS,
            &PRESENTATION,
            &MARKS,
            &TATWEEL,
            &ALEF,
            &YA,
            &HAMZA,
            &BARE_HAMZA,
            &TA_MARBUTA,
            &DIGITS,
            &PUNCTUATION,
            &LOWERCASE,
            &ACCENTS,
        ])
    }

    /// The light chain for reading: invisible marks and forms go, letters stay distinct.
    pub fn light() -> Self {
        Normalizer::new(vec![&CONTROLS, &PRESENTATION, &MARKS, &TATWEEL, &DIGITS, &PUNCTUATION])
    }

    fn run_chain(&self, c: char, a: &mut Vec<char>, b: &mut Vec<char>) {
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

    /// The page of `c` and its table entry, or `None` when `c` is outside the tables.
    #[inline]
    fn entry(&self, c: char) -> Option<(&Page, u32)> {
        let code = c as usize;
        let page = code >> 8;
        let k = if page < LOW_PAGES {
            page
        } else if HIGH_PAGES.contains(&page) {
            LOW_PAGES + page - HIGH_PAGES.start()
        } else {
            return None;
        };
        let p = self.pages.get(k)?.get_or_init(|| self.build_page((page as u32) << 8));
        Some((p, p.table.get(code & 0xFF).copied()?))
    }

    /// The normalised text of `c` (empty when the chain drops it).
    #[inline]
    fn map_char<'s>(&'s self, c: char, buf: &'s mut String, scratch: &mut (Vec<char>, Vec<char>)) -> Mapped<'s> {
        match self.entry(c) {
            Some((_, IDENTITY)) => Mapped::Same,
            Some((page, e)) if e != IDENTITY - 1 => {
                let (off, len) = ((e >> 8) as usize, (e & 0xFF) as usize);
                Mapped::Text(page.pool.get(off..off + len).unwrap_or(""))
            }
            _ => {
                let (a, b) = scratch;
                self.run_chain(c, a, b);
                if a.len() == 1 && a[0] == c {
                    return Mapped::Same;
                }
                buf.clear();
                buf.extend(a.iter());
                Mapped::Text(buf.as_str())
            }
        }
    }

    /// Normalised text only.
    pub fn normalize(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        self.run(s, &mut out, &mut NoMap);
        out
    }

    /// Normalised text with an offset map back to `s`.
    pub fn normalize_mapped(&self, s: &str) -> NormText {
        let mut out = String::with_capacity(s.len() + 8);
        let mut map = Vec::with_capacity(s.len() + 8);
        self.run(s, &mut out, &mut map);
        NormText { text: out, orig_start: map, orig_len: s.len() }
    }

    /// Normalises `s` into `out`, telling `map` the original start of each output byte.
    ///
    /// Runs of ASCII the chain keeps are copied whole; other chars below U+0800 (Arabic among
    /// them) come from the inline [`Short`] table; the rest from the table or the chain.
    #[inline(always)]
    fn run<M: OffsetSink>(&self, s: &str, out: &mut String, map: &mut M) {
        let bytes = s.as_bytes();
        let short = &self.short[..SHORT_END as usize];
        let mut buf = String::new();
        let mut scratch = (Vec::new(), Vec::new());
        let keep = &*self.keep;
        let pair = |x: u8, y: u8| keep[(usize::from(x) << 8) | usize::from(y)];
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII and two-byte chars the chain keeps is copied whole; it is scanned
            // by byte pairs, two at a time while they are whole (the text's last byte goes the
            // slow way).
            let run_start = i;
            let mut rest = bytes.get(i..).unwrap_or(&[]);
            loop {
                while let [x, y, z, w, tail @ ..] = rest {
                    if pair(*x, *y) != 2 || pair(*z, *w) != 2 {
                        break;
                    }
                    rest = tail;
                }
                let k = match rest {
                    [x, y, ..] => usize::from(pair(*x, *y)),
                    _ => 0,
                };
                if k == 0 {
                    break;
                }
                rest = rest.get(k..).unwrap_or(&[]);
            }
            i = bytes.len() - rest.len();
            if i > run_start {
                out.push_str(s.get(run_start..i).unwrap_or(""));
                map.copied(bytes, run_start, i);
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                let e = short[b as usize];
                if e.n != Short::SLOW {
                    push_short(e, i, out, map);
                    i += 1;
                    continue;
                }
            } else if b < 0xE0 && i + 1 < bytes.len() {
                // A two-byte char: lead 0xC2..=0xDF (str is valid UTF-8).
                let code = ((b as usize & 0x1F) << 6) | (bytes[i + 1] as usize & 0x3F);
                let e = short[code];
                if e.n != Short::SLOW {
                    push_short(e, i, out, map);
                    i += 2;
                    continue;
                }
            }
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
            let before = out.len();
            match self.map_char(c, &mut buf, &mut scratch) {
                Mapped::Same => out.push(c),
                Mapped::Text(t) => out.push_str(t),
            }
            // A dropped char (a mark, tatweel) adds nothing: it belongs to the char before it,
            // which ends where the next kept char starts.
            map.repeat(i, out.len() - before);
            i += c.len_utf8();
        }
    }
}

/// Writes the chars of an inline entry for the char at original byte `at`.
#[inline(always)]
fn push_short<M: OffsetSink>(e: Short, at: usize, out: &mut String, map: &mut M) {
    match e.n {
        0 => {}
        1 => {
            out.push(e.chars[0]);
            map.repeat_small(at, e.bytes);
        }
        _ => {
            out.push(e.chars[0]);
            out.push(e.chars[1]);
            map.repeat_small(at, e.bytes);
        }
    }
}

/// Receives the original start offset of each normalised byte.
trait OffsetSink {
    /// Original bytes `bytes[start..end]` copied as they are (whole chars of one or two bytes).
    fn copied(&mut self, bytes: &[u8], start: usize, end: usize);
    /// `n` bytes produced by the char at original byte `at`.
    fn repeat(&mut self, at: usize, n: usize);
    /// `n` (at most 8) bytes produced by the char at original byte `at`.
    fn repeat_small(&mut self, at: usize, n: u8) {
        self.repeat(at, n as usize)
    }
}

/// No offset map is kept.
struct NoMap;

impl OffsetSink for NoMap {
    #[inline(always)]
    fn copied(&mut self, _: &[u8], _: usize, _: usize) {}
    #[inline(always)]
    fn repeat(&mut self, _: usize, _: usize) {}
    #[inline(always)]
    fn repeat_small(&mut self, _: usize, _: u8) {}
}

impl OffsetSink for Vec<u32> {
    #[inline(always)]
    fn copied(&mut self, bytes: &[u8], start: usize, end: usize) {
        // Each byte maps to the start of its char: a continuation byte to the lead before it
        // (runs hold chars of one or two bytes only, so that is the byte before).
        let run = bytes.get(start..end).unwrap_or(&[]);
        // Positions count in u32 lanes, which the compiler vectorises.
        self.extend((start as u32..).zip(run).map(|(at, &x)| at - u32::from(x & 0xC0 == 0x80)));
    }
    #[inline(always)]
    fn repeat(&mut self, at: usize, n: usize) {
        for _ in 0..n {
            self.push(at as u32);
        }
    }
    #[inline(always)]
    fn repeat_small(&mut self, at: usize, n: u8) {
        if n == 2 {
            self.push(at as u32);
            self.push(at as u32);
        } else {
            self.repeat(at, n as usize);
        }
    }
}

/// Result of mapping one char through a chain.
enum Mapped<'s> {
    /// The char is kept as it is.
    Same,
    /// The char becomes this text (empty when dropped).
    Text(&'s str),
}

static MATCHING: LazyLock<Normalizer> = LazyLock::new(Normalizer::matching);
static LIGHT: LazyLock<Normalizer> = LazyLock::new(Normalizer::light);

/// The shared matching chain.
pub fn matching_normalizer() -> &'static Normalizer {
    &MATCHING
}

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
        assert_eq!(normalize_for_match("۱۹۹۸"), "1998");
        assert_eq!(normalize_for_match("حـــرب"), "حرب");
        assert_eq!(normalize_for_match("«تاس»"), "\"تاس\"");
        assert_eq!(normalize_for_match("ٱلسلام"), "السلام");
        assert_eq!(normalize_for_match("آمال"), "امال");
    }

    #[test]
    fn removes_quranic_marks_and_controls() {
        assert_eq!(normalize_for_match("بِسْمِ ٱللَّهِ"), "بسم الله");
        assert_eq!(normalize_for_match("الرحمٰن"), "الرحمن");
        assert_eq!(normalize_for_match("قال\u{200F} \u{202B}الوزير\u{202C}"), "قال الوزير");
        assert_eq!(normalize_for_match("مر\u{200C}حبا"), "مرحبا");
        assert_eq!(normalize_for_match("\u{FEFF}سلام"), "سلام");
    }

    #[test]
    fn presentation_forms_become_letters() {
        // Lam-alef ligatures become two letters, alef forms then fold.
        assert_eq!(normalize_for_match("\u{FEFB}"), "لا");
        assert_eq!(normalize_for_match("\u{FEF7}"), "لا");
        assert_eq!(normalize("\u{FEF7}"), "لأ");
        // Isolated, initial and final forms of a word.
        assert_eq!(normalize_for_match("\u{FEB3}\u{FEFC}\u{FEE1}"), "سلام");
        assert_eq!(normalize_for_match("\u{FDF2}"), "الله");
    }

    #[test]
    fn ya_kaf_hamza_and_ta_marbuta() {
        assert_eq!(normalize_for_match("کرمان"), "كرمان");
        assert_eq!(normalize_for_match("ایران"), "ايران");
        assert_eq!(normalize_for_match("مؤتمر"), "موتمر");
        assert_eq!(normalize_for_match("رئيس"), "رييس");
        assert_eq!(normalize_for_match("شهداء"), "شهداء");
        let loose = Normalizer::loose();
        assert_eq!(loose.normalize("شيء"), loose.normalize("شئ"));
        assert_eq!(loose.normalize("مساءً"), "مسا");
        assert_eq!(normalize_for_match("مدرسة"), "مدرسه");
        // The light chain keeps letters distinct.
        assert_eq!(normalize("مدرسةٌ"), "مدرسة");
        assert_eq!(normalize("أحمد"), "أحمد");
    }

    #[test]
    fn punctuation_and_spaces() {
        assert_eq!(normalize_for_match("لماذا؟ نعم، لا؛ ٥٠٪"), "لماذا? نعم, لا; 50%");
        assert_eq!(normalize_for_match("٢٫٥ و٦٬٥٠٠"), "2.5 و6,500");
        assert_eq!(normalize_for_match("a\u{00A0}b – c"), "a b - c");
        assert_eq!(normalize_for_match("﴿قل﴾"), "(قل)");
    }

    #[test]
    fn latin_lowercase_and_optional_accents() {
        assert_eq!(normalize_for_match("Élysée PARIS"), "élysée paris");
        let folded = Normalizer::matching_folded();
        assert_eq!(folded.normalize("Élysée Français"), "elysee francais");
        assert!(folded.filter_names().contains(&"latin-accents"));
    }

    #[test]
    fn mapped_spans_slice_original() {
        let s = "قال الرئيسُ الفرنسيّ: «لن نتخلّى»";
        let nt = normalize_mapped(s);
        let i = nt.text.find("الفرنسي").unwrap();
        let span = nt.to_original(i, i + "الفرنسي".len());
        assert_eq!(span.slice(s), "الفرنسيّ");
    }

    #[test]
    fn dropped_marks_belong_to_previous_letter() {
        let s = "مُحَمَّدٌ";
        let nt = normalize_mapped(s);
        assert_eq!(nt.text, "محمد");
        assert_eq!(nt.to_original(0, nt.text.len()).slice(s), s);
        // The last letter carries its shadda-free marks with it.
        let d = nt.text.len() - 'د'.len_utf8();
        assert_eq!(nt.to_original(d, nt.text.len()).slice(s), "دٌ");
        // A mark at the very start has nothing before it and is left out.
        let s = "\u{064E}باب";
        let nt = normalize_mapped(s);
        assert_eq!(nt.to_original(0, nt.text.len()).slice(s), "باب");
    }

    #[test]
    fn ligature_expansion_maps_to_whole_char() {
        let s = "ال\u{FEFB}جئ";
        let nt = normalize_mapped(s);
        assert_eq!(nt.text, "اللاجي");
        let l = "ال".len();
        // Only the lam of the expansion still maps to the whole ligature.
        let span = nt.to_original(l, l + 'ل'.len_utf8());
        assert_eq!(span.slice(s), "\u{FEFB}");
        assert_eq!(nt.from_original(s.len()), nt.text.len());
        assert_eq!(nt.orig_offset(nt.text.len()), s.len());
    }

    #[test]
    fn table_and_chain_agree_outside_the_table() {
        // Characters beyond the table go through the chain on the fly.
        let s = "𝐀 😀 中文 Ⅻ";
        assert_eq!(normalize_for_match(s), "𝐀 😀 中文 ⅻ");
        let nt = normalize_mapped(s);
        assert_eq!(nt.text, normalize_for_match(s));
    }

    /// Every method of a view agrees with `normalize_mapped` of the range alone.
    fn assert_view_matches(whole: &str, a: usize, b: usize) {
        let nt = normalize_mapped(whole);
        let view = nt.slice(Span::new(a, b));
        let alone = normalize_mapped(&whole[a..b]);
        assert_eq!(view.text, alone.text, "{a}..{b}");
        assert_eq!(view.original_len(), alone.original_len());
        assert_eq!(view.base(), a);
        let n = alone.text.len();
        for i in 0..=n + 1 {
            assert_eq!(view.orig_offset(i), alone.orig_offset(i), "orig_offset {i} of {a}..{b}");
            assert_eq!(view.orig_end_offset(i), alone.orig_end_offset(i), "orig_end_offset {i} of {a}..{b}");
            for j in 0..=n + 1 {
                assert_eq!(view.to_original(i, j), alone.to_original(i, j), "to_original {i}..{j} of {a}..{b}");
            }
        }
        for o in 0..=b - a + 1 {
            assert_eq!(view.from_original(o), alone.from_original(o), "from_original {o} of {a}..{b}");
        }
        assert_eq!(&nt.text[view.norm_range(&nt)], view.text);
        assert_eq!(nt.norm_range(Span::new(a, b)), view.norm_range(&nt));
    }

    #[test]
    fn views_equal_normalising_the_range_alone() {
        let s = "\u{064E}قال\u{200F} مُحَمَّدٌ: «ﻻ» ١٢ Élysée ـــ حرب\u{0651}";
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                assert_view_matches(s, a, b);
            }
        }
        let nt = normalize_mapped(s);
        assert_eq!(nt.view().text, nt.text);
        // A range past the end is clamped.
        assert_eq!(nt.slice(Span::new(2, s.len() + 9)).original_len(), s.len() - 2);
        // Forward lookups with any hint at or before the answer agree with the search, and
        // forward slices with any hint at all agree with slices.
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let want = nt.norm_range(Span::new(a, b));
                for hint in 0..=want.start {
                    assert_eq!(nt.norm_range_after(hint, Span::new(a, b)), want, "{a}..{b} from {hint}");
                }
                let slice = nt.slice(Span::new(a, b));
                for hint in 0..=nt.text.len() + 1 {
                    let fwd = nt.slice_after(hint, Span::new(a, b));
                    assert_eq!(fwd.text, slice.text, "{a}..{b} from {hint}");
                    assert_eq!(fwd.norm_range(&nt), slice.norm_range(&nt));
                    assert_eq!((fwd.base(), fwd.original_len()), (slice.base(), slice.original_len()));
                    for i in 0..=fwd.text.len() {
                        assert_eq!(fwd.orig_offset(i), slice.orig_offset(i));
                        assert_eq!(fwd.orig_end_offset(i), slice.orig_end_offset(i));
                    }
                }
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_the_chain() {
        // Every char below U+3100 and in the presentation forms, through the inline table,
        // the pooled table and the chain itself.
        let n = matching_normalizer();
        let mut s = String::new();
        for code in (0..0x3100u32).chain(0xFB00..0xFF00).chain([0x1D400, 0x1F600]) {
            if let Some(c) = char::from_u32(code) {
                s.push(c);
                s.push('x');
            }
        }
        let mut expected = String::new();
        let mut map = Vec::new();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for (i, c) in s.char_indices() {
            n.run_chain(c, &mut a, &mut b);
            for &d in &a {
                expected.push(d);
                map.resize(map.len() + d.len_utf8(), i);
            }
        }
        let nt = n.normalize_mapped(&s);
        assert_eq!(nt.text, expected);
        assert_eq!(n.normalize(&s), expected);
        assert!((0..map.len()).all(|i| nt.orig_offset(i) == map[i]));
    }

    #[test]
    fn near_search_agrees_with_partition_point() {
        // Texts that shrink (marks, tatweel) and grow (ligatures) through normalisation.
        let texts = ["", "a", "مُحَمَّدٌ ـــ حرب", "\u{FDF2}\u{FEFB}\u{FEFB} لا", &"قال\u{200F} «ﻻ» ١٢ Élysée ".repeat(20)];
        for s in texts {
            let nt = normalize_mapped(s);
            let map = &nt.orig_start;
            for orig in 0..=s.len() + 2 {
                let want = map.partition_point(|&x| (x as usize) < orig);
                assert_eq!(nt.from_original(orig), want, "{s:?} {orig}");
                for guess in 0..=map.len() + 2 {
                    assert_eq!(first_at_or_after(map, orig, guess), want, "{s:?} {orig} from {guess}");
                }
            }
        }
    }

    #[test]
    fn normalize_and_mapped_agree() {
        let s = "ﻻ يُمْكِنُ — «الأمم المتحدة» ١٢٣ Élysée\u{200F}ـ شيء";
        assert_eq!(normalize_mapped(s).text, normalize_for_match(s));
    }
}
