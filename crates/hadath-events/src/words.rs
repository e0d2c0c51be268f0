//! Word lists as small open-addressing hash sets: one cheap hash and one or two comparisons
//! per lookup, instead of a comparison with every word of the list.

/// A set of words with a cheap hash.
pub(crate) struct WordSet {
    slots: Vec<Option<&'static str>>,
}

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        let size = (words.len() * 4).next_power_of_two();
        let mut slots = vec![None; size];
        for &w in words {
            let mut k = word_hash(w.as_bytes()) & (size - 1);
            while let Some(x) = slots[k] {
                if x == w {
                    break;
                }
                k = (k + 1) & (size - 1);
            }
            slots[k] = Some(w);
        }
        WordSet { slots }
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        let mask = self.slots.len() - 1;
        let mut k = word_hash(w.as_bytes()) & mask;
        while let Some(x) = self.slots[k] {
            if x == w {
                return true;
            }
            k = (k + 1) & mask;
        }
        false
    }
}

/// A multiplicative hash of a word's length and its first and last four bytes (two Arabic
/// letters each): two loads instead of a step per byte.
fn word_hash(b: &[u8]) -> usize {
    let head =
        b.first_chunk::<4>().map_or_else(|| b.iter().fold(0, |h, &x| h << 8 | x as u32), |c| u32::from_le_bytes(*c));
    let tail = b.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
    let h = ((head as u64) << 32 | tail as u64) ^ b.len() as u64;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
}

/// The [`WordSet`] of a constant word list, built on first use.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::LazyLock<$crate::words::WordSet> =
            std::sync::LazyLock::new(|| $crate::words::WordSet::new($list));
        &*SET
    }};
}
pub(crate) use word_set;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_and_nothing_else() {
        let words = ["قال", "قالت", "اكد", "اكد", "", "a"];
        let set = WordSet::new(&words);
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["قتل", "وزير", "قالتا", "b", "aa"] {
            assert!(!set.contains(w), "{w}");
        }
        assert!(!WordSet::new(&[]).contains(""));
    }
}
