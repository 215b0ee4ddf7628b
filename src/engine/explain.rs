//! Explaining an answer: which words of the question counted for an entry, and which words of
//! the entry's texts to mark for them.

use super::analyze::read_words;
use super::index::Lexicon;
use super::reply::Matched;
use super::score::{term_evidence, Scores};
use super::util::slice;

/// The question's terms that counted for `class`, strongest first.
pub(crate) fn matched(query: &str, scores: &Scores, class: usize) -> Vec<Matched> {
    let mut m: Vec<Matched> = Vec::new();
    for (t, data) in &scores.found {
        let Some(data) = data else { continue };
        let Some(field_weight) = data.weight_in(class) else {
            continue;
        };
        let c = term_evidence(t.weight, data.idf, field_weight);
        let at = m.iter().position(|x| c > x.contribution).unwrap_or(m.len());
        m.insert(
            at,
            Matched {
                text: slice(query, t.start, t.end).to_string(),
                term: t.key.clone(),
                via: t.via.clone(),
                contribution: c,
                start: t.start,
                end: t.end,
            },
        );
    }
    m
}

/// Byte ranges of `text` whose words match one of `terms` (from [`Matched::term`]).
pub(crate) fn highlight(lex: &Lexicon, text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in read_words(lex, text, false) {
        let hit = !w.stop && terms.iter().any(|k| k.split(' ').any(|p| p == w.stem));
        // Words read together as one synonym share a range: mark it once.
        if hit && out.last() != Some(&(w.start, w.end)) {
            out.push((w.start, w.end));
        }
    }
    out
}
