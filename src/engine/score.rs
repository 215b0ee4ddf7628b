//! Scoring a question against every class.
//!
//! Each known term adds its [`term_evidence`] to every class that uses it; the question's weight
//! ([`question_weight`]) is what a perfect entry would explain, and words the FAQ never uses add
//! to it ([`unknown_penalty`]), so an entry's [`confidence`] is the share of the question it
//! explains. The ranking multiplies the evidence by the [`cosine`] similarity of the question to
//! the class's closest phrasing ([`rank_score`]), which separates neighbours that share words.

use super::analyze::Term;
use super::index::{Index, TermData};
use super::params::Params;

/// A term's evidence for a class: its weight in the question, times its idf, times its field
/// weight in the class.
pub(crate) fn term_evidence(weight: f32, idf: f32, field_weight: f32) -> f32 {
    weight * idf * field_weight
}

/// What the words the FAQ never uses weigh against the confidence: with diminishing weight, so
/// that a long story around a real question ("my kids have online classes") does not sink it.
pub(crate) fn unknown_penalty(unknown: usize, unknown_weight: f32) -> f32 {
    unknown_weight * (unknown as f32).sqrt()
}

/// Cosine of two vectors from their dot product and norms (0 for an empty vector).
pub(crate) fn cosine(dot: f32, norm_a: f32, norm_b: f32) -> f32 {
    let norm = norm_a * norm_b;
    if norm > 0.0 {
        dot / norm
    } else {
        0.0
    }
}

/// The ranking score: evidence, weighted by how close the question is to the class's closest
/// phrasing (`phrase_base` is the weight of the bag of words alone).
pub(crate) fn rank_score(evidence: f32, similarity: f32, phrase_base: f32) -> f32 {
    evidence * (phrase_base + similarity)
}

/// Confidence in 0..1: the share of the question's weight that the evidence explains.
pub(crate) fn confidence(evidence: f32, question_weight: f32) -> f32 {
    if question_weight > 0.0 {
        (evidence / question_weight).min(1.0)
    } else {
        0.0
    }
}

/// The question's weight: its known single words and pairs by idf, plus the unknown words'
/// penalty.
pub(crate) fn question_weight(known: f32, unknown: usize, params: &Params) -> f32 {
    known + unknown_penalty(unknown, params.unknown_weight)
}

/// The scores of one question over all classes.
pub(crate) struct Scores<'a> {
    /// Each term with what the index knows of it (None: the FAQ never uses it).
    pub found: Vec<(&'a Term, Option<&'a TermData>)>,
    /// Evidence per class.
    pub evidence: Vec<f32>,
    /// Cosine similarity to each class's closest phrasing.
    pub similarity: Vec<f32>,
    /// Ranking score per class.
    pub rank: Vec<f32>,
    /// The question's weight ([`question_weight`]).
    pub question_weight: f32,
    /// The terms the FAQ never uses.
    pub unknown: Vec<&'a Term>,
}

/// Scores a question's terms against every class of the index.
pub(crate) fn score<'a>(index: &'a Index, terms: &'a [Term], params: &Params) -> Scores<'a> {
    let classes = index.classes();
    let mut evidence = vec![0f32; classes];
    let mut dots = vec![0f32; index.phrases()];
    let mut touched: Vec<u32> = Vec::new();
    let mut known = 0f32;
    let mut qnorm = 0f32;
    let mut unknown = Vec::new();
    let mut found = Vec::with_capacity(terms.len());
    for t in terms {
        let data = index.term(&t.key);
        found.push((t, data));
        let Some(data) = data else {
            if t.known {
                // A known word whose pair is not in the FAQ: no evidence either way.
                continue;
            }
            qnorm += (t.weight * params.unknown_weight).powi(2);
            unknown.push(t);
            continue;
        };
        let idf = data.idf;
        known += t.weight * idf;
        if !t.key.contains(' ') {
            qnorm += (t.weight * idf).powi(2);
            for &pid in &data.phrases {
                let d = &mut dots[pid as usize];
                if *d == 0.0 {
                    touched.push(pid);
                }
                *d += t.weight * idf * idf;
            }
        }
        for p in &data.classes {
            evidence[p.class as usize] += term_evidence(t.weight, idf, p.weight);
        }
    }
    let question_weight = question_weight(known, unknown.len(), params);
    let mut similarity = vec![0f32; classes];
    let qnorm = qnorm.sqrt();
    for &pid in &touched {
        let (c, norm) = index.phrase(pid as usize);
        if norm * qnorm > 0.0 {
            similarity[c] = similarity[c].max(cosine(dots[pid as usize], norm, qnorm));
        }
    }
    let rank = (0..classes)
        .map(|c| rank_score(evidence[c], similarity[c], params.phrase_base))
        .collect();
    Scores {
        found,
        evidence,
        similarity,
        rank,
        question_weight,
        unknown,
    }
}

/// The best `top` entries (classes `0..n`) with some evidence, best rank first (ties: FAQ
/// order), without sorting them all.
pub(crate) fn top_entries(scores: &Scores, n: usize, top: usize) -> Vec<usize> {
    let top = top.max(1);
    let rank = &scores.rank;
    let mut order: Vec<usize> = Vec::with_capacity(top + 1);
    for i in (0..n).filter(|&i| scores.evidence[i] > 0.0) {
        if order.len() == top && rank[order[top - 1]] >= rank[i] {
            continue;
        }
        let at = order
            .iter()
            .position(|&j| rank[i] > rank[j])
            .unwrap_or(order.len());
        order.insert(at, i);
        order.truncate(top);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(term_evidence(0.5, 2.0, 0.5), 0.5);
        assert_eq!(cosine(1.0, 0.0, 2.0), 0.0);
        assert_eq!(cosine(2.0, 1.0, 2.0), 1.0);
        assert_eq!(rank_score(2.0, 0.5, 0.5), 2.0);
        assert_eq!(confidence(3.0, 2.0), 1.0);
        assert_eq!(confidence(1.0, 0.0), 0.0);
        assert_eq!(unknown_penalty(4, 1.5), 3.0);
    }
}
