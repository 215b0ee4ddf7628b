//! Typo correction, for questions only: a word the FAQ never uses is looked up by its Spanish
//! phonetic key ([`crate::text::phonetic_key`]: *ofisina* finds *oficina*), then by edit
//! distance on that key among the FAQ's words that start alike; the correction counts a little
//! less ([`super::params::Params::typo_factor`]).

use super::analyze::Word;
use super::reply::Via;
use super::util::HashMap;
use crate::text::{is_light, phonetic_key};

/// A word the FAQ writes, by its phonetic key.
struct FuzzyWord {
    key: String,
    stem: String,
    /// How often the word appears in the FAQ (ties go to the commoner word).
    freq: u32,
    stop: bool,
}

/// The FAQ's words by phonetic key, for typo correction.
#[derive(Default)]
pub(crate) struct TypoTable {
    words: Vec<FuzzyWord>,
    by_key: HashMap<String, usize>,
    /// Indexes into `words` by the first letter of the key.
    by_first: HashMap<u8, Vec<u32>>,
}

/// Most edits allowed between phonetic keys for a word of `len` bytes.
fn max_edits(len: usize) -> usize {
    if len >= 8 {
        2
    } else {
        1
    }
}

/// Words worth correcting, and worth correcting to: three letters or more, no digits.
fn correctable(surface: &str) -> bool {
    surface.len() >= 3 && !surface.bytes().any(|b| b.is_ascii_digit())
}

impl TypoTable {
    /// Builds the table from the FAQ's surface words: (surface, stem, frequency, stop word).
    /// Where two words share a key, the commoner one wins (then the smaller stem), so the result
    /// does not depend on the order of the input.
    pub(crate) fn build<'a>(surfaces: impl Iterator<Item = (&'a str, &'a str, u32, bool)>) -> Self {
        let mut t = TypoTable::default();
        for (surface, st, freq, stop) in surfaces {
            if !correctable(surface) {
                continue;
            }
            let key = phonetic_key(surface);
            let word = FuzzyWord {
                key: key.clone(),
                stem: st.to_string(),
                freq,
                stop,
            };
            match t.by_key.get(&key) {
                Some(&j)
                    if (t.words[j].freq, std::cmp::Reverse(&t.words[j].stem))
                        >= (freq, std::cmp::Reverse(&word.stem)) => {}
                Some(&j) => t.words[j] = word,
                None => {
                    t.by_key.insert(key, t.words.len());
                    t.words.push(word);
                }
            }
        }
        for (j, f) in t.words.iter().enumerate() {
            let first = f.key.as_bytes().first().copied().unwrap_or(0);
            t.by_first.entry(first).or_default().push(j as u32);
        }
        t
    }

    /// The FAQ word `surface` most likely misspells, with the edit distance between their keys
    /// (0: they sound the same).
    fn lookup(&self, surface: &str) -> Option<(&FuzzyWord, u8)> {
        let key = phonetic_key(surface);
        if let Some(&j) = self.by_key.get(&key) {
            return Some((&self.words[j], 0));
        }
        let len = surface.len();
        let max = max_edits(len);
        let mut best: Option<(&FuzzyWord, usize)> = None;
        // Typos rarely touch the first letter: only words that start alike are candidates.
        let first = key.as_bytes().first().copied().unwrap_or(0);
        let bucket = self.by_first.get(&first).map_or(&[][..], Vec::as_slice);
        for &j in bucket {
            let f = &self.words[j as usize];
            let kl = f.key.len();
            if kl + max < key.len() || key.len() + max < kl {
                continue;
            }
            // Short words may only have lost a letter ("wfi" → "wifi", "lnea" → "linea").
            if len <= 4 && kl <= key.len() {
                continue;
            }
            let Some(d) = osa_within(key.as_bytes(), f.key.as_bytes(), max) else {
                continue;
            };
            if d == 0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, bd)) => {
                    d < bd || (d == bd && (f.freq > b.freq || (f.freq == b.freq && f.key < b.key)))
                }
            };
            if better {
                best = Some((f, d));
            }
        }
        best.map(|(f, d)| (f, d as u8))
    }

    /// Replaces a word the FAQ never uses by the FAQ word it most likely misspells (a stop word
    /// stays a stop word).
    pub(crate) fn correct(&self, word: &mut Word) {
        if !correctable(&word.surface) {
            return;
        }
        let Some((f, d)) = self.lookup(&word.surface) else {
            return;
        };
        if f.stop {
            word.stop = true;
            return;
        }
        word.via = Via::Typo {
            corrected: f.stem.clone(),
            distance: d,
        };
        word.light = is_light(&f.stem);
        word.stem = f.stem.clone();
    }
}

/// Optimal-string-alignment distance (edits: insert, delete, substitute, swap two neighbours) if
/// it is at most `max`, else None (and None for words over 32 bytes). Stops as soon as a row
/// exceeds `max` and allocates nothing: it runs for every candidate of every unknown word. Same
/// result as `strsim::osa_distance`, which a test checks.
pub(crate) fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    const N: usize = 33;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a.len() >= N || b.len() >= N {
        // Words this long are not misspellings of FAQ words worth correcting.
        return None;
    }
    // Three rows: two back (for swaps), one back, current.
    let mut two = [0usize; N];
    let mut one = [0usize; N];
    let mut cur = [0usize; N];
    for (j, v) in one.iter_mut().enumerate().take(b.len() + 1) {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        two = one;
        one = cur;
    }
    let d = one[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_osa_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "wifi",
            "wfi",
            "bifi",
            "klabe",
            "kalbe",
            "serbisio",
            "servicio",
            "ofisina",
            "abcdefghij",
            "acbdefghji",
        ];
        for a in words {
            for b in words {
                let full = strsim::osa_distance(a, b);
                for max in 0..4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(
                        osa_within(a.as_bytes(), b.as_bytes(), max),
                        want,
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    fn table() -> TypoTable {
        let words = [
            ("oficina", "oficin", 3, false),
            ("servicio", "servici", 5, false),
            ("wifi", "wifi", 9, false),
            ("para", "par", 9, true),
        ];
        TypoTable::build(words.into_iter())
    }

    fn corrected(t: &TypoTable, w: &str) -> Option<(String, u8)> {
        t.lookup(w).map(|(f, d)| (f.stem.clone(), d))
    }

    #[test]
    fn same_sound_then_one_edit_keeping_the_first_letter() {
        let t = table();
        assert_eq!(corrected(&t, "ofisina"), Some(("oficin".into(), 0)));
        assert_eq!(corrected(&t, "serbisio"), Some(("servici".into(), 0)));
        assert_eq!(corrected(&t, "wfi"), Some(("wifi".into(), 1)));
        assert_eq!(corrected(&t, "fiwi"), None);
    }

    #[test]
    fn a_typo_of_a_stop_word_stays_a_stop_word() {
        let t = table();
        let mut w = Word {
            stem: "pra".into(),
            surface: "parra".into(),
            stop: false,
            light: false,
            via: Via::Exact,
            start: 0,
            end: 5,
        };
        t.correct(&mut w);
        assert!(w.stop);
    }
}
