//! Small helpers of the engine: its hash map, a sort that costs few bytes, safe string cuts.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, deterministic hash for the index's short keys (words). The keys come from the
/// FAQ; questions only look keys up, so there is nothing to gain for an attacker.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    /// Eight bytes a round (a byte a round was a quarter of the browser's first index build).
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            for (d, s) in last.iter_mut().zip(rest) {
                *d = *s;
            }
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The engine's hash map: std's, with [`WordHasher`].
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Sorts a short list in place; `before(a, b)` says whether `a` goes first. One small generic
/// instead of the standard library's sorts keeps the WebAssembly download small.
pub(crate) fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Cuts `s` to at most `max` bytes at a character boundary; true when something was cut.
pub(crate) fn truncate(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (slice(s, 0, end), true)
}

/// `s[start..end]`, or "" if that is not a valid range (it always is for offsets from
/// [`crate::text::tokenize`]; this avoids a panic path in the WebAssembly).
pub(crate) fn slice(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_between_characters() {
        assert_eq!(truncate("abc", 5), ("abc", false));
        assert_eq!(truncate("añb", 2), ("a", true));
        assert_eq!(truncate("añb", 3), ("añ", true));
        assert_eq!(slice("abc", 2, 9), "");
    }

    #[test]
    fn insertion_sort_is_stable_and_sorts() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
        insertion_sort(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
