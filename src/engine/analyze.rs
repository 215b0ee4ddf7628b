//! Analysis, the same for the FAQ's texts (when `faq compile` trains the model) and for
//! questions: words are normalised and split ([`crate::text::tokenize`]), SMS shorthand is
//! expanded, words are stemmed, a question's unknown words are corrected ([`super::typo`]),
//! multi-word synonyms are read as their group's first word, and the content words' stems become
//! the model's features.

use super::params::{MAX_QUERY_WORDS, MAX_TEXT_WORDS, MAX_TYPO_LOOKUPS};
use super::reply::Via;
use crate::text::{expand_shorthand, is_light, is_stop, stem, tokenize};

/// A word on its way through analysis.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Its stem, the form the model knows.
    pub stem: String,
    /// The normalised word (after shorthand expansion).
    pub surface: String,
    /// Carries no intent: not a feature.
    pub stop: bool,
    pub via: Via,
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
}

/// One synonym variant: its words as the FAQ writes them (normalised) and their stems, read as
/// the canonical stems. Made once per lexicon; a question only compares against it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Synonym {
    pub words: Vec<String>,
    pub stems: Vec<String>,
    pub canonical: Vec<String>,
}

impl Synonym {
    pub(crate) fn new(words: Vec<String>, canonical: Vec<String>) -> Synonym {
        let stems = words.iter().map(|w| stem(w)).collect();
        Synonym {
            words,
            stems,
            canonical,
        }
    }
}

/// What analysis needs to know about an FAQ and its language. The word tables default to
/// `crate::text`'s; the engine reads them from the compiled index instead.
pub(crate) trait Lexicon {
    /// Carries no intent ([`crate::text::is_stop`]).
    fn is_stop(&self, word: &str) -> bool {
        is_stop(word)
    }
    /// Carries little intent ([`crate::text::is_light`]).
    fn is_light(&self, word: &str) -> bool {
        is_light(word)
    }
    /// What SMS shorthand stands for ([`crate::text::expand_shorthand`]).
    fn expand(&self, word: &str) -> Option<Vec<String>> {
        expand_shorthand(word).map(|l| l.iter().map(|w| w.to_string()).collect())
    }
    /// Whether the model knows this stem.
    fn is_known(&self, stem: &str) -> bool;
    /// Replaces an unknown word by the known word it most likely misspells, if any.
    fn correct(&self, word: &mut Word);
    /// The synonym variants whose first word has this stem, longest first.
    fn synonyms(&self, first_stem: &str) -> &[Synonym];
}

/// Reads a text into words: shorthand expanded, stemmed, typos corrected (`query` only, at most
/// [`MAX_TYPO_LOOKUPS`] of them) and synonyms read as their group's first word. Stop words stay,
/// marked.
pub(crate) fn read_words(lex: &impl Lexicon, text: &str, query: bool) -> Vec<Word> {
    let max_words = if query {
        MAX_QUERY_WORDS
    } else {
        MAX_TEXT_WORDS
    };
    let mut words: Vec<Word> = Vec::with_capacity(16);
    let mut lookups = 0;
    for tok in tokenize(text, max_words) {
        let (start, end) = (tok.start, tok.end);
        let mut add = |w: String| {
            let mut word = Word {
                stem: stem(&w),
                stop: lex.is_stop(&w),
                surface: w,
                via: Via::Exact,
                start,
                end,
            };
            if query
                && lookups < MAX_TYPO_LOOKUPS
                && !word.stop
                && !lex.is_light(&word.surface)
                && !lex.is_known(&word.stem)
            {
                lookups += 1;
                lex.correct(&mut word);
            }
            words.push(word);
        };
        // Most words are not shorthand: they go on as they are, with no list made for them.
        match lex.expand(&tok.text) {
            Some(list) => list.into_iter().for_each(&mut add),
            None => add(tok.text),
        }
    }
    apply_synonyms(lex, words)
}

/// Whether a word of the text is a given word of a synonym variant: the same word, or the same
/// stem when the stem is long enough to say so ("recibos" is "recibo", but "callo" is not
/// "calle") or the word was corrected to it.
fn is_variant_word(w: &Word, variant: &str, variant_stem: &str) -> bool {
    w.surface == variant
        || ((w.stem.len() >= 5 || matches!(w.via, Via::Typo { .. })) && variant_stem == w.stem)
}

/// Reads multi-word synonyms as their group's first word, longest first, over the whole
/// sequence (stop words included: "no hay internet").
pub(crate) fn apply_synonyms(lex: &impl Lexicon, words: Vec<Word>) -> Vec<Word> {
    let mut read: Vec<Word> = Vec::with_capacity(words.len());
    let mut words = words.into_iter().peekable();
    let mut pending: Vec<Word> = Vec::new();
    loop {
        // `pending` holds the words looked at but not yet read, in order.
        if pending.is_empty() {
            match words.next() {
                Some(w) => pending.push(w),
                None => break,
            }
        }
        let mut matched = None;
        for syn in lex.synonyms(&pending[0].stem) {
            let n = syn.words.len();
            while pending.len() < n {
                match words.next() {
                    Some(w) => pending.push(w),
                    None => break,
                }
            }
            let fits = pending.len() >= n
                && pending
                    .iter()
                    .zip(syn.words.iter().zip(&syn.stems))
                    .all(|(w, (v, s))| is_variant_word(w, v, s))
                && !(n == 1 && pending[0].stop);
            if fits {
                matched = Some((n, &syn.canonical));
                break;
            }
        }
        match matched {
            Some((n, canonical)) => {
                let start = pending[0].start;
                let end = pending[n - 1].end;
                let via = match &pending[0].via {
                    Via::Typo { .. } if n == 1 => pending[0].via.clone(),
                    _ => Via::Synonym {
                        canonical: canonical.join(" "),
                    },
                };
                for c in canonical {
                    read.push(Word {
                        surface: c.clone(),
                        stem: c.clone(),
                        stop: false,
                        via: via.clone(),
                        start,
                        end,
                    });
                }
                pending.drain(..n);
            }
            None => read.push(pending.remove(0)),
        }
    }
    read
}

/// The features of a text's words: each content word's stem, once, in order of first use.
#[cfg(any(feature = "build", test))]
pub(crate) fn features(words: &[Word]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for w in words.iter().filter(|w| !w.stop) {
        if !out.contains(&w.stem.as_str()) {
            out.push(&w.stem);
        }
    }
    out
}

/// Stems of a phrase without synonyms or typo correction (for synonym groups themselves).
#[cfg(any(feature = "build", test))]
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

/// Normalised words of a phrase, shorthand expanded (for synonym variants).
#[cfg(any(feature = "build", test))]
pub(crate) fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(text, 16) {
        match expand_shorthand(&tok.text) {
            Some(list) => out.extend(list.iter().map(|w| w.to_string())),
            None => out.push(tok.text),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A lexicon for tests: known stems and synonym variants (by first stem), no typos.
    #[derive(Default)]
    pub(crate) struct TestLexicon {
        pub known: Vec<String>,
        pub synonyms: std::collections::BTreeMap<String, Vec<Synonym>>,
    }

    impl TestLexicon {
        /// A lexicon of these synonym groups (the first of each is the canonical one).
        pub(crate) fn with_groups(groups: &[&[&str]]) -> TestLexicon {
            let mut lex = TestLexicon::default();
            for g in groups {
                for v in g.iter().skip(1) {
                    let words = plain_words(v);
                    let Some(head) = words.first().map(|w| stem(w)) else {
                        continue;
                    };
                    let list = lex.synonyms.entry(head).or_default();
                    list.push(Synonym::new(words, plain_stems(g[0])));
                    crate::engine::score::insertion_sort(list, |a, b| {
                        a.words.len() > b.words.len()
                    });
                }
            }
            lex
        }
    }

    impl Lexicon for TestLexicon {
        fn is_known(&self, stem: &str) -> bool {
            self.known.iter().any(|k| k == stem)
        }
        fn correct(&self, _word: &mut Word) {}
        fn synonyms(&self, first_stem: &str) -> &[Synonym] {
            self.synonyms.get(first_stem).map_or(&[], Vec::as_slice)
        }
    }

    fn lexicon() -> TestLexicon {
        TestLexicon::with_groups(&[
            &["sin internet", "no hay conexion"],
            &["direccion", "calle"],
            &["factura", "recibo"],
        ])
    }

    fn stems(words: &[Word]) -> Vec<&str> {
        words.iter().map(|w| w.stem.as_str()).collect()
    }

    #[test]
    fn shorthand_expands_and_stems() {
        let words = read_words(&TestLexicon::default(), "xq no tngo internet", false);
        assert_eq!(stems(&words), ["porqu", "no", "teng", "internet"]);
    }

    #[test]
    fn multi_word_synonyms_are_read_as_the_first_word() {
        let read = read_words(&lexicon(), "no hay conexion desde ayer", false);
        assert_eq!(stems(&read), ["sin", "internet", "desd", "ayer"]);
        assert!(matches!(read[0].via, Via::Synonym { .. }));
        // Both words of the canonical phrase point at the whole variant in the text.
        assert_eq!((read[0].start, read[1].end), (0, 15));
    }

    #[test]
    fn short_stems_match_synonyms_only_as_written() {
        // "callo" and "calle" share the stem "call": only "calle" is the synonym.
        assert_eq!(
            stems(&read_words(&lexicon(), "se callo", false)),
            ["se", "call"]
        );
        assert_eq!(
            stems(&read_words(&lexicon(), "la calle", false)),
            ["la", "direc"]
        );
        // Longer stems carry inflections: "recibos" is "recibo".
        assert_eq!(stems(&read_words(&lexicon(), "recibos", false)), ["factur"]);
    }

    #[test]
    fn features_are_content_stems_once() {
        let words = read_words(&TestLexicon::default(), "la clave de la clave wifi", false);
        assert_eq!(features(&words), ["clav", "wifi"]);
    }
}
