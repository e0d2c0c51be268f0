//! Splits matching-normalised text into words, digit numbers and symbols for the number parser.
//!
//! The lexer runs over the output of `hadath_text::normalize::normalize_mapped`, where every
//! digit is ASCII and the Arabic separators are folded (`٫` to `.`, `٬` and `،` to `,`,
//! `٪` to `%`), so digit handling is plain byte work. Spans are normalised byte offsets.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokKind {
    /// A run of letters.
    Word,
    /// A number written in digits, already valued.
    Num { value: f64, integer: bool },
    /// One punctuation or symbol character.
    Sym(char),
    /// Something numbers must not be read from: a URL, a handle, a phone number, digits glued
    /// to letters.
    Blocked,
}

/// A token with its normalised byte range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// Letters of words; Arabic-block letters are decided without Unicode tables.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' => true,
        '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Bytes of the ASCII digit run starting at `i`.
fn digit_run(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Tokenises normalised text.
pub(crate) fn lex(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    // A token takes six bytes or more on average in Arabic news: one allocation, mostly.
    let mut toks = Vec::with_capacity(b.len() / 6 + 4);
    let mut i = 0;
    let mut chunk_start = true;
    while i < b.len() {
        // Fast paths: a space, and a word that begins with an Arabic letter (no URL, handle,
        // sign or digit can begin with one).
        if b[i] == b' ' {
            chunk_start = true;
            i += 1;
            continue;
        }
        if i + 1 < b.len() && arabic_letter2(b[i], b[i + 1]) {
            chunk_start = false;
            let end = word_end(text, i);
            toks.push(Tok { start: i, end, kind: TokKind::Word });
            i = end;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if c.is_whitespace() {
            chunk_start = true;
            i += c.len_utf8();
            continue;
        }
        let at_chunk = chunk_start;
        chunk_start = false;
        let rest = &text[i..];
        if at_chunk && (is_url_start(rest) || ((c == '@' || c == '#') && next_is_word(rest))) {
            let end = chunk_end(text, i);
            toks.push(Tok { start: i, end, kind: TokKind::Blocked });
            i = end;
            continue;
        }
        let prev = text[..i].chars().next_back();
        if c == '+' && at_chunk && b.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
            let end = phone_end(b, i + 1);
            toks.push(Tok { start: i, end, kind: TokKind::Blocked });
            i = end;
            continue;
        }
        let sign_ok =
            (c == '-' || c == '\u{2212}') && !prev.is_some_and(|p| p.is_ascii_digit() || is_letter(p) || p == '%');
        let next_digit = b.get(i + c.len_utf8()).is_some_and(|d| d.is_ascii_digit());
        let dot_start = c == '.' && next_digit && !prev.is_some_and(|p| p.is_ascii_digit() || is_letter(p) || p == '.');
        if c.is_ascii_digit() || (sign_ok && next_digit) || dot_start {
            let (end, val) = lex_number(text, i);
            let glued_after = text[end..].chars().next().is_some_and(is_letter);
            let latin_before = prev.is_some_and(|p| p.is_ascii_alphabetic());
            let kind = match val {
                Some((value, integer)) if !glued_after && !latin_before => TokKind::Num { value, integer },
                _ => TokKind::Blocked,
            };
            let end = if glued_after { word_end(text, end) } else { end };
            // Always move on, even when nothing could be read as a number.
            let (end, kind) = if end > i { (end, kind) } else { (i + c.len_utf8(), TokKind::Sym(c)) };
            toks.push(Tok { start: i, end, kind });
            i = end;
            continue;
        }
        if is_letter(c) {
            let end = word_end(text, i);
            toks.push(Tok { start: i, end, kind: TokKind::Word });
            i = end;
            continue;
        }
        let end = i + c.len_utf8();
        toks.push(Tok { start: i, end, kind: TokKind::Sym(c) });
        i = end;
    }
    toks
}

/// What a byte is to [`digit_or_word`].
#[derive(Clone, Copy, PartialEq)]
enum ByteKind {
    /// An ASCII letter, or any byte of a non-ASCII char: a word may start here.
    Word,
    Digit,
    /// Any other ASCII byte: space or punctuation.
    Other,
}

/// [`ByteKind`] of every byte, so that the scan tests a byte with one load.
static BYTE_KINDS: [ByteKind; 256] = {
    let mut t = [ByteKind::Other; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 || b.is_ascii_alphabetic() {
            ByteKind::Word
        } else if b.is_ascii_digit() {
            ByteKind::Digit
        } else {
            ByteKind::Other
        };
        i += 1;
    }
    t
};

/// Whether `text` holds an ASCII digit, or a word for which `hit` holds (given the word's
/// bytes, always a whole `str`). The words tried are those before the first digit, which are
/// the words [`lex`] makes there: without digits no number token can start, so every word
/// token is a maximal run of letters. (A word inside a link or handle is tried too, though
/// `lex` blocks it.)
pub(crate) fn digit_or_word(text: &str, mut hit: impl FnMut(&[u8]) -> bool) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // Spaces and ASCII punctuation begin no word; digits end the search.
        match BYTE_KINDS[x as usize] {
            ByteKind::Digit => return true,
            ByteKind::Other => {
                i += 1;
                continue;
            }
            ByteKind::Word => {}
        }
        let end = word_end(text, i);
        if end > i {
            // `word_end` stops on char boundaries, so the bytes are a whole `str`.
            if b.get(i..end).is_some_and(&mut hit) {
                return true;
            }
            i = end;
        } else {
            i += text.get(i..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
        }
    }
    false
}

fn is_url_start(rest: &str) -> bool {
    rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")
}

fn next_is_word(rest: &str) -> bool {
    rest.chars().nth(1).is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn chunk_end(text: &str, i: usize) -> usize {
    text[i..].find(char::is_whitespace).map(|k| i + k).unwrap_or(text.len())
}

/// The Arabic letter U+0621 … U+064A whose two UTF-8 bytes are `b0 b1`, if they are one.
#[inline]
fn arabic_letter2(b0: u8, b1: u8) -> bool {
    // U+0621 … U+063F are D8 A1 … D8 BF; U+0640 … U+064A are D9 80 … D9 8A.
    (b0 == 0xD8 && (0xA1..=0xBF).contains(&b1)) || (b0 == 0xD9 && (0x80..=0x8A).contains(&b1))
}

/// Lanes of four 16-bit values in a `u64`.
const LANES: u64 = 0x0001_0001_0001_0001;

/// Bytes from `j` (a char boundary) over which every char is a two-byte Arabic letter
/// U+0621 … U+064A, read eight bytes (four letters) at a time; the caller goes on char by char
/// from the returned offset.
#[inline(always)]
fn arabic_run_end(b: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = b.get(j..j + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        // Each 16-bit lane holds a lead byte (low) and the byte after it (high).
        let lead = w & (0xFF * LANES);
        let cont = (w >> 8) & (0xFF * LANES);
        // A lead of D8 or D9: `(lead ^ D8) & FE` is zero. As `j` and every lane before are on
        // char boundaries, such a lead is followed by a continuation byte.
        let lead_off = (lead ^ (0xD8 * LANES)) & (0xFE * LANES);
        let lead_bad = (lead_off + 0x7FFF * LANES) & (0x8000 * LANES);
        // The letter's offset from U+0600 (0 … 0x7F) must lie in 0x21 … 0x4A.
        let low = ((lead & LANES) << 6) | (cont & (0x3F * LANES));
        let ge = (low + (0x8000 - 0x21) * LANES) & (0x8000 * LANES);
        let gt = (low + (0x7FFF - 0x4A) * LANES) & (0x8000 * LANES);
        let bad = lead_bad | (!ge & (0x8000 * LANES)) | gt;
        if bad == 0 {
            j += 8;
            continue;
        }
        // Two bytes per lane before the first bad one.
        return j + (bad.trailing_zeros() as usize / 16) * 2;
    }
    j
}

#[inline(always)]
fn word_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = arabic_run_end(b, i);
    while j < b.len() {
        let x = b[j];
        if x < 0x80 {
            if x.is_ascii_alphabetic() {
                j += 1;
                continue;
            }
            return j;
        }
        if j + 1 < b.len() && arabic_letter2(x, b[j + 1]) {
            j += 2;
            continue;
        }
        match text.get(j..).and_then(|r| r.chars().next()) {
            Some(c) if is_letter(c) => j += c.len_utf8(),
            _ => return j,
        }
    }
    j
}

/// End of a phone number written `+1-222-2222/2222` or `+1 222 2222`.
fn phone_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let c = b[i];
        let joins = matches!(c, b'-' | b'/' | b' ' | b'(' | b')') && b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
        if c.is_ascii_digit() || joins {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// ASCII text gathered on the stack while it fits (digits of one number mostly do), so that
/// reading a number allocates nothing; a longer text moves to the heap.
struct Digits {
    buf: [u8; 40],
    len: usize,
    heap: String,
}

impl Default for Digits {
    fn default() -> Self {
        Digits { buf: [0; 40], len: 0, heap: String::new() }
    }
}

impl Digits {
    fn push_str(&mut self, s: &str) {
        if self.heap.is_empty() {
            if let Some(dst) = self.buf.get_mut(self.len..self.len + s.len()) {
                dst.copy_from_slice(s.as_bytes());
                self.len += s.len();
                return;
            }
            self.heap.push_str(std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""));
        }
        self.heap.push_str(s);
    }

    fn as_str(&self) -> &str {
        if self.heap.is_empty() {
            std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
        } else {
            &self.heap
        }
    }

    fn len(&self) -> usize {
        if self.heap.is_empty() {
            self.len
        } else {
            self.heap.len()
        }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Reads a digit number at `i`; returns its end and its value, or `None` for digits that are
/// not a quantity (a phone-like string with a leading zero).
fn lex_number(text: &str, start: usize) -> (usize, Option<(f64, bool)>) {
    let b = text.as_bytes();
    let mut i = start;
    let mut neg = false;
    if b[i] == b'-' {
        neg = true;
        i += 1;
    } else if text[i..].starts_with('\u{2212}') {
        neg = true;
        i += '\u{2212}'.len_utf8();
    }
    let mut int_digits = Digits::default();
    let n = digit_run(b, i);
    int_digits.push_str(&text[i..i + n]);
    i += n;
    let mut frac_digits = Digits::default();
    let mut grouped = false;
    if n > 0 && n <= 3 {
        // Thousands groups: `6,500`, `1,234,567`, `1.234.567`, `40 000`.
        for sep in [b',', b'.', b' '] {
            let mut j = i;
            let mut groups = Vec::new();
            while b.get(j) == Some(&sep) && digit_run(b, j + 1) == 3 && !followed_by_letter(text, j + 4) {
                groups.push(j + 1);
                j += 4;
                if sep == b' ' && b.get(j) == Some(&b' ') && digit_run(b, j + 1) == 3 {
                    continue;
                }
            }
            // A single dot group is a decimal; dots must repeat to mean thousands.
            let enough = match sep {
                b'.' => groups.len() >= 2 && b.get(j) != Some(&b'.'),
                _ => !groups.is_empty(),
            };
            if enough {
                for g in groups {
                    int_digits.push_str(&text[g..g + 3]);
                }
                i = j;
                grouped = true;
                break;
            }
        }
    }
    // Dotted runs such as an IP address end the number at its first part.
    let in_chain = start >= 2 && b[start - 1] == b'.' && b[start - 2].is_ascii_digit();
    let dotted = in_chain
        || b.get(i) == Some(&b'.') && {
            let k = digit_run(b, i + 1);
            k > 0 && b.get(i + 1 + k) == Some(&b'.') && b.get(i + 2 + k).is_some_and(|d| d.is_ascii_digit())
        };
    if !dotted && matches!(b.get(i), Some(b'.') | Some(b',')) {
        let k = digit_run(b, i + 1);
        // A decimal comma takes at most two decimals after four or more digits: "2017,2018"
        // is two years.
        let comma_pair = b[i] == b',' && int_digits.len() >= 4 && k >= 3;
        if k > 0 && !(grouped && b[i] == b',' && k == 3) && !comma_pair {
            frac_digits.push_str(&text[i + 1..i + 1 + k]);
            i += 1 + k;
        }
    }
    let mut value: f64 = if int_digits.is_empty() { 0.0 } else { int_digits.as_str().parse().unwrap_or(0.0) };
    if !frac_digits.is_empty() {
        let mut fraction = Digits::default();
        fraction.push_str("0.");
        fraction.push_str(frac_digits.as_str());
        let f: f64 = fraction.as_str().parse().unwrap_or(0.0);
        value += f;
    }
    let mut integer = frac_digits.is_empty();
    // A simple fraction `3/4`, but not a date `5/17/2018`.
    if integer && !grouped && b.get(i) == Some(&b'/') {
        let k = digit_run(b, i + 1);
        let after = i + 1 + k;
        let more = matches!(b.get(after), Some(b'/') | Some(b'-') | Some(b'.')) || followed_by_letter(text, after);
        if k > 0 && k <= 2 && !more {
            let den: f64 = text[i + 1..after].parse().unwrap_or(0.0);
            if (2.0..=10.0).contains(&den) && value >= 1.0 && value < den {
                value /= den;
                integer = false;
                i = after;
            }
        }
    }
    // Scientific notation and powers: `1e10`, `12.32e+14`, `1.1^23`.
    if matches!(b.get(i), Some(b'e') | Some(b'E') | Some(b'^')) {
        let mut k = i + 1;
        let mut exp_neg = false;
        if matches!(b.get(k), Some(b'+') | Some(b'-')) {
            exp_neg = b[k] == b'-';
            k += 1;
        }
        let m = digit_run(b, k);
        if m > 0 && m <= 4 && !followed_by_letter(text, k + m) {
            let e: f64 = text[k..k + m].parse().unwrap_or(0.0);
            let e = if exp_neg { -e } else { e };
            value = if b[i] == b'^' { value.powf(e) } else { value * 10f64.powf(e) };
            integer = value.fract() == 0.0;
            i = k + m;
        }
    }
    if neg {
        value = -value;
    }
    let phone_like = int_digits.len() >= 7 && int_digits.as_str().starts_with('0') && frac_digits.is_empty();
    (i, (!phone_like).then_some((value, integer)))
}

fn followed_by_letter(text: &str, i: usize) -> bool {
    text.get(i..).and_then(|r| r.chars().next()).is_some_and(is_letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(t: &str) -> Vec<f64> {
        lex(t)
            .into_iter()
            .filter_map(|k| match k.kind {
                TokKind::Num { value, .. } => Some(value),
                _ => None,
            })
            .collect()
    }

    /// The end of the word at `i` as a plain char loop finds it.
    fn word_end_by_chars(text: &str, i: usize) -> usize {
        text[i..].char_indices().find(|&(_, c)| !is_letter(c)).map_or(text.len(), |(k, _)| i + k)
    }

    #[test]
    fn word_end_reads_letters_as_the_char_loop_does() {
        // Letters at the edges of the fast ranges, marks, Arabic punctuation and digits, other
        // Arabic-block letters, ASCII ("8a" must not pass for an Arabic letter), wider chars.
        let pieces = [
            "ا", "ء", "ؠ", "ؿ", "ـ", "ي", "ً", "؟", "؛", "،", "٠", "ٱ", "ک", "ی", "۔", "a", "Z", "8", " ", "«", "é",
            "€", "😀", "ﻻ",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for round in 0..20_000 {
            let mut s = String::new();
            for _ in 0..round % 23 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for (i, _) in s.char_indices() {
                assert_eq!(word_end(&s, i), word_end_by_chars(&s, i), "{s:?} at {i}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_end_on_any_text(s in "\\PC{0,40}") {
            for (i, _) in s.char_indices() {
                proptest::prop_assert_eq!(word_end(&s, i), word_end_by_chars(&s, i));
            }
        }
    }

    #[test]
    fn separators() {
        assert_eq!(nums("6,500 و 1,234,567"), vec![6500.0, 1234567.0]);
        assert_eq!(nums("2.5 و 0,08 و 5,00"), vec![2.5, 0.08, 5.0]);
        assert_eq!(nums("1.234.567"), vec![1234567.0]);
        assert_eq!(nums("192.168.1.2"), vec![192.0, 168.0, 1.0, 2.0]);
        assert_eq!(nums("40 000 و 423 0000"), vec![40000.0, 423.0, 0.0]);
        assert_eq!(nums("26,013,94"), vec![26013.94]);
        assert_eq!(nums("-12 و 3/4 و 5/17/2018"), vec![-12.0, 0.75, 5.0, 17.0, 2018.0]);
        assert_eq!(nums("10-20"), vec![10.0, 20.0]);
        assert_eq!(nums(".5.6"), vec![5.6]);
        assert_eq!(nums("2017,2018 و 25799,52"), vec![2017.0, 2018.0, 25799.52]);
        assert!(nums("180مل و 1M و +1-222-2222 و 0501234567 http://a.b/30%25").is_empty());
    }
}
