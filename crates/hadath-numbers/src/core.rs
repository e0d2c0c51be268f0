//! Reads bare numbers ("cores") from tokens: digits, compound number words, fractions,
//! vague plurals and ordinals, before any qualifier or counted noun is considered.

use crate::lexer::{lex, Tok, TokKind};
use crate::words::{lookup, Form, NumWord, WordHit};

/// What a core number is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CoreKind {
    Cardinal,
    Ordinal,
    /// A vague plural such as عشرات, with the bounds it implies.
    Vague {
        lo: f64,
        hi: f64,
    },
}

/// A bare number over tokens `first..=last`, with normalised byte bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Core {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: CoreKind,
    /// Whether the number is written in digits only.
    pub digits: bool,
}

/// Tokens of normalised text with their number-word lookups.
pub(crate) struct Ctx<'a> {
    pub norm: &'a str,
    pub toks: Vec<Tok>,
    pub hits: Vec<Option<WordHit>>,
    /// Bit `i` tells whether the word filter let token `i` through; every word that may begin a
    /// number does.
    passed: Vec<u64>,
}

impl<'a> Ctx<'a> {
    pub fn new(norm: &'a str) -> Self {
        let toks = lex(norm);
        let filter = crate::words::filter();
        let mut passed = vec![0u64; toks.len() / 64 + 1];
        let hits = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let word = match t.kind {
                    TokKind::Word => norm
                        .as_bytes()
                        .get(t.start..t.end)
                        .filter(|w| filter.may_hold_bytes(w))
                        .and_then(|_| norm.get(t.start..t.end)),
                    _ => None,
                };
                if let (Some(_), Some(bits)) = (word, passed.get_mut(i / 64)) {
                    *bits |= 1 << (i % 64);
                }
                word.and_then(lookup)
            })
            .collect();
        Ctx { norm, toks, hits, passed }
    }

    /// Normalised text of token `i` when it is a word, else "".
    pub fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => &self.norm[t.start..t.end],
            _ => "",
        }
    }

    pub fn sym(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Sym(c) => Some(c),
            _ => None,
        }
    }

    /// Whether the word filter let token `i` through.
    fn passed(&self, i: usize) -> bool {
        self.passed.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }

    fn hit(&self, i: usize) -> Option<WordHit> {
        self.hits.get(i).copied().flatten()
    }

    /// Start of token `i` after any clitic.
    fn start_after_clitic(&self, i: usize) -> usize {
        self.toks[i].start + self.hit(i).map(|h| h.prefix).unwrap_or(0)
    }

    /// Whether token `i` is a definite word that is not itself a number word.
    fn is_definite_noun(&self, i: usize) -> bool {
        let w = self.word(i);
        w.starts_with("ال") && w.chars().count() > 3 && self.hit(i).is_none()
    }
}

/// One part of a compound number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Comp {
    Zero,
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred(f64),
    Big(f64, Form),
    Digits(f64, bool),
    Fraction(f64),
    Denominator(f64),
}

/// The component at token `j`: the part, whether و joins it, and its last token.
fn comp_at(ctx: &Ctx, j: usize) -> Option<(Comp, bool, usize)> {
    let (j, standalone_conj) = if ctx.word(j) == "و" { (j + 1, true) } else { (j, false) };
    let tok = ctx.toks.get(j)?;
    if let TokKind::Num { value, integer } = tok.kind {
        return Some((Comp::Digits(value, integer), standalone_conj, j));
    }
    let hit = ctx.hit(j)?;
    let joined = standalone_conj || hit.conj;
    if standalone_conj && hit.prefix > 0 {
        return None;
    }
    let next_is_ten = ctx.hit(j + 1).is_some_and(|h| h.word == NumWord::Ten && h.prefix == 0);
    let comp = match hit.word {
        NumWord::Zero => Comp::Zero,
        NumWord::Unit(u) if next_is_ten => return Some((Comp::Teen(10.0 + u as f64), joined, j + 1)),
        NumWord::TeenHead(u) if next_is_ten => return Some((Comp::Teen(10.0 + u as f64), joined, j + 1)),
        // "إحدى وعشرون", "أحد وثلاثون": the head of 11 is also the one of 21 … 91.
        NumWord::TeenHead(u) if tens_follow(ctx, j + 1) => Comp::Unit(u as f64),
        NumWord::Unit(u) => Comp::Unit(u as f64),
        NumWord::Ten => Comp::Teen(10.0),
        NumWord::Tens(t) => Comp::Tens(t as f64),
        NumWord::Hundred(h) => Comp::Hundred(h as f64),
        NumWord::Big(m, f) => Comp::Big(m, f),
        NumWord::Fraction(f) => Comp::Fraction(f),
        NumWord::Denominator(d) => Comp::Denominator(d),
        _ => return None,
    };
    Some((comp, joined, j))
}

/// Whether token `k` (or the one after a standalone و) is a tens word joined by و.
fn tens_follow(ctx: &Ctx, k: usize) -> bool {
    let (k, standalone) = if ctx.word(k) == "و" { (k + 1, true) } else { (k, false) };
    ctx.hit(k).is_some_and(|h| matches!(h.word, NumWord::Tens(_)) && (standalone || h.conj))
}

/// Running state of a compound cardinal.
#[derive(Default)]
struct Acc {
    total: f64,
    group: f64,
    last_big: f64,
    has_hundreds: bool,
    has_unit: bool,
    has_tens: bool,
    has_teen: bool,
    /// The last part added, for a following denominator ("ثلاثة أرباع").
    last_added: f64,
    started: bool,
    done: bool,
    words: bool,
    /// A fraction of the last multiplier was added ("مليون ونصف").
    frac_of_big: bool,
}

impl Acc {
    fn value(&self) -> f64 {
        self.total + self.group
    }
    fn after_big(&self) -> bool {
        self.group == 0.0 && self.total > 0.0
    }
    fn reset_group(&mut self) {
        self.group = 0.0;
        self.has_hundreds = false;
        self.has_unit = false;
        self.has_tens = false;
        self.has_teen = false;
    }

    /// Adds a part; false when it cannot continue this number.
    fn accept(&mut self, c: Comp, joined: bool) -> bool {
        if self.done {
            return false;
        }
        let first = !self.started;
        let ok = match c {
            Comp::Zero => {
                if first {
                    self.done = true;
                }
                first
            }
            Comp::Unit(u) => {
                let ok = first
                    || (joined
                        && !self.has_unit
                        && !self.has_tens
                        && !self.has_teen
                        && (self.has_hundreds || self.after_big()));
                if ok {
                    self.group += u;
                    self.has_unit = true;
                    self.last_added = u;
                }
                ok
            }
            Comp::Teen(v) => {
                let ok = first
                    || (joined
                        && !self.has_unit
                        && !self.has_tens
                        && !self.has_teen
                        && (self.has_hundreds || self.after_big()));
                if ok {
                    self.group += v;
                    self.has_teen = true;
                    self.last_added = v;
                }
                ok
            }
            Comp::Tens(t) => {
                let ok = first
                    || (joined
                        && !self.has_tens
                        && !self.has_teen
                        && (self.has_unit || self.has_hundreds || self.after_big()));
                if ok {
                    self.group += t;
                    self.has_tens = true;
                    self.last_added = if self.has_unit { self.group % 100.0 } else { t };
                }
                ok
            }
            Comp::Hundred(h) => {
                if first || (joined && self.after_big()) {
                    self.group = h;
                    self.has_hundreds = true;
                    self.last_added = h;
                    true
                } else if !joined && h == 100.0 && self.group > 0.0 && self.group < 1000.0 && !self.has_hundreds {
                    // "ثلاث مئة", "٣ مئة": a count of hundreds.
                    self.group *= 100.0;
                    self.has_hundreds = true;
                    self.has_unit = false;
                    self.has_tens = false;
                    self.has_teen = false;
                    self.last_added = self.group;
                    true
                } else {
                    false
                }
            }
            Comp::Big(m, form) => {
                let below = self.last_big == 0.0 || m < self.last_big;
                let ok = match form {
                    Form::Single if first => {
                        self.total = m;
                        true
                    }
                    Form::Single if !joined && self.group > 0.0 && below => {
                        self.total += self.group * m;
                        true
                    }
                    Form::Single if joined && self.after_big() && below => {
                        self.total += m;
                        true
                    }
                    Form::Dual if first || (joined && self.after_big() && below) => {
                        self.total += 2.0 * m;
                        true
                    }
                    Form::Plural if !first && !joined && self.group >= 2.0 && below => {
                        self.total += self.group * m;
                        true
                    }
                    _ => false,
                };
                if ok {
                    self.reset_group();
                    self.last_big = m;
                    self.last_added = 0.0;
                }
                ok
            }
            Comp::Digits(v, _) => {
                let ok = first
                    || (joined && self.after_big() && v < self.last_big)
                    || (joined && self.has_hundreds && self.group % 100.0 == 0.0 && v < 100.0);
                if ok {
                    self.group += v;
                    self.has_unit = true;
                    self.has_tens = true;
                    self.last_added = v;
                }
                ok
            }
            Comp::Fraction(f) => {
                if first {
                    // "نصف" alone, or "نصف مليون": only a multiplier may follow.
                    self.group = f;
                    self.has_unit = true;
                    self.has_tens = true;
                    self.has_teen = true;
                    self.has_hundreds = true;
                    true
                } else if joined && self.after_big() {
                    // "مليون ونصف": half of the last multiplier.
                    self.total += f * self.last_big;
                    self.frac_of_big = true;
                    self.done = true;
                    true
                } else if joined {
                    self.group += f;
                    self.done = true;
                    true
                } else {
                    false
                }
            }
            Comp::Denominator(d) => {
                if !first && !joined && self.last_added >= 1.0 {
                    // "عشرون وثلاثة أخماس" adds 3/5; "مئة وثلاثون أخماس" is 130/5.
                    let v = self.value();
                    let tail = self.last_added <= 10.0 && v != self.last_added;
                    let nv = if tail { v - self.last_added + self.last_added / d } else { v / d };
                    self.total = 0.0;
                    self.group = nv;
                    self.done = true;
                    true
                } else {
                    false
                }
            }
        };
        if ok {
            self.started = true;
            if !matches!(c, Comp::Digits(..)) {
                self.words = true;
            }
        }
        ok
    }
}

/// Reads a cardinal (digits or words) starting at token `i`; returns value, last token and
/// whether it used words.
fn cardinal_at(ctx: &Ctx, i: usize) -> Option<(f64, usize, bool)> {
    cardinal_from(ctx, i, true)
}

/// [`cardinal_at`], reading a spelled decimal point only when `with_point`.
fn cardinal_from(ctx: &Ctx, i: usize, with_point: bool) -> Option<(f64, usize, bool)> {
    let mut acc = Acc::default();
    let mut last = None;
    let mut j = i;
    let mut rejected = None;
    while let Some((comp, joined, end)) = comp_at(ctx, j) {
        if last.is_none() && (ctx.word(j) == "و") {
            break;
        }
        if !acc.accept(comp, joined) {
            rejected = Some((comp, joined, end));
            break;
        }
        last = Some(end);
        j = end + 1;
    }
    let mut last = last?;
    let mut value = acc.value();
    if acc.done {
        // "مليون ونصف مليون": the multiplier repeated after its fraction.
        if let Some((Comp::Big(m, Form::Single), false, end)) = rejected {
            if acc.frac_of_big && m == acc.last_big {
                last = end;
            }
        }
        return Some((value, last, acc.words));
    }
    let fifth = "خمس";
    match rejected {
        // "عشرون وثلاثة أخماس": a joined fraction after a whole number.
        // "مئة وثلاثون وخمسين": and two fifths.
        Some((Comp::Tens(t), true, end)) if t == 50.0 && acc.has_tens && ctx.word(end).ends_with("خمسين") => {
            value += 0.4;
            last = end;
        }
        Some((Comp::Unit(u), true, end)) => {
            if let Some(NumWord::Denominator(d)) = ctx.hit(end + 1).filter(|h| h.prefix == 0).map(|h| h.word) {
                value += u / d;
                last = end + 1;
            } else if u == 5.0 && ctx.word(end).strip_prefix('و').unwrap_or(ctx.word(end)) == fifth {
                // "ثلاثة وخمس": and a fifth.
                value += 0.2;
                last = end;
            }
        }
        // "واحد وعشرون خمس": so many fifths.
        Some((Comp::Unit(u), false, end)) if u == 5.0 && acc.words && value >= 2.0 && ctx.word(end) == fifth => {
            value /= 5.0;
            last = end;
        }
        _ => {}
    }
    // "خمسة فاصلة خمسة": a decimal point in words.
    let point = ctx.word(last + 1);
    if with_point && point == "فاصله" {
        if let Some((frac, flast, _)) = cardinal_from(ctx, last + 2, false) {
            if frac >= 0.0 && frac.fract() == 0.0 {
                let digits = format!("{}", frac as u64).len() as i32;
                value += frac / 10f64.powi(digits);
                last = flast;
            }
        }
    }
    Some((value, last, acc.words))
}

/// Parses the number starting at token `i`, if any.
fn core_at(ctx: &Ctx, i: usize) -> Option<Core> {
    let tok = *ctx.toks.get(i)?;
    let w = ctx.word(i);
    // Negative words.
    if matches!(w, "سالب" | "ناقص") {
        if matches!(ctx.word(i + 1), "سالب" | "ناقص") {
            return None;
        }
        let inner = core_at(ctx, i + 1)?;
        if inner.kind != CoreKind::Cardinal {
            return None;
        }
        return Some(Core { first: i, start: tok.start, value: -inner.value, ..inner });
    }
    if w == crate::words::LITS.part && ctx.word(i + 1) == "من" {
        let (den, last, _) = cardinal_at(ctx, i + 2)?;
        if den <= 0.0 {
            return None;
        }
        return Some(core(ctx, i, last, 1.0 / den, CoreKind::Cardinal, false));
    }
    if let Some(hit) = ctx.hit(i) {
        match hit.word {
            NumWord::Ordinal(v, head_only) => {
                let next_ten = ctx.hit(i + 1).is_some_and(|h| h.word == NumWord::Ten && h.prefix == 0);
                if next_ten && v <= 9 {
                    return Some(core(ctx, i, i + 1, (v + 10) as f64, CoreKind::Ordinal, false));
                }
                let (k, conj) = if ctx.word(i + 1) == "و" { (i + 2, true) } else { (i + 1, false) };
                if let Some(h) = ctx.hit(k) {
                    if let NumWord::OrdinalTens(t) | NumWord::Tens(t) = h.word {
                        if (conj || h.conj) && v <= 9 {
                            return Some(core(ctx, i, k, (v + t) as f64, CoreKind::Ordinal, false));
                        }
                    }
                }
                if head_only {
                    return None;
                }
                return Some(core(ctx, i, i, v as f64, CoreKind::Ordinal, false));
            }
            NumWord::OrdinalTens(t) => {
                return Some(core(ctx, i, i, t as f64, CoreKind::Ordinal, false));
            }
            NumWord::Vague(lo, hi) => {
                let (m, last) = match vague_multiplier(ctx.word(i + 1)) {
                    Some(m) => (m, i + 1),
                    None => (1.0, i),
                };
                let kind = CoreKind::Vague { lo: lo * m, hi: hi * m };
                return Some(core(ctx, i, last, lo * m, kind, false));
            }
            NumWord::Big(m, Form::Plural) => {
                let kind = CoreKind::Vague { lo: 2.0 * m, hi: 10.0 * m - 1.0 };
                return Some(core(ctx, i, i, 2.0 * m, kind, false));
            }
            NumWord::AmbiguousFraction(f) => {
                return ctx.is_definite_noun(i + 1).then(|| core(ctx, i, i, f, CoreKind::Cardinal, false));
            }
            NumWord::Unit(5) if w.ends_with("خمس") && ctx.is_definite_noun(i + 1) => {
                return Some(core(ctx, i, i, 0.2, CoreKind::Cardinal, false));
            }
            NumWord::Unit(1) if hit.prefix == 0 => {
                let prev = if i > 0 { ctx.word(i - 1) } else { "" };
                if matches!(prev, "اي" | "كل" | "لكل" | "باي") {
                    return None;
                }
            }
            _ => {}
        }
    } else if matches!(w, "الربع" | "النصف" | "الثلث") {
        // "أكثر من النصف": a definite fraction as a bound.
        let f = match w {
            "الربع" => 0.25,
            "النصف" => 0.5,
            _ => 1.0 / 3.0,
        };
        return crate::mention::prefix_qualifier(ctx, i).map(|_| core(ctx, i, i, f, CoreKind::Cardinal, false));
    } else if let Some(rest) = w.strip_prefix("ال") {
        // "الثمانية والعشرين": a definite cardinal.
        let unit = lookup(rest).filter(|h| h.prefix == 0).map(|h| h.word);
        // "ابن الأحد عشر عاما": a definite 11 … 19.
        let next_is_ten = ctx.hit(i + 1).is_some_and(|h| h.word == NumWord::Ten && h.prefix == 0);
        if let Some(NumWord::Unit(u) | NumWord::TeenHead(u)) = unit {
            if next_is_ten {
                return Some(core(ctx, i, i + 1, 10.0 + u as f64, CoreKind::Cardinal, false));
            }
        }
        let (k, conj) = if ctx.word(i + 1) == "و" { (i + 2, true) } else { (i + 1, false) };
        if let (Some(NumWord::Unit(u)), Some(h)) = (unit, ctx.hit(k)) {
            if let NumWord::OrdinalTens(t) = h.word {
                if conj || h.conj {
                    return Some(core(ctx, i, k, (u as u32 + t) as f64, CoreKind::Cardinal, false));
                }
            }
        }
        return None;
    } else if !matches!(tok.kind, TokKind::Num { .. }) {
        return None;
    } else if i > 0 && ctx.word(i - 1) == "ال" && ctx.toks[i - 1].end == tok.start {
        // "الـ49": digits with the article are an ordinal.
        if let TokKind::Num { value, integer: true } = tok.kind {
            if value >= 1.0 {
                let mut c = core(ctx, i, i, value, CoreKind::Ordinal, false);
                c.first = i - 1;
                c.start = ctx.toks[i - 1].start;
                return Some(c);
            }
        }
    }
    let (mut value, mut last, words) = cardinal_at(ctx, i)?;
    // "2 1/4": a whole number and a fraction written in digits.
    if let (TokKind::Num { integer: true, .. }, Some(next)) = (tok.kind, ctx.toks.get(last + 1)) {
        if let TokKind::Num { value: f, integer: false } = next.kind {
            let gap = &ctx.norm[ctx.toks[last].end..next.start];
            if last == i && gap == " " && ctx.norm[next.start..next.end].contains('/') && f > 0.0 && f < 1.0 {
                value += if value < 0.0 { -f } else { f };
                last += 1;
            }
        }
    }
    let mut c = core(ctx, i, last, value, CoreKind::Cardinal, !words);
    // "ثلاثة أجزاء من عشرة": so many parts of.
    let parts = ctx.word(last + 1);
    if (parts == crate::words::LITS.part || parts == crate::words::LITS.parts) && ctx.word(last + 2) == "من" {
        if let Some((den, dlast, _)) = cardinal_at(ctx, last + 3) {
            if den > 0.0 {
                // "مئتان وثلاثة جزء من مئة": the part below a hundred is the numerator.
                let tail = value % 100.0;
                let v = if value > 100.0 && tail != 0.0 && words { value - tail + tail / den } else { value / den };
                return Some(core(ctx, i, dlast, v, CoreKind::Cardinal, false));
            }
        }
    }
    // "واحد من ثلاثة", "١ على ٣": a fraction.
    let link = ctx.word(last + 1);
    if matches!(link, "من" | "علي") && value > 0.0 {
        if let Some((den, dlast, dwords)) = cardinal_at(ctx, last + 2) {
            let one = value == 1.0;
            let allowed = match link {
                "من" => one || value < den,
                _ => value < den || words || dwords,
            };
            if allowed && den > 0.0 && den >= 2.0 {
                c = core(ctx, i, dlast, value / den, CoreKind::Cardinal, false);
            }
        }
    }
    Some(c)
}

fn vague_multiplier(next: &str) -> Option<f64> {
    match next {
        "الاف" | "الالاف" | "الوف" => Some(1e3),
        "ملايين" | "الملايين" => Some(1e6),
        "مليارات" | "المليارات" => Some(1e9),
        _ => None,
    }
}

fn core(ctx: &Ctx, first: usize, last: usize, value: f64, kind: CoreKind, digits: bool) -> Core {
    Core { first, last, start: ctx.start_after_clitic(first), end: ctx.toks[last].end, value, kind, digits }
}

/// Whether a word may begin a core by itself (the tests of [`find_cores`] that need no
/// other token); a definite word before a number word needs that number word.
fn may_begin_core(w: &str) -> bool {
    lookup(w).is_some()
        || matches!(w, "سالب" | "ناقص")
        || w == crate::words::LITS.part
        || matches!(w, "الربع" | "النصف" | "الثلث")
}

/// Whether a normalised text holds no number at all: no ASCII digit (every digit is ASCII after
/// normalisation) and no word that may begin one. Such a text has no cores, so no mentions.
pub(crate) fn surely_no_number(norm: &str) -> bool {
    if has_ascii_digit(norm.as_bytes()) {
        return false;
    }
    let filter = crate::words::filter();
    // The filter reads bytes; only a word it lets through is checked as a `str`.
    !crate::lexer::digit_or_word(norm, |w| filter.may_hold_bytes(w) && std::str::from_utf8(w).is_ok_and(may_begin_core))
}

/// Whether any byte is an ASCII digit, 32 bytes at a time (the compiler vectorises the inner
/// fold).
fn has_ascii_digit(b: &[u8]) -> bool {
    let chunks = b.chunks_exact(32);
    let rest = chunks.remainder();
    let digit = |x: &u8| x.wrapping_sub(b'0') < 10;
    for c in chunks {
        if c.iter().fold(0u8, |any, x| any | u8::from(digit(x))) != 0 {
            return true;
        }
    }
    rest.iter().any(digit)
}

/// All cores of the text, left to right, not overlapping.
pub(crate) fn find_cores(ctx: &Ctx) -> Vec<Core> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.toks.len() {
        // Most words are not numbers: skip them before any further test. The other words that
        // begin numbers (سالب، ناقص، جزء، الربع، النصف، الثلث) pass the word filter.
        let candidate = match ctx.toks[i].kind {
            TokKind::Num { .. } => true,
            TokKind::Word if ctx.hits[i].is_some() => true,
            TokKind::Word => {
                (ctx.hit(i + 1).is_some() && ctx.word(i).starts_with("ال"))
                    || (ctx.passed(i) && {
                        let w = ctx.word(i);
                        matches!(w, "سالب" | "ناقص" | "الربع" | "النصف" | "الثلث") || w == crate::words::LITS.part
                    })
            }
            _ => false,
        };
        if !candidate || is_percent_word(ctx, i) {
            i += 1;
            continue;
        }
        match core_at(ctx, i) {
            Some(c) if c.value.is_finite() => {
                i = c.last + 1;
                out.push(c);
            }
            _ => i += 1,
        }
    }
    out
}

/// Percent words after a number: في المئة, بالمئة.
pub(crate) fn is_percent_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    crate::words::LITS.percent_after_fi.contains(w) || crate::words::LITS.percent_word.contains(w)
}
