//! Analysis, the same for the FAQ's texts and for questions: words are normalised and split
//! ([`crate::text::tokenize`]), SMS shorthand is expanded, words are stemmed, a question's
//! unknown words are corrected ([`super::typo`]), multi-word synonyms are read as their group's
//! first word, and the words become weighted terms: single words and pairs of neighbours.

use super::index::Lexicon;
use super::params::{Params, MAX_QUERY_WORDS, MAX_TEXT_WORDS, MAX_TYPO_LOOKUPS};
use super::reply::Via;
use crate::text::{expand_shorthand, is_light, is_stop, stem, tokenize};

/// A word on its way through analysis.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Its stem, the form the index knows.
    pub stem: String,
    /// The normalised word (after shorthand expansion).
    pub surface: String,
    /// Carries no intent: left out of the terms.
    pub stop: bool,
    /// Carries little intent: counts with a lower weight.
    pub light: bool,
    pub via: Via,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// A placeholder left behind when a word is moved out of a sequence.
    fn empty() -> Word {
        Word {
            stem: String::new(),
            surface: String::new(),
            stop: true,
            light: false,
            via: Via::Exact,
            start: 0,
            end: 0,
        }
    }
}

/// One weighted term of a text: a stem, or two neighbouring stems joined by a space.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub key: String,
    pub weight: f32,
    pub via: Via,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// The FAQ uses the word (pairs and light words count as known): an unknown word counts
    /// against the confidence.
    pub known: bool,
}

/// The terms of a question: typos corrected, each term once (a repeated word must not count
/// twice).
pub(crate) fn query_terms(lex: &Lexicon, query: &str, params: &Params) -> Vec<Term> {
    let read = read_words(lex, query, true);
    terms_of(lex, &read, true, params)
}

/// Reads a text into words: shorthand expanded, stemmed, typos corrected (`query` only) and
/// synonyms read as their group's first word. Stop words stay, marked.
pub(crate) fn read_words(lex: &Lexicon, text: &str, query: bool) -> Vec<Word> {
    apply_synonyms(lex, raw_words(lex, text, query))
}

/// Words of a text: shorthand expanded, stemmed, typos corrected (`query` only, at most
/// [`MAX_TYPO_LOOKUPS`] of them).
pub(crate) fn raw_words(lex: &Lexicon, text: &str, query: bool) -> Vec<Word> {
    let max_words = if query {
        MAX_QUERY_WORDS
    } else {
        MAX_TEXT_WORDS
    };
    let mut words: Vec<Word> = Vec::new();
    let mut lookups = 0;
    for tok in tokenize(text, max_words) {
        let expanded: Vec<&str> = match expand_shorthand(&tok.text) {
            Some(list) => list.to_vec(),
            None => vec![tok.text.as_str()],
        };
        for w in expanded {
            let mut word = Word {
                stem: stem(w),
                surface: w.to_string(),
                stop: is_stop(w),
                light: is_light(w),
                via: Via::Exact,
                start: tok.start,
                end: tok.end,
            };
            if query
                && lookups < MAX_TYPO_LOOKUPS
                && !word.stop
                && !word.light
                && !lex.is_known(&word.stem)
            {
                lookups += 1;
                lex.typos.correct(&mut word);
            }
            words.push(word);
        }
    }
    words
}

/// Reads multi-word synonyms as their group's first word, longest first, over the whole
/// sequence (stop words included).
pub(crate) fn apply_synonyms(lex: &Lexicon, mut words: Vec<Word>) -> Vec<Word> {
    let mut i = 0;
    let mut read: Vec<Word> = Vec::with_capacity(words.len());
    'outer: while i < words.len() {
        if let Some(list) = lex.synonyms.get(&words[i].stem) {
            for (variant, canonical) in list {
                let n = variant.len();
                let fits = i + n <= words.len()
                    && words[i..i + n]
                        .iter()
                        .zip(variant)
                        .all(|(w, v)| &w.stem == v)
                    && !(n == 1 && words[i].stop);
                if fits {
                    let start = words[i].start;
                    let end = words[i + n - 1].end;
                    let via = match &words[i].via {
                        Via::Typo { .. } if n == 1 => words[i].via.clone(),
                        _ => Via::Synonym {
                            canonical: canonical.join(" "),
                        },
                    };
                    for c in canonical {
                        read.push(Word {
                            stem: c.clone(),
                            surface: c.clone(),
                            stop: false,
                            light: is_light(c),
                            via: via.clone(),
                            start,
                            end,
                        });
                    }
                    i += n;
                    continue 'outer;
                }
            }
        }
        // Matching only looks ahead, so the word can be moved out rather than copied.
        read.push(std::mem::replace(&mut words[i], Word::empty()));
        i += 1;
    }
    read
}

/// The weighted terms of a text's words: single words (each once) and pairs of neighbours.
///
/// `dedup`: each term once (questions: a repeated word must not count twice). The index does
/// not need it (it keeps each term's best weight), and skipping it keeps building linear in the
/// length of long answers.
pub(crate) fn terms_of(lex: &Lexicon, read: &[Word], dedup: bool, params: &Params) -> Vec<Term> {
    let content: Vec<&Word> = read.iter().filter(|w| !w.stop).collect();
    let mut terms = Vec::with_capacity(content.len() * 2);
    let mut seen: Vec<String> = Vec::new();
    for w in &content {
        if dedup {
            if seen.contains(&w.stem) {
                continue;
            }
            seen.push(w.stem.clone());
        }
        terms.push(Term {
            key: w.stem.clone(),
            weight: word_weight(w, params),
            via: w.via.clone(),
            start: w.start,
            end: w.end,
            known: lex.is_known(&w.stem) || w.light,
        });
    }
    for pair in content.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.stem == b.stem || (a.light && b.light) {
            continue;
        }
        let mut key = String::with_capacity(a.stem.len() + b.stem.len() + 1);
        key.push_str(&a.stem);
        key.push(' ');
        key.push_str(&b.stem);
        if dedup {
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
        }
        let via = if a.via != Via::Exact {
            a.via.clone()
        } else {
            b.via.clone()
        };
        terms.push(Term {
            key,
            weight: pair_weight(a, b, params),
            via,
            start: a.start.min(b.start),
            end: a.end.max(b.end),
            known: true,
        });
    }
    terms
}

/// A single word's weight: light words count less, corrected words less the further the
/// correction went.
fn word_weight(w: &Word, params: &Params) -> f32 {
    let base = if w.light { params.light_weight } else { 1.0 };
    base * typo_factor(w, params)
}

/// A pair's weight: the pair weight, times the weaker word's typo factor.
fn pair_weight(a: &Word, b: &Word, params: &Params) -> f32 {
    params.pair_weight * typo_factor(a, params).min(typo_factor(b, params))
}

/// The share of a word's weight its typo correction keeps (1 for a word as written).
fn typo_factor(w: &Word, params: &Params) -> f32 {
    match &w.via {
        Via::Typo { distance, .. } => params.typo_factor[(*distance as usize).min(2)],
        _ => 1.0,
    }
}

/// Stems of a phrase without synonyms or typo correction (for synonym groups themselves).
pub(crate) fn plain_stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(text, 16) {
        match expand_shorthand(&tok.text) {
            Some(list) => out.extend(list.iter().map(|w| stem(w))),
            None => out.push(stem(&tok.text)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.add_synonym_group(&["sin internet".to_string(), "no hay conexion".to_string()]);
        lex
    }

    #[test]
    fn shorthand_expands_and_stems() {
        let lex = Lexicon::default();
        let words = raw_words(&lex, "xq no tngo internet", false);
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["porqu", "no", "teng", "internet"]);
        assert!(words[0].light && words[1].light);
    }

    #[test]
    fn multi_word_synonyms_are_read_as_the_first_word() {
        let lex = lexicon();
        let read = read_words(&lex, "no hay conexion desde ayer", false);
        let stems: Vec<&str> = read.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["sin", "internet", "desd", "ayer"]);
        assert!(matches!(read[0].via, Via::Synonym { .. }));
        // Both words of the canonical phrase point at the whole variant in the text.
        assert_eq!((read[0].start, read[1].end), (0, 15));
    }

    #[test]
    fn terms_are_words_and_pairs_each_once() {
        let lex = Lexicon::default();
        let p = Params::default();
        let read = read_words(&lex, "clave clave wifi", false);
        let keys: Vec<String> = terms_of(&lex, &read, true, &p)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(keys, ["clav", "wifi", "clav wifi"]);
    }

    #[test]
    fn light_words_weigh_less() {
        let lex = Lexicon::default();
        let p = Params::default();
        let t = terms_of(&lex, &read_words(&lex, "donde oficina", false), true, &p);
        assert_eq!(t[0].weight, p.light_weight);
        assert_eq!(t[1].weight, 1.0);
    }
}
