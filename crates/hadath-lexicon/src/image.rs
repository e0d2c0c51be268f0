//! The lexicon image: entries, roles and the token trie, built from the compiled line format
//! and kept as flat tables that `build.rs` writes as bytes and the binary reads back at start
//! without parsing text, building the trie or hashing a single token.
//!
//! `build.rs` includes this file by path, so it depends only on `std`, `hadath_text` and the
//! modules the build script also includes (`source`).

use crate::fxhash::FxMap;
use crate::source::EntryKind;
use hadath_text::Date;

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

/// A hash of a token for the first-token filter and the edge table: its length and its first
/// and last eight bytes (all of them up to 16 bytes), in a few instructions. Tokens that share
/// a hash are told apart by comparing their text.
#[inline]
pub fn token_hash(s: &str) -> u64 {
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

/// Bits of the first-token filter: 2^18 bits, 32 KiB, small enough to stay in a CPU cache and
/// sparse enough (a few per cent of bits set) to turn away most tokens.
pub const FILTER_BITS: u32 = 18;

/// The filter bit of a token hash.
#[inline]
pub fn filter_slot(hash: u64) -> usize {
    (hash >> (64 - FILTER_BITS)) as usize
}

/// Bits of the readings filter: 2^21 bits, 256 KiB, for about 180,000 readings (a few per cent
/// of bits set).
pub const READINGS_BITS: u32 = 21;

/// The readings-filter bit of a token hash.
#[inline]
pub fn readings_slot(hash: u64) -> usize {
    (hash >> (64 - READINGS_BITS)) as usize
}

/// Whether bit `slot` is set in a bit table (false past its end).
#[inline]
pub fn bit_set(bits: &[u64], slot: usize) -> bool {
    bits.get(slot >> 6).is_some_and(|w| w & (1 << (slot & 63)) != 0)
}

/// Sets bit `slot` of a bit table (nothing past its end).
fn set_bit(bits: &mut [u64], slot: usize) {
    if let Some(w) = bits.get_mut(slot >> 6) {
        *w |= 1 << (slot & 63);
    }
}

/// Node flag: entries end at this node.
pub const NODE_HAS_ENTRIES: u8 = 1;
/// Node flag: the node has children.
pub const NODE_HAS_CHILDREN: u8 = 2;

/// An edge of the token trie: `child` (never 0, the root) is reached from `parent` by the
/// token whose [`token_hash`] is `hash`; an empty slot has `child == 0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edge {
    pub hash: u64,
    pub parent: u32,
    pub child: u32,
}

/// The trie's edges in one open-addressing table keyed by (parent node, token hash), with each
/// child's token text for checking a hash hit: a step costs one hash of the token and, mostly,
/// one cache line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EdgeTable {
    pub slots: Vec<Edge>,
    /// Bits of the slot index.
    pub bits: u32,
    /// Token text of each node (the root's is empty), as ranges of `arena`.
    pub tokens: Vec<(u32, u32)>,
    pub arena: Vec<u8>,
}

impl EdgeTable {
    #[inline]
    fn slot(&self, parent: u32, hash: u64) -> usize {
        let mixed = (hash ^ (parent as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        (mixed >> (64 - self.bits)) as usize
    }

    /// The child of `parent` by token `tok` whose hash is `hash`.
    #[inline]
    pub fn get(&self, parent: u32, hash: u64, tok: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = (1usize << self.bits) - 1;
        let mut i = self.slot(parent, hash);
        loop {
            let e = self.slots.get(i)?;
            if e.child == 0 {
                return None;
            }
            if e.hash == hash && e.parent == parent {
                let (start, len) = *self.tokens.get(e.child as usize)?;
                if self.arena.get(start as usize..(start + len) as usize) == Some(tok.as_bytes()) {
                    return Some(e.child);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// A node of the token trie while it is built: entries whose form ends here, and the next tokens.
#[derive(Debug, Clone, Default)]
pub struct Node {
    pub entries: Vec<u32>,
    pub children: FxMap<Box<str>, u32>,
}

/// The token trie while it is built; node 0 is the root.
#[derive(Debug, Clone)]
pub struct Trie {
    pub nodes: Vec<Node>,
    /// Number of (form, entry) pairs indexed.
    pub patterns: usize,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie { nodes: vec![Node::default()], patterns: 0 }
    }
}

impl Trie {
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
    fn sort_patterns(&mut self, entries: &[Entry]) {
        for node in &mut self.nodes {
            node.entries.sort_by(|&a, &b| {
                let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
                priority(ea).cmp(&priority(eb)).reverse().then(ea.population.cmp(&eb.population).reverse())
            });
        }
    }

    /// Every edge in one open-addressing table.
    pub fn edge_table(&self) -> EdgeTable {
        let nodes = &self.nodes;
        let mut t = EdgeTable { tokens: vec![(0, 0); nodes.len()], ..EdgeTable::default() };
        let n_edges: usize = nodes.iter().map(|n| n.children.len()).sum();
        t.bits = (n_edges.max(1) * 2).next_power_of_two().trailing_zeros().max(4);
        t.slots = vec![Edge::default(); 1 << t.bits];
        t.arena.reserve(nodes.iter().flat_map(|n| n.children.keys()).map(|k| k.len()).sum());
        for (parent, node) in nodes.iter().enumerate() {
            // The Fx maps iterate in the same order on every build, and so fill the same table.
            for (tok, &child) in &node.children {
                let start = t.arena.len() as u32;
                t.arena.extend_from_slice(tok.as_bytes());
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

/// Everything the matcher needs, as flat tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub entries: Vec<Entry>,
    /// Roles of known people, in file order.
    pub roles: Vec<RolePeriod>,
    /// Normalised adjective form and its ISO3 code; the first entry naming a form wins.
    pub adjectives: Vec<(String, String)>,
    /// Number of (form, entry) pairs indexed.
    pub patterns: u64,
    /// A bit per [`filter_slot`] of every first token of a form.
    pub first_tokens: Vec<u64>,
    /// A bit per [`readings_slot`] of every way a token can spell a first token of a form: bare,
    /// after the proclitics the matcher strips (و ف, then ب ل ك), or with ل + the article
    /// written "لل". A token whose bit is clear begins no form under any reading.
    pub readings: Vec<u64>,
    pub edges: EdgeTable,
    /// Per node: [`NODE_HAS_ENTRIES`] and [`NODE_HAS_CHILDREN`].
    pub node_flags: Vec<u8>,
    /// Per node: the range of `entry_lists` holding the entries whose form ends there, best first.
    pub node_entries: Vec<(u32, u32)>,
    pub entry_lists: Vec<u32>,
}

/// A bad line of the compiled format: its number and what is wrong.
pub type LineError = (usize, String);

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Image {
    /// An image with nothing in it.
    pub fn empty() -> Image {
        Image {
            entries: Vec::new(),
            roles: Vec::new(),
            adjectives: Vec::new(),
            patterns: 0,
            first_tokens: vec![0; 1 << (FILTER_BITS - 6)],
            readings: vec![0; 1 << (READINGS_BITS - 6)],
            edges: EdgeTable::default(),
            node_flags: vec![0],
            node_entries: vec![(0, 0)],
            entry_lists: Vec::new(),
        }
    }

    /// Builds the image from the compiled line format of [`crate::source::Sources::compile`],
    /// with the trie as well (tests check it against the edge table).
    pub fn build(text: &str) -> Result<(Image, Trie), LineError> {
        let mut entries = Vec::new();
        let mut trie = Trie::default();
        let mut adjectives: Vec<(String, String)> = Vec::new();
        let mut adjective_seen: FxMap<String, ()> = FxMap::default();
        let mut person_ids: FxMap<String, u32> = FxMap::default();
        let mut pending_roles = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let c: Vec<&str> = line.split('\t').collect();
            match c.first().copied() {
                Some("E") if c.len() >= 12 => {
                    let kind = EntryKind::from_tag(c[1]).ok_or_else(|| (i + 1, format!("kind {}", c[1])))?;
                    let idx = entries.len() as u32;
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
                    if kind == EntryKind::Person {
                        person_ids.insert(entry.id.clone(), idx);
                    }
                    for form in c[11].split('|').filter(|f| !f.is_empty()) {
                        if kind == EntryKind::Adjective {
                            if let Some(cc) = &entry.country {
                                if adjective_seen.insert(form.to_string(), ()).is_none() {
                                    adjectives.push((form.to_string(), cc.clone()));
                                }
                            }
                        }
                        trie.add_pattern(form, idx);
                    }
                    entries.push(entry);
                }
                Some("R") if c.len() >= 7 => pending_roles.push(c),
                Some("") | None => {}
                _ => return Err((i + 1, "unknown record".into())),
            }
        }
        let mut roles = Vec::new();
        for c in pending_roles {
            let Some(&person) = person_ids.get(c[1]) else { continue };
            roles.push(RolePeriod {
                person,
                country: c[2].to_string(),
                sector: c[3].to_string(),
                role: c[4].to_string(),
                from: parse_partial_date(c[5], false),
                to: parse_partial_date(c[6], true),
            });
        }
        trie.sort_patterns(&entries);
        let mut first_tokens = vec![0u64; 1 << (FILTER_BITS - 6)];
        let mut readings = vec![0u64; 1 << (READINGS_BITS - 6)];
        for k in trie.nodes[0].children.keys() {
            set_bit(&mut first_tokens, filter_slot(token_hash(k)));
            for reading in readings_of(k) {
                set_bit(&mut readings, readings_slot(token_hash(&reading)));
            }
        }
        let mut node_flags = Vec::with_capacity(trie.nodes.len());
        let mut node_entries = Vec::with_capacity(trie.nodes.len());
        let mut entry_lists = Vec::new();
        for n in &trie.nodes {
            let e = if n.entries.is_empty() { 0 } else { NODE_HAS_ENTRIES };
            let c = if n.children.is_empty() { 0 } else { NODE_HAS_CHILDREN };
            node_flags.push(e | c);
            let start = entry_lists.len() as u32;
            entry_lists.extend_from_slice(&n.entries);
            node_entries.push((start, entry_lists.len() as u32));
        }
        let image = Image {
            entries,
            roles,
            adjectives,
            patterns: trie.patterns as u64,
            first_tokens,
            readings,
            edges: trie.edge_table(),
            node_flags,
            node_entries,
            entry_lists,
        };
        Ok((image, trie))
    }

    /// The image as bytes: every string of entries, roles and adjectives in one UTF-8 section
    /// (checked once when read), then the tables, numbers little-endian and strings as ranges of
    /// that section.
    #[allow(dead_code)] // Written by build.rs; the library only reads images.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer { out: Vec::with_capacity(4 << 20), strings: String::new() };
        w.len(self.entries.len());
        for e in &self.entries {
            w.out.push(e.kind as u8);
            w.str(&e.id);
            w.str(&e.name);
            for s in [&e.code, &e.country, &e.sector, &e.role] {
                w.opt_str(s.as_deref());
            }
            w.opt_f64(e.lat);
            w.opt_f64(e.lon);
            w.u64(e.population);
        }
        w.len(self.roles.len());
        for r in &self.roles {
            w.u32(r.person);
            w.str(&r.country);
            w.str(&r.sector);
            w.str(&r.role);
            w.opt_date(r.from);
            w.opt_date(r.to);
        }
        w.len(self.adjectives.len());
        for (form, iso3) in &self.adjectives {
            w.str(form);
            w.str(iso3);
        }
        w.u64(self.patterns);
        w.len(self.first_tokens.len());
        self.first_tokens.iter().for_each(|&x| w.u64(x));
        w.len(self.readings.len());
        self.readings.iter().for_each(|&x| w.u64(x));
        w.u32(self.edges.bits);
        w.len(self.edges.slots.len());
        for e in &self.edges.slots {
            w.u64(e.hash);
            w.u32(e.parent);
            w.u32(e.child);
        }
        w.len(self.edges.tokens.len());
        self.edges.tokens.iter().for_each(|&(a, b)| {
            w.u32(a);
            w.u32(b);
        });
        w.len(self.edges.arena.len());
        w.out.extend_from_slice(&self.edges.arena);
        w.len(self.node_flags.len());
        w.out.extend_from_slice(&self.node_flags);
        w.len(self.node_entries.len());
        self.node_entries.iter().for_each(|&(a, b)| {
            w.u32(a);
            w.u32(b);
        });
        w.len(self.entry_lists.len());
        self.entry_lists.iter().for_each(|&x| w.u32(x));
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&(w.strings.len() as u32).to_le_bytes());
        bytes.extend_from_slice(w.strings.as_bytes());
        bytes.extend_from_slice(&w.out);
        bytes
    }

    /// Reads what [`Image::to_bytes`] wrote; `None` when the bytes are not such an image.
    pub fn from_bytes(bytes: &[u8]) -> Option<Image> {
        let mut r = Reader { bytes, at: 0, strings: "" };
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let n = r.len(1)?;
        r.strings = std::str::from_utf8(r.take(n)?).ok()?;
        let n = r.len(24)?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            entries.push(Entry {
                kind: kind_of(r.u8()?)?,
                id: r.str()?.to_string(),
                name: r.str()?.to_string(),
                code: r.opt_str()?,
                country: r.opt_str()?,
                sector: r.opt_str()?,
                role: r.opt_str()?,
                lat: r.opt_f64()?,
                lon: r.opt_f64()?,
                population: r.u64()?,
            });
        }
        let n = r.len(18)?;
        let mut roles = Vec::with_capacity(n);
        for _ in 0..n {
            roles.push(RolePeriod {
                person: r.u32()?,
                country: r.str()?.to_string(),
                sector: r.str()?.to_string(),
                role: r.str()?.to_string(),
                from: r.opt_date()?,
                to: r.opt_date()?,
            });
        }
        let n = r.len(8)?;
        let mut adjectives = Vec::with_capacity(n);
        for _ in 0..n {
            adjectives.push((r.str()?.to_string(), r.str()?.to_string()));
        }
        let patterns = r.u64()?;
        let n = r.len(8)?;
        let first_tokens = r.take(n * 8)?.chunks_exact(8).map(le_u64).collect();
        let n = r.len(8)?;
        let readings = r.take(n * 8)?.chunks_exact(8).map(le_u64).collect();
        let bits = r.u32()?;
        let n = r.len(16)?;
        let slots: Vec<Edge> = r
            .take(n * 16)?
            .chunks_exact(16)
            .map(|c| Edge { hash: le_u64(&c[..8]), parent: le_u32(&c[8..12]), child: le_u32(&c[12..]) })
            .collect();
        // The slot mask must cover the table exactly, or a probe could leave it.
        let bits_fit = (1..usize::BITS).contains(&bits) && slots.len() == 1 << bits;
        if !slots.is_empty() && !bits_fit {
            return None;
        }
        let n = r.len(8)?;
        let tokens = r.take(n * 8)?.chunks_exact(8).map(|c| (le_u32(&c[..4]), le_u32(&c[4..]))).collect();
        let n = r.len(1)?;
        let arena = r.take(n)?.to_vec();
        let n = r.len(1)?;
        let node_flags = r.take(n)?.to_vec();
        let n = r.len(8)?;
        let node_entries = r.take(n * 8)?.chunks_exact(8).map(|c| (le_u32(&c[..4]), le_u32(&c[4..]))).collect();
        let n = r.len(4)?;
        let entry_lists = r.take(n * 4)?.chunks_exact(4).map(le_u32).collect();
        if r.at != bytes.len() {
            return None;
        }
        Some(Image {
            entries,
            roles,
            adjectives,
            patterns,
            first_tokens,
            readings,
            edges: EdgeTable { slots, bits, tokens, arena },
            node_flags,
            node_entries,
            entry_lists,
        })
    }
}

/// The first bytes of an image, with its format version.
const MAGIC: &[u8] = b"hadath-lexicon-image-2\n";

/// Every token the matcher may read as `first` (a first token of a form): `first` after no
/// proclitic, a conjunction (و ف), a preposition (ب ل ك) or both, and `first` written with
/// "لل" for ل + its article. A few of these (فك) the matcher never reads; a superset is safe.
pub fn readings_of(first: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(15);
    for conj in ["", "و", "ف"] {
        for prep in ["", "ب", "ل", "ك"] {
            out.push(format!("{conj}{prep}{first}"));
        }
        if let Some(rest) = first.strip_prefix("ال") {
            out.push(format!("{conj}لل{rest}"));
        }
    }
    out
}

const KINDS: [EntryKind; 10] = [
    EntryKind::Country,
    EntryKind::Capital,
    EntryKind::Place,
    EntryKind::Region,
    EntryKind::Organisation,
    EntryKind::Group,
    EntryKind::Person,
    EntryKind::Title,
    EntryKind::Agent,
    EntryKind::Adjective,
];

fn kind_of(b: u8) -> Option<EntryKind> {
    KINDS.iter().copied().find(|&k| k as u8 == b)
}

fn le_u32(c: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    if let Some(src) = c.get(..4) {
        w.copy_from_slice(src);
    }
    u32::from_le_bytes(w)
}

fn le_u64(c: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    if let Some(src) = c.get(..8) {
        w.copy_from_slice(src);
    }
    u64::from_le_bytes(w)
}

#[allow(dead_code)] // Used by `Image::to_bytes`.
struct Writer {
    out: Vec<u8>,
    /// Every string written, one after the other.
    strings: String,
}

#[allow(dead_code)]
impl Writer {
    fn u32(&mut self, x: u32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn str(&mut self, s: &str) {
        self.len(self.strings.len());
        self.len(s.len());
        self.strings.push_str(s);
    }
    fn opt_str(&mut self, s: Option<&str>) {
        self.out.push(s.is_some() as u8);
        if let Some(s) = s {
            self.str(s);
        }
    }
    fn opt_f64(&mut self, x: Option<f64>) {
        self.out.push(x.is_some() as u8);
        if let Some(x) = x {
            self.u64(x.to_bits());
        }
    }
    fn opt_date(&mut self, d: Option<Date>) {
        self.out.push(d.is_some() as u8);
        if let Some(d) = d {
            self.u32(d.year as u32);
            self.out.push(d.month as u8);
            self.out.push(d.day as u8);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The string section.
    strings: &'a str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(le_u32)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8).map(le_u64)
    }
    /// A count of items of at least `min_size` bytes each, when that many bytes are left.
    fn len(&mut self, min_size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min_size)? <= self.bytes.len() - self.at).then_some(n)
    }
    fn str(&mut self) -> Option<&'a str> {
        let start = self.u32()? as usize;
        let len = self.u32()? as usize;
        self.strings.get(start..start.checked_add(len)?)
    }
    /// `Some(value)` when the bytes hold one; the outer `None` says they are broken.
    fn opt_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            _ => Some(Some(self.str()?.to_string())),
        }
    }
    fn opt_f64(&mut self) -> Option<Option<f64>> {
        match self.u8()? {
            0 => Some(None),
            _ => Some(Some(f64::from_bits(self.u64()?))),
        }
    }
    fn opt_date(&mut self) -> Option<Option<Date>> {
        match self.u8()? {
            0 => Some(None),
            _ => {
                let year = self.u32()? as i32;
                let (month, day) = (self.u8()? as u32, self.u8()? as u32);
                Some(Some(Date::new(year, month, day)?))
            }
        }
    }
}
