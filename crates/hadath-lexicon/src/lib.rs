//! Lexicon: actors with dated roles, countries, places with coordinates, organisations.
//!
//! `build.rs` compiles `data/lexicon/**/*.tsv` into normalised entries; [`Lexicon::get`] loads
//! them once into a token-keyed index. [`Lexicon::annotate`] runs a clitic-aware longest match
//! over a document's tokens and resolves titles, nationality adjectives, counterparts
//! ("نظيره") and capitals into [`hadath_text::Entity`] values.

pub mod discover;
mod fxhash;
mod resolve;
pub mod source;

use fxhash::FxMap;
use hadath_text::{Date, Document};
pub use source::EntryKind;
use std::sync::LazyLock;

/// Errors reading a compiled lexicon.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("compiled lexicon line {line}: {message}")]
    BadLine { line: usize, message: String },
}

/// One lexicon entry at run time.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub kind: EntryKind,
    pub id: String,
    pub name: String,
    pub code: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Role key (titles) or agent kind (agents) or place kind (places).
    pub role: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
}

/// A dated role of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePeriod {
    pub person: u32,
    /// ISO3 country, or empty for officials of international organisations.
    pub country: String,
    /// Sector (GOV, MIL) or the IGO code for officials of international organisations.
    pub sector: String,
    pub role: String,
    /// First day in office.
    pub from: Option<Date>,
    /// Last day in office; `None` while still in office.
    pub to: Option<Date>,
}

/// A node of the token trie: entries whose form ends here, and the next tokens.
#[derive(Debug, Clone, Default)]
struct Node {
    entries: Vec<u32>,
    children: FxMap<Box<str>, u32>,
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
    /// Token trie over normalised forms; node 0 is the root.
    nodes: Vec<Node>,
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
    /// Every edge of the token trie in one open-addressing table keyed by (parent node, token
    /// hash): a step costs one hash of the token and, mostly, one cache line.
    edges: EdgeTable,
    /// Per node: bit 0 when entries end there, bit 1 when it has children.
    node_flags: Vec<u8>,
}

/// An edge of the token trie: `child` (never 0, the root) is reached from `parent` by the
/// token whose [`token_hash`] is `hash`; an empty slot has `child == 0`.
#[derive(Debug, Clone, Copy, Default)]
struct Edge {
    hash: u64,
    parent: u32,
    child: u32,
}

/// The trie's edges, with each child's token text for checking a hash hit.
#[derive(Debug, Clone, Default)]
struct EdgeTable {
    slots: Vec<Edge>,
    /// Bits of the slot index.
    bits: u32,
    /// Token text of each node (the root's is empty), as ranges of `arena`.
    tokens: Vec<(u32, u32)>,
    arena: String,
}

/// A hash of a token for the first-token filter and the edge table: its length and its first
/// and last eight bytes (all of them up to 16 bytes), in a few instructions. Tokens that share
/// a hash are told apart by comparing their text.
#[inline]
fn token_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let n = b.len();
    let word = |at: usize| -> u64 {
        let mut w = [0u8; 8];
        if let Some(src) = b.get(at..at + 8) {
            w.copy_from_slice(src);
        }
        u64::from_le_bytes(w)
    };
    let half = |at: usize| -> u64 {
        let mut w = [0u8; 4];
        if let Some(src) = b.get(at..at + 4) {
            w.copy_from_slice(src);
        }
        u32::from_le_bytes(w) as u64
    };
    let (x, y) = if n >= 8 {
        (word(0), word(n - 8))
    } else if n >= 4 {
        (half(0), half(n - 4))
    } else {
        let at = |i: usize| b.get(i).copied().unwrap_or(0) as u64;
        (at(0) | at(1) << 8 | at(2) << 16, 0)
    };
    let h = (x ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h.rotate_left(31) ^ y).wrapping_mul(0x94D0_49BB_1331_11EB)
}

const NODE_HAS_ENTRIES: u8 = 1;
const NODE_HAS_CHILDREN: u8 = 2;

impl EdgeTable {
    fn build(nodes: &[Node]) -> EdgeTable {
        let mut t = EdgeTable { tokens: vec![(0, 0); nodes.len()], ..EdgeTable::default() };
        let n_edges: usize = nodes.iter().map(|n| n.children.len()).sum();
        t.bits = (n_edges.max(1) * 2).next_power_of_two().trailing_zeros().max(4);
        t.slots = vec![Edge::default(); 1 << t.bits];
        t.arena.reserve(nodes.iter().flat_map(|n| n.children.keys()).map(|k| k.len()).sum());
        for (parent, node) in nodes.iter().enumerate() {
            // The Fx maps iterate in the same order on every load, and so fill the same table.
            for (tok, &child) in &node.children {
                let start = t.arena.len() as u32;
                t.arena.push_str(tok);
                t.tokens[child as usize] = (start, tok.len() as u32);
                let hash = token_hash(tok);
                let mut i = t.slot(parent as u32, hash);
                while t.slots[i].child != 0 {
                    i = (i + 1) & ((1 << t.bits) - 1);
                }
                t.slots[i] = Edge { hash, parent: parent as u32, child };
            }
        }
        t
    }

    #[inline]
    fn slot(&self, parent: u32, hash: u64) -> usize {
        let mixed = (hash ^ (parent as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        (mixed >> (64 - self.bits)) as usize
    }

    /// The child of `parent` by token `tok` whose hash is `hash`.
    #[inline]
    fn get(&self, parent: u32, hash: u64, tok: &str) -> Option<u32> {
        let mask = (1usize << self.bits) - 1;
        let mut i = self.slot(parent, hash);
        loop {
            let e = self.slots.get(i)?;
            if e.child == 0 {
                return None;
            }
            if e.hash == hash && e.parent == parent {
                let (start, len) = *self.tokens.get(e.child as usize)?;
                if self.arena.get(start as usize..(start + len) as usize) == Some(tok) {
                    return Some(e.child);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// Bits of the first-token filter: 2^18 bits, 32 KiB, small enough to stay in a CPU cache and
/// sparse enough (a few per cent of bits set) to turn away most tokens.
const FILTER_BITS: u32 = 18;

fn filter_slot(hash: u64) -> usize {
    (hash >> (64 - FILTER_BITS)) as usize
}

static COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.compiled"));

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::from_compiled(COMPILED).unwrap_or_else(|_| Lexicon::empty()));

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the first day (`end == false`) or the last.
pub fn parse_partial_date(s: &str, end: bool) -> Option<Date> {
    let s = s.trim();
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: Option<u32> = parts.next().and_then(|p| p.parse().ok());
    let d: Option<u32> = parts.next().and_then(|p| p.parse().ok());
    match (m, d) {
        (Some(m), Some(d)) => Date::new(y, m, d),
        (Some(m), None) => {
            if end {
                Date::new(y, m, hadath_text::days_in_month(y, m))
            } else {
                Date::new(y, m, 1)
            }
        }
        _ => {
            if end {
                Date::new(y, 12, 31)
            } else {
                Date::new(y, 1, 1)
            }
        }
    }
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

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

    fn empty() -> Lexicon {
        Lexicon {
            entries: Vec::new(),
            nodes: vec![Node::default()],
            patterns: 0,
            roles: Vec::new(),
            holders: FxMap::default(),
            person_roles: FxMap::default(),
            titles: FxMap::default(),
            label_roles: FxMap::default(),
            countries: FxMap::default(),
            organisations: FxMap::default(),
            adjectives: FxMap::default(),
            first_tokens: vec![0; 1 << (FILTER_BITS - 6)],
            edges: EdgeTable::default(),
            node_flags: vec![0],
        }
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
        let mut lex = Lexicon::empty();
        let mut person_ids: FxMap<String, u32> = FxMap::default();
        let mut pending_roles = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let c: Vec<&str> = line.split('\t').collect();
            match c.first().copied() {
                Some("E") if c.len() >= 12 => {
                    let kind = EntryKind::from_tag(c[1])
                        .ok_or_else(|| LexiconError::BadLine { line: i + 1, message: format!("kind {}", c[1]) })?;
                    let idx = lex.entries.len() as u32;
                    let entry = Entry {
                        kind,
                        id: c[2].to_string(),
                        name: c[3].to_string(),
                        code: opt(c[4]),
                        country: opt(c[5]),
                        sector: opt(c[6]),
                        role: opt(c[7]),
                        lat: c[8].parse().ok(),
                        lon: c[9].parse().ok(),
                        population: c[10].parse().unwrap_or(0),
                    };
                    match kind {
                        EntryKind::Person => {
                            person_ids.insert(entry.id.clone(), idx);
                        }
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
                    for form in c[11].split('|').filter(|f| !f.is_empty()) {
                        if kind == EntryKind::Adjective {
                            if let Some(cc) = &entry.country {
                                lex.adjectives.entry(form.into()).or_insert_with(|| cc.clone());
                            }
                        }
                        lex.add_pattern(form, idx);
                    }
                    lex.entries.push(entry);
                }
                Some("R") if c.len() >= 7 => pending_roles.push(c),
                Some("") | None => {}
                _ => return Err(LexiconError::BadLine { line: i + 1, message: "unknown record".into() }),
            }
        }
        for c in pending_roles {
            let Some(&person) = person_ids.get(c[1]) else { continue };
            let idx = lex.roles.len();
            let role = RolePeriod {
                person,
                country: c[2].to_string(),
                sector: c[3].to_string(),
                role: c[4].to_string(),
                from: parse_partial_date(c[5], false),
                to: parse_partial_date(c[6], true),
            };
            let key = if role.country.is_empty() { role.sector.clone() } else { role.country.clone() };
            lex.holders.entry((key, role.role.clone())).or_default().push(idx);
            lex.person_roles.entry(person).or_default().push(idx);
            lex.roles.push(role);
        }
        lex.sort_patterns();
        let keys: Vec<usize> = lex.nodes[0].children.keys().map(|k| filter_slot(token_hash(k))).collect();
        for slot in keys {
            lex.first_tokens[slot >> 6] |= 1 << (slot & 63);
        }
        lex.edges = EdgeTable::build(&lex.nodes);
        lex.node_flags = lex
            .nodes
            .iter()
            .map(|n| {
                let e = if n.entries.is_empty() { 0 } else { NODE_HAS_ENTRIES };
                let c = if n.children.is_empty() { 0 } else { NODE_HAS_CHILDREN };
                e | c
            })
            .collect();
        Ok(lex)
    }

    fn add_pattern(&mut self, form: &str, entry: u32) {
        let mut node = 0usize;
        for tok in form.split(' ').filter(|t| !t.is_empty()) {
            let next = self.nodes.len() as u32;
            let child = *self.nodes[node].children.entry(tok.into()).or_insert(next);
            if child == next {
                self.nodes.push(Node::default());
            }
            node = child as usize;
        }
        if node != 0 && !self.nodes[node].entries.contains(&entry) {
            self.nodes[node].entries.push(entry);
            self.patterns += 1;
        }
    }

    /// Orders the entries of each node by priority: the best reading of a form first.
    fn sort_patterns(&mut self) {
        let entries = &self.entries;
        for node in &mut self.nodes {
            node.entries.sort_by(|&a, &b| {
                let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
                priority(ea).cmp(&priority(eb)).reverse().then(ea.population.cmp(&eb.population).reverse())
            });
        }
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
        let mut node = 0usize;
        for tok in norm.split(' ') {
            match self.nodes[node].children.get(tok) {
                Some(&c) => node = c as usize,
                None => return Vec::new(),
            }
        }
        self.nodes[node].entries.iter().filter_map(|&e| self.entry(e)).collect()
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
        // (end, prefix_len, node, span_prefix_len) of the best match so far; the least segmented
        // reading wins ties.
        let mut best: Option<(usize, usize, usize, usize)> = None;
        // Most stems begin no form: the first-token filter says so inline, and only a stem that
        // passes it walks the trie.
        let mut try_stem = |stem: &str, prefix_len: usize, span_prefix_len: usize| {
            let hash = token_hash(stem);
            let slot = filter_slot(hash);
            if self.first_tokens.get(slot >> 6).is_none_or(|w| w & (1 << (slot & 63)) == 0) {
                return;
            }
            self.walk(n, norm_at, i, (hash, stem), (prefix_len, span_prefix_len), &mut best);
        };
        try_stem(tok, 0, 0);
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
            entries: &self.nodes[node].entries,
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

/// Which entry wins when one form names several.
fn priority(e: &Entry) -> u8 {
    match e.kind {
        EntryKind::Title => 9,
        EntryKind::Agent => 8,
        EntryKind::Person => 7,
        EntryKind::Organisation | EntryKind::Group => 6,
        EntryKind::Country => 5,
        EntryKind::Adjective => 4,
        EntryKind::Capital => 3,
        EntryKind::Region => 2,
        EntryKind::Place => 1,
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

    #[test]
    fn edge_table_holds_every_trie_edge_and_nothing_else() {
        let lex = Lexicon::get();
        let mut edges = 0;
        for (parent, node) in lex.nodes.iter().enumerate() {
            for (tok, &child) in &node.children {
                assert_eq!(lex.edges.get(parent as u32, token_hash(tok), tok), Some(child), "{tok}");
                let other = format!("{tok}x");
                assert_eq!(
                    lex.edges.get(parent as u32, token_hash(&other), &other),
                    node.children.get(other.as_str()).copied()
                );
                edges += 1;
            }
            let flags = lex.node_flags[parent];
            assert_eq!(flags & NODE_HAS_CHILDREN != 0, !node.children.is_empty());
            assert_eq!(flags & NODE_HAS_ENTRIES != 0, !node.entries.is_empty());
        }
        assert!(edges > 0);
        for tok in ["", "ا", "غيرموجود", "abcdefghijklmnopq"] {
            assert_eq!(lex.edges.get(0, token_hash(tok), tok), lex.nodes[0].children.get(tok).copied());
        }
    }
}
