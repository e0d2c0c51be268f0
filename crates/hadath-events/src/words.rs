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

/// Bits of a [`KeyFilter`] (2^16 bits, 8 KB).
const KEY_BITS: u32 = 16;

/// The filter key of a word: its first eight bytes, or, for a shorter one, its first and
/// last four and its length, hashed. Equal words get equal keys, which is all a filter needs.
#[inline]
pub(crate) fn filter_key(b: &[u8]) -> usize {
    let word = match (b.first_chunk::<8>(), b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(head), _, _) => u64::from_le_bytes(*head),
        (None, Some(head), Some(tail)) => {
            (u64::from(u32::from_le_bytes(*head)) << 32 | u64::from(u32::from_le_bytes(*tail))) ^ b.len() as u64
        }
        _ => b.iter().fold(0u64, |k, &x| (k << 8) | u64::from(x)),
    };
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KEY_BITS)) as usize
}

/// A set of words kept as one bit per [`filter_key`]: a word whose bit is clear is surely none
/// of them, one whose bit is set may be one. A test costs a hash of two loads and a bit test.
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
}

impl KeyFilter {
    pub(crate) fn new() -> KeyFilter {
        KeyFilter { bits: vec![0; 1 << (KEY_BITS - 6)] }
    }

    pub(crate) fn insert(&mut self, word: &[u8]) {
        let k = filter_key(word);
        if let Some(bits) = self.bits.get_mut(k >> 6) {
            *bits |= 1 << (k & 63);
        }
    }

    /// Whether `word` may be one of the inserted words (false: surely not).
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        let k = filter_key(word);
        self.bits.get(k >> 6).is_none_or(|bits| bits >> (k & 63) & 1 != 0)
    }

    /// A filter that lets every word through.
    #[cfg(test)]
    pub(crate) fn all() -> KeyFilter {
        KeyFilter { bits: vec![u64::MAX; 1 << (KEY_BITS - 6)] }
    }
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

    #[test]
    fn key_filter_holds_every_word_inserted() {
        let words = ["قال", "قالت", "وقالت", "استقبلها", "", "a", "abcd", "abcdefg", "abcdefgh"];
        let mut filter = KeyFilter::new();
        for w in words {
            filter.insert(w.as_bytes());
        }
        for w in words {
            assert!(filter.may_hold(w.as_bytes()), "{w}");
        }
        // Past eight bytes a key reads nothing more.
        assert!(filter.may_hold("استقبلهم".as_bytes()));
        assert_eq!(filter_key("استقبلها".as_bytes()), filter_key("استقبلن".as_bytes()));
        assert!(!KeyFilter::new().may_hold(b"a"));
    }
}
