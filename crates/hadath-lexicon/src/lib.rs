//! Lexicon: actors with dated roles, countries, places with coordinates, organisations.
//!
//! `build.rs` compiles `data/lexicon/**/*.tsv` into normalised entries and then into an image
//! of flat tables (entries, roles, the token trie as an edge table); [`Lexicon::get`] reads that
//! image once. [`Lexicon::annotate`] runs a clitic-aware longest match over a document's tokens
//! and resolves titles, nationality adjectives, counterparts ("نظيره") and capitals into
//! [`hadath_text::Entity`] values.

pub mod discover;
use hadath_text::fxhash;
mod image;
mod resolve;
pub mod source;

use fxhash::FxMap;
use hadath_text::{Date, Document};
use image::{bit_set, filter_slot, readings_slot, token_hash, EdgeTable, Image, NODE_HAS_CHILDREN, NODE_HAS_ENTRIES};
pub use image::{parse_partial_date, Entry, RolePeriod};
pub use source::EntryKind;
use std::sync::LazyLock;

/// Errors reading a compiled lexicon.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("compiled lexicon line {line}: {message}")]
    BadLine { line: usize, message: String },
    #[error("the lexicon image is damaged or of another version")]
    BadImage,
}

/// A lexicon match over a run of tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct LexMatch<'l> {
    /// First token index (into the token slice given).
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    /// Normalised bytes of proclitics removed from the first token.
    pub prefix_len: usize,
    /// Normalised bytes the entity's text skips: the proclitics, except that "لل" (ل + the
    /// article) stays whole, so "للأمم المتحدة" keeps its first letter and "وللأمم" drops only و.
    pub span_prefix_len: usize,
    /// Entries the matched form names, best first.
    pub entries: &'l [u32],
}

/// Per-token class from the gazetteer, for NER features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerClass {
    Per,
    Loc,
    Org,
}

/// A token's place inside a known name: its class and whether it begins the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GazetteerTag {
    pub class: NerClass,
    pub begin: bool,
}

/// The compiled lexicon and matcher.
pub struct Lexicon {
    entries: Vec<Entry>,
    patterns: usize,
    roles: Vec<RolePeriod>,
    /// (country or IGO code, role key) to indexes into `roles`.
    holders: FxMap<(String, String), Vec<usize>>,
    /// Person entry to indexes into `roles`.
    person_roles: FxMap<u32, Vec<usize>>,
    /// Role key to title entry.
    titles: FxMap<String, u32>,
    /// Organisation id to the label roles that name its leader (titles.tsv column `body`).
    label_roles: FxMap<String, Vec<String>>,
    /// ISO3 to country entry.
    countries: FxMap<String, u32>,
    /// Organisation code (such as IGOUNO) to its first organisation entry.
    organisations: FxMap<String, u32>,
    /// Normalised adjective form to ISO3.
    adjectives: FxMap<Box<str>, String>,
    /// A bit per hash of every first token of a form: most tokens start no form, and this small
    /// table (it fits a CPU cache) says so before the edge table is probed.
    first_tokens: Vec<u64>,
    /// A bit per hash of every way a token can spell a first token after proclitics: one probe
    /// turns away most tokens long enough to carry a proclitic before any stem is tried.
    readings: Vec<u64>,
    /// Every edge of the token trie in one open-addressing table keyed by (parent node, token
    /// hash): a step costs one hash of the token and, mostly, one cache line. Node 0 is the root.
    edges: EdgeTable,
    /// Per node: bit 0 when entries end there, bit 1 when it has children.
    node_flags: Vec<u8>,
    /// Per node: the range of `entry_lists` naming the entries whose form ends there.
    node_entries: Vec<(u32, u32)>,
    /// Entries of every node, best first.
    entry_lists: Vec<u32>,
}

/// The image `build.rs` writes from `data/lexicon`.
static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.image"));

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::from_image(IMAGE).unwrap_or_else(|_| Lexicon::from_parts(Image::empty())));

/// Proclitic strings tried on the first token of a name, shortest first: the least segmented
/// reading wins a tie ("وباريس" is و + باريس, not وب + اريس).
const PROCLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال",
    "فبال", "وكال",
];

impl Lexicon {
    /// The built-in lexicon, compiled into the binary; loaded once.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// Compiles lexicon files given as (path relative to `data/lexicon`, content) pairs.
    pub fn from_sources<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Lexicon, LexiconError> {
        let mut s = source::Sources::default();
        for (path, text) in files {
            s.add_file(path, text);
        }
        Lexicon::from_compiled(&s.compile())
    }

    /// Loads the compiled line format that `build.rs` writes.
    pub fn from_compiled(text: &str) -> Result<Lexicon, LexiconError> {
        let (image, _) = Image::build(text).map_err(|(line, message)| LexiconError::BadLine { line, message })?;
        Ok(Lexicon::from_parts(image))
    }

    /// Loads an image that `build.rs` wrote.
    fn from_image(bytes: &[u8]) -> Result<Lexicon, LexiconError> {
        Image::from_bytes(bytes).map(Lexicon::from_parts).ok_or(LexiconError::BadImage)
    }

    /// The lexicon over an image's tables, with the small lookup maps built from its entries.
    fn from_parts(image: Image) -> Lexicon {
        let mut lex = Lexicon {
            entries: Vec::new(),
            patterns: image.patterns as usize,
            roles: Vec::new(),
            holders: FxMap::default(),
            person_roles: FxMap::default(),
            titles: FxMap::default(),
            label_roles: FxMap::default(),
            countries: FxMap::default(),
            organisations: FxMap::default(),
            adjectives: FxMap::default(),
            first_tokens: image.first_tokens,
            readings: image.readings,
            edges: image.edges,
            node_flags: image.node_flags,
            node_entries: image.node_entries,
            entry_lists: image.entry_lists,
        };
        for (idx, entry) in image.entries.iter().enumerate() {
            let idx = idx as u32;
            match entry.kind {
                EntryKind::Title => {
                    if let Some(r) = &entry.role {
                        lex.titles.insert(r.clone(), idx);
                        if let Some(body) = &entry.code {
                            lex.label_roles.entry(body.clone()).or_default().push(r.clone());
                        }
                    }
                }
                EntryKind::Country => {
                    if let Some(cc) = &entry.country {
                        lex.countries.insert(cc.clone(), idx);
                    }
                }
                EntryKind::Organisation => {
                    if let Some(code) = &entry.code {
                        lex.organisations.entry(code.clone()).or_insert(idx);
                    }
                }
                _ => {}
            }
        }
        lex.entries = image.entries;
        lex.adjectives = image.adjectives.into_iter().map(|(form, iso3)| (form.into_boxed_str(), iso3)).collect();
        for (idx, role) in image.roles.iter().enumerate() {
            let key = if role.country.is_empty() { role.sector.clone() } else { role.country.clone() };
            lex.holders.entry((key, role.role.clone())).or_default().push(idx);
            lex.person_roles.entry(role.person).or_default().push(idx);
        }
        lex.roles = image.roles;
        lex
    }

    /// The entries whose form ends at a trie node, best first.
    fn node_entries(&self, node: usize) -> &[u32] {
        let Some(&(start, end)) = self.node_entries.get(node) else { return &[] };
        self.entry_lists.get(start as usize..end as usize).unwrap_or(&[])
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// One entry.
    pub fn entry(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// Number of forms indexed (patterns).
    pub fn pattern_count(&self) -> usize {
        self.patterns
    }

    /// Dated roles of a person entry.
    pub fn roles_of(&self, person: u32) -> impl Iterator<Item = &RolePeriod> {
        self.person_roles.get(&person).into_iter().flatten().filter_map(|&i| self.roles.get(i))
    }

    /// The title entry of a role key, such as `foreign-minister`.
    pub fn title(&self, role: &str) -> Option<&Entry> {
        self.titles.get(role).and_then(|&i| self.entry(i))
    }

    /// Label roles naming the leader of an organisation id, such as `houthi-leader` for `houthis`.
    pub fn label_roles_of(&self, organisation_id: &str) -> impl Iterator<Item = &str> {
        self.label_roles.get(organisation_id).into_iter().flatten().map(String::as_str)
    }

    /// The country entry of an ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Entry> {
        self.countries.get(iso3).and_then(|&i| self.entry(i))
    }

    /// The first organisation entry with a code, such as `IGOUNO`.
    pub fn organisation(&self, code: &str) -> Option<&Entry> {
        self.organisations.get(code).and_then(|&i| self.entry(i))
    }

    /// The ISO3 code a normalised nationality adjective names ("الاذربيجاني" gives AZE).
    pub fn country_of_adjective(&self, norm: &str) -> Option<&str> {
        if let Some(c) = self.adjectives.get(norm) {
            return Some(c.as_str());
        }
        for p in PROCLITICS {
            if let Some(stem) = norm.strip_prefix(p) {
                let key = if p.ends_with("لل") { format!("ال{stem}") } else { stem.to_string() };
                if let Some(c) = self.adjectives.get(key.as_str()) {
                    return Some(c.as_str());
                }
            }
        }
        None
    }

    /// The person holding `role` for a country (ISO3) or IGO code on a date.
    ///
    /// Without a date, the current holder is returned only when there is exactly one.
    pub fn holder(&self, country_or_igo: &str, role: &str, date: Option<Date>) -> Option<(u32, &RolePeriod)> {
        let list = self.holders.get(&(country_or_igo.to_string(), role.to_string()))?;
        let mut found: Vec<&RolePeriod> = Vec::new();
        for &i in list {
            let Some(r) = self.roles.get(i) else { continue };
            let ok = match date {
                Some(d) => r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t),
                None => r.to.is_none(),
            };
            if ok {
                found.push(r);
            }
        }
        match date {
            Some(_) => found.into_iter().max_by_key(|r| r.from).map(|r| (r.person, r)),
            None if found.iter().all(|r| Some(r.person) == found.first().map(|f| f.person)) => {
                found.pop().map(|r| (r.person, r))
            }
            None => None,
        }
    }

    /// Whether a role period covers a date (without a date: whether it is still open).
    pub fn holds_on(&self, r: &RolePeriod, date: Option<Date>) -> bool {
        match date {
            Some(d) => r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t),
            None => r.to.is_none(),
        }
    }

    /// The role a person held on a date (or the only current one without a date).
    pub fn role_at(&self, person: u32, date: Option<Date>) -> Option<&RolePeriod> {
        let roles: Vec<&RolePeriod> = self.roles_of(person).collect();
        let fits: Vec<&RolePeriod> = match date {
            Some(d) => {
                roles.iter().copied().filter(|r| r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t)).collect()
            }
            None => roles.iter().copied().filter(|r| r.to.is_none()).collect(),
        };
        // Prefer the highest office when two overlap (a president who is also party leader).
        fits.into_iter().min_by_key(|r| role_rank(&r.role))
    }

    /// Entries whose form equals `text` (normalised here), best first.
    pub fn lookup(&self, text: &str) -> Vec<&Entry> {
        let Some(norm) = source::norm_form(text) else { return Vec::new() };
        let mut node = 0u32;
        for tok in norm.split(' ') {
            match self.edges.get(node, token_hash(tok), tok) {
                Some(c) => node = c,
                None => return Vec::new(),
            }
        }
        self.node_entries(node as usize).iter().filter_map(|&e| self.entry(e)).collect()
    }

    /// Longest clitic-aware matches over normalised tokens, left to right, non-overlapping.
    pub fn match_tokens(&self, norms: &[&str]) -> Vec<LexMatch<'_>> {
        self.match_by(norms.len(), |i| norms[i])
    }

    /// [`Lexicon::match_tokens`] over `n` tokens whose normalised text `norm_at` gives, so that a
    /// caller holding [`hadath_text::Token`]s needs no slice of strings.
    pub fn match_by<'s>(&self, n: usize, norm_at: impl Fn(usize) -> &'s str) -> Vec<LexMatch<'_>> {
        let mut out = Vec::new();
        self.match_into(n, norm_at, &mut out);
        out
    }

    /// [`Lexicon::match_by`], appending to `out` (one vector serves every sentence of a document).
    pub(crate) fn match_into<'l, 's>(
        &'l self,
        n: usize,
        norm_at: impl Fn(usize) -> &'s str,
        out: &mut Vec<LexMatch<'l>>,
    ) {
        let mut i = 0;
        let mut buf = String::new();
        while i < n {
            match self.longest_at(n, &norm_at, i, &mut buf) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
    }

    /// The longest match starting at token `i`, if any.
    fn longest_at<'s>(
        &self,
        n: usize,
        norm_at: &impl Fn(usize) -> &'s str,
        i: usize,
        buf: &mut String,
    ) -> Option<LexMatch<'_>> {
        let tok = norm_at(i);
        // One hash of the token serves the readings filter and its bare reading.
        let tok_hash = token_hash(tok);
        // A token long enough to carry a proclitic is read up to four ways below; one probe of
        // the readings filter says when none of them can begin a form.
        if tok.len() >= 6 && !bit_set(&self.readings, readings_slot(tok_hash)) {
            return None;
        }
        // (end, prefix_len, node, span_prefix_len) of the best match so far; the least segmented
        // reading wins ties.
        let mut best: Option<(usize, usize, usize, usize)> = None;
        // Most stems begin no form: the first-token filter says so inline, and only a stem that
        // passes it walks the trie.
        let mut try_stem_hashed = |hash: u64, stem: &str, prefix_len: usize, span_prefix_len: usize| {
            if !bit_set(&self.first_tokens, filter_slot(hash)) {
                return;
            }
            self.walk(n, norm_at, i, (hash, stem), (prefix_len, span_prefix_len), &mut best);
        };
        try_stem_hashed(tok_hash, tok, 0, 0);
        let mut try_stem = |stem: &str, prefix_len: usize, span_prefix_len: usize| {
            try_stem_hashed(token_hash(stem), stem, prefix_len, span_prefix_len)
        };
        if tok.len() >= 6 {
            // Proclitics, shortest first: a conjunction (و ف), then a preposition (ب ك ل), or
            // ل before the article run together as "لل". "وال"/"بال" need no reading of their
            // own: stripping و or ب leaves the article on the stem.
            const LETTER: usize = 2;
            // The UTF-8 bytes of the proclitic letters: comparing bytes decodes nothing, and
            // two bytes equal to a letter's always lie on char boundaries.
            const WAW: [u8; 2] = [0xD9, 0x88];
            const FA: [u8; 2] = [0xD9, 0x81];
            const BA: [u8; 2] = [0xD8, 0xA8];
            const LAM: [u8; 2] = [0xD9, 0x84];
            const KAF: [u8; 2] = [0xD9, 0x83];
            let bytes = tok.as_bytes();
            let letter = |at: usize| -> [u8; 2] {
                match bytes.get(at..at + LETTER) {
                    Some(&[a, b]) => [a, b],
                    _ => [0, 0],
                }
            };
            // The rest of the token from `at` (always just after a proclitic letter, so on a
            // char boundary), when it has at least two letters: more bytes than its first char.
            let stem_at = |at: usize| -> Option<&str> {
                let lead = *bytes.get(at)?;
                let width = match lead {
                    0..=0x7F => 1,
                    0xF0..=0xFF => 4,
                    0xE0..=0xEF => 3,
                    _ => 2,
                };
                if bytes.len() - at > width {
                    tok.get(at..)
                } else {
                    None
                }
            };
            let first = letter(0);
            let conj = if first == WAW || first == FA { LETTER } else { 0 };
            if let Some(stem) = if conj > 0 { stem_at(conj) } else { None } {
                try_stem(stem, conj, conj);
            }
            let prep = letter(conj);
            // "فك" is not read as a proclitic pair.
            let prep_ok = prep == BA || prep == LAM || (prep == KAF && first != FA);
            if let Some(stem) = if prep_ok { stem_at(conj + LETTER) } else { None } {
                try_stem(stem, conj + LETTER, conj + LETTER);
            }
            let lam_lam = prep == LAM && letter(conj + LETTER) == LAM;
            if let Some(rest) = if lam_lam { stem_at(conj + 2 * LETTER) } else { None } {
                // "لل" is "ل" + "ال": the article stays on the stem; the span keeps both letters.
                buf.clear();
                buf.push_str("ال");
                buf.push_str(rest);
                let s = std::mem::take(buf);
                try_stem(&s, conj + LETTER, conj);
                *buf = s;
            }
        }
        best.map(|(end, prefix_len, node, span_prefix_len)| LexMatch {
            first: i,
            end,
            prefix_len,
            span_prefix_len,
            entries: self.node_entries(node),
        })
    }

    /// Walks the trie from the first token's stem (its hash and text) at token `i`, keeping in
    /// `best` the longest form found: (end, prefix_len, node, span_prefix_len).
    #[inline(never)]
    fn walk<'s>(
        &self,
        n: usize,
        norm_at: &impl Fn(usize) -> &'s str,
        i: usize,
        (hash, stem): (u64, &str),
        (prefix_len, span_prefix_len): (usize, usize),
        best: &mut Option<(usize, usize, usize, usize)>,
    ) {
        let Some(first) = self.edges.get(0, hash, stem) else { return };
        let mut node = first as usize;
        let mut k = i + 1;
        loop {
            let flags = self.node_flags.get(node).copied().unwrap_or(0);
            if flags & NODE_HAS_ENTRIES != 0 && best.is_none_or(|(end, ..)| k > end) {
                *best = Some((k, prefix_len, node, span_prefix_len));
            }
            if flags & NODE_HAS_CHILDREN == 0 || k >= n {
                break;
            }
            let tok = norm_at(k);
            match self.edges.get(node as u32, token_hash(tok), tok) {
                Some(c) => {
                    node = c as usize;
                    k += 1;
                }
                None => break,
            }
        }
    }

    /// Per token: whether it lies inside a known person, place or organisation name.
    pub fn gazetteer_classes(&self, tokens: &[&str]) -> Vec<Option<GazetteerTag>> {
        let norms: Vec<String> = tokens.iter().map(|t| hadath_text::normalize_for_match(t)).collect();
        let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
        let mut out = vec![None; tokens.len()];
        for m in self.match_tokens(&refs) {
            let class = m.entries.first().and_then(|&e| self.entry(e)).and_then(|e| match e.kind {
                EntryKind::Person => Some(NerClass::Per),
                EntryKind::Country | EntryKind::Capital | EntryKind::Place | EntryKind::Region => Some(NerClass::Loc),
                EntryKind::Organisation | EntryKind::Group => Some(NerClass::Org),
                _ => None,
            });
            if let Some(class) = class {
                for (k, slot) in out.iter_mut().enumerate().take(m.end).skip(m.first) {
                    *slot = Some(GazetteerTag { class, begin: k == m.first });
                }
            }
        }
        out
    }

    /// Fills `doc.entities` (sorted by start, non-overlapping), only inside sentences.
    pub fn annotate(&self, doc: &mut Document) {
        let entities = resolve::annotate(self, doc);
        doc.entities = entities;
    }
}

fn role_rank(role: &str) -> u8 {
    match role {
        "president" | "king" | "emir" | "sultan" | "supreme-leader" | "secretary-general" => 0,
        "prime-minister" | "chancellor" | "commission-president" => 1,
        "crown-prince" | "vice-president" => 2,
        "foreign-minister" | "defence-minister" | "high-representative" => 3,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.compiled"));

    #[test]
    fn edge_table_holds_every_trie_edge_and_nothing_else() {
        let (image, trie) = Image::build(COMPILED).expect("compiled lexicon");
        let edges = &image.edges;
        let mut n_edges = 0;
        for (parent, node) in trie.nodes.iter().enumerate() {
            for (tok, &child) in &node.children {
                assert_eq!(edges.get(parent as u32, token_hash(tok), tok), Some(child), "{tok}");
                let other = format!("{tok}x");
                assert_eq!(
                    edges.get(parent as u32, token_hash(&other), &other),
                    node.children.get(other.as_str()).copied()
                );
                n_edges += 1;
            }
            let flags = image.node_flags[parent];
            assert_eq!(flags & NODE_HAS_CHILDREN != 0, !node.children.is_empty());
            assert_eq!(flags & NODE_HAS_ENTRIES != 0, !node.entries.is_empty());
            let (start, end) = image.node_entries[parent];
            assert_eq!(&image.entry_lists[start as usize..end as usize], node.entries.as_slice());
        }
        assert!(n_edges > 0);
        for tok in ["", "ا", "غيرموجود", "abcdefghijklmnopq"] {
            assert_eq!(edges.get(0, token_hash(tok), tok), trie.nodes[0].children.get(tok).copied());
        }
    }

    #[test]
    fn readings_filter_passes_every_proclitic_reading_of_a_first_token() {
        let lex = Lexicon::get();
        let (_, trie) = Image::build(COMPILED).expect("compiled lexicon");
        let mut checked = 0;
        for first in trie.nodes[0].children.keys() {
            for reading in image::readings_of(first) {
                assert!(bit_set(&lex.readings, readings_slot(token_hash(&reading))), "{reading}");
                checked += 1;
            }
        }
        assert!(checked > 100_000);
        // "وللأمم المتحدة": و, then ل + the article written "لل".
        let m = lex.match_tokens(&["وللامم", "المتحده"]);
        assert_eq!(m.first().map(|m| (m.end, m.prefix_len, m.span_prefix_len)), Some((2, 4, 2)));
    }

    #[test]
    fn readings_filter_changes_no_match() {
        let (image, trie) = Image::build(COMPILED).expect("compiled lexicon");
        let mut open = image.clone();
        open.readings.iter_mut().for_each(|w| *w = u64::MAX);
        let (filtered, unfiltered) = (Lexicon::from_parts(image), Lexicon::from_parts(open));
        let mut tokens: Vec<String> = Vec::new();
        for first in trie.nodes[0].children.keys() {
            tokens.extend(image::readings_of(first));
            // Near misses: one letter more at either end.
            tokens.push(format!("{first}ي"));
            tokens.push(format!("ت{first}"));
        }
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let found = filtered.match_tokens(&refs);
        assert!(found.len() > 10_000);
        assert_eq!(found, unfiltered.match_tokens(&refs));
    }

    #[test]
    fn built_in_image_is_the_compiled_lexicon() {
        let (image, _) = Image::build(COMPILED).expect("compiled lexicon");
        assert_eq!(Image::from_bytes(IMAGE).as_ref(), Some(&image));
        assert_eq!(Image::from_bytes(&image.to_bytes()).as_ref(), Some(&image));
        let lex = Lexicon::get();
        assert_eq!(lex.entries().len(), image.entries.len());
        assert!(lex.pattern_count() > 10_000);
    }

    #[test]
    fn damaged_images_are_refused() {
        let bytes = Image::build(COMPILED).expect("compiled lexicon").0.to_bytes();
        for cut in [0, 10, bytes.len() / 3, bytes.len() - 1] {
            assert!(Lexicon::from_image(&bytes[..cut]).is_err(), "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Lexicon::from_image(&longer).is_err());
        let empty = Lexicon::from_parts(Image::empty());
        assert!(empty.lookup("باريس").is_empty());
        assert!(empty.match_tokens(&["باريس", "لندن"]).is_empty());
    }
}
