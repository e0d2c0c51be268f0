//! Tokens with exact original spans, and clitic analysis of Arabic words for lookup.

use crate::normalize::{is_arabic_mark, is_invisible_control, normalize_for_match, normalize_mapped, NormText};
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

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
    /// An e-mail address.
    Email,
    Punct,
    Symbol,
}

/// A token: its original span, kind, and matching-normalised form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The token text through the matching normaliser.
    pub norm: NormStr,
}

/// A token's normalised text: a range of a buffer shared by the tokens of one tokeniser call,
/// so that making tokens allocates once per call, not once per token. It reads as a `str`.
#[derive(Clone)]
pub struct NormStr {
    buf: Arc<str>,
    /// Byte range of `buf`; both ends lie on char boundaries of `buf` (checked when set).
    start: u32,
    end: u32,
}

impl NormStr {
    /// The range `start..end` of `buf`; a range that does not slice `buf` reads as "".
    fn new(buf: Arc<str>, start: usize, end: usize) -> NormStr {
        let mut s = NormStr { buf, start: 0, end: 0 };
        s.set_range(start, end);
        s
    }

    /// Sets the range to `start..end` of the buffer, or to an empty one when it does not slice it.
    #[inline]
    fn set_range(&mut self, start: usize, end: usize) {
        let fits = start <= end && self.buf.get(start..end).is_some() && end <= u32::MAX as usize;
        (self.start, self.end) = if fits { (start as u32, end as u32) } else { (0, 0) };
    }

    /// The text as a `str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        let range = self.start as usize..self.end as usize;
        debug_assert!(self.buf.get(range.clone()).is_some());
        // SAFETY: `set_range` is the only place that sets the range (`Clone` copies it with
        // the same buffer), and it keeps only ranges inside `buf` on char boundaries; `buf`
        // itself never changes. Checked slicing here costs the token readers of every layer.
        unsafe { self.buf.get_unchecked(range) }
    }
}

impl std::ops::Deref for NormStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for NormStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for NormStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for NormStr {
    fn from(s: &str) -> NormStr {
        NormStr::new(Arc::from(s), 0, s.len())
    }
}

impl From<String> for NormStr {
    fn from(s: String) -> NormStr {
        NormStr::from(s.as_str())
    }
}

impl PartialEq for NormStr {
    fn eq(&self, other: &NormStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for NormStr {}

impl PartialEq<str> for NormStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for NormStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for NormStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<NormStr> for str {
    fn eq(&self, other: &NormStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<NormStr> for String {
    fn eq(&self, other: &NormStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<NormStr> for &str {
    fn eq(&self, other: &NormStr) -> bool {
        *self == other.as_str()
    }
}

impl std::hash::Hash for NormStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::fmt::Debug for NormStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for NormStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for NormStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for NormStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<NormStr, D::Error> {
        String::deserialize(deserializer).map(NormStr::from)
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}' | '\u{06EF}' |
        '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' |
        '\u{FB50}'..='\u{FD3D}' | '\u{FD50}'..='\u{FDFB}' | '\u{FDFD}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` is an Arabic-script letter (presentation forms included).
pub fn is_arabic_char(c: char) -> bool {
    is_arabic_letter(c)
}

/// Arabic word-internal characters: letters, marks, tatweel, invisible controls.
fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_arabic_mark(c) || c == '\u{0640}' || is_invisible_control(c)
}

/// Char classes the tokeniser and the sentence splitter test, as bit flags, looked up in a
/// table for ASCII and the Arabic block and computed from the predicates above otherwise.
pub(crate) mod class {
    /// Skipped between tokens: white space, control or invisible control.
    pub const SKIP: u16 = 1;
    /// `char::is_alphanumeric`.
    pub const ALNUM: u16 = 2;
    /// [`super::is_digit`].
    pub const DIGIT: u16 = 4;
    /// Continues an Arabic word ([`super::is_arabic_word_char`]).
    pub const AR_WORD: u16 = 8;
    /// Continues a Latin word ([`super::is_latin_word_char`]).
    pub const LATIN_WORD: u16 = 16;
    /// `char::is_whitespace`.
    pub const WHITE: u16 = 32;
    /// Blocks a link start after it: alphanumeric or one of `. - _ @ /`.
    pub const LINK_BLOCK: u16 = 64;
    /// Continues a handle or hashtag.
    pub const TAG: u16 = 128;
    /// `char::is_alphabetic`.
    pub const ALPHA: u16 = 256;
    /// Part of a word before a dot: alphanumeric, a dot, tatweel or an Arabic mark.
    pub const DOT_WORD: u16 = 512;
    /// An invisible control ([`crate::normalize::is_invisible_control`]).
    pub const INVISIBLE: u16 = 1024;
}

/// Code points below this have their classes in [`CLASSES`].
const CLASSES_END: u32 = 0x0700;
/// The general punctuation block (quotes, dashes, direction marks), whose classes follow in
/// [`CLASSES`] from index [`CLASSES_END`] on.
const PUNCTUATION_BLOCK: std::ops::Range<u32> = 0x2000..0x2070;

fn compute_class(c: char) -> u16 {
    // The Unicode table searches, once each: the class tables are built from 2,000 chars.
    let (alpha, white) = (c.is_alphabetic(), c.is_whitespace());
    let alnum = alpha || c.is_numeric();
    let mut k = 0;
    if white || c.is_control() || is_invisible_control(c) {
        k |= class::SKIP;
    }
    if alnum {
        k |= class::ALNUM;
    }
    if is_digit(c) {
        k |= class::DIGIT;
    }
    if is_arabic_word_char(c) {
        k |= class::AR_WORD;
    }
    if is_latin_word_char(c) {
        k |= class::LATIN_WORD;
    }
    if white {
        k |= class::WHITE;
    }
    if alnum || matches!(c, '.' | '-' | '_' | '@' | '/') {
        k |= class::LINK_BLOCK;
    }
    if alnum
        || c == '_'
        || c == '\u{0640}'
        || is_arabic_mark(c)
        || c == '\u{200C}'
        || unicode_normalization::char::is_combining_mark(c)
    {
        k |= class::TAG;
    }
    if alpha {
        k |= class::ALPHA;
    }
    if alnum || c == '.' || c == '\u{0640}' || is_arabic_mark(c) {
        k |= class::DOT_WORD;
    }
    if is_invisible_control(c) {
        k |= class::INVISIBLE;
    }
    k
}

static CLASSES: LazyLock<Vec<u16>> = LazyLock::new(|| {
    (0..CLASSES_END).chain(PUNCTUATION_BLOCK).map(|code| char::from_u32(code).map_or(0, compute_class)).collect()
});

/// The classes of `c` (see [`class`]).
#[inline]
pub(crate) fn class_of(table: &[u16], c: char) -> u16 {
    let code = c as u32;
    let index = if code < CLASSES_END {
        Some(code as usize)
    } else if PUNCTUATION_BLOCK.contains(&code) {
        Some((CLASSES_END + code - PUNCTUATION_BLOCK.start) as usize)
    } else {
        None
    };
    match index.and_then(|i| table.get(i)) {
        Some(&k) => k,
        None => compute_class(c),
    }
}

/// For each two-byte char of the Arabic block (lead byte D8..DB), indexed by the low two bits
/// of its lead and the low six of its second byte: [`AR_CONT`] when it continues an Arabic
/// word and is no invisible control, and [`AR_START`] too when a word may start with it (not
/// skipped, not a digit).
static ARABIC_BLOCK: LazyLock<[u8; 256]> = LazyLock::new(|| {
    let mut t = [0u8; 256];
    for (k, e) in t.iter_mut().enumerate() {
        let k_class = char::from_u32(0x0600 + k as u32).map_or(0, compute_class);
        // Invisible controls (U+061C) are left to the generic reading, which gives them
        // back at a word's end.
        if k_class & class::AR_WORD != 0 && k_class & class::INVISIBLE == 0 {
            *e |= AR_CONT;
            if k_class & (class::SKIP | class::DIGIT) == 0 {
                *e |= AR_START;
            }
        }
    }
    t
});
/// [`ARABIC_BLOCK`] by the two bytes of a char, `b0 << 8 | b1`: zero unless `b0` is D8..DB,
/// so a byte pair is tested with one lookup.
static ARABIC_PAIRS: LazyLock<Box<[u8; 0x10000]>> = LazyLock::new(|| {
    let mut t = Box::new([0u8; 0x10000]);
    for b0 in 0xD8u8..=0xDB {
        for b1 in 0..=0xFFu8 {
            t[(usize::from(b0) << 8) | usize::from(b1)] = arabic_block(&ARABIC_BLOCK, b0, b1);
        }
    }
    t
});
const AR_CONT: u8 = 1;
const AR_START: u8 = 2;

/// The [`ARABIC_BLOCK`] entry of a two-byte char with lead `b0` (D8..DB) and second byte `b1`.
#[inline(always)]
fn arabic_block(t: &[u8; 256], b0: u8, b1: u8) -> u8 {
    t[((b0 as usize & 3) << 6) | (b1 as usize & 0x3F)]
}

/// The [`ARABIC_PAIRS`] entry of bytes `b0`, `b1` (zero unless `b0` is D8..DB).
#[inline(always)]
fn arabic_pair(t: &[u8; 0x10000], b0: u8, b1: u8) -> u8 {
    t[(usize::from(b0) << 8) | usize::from(b1)]
}

/// The class table, to hand to [`class_of`] in loops.
#[inline]
pub(crate) fn class_table() -> &'static [u16] {
    &CLASSES
}

/// ASCII, Arabic-Indic or Persian digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Letters of Latin (and other non-Arabic) words, with combining accents.
fn is_latin_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_arabic_letter(c) && !is_digit_other_script(c))
        || unicode_normalization::char::is_combining_mark(c) && !is_arabic_mark(c)
}

/// Arabic-script digits, which never continue a Latin word.
fn is_digit_other_script(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Sentence-final punctuation that forms one token when repeated ("...", "؟!").
fn is_terminal_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '«'
                | '»'
                | '“'
                | '”'
                | '„'
                | '‘'
                | '’'
                | '‚'
                | '…'
                | '–'
                | '—'
                | '―'
                | '٪'
                | '٫'
                | '٬'
                | '۔'
                | '‹'
                | '›'
                | '﴾'
                | '﴿'
                | '·'
                | '•'
                | '¡'
                | '¿'
                | '‐'
                | '‑'
        )
}

/// Characters a URL may run over.
fn is_url_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '«' | '»' | '<' | '>' | '“' | '”' | '،' | '\u{0}'..='\u{1F}')
}

/// Top-level domains accepted in a URL written without a scheme.
const BARE_TLDS: &[&str] = &[
    "com", "net", "org", "gov", "edu", "int", "info", "news", "io", "tv", "me", "co", "uk", "fr", "ru", "de", "eg",
    "sa", "ae", "qa", "lb", "sy", "iq", "jo", "ma", "dz", "tn", "ly", "ps", "ye", "om", "kw", "bh", "sd", "tr", "ir",
];

/// A cursor over the chars of a string, by byte offset.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl Cursor<'_> {
    #[inline]
    fn peek_at(&self, i: usize) -> Option<char> {
        let b = self.s.as_bytes();
        match b.get(i) {
            None => None,
            // ASCII and two-byte chars (Arabic among them) decoded here; the rest, and a byte
            // inside a char (which gives `None`), through the standard decoder.
            Some(&x) if x < 0x80 => Some(x as char),
            Some(&x) if (0xC2..0xE0).contains(&x) && i + 1 < b.len() => {
                char::from_u32(((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F))
            }
            _ => self.s.get(i..).and_then(|r| r.chars().next()),
        }
    }
    fn peek(&self) -> Option<char> {
        self.peek_at(self.i)
    }
    /// The char after the one at byte offset `i`.
    fn next_after(&self, i: usize) -> Option<char> {
        let c = self.peek_at(i)?;
        self.peek_at(i + c.len_utf8())
    }
    /// Advances over chars while `f` holds.
    fn eat_while(&mut self, f: impl Fn(char) -> bool) {
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            self.i += c.len_utf8();
        }
    }
}

/// Longest local part of an e-mail address considered.
const MAX_EMAIL_PART: usize = 64;
/// Longest host name considered.
const MAX_HOST: usize = 253;

/// Byte length of an e-mail address at the start of `s`, if one is there.
fn email_len(s: &str) -> Option<usize> {
    let is_local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    // Addresses are short: bounded scans keep long runs of such chars linear.
    let at = s.char_indices().take(MAX_EMAIL_PART + 1).find(|&(_, c)| !is_local(c))?.0;
    if at == 0 || !s[at..].starts_with('@') {
        return None;
    }
    let domain = &s[at + 1..];
    let mut len = domain
        .char_indices()
        .take(MAX_HOST + 1)
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .map_or(domain.len().min(MAX_HOST), |(k, _)| k);
    while len > 0 && matches!(domain.as_bytes()[len - 1], b'.' | b'-') {
        len -= 1;
    }
    let d = &domain[..len];
    let tld = d.rsplit('.').next().unwrap_or("");
    (d.contains('.') && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())).then_some(at + 1 + len)
}

/// Byte length of a URL at the start of `s`, with or without a scheme.
fn url_len(s: &str) -> Option<usize> {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let schemed = lower_starts("http://") || lower_starts("https://") || lower_starts("ftp://") || lower_starts("www.");
    if !schemed {
        // Without a scheme, only a host name ending in a known domain starts a URL; looking
        // at no more than a host name's length keeps the scan linear on long runs.
        let host_len = s
            .char_indices()
            .take(MAX_HOST + 1)
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .map_or(s.len().min(MAX_HOST), |(k, _)| k);
        let host = s[..host_len].trim_end_matches(['.', '-']);
        let labels: Vec<&str> = host.split('.').collect();
        let ok = labels.len() >= 2
            && labels.iter().all(|l| !l.is_empty())
            && labels.last().is_some_and(|t| BARE_TLDS.contains(&t.to_ascii_lowercase().as_str()));
        if !ok {
            return None;
        }
    }
    let mut len = s.find(|c: char| !is_url_char(c)).unwrap_or(s.len());
    // Trailing sentence punctuation and an unmatched closing bracket are not part of it.
    let head = &s[..len];
    let (opened, mut closed) = (head.matches('(').count(), head.matches(')').count());
    while let Some(last) = s[..len].chars().next_back() {
        let unmatched_paren = last == ')' && opened < closed;
        if matches!(last, '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '؟' | '؛') || unmatched_paren {
            len -= last.len_utf8();
            closed -= unmatched_paren as usize;
        } else {
            break;
        }
    }
    if schemed {
        let min = if lower_starts("www.") { 5 } else { s.find("//").map_or(0, |k| k + 3) };
        return (len >= min).then_some(len);
    }
    // Without a scheme the host was checked above; the URL must not end inside it.
    let host_end = s[..len].find('/').unwrap_or(len);
    (s[..host_end].contains('.') && !s[..host_end].ends_with('.')).then_some(len)
}

/// Chars below this code point have their matching form in [`CHAR_NORMS`].
const CHAR_NORMS_END: u32 = 0x0700;

/// Matching form of each char below [`CHAR_NORMS_END`], as a range of a shared pool.
struct CharNorms {
    pool: String,
    ranges: Vec<(u32, u32)>,
}

/// Built from the matching normaliser itself, one char at a time, so it agrees with it.
static CHAR_NORMS: LazyLock<CharNorms> = LazyLock::new(|| {
    let mut pool = String::new();
    let mut ranges = Vec::with_capacity(CHAR_NORMS_END as usize);
    for code in 0..CHAR_NORMS_END {
        let start = pool.len() as u32;
        if let Some(c) = char::from_u32(code) {
            pool.push_str(&normalize_for_match(c.encode_utf8(&mut [0u8; 4])));
        }
        ranges.push((start, pool.len() as u32));
    }
    CharNorms { pool, ranges }
});

/// The matching form of one token.
pub(crate) fn token_norm(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_token_norm(token, &mut out);
    out
}

/// Appends the matching form of one token to `out`: the chain maps each char on its own, so a
/// table of per-char forms gives it; other chars take the full normaliser.
fn push_token_norm(token: &str, out: &mut String) {
    let table = &*CHAR_NORMS;
    let at = out.len();
    for c in token.chars() {
        let form = table.ranges.get(c as usize).and_then(|&(a, b)| table.pool.get(a as usize..b as usize));
        match form {
            Some(f) => out.push_str(f),
            None => {
                out.truncate(at);
                out.push_str(&normalize_for_match(token));
                return;
            }
        }
    }
}

/// Splits `text[range]` into tokens; spans are absolute byte offsets into `text`.
///
/// Tokens never overlap, come in text order, and every span lies on char boundaries of
/// `text`. White space, control characters and invisible marks between tokens are skipped.
pub fn tokenize_range(text: &str, range: Span, out: &mut Vec<Token>) {
    tokenize_range_norm(text, range, None, out)
}

/// Like [`tokenize_range`], with `norm` the matching-normalised whole `text`
/// ([`crate::Document::norm`]): each token's `norm` is then a slice of it, not normalised
/// again. `norm` must have been made from `text`: one made from a text of another length is
/// ignored, one made from another text of the same length gives wrong norms.
pub fn tokenize_range_norm(text: &str, range: Span, norm: Option<&NormText>, out: &mut Vec<Token>) {
    let norm = norm.filter(|n| n.original_len() == text.len());
    let (buf, norm_base) = range_norm_buffer(range, norm);
    tokenize_into(text, range, norm, &buf, norm_base, &mut norm_base.clone(), out);
}

/// A text's whole normalised form with a copy of its text that the norms of all the text's
/// tokens share.
pub(crate) struct SharedNorm<'a> {
    pub norm: &'a NormText,
    pub buf: Arc<str>,
}

impl<'a> SharedNorm<'a> {
    pub fn new(norm: &'a NormText) -> SharedNorm<'a> {
        SharedNorm { norm, buf: Arc::from(norm.text.as_str()) }
    }
}

/// Like [`tokenize_range_norm`] with the norms cut from `shared`, for ranges taken in text
/// order: `norm_at` is a normalised byte at or before the range's normalised start (such as the
/// end of the previous range's), which saves a search, and moves to its last token's end.
pub(crate) fn tokenize_range_shared(
    text: &str,
    range: Span,
    shared: &SharedNorm<'_>,
    norm_at: &mut usize,
    out: &mut Vec<Token>,
) {
    if shared.norm.original_len() != text.len() {
        return tokenize_range_norm(text, range, None, out);
    }
    tokenize_into(text, range, Some(shared.norm), &shared.buf, 0, norm_at, out);
}

/// Like [`tokenize_range_norm`], stopping after the first `max` tokens of the range.
pub(crate) fn tokenize_range_first(text: &str, range: Span, norm: Option<&NormText>, max: usize, out: &mut Vec<Token>) {
    if max == 0 {
        return;
    }
    let norm = norm.filter(|n| n.original_len() == text.len());
    let first = out.len();
    let (buf, norm_base) = range_norm_buffer(range, norm);
    let mut left = max;
    scan_tokens_while(text, range, |span, kind| {
        out.push(Token { span, kind, norm: NormStr { buf: buf.clone(), start: 0, end: 0 } });
        left -= 1;
        left > 0
    });
    set_norms(text, norm, norm_base, &mut norm_base.clone(), out.get_mut(first..).unwrap_or_default());
}

/// Pushes the tokens of `text[range]`, with norms cut from `buf`, which starts at normalised
/// byte `norm_base` of `norm` (see [`set_norms`]).
fn tokenize_into(
    text: &str,
    range: Span,
    norm: Option<&NormText>,
    buf: &Arc<str>,
    norm_base: usize,
    norm_at: &mut usize,
    out: &mut Vec<Token>,
) {
    let first = out.len();
    // Spans and kinds first, norms after: the scan then pushes with a small inlined closure,
    // and the norms are set in a plain loop.
    scan_tokens(text, range, |span, kind| {
        out.push(Token { span, kind, norm: NormStr { buf: buf.clone(), start: 0, end: 0 } })
    });
    set_norms(text, norm, norm_base, norm_at, out.get_mut(first..).unwrap_or_default());
}

/// The buffer the norms of the tokens of `range` are cut from, and the normalised byte where it
/// starts: the normalised `range` cut from `norm` (the whole text's normalised form), else an
/// empty one that [`set_norms`] replaces.
fn range_norm_buffer(range: Span, norm: Option<&NormText>) -> (Arc<str>, usize) {
    match norm {
        Some(n) => {
            let whole = n.norm_range_after(0, range);
            (Arc::from(n.text.get(whole.clone()).unwrap_or("")), whole.start)
        }
        None => (Arc::from(""), 0),
    }
}

/// Sets the norms of `tokens`, just scanned from `text`, as ranges of their buffer, which
/// starts at normalised byte `norm_base` of `norm`; `norm_at` is a normalised byte at or before
/// the first token's norm and moves to the last one's end. Without `norm`, the norms are made
/// into a new buffer.
fn set_norms(text: &str, norm: Option<&NormText>, norm_base: usize, norm_at: &mut usize, tokens: &mut [Token]) {
    match norm {
        Some(n) => {
            // Norms are found moving forward: the first token's start from `norm_at`, every
            // later bound by a scan from the bound before, past the few bytes between tokens.
            // The map is nondecreasing, so a scan from a lower bound finds what a binary
            // search would (`NormText::norm_range`).
            let Some(first) = tokens.first() else { return };
            let (map, orig_len) = (n.orig_starts(), n.original_len());
            let mut at = n.from_original_after(*norm_at, first.span.start.min(orig_len));
            let first_at_or_after = |mut i: usize, orig: usize| {
                let orig = orig.min(u32::MAX as usize) as u32;
                while map.get(i).is_some_and(|&s| s < orig) {
                    i += 1;
                }
                i
            };
            for t in tokens {
                let end = t.span.end.min(orig_len);
                let start = t.span.start.min(end);
                let a = first_at_or_after(at, start);
                // Most words keep their byte length through normalisation: try that end first.
                let guess = a + (end - start);
                let e = end.min(u32::MAX as usize) as u32;
                let fits =
                    guess > a && map.get(guess - 1).is_some_and(|&s| s < e) && map.get(guess).is_none_or(|&s| s >= e);
                let b = if fits { guess } else { first_at_or_after(a, end) };
                at = b;
                t.norm.set_range(a.saturating_sub(norm_base), b.saturating_sub(norm_base));
            }
            *norm_at = at;
        }
        None => {
            // The tokens' norms one after the other in one new buffer.
            let mut joined = String::new();
            let mut ends = Vec::with_capacity(tokens.len());
            for t in tokens.iter() {
                push_token_norm(t.span.slice(text), &mut joined);
                ends.push(joined.len());
            }
            let buf: Arc<str> = Arc::from(joined);
            let mut start = 0;
            for (t, end) in tokens.iter_mut().zip(ends) {
                t.norm = NormStr::new(buf.clone(), start, end);
                start = end;
            }
        }
    }
}

/// The spans and kinds of the tokens of `text[range]`, as [`tokenize_range`] finds them,
/// without their norms.
pub(crate) fn scan_tokens(text: &str, range: Span, mut emit: impl FnMut(Span, TokenKind)) {
    scan_tokens_while(text, range, |span, kind| {
        emit(span, kind);
        true
    })
}

/// Like [`scan_tokens`], stopping when `emit` returns false.
fn scan_tokens_while(text: &str, range: Span, mut emit: impl FnMut(Span, TokenKind) -> bool) {
    if range.start >= range.end {
        return;
    }
    let base = range.start;
    let s = range.slice(text);
    let table = class_table();
    let class = |c: char| class_of(table, c);
    let bytes = s.as_bytes();
    let arabic = &**ARABIC_PAIRS;
    let mut cur = Cursor { s, i: 0 };
    loop {
        // A space, the commonest char between tokens, is skipped without decoding.
        if bytes.get(cur.i) == Some(&b' ') {
            cur.i += 1;
            continue;
        }
        // Fast path: a word starting with a two-byte char of the Arabic block (U+0600..U+06FF,
        // lead bytes D8..DB) that is an Arabic word char, neither skipped nor a digit.
        if let (Some(&b0), Some(&b1)) = (bytes.get(cur.i), bytes.get(cur.i + 1)) {
            if arabic_pair(arabic, b0, b1) & AR_START != 0 {
                let start = cur.i;
                cur.i = arabic_word_end(s, start, table, arabic);
                if !emit(Span::new(base + start, base + cur.i), TokenKind::Arabic) {
                    return;
                }
                continue;
            }
        }
        let Some(c) = cur.peek() else { break };
        let k = class(c);
        if k & class::SKIP != 0 {
            cur.i += c.len_utf8();
            continue;
        }
        let start = cur.i;
        let rest = &s[start..];
        let kind;
        // URLs and addresses start a word: not after a letter, digit, dot or dash.
        let link_start = c.is_ascii_alphanumeric()
            && s[..start].chars().next_back().is_none_or(|p| class(p) & class::LINK_BLOCK == 0);
        if let Some(len) = link_start.then(|| url_len(rest)).flatten() {
            cur.i += len;
            kind = TokenKind::Url;
        } else if let Some(len) = link_start.then(|| email_len(rest)).flatten() {
            cur.i += len;
            kind = TokenKind::Email;
        } else if (c == '@' || c == '#' || c == '＃')
            && cur.next_after(start).is_some_and(|d| d.is_alphanumeric() || d == '_')
        {
            cur.i += c.len_utf8();
            cur.eat_while(|d| class(d) & class::TAG != 0);
            kind = if c == '@' { TokenKind::Handle } else { TokenKind::Hashtag };
        } else if k & class::DIGIT != 0 {
            cur.i += c.len_utf8();
            loop {
                match cur.peek() {
                    Some(d) if is_digit(d) => cur.i += d.len_utf8(),
                    Some(d @ (',' | '.' | '٫' | '٬')) if cur.next_after(cur.i).is_some_and(is_digit) => {
                        cur.i += d.len_utf8()
                    }
                    _ => break,
                }
            }
            kind = TokenKind::Number;
        } else if k & class::AR_WORD != 0 {
            cur.i = arabic_word_end(s, start, table, arabic);
            kind = TokenKind::Arabic;
        } else if k & class::LATIN_WORD != 0 {
            cur.eat_while(|d| class(d) & class::LATIN_WORD != 0);
            // Whether every dot-separated part so far is a single letter ("U.S").
            let mut single_letters = s[start..cur.i].chars().nth(1).is_none();
            while let Some(d) = cur.peek() {
                let after = cur.next_after(cur.i);
                let joins_word =
                    matches!(d, '\'' | '’' | '-') && after.is_some_and(|a| a.is_alphabetic() && !is_arabic_letter(a));
                // Acronyms with dots: "U.S.", "A.F.P".
                let acronym = d == '.'
                    && single_letters
                    && after.is_some_and(|a| a.is_uppercase())
                    && s[start..cur.i].chars().next_back().is_some_and(|l| l.is_uppercase());
                if joins_word || acronym {
                    cur.i += d.len_utf8();
                    let part = cur.i;
                    cur.eat_while(|d| class(d) & class::LATIN_WORD != 0);
                    single_letters &= acronym && s[part..cur.i].chars().nth(1).is_none();
                } else {
                    break;
                }
            }
            // The final dot of an acronym belongs to it.
            if single_letters && s[start..cur.i].contains('.') && cur.peek() == Some('.') {
                cur.i += 1;
            }
            kind = TokenKind::Latin;
        } else if is_terminal_punct(c) {
            cur.eat_while(is_terminal_punct);
            kind = TokenKind::Punct;
        } else if c == '-' {
            cur.eat_while(|d| d == '-');
            kind = TokenKind::Punct;
        } else {
            cur.i += c.len_utf8();
            kind = if is_punct(c) { TokenKind::Punct } else { TokenKind::Symbol };
        }
        if !emit(Span::new(base + start, base + cur.i), kind) {
            return;
        }
    }
}

/// End of the Arabic word that starts at byte `start` of `s` with an Arabic word char:
/// Arabic word chars are taken, and invisible controls at its end given back.
#[inline(always)]
fn arabic_word_end(s: &str, start: usize, table: &[u16], arabic: &[u8; 0x10000]) -> usize {
    let bytes = s.as_bytes();
    let mut i = start;
    // Whether the last char taken came from the Arabic block table, which holds no
    // invisible control, so that there is nothing to give back.
    let mut last_from_block = false;
    loop {
        // Two-byte chars of the Arabic block, read in pairs without decoding (`s` is valid
        // UTF-8, so a lead byte D8..DB is followed by its continuation byte), two at a time.
        let from = bytes.get(i..).unwrap_or_default();
        let mut rest = from;
        while let [a, b, c, d, tail @ ..] = rest {
            if arabic_pair(arabic, *a, *b) & arabic_pair(arabic, *c, *d) & AR_CONT == 0 {
                break;
            }
            rest = tail;
        }
        if let [a, b, tail @ ..] = rest {
            if arabic_pair(arabic, *a, *b) & AR_CONT != 0 {
                rest = tail;
            }
        }
        if rest.len() < from.len() {
            i += from.len() - rest.len();
            last_from_block = true;
        }
        // Any other char (presentation forms, invisible controls, other blocks); ASCII never
        // continues an Arabic word.
        if bytes.get(i).is_none_or(|b| b.is_ascii()) {
            break;
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if class_of(table, c) & class::AR_WORD != 0 => {
                i += c.len_utf8();
                last_from_block = false;
            }
            _ => break,
        }
    }
    if last_from_block {
        return i;
    }
    // Invisible controls at the end of a word are not part of it.
    while let Some(last) = s[start..i].chars().next_back() {
        if class_of(table, last) & class::INVISIBLE != 0 && i - last.len_utf8() > start {
            i -= last.len_utf8();
        } else {
            break;
        }
    }
    i
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

impl<'a> CliticAnalysis<'a> {
    /// Whether the proclitics carry the definite article (ال, or لل for ل + ال).
    pub fn definite(&self) -> bool {
        self.prefix.ends_with("ال") || self.prefix.ends_with("لل")
    }

    /// Byte range of the stem inside the analysed word.
    pub fn stem_range(&self) -> std::ops::Range<usize> {
        self.prefix.len()..self.prefix.len() + self.stem.len()
    }

    /// The stem as a lexicon lists it: a ta marbuta written ت before an enclitic comes back
    /// (حكومته → حكومه, in matching form), otherwise the stem itself.
    pub fn lookup_form(&self) -> Cow<'a, str> {
        if !self.suffix.is_empty() {
            if let Some(base) = self.stem.strip_suffix('ت') {
                if base.chars().count() >= 2 {
                    return Cow::Owned(format!("{base}ه"));
                }
            }
        }
        Cow::Borrowed(self.stem)
    }

    /// The stem with the article put back when the proclitics held it (للرئيس → الرييس).
    pub fn definite_form(&self) -> Option<String> {
        self.definite().then(|| format!("ال{}", self.lookup_form()))
    }
}

/// Proclitic sequences, in matching form: conjunction, preposition or future particle, article.
const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وسي", "وست", "وسن", "وسا",
    "فسي", "فست", "فسن", "وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س",
];

/// Pronoun enclitics, in matching form.
const ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ني", "ه", "ك", "ي"];

/// Candidate readings of a normalised Arabic word, the unsegmented word first.
///
/// Then come readings with proclitics only, longest proclitic sequence first (وبال before
/// وب before و), then readings with a pronoun enclitic. Stems shorter than two letters are
/// not proposed, and the article never comes with an enclitic. [`lookup_forms`] gives the
/// stems ordered from least to most segmentation instead.
pub fn clitic_analyses(norm: &str) -> Vec<CliticAnalysis<'_>> {
    let mut out = vec![CliticAnalysis { prefix: "", stem: norm, suffix: "" }];
    let letters = norm.chars().count();
    if letters < 3 {
        return out;
    }
    for p in PROCLITICS.iter().copied() {
        if let Some(stem) = norm.strip_prefix(p) {
            if stem.chars().count() >= 2 {
                out.push(CliticAnalysis { prefix: p, stem, suffix: "" });
            }
        }
    }
    let n = out.len();
    for k in 0..n {
        let a = out[k].clone();
        for s in ENCLITICS.iter().copied() {
            if let Some(stem) = a.stem.strip_suffix(s) {
                // The article never comes with a pronoun enclitic.
                if stem.chars().count() >= 2 && !a.definite() {
                    out.push(CliticAnalysis { prefix: a.prefix, stem, suffix: s });
                }
            }
        }
    }
    out
}

/// Distinct strings to look a normalised word up under, from least to most segmentation
/// (fewest clitic letters first): each stem's lookup form, and its definite form when the
/// article was a proclitic. A caller keeps the first form its lexicon knows.
pub fn lookup_forms(norm: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut analyses = clitic_analyses(norm);
    // Fewest clitic letters first; at a tie, a proclitic before an enclitic (a final ه is
    // as often a ta marbuta as a pronoun).
    analyses.sort_by_key(|a| (a.prefix.len() + a.suffix.len(), a.suffix.len()));
    for a in analyses {
        let form = a.lookup_form().into_owned();
        if !out.contains(&form) {
            out.push(form);
        }
        if let Some(d) = a.definite_form() {
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// The original span of an analysis' stem inside `token`, whose `norm` was analysed.
///
/// Marks and tatweel inside the stem stay with it; the result always slices `text`.
pub fn stem_span(text: &str, token: &Token, analysis: &CliticAnalysis<'_>) -> Span {
    let nt = normalize_mapped(token.span.slice(text));
    let r = analysis.stem_range();
    if nt.text.get(r.clone()).is_none_or(|s| s != analysis.stem) {
        return token.span;
    }
    let local = nt.to_original(r.start, r.end);
    Span::new(token.span.start + local.start, token.span.start + local.end)
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

    fn texts(t: &str) -> Vec<(&str, TokenKind)> {
        tokenize(t).iter().map(|k| (k.span.slice(t), k.kind)).collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        let t = "بلغت الخسائر ٦٬٥٠٠ دولار ونسبة ٢٫٥ و1,250,000 و3.75%";
        let got = texts(t);
        assert!(got.contains(&("٦٬٥٠٠", TokenKind::Number)));
        assert!(got.contains(&("٢٫٥", TokenKind::Number)));
        assert!(got.contains(&("1,250,000", TokenKind::Number)));
        assert!(got.contains(&("3.75", TokenKind::Number)));
        assert!(got.contains(&("%", TokenKind::Punct)));
        // A comma after a number and before a word is punctuation.
        let got = texts("عام 2020، وبعده");
        assert!(got.contains(&("2020", TokenKind::Number)));
        assert!(got.contains(&("،", TokenKind::Punct)));
    }

    #[test]
    fn urls_emails_handles_hashtags() {
        let t = "راسلونا على info@example.org أو زوروا www.example.com/ar?x=1. تابعوا @news_desk و#غزة_الآن و#عاجل";
        let got = texts(t);
        assert!(got.contains(&("info@example.org", TokenKind::Email)));
        assert!(got.contains(&("www.example.com/ar?x=1", TokenKind::Url)));
        assert!(got.contains(&("@news_desk", TokenKind::Handle)));
        assert!(got.contains(&("#غزة_الآن", TokenKind::Hashtag)));
        assert!(got.contains(&("#عاجل", TokenKind::Hashtag)));
        let got = texts("المصدر: aljazeera.net و(https://a.b/c_(d)).");
        assert!(got.contains(&("aljazeera.net", TokenKind::Url)));
        assert!(got.contains(&("https://a.b/c_(d)", TokenKind::Url)));
    }

    #[test]
    fn latin_words_and_acronyms() {
        let got = texts("قالت l'Élysée إن U.S. وJean-Yves Le Drian e\u{301}te");
        assert!(got.contains(&("l'Élysée", TokenKind::Latin)));
        assert!(got.contains(&("U.S.", TokenKind::Latin)));
        assert!(got.contains(&("Jean-Yves", TokenKind::Latin)));
        assert!(got.contains(&("e\u{301}te", TokenKind::Latin)));
        // The conjunction is glued to the Latin name but is a token of its own.
        assert!(got.contains(&("و", TokenKind::Arabic)));
    }

    #[test]
    fn arabic_words_keep_marks_and_tatweel() {
        let got = texts("وفقاً لـ\"وكالة\" مُحَمَّد\u{200F}؟!...");
        assert_eq!(got[0], ("وفقاً", TokenKind::Arabic));
        assert_eq!(got[1], ("لـ", TokenKind::Arabic));
        assert!(got.contains(&("مُحَمَّد", TokenKind::Arabic)));
        assert_eq!(got.last(), Some(&("؟!...", TokenKind::Punct)));
    }

    #[test]
    fn controls_and_symbols_are_safe() {
        let t = "\u{0}a\u{202E}ب😀\u{FE0F}﴿قل﴾";
        let toks = tokenize(t);
        let got: Vec<_> = toks.iter().map(|k| k.span.slice(t)).collect();
        assert_eq!(got, vec!["a", "ب", "😀", "﴿", "قل", "﴾"]);
    }

    #[test]
    fn norm_matches_per_token_normalisation() {
        // Marks, tatweel, ligatures, controls, Persian digits and Latin accents together.
        let t = "قالـــت ﻻ \u{FEF7}حد \u{200F}مُحَمَّد\u{200C} ۱۲٫۵ Élysée،«وزارةُ» ﷲ ئ ؤ ى x\u{301}y";
        for tok in tokenize(t) {
            assert_eq!(tok.norm, normalize_for_match(tok.span.slice(t)), "{:?}", tok.span.slice(t));
        }
    }

    #[test]
    fn norms_share_one_buffer_and_read_as_strings() {
        let t = "قالَ الوزيرُ: «نعم». ثم غادرَ";
        let mut doc = crate::Document::new("t", t);
        doc.ensure_norm();
        let mut with_norm = Vec::new();
        let mut at = 0;
        for range in [Span::new(0, 23), Span::new(23, t.len())] {
            if let Some(n) = doc.norm.as_ref() {
                tokenize_range_shared(t, range, &SharedNorm::new(n), &mut at, &mut with_norm);
            }
        }
        let plain = tokenize(t);
        assert_eq!(with_norm, plain);
        for tok in &plain {
            let expected = normalize_for_match(tok.span.slice(t));
            assert_eq!(tok.norm, expected);
            assert_eq!(tok.norm.to_string(), expected);
            assert_eq!(format!("{:?}", tok.norm), format!("{expected:?}"));
        }
        assert_eq!(plain[0].norm, "قال");
        assert_eq!("قال", plain[0].norm);
        // Serialised as a plain string, and read back.
        let json = serde_json::to_string(&plain[1]).unwrap_or_default();
        assert!(json.contains("\"norm\":\"الوزير\""), "{json}");
        let back: Option<Token> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&plain[1]));
        // A range that does not slice the buffer reads as empty.
        assert_eq!(NormStr::new(Arc::from("قال"), 1, 3).as_str(), "");
        assert_eq!(NormStr::new(Arc::from("قال"), 2, 9).as_str(), "");
        assert_eq!(NormStr::new(Arc::from("قال"), 2, 4).as_str(), "ا");
    }

    #[test]
    fn arabic_block_table_agrees_with_the_classes() {
        let (t, table) = (&*ARABIC_BLOCK, class_table());
        for code in 0x0600u32..0x0700 {
            let c = char::from_u32(code).unwrap();
            let mut utf8 = [0u8; 2];
            c.encode_utf8(&mut utf8);
            let k = class_of(table, c);
            let e = arabic_block(t, utf8[0], utf8[1]);
            assert_eq!(e & AR_CONT != 0, k & class::AR_WORD != 0 && k & class::INVISIBLE == 0, "{code:X}");
            let starts = k & (class::AR_WORD | class::SKIP | class::DIGIT) == class::AR_WORD;
            assert_eq!(e & AR_START != 0, starts, "{code:X}");
        }
        // The punctuation block is in the table too.
        for code in 0x1FF0u32..0x2080 {
            let c = char::from_u32(code).unwrap();
            assert_eq!(class_of(table, c), compute_class(c), "{code:X}");
        }
        // Words of the fast path end where the generic reading ends them.
        let t = "كلمة\u{061C} مُحَمَّد\u{200F}، ﻻ١٢ ـعربيـ\u{0640}";
        let got: Vec<_> = tokenize(t).iter().map(|k| k.span.slice(t)).collect();
        assert_eq!(got, vec!["كلمة", "مُحَمَّد", "،", "ﻻ", "١٢", "ـعربيـ\u{0640}"]);
    }

    #[test]
    fn clitic_order_goes_from_least_segmented() {
        let a = clitic_analyses("وبالقاهره");
        assert_eq!(a[0].stem, "وبالقاهره");
        assert_eq!(a[1].prefix, "وبال");
        assert!(a[1].definite());
        let forms = lookup_forms("وبالقاهره");
        let pos = |f: &str| forms.iter().position(|x| x == f);
        assert_eq!(pos("وبالقاهره"), Some(0));
        assert!(pos("بالقاهره") < pos("القاهره") && pos("القاهره") < pos("قاهره"));
        let forms = lookup_forms(&normalize_for_match("للرئيس"));
        assert!(forms.contains(&"الرييس".to_string()));
        let forms = lookup_forms(&normalize_for_match("حكومته"));
        assert!(forms.contains(&"حكومه".to_string()));
        let forms = lookup_forms(&normalize_for_match("فسنلتقي"));
        assert!(forms.contains(&"لتقي".to_string()));
        // The article does not take a pronoun enclitic.
        assert!(!clitic_analyses("الكتابه").iter().any(|x| x.prefix == "ال" && x.suffix == "ه"));
    }

    #[test]
    fn stem_span_maps_back_to_original() {
        let t = "وبالعاصمةِ الأرمينيّة";
        let toks = tokenize(t);
        let a = clitic_analyses(&toks[0].norm);
        let an = a.iter().find(|x| x.prefix == "وبال").unwrap();
        assert_eq!(stem_span(t, &toks[0], an).slice(t), "عاصمةِ");
    }

    #[test]
    fn clitics_give_stems() {
        let a = clitic_analyses("وبموسكو");
        assert!(a.iter().any(|x| x.stem == "موسكو" && x.prefix == "وب"));
        let a = clitic_analyses("نظيريه");
        assert!(a.iter().any(|x| x.stem == "نظيري" && x.suffix == "ه"));
    }
}
