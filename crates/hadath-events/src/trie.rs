//! The trigger automaton: an Aho–Corasick DFA over bytes with a dense transition table, run
//! through a sentence's token forms and the spaces between them without first joining them
//! into one string.

use hadath_text::Token;

/// Forms compiled into a full DFA, laid out as `hadath_text::phrases::PhraseSet` lays out
/// its own: states that end a form are numbered after all others, so one comparison of the
/// next row against `first_end_row` tells whether a form ends at a byte.
pub(crate) struct FormDfa {
    /// Byte class of each byte (0: a byte that no form holds).
    classes: [u8; 256],
    /// Number of byte classes: the width of a state's row.
    width: usize,
    /// Transitions: `trans[row + class]` is the row of the next state.
    trans: Vec<u32>,
    /// Row of the first state that ends a form; every later row ends one too.
    first_end_row: usize,
    /// Form ids ending in each state that ends one (its own, then those of its failure
    /// chain), by the state's number less that of the first such state.
    ends: Vec<Vec<u32>>,
    /// Byte length of each form.
    lens: Vec<usize>,
}

impl FormDfa {
    /// Compiles forms; form `i` has id `i`. Empty forms are left out and never reported.
    pub(crate) fn new<F: AsRef<[u8]>>(forms: &[F]) -> FormDfa {
        let mut classes = [0u8; 256];
        let mut width = 1usize;
        for f in forms {
            for &b in f.as_ref() {
                if classes[b as usize] == 0 && width < 256 {
                    classes[b as usize] = width as u8;
                    width += 1;
                }
            }
        }
        const NONE: u32 = u32::MAX;
        // The trie: rows of `width` state numbers, state 0 the root.
        let mut goto: Vec<u32> = vec![NONE; width];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, f) in forms.iter().enumerate() {
            let mut state = 0usize;
            for &b in f.as_ref() {
                let slot = state * width + classes[b as usize] as usize;
                if goto.get(slot) == Some(&NONE) {
                    goto[slot] = ends.len() as u32;
                    goto.extend(std::iter::repeat_n(NONE, width));
                    ends.push(Vec::new());
                }
                state = goto.get(slot).map_or(0, |&s| s as usize);
            }
            if state != 0 {
                ends[state].push(id as u32);
            }
        }
        // Failure links in breadth-first order; a missing transition takes the failure state's.
        let mut fail = vec![0usize; ends.len()];
        let mut queue = std::collections::VecDeque::new();
        for t in goto.iter_mut().take(width) {
            if *t == NONE {
                *t = 0;
            } else {
                queue.push_back(*t as usize);
            }
        }
        while let Some(s) = queue.pop_front() {
            let f = fail[s];
            let inherited = ends[f].clone();
            ends[s].extend(inherited);
            for c in 0..width {
                let via_fail = goto[f * width + c];
                let t = &mut goto[s * width + c];
                if *t == NONE {
                    *t = via_fail;
                } else {
                    fail[*t as usize] = via_fail as usize;
                    queue.push_back(*t as usize);
                }
            }
        }
        // Renumber: states that end nothing first (the root, which ends nothing, stays 0),
        // then those that do.
        let states = ends.len();
        let mut number = vec![0u32; states];
        let mut next = 0u32;
        for ending in [false, true] {
            for (s, e) in ends.iter().enumerate() {
                if e.is_empty() != ending {
                    number[s] = next;
                    next += 1;
                }
            }
        }
        let first_end = ends.iter().filter(|e| e.is_empty()).count();
        let mut trans = vec![0u32; goto.len()];
        for (s, row) in goto.chunks(width).enumerate() {
            let at = number[s] as usize * width;
            for (slot, &t) in trans[at..at + width].iter_mut().zip(row) {
                *slot = number[t as usize] * width as u32;
            }
        }
        let mut match_ends = vec![Vec::new(); states - first_end];
        for (s, e) in ends.into_iter().enumerate() {
            if let Some(slot) = (number[s] as usize).checked_sub(first_end).and_then(|k| match_ends.get_mut(k)) {
                *slot = e;
            }
        }
        let lens = forms.iter().map(|f| f.as_ref().len()).collect();
        FormDfa { classes, width, trans, first_end_row: first_end * width, ends: match_ends, lens }
    }

    /// Runs through the forms of `tokens` as if they were joined with single spaces: pushes
    /// each token's offset in that joined text onto `starts`, and `(form, start, end)` of every
    /// form found, by end, onto `hits`.
    ///
    /// One function for the whole sentence, so that the loop keeps its state in registers.
    #[inline(never)]
    pub(crate) fn find_in_tokens(
        &self,
        tokens: &[Token],
        starts: &mut Vec<usize>,
        hits: &mut Vec<(usize, usize, usize)>,
    ) {
        let (trans, classes, first_end_row) = (&self.trans[..], &self.classes, self.first_end_row);
        let step = |row: usize, b: u8| trans.get(row + classes[b as usize] as usize).map_or(0, |&t| t as usize);
        let (mut row, mut pos) = (0usize, 0usize);
        for t in tokens {
            if pos > 0 {
                row = step(row, b' ');
                pos += 1;
                if row >= first_end_row {
                    self.record(row, pos, hits);
                }
            }
            starts.push(pos);
            let bytes = t.norm.as_bytes();
            // Two bytes a turn (an Arabic letter), so the loop itself is tested half as often;
            // `end` is where the pair ends in the joined text.
            let mut pairs = bytes.chunks_exact(2);
            let mut end = pos;
            for pair in pairs.by_ref() {
                let &[a, b] = pair else { break };
                end += 2;
                row = step(row, a);
                if row >= first_end_row {
                    self.record(row, end - 1, hits);
                }
                row = step(row, b);
                if row >= first_end_row {
                    self.record(row, end, hits);
                }
            }
            for &b in pairs.remainder() {
                end += 1;
                row = step(row, b);
                if row >= first_end_row {
                    self.record(row, end, hits);
                }
            }
            pos += bytes.len();
        }
    }

    /// Pushes every form ending in the state at `row`, at byte `end`, onto `hits`.
    #[cold]
    fn record(&self, row: usize, end: usize, hits: &mut Vec<(usize, usize, usize)>) {
        hits.extend(self.ends(row).map(|(form, len)| (form, end - len, end)));
    }

    /// The forms ending in the state at `row`, each with its byte length.
    pub(crate) fn ends(&self, row: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let state = row.checked_sub(self.first_end_row).map(|r| r / self.width);
        let ids = state.and_then(|k| self.ends.get(k)).map_or(&[][..], |e| &e[..]);
        ids.iter().map(|&id| (id as usize, self.lens.get(id as usize).copied().unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hadath_text::phrases::PhraseSet;

    /// Matches in `hay`, whose words are fed as tokens.
    fn all_matches(dfa: &FormDfa, hay: &str) -> Vec<(usize, usize, usize)> {
        let tokens: Vec<Token> = hay
            .split(' ')
            .map(|w| Token {
                span: hadath_text::Span::new(0, 0),
                kind: hadath_text::TokenKind::Arabic,
                norm: w.to_string(),
            })
            .collect();
        let (mut starts, mut out) = (Vec::new(), Vec::new());
        dfa.find_in_tokens(&tokens, &mut starts, &mut out);
        out.sort();
        out
    }

    #[test]
    fn finds_what_the_phrase_set_finds() {
        let forms = ["التقى", "ال", "التقى", "قى", "اطلق النار", "he", "she", "hers", "تقى بهم", ""];
        let dfa = FormDfa::new(&forms);
        let set = PhraseSet::new(&forms);
        for hay in ["", "والتقى بهم", "اطلق اطلق النار ushers she", "التقىالتقى ال", "لا شيء"]
        {
            let mut want = Vec::new();
            set.for_each_match(hay.as_bytes(), |id, start, end| {
                want.push((id, start, end));
                true
            });
            want.sort();
            assert_eq!(all_matches(&dfa, hay), want, "{hay}");
        }
        assert!(all_matches(&FormDfa::new(&[""]), "abc").is_empty());
    }
}
