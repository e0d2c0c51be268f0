//! Gazetteer features: phrase lists of names, places, organisations and titles, stored as hashes.

use crate::features::Fnv;
use hadath_text::normalize_for_match;
use std::collections::HashMap;
use std::path::Path;

/// Kinds of gazetteer entries, as bits of a mask.
pub const GIVEN_NAME: u16 = 1;
pub const SURNAME: u16 = 1 << 1;
pub const PERSON: u16 = 1 << 2;
pub const COUNTRY: u16 = 1 << 3;
pub const CITY: u16 = 1 << 4;
pub const REGION: u16 = 1 << 5;
pub const ORGANISATION: u16 = 1 << 6;
pub const NATIONALITY: u16 = 1 << 7;
pub const TITLE: u16 = 1 << 8;
pub const AGENT: u16 = 1 << 9;
pub const CAPITAL: u16 = 1 << 10;
/// A name unit seen often as a given name (count of at least five).
pub const COMMON_GIVEN_NAME: u16 = 1 << 11;
/// Number of kinds.
pub const KINDS: u8 = 12;

/// Longest phrase, in tokens, the gazetteer matches.
pub const MAX_PHRASE: usize = 6;

/// Hash of a phrase of normalised tokens.
pub fn phrase_key<S: AsRef<str>>(tokens: &[S]) -> u64 {
    let mut h = Fnv::new(254);
    for t in tokens {
        h = h.str(t.as_ref());
    }
    h.get()
}

/// Phrase hashes with the kinds they belong to.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub map: HashMap<u64, u16>,
}

impl Gazetteer {
    /// Adds one phrase (any spelling; it is normalised here) with kind bits.
    pub fn add(&mut self, phrase: &str, kinds: u16) {
        let norm = normalize_for_match(phrase);
        let toks: Vec<&str> = norm.split_whitespace().collect();
        if toks.is_empty() || toks.len() > MAX_PHRASE {
            return;
        }
        *self.map.entry(phrase_key(&toks)).or_default() |= kinds;
    }

    /// Kinds of a phrase of normalised tokens (0 when unknown).
    pub fn kinds<S: AsRef<str>>(&self, tokens: &[S]) -> u16 {
        self.map.get(&phrase_key(tokens)).copied().unwrap_or(0)
    }

    /// Builds the gazetteer from the repository's lexicon files under `root`
    /// (`data/lexicon/*.tsv`, `data/lexicon/people/*.tsv`, `data/tagger/names.tsv`); missing files are skipped.
    pub fn from_repo(root: &Path) -> Gazetteer {
        let mut g = Gazetteer::default();
        let lex = root.join("data/lexicon");
        let mut add_column = |file: &Path, col: usize, kinds: u16| {
            for_rows(file, |cols| {
                if let Some(forms) = cols.get(col) {
                    for f in forms.split('|') {
                        g.add(f, kinds);
                    }
                }
            });
        };
        add_column(&lex.join("countries.tsv"), 3, COUNTRY);
        add_column(&lex.join("countries.tsv"), 5, CAPITAL);
        add_column(&lex.join("countries.tsv"), 6, NATIONALITY);
        add_column(&lex.join("places.tsv"), 2, CITY);
        add_column(&lex.join("regions.tsv"), 2, REGION);
        add_column(&lex.join("organisations.tsv"), 2, ORGANISATION);
        add_column(&lex.join("titles.tsv"), 1, TITLE);
        add_column(&lex.join("agents.tsv"), 0, AGENT);
        if let Ok(dir) = std::fs::read_dir(lex.join("people")) {
            let mut files: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            for f in files {
                add_column(&f, 2, PERSON);
            }
        }
        for_rows(&root.join("data/tagger/names.tsv"), |cols| {
            let count = |i: usize| cols.get(i).and_then(|c| c.trim().parse::<u32>().ok()).unwrap_or(0);
            let (given, surname) = (count(1), count(2));
            let mut kinds = 0;
            if given > 0 {
                kinds |= GIVEN_NAME;
            }
            if given >= 5 {
                kinds |= COMMON_GIVEN_NAME;
            }
            if surname > 0 {
                kinds |= SURNAME;
            }
            if let Some(name) = cols.first() {
                g.add(name, kinds);
            }
        });
        g
    }
}

/// Calls `f` with the columns of every non-comment line of a TSV file, if it exists.
fn for_rows(path: &Path, mut f: impl FnMut(&[&str])) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        f(&cols);
    }
}
