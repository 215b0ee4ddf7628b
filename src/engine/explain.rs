//! Explaining an answer: which words of the question counted for an entry, and which words of
//! a text to mark for them.

use super::analyze::{read_words, Lexicon, Word};
use super::image::Image;
use super::reply::Matched;
use super::score::insertion_sort;
use super::util::slice;

/// The question's words that counted for `class` (a positive weight), strongest first. `known`
/// pairs each content word with its stem's index in the image.
pub(crate) fn matched(
    image: &Image,
    query: &str,
    known: &[(&Word, usize)],
    class: usize,
    x: f32,
) -> Vec<Matched> {
    let mut m: Vec<Matched> = Vec::new();
    for &(w, k) in known {
        let Some((_, weight)) = image.weights(k).find(|&(c, _)| c == class) else {
            continue;
        };
        if weight <= 0.0 || m.iter().any(|x| x.term == w.stem) {
            continue;
        }
        m.push(Matched {
            text: slice(query, w.start, w.end).to_string(),
            term: w.stem.clone(),
            via: w.via.clone(),
            contribution: weight * x,
            start: w.start,
            end: w.end,
        });
    }
    insertion_sort(&mut m, |a, b| a.contribution > b.contribution);
    m
}

/// Byte ranges of `text` whose words have one of the stems `terms` (from [`Matched::term`]).
pub(crate) fn highlight(
    lex: &impl Lexicon,
    text: &str,
    terms: &[impl AsRef<str>],
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in read_words(lex, text, false) {
        let hit = !w.stop && terms.iter().any(|t| t.as_ref() == w.stem);
        // Words read together as one synonym share a range: mark it once.
        if hit && out.last() != Some(&(w.start, w.end)) {
            out.push((w.start, w.end));
        }
    }
    out
}
