//! Paragraphs (lines), sentences and datelines of Arabic news text, as spans.
//!
//! Sentences end at `. ! ? ؟ … ۔` and at line breaks. They do not end inside numbers and
//! dates (`2.5`, `9.10.2020`), after initials and common abbreviations (`U.S.`, `د.`), after
//! the marker of a numbered list item (`1.`), or inside a quotation of ordinary length. Items
//! of a numbered list written on one line (`1- … 2- …`) each start a sentence.

use crate::doc::{Document, ParagraphKind};
use crate::normalize::{normalize_for_match, NormText, NormView};
use crate::scan::{count_chars, find_byte, find_pair};
use crate::span::Span;
use crate::tokenize::{
    class, class_of, class_table, is_arabic_char, is_digit, tokenize_range_first, tokenize_range_norm,
    tokenize_range_shared, SharedNorm, Token, TokenKind,
};

/// Non-empty lines of `text`, trimmed of surrounding white space, as spans.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        // Line breaks start with one of these bytes; blocks without any are skipped whole.
        i = find_byte(bytes, i, |b| (b.wrapping_sub(b'\n') < 4) | (b == 0xC2) | (b == 0xE2));
        if i >= bytes.len() {
            break;
        }
        let Some(c) = char_at(text, i) else {
            i += 1;
            continue;
        };
        if is_line_break(c) {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}')
}

/// White space and invisible controls trimmed around sentences and lines.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || crate::normalize::is_invisible_control(c)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = text.get(start..end) else { return };
    let t = s.trim_start_matches(is_blank);
    let lead = s.len() - t.len();
    let t = t.trim_end_matches(is_blank);
    if !t.is_empty() {
        out.push(Span::new(start + lead, start + lead + t.len()));
    }
}

/// Whether `c` ends a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…')
}

/// Closing quotes and brackets that stay with the sentence they end.
fn is_closing(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']' | '›' | '﴾')
}

/// Quotations longer than this (in chars) may be split into sentences.
pub const MAX_QUOTE_CHARS: usize = 400;

/// Latin abbreviations after which a dot does not end a sentence (compared lowercased).
const LATIN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "vs",
    "etc", "e.g", "i.e", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "m", "mm", "mme", "mlle", "av", "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp",
];

/// Arabic abbreviations written with a dot (in matching form): د. (doctor), م. (engineer),
/// أ. (professor), ص. (page), ج. (part), ق.م (before Christ), هـ. and م. after years.
const ARABIC_ABBREVIATIONS: &[&str] = &["د", "م", "ا", "ص", "ج", "ق", "ه", "ت", "ب", "ط", "ع", "ش", "ح", "س", "ف", "ن"];

/// The char just before byte `i` of `s`.
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|p| p.chars().next_back())
}

/// The char at byte `i` of `s`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|p| p.chars().next())
}

/// Longest word looked at before a dot: abbreviations and acronyms are short.
const MAX_ABBREVIATION_CHARS: usize = 24;

/// The word (letters and inner dots) that ends just before byte `i` of `s`, or its last
/// [`MAX_ABBREVIATION_CHARS`] chars.
fn word_before(s: &str, i: usize) -> &str {
    let head = s.get(..i).unwrap_or("");
    let table = class_table();
    let start = head
        .char_indices()
        .rev()
        .take(MAX_ABBREVIATION_CHARS)
        .take_while(|&(_, c)| class_of(table, c) & class::DOT_WORD != 0)
        .last()
        .map_or(head.len(), |(k, _)| k);
    &head[start..]
}

/// Whether the dot at byte `i` of `s` belongs to a word rather than ending a sentence.
fn dot_is_not_final(s: &str, i: usize) -> bool {
    let prev = char_before(s, i);
    let next = char_at(s, i + 1);
    // Inside numbers and dates: 2.5, 9.10.2020.
    if prev.is_some_and(is_digit) && next.is_some_and(is_digit) {
        return true;
    }
    let table = class_table();
    // A dot followed by a letter or digit directly (a.b, ق.م) is inside a token.
    if next.is_some_and(|c| class_of(table, c) & class::ALNUM != 0) {
        return true;
    }
    // The commonest case: two Arabic letters before the dot end a word of at least two
    // letters and no case, which is neither an initial nor an abbreviation.
    let arabic_letter = |c: char| ('\u{0621}'..='\u{064A}').contains(&c);
    if let Some(p) = prev.filter(|&p| arabic_letter(p)) {
        if char_before(s, i - p.len_utf8()).is_some_and(arabic_letter) {
            return false;
        }
    }
    let word = word_before(s, i);
    if word.is_empty() {
        return false;
    }
    // The word's letters: how many, the first, whether all are uppercase or ASCII.
    let (mut count, mut first, mut all_upper, mut all_ascii) = (0usize, None, true, true);
    for c in word.chars().filter(|&c| class_of(table, c) & class::ALPHA != 0) {
        count += 1;
        first.get_or_insert(c);
        // Letters of the Arabic block have no case: no table search for them.
        all_upper = all_upper && !('\u{0600}'..='\u{06FF}').contains(&c) && c.is_uppercase();
        all_ascii &= c.is_ascii_alphabetic();
    }
    // Latin initials and acronyms: "J.", "U.S.".
    if count == 1 && first.is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && all_upper && count > 0 {
        return true;
    }
    // A char of the Arabic block has no case and is not ASCII, so a word holding one is
    // no Latin abbreviation (they are all ASCII) and needs no lowercasing.
    let arabic_block = word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if !arabic_block {
        let lower = word.to_lowercase();
        if LATIN_ABBREVIATIONS.contains(&lower.as_str()) {
            // "etc." can end a sentence; only a lowercase word after it proves it does not.
            return lower != "etc" || next_word_is_lowercase(s, i + 1);
        }
    }
    // A lone Arabic letter with a dot is an abbreviation: "د. أحمد".
    if count == 1 && first.is_some_and(is_arabic_char) {
        let norm = normalize_for_match(word);
        return ARABIC_ABBREVIATIONS.contains(&norm.as_str());
    }
    // A lowercase Latin word after the dot continues the sentence.
    if all_ascii && next_word_is_lowercase(s, i + 1) {
        return true;
    }
    false
}

/// Whether the first word after byte `i` starts with a lowercase Latin letter.
fn next_word_is_lowercase(s: &str, i: usize) -> bool {
    s.get(i..).and_then(|r| r.trim_start().chars().next()).is_some_and(|c| c.is_lowercase())
}

/// Byte length of a list marker (`1-`, `١)`, `2.`, `3 -`) at the start of `s`, and its value.
fn list_marker(s: &str) -> Option<(usize, u32)> {
    let digits_len: usize = s.chars().take_while(|&c| is_digit(c)).map(char::len_utf8).sum();
    let count = s[..digits_len].chars().count();
    if count == 0 || count > 2 {
        return None;
    }
    let value = s[..digits_len]
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| normalize_for_match(&c.to_string()).parse().ok()))
        .fold(0u32, |v, d| v * 10 + d);
    let rest = &s[digits_len..];
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let mark = spaced.chars().next()?;
    if !matches!(mark, '-' | ')' | '.' | '–' | '/' | '_') {
        return None;
    }
    let after = &spaced[mark.len_utf8()..];
    // The marker is followed by white space and then text, not by another digit (a date).
    if !after.starts_with(|c: char| c.is_whitespace()) || after.trim_start().starts_with(|c: char| is_digit(c)) {
        return None;
    }
    Some((digits_len + (rest.len() - spaced.len()) + mark.len_utf8(), value))
}

/// Byte offsets (in `s`) where list items of a one-line numbered list start. `norm`, when
/// given, is the normalised view of `s`.
fn list_item_starts(s: &str, norm: Option<&NormView<'_>>) -> Vec<usize> {
    // Every marker starts with a digit: most paragraphs have none, and the first search
    // below ends the scan.
    let mut markers: Vec<(usize, u32)> = Vec::new();
    let bytes = s.as_bytes();
    // The first digit at or after byte `from`. In the normalised text every digit is an ASCII
    // digit mapped to its original char, so a one-byte scan finds them all (and maybe a
    // few more, which the test of the original bytes drops).
    let mut norm_at = 0;
    let mut next_digit = |from: usize| match norm {
        Some(v) => loop {
            norm_at = find_byte(v.text.as_bytes(), norm_at, |b| b.wrapping_sub(b'0') < 10);
            if norm_at >= v.text.len() {
                return bytes.len();
            }
            let i = v.orig_offset(norm_at);
            norm_at += 1;
            let pair = (bytes.get(i).copied().unwrap_or(0), bytes.get(i + 1).copied().unwrap_or(0));
            if i >= from && i < bytes.len() && is_digit_start(pair.0, pair.1) {
                return i;
            }
        },
        None => find_pair(bytes, from, is_digit_start),
    };
    let mut i = 0;
    loop {
        // A marker starts at a digit at the start or after white space, a colon or a semicolon.
        i = next_digit(i);
        if i >= bytes.len() {
            break;
        }
        let after_blank = char_before(s, i).is_none_or(|p| p.is_whitespace() || matches!(p, ':' | '؛' | ';'));
        if after_blank {
            if let Some((_, v)) = list_marker(&s[i..]) {
                markers.push((i, v));
            }
        }
        i += 1;
    }
    if markers.is_empty() {
        return Vec::new();
    }
    // Keep markers that continue a count: a marker n whose predecessor n-1 is also there.
    // Values have at most two digits, so counts per value fit in small arrays.
    let mut after = [0usize; 101];
    for &(_, v) in &markers {
        after[v.min(100) as usize] += 1;
    }
    let mut before = [false; 101];
    let mut out = Vec::new();
    for &(pos, v) in &markers {
        let v = v.min(99) as usize;
        after[v] -= 1;
        let continues = v > 0 && before[v - 1];
        let starts = after[v + 1] > 0;
        if (continues || starts) && pos > 0 {
            out.push(pos);
        }
        before[v] = true;
    }
    out
}

/// Whether an ASCII (`0`–`9`), Arabic-Indic (D9 A0..A9) or Persian (DB B0..B9) digit starts
/// with byte `a`, `b` being the byte after it.
#[inline(always)]
fn is_digit_start(a: u8, b: u8) -> bool {
    (a.wrapping_sub(b'0') < 10)
        | ((a == 0xD9) & (b.wrapping_sub(0xA0) < 10))
        | ((a == 0xDB) & (b.wrapping_sub(0xB0) < 10))
}

/// Byte offsets and chars of the quotation marks in `s`, with each one's char index.
///
/// Only `"`, `«`, `“` and `„` matter; they start with the bytes `"`, 0xC2 or 0xE2, so the
/// scan decodes only at those bytes and counts chars in between without decoding.
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, (usize, char))> + '_ {
    let bytes = s.as_bytes();
    let (mut counted_to, mut chars_before, mut at) = (0usize, 0usize, 0usize);
    std::iter::from_fn(move || loop {
        let i = find_byte(bytes, at, |b| (b == b'"') | (b == 0xC2) | (b == 0xE2));
        if i >= bytes.len() {
            return None;
        }
        at = i + 1;
        let Some(c) = char_at(s, i) else { continue };
        if !matches!(c, '"' | '«' | '»' | '“' | '”' | '„') {
            continue;
        }
        chars_before += count_chars(&bytes[counted_to..i]);
        counted_to = i;
        return Some((chars_before, (i, c)));
    })
}

/// Quotation spans (byte ranges in `s`, closer included) no longer than [`MAX_QUOTE_CHARS`].
fn quotation_ranges(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize, usize)> = Vec::new(); // (closer, byte start, char index)
    let mut straight_open: Option<(usize, usize)> = None;
    // Other chars neither open, close nor match a closer, so they are skipped.
    for (ci, (i, c)) in quote_marks(s) {
        let closer = match c {
            '«' => Some('»'),
            '“' => Some('”'),
            '„' => Some('“'),
            _ => None,
        };
        if let Some(cl) = stack.last().map(|t| t.0) {
            if c == cl {
                if let Some((_, start, start_ci)) = stack.pop() {
                    if ci - start_ci <= MAX_QUOTE_CHARS {
                        out.push((start, i + c.len_utf8()));
                    }
                }
                continue;
            }
        }
        if let Some(cl) = closer {
            if stack.len() < 8 {
                stack.push((cl, i, ci));
            }
            continue;
        }
        if c == '"' {
            match straight_open.take() {
                Some((start, start_ci)) => {
                    if ci - start_ci <= MAX_QUOTE_CHARS {
                        out.push((start, i + 1));
                    }
                }
                None => straight_open = Some((i, ci)),
            }
        }
    }
    out
}

/// The outermost of possibly nested ranges, sorted and disjoint.
fn outermost(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last() {
            Some(&(_, b)) if r.0 < b => {}
            _ => out.push(r),
        }
    }
    out
}

/// Splits a paragraph span into sentence spans.
///
/// A sentence ends at `. ! ? ؟ … ۔` (with closing quotes and brackets after it) followed by
/// white space or the end, and at every line break. It does not end inside a number or date,
/// after an initial or abbreviation, after a list marker, or inside a quotation of at most
/// [`MAX_QUOTE_CHARS`] characters unless the quotation closes right after the mark. Each
/// item of a numbered list written on one line starts a new sentence.
pub fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    sentences_in_norm(text, para, None, out)
}

/// Like [`sentences_in`], with `norm` the normalised view of the paragraph (in which digits
/// are ASCII, so that list markers are found by a one-byte scan). The result is the same.
fn sentences_in_norm(text: &str, para: Span, norm: Option<&NormView<'_>>, out: &mut Vec<Span>) {
    let Some(s) = text.get(para.start..para.end) else { return };
    let norm = norm.filter(|v| v.base() == para.start && v.original_len() == s.len());
    // Quotations matter only for a mark before the paragraph's end: found at the first one.
    let mut quotes: Option<Vec<(usize, usize)>> = None;
    let list_starts = list_item_starts(s, norm);
    // Dots of list markers ("2. "), at the paragraph start or at a list item, end nothing.
    let mut marker_dots: Vec<usize> = std::iter::once(0)
        .chain(list_starts.iter().copied())
        .filter_map(|p| list_marker(s.get(p..)?).map(|(len, _)| p + len - 1))
        .collect();
    marker_dots.sort_unstable();
    // The quotation strictly inside which byte `i` lies (before its closer), by binary search
    // over disjoint sorted ranges.
    let inside_quote = |quotes: &mut Option<Vec<(usize, usize)>>, i: usize| {
        let quotes = quotes.get_or_insert_with(|| outermost(quotation_ranges(s)));
        let k = quotes.partition_point(|&(a, _)| a < i);
        k.checked_sub(1).and_then(|k| quotes.get(k).copied()).filter(|&(_, b)| i < b.saturating_sub(1))
    };
    let mut start = 0usize;
    let bytes = s.as_bytes();
    let mut next_list = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        // Only line breaks, terminals and list starts matter; other bytes are skipped whole.
        while next_list < list_starts.len() && list_starts[next_list] < i {
            next_list += 1;
        }
        let next_list_at = list_starts.get(next_list).copied().unwrap_or(usize::MAX);
        let limit = next_list_at.min(bytes.len());
        i = find_byte(&bytes[..limit.max(i)], i, is_mark_lead);
        if i >= bytes.len() {
            break;
        }
        // ؟ (D8 9F) is found by its second byte: D8 leads most Arabic letters.
        if bytes[i] == 0x9F && i > 0 && bytes[i - 1] == 0xD8 {
            i -= 1;
        }
        let list_start = i == next_list_at;
        if !list_start && !sentence_mark_at(bytes, i) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(s, i) else {
            i += 1;
            continue;
        };
        let after_c = i + c.len_utf8();
        if is_line_break(c) {
            push_sentence(s, start, i, para.start, out);
            start = after_c;
            i = after_c;
            continue;
        }
        if list_start && i > start {
            push_sentence(s, start, i, para.start, out);
            start = i;
            i = after_c;
            continue;
        }
        if !is_terminal(c) {
            i = after_c;
            continue;
        }
        if c == '.' && (marker_dots.binary_search(&i).is_ok() || dot_is_not_final(s, i)) {
            i = after_c;
            continue;
        }
        // Take the whole run of terminals and closing marks.
        let mut j = after_c;
        while let Some(d) = char_at(s, j) {
            if is_terminal(d) || is_closing(d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let here = i;
        i = j;
        let run = &s[here..j];
        // Two dots are a pause in headlines ("التقيا.. ثم"), not an end.
        if run.trim_end_matches(is_closing) == ".." {
            continue;
        }
        let next = char_at(s, j);
        if next.is_some_and(|d| !d.is_whitespace()) {
            continue;
        }
        // Inside a quotation, only a mark right before its closer ends the sentence (at the
        // paragraph's end, every quotation has closed).
        if j < s.len() {
            if let Some((_, qend)) = inside_quote(&mut quotes, here) {
                if j < qend {
                    continue;
                }
            }
        }
        push_sentence(s, start, j, para.start, out);
        start = j;
    }
    push_sentence(s, start, s.len(), para.start, out);
}

/// Bytes that stop the scan for line breaks and terminals: their first bytes, but the second
/// byte of ؟ (its first, D8, leads most Arabic letters).
#[inline(always)]
fn is_mark_lead(b: u8) -> bool {
    (b.wrapping_sub(b'\n') < 4)
        | (b == b'.')
        | (b == b'!')
        | (b == b'?')
        | (b == 0xC2)
        | (b == 0xDB)
        | (b == 0xE2)
        | (b == 0x9F)
}

/// Whether a line break or a terminal starts at byte `i`: the ASCII ones themselves, U+0085,
/// U+061F (؟), U+06D4 (۔), U+2026 (…), U+2028 and U+2029, told by their UTF-8 bytes.
#[inline]
fn sentence_mark_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\n' | b'\r' | 0x0B | 0x0C | b'.' | b'!' | b'?' => true,
        0xC2 => next(1) == 0x85,
        0xD8 => next(1) == 0x9F,
        0xDB => next(1) == 0x94,
        0xE2 => next(1) == 0x80 && matches!(next(2), 0xA6 | 0xA8 | 0xA9),
        _ => false,
    }
}

fn push_sentence(s: &str, from: usize, to: usize, base: usize, out: &mut Vec<Span>) {
    if from >= to {
        return;
    }
    let Some(piece) = s.get(from..to) else { return };
    let t = piece.trim_start_matches(is_blank);
    let lead = piece.len() - t.len();
    let t = t.trim_end_matches(is_blank);
    if !t.is_empty() {
        out.push(Span::new(base + from + lead, base + from + lead + t.len()));
    }
}

/// News agencies and generic sources of datelines, in matching form with spaces and dots
/// removed ("أ ف ب" and "أ.ف.ب" are both "افب").
const AGENCIES: &[&str] = &[
    "وكالات",
    "الوكالات",
    "رويترز",
    "افب",
    "فرانسبرس",
    "فرانسبريس",
    "الاناضول",
    "اناضول",
    "دبا",
    "اب",
    "اسوشيتدبرس",
    "يوبياي",
    "شينخوا",
    "سبوتنيك",
    "تاس",
    "نوفوستي",
    "ريانوفوستي",
    "انترفاكس",
    "سانا",
    "واس",
    "وام",
    "قنا",
    "كونا",
    "بترا",
    "بنا",
    "واع",
    "وفا",
    "سبا",
    "ومال",
    "اكي",
    "خاص",
    "مراسلنا",
    "المراسل",
    "بيبيسي",
    "سيانان",
    "الجزيرهنت",
    "afp",
    "reuters",
    "ap",
    "dpa",
    "xinhua",
    "upi",
    "ansa",
    "efe",
];

/// Words that start ordinary sentences and never a dateline's place (matching form).
const NOT_PLACE: &[&str] = &[
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "تابع",
    "تابعت",
    "اوضح",
    "اوضحت",
    "اعلن",
    "اعلنت",
    "كتب",
    "كتبت",
    "جاء",
    "ذكر",
    "ذكرت",
    "اشار",
    "اشارت",
    "حذر",
    "حذرت",
    "زاد",
    "ختم",
    "المصدر",
    "مصدر",
    "السوال",
    "سوال",
    "الجواب",
    "جواب",
    "ملاحظه",
    "تنويه",
    "عاجل",
    "تحديث",
    "اقرا",
    "ايضا",
    "شاهد",
    "الرابط",
    "رابط",
    "الكاتب",
    "بقلم",
    "كتبه",
    "الوسوم",
    "وسوم",
    "تاريخ",
    "التاريخ",
    "نص",
    "النص",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "لكن",
    "ثم",
    "او",
    "ام",
    "اما",
    "لا",
    "لم",
    "لن",
    "قد",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "نحن",
    "انا",
    "انت",
    "يقول",
    "تقول",
    "يذكر",
    "يشار",
    "يري",
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "اخيرا",
    "الخلاصه",
    "المحور",
    "البيان",
    "بيان",
    "الرد",
    "رد",
    "السبب",
    "النتيجه",
    "المطلوب",
    "الهدف",
    "مثلا",
    "عندما",
    "حين",
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "لماذا",
    "كيف",
    "متي",
    "اين",
    "ماذا",
    "هل",
    "دراسه",
    "تقرير",
    "تحليل",
    "حوار",
    "مقال",
    "راي",
    "انفوغراف",
    "انفوجراف",
    "المقال",
    "الصوره",
    "صوره",
    "فيديو",
    "الفيديو",
    "اعلان",
    "اعلانات",
    "note",
    "source",
    "update",
    "read",
    "by",
    "photo",
    "the",
    "watch",
    "breaking",
    "editor",
];

/// Places starting with و or ف, which otherwise mark a conjunction ("وقالت:").
const WAW_FA_PLACES: &[&str] = &[
    "واشنطن",
    "وارسو",
    "ويلينغتون",
    "ولينغتون",
    "وهران",
    "واغادوغو",
    "ويندهوك",
    "فيينا",
    "فادوز",
    "فيلنيوس",
    "فاليتا",
    "فريتاون",
    "فيينتيان",
    "فيكتوريا",
    "فرانكفورت",
    "فلورنسا",
    "فانكوفر",
    "فلوريدا",
    "فيلادلفيا",
    "فاس",
    "فرنسا",
    "فلسطين",
    "فنزويلا",
    "فنلندا",
    "فيتنام",
    "الفاتيكان",
    "ويلز",
];

/// First words of two-word places, such as رام الله, الدار البيضاء, أبو ظبي (matching form).
const PLACE_FIRST_WORDS: &[&str] = &[
    "رام",
    "ابو",
    "الدار",
    "نيو",
    "سان",
    "سانت",
    "لوس",
    "لاس",
    "بوينس",
    "كوالا",
    "هونغ",
    "هونج",
    "تل",
    "بيت",
    "دير",
    "شرم",
    "عين",
    "كفر",
    "جبل",
    "سيدي",
    "بندر",
    "خان",
    "ريو",
    "بورت",
    "مدينه",
    "مدينة",
    "العاصمه",
    "جنيف",
    "مقديشو",
    "غزه",
    "new",
    "san",
    "los",
    "las",
    "saint",
    "st",
    "hong",
    "rio",
    "port",
    "tel",
    "abu",
    "kuala",
    "buenos",
];

/// Arabic month names and weekday names that may follow the place in a dateline.
const DATE_WORDS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "الاول",
    "الثاني",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
];

/// The dateline at the start of a paragraph, such as "باريس:", "موسكو - (وكالات)",
/// "بيروت – أ ف ب:" or "القاهرة (رويترز) -", as a span that ends after its last
/// punctuation mark (the following white space excluded).
///
/// A dateline is a place of one word (two for names such as رام الله) followed by a colon
/// or a dash, or a place of up to three words (or nothing) with a known news agency, bare or
/// in brackets, next to a dash or colon. A date may follow the place after a comma.
/// Returns `None` when the paragraph does not start with a dateline, or when fewer than two
/// words of the paragraph would be left after it.
pub fn dateline_prefix(text: &str, para: Span) -> Option<Span> {
    dateline_parts(text, para).map(|d| d.span)
}

/// A dateline and its parts, as spans into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, from the paragraph start to its last punctuation mark.
    pub span: Span,
    /// The place words, when there are any ("القاهرة").
    pub place: Option<Span>,
    /// The agency, brackets included when it has them ("(رويترز)").
    pub agency: Option<Span>,
}

/// Tokens of a paragraph's head read for its dateline: [`dateline_end`] looks at no token
/// past the 21st (a place of three words, a date of six tokens, separators and an agency of
/// up to ten tokens in brackets), so the rest need not be made.
const DATELINE_TOKENS: usize = 24;

/// Words of body text a dateline without an agency must be followed by: headlines such as
/// "إيران: ..." are shorter.
const MIN_BODY_WORDS_AFTER_PLACE: usize = 8;

/// Like [`dateline_prefix`], with the place and agency spans, so that a caller with a
/// gazetteer can check the place and use it as a location.
pub fn dateline_parts(text: &str, para: Span) -> Option<Dateline> {
    dateline_parts_norm(text, para, None)
}

/// Like [`dateline_parts`], with `norm` the matching-normalised whole `text`
/// ([`Document::norm`]), from which token norms are sliced instead of normalised again. The
/// result is the same; a `norm` made from another text of the same length gives wrong results.
pub fn dateline_parts_norm(text: &str, para: Span, norm: Option<&NormText>) -> Option<Dateline> {
    let s = text.get(para.start..para.end)?;
    let head_end = s.char_indices().nth(160).map_or(s.len(), |(k, _)| k);
    let norm = norm.filter(|n| n.original_len() == text.len());
    let mut toks = Vec::new();
    tokenize_range_first(text, Span::new(para.start, para.start + head_end), norm, DATELINE_TOKENS, &mut toks);
    for t in &mut toks {
        t.span = Span::new(t.span.start - para.start, t.span.end - para.start);
    }
    // The normalised text of the paragraph, when known, for agency names.
    let para_norm = norm.map(|n| n.slice(para));
    let local = dateline_end(s, &toks, para_norm.as_ref())?;
    let rest = s.get(local.span.end..)?;
    let min_words = if local.agency.is_some() { 2 } else { MIN_BODY_WORDS_AFTER_PLACE };
    // Only whether there are enough words matters: stop counting there.
    let table = class_table();
    let alphabetic = |c: char| class_of(table, c) & class::ALPHA != 0;
    let body_words = rest.split_whitespace().filter(|w| w.chars().any(alphabetic)).take(min_words).count();
    if body_words < min_words {
        return None;
    }
    let shift = |sp: Span| Span::new(para.start + sp.start, para.start + sp.end);
    Some(Dateline { span: shift(local.span), place: local.place.map(shift), agency: local.agency.map(shift) })
}

fn is_dash(t: &Token) -> bool {
    t.kind == TokenKind::Punct && !t.norm.is_empty() && t.norm.chars().all(|c| c == '-')
}

fn is_colon(t: &Token) -> bool {
    t.kind == TokenKind::Punct && t.norm == ":"
}

fn is_separator(t: &Token) -> bool {
    is_dash(t) || is_colon(t)
}

/// Whether a word can start a dateline's place.
fn is_place_head(s: &str, t: &Token) -> bool {
    let w = t.norm.as_str();
    if !matches!(t.kind, TokenKind::Arabic | TokenKind::Latin) || w.chars().count() < 2 || NOT_PLACE.contains(&w) {
        return false;
    }
    // Tanwin marks adverbs and ordinals ("رابعاً:"), never a place.
    if s[t.span.start..t.span.end].contains(['\u{064B}', '\u{064C}', '\u{064D}']) {
        return false;
    }
    if (w.starts_with('و') || w.starts_with('ف')) && !WAW_FA_PLACES.contains(&w) {
        return false;
    }
    // A preposition with the article ("بالصور:", "للمزيد:") does not start a place.
    if ["بال", "لل", "كال"].iter().any(|p| w.starts_with(p)) {
        return false;
    }
    t.kind == TokenKind::Arabic || s[t.span.start..].starts_with(char::is_uppercase)
}

/// Whether a word can continue a dateline's place.
fn is_place_tail(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
        && !NOT_PLACE.contains(&t.norm.as_str())
        && (!t.norm.starts_with('و') || WAW_FA_PLACES.contains(&t.norm.as_str()))
}

/// The dateline that `toks` start with, with spans local to `s`.
fn dateline_end(s: &str, toks: &[Token], norm: Option<&NormView<'_>>) -> Option<Dateline> {
    let mut k = 0;
    let mut place_words = 0;
    if toks.first().is_some_and(|t| is_place_head(s, t)) {
        place_words = 1;
        k = 1;
        while k < toks.len() && place_words < 3 && is_place_tail(&toks[k]) {
            place_words += 1;
            k += 1;
        }
        // Words of one script only.
        if toks[..k].iter().any(|t| t.kind != toks[0].kind) {
            return None;
        }
        // An optional date after a comma: "نيويورك، 12 مارس".
        if toks.get(k).is_some_and(|t| t.norm == ",") {
            let mut j = k + 1;
            while j < toks.len()
                && j < k + 6
                && (toks[j].kind == TokenKind::Number
                    || DATE_WORDS.contains(&toks[j].norm.as_str())
                    || toks[j].norm == "/")
            {
                j += 1;
            }
            if j > k + 1 {
                k = j;
            }
        }
    }
    let place = (place_words > 0).then(|| Span::new(toks[0].span.start, toks[place_words - 1].span.end));
    let sep_before = toks.get(k).filter(|t| is_separator(t) && place_words > 0).map(|t| (is_colon(t), t.span.end));
    let after_sep = k + sep_before.is_some() as usize;
    if let Some((len, a_end)) = agency_at(s, toks.get(after_sep..).unwrap_or(&[]), norm) {
        let sep_after = toks.get(after_sep + len).filter(|t| is_separator(t)).map(|t| t.span.end);
        let bracketed = toks[after_sep].norm == "(";
        let ok = match (place_words, sep_before, sep_after) {
            (0, _, Some(_)) => true,
            (0, _, None) => false,
            (_, Some(_), _) | (_, _, Some(_)) => true,
            (_, None, None) => bracketed && place_words == 1,
        };
        let a_start = toks[after_sep].span.start;
        let end = sep_after.unwrap_or(a_end);
        return ok.then_some(Dateline { span: Span::new(0, end), place, agency: Some(Span::new(a_start, a_end)) });
    }
    // No agency: a one-word place (or a known two-word one) and a colon or dash.
    let (_, sep_end) = sep_before?;
    let known_pair = place_words == 2 && PLACE_FIRST_WORDS.contains(&toks[0].norm.as_str());
    if place_words != 1 && !known_pair {
        return None;
    }
    // A quotation right after the colon is reported speech.
    let next = toks.get(k + 1)?;
    if next.kind == TokenKind::Punct && matches!(next.norm.as_str(), "\"" | "'" | "(") {
        return None;
    }
    Some(Dateline { span: Span::new(0, sep_end), place, agency: None })
}

/// Tokens taken and byte end of a known news agency at the start of `toks`, bracketed or
/// bare. `norm`, when given, is the normalised view of `s`.
fn agency_at(s: &str, toks: &[Token], norm: Option<&NormView<'_>>) -> Option<(usize, usize)> {
    let first = toks.first()?;
    let (skip, close) = if first.kind == TokenKind::Punct && first.norm == "(" {
        let close = toks.iter().take(10).position(|t| t.norm == ")")?;
        (1, Some(close))
    } else {
        (0, None)
    };
    let key_of = |a: usize, b: usize| -> Option<String> {
        let range = Span::new(toks.get(a)?.span.start, toks.get(b)?.span.end);
        let raw = s.get(range.start..range.end)?;
        let keep = |c: &char| !c.is_whitespace() && *c != '.';
        let mut key = String::with_capacity(raw.len());
        match norm {
            // The normalised text of a range is that range of the normalised paragraph.
            Some(v) => {
                key.extend(v.text.get(v.from_original(range.start)..v.from_original(range.end))?.chars().filter(keep))
            }
            None => key.extend(normalize_for_match(raw).chars().filter(keep)),
        }
        Some(key)
    };
    match close {
        Some(c) => {
            // Empty brackets, "()", hold no agency (and no range to read).
            let key = key_of(skip, c.checked_sub(1).filter(|&last| last >= skip)?)?;
            AGENCIES.contains(&key.as_str()).then(|| (c + 1, toks[c].span.end))
        }
        None => {
            // Keys only grow as tokens are added (a slice normalises as the whole text does):
            // when no known name starts with the first token's key, none of them can match.
            if let Some(first_key) = key_of(0, 0) {
                if !AGENCIES.iter().any(|a| a.starts_with(first_key.as_str())) {
                    return None;
                }
            }
            // The longest known name made of the next few tokens.
            let mut best = None;
            for n in 1..=6.min(toks.len()) {
                if toks[n - 1].kind == TokenKind::Punct && toks[n - 1].norm != "." {
                    break;
                }
                if key_of(0, n - 1).is_some_and(|key| AGENCIES.contains(&key.as_str())) {
                    best = Some((n, toks[n - 1].span.end));
                }
            }
            best
        }
    }
}

/// Fills `doc.norm` (the normalised whole text), `doc.sentences` and `doc.tokens` from the
/// content paragraphs.
pub fn segment_document(doc: &mut Document) {
    doc.ensure_norm();
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for p in doc.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Boilerplate && p.kind != ParagraphKind::Meta) {
        let view = doc.norm_current().map(|n| n.slice(p.span));
        sentences_in_norm(&doc.text, p.span, view.as_ref(), &mut sentences);
    }
    sentences.sort();
    sentences.dedup();
    // About one token per 8 bytes of Arabic news text: reserving spares most regrowth copies.
    let covered: usize = sentences.iter().map(|s| s.len()).sum();
    tokens.reserve(covered / 8);
    // One copy of the normalised text for the norms of all tokens. Sentences are sorted: each
    // token's norm is found from the previous one's end.
    let shared = doc.norm_current().map(SharedNorm::new);
    let mut norm_at = 0;
    for s in &sentences {
        match &shared {
            Some(shared) => tokenize_range_shared(&doc.text, *s, shared, &mut norm_at, &mut tokens),
            None => tokenize_range_norm(&doc.text, *s, None, &mut tokens),
        }
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences_in(t, Span::new(0, t.len()), &mut out);
        // The normalised view of a paragraph inside a longer text gives the same sentences.
        let whole = format!("مقدمة.\n{t}\nخاتمة");
        let para = Span::new("مقدمة.\n".len(), "مقدمة.\n".len() + t.len());
        let norm = crate::normalize::normalize_mapped(&whole);
        let mut with_norm = Vec::new();
        sentences_in_norm(&whole, para, Some(&norm.slice(para)), &mut with_norm);
        let shifted: Vec<Span> =
            with_norm.iter().map(|s| Span::new(s.start - para.start, s.end - para.start)).collect();
        assert_eq!(shifted, out, "{t}");
        out.iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn every_digit_is_an_ascii_digit_at_its_place_in_the_normalised_text() {
        let digits = ('0'..='9').chain('\u{0660}'..='\u{0669}').chain('\u{06F0}'..='\u{06F9}');
        for d in digits {
            for t in [format!("{d}"), format!("بـ{d}ـ"), format!("أً{d}ّ"), format!("ﻻ{d}ﷺ{d}"), format!("x\u{200F}{d}")]
            {
                let norm = crate::normalize::normalize_mapped(&t);
                let found: Vec<usize> = (0..norm.text.len())
                    .filter(|&k| norm.text.as_bytes()[k].is_ascii_digit())
                    .map(|k| norm.orig_offset(k))
                    .collect();
                let want: Vec<usize> = t.char_indices().filter(|&(_, c)| is_digit(c)).map(|(i, _)| i).collect();
                assert_eq!(found, want, "{t}");
            }
        }
    }

    #[test]
    fn list_markers_in_every_script_with_or_without_the_normalised_text() {
        for t in [
            "البنود: ١- وقف النار ٢- تبادل الأسرى ٣- فتح المعابر",
            "البنود: ۱) وقف النار ۲) تبادل الأسرى",
            "في 2019 و٢٠٢٠ و۲۰۲۱: 1. بند أول. 2. بند ثان. ① بند",
            "12- 13- 14- ثلاثة بنود 15 -",
        ] {
            assert!(!split(t).is_empty());
        }
    }

    #[test]
    fn splits_arabic_sentences() {
        let t = "قال الوزير إن المحادثات ستستأنف. وأضاف أن النسبة 2.5 في المئة؟ نعم.";
        assert_eq!(split(t), vec!["قال الوزير إن المحادثات ستستأنف.", "وأضاف أن النسبة 2.5 في المئة؟", "نعم."]);
        assert_eq!(split("هل انتهى الأمر؟! لا أظن… سننتظر"), vec!["هل انتهى الأمر؟!", "لا أظن…", "سننتظر"]);
    }

    #[test]
    fn keeps_quotation_whole() {
        let t = "وقال «هذا خطأ. لن نقبل به» ثم غادر.";
        assert_eq!(split(t).len(), 1);
        let t = "وكتب: \"انتهت الجولة. نعود غدا\" وفق البيان.";
        assert_eq!(split(t).len(), 1);
        // A quotation that closes right after its final mark ends the sentence.
        let t = "وقالت الوزيرة «سنواصل العمل.» وغادرت القاعة.";
        assert_eq!(split(t), vec!["وقالت الوزيرة «سنواصل العمل.»", "وغادرت القاعة."]);
        // An unclosed quotation does not swallow the rest of the paragraph.
        let t = "وقال «لن نعود. ثم صمت. وانتهى اللقاء.";
        assert_eq!(split(t).len(), 3);
    }

    #[test]
    fn long_quotation_is_split() {
        let inner = "جملة طويلة جدا عن المفاوضات. ".repeat(20);
        let t = format!("قال «{inner}» ثم غادر.");
        assert!(split(&t).len() > 10);
    }

    #[test]
    fn numbers_dates_and_abbreviations_stay() {
        assert_eq!(split("وقع الهجوم في 9.10.2020 ليلا. ثم هدأ الوضع.").len(), 2);
        assert_eq!(split("التقى د. سامي مع م. خالد أمس.").len(), 1);
        assert_eq!(split("Le président J. Dupont et Mr. Smith sont arrivés aux U.S. hier.").len(), 1);
        assert_eq!(split("بلغت النسبة ٣٫٥ بالمئة. وارتفعت لاحقا.").len(), 2);
    }

    #[test]
    fn headline_pause_and_line_breaks() {
        assert_eq!(split("اجتماع في العاصمة.. والوزراء يتفقون على هدنة").len(), 1);
        assert_eq!(split("السطر الأول بلا نقطة\nالسطر الثاني").len(), 2);
    }

    #[test]
    fn numbered_lists() {
        let t = "اتفق الطرفان على ما يلي: 1- وقف النار 2- تبادل الأسرى 3- فتح المعابر";
        assert_eq!(split(t), vec!["اتفق الطرفان على ما يلي:", "1- وقف النار", "2- تبادل الأسرى", "3- فتح المعابر"]);
        let t = "١) انسحاب القوات ٢) عودة النازحين";
        assert_eq!(split(t), vec!["١) انسحاب القوات", "٢) عودة النازحين"]);
        // The dot of a list marker is not a sentence.
        assert_eq!(split("2. عودة السفراء إلى العاصمتين"), vec!["2. عودة السفراء إلى العاصمتين"]);
        assert_eq!(
            split("نص الاتفاق: 1. وقف القتال. 2. تبادل الجثامين."),
            vec!["نص الاتفاق:", "1. وقف القتال.", "2. تبادل الجثامين."]
        );
        // A lone number with a dash is not a list.
        assert_eq!(split("سقط 5 - على الأقل - من الجنود").len(), 1);
    }

    fn dateline(t: &str) -> Option<&str> {
        let plain = dateline_prefix(t, Span::new(0, t.len()));
        // The same with the normalised text given, and for the paragraph after a first line.
        let norm = crate::normalize::normalize_mapped(t);
        assert_eq!(dateline_parts_norm(t, Span::new(0, t.len()), Some(&norm)).map(|d| d.span), plain, "{t}");
        let two = format!("عنوان\n{t}");
        let para = Span::new("عنوان\n".len(), two.len());
        let in_two = dateline_parts_norm(&two, para, Some(&crate::normalize::normalize_mapped(&two)));
        assert_eq!(in_two, dateline_parts(&two, para), "{t}");
        assert_eq!(in_two.map(|d| d.span.len()), plain.map(|d| d.len()), "{t}");
        plain.map(|s| s.slice(t))
    }

    #[test]
    fn datelines() {
        let body = " التقى الرئيس نظيره في القصر وبحثا معه ملفات التعاون الثنائي والأمن";
        let with = |head: &str| format!("{head}{body}");
        for head in [
            "باريس:",
            "موسكو - (وكالات)",
            "بيروت – أ ف ب:",
            "القاهرة (رويترز) -",
            "نيويورك، 12 مارس (أ ف ب) -",
            "(رويترز) -",
            "رام الله:",
            "واشنطن -",
            "عمّان - أ.ف.ب -",
        ] {
            let t = with(head);
            assert_eq!(dateline(&t), Some(head), "{t}");
        }
        assert_eq!(dateline("Paris (AFP) - Le ministre a dit"), Some("Paris (AFP) -"));
        // With an agency, a short body is enough.
        assert_eq!(dateline("دمشق (سانا) - وصل الوفد صباحا"), Some("دمشق (سانا) -"));
    }

    #[test]
    fn empty_brackets_at_a_paragraph_start_are_no_agency() {
        // Fuzz crasher (session 7): "()" made a span whose end came before its start.
        for text in ["(\t)2(", "()", "() القاهرة: خبر", "(\u{7}\0)\0\u{8}(o\u{fffd}"] {
            let para = Span::new(0, text.len());
            assert!(dateline_parts(text, para).is_none(), "{text:?}");
        }
    }

    #[test]
    fn dateline_parts_give_place_and_agency() {
        let t = "مقديشو (رويترز) - قال مسؤولون إن الهجوم وقع فجرا";
        let d = dateline_parts(t, Span::new(0, t.len())).unwrap();
        assert_eq!(d.place.map(|p| p.slice(t)), Some("مقديشو"));
        assert_eq!(d.agency.map(|p| p.slice(t)), Some("(رويترز)"));
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dateline("وقال وزير الخارجية: لن نقبل"), None);
        assert_eq!(dateline("قال: سنعود"), None);
        assert_eq!(dateline("أعلنت الحكومة اليوم عن خطة جديدة"), None);
        assert_eq!(dateline("باريس:"), None);
        assert_eq!(dateline("عاجل: انفجار في الميناء"), None);
        // Headlines with a country or a speaker and a colon are not datelines.
        assert_eq!(dateline("طهران: لن نتراجع عن برنامجنا"), None);
        assert_eq!(dateline("وأضافت: \"سنواصل الضغط حتى تتحقق كل المطالب المشروعة للشعب\""), None);
        assert_eq!(dateline("رابعاً: تحسين الخدمات في المدن والقرى النائية وتطوير البنية التحتية"), None);
        assert_eq!(dateline("بالصور: مواجهات في الشوارع بين المحتجين وقوات الأمن بعد صلاة الجمعة"), None);
        assert_eq!(dateline("حذر مكتب التحقيقات (إف.بي.آي) من هجمات"), None);
        assert_eq!(dateline(""), None);
    }
}
