//! Typo correction, for questions only: a word the FAQ never uses is looked up by the Spanish
//! phonetic key of its stem ([`crate::text::phonetic_key`]: *ofisina* finds *oficina*), then by
//! edit distance between keys among the FAQ's stems that start alike.

use super::analyze::Word;
use super::reply::Via;
use super::score::heap_sort;
use crate::text::{phonetic_key, stem};

/// A word correction may lead to, by its phonetic key.
pub(crate) struct Candidate {
    key: String,
    /// Index of the stem in the caller's vocabulary.
    id: u32,
    /// How common the word is in the FAQ (ties go to the commoner word).
    freq: u32,
    /// A stop word: a typo of it is read as a stop word.
    stop: bool,
}

/// The FAQ's stems (and the stop words) by phonetic key, for typo correction: two lists of
/// [`candidates`], made apart (each is half the work, and the widget makes them in two idle
/// moments).
pub(crate) struct TypoTable<'a> {
    /// Keyed by how the word sounds.
    pub words: &'a [Candidate],
    /// Keyed by how the stem sounds.
    pub stems: &'a [Candidate],
}

/// Most edits allowed between phonetic keys for a word of `len` bytes.
fn max_edits(len: usize) -> usize {
    if len >= 8 {
        2
    } else {
        1
    }
}

/// Words worth correcting: three letters or more, no digits, a vowel. A word without one is not
/// a misspelt word but shorthand (read by the tables before this) or noise: "wvvk" sounded one
/// edit from "back".
fn correctable(surface: &str) -> bool {
    surface.len() >= 3
        && !surface.bytes().any(|b| b.is_ascii_digit())
        && surface.bytes().any(|b| b"aeiouy".contains(&b))
}

/// What a correction found: the candidate's id, whether it is a stop word, and the edit distance
/// between the keys (0: they sound the same).
pub(crate) struct Found {
    pub id: u32,
    pub stop: bool,
    pub distance: u8,
}

/// One list of the table from `(word, id, frequency, stop word)`, each word as the FAQ writes it
/// most often: keyed by how the word sounds, or (`by_stem`) by how its stem does; sorted by key,
/// then by preference (commoner first, then smaller id), so that it does not depend on the order
/// of the input.
pub(crate) fn candidates<S: AsRef<str>>(
    words: impl Iterator<Item = (S, u32, u32, bool)>,
    by_stem: bool,
) -> Vec<Candidate> {
    let mut list = Vec::new();
    for (w, id, freq, stop) in words {
        let w = w.as_ref();
        if !correctable(w) {
            continue;
        }
        let key = phonetic_key(w);
        list.push(Candidate {
            key: if by_stem { stem(&key) } else { key },
            id,
            freq,
            stop,
        });
    }
    heap_sort(&mut list, |a, b| {
        (&a.key, std::cmp::Reverse(a.freq), a.id) < (&b.key, std::cmp::Reverse(b.freq), b.id)
    });
    list
}

impl TypoTable<'_> {
    /// The preferred candidate whose key is exactly `key`, if any.
    fn exact<'a>(list: &'a [Candidate], key: &str) -> Option<&'a Candidate> {
        let at = list.partition_point(|c| c.key.as_str() < key);
        list.get(at).filter(|c| c.key == key)
    }

    /// The known word that `surface` most likely misspells: one that sounds the same (as a
    /// whole word, else by the stem of the sound: "vensimiento" and "vence" share "bens"), else
    /// a few edits away.
    pub(crate) fn lookup(&self, surface: &str) -> Option<Found> {
        if !correctable(surface) {
            return None;
        }
        let key = phonetic_key(surface);
        let same = TypoTable::exact(self.words, &key)
            .or_else(|| TypoTable::exact(self.stems, &stem(&key)));
        if let Some(c) = same {
            return Some(Found {
                id: c.id,
                stop: c.stop,
                distance: 0,
            });
        }
        let max = max_edits(surface.len());
        // Typos rarely touch the first letter: only words that start alike are candidates.
        let first = key.as_bytes().first().copied().unwrap_or(0);
        let lo = self
            .words
            .partition_point(|c| c.key.as_bytes().first() < Some(&first));
        let hi = self
            .words
            .partition_point(|c| c.key.as_bytes().first() <= Some(&first));
        let mut best: Option<(&Candidate, usize)> = None;
        for c in &self.words[lo..hi] {
            let kl = c.key.len();
            if kl + max < key.len() || key.len() + max < kl {
                continue;
            }
            // Short words may only have lost a letter ("wfi" → "wifi", "lnea" → "linea").
            if surface.len() <= 4 && kl <= key.len() {
                continue;
            }
            let Some(d) = osa_within(key.as_bytes(), c.key.as_bytes(), max) else {
                continue;
            };
            // The first candidate of a key is its preferred one, so a strictly better one wins.
            if best.is_none_or(|(b, bd)| d < bd || (d == bd && c.freq > b.freq)) {
                best = Some((c, d));
            }
        }
        best.map(|(c, d)| Found {
            id: c.id,
            stop: c.stop,
            distance: d as u8,
        })
    }

    /// Corrects `word` to the stem `stem_of(id)` of what [`TypoTable::lookup`] found (a stop
    /// word stays a stop word).
    pub(crate) fn correct(&self, word: &mut Word, stem_of: impl Fn(u32) -> String) {
        let Some(f) = self.lookup(&word.surface) else {
            return;
        };
        if f.stop {
            word.stop = true;
            return;
        }
        let corrected = stem_of(f.id);
        word.via = Via::Typo {
            corrected: corrected.clone(),
            distance: f.distance,
        };
        word.stem = corrected;
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
    // Three rows (two back, for swaps; one back; current), used in turn rather than copied.
    let mut rows = [[0u8; N]; 3];
    for (j, v) in rows[1].iter_mut().enumerate().take(b.len() + 1) {
        *v = j as u8;
    }
    let (mut two, mut one, mut cur) = (0usize, 1usize, 2usize);
    for i in 1..=a.len() {
        rows[cur][0] = i as u8;
        let mut row_min = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[one][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[one][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[two][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min as usize > max {
            return None;
        }
        (two, one, cur) = (one, cur, two);
    }
    let d = rows[one][b.len()] as usize;
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

    const WORDS: [&str; 4] = ["oficina", "servicio", "wifi", "para"];

    fn lists() -> [Vec<Candidate>; 2] {
        let input = || {
            WORDS
                .iter()
                .enumerate()
                .map(|(i, w)| (*w, i as u32, 5, *w == "para"))
        };
        [candidates(input(), false), candidates(input(), true)]
    }

    fn table(l: &[Vec<Candidate>; 2]) -> TypoTable<'_> {
        TypoTable {
            words: &l[0],
            stems: &l[1],
        }
    }

    fn corrected(t: &TypoTable, w: &str) -> Option<(String, u8)> {
        t.lookup(w)
            .map(|f| (WORDS[f.id as usize].to_string(), f.distance))
    }

    #[test]
    fn same_sound_then_one_edit_keeping_the_first_letter() {
        let l = lists();
        let t = table(&l);
        assert_eq!(corrected(&t, "ofisina"), Some(("oficina".into(), 0)));
        assert_eq!(corrected(&t, "serbicio"), Some(("servicio".into(), 0)));
        assert_eq!(corrected(&t, "wfi"), Some(("wifi".into(), 1)));
        assert_eq!(corrected(&t, "fiwi"), None);
    }

    #[test]
    fn a_word_without_a_vowel_is_not_corrected() {
        // "wvvk" sounded one edit from "back", a word of the shipped FAQ: noise, not a
        // misspelling; "wfi" keeps a vowel and is one.
        let l = lists();
        let t = table(&l);
        assert!(!correctable("wvvk") && !correctable("srvc"));
        assert!(correctable("wfi") && correctable("ofsina"));
        assert_eq!(corrected(&t, "srvc"), None);
    }

    #[test]
    fn a_typo_of_a_stop_word_stays_a_stop_word() {
        let l = lists();
        let t = table(&l);
        let mut w = Word {
            stem: "parr".into(),
            surface: "parra".into(),
            stop: false,
            via: Via::Exact,
            start: 0,
            end: 5,
        };
        t.correct(&mut w, |id| WORDS[id as usize].to_string());
        assert!(w.stop);
    }
}
