//! Paragraph layout of one document: each non-empty line is classified as body, title,
//! dateline, boilerplate or page meta (dates and timestamps), with general rules of line shape,
//! vocabulary and position.

use crate::vocab;
use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};
use hadath_text::lang::{self, Lang};
use hadath_text::normalize::normalize_mapped;
use hadath_text::phrases::PhraseSet;
use hadath_text::{dateline_parts_norm, normalize_for_match, Document, Paragraph, ParagraphKind, PendingLayout, Span};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A word list compared after matching normalisation.
struct WordSet(HashSet<String, BuildHasherDefault<FxHasher>>);

impl WordSet {
    fn new(words: &[&str]) -> Self {
        WordSet(words.iter().map(|w| normalize_for_match(w)).collect())
    }
    fn has(&self, w: &str) -> bool {
        self.0.contains(w)
    }
}

/// A fast hash for short words (the multiply-rotate hash of rustc's FxHasher), eight bytes
/// at a time; word lists are fixed, so no resistance to chosen inputs is needed.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &x in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(x)).wrapping_mul(K);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Promotional phrases, normalised, in one automaton.
struct Promo {
    phrases: Vec<String>,
    matcher: PhraseSet,
    /// Where in a line without ASCII letters the automaton must run.
    sampled: SampledPhrases,
}

/// Bytes of a sampled block (read as one little-endian word).
const BLOCK: usize = 8;
/// Blocks are sampled at the line offsets that are multiples of this.
const SAMPLE_STEP: usize = 3;
/// Bits of a block's hash that index [`SampledPhrases::bits`].
const BLOCK_HASH_BITS: u32 = 16;

/// A prefilter for the phrases that can occur in a line without ASCII letters (the Arabic
/// ones): every such phrase is at least `SAMPLE_STEP + BLOCK - 1` bytes long, so each of its
/// occurrences holds a whole block that starts at a sampled offset, at one of its own first
/// `SAMPLE_STEP` offsets. Only the blocks at those offsets of every phrase are kept, each with
/// how far its phrases reach back and forward from it; the automaton runs only there. A line
/// holding an ASCII letter or the first byte of a shorter phrase is scanned whole.
struct SampledPhrases {
    /// A bit per block hash, set for the kept blocks.
    bits: Box<[u64; 1 << (BLOCK_HASH_BITS - 6)]>,
    /// Kept blocks, sorted, with the bytes their phrases start before them and end after
    /// their start.
    blocks: Vec<(u64, usize, usize)>,
    /// First bytes of the phrases without ASCII letters that are too short to be sampled
    /// (0xFF, which UTF-8 never holds, fills the rest); `None` when they do not fit.
    short_firsts: Option<[u8; 2]>,
}

/// Where the automaton has run in a line.
struct Scanned {
    /// Its state at `end`.
    row: usize,
    end: usize,
}

impl SampledPhrases {
    fn new(phrases: &[String]) -> Self {
        let mut blocks: Vec<(u64, usize, usize)> = Vec::new();
        let mut firsts: Vec<u8> = Vec::new();
        for p in phrases.iter().map(|p| p.as_bytes()).filter(|p| !p.iter().any(u8::is_ascii_alphabetic)) {
            if p.len() < SAMPLE_STEP + BLOCK - 1 {
                firsts.extend(p.first());
                continue;
            }
            for j in 0..SAMPLE_STEP {
                blocks.extend(block_at(p, j).map(|block| (block, j, p.len() - j)));
            }
        }
        blocks.sort_unstable();
        // One entry per block, reaching as far as any of its phrases.
        blocks.dedup_by(|b, a| {
            if a.0 == b.0 {
                (a.1, a.2) = (a.1.max(b.1), a.2.max(b.2));
            }
            a.0 == b.0
        });
        let mut bits = Box::new([0u64; 1 << (BLOCK_HASH_BITS - 6)]);
        for &(block, ..) in &blocks {
            let h = block_hash(block);
            bits[h / 64] |= 1 << (h % 64);
        }
        firsts.sort_unstable();
        firsts.dedup();
        let short_firsts = (firsts.len() <= 2).then(|| {
            let mut f = [0xFF; 2];
            f[..firsts.len()].copy_from_slice(&firsts);
            f
        });
        SampledPhrases { bits, blocks, short_firsts }
    }

    /// Whether the sampled blocks find every phrase of `line`: it holds no ASCII letter and
    /// no first byte of a short phrase.
    fn covers(&self, line: &[u8]) -> bool {
        let Some([f0, f1]) = self.short_firsts else { return false };
        let hit = |b: u8| ((b | 0x20).wrapping_sub(b'a') < 26) | (b == f0) | (b == f1);
        // Sixteen bytes at a time, without branches inside, so the compiler vectorises.
        let mut chunks = line.chunks_exact(16);
        chunks.all(|chunk| !chunk.iter().fold(false, |any, &b| any | hit(b)))
            && !chunks.remainder().iter().any(|&b| hit(b))
    }

    /// Runs `matcher` over the parts of `line` around sampled blocks that are kept, calling
    /// `found(row, end)` as [`PhraseSet::feed`] does, until it returns false. Parts that overlap
    /// are run as one, so every occurrence of a sampled phrase is found once.
    fn for_each_window(&self, line: &[u8], matcher: &PhraseSet, mut found: impl FnMut(usize, usize) -> bool) {
        let bits = &*self.bits;
        let mut scanned = Scanned { row: PhraseSet::START, end: 0 };
        let mut q = 0;
        while let Some(w) = block_at(line, q) {
            let h = block_hash(w);
            if bits[h / 64] >> (h % 64) & 1 != 0 && !self.run_around(line, q, w, matcher, &mut scanned, &mut found) {
                return;
            }
            q += SAMPLE_STEP;
        }
    }

    /// Runs `matcher` around the block `w` sampled at `q`, when it is kept, from where it
    /// has run so far; false when `found` said to stop. Apart from the sampling loop, which
    /// then keeps its values in registers.
    #[inline(never)]
    fn run_around(
        &self,
        line: &[u8],
        q: usize,
        w: u64,
        matcher: &PhraseSet,
        scanned: &mut Scanned,
        found: &mut impl FnMut(usize, usize) -> bool,
    ) -> bool {
        let Ok(k) = self.blocks.binary_search_by_key(&w, |b| b.0) else { return true };
        let Some(&(_, back, fwd)) = self.blocks.get(k) else { return true };
        let (start, end) = (q.saturating_sub(back), (q + fwd).min(line.len()));
        if start > scanned.end {
            *scanned = Scanned { row: PhraseSet::START, end: start };
        }
        if end > scanned.end {
            let Some(bytes) = line.get(scanned.end..end) else { return true };
            let Some(row) = matcher.feed(bytes, scanned.row, scanned.end, found) else { return false };
            *scanned = Scanned { row, end };
        }
        true
    }
}

/// The block of `line` at byte `q`, if it holds one.
#[inline(always)]
fn block_at(line: &[u8], q: usize) -> Option<u64> {
    match line.get(q..q + BLOCK) {
        Some(&[a, b, c, d, e, f, g, h]) => Some(u64::from_le_bytes([a, b, c, d, e, f, g, h])),
        _ => None,
    }
}

/// Index of a block's bit in [`SampledPhrases::bits`].
#[inline(always)]
fn block_hash(w: u64) -> usize {
    (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BLOCK_HASH_BITS)) as usize
}

static PROMO: LazyLock<Promo> = LazyLock::new(|| {
    let mut phrases: Vec<String> = vocab::PROMO_PHRASES.iter().map(|p| normalize_for_match(p)).collect();
    phrases.sort();
    phrases.dedup();
    // A dense DFA: every line of every document is scanned, so search speed beats build time.
    let matcher = PhraseSet::new(&phrases);
    let sampled = SampledPhrases::new(&phrases);
    Promo { phrases, matcher, sampled }
});

/// How many distinct promotional phrases a normalised line holds (Latin ones at word
/// boundaries), counting no further than `enough`.
fn promo_hits(norm: &str, enough: usize) -> usize {
    let promo = &*PROMO;
    let mut seen: Vec<usize> = Vec::new();
    let mut found = |id: usize, start: usize, end: usize| {
        if seen.contains(&id) {
            return true;
        }
        let phrase = &promo.phrases[id];
        let latin = phrase.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        let bounded = !latin || {
            let before = norm[..start].chars().next_back();
            let after = norm[end..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphabetic())
        };
        if bounded {
            seen.push(id);
        }
        seen.len() < enough
    };
    let line = norm.as_bytes();
    if promo.sampled.covers(line) {
        // The automaton runs only around sampled blocks of its phrases.
        promo.sampled.for_each_window(line, &promo.matcher, |row, end| {
            promo.matcher.ends_at(row).all(|(id, len)| found(id, end - len, end))
        });
    } else {
        promo.matcher.for_each_match(line, found);
    }
    seen.len()
}

/// Link lead-ins ("اقرأ أيضا"), normalised, in one automaton anchored at the line start.
static LEAD_INS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let phrases: Vec<String> = vocab::LINK_LEAD_INS.iter().map(|p| normalize_for_match(p)).collect();
    AhoCorasick::builder().start_kind(StartKind::Anchored).build(&phrases).ok()
});

/// Whether a normalised line starts with a link lead-in.
fn starts_with_lead_in(norm: &str) -> bool {
    LEAD_INS.as_ref().is_some_and(|ac| ac.try_find(Input::new(norm).anchored(Anchored::Yes)).ok().flatten().is_some())
}
static DATELINE_STOP: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(vocab::DATELINE_STOP_WORDS));
static INTERFACE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(vocab::INTERFACE_WORDS));
static SECTIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(vocab::SECTION_WORDS));
/// Gregorian month names of every Arabic family and English from hadath-time's CLDR table
/// (the first word of two-word names such as "كانون الثاني"), and French names.
static MONTHS: LazyLock<WordSet> = LazyLock::new(|| {
    let table = hadath_time::month_table();
    let firsts = table.iter().filter(|m| !m.hijri).filter_map(|m| m.name.split_whitespace().next());
    let words: Vec<&str> = firsts.chain(vocab::FRENCH_MONTHS.iter().copied()).collect();
    WordSet::new(&words)
});
static DATE_FILLERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(vocab::DATE_FILLERS));
static SPEECH: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(vocab::SPEECH_WORDS));
static AGENCIES: LazyLock<Vec<String>> =
    LazyLock::new(|| vocab::AGENCIES.iter().map(|p| normalize_for_match(p)).collect());

/// Lines longer than this (in bytes) are body text without further checks.
const LONG_LINE: usize = 4000;
/// Lines at most this long (in bytes) are counted for repetition across documents.
const REPEAT_MAX_LEN: usize = 300;
/// Sentence-like lines repeated across pages count as chrome only up to this many words.
const REPEAT_MAX_WORDS: usize = 8;
/// A line seen in this many documents of one source is boilerplate.
const REPEAT_THRESHOLD: u32 = 3;
/// Bounds that keep the repetition memory flat on endless streams.
const REPEAT_MAX_LINES_PER_SOURCE: usize = 100_000;
const REPEAT_MAX_SOURCES: usize = 10_000;

/// Counts of short lines per source across the documents of a stream, to find lines that a
/// site repeats on every page (menus, footers, prompts).
#[derive(Debug, Default)]
pub struct RepeatedLines {
    counts: HashMap<String, HashMap<u64, u32, FxBuild>>,
}

/// Line hashes are already well mixed: the fast hash serves their maps.
type FxBuild = BuildHasherDefault<FxHasher>;

impl RepeatedLines {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the document's distinct short lines and returns which of them were now seen in
    /// at least three documents of `source`.
    fn record(&mut self, source: &str, lines: &[u64]) -> Vec<bool> {
        if !self.counts.contains_key(source) && self.counts.len() >= REPEAT_MAX_SOURCES {
            return vec![false; lines.len()];
        }
        let map = self.counts.entry(source.to_string()).or_default();
        let mut seen_here: HashSet<u64, FxBuild> = HashSet::with_capacity_and_hasher(lines.len(), FxBuild::default());
        lines
            .iter()
            .map(|&h| {
                if h == 0 {
                    return false;
                }
                if seen_here.insert(h) {
                    if let Some(c) = map.get_mut(&h) {
                        *c += 1;
                    } else if map.len() < REPEAT_MAX_LINES_PER_SOURCE {
                        map.insert(h, 1);
                    }
                }
                map.get(&h).is_some_and(|&c| c >= REPEAT_THRESHOLD)
            })
            .collect()
    }
}

/// What the rules first say about one line, before position is taken into account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Meta,
    Boilerplate,
    /// Text: a body line, a title or a subheading depending on position.
    Text,
}

struct Line<'n> {
    span: Span,
    /// The line's slice of the document's normalised text (empty for long lines).
    norm: &'n str,
    words: usize,
    shape: Shape,
    /// Long or ending like a sentence.
    body_like: bool,
}

/// Lays out a document's paragraphs: kinds, title, dateline and languages, and fills
/// `doc.norm` (the normalised text, which segmentation reuses).
///
/// Each non-empty line is a paragraph. Page-header dates, timestamps and embedded-post
/// signatures are `Meta`; interface lines are `Boilerplate`; short lines before the body are
/// `Title` (`doc.title` is the headline: the line equal to `meta.title` when given, else the
/// longest); a dateline opening the first body line becomes its own `Dateline` paragraph.
pub fn prepare(doc: &mut Document) {
    prepare_with(doc, None);
}

/// Like [`prepare`], also marking lines that `repeats` has seen in three or more documents of
/// the source `source`.
pub fn prepare_with(doc: &mut Document, repeats: Option<(&mut RepeatedLines, &str)>) {
    doc.pending_layout = None;
    lay_out(doc, repeats.map(Repeats::Learn).unwrap_or(Repeats::Untracked));
}

/// The part of [`prepare_with`] that must run in stream order: with `repeats`, the document's
/// short lines are counted for their source and the lines now seen on three or more pages are
/// remembered in `doc.pending_layout`; the rest of the layout is left to [`finish_layout`],
/// which may run on any thread. The two together lay a document out exactly as
/// [`prepare_with`] does.
pub fn prepare_in_order(doc: &mut Document, repeats: Option<(&mut RepeatedLines, &str)>) {
    let repeated = repeats.map(|(repeats, source)| {
        let text = doc.text.as_str();
        let hashes: Vec<u64> = hadath_text::segment::lines(text)
            .into_iter()
            .map(|span| if span.len() <= REPEAT_MAX_LEN { hash_raw_line(span.slice(text)) } else { 0 })
            .collect();
        repeats.record(source, &hashes)
    });
    doc.pending_layout = Some(PendingLayout { repeated });
}

/// Finishes the layout of a document read with `IngestOptions::defer_layout` (see
/// [`prepare_in_order`]); does nothing for a document without a pending layout (one laid out
/// already, or one that could not be read).
pub fn finish_layout(doc: &mut Document) {
    let Some(pending) = doc.pending_layout.take() else { return };
    match pending.repeated {
        Some(flags) => lay_out(doc, Repeats::Known(&flags)),
        None => lay_out(doc, Repeats::Untracked),
    }
}

/// How lines repeated across the pages of a source are told.
enum Repeats<'a> {
    /// Not tracked.
    Untracked,
    /// Counted now, in stream order.
    Learn((&'a mut RepeatedLines, &'a str)),
    /// Counted before (one flag per line).
    Known(&'a [bool]),
}

fn lay_out(doc: &mut Document, repeats: Repeats<'_>) {
    // The whole text is normalised once: each line's normalised form is a slice of it (the
    // same as normalising the line alone), and it is kept for segmentation.
    let norm = match doc.norm.take().filter(|n| n.original_len() == doc.text.len()) {
        Some(n) => n,
        None => normalize_mapped(&doc.text),
    };
    let text = doc.text.as_str();
    let mut norm_at = 0;
    let mut lines: Vec<Line> = hadath_text::segment::lines(text)
        .into_iter()
        .map(|span| {
            let raw = span.slice(text);
            if raw.len() > LONG_LINE {
                // Far longer than any interface line: running text.
                return Line { span, norm: "", words: LONG_LINE / 8, shape: Shape::Text, body_like: true };
            }
            let range = norm.norm_range_after(norm_at, span);
            norm_at = range.end;
            let line_norm = norm.text.get(range).unwrap_or("");
            let words = count_words(raw);
            let shape = line_shape(raw, line_norm, words);
            let body_like = is_body_like(raw, words);
            Line { span, norm: line_norm, words, shape, body_like }
        })
        .collect();

    let mut kinds: Vec<ParagraphKind> = lines
        .iter()
        .map(|l| match l.shape {
            Shape::Meta => ParagraphKind::Meta,
            Shape::Boilerplate => ParagraphKind::Boilerplate,
            Shape::Text => ParagraphKind::Body,
        })
        .collect();

    let is_text = |l: &Line| l.shape == Shape::Text;
    let first_body = lines.iter().position(|l| is_text(l) && l.body_like);
    let last_body = lines.iter().rposition(|l| is_text(l) && l.body_like);

    // Header zone: short text lines before the body are the headline, kicker or subtitle.
    let header_end = first_body.unwrap_or(lines.len());
    let mut title_candidates: Vec<usize> = Vec::new();
    for (i, l) in lines.iter().enumerate().take(header_end) {
        if !is_text(l) {
            continue;
        }
        if l.words >= 2 && l.words <= 40 {
            title_candidates.push(i);
        } else if first_body.is_some() {
            kinds[i] = ParagraphKind::Boilerplate;
        }
    }
    if first_body.is_none() {
        // No body line: only the first candidate is a headline, the rest is text.
        title_candidates.truncate(1);
    }
    while title_candidates.len() > 3 {
        let i = title_candidates.remove(0);
        kinds[i] = ParagraphKind::Boilerplate;
    }
    for &i in &title_candidates {
        kinds[i] = ParagraphKind::Title;
    }

    // Footer zone: short text lines after the body are interface remnants.
    if let Some(last) = last_body {
        for (i, l) in lines.iter().enumerate().skip(last + 1) {
            if is_text(l) && !l.body_like && l.words <= 8 {
                kinds[i] = ParagraphKind::Boilerplate;
            }
        }
    }

    // The headline: the line equal to the metadata title, else the longest candidate.
    let meta_title = doc.meta.title.as_deref().map(normalize_for_match).filter(|t| !t.trim().is_empty());
    let mut title_index = None;
    if let Some(mt) = &meta_title {
        let mt = squash(mt);
        // Per line: the length of its squashed form when that is a prefix of the title.
        let prefix_lens: Vec<Option<usize>> = lines
            .iter()
            .map(|l| if l.shape == Shape::Boilerplate { None } else { squashed_prefix_len(l.norm, &mt) })
            .collect();
        title_index = prefix_lens.iter().position(|&n| n == Some(mt.len()));
        if title_index.is_none() {
            // A <title> often carries the site name after the headline.
            title_index = prefix_lens.iter().position(|&n| n.is_some_and(|n| n >= 12 && n * 2 >= mt.len()));
        }
        if let Some(i) = title_index {
            kinds[i] = ParagraphKind::Title;
        }
    }
    if title_index.is_none() && meta_title.is_some() {
        // The text does not carry the known headline: its first lines are body text.
        for &i in &title_candidates {
            kinds[i] = ParagraphKind::Body;
        }
    } else if title_index.is_none() {
        title_index = title_candidates.iter().copied().max_by(|&a, &b| {
            // Longest wins; on a tie the earlier line.
            lines[a].span.len().cmp(&lines[b].span.len()).then(b.cmp(&a))
        });
    }
    doc.title = title_index.map(|i| lines[i].span);

    // Lines a source repeats on every page.
    let repeated = match repeats {
        Repeats::Untracked => None,
        Repeats::Learn((repeats, source)) => {
            let hashes: Vec<u64> =
                lines.iter().map(|l| if l.span.len() <= REPEAT_MAX_LEN { hash_line(l.norm) } else { 0 }).collect();
            Some(repeats.record(source, &hashes))
        }
        Repeats::Known(flags) => Some(flags.to_vec()),
    };
    if let Some(repeated) = repeated {
        for (i, rep) in repeated.into_iter().enumerate().take(lines.len()) {
            // Running text repeated across pages is a republished article, not chrome.
            let chrome_like = !lines[i].body_like || lines[i].words <= REPEAT_MAX_WORDS;
            if rep && chrome_like && kinds[i] == ParagraphKind::Body {
                kinds[i] = ParagraphKind::Boilerplate;
            }
        }
    }

    // Paragraphs, with a dateline split off the first body line.
    let first_body_para = kinds.iter().position(|k| *k == ParagraphKind::Body);
    let mut paragraphs = Vec::with_capacity(lines.len() + 1);
    doc.dateline = None;
    for (i, l) in lines.iter_mut().enumerate() {
        let kind = kinds[i];
        if Some(i) == first_body_para {
            let raw = l.span.slice(text);
            let ours = dateline_prefix(raw).map(|(e, b)| (l.span.start + e, l.span.start + b));
            // The text core's reading, trusted when it names a news agency ("بيروت – أ ف ب:").
            // The agency stands next to a colon, a dash or an opening bracket, so it is looked
            // for only in a line whose normalised text holds one (or is not kept: long lines).
            let agency_possible = l.norm.is_empty() || l.norm.bytes().any(|b| matches!(b, b':' | b'-' | b'('));
            let core = agency_possible
                .then(|| dateline_parts_norm(text, l.span, Some(&norm)))
                .flatten()
                .filter(|d| d.agency.is_some())
                .map(|d| {
                    let rest = text.get(d.span.end..l.span.end).unwrap_or("");
                    (d.span.end, l.span.end - rest.trim_start().len())
                });
            let found = match (ours, core) {
                (Some(o), Some(c)) => Some(if c.0 > o.0 { c } else { o }),
                (o, c) => o.or(c),
            };
            if let Some((dl_end, body_start)) = found.filter(|&(e, b)| e > l.span.start && b < l.span.end) {
                let dl = Span::new(l.span.start, dl_end);
                let body = Span::new(body_start, l.span.end);
                doc.dateline = Some(dl);
                paragraphs.push(paragraph(text, dl, ParagraphKind::Dateline));
                paragraphs.push(paragraph(text, body, ParagraphKind::Body));
                continue;
            }
        }
        paragraphs.push(paragraph(text, l.span, kind));
    }
    doc.paragraphs = paragraphs;
    drop(lines);
    doc.norm = Some(norm);
}

/// Bytes of a paragraph looked at to tell its language.
const LANG_SAMPLE: usize = 4000;

fn paragraph(text: &str, span: Span, kind: ParagraphKind) -> Paragraph {
    let s = span.slice(text);
    let mut cut = s.len().min(LANG_SAMPLE);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    Paragraph { span, kind, lang: paragraph_lang(&s[..cut]) }
}

/// Bytes of a pure Arabic-script sample tried first; the rest is read only when needed.
const LANG_PREFIX: usize = 24;

/// The language of a paragraph sample, as `hadath_text::lang::detect` tells it.
///
/// A sample of Arabic letters, digits and ASCII punctuation only has no Latin words, so it is
/// Arabic as soon as it holds an Arabic word: a plain one told by its bytes, else one the text
/// core finds in a prefix (that prefix alone is read then).
fn paragraph_lang(sample: &str) -> Lang {
    if is_plain_arabic(sample) {
        if has_plain_arabic_word(sample) {
            return Lang::Arabic;
        }
        if sample.len() > 2 * LANG_PREFIX {
            let mut cut = LANG_PREFIX;
            while cut < sample.len() && sample.as_bytes()[cut] != b' ' {
                cut += 1;
            }
            if cut < sample.len() && lang::detect(&sample[..cut]) == Lang::Arabic {
                return Lang::Arabic;
            }
        }
    } else if arabic_outnumbers_latin(sample) {
        return Lang::Arabic;
    }
    lang::detect(sample)
}

/// Whether a word is two or more letters of the basic Arabic block (U+0621..U+063A,
/// U+0641..U+064A) and nothing else.
fn is_plain_arabic_word(w: &[u8]) -> bool {
    let is_letter = |p: &[u8]| matches!(p, [0xD8, 0xA1..=0xBA] | [0xD9, 0x81..=0x8A]);
    w.len() >= 4 && w.len().is_multiple_of(2) && w.chunks_exact(2).all(is_letter)
}

/// Whether `lang::detect` reads a sample as Arabic because it holds Arabic words and at least
/// as many of them as Latin ones, told by bytes: the plain Arabic words of
/// [`has_plain_arabic_word`] are counted against a bound on the Latin words, the runs of ASCII
/// letters plus every char outside ASCII and U+0600..U+067F (a Latin word starts with an ASCII
/// letter, which it reads to the end of its run, or with such a char; none of U+0600..U+067F
/// starts one).
fn arabic_outnumbers_latin(sample: &str) -> bool {
    let (mut plain, mut latin) = (0usize, 0usize);
    for w in sample.as_bytes().split(|&b| b == b' ') {
        if is_plain_arabic_word(w) {
            plain += 1;
            continue;
        }
        let mut in_letters = false;
        let mut i = 0;
        while let Some(&x) = w.get(i) {
            let letter = x.is_ascii_alphabetic();
            latin += usize::from(letter && !in_letters);
            in_letters = letter;
            i += match x {
                0..=0x7F => 1,
                0xD8 | 0xD9 => 2,
                _ => {
                    latin += 1;
                    match x {
                        0xC0..=0xDF => 2,
                        0xE0..=0xEF => 3,
                        0xF0..=0xFF => 4,
                        _ => 1,
                    }
                }
            };
        }
    }
    plain > 0 && plain >= latin
}

/// Whether a space-separated word of `sample` is two or more letters of the basic Arabic block
/// (U+0621..U+063A, U+0641..U+064A) and nothing else: the tokenizer reads such a word as one
/// Arabic word, which `lang::detect` counts, so a plain Arabic sample holding one is Arabic.
fn has_plain_arabic_word(sample: &str) -> bool {
    sample.as_bytes().split(|&b| b == b' ').any(is_plain_arabic_word)
}

/// Whether a text holds only Arabic letters, harakat, tatweel, Arabic-Indic digits, Arabic
/// punctuation, quotes, dashes, joiners and direction marks, and ASCII characters that are not
/// letters: nothing the tokenizer can read as a Latin word. (Hashtags and handles can only
/// hide Arabic words, and no token reaches across a space, so an Arabic word found in a prefix
/// cut at a space is one of the whole sample too.)
fn is_plain_arabic(s: &str) -> bool {
    // Read as bytes: every char allowed is ASCII, two bytes (C2, D8..DB) or three (E2 80).
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Blocks of ASCII non-letters and Arabic letters (leads D8..DA, continuation bytes) are
        // passed whole; a block with anything else is read char by char below.
        if let (Some(block), Some(next)) = (b.get(i..i + PLAIN_BLOCK), b.get(i + 1..i + PLAIN_BLOCK + 1)) {
            let mut bad = [0u8; PLAIN_BLOCK];
            for k in 0..PLAIN_BLOCK {
                let (x, y) = (block[k], next[k]);
                let letter = (x | 0x20).wrapping_sub(b'a') < 26;
                let other_lead = (x >= 0xC0) & !((x == 0xD8) | (x == 0xD9) | (x == 0xDA));
                // D8 80..A0 are not allowed but for U+060C, U+061B and U+061F.
                let d8_low = (x == 0xD8) & (y < 0xA1) & (y != 0x8C) & (y != 0x9B) & (y != 0x9F);
                bad[k] = 0u8.wrapping_sub((letter | other_lead | d8_low) as u8);
            }
            if bad.iter().fold(0u8, |a, &x| a | x) == 0 {
                // The block may end inside a char: its continuation bytes are passed next.
                i += PLAIN_BLOCK;
                while b.get(i).is_some_and(|&x| x & 0xC0 == 0x80) {
                    i += 1;
                }
                continue;
            }
        }
        // A block's worth of chars (at least one), one by one.
        let end = (i + PLAIN_BLOCK).min(b.len());
        while i < end {
            let x = b[i];
            if x < 0x80 {
                if x.is_ascii_alphabetic() {
                    return false;
                }
                i += 1;
                continue;
            }
            let y = b.get(i + 1).copied().unwrap_or(0);
            let ok = match x {
                // U+060C, U+061B, U+061F and U+0621..U+063F.
                0xD8 => matches!(y, 0x8C | 0x9B | 0x9F) || y >= 0xA1,
                // U+0640..U+06BF.
                0xD9 | 0xDA => true,
                // U+06C0..U+06D3.
                0xDB => y <= 0x93,
                // U+00A0, U+00AB, U+00BB.
                0xC2 => matches!(y, 0xA0 | 0xAB | 0xBB),
                // U+200C..U+200F, U+2013, U+2014, U+2018..U+201D, U+2026.
                0xE2 => y == 0x80 && matches!(b.get(i + 2), Some(0x8C..=0x8F | 0x93 | 0x94 | 0x98..=0x9D | 0xA6)),
                _ => false,
            };
            if !ok {
                return false;
            }
            i += if x >= 0xE0 { 3 } else { 2 };
        }
    }
    true
}

/// Bytes [`is_plain_arabic`] checks at a time.
const PLAIN_BLOCK: usize = 32;

/// The char-by-char definition of [`is_plain_arabic`], for tests.
#[cfg(test)]
fn is_plain_arabic_chars(s: &str) -> bool {
    s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_alphabetic()
        } else {
            matches!(c,
                '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{066D}' | '\u{066E}'..='\u{06D3}' | '\u{060C}' |
                '\u{061B}' | '\u{061F}' | '\u{00A0}' | '\u{00AB}' | '\u{00BB}' | '\u{2013}' | '\u{2014}' |
                '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{200C}'..='\u{200F}')
        }
    })
}

/// 64-bit FNV-1a parameters of [`hash_line`].
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hash of a line's letters and digits (as [`squash`] keeps them), without building the
/// string: 64-bit FNV-1a over the code points, never 0 (0 marks lines not counted).
fn hash_line(norm: &str) -> u64 {
    let mix = |h: u64, code: u32| (h ^ u64::from(code)).wrapping_mul(FNV_PRIME);
    let mut h = FNV_OFFSET;
    let mut rest = norm.as_bytes();
    // Read as bytes: basic Arabic letters (U+0621..U+063A, U+0641..U+064A) and ASCII, which
    // are kept when letters or digits, are told without decoding; any other char is decoded.
    while let [x, y, tail @ ..] = rest {
        if matches!((x, y), (0xD8, 0xA1..=0xBA) | (0xD9, 0x81..=0x8A)) {
            h = mix(h, (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F));
            rest = tail;
        } else if x.is_ascii() {
            if x.is_ascii_alphanumeric() {
                h = mix(h, u32::from(*x));
            }
            rest = &rest[1..];
        } else {
            let Some(c) = norm.get(norm.len() - rest.len()..).and_then(|r| r.chars().next()) else { break };
            if is_squash_kept(c) {
                h = mix(h, u32::from(c));
            }
            rest = rest.get(c.len_utf8()..).unwrap_or(&[]);
        }
    }
    // A last lone byte is ASCII.
    if let [x] = rest {
        if x.is_ascii_alphanumeric() {
            h = mix(h, u32::from(*x));
        }
    }
    h.max(1)
}

/// The char-by-char definition of [`hash_line`], for tests.
#[cfg(test)]
fn hash_line_chars(norm: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in norm.chars().filter(|&c| is_squash_kept(c)) {
        h = (h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
    }
    h.max(1)
}

/// Chars below this have their normalised kept chars in [`KEPT_NORMS`].
const KEPT_TABLE_END: u32 = 0x800;

/// The chars of a char's matching-normalised form that [`hash_line`] keeps, in order, 0 after
/// the last (U+0000 is never kept); [`TOO_MANY_KEPT`] for a char with more than two.
type KeptChars = [u32; 2];

/// [`KeptChars`] of a char whose normalised form keeps more than two chars.
const TOO_MANY_KEPT: KeptChars = [u32::MAX; 2];

/// [`KeptChars`] of each char below [`KEPT_TABLE_END`].
static KEPT_NORMS: LazyLock<Vec<KeptChars>> = LazyLock::new(|| {
    (0..KEPT_TABLE_END)
        .map(|code| {
            let Some(c) = char::from_u32(code) else { return [0; 2] };
            let kept: Vec<u32> = normalize_for_match(c.encode_utf8(&mut [0u8; 4]))
                .chars()
                .filter(|&k| is_squash_kept(k))
                .map(u32::from)
                .collect();
            match kept[..] {
                [] => [0; 2],
                [a] => [a, 0],
                [a, b] => [a, b],
                _ => TOO_MANY_KEPT,
            }
        })
        .collect()
});

/// `hash_line(&normalize_for_match(raw))` without building the normalised line: the matching
/// chain maps each char on its own, so the kept chars of each char's normalised form are
/// looked up. A line with a char outside the table is normalised whole.
fn hash_raw_line(raw: &str) -> u64 {
    let table = &*KEPT_NORMS;
    let mut h = FNV_OFFSET;
    for c in raw.chars() {
        let Some(&[a, b]) = table.get(c as usize).filter(|&&k| k != TOO_MANY_KEPT) else {
            return hash_line(&normalize_for_match(raw));
        };
        if a != 0 {
            h = (h ^ u64::from(a)).wrapping_mul(FNV_PRIME);
            if b != 0 {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
    }
    h.max(1)
}

/// Word counts are told apart up to this: every rule compares counts with 40 or less.
const MAX_COUNTED_WORDS: usize = 41;

/// Bytes [`count_words`] reads at a time.
const WORD_BLOCK: usize = 32;

/// Whether a byte is ASCII white space (U+0009..U+000D, U+0020).
fn is_ascii_space(x: u8) -> bool {
    (x == b' ') | (x.wrapping_sub(b'\t') < 5)
}

/// The number of white-space separated words, as `raw.split_whitespace().count()`, or
/// [`MAX_COUNTED_WORDS`] when there are more. Bytes are read without decoding, except the
/// lead bytes of the few multi-byte white-space chars (U+0085, U+00A0, U+1680, U+2000..).
fn count_words(raw: &str) -> usize {
    let b = raw.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        // A block holding no lead byte of a multi-byte white-space char (C2, E1, E2, E3), read
        // beside the bytes one before: a word starts at each byte that is not ASCII white space
        // after one that is. A continuation byte is neither, and never follows white space.
        let before = i.checked_sub(1).and_then(|j| b.get(j..j + WORD_BLOCK));
        if let (Some(block), Some(before)) = (b.get(i..i + WORD_BLOCK), before) {
            let mut starts = [0u8; WORD_BLOCK];
            let mut leads = [0u8; WORD_BLOCK];
            for k in 0..WORD_BLOCK {
                let x = block[k];
                starts[k] = u8::from(!is_ascii_space(x) & is_ascii_space(before[k]));
                leads[k] = u8::from((x == 0xC2) | (x.wrapping_sub(0xE1) < 3));
            }
            if leads.iter().fold(0, |a, &x| a | x) == 0 {
                // The first byte starts a word when none is open (the byte before may end a
                // multi-byte white-space char).
                let first = usize::from(!is_ascii_space(block[0]) && !in_word);
                words += block_sum(&starts) - usize::from(starts[0]) + first;
                if words >= MAX_COUNTED_WORDS {
                    return MAX_COUNTED_WORDS;
                }
                in_word = !is_ascii_space(block[WORD_BLOCK - 1]);
                i += WORD_BLOCK;
                continue;
            }
        }
        // Otherwise a block's worth of chars (at least one) is read one by one; at the start
        // only the first char, after which blocks have a byte before them.
        let end = if i == 0 { 1 } else { (i + WORD_BLOCK).min(b.len()) };
        while i < end {
            let x = b[i];
            let (space, len) = if x < 0x80 {
                (is_ascii_space(x), 1)
            } else if x & 0xC0 == 0x80 {
                // A continuation byte belongs to the char before it.
                i += 1;
                continue;
            } else if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                // Passed whole, so that no block starts inside white space.
                let c = raw.get(i..).and_then(|r| r.chars().next());
                (c.is_some_and(char::is_whitespace), c.map_or(1, char::len_utf8))
            } else {
                (false, 1)
            };
            if !space && !in_word {
                words += 1;
                if words >= MAX_COUNTED_WORDS {
                    return MAX_COUNTED_WORDS;
                }
            }
            in_word = !space;
            i += len;
        }
    }
    words
}

/// The sum of a block's bytes of at most 1 each: its eight-byte words are added bytewise, and
/// the multiply sums the eight byte sums into the top byte.
fn block_sum(bytes: &[u8; WORD_BLOCK]) -> usize {
    let words = bytes.chunks_exact(8).map(|h| h.try_into().map_or(0, u64::from_le_bytes));
    (words.sum::<u64>().wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// Whether `c` is a letter, with fast paths for ASCII and the Arabic letter block.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0621}'..='\u{064A}').contains(&c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// Whether a char is kept by [`squash`].
fn is_squash_kept(c: char) -> bool {
    is_letter(c) || c.is_numeric()
}

/// Letters and digits only, for comparing lines that differ in spacing and punctuation.
fn squash(s: &str) -> String {
    s.chars().filter(|&c| is_squash_kept(c)).collect()
}

/// The byte length of `squash(s)` when it is a prefix of `target`, without building it.
fn squashed_prefix_len(s: &str, target: &str) -> Option<usize> {
    let mut at = 0;
    let mut utf8 = [0u8; 4];
    for c in s.chars().filter(|&c| is_squash_kept(c)) {
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        if !target.as_bytes()[at..].starts_with(bytes) {
            return None;
        }
        at += bytes.len();
    }
    Some(at)
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '’' | '\'' | ')' | ']' | '*')
}

/// The last char of a line that is not a closing quote or bracket.
fn final_char(raw: &str) -> Option<char> {
    raw.trim_end().chars().rev().find(|c| !is_closing(*c))
}

/// Whether a line reads like running text: long, or ending like a sentence.
fn is_body_like(raw: &str, words: usize) -> bool {
    if words >= 25 {
        return true;
    }
    let ends = final_char(raw).is_some_and(|c| is_terminal(c) || c == ':');
    words >= 4 && ends
}

/// What a line is by its own shape and words.
fn line_shape(raw: &str, norm: &str, words: usize) -> Shape {
    if is_meta_line(raw, norm) {
        Shape::Meta
    } else if is_boilerplate_line(raw, norm, words) {
        Shape::Boilerplate
    } else {
        Shape::Text
    }
}

/// Alphabetic words and digit runs of a normalised line, in order.
fn runs(norm: &str) -> Vec<(bool, &str)> {
    Runs::new(norm).collect()
}

/// Iterator over the alphabetic words (`false`) and digit runs (`true`) of a normalised line.
struct Runs<'a> {
    norm: &'a str,
    chars: std::str::CharIndices<'a>,
    /// Start and class of the run being read.
    open: Option<(usize, bool)>,
    done: bool,
}

impl<'a> Runs<'a> {
    fn new(norm: &'a str) -> Self {
        Runs { norm, chars: norm.char_indices(), open: None, done: false }
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = (bool, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        for (i, c) in self.chars.by_ref() {
            let cls = if c.is_ascii_digit() {
                Some(true)
            } else if is_letter(c) {
                Some(false)
            } else {
                None
            };
            match (self.open, cls) {
                (Some((s, digit)), Some(d)) if d != digit => {
                    self.open = Some((i, d));
                    return Some((digit, &self.norm[s..i]));
                }
                (Some(_), Some(_)) => {}
                (Some((s, digit)), None) => {
                    self.open = None;
                    return Some((digit, &self.norm[s..i]));
                }
                (None, Some(d)) => self.open = Some((i, d)),
                (None, None) => {}
            }
        }
        self.done = true;
        self.open.take().map(|(s, digit)| (digit, &self.norm[s..]))
    }
}

/// `d{1,4} sep d{1,2} sep d{1,4}` with sep one of `- / .`, as in "9-10-2020".
fn has_numeric_date(norm: &str) -> bool {
    let b = norm.as_bytes();
    let digits_at = |mut i: usize| -> (usize, usize) {
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        (i - s, i)
    };
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let (n1, j) = digits_at(i);
            if (1..=4).contains(&n1) && j < b.len() && matches!(b[j], b'-' | b'/' | b'.') {
                let (n2, k) = digits_at(j + 1);
                if (1..=2).contains(&n2) && k < b.len() && b[k] == b[j] {
                    let (n3, _) = digits_at(k + 1);
                    if (1..=4).contains(&n3) && (n1 == 4 || n3 == 4 || n3 == 2) {
                        return true;
                    }
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// `d{1,2}:d{2}`, as in "22:35".
fn has_clock_time(norm: &str) -> bool {
    let b = norm.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b':'
            && i >= 1
            && b[i - 1].is_ascii_digit()
            && i + 2 < b.len() + 1
            && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())
            && b.get(i + 2).is_some_and(|c| c.is_ascii_digit())
            && !b.get(i + 3).is_some_and(|c| c.is_ascii_digit())
    })
}

/// A month name next to a four-digit year, as in "16 يونيو 2024" or "December 16, 2021".
fn has_month_year(runs: &[(bool, &str)]) -> bool {
    runs.iter().enumerate().any(|(i, (digit, w))| {
        !digit && MONTHS.has(w) && {
            let lo = i.saturating_sub(3);
            let hi = (i + 4).min(runs.len());
            runs[lo..hi].iter().any(|(d, y)| *d && y.len() == 4 && matches!(y.parse::<u32>(), Ok(1900..=2100)))
        }
    })
}

/// Page-header dates, timestamps (possibly glued to a section name) and embedded-post
/// signatures: lines that date the page but carry no body text.
fn is_meta_line(raw: &str, norm: &str) -> bool {
    // A char is at most four bytes: longer lines are not counted.
    if raw.len() > 4 * 160 {
        return false;
    }
    let chars = raw.chars().count();
    if chars > 160 {
        return false;
    }
    // Embedded-post signature: "— Name (@handle) Month D, YYYY". Past 100 chars nothing else
    // is meta, so the words of such a line are not read.
    let dashed = raw.trim_start().starts_with(['—', '–', '-']);
    if chars > 100 && !dashed {
        return false;
    }
    // Every other rule needs a digit run, and normalised digits are ASCII.
    if !norm.bytes().any(|b| b.is_ascii_digit()) {
        return dashed && raw.contains("(@");
    }
    let rs = runs(norm);
    let month_year = has_month_year(&rs);
    let remainder = rs.iter().filter(|(d, w)| !d && !MONTHS.has(w) && !DATE_FILLERS.has(w)).count();
    let ends_with_year = rs.last().is_some_and(|(d, y)| *d && y.len() == 4);
    if dashed && (raw.contains("(@") || (month_year && ends_with_year && remainder <= 5)) {
        return true;
    }
    let numeric = has_numeric_date(norm) || has_clock_time(norm);
    if chars > 100 {
        return false;
    }
    let ends_sentence = final_char(raw).is_some_and(is_terminal);
    if ends_sentence && remainder >= 2 {
        return false;
    }
    if numeric {
        // A timestamp, possibly glued to a section name or a byline.
        remainder <= 3
    } else if month_year {
        remainder <= 1
    } else {
        // A day and a month alone, as in a timeline heading.
        remainder == 0 && has_day_month(&rs)
    }
}

/// A month name next to a day number, as in "17 أكتوبر".
fn has_day_month(runs: &[(bool, &str)]) -> bool {
    runs.iter().enumerate().any(|(i, (digit, w))| {
        !digit
            && MONTHS.has(w)
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| runs.get(j))
                .any(|(d, n)| *d && n.len() <= 2 && matches!(n.parse::<u32>(), Ok(1..=31)))
    })
}

/// Interface and promotional lines: vocabulary, share bars and menus, link lists, photo credits.
fn is_boilerplate_line(raw: &str, norm: &str, words: usize) -> bool {
    // One phrase marks a short line, two any line.
    let enough = if words <= 40 { 1 } else { 2 };
    if promo_hits(norm, enough) >= enough {
        return true;
    }
    if words <= 40 && starts_with_lead_in(norm) {
        return true;
    }
    let ends_sentence = final_char(raw).is_some_and(is_terminal);
    // Share bars and menus: every word is interface or section vocabulary.
    if !ends_sentence {
        let letter_words: Vec<&str> = Runs::new(norm).filter(|(d, _)| !d).map(|(_, w)| w).take(11).collect();
        if !letter_words.is_empty() && letter_words.len() <= 10 {
            let known = letter_words.iter().filter(|w| INTERFACE.has(w) || SECTIONS.has(w)).count();
            if known * 10 >= letter_words.len() * 6 && known > 0 {
                return true;
            }
        }
    }
    // Links, handles, hashtags and separators dominate (`words` counts the same tokens).
    // Each such token holds a link byte, so lines with too few of them are not tokenized.
    let marks = || raw.bytes().filter(|&b| LINK_BYTES[usize::from(b)]).count();
    if words > 0 && words <= 30 && marks() * 2 >= words {
        let linkish = raw
            .split_whitespace()
            .filter(|t| {
                // Arabic words hold no `h` or `w`: the substring searches are skipped for them.
                (t.bytes().any(|b| b == b'h' || b == b'w') && (t.contains("http") || t.contains("www.")))
                    || t.starts_with('@')
                    || t.starts_with('#')
                    || t.chars().all(is_link_separator)
            })
            .count();
        if linkish * 2 >= words {
            return true;
        }
    }
    // Menus: three or more short items between separators.
    const MENU_SEPARATORS: [char; 4] = ['|', '•', '·', '›'];
    if !ends_sentence && has_menu_separator(raw) {
        let mut items = raw.split(MENU_SEPARATORS).map(str::trim).filter(|s| !s.is_empty());
        let mut count = 0;
        if items.all(|s| {
            count += 1;
            s.split_whitespace().count() <= 3
        }) && count >= 3
        {
            return true;
        }
    }
    is_photo_caption(raw, norm, words)
}

/// Bytes of "http", "www.", '@', '#' and the separator chars: a link-like token holds one.
const LINK_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"hw@#|-/*>\xC2\xE2";
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Whether a char may make up a separator token of a link list ("|", "»", "—" …).
fn is_link_separator(c: char) -> bool {
    matches!(c, '|' | '•' | '·' | '›' | '»' | '«' | '-' | '–' | '—' | '/' | '*' | '>')
}

/// Whether a line holds a menu separator ('|', '•', '·' or '›'), read as UTF-8 bytes.
fn has_menu_separator(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'|' => true,
        // U+00B7.
        0xC2 => b.get(i + 1) == Some(&0xB7),
        // U+2022 and U+203A.
        0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA2 | 0xBA)),
        _ => false,
    })
}

/// A short line without a full stop that ends in a credit such as "(رويترز)".
fn is_photo_caption(raw: &str, norm: &str, words: usize) -> bool {
    if words > 30 || !raw.trim_end().ends_with(')') {
        return false;
    }
    let Some(open) = norm.rfind('(') else { return false };
    let inner = norm[open + 1..].trim_end().trim_end_matches(')').trim();
    let before = norm[..open].trim_end();
    if before.is_empty() || before.chars().next_back().is_some_and(|c| is_terminal(c) || c == ':') {
        return false;
    }
    inner.split_whitespace().count() <= 4
        && AGENCIES.iter().any(|a| inner == a || inner.split([',', '/', '،']).any(|p| p.trim() == a))
}

/// A dateline opening a body line, such as "باريس:" or "موسكو - (وكالات)".
///
/// Returns the byte length of the dateline and the byte offset where the body resumes.
pub fn dateline_prefix(raw: &str) -> Option<(usize, usize)> {
    let mut words = 0usize;
    let mut in_word = false;
    let mut comma = false;
    let mut delim = None;
    for (i, c) in raw.char_indices() {
        if i > 160 {
            return None;
        }
        if is_letter(c) {
            if !in_word {
                words += 1;
                in_word = true;
            }
            continue;
        }
        in_word = false;
        if c.is_whitespace() {
            continue;
        }
        if matches!(c, '،' | ',') {
            comma = true;
            continue;
        }
        if matches!(c, ':' | '：' | '-' | '–' | '—' | '(') {
            // A dash is a delimiter only before a space or an agency ("F-16", "Jean-Yves").
            if matches!(c, '-' | '–' | '—') {
                let next = raw[i + c.len_utf8()..].chars().next();
                if !next.is_some_and(|n| n.is_whitespace() || n == '(') {
                    return None;
                }
            }
            delim = Some((i, c));
            break;
        }
        return None;
    }
    let (di, dc) = delim?;
    if words > 5 || (words == 0 && dc != '(') {
        return None;
    }
    let place = raw[..di].trim_end();
    if place.split(|c: char| c.is_whitespace() || c == '،' || c == ',').filter(|w| !w.is_empty()).any(|w| {
        let w = normalize_for_match(w);
        SPEECH.has(&w) || DATELINE_STOP.has(&w)
    }) {
        return None;
    }
    // After the delimiter: an optional agency in parentheses and further delimiters.
    let mut end = if dc == '(' { di } else { di + dc.len_utf8() };
    let rest = &raw[end..];
    let trimmed = rest.trim_start();
    let has_agency = trimmed.starts_with('(');
    if has_agency {
        let open = end + (rest.len() - trimmed.len());
        let close = raw[open..].find(')')? + open;
        let inner = normalize_for_match(&raw[open + 1..close]);
        if inner.split_whitespace().count() > 4 || !AGENCIES.iter().any(|a| inner.trim() == a) {
            return None;
        }
        end = close + 1;
        let tail = &raw[end..];
        let t = tail.trim_start();
        let run: usize = t.chars().take_while(|c| matches!(c, ':' | '-' | '–' | '—')).map(char::len_utf8).sum();
        if run > 0 {
            end += tail.len() - t.len() + run;
        }
    } else if dc == '(' || words > 2 || words == 0 || comma {
        // Without an agency, a dateline is a place of one or two words.
        return None;
    }
    let body = &raw[end..];
    let body_trim = body.trim_start();
    if body_trim.split_whitespace().count() < 2 || body_trim.starts_with(['"', '«', '“', '\'']) {
        return None;
    }
    Some((end, end + body.len() - body_trim.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> (Document, Vec<(ParagraphKind, String)>) {
        let mut doc = Document::new("t.txt", text);
        prepare(&mut doc);
        let k = doc.paragraphs.iter().map(|p| (p.kind, doc.slice(p.span).to_string())).collect();
        (doc, k)
    }

    #[test]
    fn finds_datelines() {
        assert_eq!(dateline_prefix("القاهرة: التقى الوزيران أمس"), Some(("القاهرة:".len(), "القاهرة: ".len())));
        let s = "موسكو - (وكالات) أعلن الكرملين أن";
        let (e, b) = dateline_prefix(s).unwrap();
        assert_eq!(&s[..e], "موسكو - (وكالات)");
        assert!(s[b..].starts_with("أعلن"));
        let s = "الخرطوم (رويترز) - قال الجيش";
        let (e, _) = dateline_prefix(s).unwrap();
        assert_eq!(&s[..e], "الخرطوم (رويترز) -");
        assert_eq!(dateline_prefix("وقال الوزير: «لن نقبل»"), None);
        assert_eq!(dateline_prefix("قال المتحدث: إن الجولة انتهت"), None);
        assert_eq!(dateline_prefix("Jean-Yves Le Drian a dit"), None);
        assert_eq!(dateline_prefix("في 12 أكتوبر: حدث"), None);
        assert_eq!(dateline_prefix("تحطمت مقاتلة أف-16 في الصحراء"), None);
        let s = "(CNN)-- أعلنت الوزارة أن";
        assert_eq!(&s[..dateline_prefix(s).unwrap().0], "(CNN)--");
        let s = "عمّان، الأردن (رويترز) – قال مسؤول إن";
        assert_eq!(&s[..dateline_prefix(s).unwrap().0], "عمّان، الأردن (رويترز) –");
        assert_eq!(dateline_prefix("عمّان، الأردن: قال مسؤول إن"), None);
    }

    #[test]
    fn agency_datelines_of_the_text_core_are_used() {
        let (doc, _) = kinds("بيروت – أ ف ب: أعلن الجيش اللبناني انتشار وحداته على الحدود الجنوبية.");
        let dl = doc.dateline.map(|d| doc.slice(d));
        assert!(dl.is_some_and(|d| d.starts_with("بيروت")), "{dl:?}");
        let body = doc.paragraphs.iter().find(|p| p.kind == ParagraphKind::Body).unwrap();
        assert!(doc.slice(body.span).starts_with("أعلن"));
    }

    #[test]
    fn meta_lines() {
        assert!(is_meta_line("الثلاثاء 3 مارس 2026", &normalize_for_match("الثلاثاء 3 مارس 2026")));
        let glued = "سياسة دولية14-02-2025 | 09:10";
        assert!(is_meta_line(glued, &normalize_for_match(glued)));
        let sig = "— Jane Doe (@janedoe) March 3, 2026";
        assert!(is_meta_line(sig, &normalize_for_match(sig)));
        let body = "وفي 3 مارس 2026 أعلنت الحكومة عن خطة جديدة لإعادة الإعمار في المنطقة";
        assert!(!is_meta_line(body, &normalize_for_match(body)));
    }

    #[test]
    fn month_names_of_every_family() {
        // Levantine, Maghrebi and Moroccan names come from hadath-time's table, French from ours.
        for line in ["الأحد 7 كانون الثاني 2024", "الخميس 12 شتنبر 2019", "الاثنين 4 جويلية 2022", "mardi 5 mars 2024"]
        {
            assert!(is_meta_line(line, &normalize_for_match(line)), "{line}");
        }
        for w in ["كانون", "تشرين", "يناير", "دجنبر", "december", "août"] {
            assert!(MONTHS.has(&normalize_for_match(w)), "{w}");
        }
        assert!(!MONTHS.has(&normalize_for_match("رمضان")));
    }

    #[test]
    fn lays_out_a_crawled_page() {
        let text =
            "الخميس 5 فبراير 2026\n\nعناوين اليوم\nالوزير يزور العاصمة لبحث التهدئة\nتابعونا على قناتنا في تيليجرام\n\
                    أخبار دولية05-02-2026 | 10:20\n\
                    بيروت: وصل وزير الخارجية إلى العاصمة مساء الأربعاء في زيارة تستمر يومين.\n\
                    وأكد الوزير أن بلاده تدعم الحوار.\nالموقف الرسمي\nوقال إن الوساطة مستمرة.\n\
                    اقرأ أيضاً: تفاصيل أخرى عن الزيارة\nشارك\nAll rights reserved © 2026\n";
        let (doc, k) = kinds(text);
        let kind_of = |s: &str| k.iter().find(|(_, t)| t == s).map(|(k, _)| *k);
        assert_eq!(kind_of("الخميس 5 فبراير 2026"), Some(ParagraphKind::Meta));
        assert_eq!(kind_of("أخبار دولية05-02-2026 | 10:20"), Some(ParagraphKind::Meta));
        assert_eq!(kind_of("تابعونا على قناتنا في تيليجرام"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind_of("بيروت:"), Some(ParagraphKind::Dateline));
        assert_eq!(kind_of("الموقف الرسمي"), Some(ParagraphKind::Body));
        assert_eq!(kind_of("وقال إن الوساطة مستمرة."), Some(ParagraphKind::Body));
        assert_eq!(kind_of("اقرأ أيضاً: تفاصيل أخرى عن الزيارة"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind_of("شارك"), Some(ParagraphKind::Boilerplate));
        assert_eq!(kind_of("All rights reserved © 2026"), Some(ParagraphKind::Boilerplate));
        assert_eq!(doc.slice(doc.title.unwrap()), "الوزير يزور العاصمة لبحث التهدئة");
        assert_eq!(doc.slice(doc.dateline.unwrap()), "بيروت:");
        for p in &doc.paragraphs {
            assert!(!doc.slice(p.span).is_empty());
        }
    }

    #[test]
    fn metadata_title_wins() {
        let mut doc = Document::new("t", "قسم الأخبار العاجلة\nعنوان الخبر الرئيسي هنا\nنص الخبر يبدأ هنا ويستمر طويلا.");
        doc.meta.title = Some("عنوان الخبر الرئيسي هنا - موقع ما".into());
        prepare(&mut doc);
        assert_eq!(doc.slice(doc.title.unwrap()), "عنوان الخبر الرئيسي هنا");
    }

    #[test]
    fn repeated_lines_become_boilerplate() {
        let mut rep = RepeatedLines::new();
        let mut last = None;
        for i in 0..3 {
            let mut doc = Document::new(
                format!("{i}"),
                format!("خبر رقم {i} عن المفاوضات الجارية اليوم.\nموقع الأنباء اليومية\n"),
            );
            prepare_with(&mut doc, Some((&mut rep, "site")));
            last = Some(doc);
        }
        let doc = last.unwrap();
        assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Boilerplate);
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Body);
    }

    #[test]
    fn fast_language_reading_agrees_with_the_text_core() {
        let long_ar = "أعلنت الحكومة اليوم عن خطة جديدة لإصلاح شبكة الكهرباء في المدن الكبرى، وقال الوزير «إن العمل يبدأ الشهر المقبل» – حسب البيان.";
        let samples = [
            long_ar.to_string(),
            format!("{long_ar} The minister said that the plan is ready and the work will start."),
            format!("{long_ar} #وسم @حساب"),
            format!("#وسم @حساب #1 {}", "#وسم ".repeat(30)),
            format!("\u{200F}{long_ar}\u{200E}"),
            "The minister said that the plan is ready and the work will start soon, and that it has been long overdue for the people of the region and their families.".to_string(),
            format!("{} كلمة", "، ".repeat(80)),
            "٢٠٢٤ ".repeat(60),
        ];
        for s in &samples {
            assert_eq!(paragraph_lang(s), lang::detect(s), "{s}");
        }
    }

    #[test]
    fn counted_latin_words_agree_with_the_text_core() {
        let words = [
            "قال",
            "الوزير،",
            "The",
            "said",
            "de",
            "l'Arménie",
            "U.S.",
            "Jean-Yves",
            "abc123",
            "x“y",
            "#وسم",
            "@user",
            "https://a.b/c",
            "a@b.com",
            "١٢",
            "12",
            "é",
            "ŝ",
            "Ω",
            "ت\u{064E}ب",
            "ب\u{0610}",
            "\u{0600}a",
            "a\u{0301}b",
            "ـــ",
            "«MBC»",
            "(AFP)",
        ];
        for a in words {
            for b in words {
                for c in words {
                    for s in [format!("{a} {b} {c}"), format!("{a}{b} قال {c}"), format!("{a} قال {b} في {c} من")]
                    {
                        if arabic_outnumbers_latin(&s) {
                            assert_eq!(lang::detect(&s), Lang::Arabic, "{s}");
                        }
                        assert_eq!(paragraph_lang(&s), lang::detect(&s), "{s}");
                    }
                }
            }
        }
        for c in (0x80..0x800u32).chain(0x2000..0x2100).filter_map(char::from_u32) {
            for s in [format!("قال {c} الوزير في بيان"), format!("قال الوزير {c}x في بيان")]
            {
                assert_eq!(paragraph_lang(&s), lang::detect(&s), "{s}");
            }
        }
    }

    #[test]
    fn plain_arabic_words_are_arabic_to_the_text_core() {
        let words = ["قال", "في", "و", "ال", "بـ", "ـه", "#وسم", "@حساب", "12", "،", "«كلمة»", "ؤلاء", "ئ", "ًا"];
        for a in words {
            for b in words {
                for c in words {
                    let s = format!("{a} {b}  {c}");
                    if is_plain_arabic(&s) && has_plain_arabic_word(&s) {
                        assert_eq!(lang::detect(&s), Lang::Arabic, "{s}");
                    }
                }
            }
        }
        assert!(has_plain_arabic_word("#وسم قال"));
        assert!(!has_plain_arabic_word("#وسم و @قال"));
    }

    /// Promotional hits as the `aho_corasick` crate finds them, for comparing.
    fn promo_hits_ac(norm: &str, enough: usize) -> usize {
        let promo = &*PROMO;
        let ac = AhoCorasick::new(&promo.phrases).unwrap();
        let mut seen: Vec<usize> = Vec::new();
        for m in ac.find_overlapping_iter(norm) {
            let id = m.pattern().as_usize();
            let latin = promo.phrases[id].chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let bounded = !latin || {
                let before = norm[..m.start()].chars().next_back();
                let after = norm[m.end()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphabetic())
            };
            if !seen.contains(&id) && bounded {
                seen.push(id);
                if seen.len() >= enough {
                    break;
                }
            }
        }
        seen.len()
    }

    #[test]
    fn promo_hits_agree_with_aho_corasick() {
        let mut lines = vec![
            "اشترك في النشرة البريدية واقرأ أيضا آخر الأخبار".to_string(),
            "Subscribe to our newsletter, read more: cookies © 2024".to_string(),
            "prescribed cookieless subscribers".to_string(),
            "قال الوزير إن المفاوضات مستمرة".to_string(),
            String::new(),
        ];
        for p in vocab::PROMO_PHRASES {
            lines.push(format!("نص {p} و{p}x {p}"));
            // At every offset of the sampled blocks, alone and beside another phrase, in
            // lines with and without ASCII letters.
            for k in 0..2 * (SAMPLE_STEP + BLOCK) {
                let pad = "ب".repeat(k / 2) + &" ".repeat(k % 2);
                lines.push(format!("{pad}{p}"));
                lines.push(format!("قال{pad}{p}ب اقرأ أيضا"));
                lines.push(format!("{pad}نص {p} x"));
            }
        }
        let mut sampled = 0;
        for line in &lines {
            let norm = normalize_for_match(line);
            sampled += usize::from(PROMO.sampled.covers(norm.as_bytes()));
            for enough in 1..=3 {
                assert_eq!(promo_hits(&norm, enough), promo_hits_ac(&norm, enough), "{line} {enough}");
            }
        }
        // Lines without ASCII letters (a third or more) take the sampled blocks.
        assert!(sampled * 3 > lines.len(), "{sampled} of {}", lines.len());
    }

    #[test]
    fn plain_arabic_bytes_agree_with_chars() {
        let base = "قال الوزير، إن 12 «شيئاً» – حدث… ";
        let long = "أعلنت الحكومة اليوم، عن خطة جديدة؛ لماذا؟ ".repeat(3);
        for code in (0..0x3000u32).chain(0xFB50..0xFF00).chain([0x1F600]) {
            let Some(c) = char::from_u32(code) else { continue };
            let mut cases = vec![c.to_string(), format!("{base}{c}{base}"), format!("{c}{base}")];
            // At every offset of the blocks.
            for k in 0..2 * PLAIN_BLOCK + 4 {
                cases.push(format!("{}{c}{long}", "ـ".repeat(k / 2) + &" ".repeat(k % 2)));
            }
            for s in cases {
                assert_eq!(is_plain_arabic(&s), is_plain_arabic_chars(&s), "{code:X} {s}");
            }
        }
    }

    #[test]
    fn streaming_helpers_match_squash() {
        let title = squash(&normalize_for_match("عنوان الخبر: الوزير يزور العاصمة - موقع ما"));
        for line in ["عنوان الخبر الوزير يزور العاصمة", "عنوان الخبر: الوزير يزور العاصمة - موقع ما", "خبر آخر", ""]
        {
            let n = squash(&normalize_for_match(line));
            let expected = title.starts_with(&n).then_some(n.len());
            assert_eq!(squashed_prefix_len(&normalize_for_match(line), &title), expected, "{line}");
        }
        assert_eq!(hash_line("قال الوزير، اليوم"), hash_line("قال الوزير اليوم"));
        assert_ne!(hash_line("قال الوزير"), hash_line("قال الرئيس"));
        for c in (0..0x3000u32).chain(0xFB50..0xFF00).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("قال{c}الوزير {c}"), format!("{c}ﻻ إِلى ـ٣ ة Ä")] {
                assert_eq!(hash_raw_line(&t), hash_line(&normalize_for_match(&t)), "{c:?}");
                assert_eq!(hash_line(&t), hash_line_chars(&t), "{c:?}");
            }
        }
        let many = "كلمة ".repeat(60);
        // Every offset of the blocks, with multi-byte spaces and tabs among the words, and
        // lines that open with white space of one, two or three bytes.
        let mixed: Vec<String> = (0..2 * WORD_BLOCK + 4)
            .flat_map(|k| {
                let pad = "ـ".repeat(k / 2) + &" ".repeat(k % 2);
                let body = format!("{pad}قال\u{A0}الوزير  اليوم\tx\u{2003}ب{}", " ab".repeat(k % 24));
                ["", " ", "\u{A0}", "\u{2003}", "x"].map(|open| format!("{open}{body}"))
            })
            .collect();
        for t in &mixed {
            assert_eq!(count_words(t), t.split_whitespace().count().min(MAX_COUNTED_WORDS), "{t:?}");
        }
        for t in [
            "",
            " a  b ",
            "قال\u{0B}الوزير\u{A0}اليوم\u{2003}x\u{85}y",
            "\u{0C}\t\r\n",
            "كلمة",
            &many,
            "a\u{3000}b\u{1680}c\u{205F}d",
        ] {
            assert_eq!(count_words(t), t.split_whitespace().count().min(MAX_COUNTED_WORDS), "{t:?}");
        }
        assert_eq!(runs("ab12 cd-3"), vec![(false, "ab"), (true, "12"), (false, "cd"), (true, "3")]);
    }

    #[test]
    fn word_counts_agree_with_split_whitespace_at_every_offset() {
        let pieces = ["ب", " ", "\u{A0}", "a", "\u{2003}", "ـ", "\t", "«", "\u{200B}"];
        let n = pieces.len();
        for code in 0..n.pow(4) {
            let unit: String = (0..4).map(|k| pieces[code / n.pow(k) % n]).collect();
            for lead in ["", "a", "ب", " "] {
                let t = format!("{lead}{}", unit.repeat(3));
                assert_eq!(count_words(&t), t.split_whitespace().count().min(MAX_COUNTED_WORDS), "{t:?}");
            }
        }
    }

    #[test]
    fn core_agencies_stand_by_a_colon_dash_or_bracket() {
        let with = ["القاهرة (رويترز) قال الوزير إن المحادثات مستمرة", "بيروت – أ ف ب: قال الوزير إن المحادثات مستمرة"];
        let without = [
            "بيروت أ ف ب قال الوزير إن المحادثات مستمرة",
            "رويترز قال الوزير إن المحادثات مستمرة",
            "أ ف ب بيروت قال الوزير إن المحادثات مستمرة",
            "القاهرة رويترز قال الوزير إن المحادثات مستمرة",
        ];
        for line in with.iter().chain(&without) {
            let norm = normalize_mapped(line);
            let agency = dateline_parts_norm(line, Span::new(0, line.len()), Some(&norm)).and_then(|d| d.agency);
            let marked = norm.text.bytes().any(|b| matches!(b, b':' | b'-' | b'('));
            assert!(marked || agency.is_none(), "{line}");
            assert!(agency.is_some() || !with.contains(line), "{line}");
        }
    }

    #[test]
    fn separator_checks_agree_with_char_searches() {
        for t in ["http", "www.", "@", "#"] {
            assert!(t.bytes().any(|b| LINK_BYTES[usize::from(b)]), "{t}");
        }
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_link_separator(c), "|•·›»«-–—/*>".contains(c), "{c:?}");
            if is_link_separator(c) {
                assert!(c.to_string().bytes().any(|b| LINK_BYTES[usize::from(b)]), "{c:?}");
            }
            for s in [c.to_string(), format!("قال{c}x"), format!("{c}·"), format!("ab{c}")] {
                assert_eq!(has_menu_separator(&s), s.contains(['|', '•', '·', '›']), "{s:?}");
            }
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in ["", "\n\n", ":", "- (", "باريس:", "(رويترز)", "—@", "1-2-3", "a:b", "موسكو - (", "x (ap"]
        {
            let mut doc = Document::new("t", t);
            prepare(&mut doc);
            for p in &doc.paragraphs {
                assert!(doc.text.get(p.span.start..p.span.end).is_some());
            }
        }
    }
}
