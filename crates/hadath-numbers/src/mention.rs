//! Builds number mentions from cores: percentages, ranges, qualifiers and counted nouns.

use crate::core::{find_cores, Core, CoreKind, Ctx};
use crate::lexer::TokKind;
use crate::words::{counted_class, is_function_word, is_month_word, is_year_word, trigger_class, LITS};
use crate::words::{is_weak_trigger, WordMap};
use hadath_text::{normalize_for_match, Counted, NumberKind};
use std::sync::LazyLock;

/// One end of a value interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    Open,
    Inclusive(f64),
    Exclusive(f64),
}

/// How the bounds of a mention were stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// A plain number.
    None,
    /// نحو، حوالي، قرابة …: ±10 % around the value.
    Approximate,
    /// Bounds from qualifier words or symbols (أكثر من، على الأقل، أقل من، يساوي …).
    Bounded,
    /// بين … و …، من … إلى …، 10-20.
    Between,
    /// A vague plural (عشرات، مئات، آلاف).
    Vague,
}

/// A mention over normalised byte offsets, with bounds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: NumberKind,
    pub value: f64,
    pub lo: Bound,
    pub hi: Bound,
    pub qualifier: Qualifier,
    pub counted: Option<(usize, usize, Counted)>,
    /// The token range of the mention, for merging.
    first: usize,
    last: usize,
}

/// Qualifier phrases before a number: (words, lower bound maker, upper bound maker).
#[derive(Clone, Copy)]
pub(crate) enum Q {
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    About,
    Equal,
}

const PREFIX_QUALIFIERS: &[(&str, Q)] = &[
    ("اكبر من او يساوي", Q::AtLeast),
    ("اكثر من او يساوي", Q::AtLeast),
    ("اعلي من او يساوي", Q::AtLeast),
    ("اكبر من او تساوي", Q::AtLeast),
    ("يساوي او اكثر من", Q::AtLeast),
    ("علي الاقل او يساوي", Q::AtLeast),
    ("اقل من او يساوي", Q::AtMost),
    ("اخفض او يساوي", Q::AtMost),
    ("ادني او يساوي", Q::AtMost),
    ("اعلي او يساوي", Q::AtLeast),
    ("اصغر من او يساوي", Q::AtMost),
    ("اقل من او تساوي", Q::AtMost),
    ("اصغر من او تساوي", Q::AtMost),
    ("يساوي او اقل من", Q::AtMost),
    ("ما لا يقل عن", Q::AtLeast),
    ("ما لا يقل علي", Q::AtLeast),
    ("لا يقل عن", Q::AtLeast),
    ("لا تقل عن", Q::AtLeast),
    ("لا يقل علي", Q::AtLeast),
    ("لا اقل من", Q::AtLeast),
    ("علي الاقل", Q::AtLeast),
    ("ما يزيد علي", Q::MoreThan),
    ("ما يزيد عن", Q::MoreThan),
    ("ما يربو علي", Q::MoreThan),
    ("ما يربو عن", Q::MoreThan),
    ("ما يفوق", Q::MoreThan),
    ("لا يزيد عن", Q::AtMost),
    ("لا يزيد علي", Q::AtMost),
    ("لا تزيد عن", Q::AtMost),
    ("لا اكثر من", Q::AtMost),
    ("علي الاكثر", Q::AtMost),
    ("ما يصل الي", Q::AtMost),
    ("يصل الي", Q::AtMost),
    ("تصل الي", Q::AtMost),
    ("ما يقرب من", Q::About),
    ("يقرب من", Q::About),
    ("ما يقارب", Q::About),
    ("ما يناهز", Q::About),
    ("في حدود", Q::About),
    ("ما يساوي", Q::Equal),
    ("يزيد علي", Q::MoreThan),
    ("يزيد عن", Q::MoreThan),
    ("يربو علي", Q::MoreThan),
    ("اكثر من", Q::MoreThan),
    ("اكبر من", Q::MoreThan),
    ("اعلي من", Q::MoreThan),
    ("ازيد من", Q::MoreThan),
    ("اقل من", Q::LessThan),
    ("اصغر من", Q::LessThan),
    ("ادني من", Q::LessThan),
    ("اخفض من", Q::LessThan),
    ("ما دون", Q::LessThan),
    ("ما فوق", Q::MoreThan),
    ("يتجاوز", Q::MoreThan),
    ("تجاوزت", Q::MoreThan),
    ("تخطت", Q::MoreThan),
    ("تخطى", Q::MoreThan),
    ("يتخطى", Q::MoreThan),
    ("فاق", Q::MoreThan),
    ("فاقت", Q::MoreThan),
    ("ناهز", Q::About),
    ("ناهزت", Q::About),
    ("تتجاوز", Q::MoreThan),
    ("تجاوز", Q::MoreThan),
    ("يفوق", Q::MoreThan),
    ("تفوق", Q::MoreThan),
    ("فوق", Q::MoreThan),
    ("تحت", Q::LessThan),
    ("دون", Q::LessThan),
    ("ادني", Q::LessThan),
    ("يقارب", Q::About),
    ("يناهز", Q::About),
    ("نحو", Q::About),
    ("حوالي", Q::About),
    ("قرابه", Q::About),
    ("زهاء", Q::About),
    ("تقريبا", Q::About),
    ("يساوي", Q::Equal),
    ("تساوي", Q::Equal),
];

const POSTFIX_QUALIFIERS: &[(&str, Q)] = &[
    ("او اكثر من", Q::AtLeast),
    ("او اكبر من", Q::AtLeast),
    ("او اكثر", Q::AtLeast),
    ("او اكبر", Q::AtLeast),
    ("علي الاقل", Q::AtLeast),
    ("واكثر", Q::AtLeast),
    ("فاكثر", Q::AtLeast),
    ("او اقل", Q::AtMost),
    ("واقل", Q::AtMost),
    ("فاقل", Q::AtMost),
    ("تقريبا", Q::About),
];

/// A qualifier phrase as normalised words.
type Phrase = (Vec<String>, Q);

static PREFIX_NORM: LazyLock<Vec<Phrase>> = LazyLock::new(|| norm_phrases(PREFIX_QUALIFIERS));
static POSTFIX_NORM: LazyLock<Vec<Phrase>> = LazyLock::new(|| norm_phrases(POSTFIX_QUALIFIERS));
/// First words of the postfix qualifiers: a phrase can start only at one of them.
static POSTFIX_FIRST: LazyLock<crate::words::WordSet> =
    LazyLock::new(|| POSTFIX_NORM.iter().filter_map(|(p, _)| p.first().cloned()).collect());
static OR_EQUAL: LazyLock<Vec<String>> = LazyLock::new(|| vec!["او".to_string(), "يساوي".to_string()]);

fn norm_phrases(list: &[(&str, Q)]) -> Vec<Phrase> {
    list.iter().map(|(p, q)| (normalize_for_match(p).split(' ').map(String::from).collect(), *q)).collect()
}

/// Whether the phrase `words` ends exactly at token `end` (exclusive); returns the first
/// token. The first word may carry a clitic و، ل، ب، ف.
fn match_before(ctx: &Ctx, end: usize, words: &[String]) -> Option<usize> {
    if end < words.len() || words.is_empty() {
        return None;
    }
    let first = end - words.len();
    // The word next to the number decides most phrases at once.
    for (k, w) in words.iter().enumerate().rev() {
        let t = ctx.word(first + k);
        let ok = t == w || (k == 0 && strip_clitic(t) == Some(w.as_str()));
        if !ok {
            return None;
        }
    }
    Some(first)
}

/// Whether the phrase `words` starts at token `start`; returns the last token.
fn match_after(ctx: &Ctx, start: usize, words: &[String]) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        if ctx.word(start + k) != w {
            return None;
        }
    }
    (!words.is_empty()).then(|| start + words.len() - 1)
}

fn strip_clitic(w: &str) -> Option<&str> {
    let c = w.chars().next()?;
    if matches!(c, 'و' | 'ل' | 'ب' | 'ف') && w.chars().count() >= 3 {
        Some(&w[c.len_utf8()..])
    } else {
        None
    }
}

/// Symbol qualifiers `>`, `<`, `>=`, `<=` ending at token `end` (exclusive).
fn symbol_before(ctx: &Ctx, end: usize) -> Option<(usize, Q)> {
    let at = |k: usize| if k < end { ctx.sym(k) } else { None };
    if end == 0 {
        return None;
    }
    let a = at(end - 1)?;
    let (first, q) = match a {
        '>' => (end - 1, Q::MoreThan),
        '<' => (end - 1, Q::LessThan),
        '=' if end >= 2 => match at(end - 2)? {
            '>' => (end - 2, Q::AtLeast),
            '<' => (end - 2, Q::AtMost),
            _ => return None,
        },
        _ => return None,
    };
    // "<>30", "=>30" are not comparisons, nor is markup.
    if first > 0 && matches!(ctx.sym(first - 1), Some('<') | Some('>') | Some('=')) {
        return None;
    }
    if first > 0 && ctx.toks[first - 1].kind == TokKind::Blocked {
        return None;
    }
    Some((first, q))
}

fn bounds(q: Q, v: f64) -> (Bound, Bound, Qualifier) {
    match q {
        Q::MoreThan => (Bound::Exclusive(v), Bound::Open, Qualifier::Bounded),
        Q::AtLeast => (Bound::Inclusive(v), Bound::Open, Qualifier::Bounded),
        Q::LessThan => (Bound::Open, Bound::Exclusive(v), Qualifier::Bounded),
        Q::AtMost => (Bound::Open, Bound::Inclusive(v), Qualifier::Bounded),
        Q::Equal => (Bound::Inclusive(v), Bound::Inclusive(v), Qualifier::Bounded),
        Q::About => {
            let d = (v.abs() * 0.1).max(if v.abs() >= 1.0 { 1.0 } else { 0.0 });
            (Bound::Inclusive(v - d), Bound::Inclusive(v + d), Qualifier::Approximate)
        }
    }
}

/// Tokens strictly between two cores are only a joining و (or the و is a clitic of the second).
fn joined_by_and(ctx: &Ctx, a: &Core, b: &Core) -> bool {
    if b.first == a.last + 2 && ctx.word(a.last + 1) == "و" {
        return true;
    }
    b.first == a.last + 1 && ctx.word(b.first).starts_with('و')
}

/// Builds all mentions of a normalised text.
pub(crate) fn find_mentions(ctx: &Ctx) -> Vec<Found> {
    let cores = find_cores(ctx);
    let mut out: Vec<Found> = Vec::new();
    let mut k = 0;
    while k < cores.len() {
        let c = cores[k];
        if let Some((f, used)) = range_at(ctx, &cores, k) {
            out.push(f);
            k += used;
            continue;
        }
        out.push(single(ctx, &c));
        k += 1;
    }
    merge_bounds(ctx, &mut out);
    for f in &mut out {
        if f.kind == NumberKind::Cardinal || f.kind == NumberKind::Range {
            attach_counted(ctx, f);
        }
    }
    out
}

/// A range starting at core `k`: بين A و B، من A إلى B، A-B، A ~ B.
fn range_at(ctx: &Ctx, cores: &[Core], k: usize) -> Option<(Found, usize)> {
    let a = cores[k];
    let b = *cores.get(k + 1)?;
    // "بين 10% و20%": a percent sign after the first bound belongs to the range.
    let a_pct = ctx.sym(a.last + 1) == Some('%');
    let a = Core { last: if a_pct { a.last + 1 } else { a.last }, ..a };
    if a.kind == CoreKind::Ordinal && b.kind == CoreKind::Ordinal {
        return None;
    }
    let prev = if a.first > 0 { ctx.word(a.first - 1) } else { "" };
    let prev_bare = strip_clitic(prev).unwrap_or(prev);
    let mut first = a.first;
    let ok = if prev == "بين" || prev_bare == "بين" {
        first = a.first - 1;
        if first > 0 && ctx.word(first - 1) == "ما" {
            first -= 1;
        }
        // "بين 10 و20", and the looser "ما بين 10 إلى 15".
        joined_by_and(ctx, &a, &b) || (b.first == a.last + 2 && matches!(ctx.word(a.last + 1), "الي" | "حتي"))
    } else {
        let between: Vec<usize> = (a.last + 1..b.first).collect();
        let link_word = between.len() == 1 && matches!(ctx.word(between[0]), "الي" | "حتي");
        if (prev == "من" || prev_bare == "من") && link_word {
            first = a.first - 1;
            true
        } else if a.digits && b.digits && between.len() == 1 {
            let dash = matches!(ctx.sym(between[0]), Some('-') | Some('~'));
            let before_dash = a.first > 0 && matches!(ctx.sym(a.first - 1), Some('-') | Some('/') | Some('.'));
            let after = matches!(ctx.sym(b.last + 1), Some('-') | Some('/') | Some('.'))
                && matches!(ctx.toks.get(b.last + 2).map(|t| t.kind), Some(TokKind::Num { .. }));
            (dash || link_word) && !before_dash && !after && a.value < b.value
        } else {
            false
        }
    };
    if !ok || a.value >= b.value {
        return None;
    }
    let n = b.last + 1;
    let b_pct_last = if ctx.sym(n) == Some('%') || LITS.percent_word.contains(ctx.word(n)) {
        Some(n)
    } else if ctx.word(n) == "في" && LITS.percent_after_fi.contains(ctx.word(n + 1)) {
        Some(n + 1)
    } else {
        None
    };
    let last = b_pct_last.unwrap_or(b.last);
    let f = Found {
        start: ctx.toks[first].start,
        end: ctx.toks[last].end,
        kind: if a_pct || b_pct_last.is_some() { NumberKind::Percent } else { NumberKind::Range },
        value: a.value,
        lo: Bound::Inclusive(a.value),
        hi: Bound::Inclusive(b.value),
        qualifier: Qualifier::Between,
        counted: None,
        first,
        last,
    };
    Some((f, 2))
}

/// A single core with its percent sign and qualifiers.
fn single(ctx: &Ctx, c: &Core) -> Found {
    let mut f = Found {
        start: c.start,
        end: c.end,
        kind: NumberKind::Cardinal,
        value: c.value,
        lo: Bound::Inclusive(c.value),
        hi: Bound::Inclusive(c.value),
        qualifier: Qualifier::None,
        counted: None,
        first: c.first,
        last: c.last,
    };
    match c.kind {
        // "فوق الثلاثين", "أعلى من العاشر": after a qualifier, a definite number is a bound.
        CoreKind::Ordinal if prefix_qualifier(ctx, c.first).is_some() => {}
        CoreKind::Ordinal => {
            f.kind = NumberKind::Ordinal;
            return f;
        }
        CoreKind::Vague { lo, hi } => {
            f.kind = NumberKind::Range;
            f.lo = Bound::Inclusive(lo);
            f.hi = Bound::Inclusive(hi);
            f.qualifier = Qualifier::Vague;
            return f;
        }
        CoreKind::Cardinal => {}
    }
    // Percent after the number, or بالمئة before it.
    let n = c.last + 1;
    if ctx.sym(n) == Some('%') {
        f.kind = NumberKind::Percent;
        f.end = ctx.toks[n].end;
        f.last = n;
    } else if ctx.word(n) == "في" && LITS.percent_after_fi.contains(ctx.word(n + 1)) {
        f.kind = NumberKind::Percent;
        f.end = ctx.toks[n + 1].end;
        f.last = n + 1;
    } else if LITS.percent_word.contains(ctx.word(n)) {
        f.kind = NumberKind::Percent;
        f.end = ctx.toks[n].end;
        f.last = n;
    } else if c.first > 0 && ctx.sym(c.first - 1) == Some('%') && ctx.toks[c.first - 1].end == ctx.toks[c.first].start {
        // "٪50", typed in reading order.
        f.kind = NumberKind::Percent;
        f.start = ctx.toks[c.first - 1].start;
        f.first = c.first - 1;
    } else if c.first > 0
        && (LITS.percent_word.contains(ctx.word(c.first - 1))
            || (is_ratio_word(ctx.word(c.first - 1)) && !unit_follows(ctx, n)))
    {
        f.kind = NumberKind::Percent;
        f.start = ctx.toks[c.first - 1].start;
        f.first = c.first - 1;
    }
    if f.kind == NumberKind::Percent {
        return f;
    }
    // Postfix qualifiers win over prefix ones ("حوالي 500 أو أقل"), unless they begin
    // the next comparison ("5000 أو أقل من 6000").
    let postfix = if POSTFIX_FIRST.contains(ctx.word(c.last + 1)) { &POSTFIX_NORM[..] } else { &[] };
    for (phrase, q) in postfix {
        let found = match_after(ctx, c.last + 1, phrase);
        if let Some(last) = found.filter(|&l| !starts_comparison(ctx, l) && !number_at(ctx, l + 1)) {
            let (lo, hi, qual) = bounds(*q, c.value);
            f.lo = lo;
            f.hi = hi;
            f.qualifier = qual;
            f.end = ctx.toks[last].end;
            f.last = last;
            return f;
        }
    }
    if let Some((s, mut q)) = prefix_qualifier(ctx, c.first) {
        // "أكثر من 5000 أو يساوي": the bound is included.
        if let Some(last) = match_after(ctx, c.last + 1, &OR_EQUAL).filter(|&l| !number_at(ctx, l + 1)) {
            q = match q {
                Q::MoreThan => Q::AtLeast,
                Q::LessThan => Q::AtMost,
                other => other,
            };
            if !matches!(q, Q::About | Q::Equal) {
                f.end = ctx.toks[last].end;
                f.last = last;
            }
        }
        let (lo, hi, qual) = bounds(q, c.value);
        f.lo = lo;
        f.hi = hi;
        f.qualifier = qual;
        f.start =
            ctx.toks[s].start + if strip_clitic(ctx.word(s)).is_some() && !is_qual_head(ctx.word(s)) { 2 } else { 0 };
        f.first = s;
    }
    f
}

/// The prefix qualifiers by the word next to the number: a phrase can end right before a
/// number only when its last word is the word there, or, for a one-word phrase, when that word
/// is the phrase after a clitic. Indexes into [`PREFIX_NORM`], in list order.
struct PrefixEnds {
    by_last: WordMap<Vec<u16>>,
    by_single: WordMap<Vec<u16>>,
}

static PREFIX_ENDS: LazyLock<PrefixEnds> = LazyLock::new(|| {
    let index = |one_word: bool| {
        let mut by: Vec<(String, Vec<u16>)> = Vec::new();
        for (i, (p, _)) in PREFIX_NORM.iter().enumerate() {
            let Some(last) = p.last().filter(|_| !one_word || p.len() == 1) else { continue };
            match by.iter_mut().find(|(w, _)| w == last) {
                Some((_, v)) => v.push(i as u16),
                None => by.push((last.clone(), vec![i as u16])),
            }
        }
        by.into_iter().collect()
    };
    PrefixEnds { by_last: index(false), by_single: index(true) }
});

/// The qualifier phrase or symbol right before token `end`: its first token and kind.
pub(crate) fn prefix_qualifier(ctx: &Ctx, end: usize) -> Option<(usize, Q)> {
    let before = if end > 0 { ctx.word(end - 1) } else { "" };
    let ends = &*PREFIX_ENDS;
    let a = ends.by_last.get(before).map_or(&[][..], Vec::as_slice);
    let b = strip_clitic(before).and_then(|w| ends.by_single.get(w)).map_or(&[][..], Vec::as_slice);
    // The candidates of both lists in list order: the first phrase that matches wins.
    let (mut i, mut j) = (0, 0);
    let phrase = loop {
        let next = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x <= y => {
                i += 1;
                j += usize::from(x == y);
                x
            }
            (_, Some(&y)) => {
                j += 1;
                y
            }
            (Some(&x), None) => {
                i += 1;
                x
            }
            (None, None) => break None,
        };
        let Some((phrase, q)) = PREFIX_NORM.get(next as usize) else { break None };
        if let Some(s) = match_before(ctx, end, phrase) {
            break Some((s, *q));
        }
    };
    phrase.or_else(|| symbol_before(ctx, end))
}

/// Whether token `i` begins a number (digits or a number word).
fn number_at(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.toks.get(i).map(|t| t.kind), Some(TokKind::Num { .. })) || ctx.hits.get(i).copied().flatten().is_some()
}

/// Whether the tokens after `last` are "من" and a number: a comparison follows.
fn starts_comparison(ctx: &Ctx, last: usize) -> bool {
    let next = last + 1;
    let w = ctx.word(next);
    let after = ctx.toks.get(next + 1).map(|t| t.kind);
    w == "من" && (matches!(after, Some(TokKind::Num { .. })) || ctx.hits.get(next + 1).copied().flatten().is_some())
}

/// "نسبة" / "بنسبة" before a bare number: a percentage.
fn is_ratio_word(w: &str) -> bool {
    matches!(w, "نسبه" | "بنسبه" | "وبنسبه")
}

/// Whether token `n` is a noun such as a unit ("بنسبة 2.5 نقطة" is not a percentage).
fn unit_follows(ctx: &Ctx, n: usize) -> bool {
    let w = ctx.word(n);
    !w.is_empty() && ctx.hits[n].is_none() && !is_function_word(w)
}

/// Words that begin a qualifier as they stand (their first letter is not a clitic).
fn is_qual_head(w: &str) -> bool {
    PREFIX_NORM.iter().any(|(p, _)| p.first().map(String::as_str) == Some(w))
}

/// Joins "أكثر من 10 وأقل من 20" into one range.
fn merge_bounds(ctx: &Ctx, out: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        // Joined by و, or by a comma and أو: "أعلى من 100، أو أخفض أو يساوي 300".
        let between = a.last + 1..b.first;
        let joiners = between.clone().all(|t| matches!(ctx.word(t), "و" | "او") || ctx.sym(t) == Some(','));
        let adjacent = (between.len() <= 2 && joiners && !between.is_empty())
            || (b.first == a.last + 1 && ctx.word(b.first).starts_with('و'));
        let a_lower = a.qualifier == Qualifier::Bounded && a.hi == Bound::Open && a.lo != Bound::Open;
        let a_upper = a.qualifier == Qualifier::Bounded && a.lo == Bound::Open && a.hi != Bound::Open;
        let b_lower = b.qualifier == Qualifier::Bounded && b.hi == Bound::Open && b.lo != Bound::Open;
        let b_upper = b.qualifier == Qualifier::Bounded && b.lo == Bound::Open && b.hi != Bound::Open;
        let merged = if adjacent && a_lower && b_upper && a.value < b.value {
            Some((a.lo, b.hi))
        } else if adjacent && a_upper && b_lower && b.value < a.value {
            Some((b.lo, a.hi))
        } else {
            None
        };
        if let Some((lo, hi)) = merged {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.lo = lo;
            a.hi = hi;
            a.kind = NumberKind::Range;
            a.value = match lo {
                Bound::Inclusive(v) | Bound::Exclusive(v) => v,
                Bound::Open => a.value,
            };
            a.end = b.end;
            a.last = b.last;
        }
        i += 1;
    }
}

/// A casualty noun within four words before `first`, itself after عدد or حصيلة.
fn tally_before(ctx: &Ctx, first: usize) -> Option<(usize, usize, Counted)> {
    let lo = first.saturating_sub(5);
    (lo..first).rev().find_map(|t| {
        // "للقتلى" is ل + القتلى.
        let w = ctx.word(t);
        let class = match w.strip_prefix("لل") {
            Some(rest) => counted_class(&format!("ال{rest}")),
            None => counted_class(w),
        }?;
        if !matches!(class, Counted::Killed | Counted::Injured | Counted::Victims) {
            return None;
        }
        // عدد or حصيلة within two words before the noun ("العدد الإجمالي للقتلى").
        let heads = t.saturating_sub(2)..t;
        heads
            .clone()
            .any(|h| {
                let head = ctx.word(h);
                let head = strip_clitic(head).filter(|x| x.starts_with("عدد") || x.starts_with("حصيل")).unwrap_or(head);
                matches!(head, "عدد" | "العدد" | "حصيله" | "الحصيله")
            })
            .then(|| (ctx.toks[t].start, ctx.toks[t].end, class))
    })
}

/// Attaches the counted noun after a mention, the casualty noun before it, and a trailing
/// "على الأقل".
fn attach_counted(ctx: &Ctx, f: &mut Found) {
    let prev = if f.first > 0 { ctx.word(f.first - 1) } else { "" };
    let n = f.last + 1;
    let next = ctx.word(n);
    // Years and days of dates count nothing, nor do fractions.
    if is_year_word(prev) || is_month_word(next) || (f.value.abs() < 1.0 && f.value.fract() != 0.0) {
        return;
    }
    // Counted nouns are indefinite, except after vague plurals ("مئات الأشخاص").
    let definite_ok = f.qualifier == Qualifier::Vague;
    let noun = if next.is_empty()
        || ctx.hits[n].is_some()
        || is_function_word(next)
        || (next.starts_with("ال") && !definite_ok)
        || ["بال", "لل", "وال", "فال"].iter().any(|p| next.starts_with(p))
        || next.chars().count() < 2
    {
        None
    } else {
        let class = counted_class(next).unwrap_or(Counted::Other);
        Some((ctx.toks[n].start, ctx.toks[n].end, class))
    };
    // "عشرات من المدنيين", "17 من الجنود": a partitive names the class when it knows it.
    let noun = noun.or_else(|| {
        if next != "من" {
            return None;
        }
        let class = counted_class(ctx.word(n + 1)).filter(|c| *c != Counted::Other)?;
        Some((ctx.toks[n + 1].start, ctx.toks[n + 1].end, class))
    });
    // A casualty noun right before the number (or before "عن"): مقتل 53 شخصا.
    let trigger = (1..=2).find_map(|back| {
        let t = f.first.checked_sub(back)?;
        let w = ctx.word(t);
        let class = trigger_class(w)?;
        Some((ctx.toks[t].start, ctx.toks[t].end, class, is_weak_trigger(w)))
    });
    // A weak trigger (سقوط) sets the class of people only, and is no noun by itself.
    let trigger = match (trigger, noun) {
        (Some((s, e, c, false)), _) => Some((s, e, c)),
        (Some((s, e, c, true)), Some((_, _, Counted::People | Counted::Civilians | Counted::Soldiers))) => {
            Some((s, e, c))
        }
        _ => None,
    };
    // A year such as "2018 بروسيا" counts nothing unless a casualty word says so.
    let digits_only = ctx.norm.get(f.start..f.end).is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()));
    let year_like = digits_only && (1900.0..=2100.0).contains(&f.value) && f.qualifier == Qualifier::None;
    let noun = noun.filter(|(_, _, c)| !(year_like && *c == Counted::Other));
    // "ارتفع عدد القتلى إلى 120": the casualty noun after عدد or حصيلة a few words back.
    let trigger = trigger.or_else(|| if noun.is_none() { tally_before(ctx, f.first) } else { None });
    // "6 أشخاص أصيبوا", "17 جنديا قتلوا": a casualty verb right after the noun.
    let trigger = trigger.or_else(|| {
        let after = if noun.is_some() { n + 1 } else { n };
        let class = match ctx.word(after) {
            "قتلوا" | "لقوا" | "قضوا" | "استشهدوا" => Counted::Killed,
            "اصيبوا" | "جرحوا" => Counted::Injured,
            _ => return None,
        };
        noun.map(|(s, e, _)| (s, e, class))
    });
    f.counted = match (noun, trigger) {
        (Some((s, e, cls)), Some((_, _, tc))) if !matches!(cls, Counted::Killed | Counted::Injured) => Some((s, e, tc)),
        (Some(nn), _) => Some(nn),
        (None, Some(t)) => Some(t),
        (None, None) => None,
    };
    // "286 شخصاً على الأقل", "20 صاروخا أو أكثر": the qualifier after the noun.
    if f.counted.is_some() && f.qualifier == Qualifier::None && noun.is_some() {
        let postfix = if POSTFIX_FIRST.contains(ctx.word(n + 1)) { &POSTFIX_NORM[..] } else { &[] };
        for (phrase, q) in postfix {
            let found = match_after(ctx, n + 1, phrase);
            if let Some(last) = found.filter(|&l| !starts_comparison(ctx, l) && !number_at(ctx, l + 1)) {
                let (lo, hi, qual) = bounds(*q, f.value);
                f.lo = lo;
                f.hi = hi;
                f.qualifier = qual;
                f.end = ctx.toks[last].end;
                f.last = last;
                break;
            }
        }
    }
}
