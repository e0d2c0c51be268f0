//! Byte scans that skip 16 bytes at a time, for finding rare bytes (marks, quotes, digits)
//! in long runs of Arabic text.
//!
//! The test of a 16-byte block is written without branches and ORs the hit masks together, so
//! the compiler turns it into a few vector compares; only a block holding a hit is looked at
//! byte by byte.

/// Bytes tested at once.
const BLOCK: usize = 16;

/// Index of the first byte at or after `from` for which `hit` holds (`bytes.len()` when none
/// does). `hit` must be cheap and branch-free (comparisons joined with `|`), so that the block
/// test vectorises. Never inlined: inside a large caller the compiler has been seen to spill
/// the block's masks byte by byte, on its own it keeps them in one vector register.
#[inline(never)]
pub fn find_byte(bytes: &[u8], mut from: usize, hit: impl Fn(u8) -> bool) -> usize {
    while from + BLOCK <= bytes.len() {
        let block: &[u8; BLOCK] = match bytes[from..from + BLOCK].try_into() {
            Ok(b) => b,
            Err(_) => break,
        };
        // Masks OR-ed together, not an `||` chain nor a sum: this form compiles to one vector
        // compare per tested byte value and a single test of the block.
        let mut m = [0u8; BLOCK];
        for j in 0..BLOCK {
            m[j] = 0u8.wrapping_sub(hit(block[j]) as u8);
        }
        if m.iter().fold(0u8, |acc, &x| acc | x) != 0 {
            break;
        }
        from += BLOCK;
    }
    while from < bytes.len() && !hit(bytes[from]) {
        from += 1;
    }
    from
}

/// Whether any byte of `bytes` satisfies `hit` (branch-free, see [`find_byte`]).
#[inline(always)]
pub fn any_byte(bytes: &[u8], hit: impl Fn(u8) -> bool) -> bool {
    find_byte(bytes, 0, hit) < bytes.len()
}

/// Index of the first byte at or after `from` that, with the byte after it (0 after the last
/// byte), satisfies `hit` (`bytes.len()` when none does); branch-free like [`find_byte`]. For
/// two-byte UTF-8 chars such as Arabic-Indic digits. Never inlined, like [`find_byte`].
#[inline(never)]
pub fn find_pair(bytes: &[u8], mut from: usize, hit: impl Fn(u8, u8) -> bool) -> usize {
    while from + BLOCK < bytes.len() {
        let (Ok(a), Ok(b)) = (
            <&[u8; BLOCK]>::try_from(&bytes[from..from + BLOCK]),
            <&[u8; BLOCK]>::try_from(&bytes[from + 1..from + BLOCK + 1]),
        ) else {
            break;
        };
        // Masks OR-ed together: this form keeps the pair test one vector test per block.
        let mut m = [0u8; BLOCK];
        for j in 0..BLOCK {
            m[j] = 0u8.wrapping_sub(hit(a[j], b[j]) as u8);
        }
        if m.iter().fold(0u8, |acc, &x| acc | x) != 0 {
            break;
        }
        from += BLOCK;
    }
    while from < bytes.len() && !hit(bytes[from], bytes.get(from + 1).copied().unwrap_or(0)) {
        from += 1;
    }
    from
}

/// Whether a byte and the byte after it satisfy `hit` somewhere (see [`find_pair`]).
#[inline(always)]
pub fn any_pair(bytes: &[u8], hit: impl Fn(u8, u8) -> bool) -> bool {
    find_pair(bytes, 0, hit) < bytes.len()
}

/// Number of chars in a UTF-8 byte slice (bytes that are not continuation bytes).
#[inline]
pub fn count_chars(bytes: &[u8]) -> usize {
    // Byte-wide sums over chunks of at most 255 bytes cannot overflow and vectorise well.
    bytes.chunks(255).map(|c| c.iter().map(|&x| u8::from(x & 0xC0 != 0x80)).sum::<u8>() as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_like_a_plain_loop() {
        let text = "قال الوزير: «نعم». ثم غادر\nالقاعة؟ 12 كانون".repeat(3);
        let b = text.as_bytes();
        let hit = |x: u8| (x == b'.') | (x == b'\n') | (x == 0xC2);
        for from in 0..=b.len() {
            let plain = (from..b.len()).find(|&i| hit(b[i])).unwrap_or(b.len());
            assert_eq!(find_byte(b, from, hit), plain, "{from}");
        }
        assert!(any_byte(b, |x| x == b'1'));
        assert!(!any_byte(b, |x| x == b'x'));
        assert!(any_pair("أ ٣".as_bytes(), |a, b| (a == 0xD9) & b.wrapping_sub(0xA0).lt(&10)));
        assert!(!any_pair("أرقام بلا".repeat(9).as_bytes(), |a, b| (a == 0xD9) & b.wrapping_sub(0xA0).lt(&10)));
        let pair = |a: u8, b: u8| (a == b'1') | ((a == 0xD9) & (b == 0x80));
        for from in 0..=b.len() {
            let plain = (from..b.len()).find(|&i| pair(b[i], b.get(i + 1).copied().unwrap_or(0))).unwrap_or(b.len());
            assert_eq!(find_pair(b, from, pair), plain, "{from}");
        }
        assert_eq!(count_chars(text.as_bytes()), text.chars().count());
        // Longer than one counting chunk of 255 bytes.
        let long = text.repeat(4);
        assert_eq!(count_chars(long.as_bytes()), long.chars().count());
    }
}
