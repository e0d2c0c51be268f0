//! A small Aho–Corasick automaton over bytes, compiled to a dense transition table, for
//! finding every occurrence (overlapping ones included) of a fixed list of phrases.
//!
//! Layout scans every line of every document for promotional phrases, and the event coder
//! every sentence for trigger forms. A dense table indexed by state row and byte class costs
//! two loads and a test per byte, against about nineteen instructions per byte for the
//! general-purpose `aho_corasick` search loop.

/// Phrases compiled into a full DFA.
///
/// States that end a phrase are numbered after all others, so one comparison of the next
/// row against `first_match_row` tells whether a phrase ends at a byte.
pub struct PhraseSet {
    /// Byte class of each byte (0: a byte that no phrase holds).
    classes: [u8; 256],
    /// Number of byte classes: the width of a state's row.
    width: usize,
    /// Transitions: for the state whose row starts at `r`, `trans[r + class]` is the row of
    /// the next state.
    trans: Vec<u32>,
    /// Row of the first state that ends a phrase; every later row ends one too.
    first_match_row: usize,
    /// Phrase ids ending in each state that ends one (its own and those of its failure
    /// chain), indexed by the state's number less that of the first such state.
    ends: Vec<Vec<u32>>,
    /// Byte length of each phrase.
    lens: Vec<usize>,
}

impl PhraseSet {
    /// Compiles non-empty phrases (empty ones are left out and never reported).
    pub fn new<P: AsRef<[u8]>>(phrases: &[P]) -> PhraseSet {
        let mut classes = [0u8; 256];
        let mut width = 1usize;
        for p in phrases {
            for &b in p.as_ref() {
                if classes[b as usize] == 0 {
                    classes[b as usize] = width as u8;
                    width += 1;
                }
            }
        }
        // At most 255 classes plus the class of other bytes fit a u8 entry.
        debug_assert!(width <= 256);
        const NONE: u32 = u32::MAX;
        // The trie: rows of `width` entries, state 0 the root.
        let mut goto: Vec<u32> = vec![NONE; width];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        let lens = phrases.iter().map(|p| p.as_ref().len()).collect();
        for (id, p) in phrases.iter().enumerate() {
            let p = p.as_ref();
            if p.is_empty() {
                continue;
            }
            let mut s = 0usize;
            for &b in p {
                let c = classes[b as usize] as usize;
                if goto[s * width + c] == NONE {
                    let next = ends.len();
                    goto[s * width + c] = next as u32;
                    goto.extend(std::iter::repeat_n(NONE, width));
                    ends.push(Vec::new());
                }
                s = goto[s * width + c] as usize;
            }
            ends[s].push(id as u32);
        }
        // Failure links in breadth-first order; missing transitions follow them.
        let states = ends.len();
        let mut fail = vec![0usize; states];
        let mut queue = std::collections::VecDeque::new();
        for t in goto.iter_mut().take(width) {
            if *t == NONE {
                *t = 0;
            } else {
                fail[*t as usize] = 0;
                queue.push_back(*t as usize);
            }
        }
        let mut fail_row = Vec::with_capacity(width);
        while let Some(s) = queue.pop_front() {
            let f = fail[s];
            if !ends[f].is_empty() {
                let inherited = ends[f].clone();
                ends[s].extend(inherited);
            }
            // The failure state's row, copied out so that this row can be written beside it.
            fail_row.clear();
            fail_row.extend_from_slice(&goto[f * width..(f + 1) * width]);
            for (t, &via_fail) in goto[s * width..(s + 1) * width].iter_mut().zip(&fail_row) {
                if *t == NONE {
                    *t = via_fail;
                } else {
                    fail[*t as usize] = via_fail as usize;
                    queue.push_back(*t as usize);
                }
            }
        }
        // Renumber: states that end nothing first (the root stays 0), then those that do.
        let mut number = vec![0u32; states];
        let mut next = 0u32;
        for matching in [false, true] {
            for (s, e) in ends.iter().enumerate() {
                if e.is_empty() != matching {
                    number[s] = next;
                    next += 1;
                }
            }
        }
        let first_match = ends.iter().filter(|e| e.is_empty()).count();
        let mut trans = vec![0u32; goto.len()];
        for (s, row) in goto.chunks(width).enumerate() {
            let at = number[s] as usize * width;
            for (slot, &t) in trans[at..at + width].iter_mut().zip(row) {
                *slot = number[t as usize] * width as u32;
            }
        }
        let mut match_ends = vec![Vec::new(); states - first_match];
        for (s, e) in ends.into_iter().enumerate() {
            if let Some(slot) = (number[s] as usize).checked_sub(first_match).and_then(|k| match_ends.get_mut(k)) {
                *slot = e;
            }
        }
        PhraseSet { classes, width, trans, first_match_row: first_match * width, ends: match_ends, lens }
    }

    /// Calls `found(id, start, end)` for every occurrence of every phrase in `hay`, by end
    /// position, until it returns false. A function of its own, so that the loop keeps the
    /// state in a register.
    #[inline(never)]
    pub fn for_each_match(&self, hay: &[u8], mut found: impl FnMut(usize, usize, usize) -> bool) {
        self.feed(hay, Self::START, 0, |row, end| self.ends_at(row).all(|(id, len)| found(id, end - len, end)));
    }

    /// The state a search starts from, for [`PhraseSet::feed`].
    pub const START: usize = 0;

    /// Runs the automaton over `bytes` from state `row` (`START`, or what an earlier call
    /// returned) and returns the state reached, calling `found(row, end)` at each byte that
    /// ends a phrase, with `end` counted from `offset`, until it returns false (then `None`).
    /// Feeding a text in pieces finds what feeding it whole finds, so a caller can run
    /// through tokens without joining them. Always inlined, so that the caller's loop keeps
    /// the state in a register.
    #[inline(always)]
    pub fn feed(
        &self,
        bytes: &[u8],
        mut row: usize,
        offset: usize,
        mut found: impl FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        let (trans, classes, first_match_row) = (&self.trans[..], &self.classes, self.first_match_row);
        let step = |row: usize, b: u8| trans.get(row + classes[b as usize] as usize).map_or(0, |&t| t as usize);
        // Two bytes a turn (an Arabic letter), so the loop itself is tested half as often;
        // `end` is where the pair ends.
        let mut pairs = bytes.chunks_exact(2);
        let mut end = offset;
        for pair in pairs.by_ref() {
            let &[a, b] = pair else { break };
            end += 2;
            row = step(row, a);
            if row >= first_match_row && !found(row, end - 1) {
                return None;
            }
            row = step(row, b);
            if row >= first_match_row && !found(row, end) {
                return None;
            }
        }
        for &b in pairs.remainder() {
            end += 1;
            row = step(row, b);
            if row >= first_match_row && !found(row, end) {
                return None;
            }
        }
        Some(row)
    }

    /// The phrases ending in state `row` (as passed to `feed`'s `found`), each with its byte
    /// length; none for a state that ends no phrase.
    pub fn ends_at(&self, row: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let state = row.checked_sub(self.first_match_row).map(|r| r / self.width);
        let ids = state.and_then(|k| self.ends.get(k)).map_or(&[][..], |e| &e[..]);
        ids.iter().map(|&id| (id as usize, self.lens.get(id as usize).copied().unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    fn all_matches(set: &PhraseSet, hay: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        set.for_each_match(hay.as_bytes(), |id, s, e| {
            out.push((id, s, e));
            true
        });
        out.sort();
        out
    }

    #[test]
    fn feeding_pieces_finds_what_the_whole_text_finds() {
        let phrases = ["التقى", "ال", "قى", "اطلق النار", "he", "she", "hers", "تقى بهم", ""];
        let set = PhraseSet::new(&phrases);
        for hay in ["", "والتقى بهم", "اطلق اطلق النار ushers she", "التقىالتقى ال", "لا شيء"]
        {
            let want = all_matches(&set, hay);
            // Split at every space and every other byte that is a char boundary.
            let cuts: Vec<usize> = (0..=hay.len()).filter(|&i| hay.is_char_boundary(i) && i % 3 == 0).collect();
            let mut got = Vec::new();
            let (mut row, mut from) = (PhraseSet::START, 0);
            for &cut in cuts.iter().chain([&hay.len()]) {
                let piece = &hay.as_bytes()[from..cut.max(from)];
                row = set
                    .feed(piece, row, from, |row, end| {
                        got.extend(set.ends_at(row).map(|(id, len)| (id, end - len, end)));
                        true
                    })
                    .unwrap_or(PhraseSet::START);
                from = cut.max(from);
            }
            got.sort();
            assert_eq!(got, want, "{hay}");
        }
        assert_eq!(set.ends_at(PhraseSet::START).count(), 0);
    }

    #[test]
    fn finds_what_aho_corasick_finds() {
        let phrases = ["اقرا ايضا", "ايضا", "النشره", "اشترك في النشره", "النشره البريديه", "he", "she", "hers", "©"];
        let set = PhraseSet::new(&phrases);
        let ac = AhoCorasick::new(phrases).unwrap();
        let hays = [
            "اشترك في النشره البريديه اقرا ايضا: ushers she said ©",
            "",
            "لا شيء هنا",
            "النشرهالنشره ايضاايضا hershe",
            "اقرا اقرا ايضا",
        ];
        for hay in hays {
            let mut want: Vec<_> =
                ac.find_overlapping_iter(hay).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            want.sort();
            assert_eq!(all_matches(&set, hay), want, "{hay}");
        }
        // Every phrase inside many contexts.
        for (k, p) in phrases.iter().enumerate() {
            for ctx in ["", "x", "ال", "اشترك في ", "s"] {
                let hay = format!("{ctx}{p}{ctx}{p}");
                let mut want: Vec<_> =
                    ac.find_overlapping_iter(&hay).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
                want.sort();
                assert_eq!(all_matches(&set, &hay), want, "{k} {hay}");
            }
        }
    }

    #[test]
    fn stops_when_told() {
        let set = PhraseSet::new(&["ab", "b"]);
        let mut n = 0;
        set.for_each_match(b"ababab", |_, _, _| {
            n += 1;
            n < 3
        });
        assert_eq!(n, 3);
        assert!(all_matches(&PhraseSet::new(&[""; 1]), "abc").is_empty());
    }
}
