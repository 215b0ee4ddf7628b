//! Finding a word in one of the index's word tables (stems, stop words, light words, shorthand,
//! synonyms' first stems) by hashing it: one hash and about one comparison, where a binary search
//! over a thousand stems takes ten comparisons. A question looks up each of its words in several
//! tables, which made those searches close to half of the time of an answer (measured, native
//! profile of `faq bench`).

use super::image::Span;

/// An open-addressing hash table of a word table's positions. The words stay where they are:
/// each call takes the table as the spans of its words in a text.
#[derive(Default)]
pub(crate) struct Lookup {
    /// Per slot: a position + 1, or 0 for an empty slot. A power of two long, at least twice the
    /// number of words, so that a probe ends after a slot or two.
    slots: Vec<u32>,
}

/// FNV-1a: short words, few of them, no adversary that could choose collisions that matter (a
/// question's words are looked up, never inserted).
fn hash(word: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in word {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

/// The bytes of span `s` of `text` (bytes compare as their strings do, without the check that a
/// span starts and ends on a character).
pub(crate) fn raw(text: &str, s: Span) -> &[u8] {
    text.as_bytes()
        .get(s.start as usize..s.end as usize)
        .unwrap_or_default()
}

impl Lookup {
    /// Indexes the words `spans` of `text` by position; of equal words the first is kept.
    pub(crate) fn new(text: &str, spans: &[Span]) -> Lookup {
        let mut l = Lookup {
            slots: vec![0; (2 * spans.len()).next_power_of_two().max(2)],
        };
        for (k, &s) in spans.iter().enumerate() {
            if let Err(at) = l.probe(text, spans, raw(text, s)) {
                if let Some(slot) = l.slots.get_mut(at) {
                    *slot = k as u32 + 1;
                }
            }
        }
        l
    }

    /// The first position of `word` among the words `spans` of `text` (those it was made with).
    pub(crate) fn get(&self, text: &str, spans: &[Span], word: &[u8]) -> Option<usize> {
        self.probe(text, spans, word).ok()
    }

    /// `word`'s position, or the empty slot where it would go.
    fn probe(&self, text: &str, spans: &[Span], word: &[u8]) -> Result<usize, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash(word) & mask;
        loop {
            let s = self.slots.get(at).copied().unwrap_or(0) as usize;
            match s.checked_sub(1) {
                None => return Err(at),
                Some(k) if spans.get(k).is_some_and(|&w| raw(text, w) == word) => return Ok(k),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` written one after another, and their spans.
    fn table(words: &[&str]) -> (String, Vec<Span>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for w in words {
            let start = text.len() as u32;
            text.push_str(w);
            spans.push(Span {
                start,
                end: text.len() as u32,
            });
        }
        (text, spans)
    }

    #[test]
    fn finds_every_word_at_its_first_position_and_nothing_else() {
        let words: Vec<String> = (0..500).map(|i| format!("w{}", i % 300)).collect();
        let (text, spans) = table(&words.iter().map(String::as_str).collect::<Vec<_>>());
        let lookup = Lookup::new(&text, &spans);
        for (k, w) in words.iter().enumerate() {
            assert_eq!(
                lookup.get(&text, &spans, w.as_bytes()),
                Some(k % 300),
                "{w}"
            );
        }
        for absent in ["", "w300", "w", "x1", "w1 "] {
            assert_eq!(
                lookup.get(&text, &spans, absent.as_bytes()),
                None,
                "{absent}"
            );
        }
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let (text, spans) = table(&[]);
        let lookup = Lookup::new(&text, &spans);
        assert_eq!(lookup.get(&text, &spans, b""), None);
        assert_eq!(lookup.get(&text, &spans, b"para"), None);
        let (text, spans) = table(&["", "para"]);
        let lookup = Lookup::new(&text, &spans);
        assert_eq!(lookup.get(&text, &spans, b""), Some(0));
        assert_eq!(lookup.get(&text, &spans, b"para"), Some(1));
    }
}
