//! The BIO label set over PER, LOC, ORG and MISC, and the transitions Viterbi allows.

/// All labels, indexed by their position; `O` is label 0.
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

/// Number of labels.
pub const N_LABELS: usize = LABELS.len();

/// Index of a label string, or `None` when it is not one of [`LABELS`].
pub fn label_index(tag: &str) -> Option<u8> {
    LABELS.iter().position(|l| *l == tag).map(|i| i as u8)
}

/// Whether label `l` is an inside (`I-`) label.
pub fn is_inside(l: usize) -> bool {
    l > 0 && l & 1 == 0
}

/// Whether `cur` may follow `prev`; `prev == None` is the sentence start.
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if !is_inside(cur) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => p == cur || p + 1 == cur,
    }
}

/// Rewrites `I-X` labels that cannot follow their predecessor into `B-X`.
pub fn repair(labels: &mut [u8]) {
    let mut prev: Option<usize> = None;
    for l in labels.iter_mut() {
        let cur = *l as usize;
        if !allowed(prev, cur) {
            *l -= 1;
        }
        prev = Some(*l as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_turns_orphan_inside_into_begin() {
        let mut l = vec![0, 2, 2, 0, 4, 6];
        repair(&mut l);
        assert_eq!(l, vec![0, 1, 2, 0, 3, 5]);
    }
}
