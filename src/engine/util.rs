//! Safe string cuts (no panic paths in the WebAssembly).

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
}
