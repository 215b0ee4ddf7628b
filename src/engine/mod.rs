//! The answer engine: index an FAQ, score a question against every entry, decide whether there
//! is an answer, and explain why. One stage per file, in the order a question goes through them:
//!
//! 1. [`analyze`]: normalise, split into words, expand SMS shorthand, stem, correct typos
//!    ([`typo`]: Spanish phonetic key, then bounded edit distance), read multi-word synonyms as
//!    their group's first word, drop empty words, keep question words with a lower weight, add
//!    pairs of neighbouring words. The FAQ's texts go through the same analysis when
//!    [`index`] builds the index.
//! 2. [`score`]: each term adds `weight × idf × field weight` to every entry that uses it; the
//!    share of the question an entry explains is its confidence; the ranking weighs the evidence
//!    by the similarity to the entry's closest phrasing.
//! 3. [`decide`]: the FAQ's `unanswered` topics compete as one more class; if they win, or the
//!    best entry explains too little, there is no answer; close seconds make it ambiguous.
//! 4. [`explain`]: the words that counted, and the words to mark in the answer.
//!
//! The reply types are in [`reply`], the tunable constants in [`params`].

mod analyze;
mod decide;
mod explain;
mod index;
pub mod params;
pub mod reply;
mod score;
mod typo;
mod util;

pub use params::{Params, MAX_QUERY_BYTES, MAX_QUERY_WORDS, MAX_TYPO_LOOKUPS};
pub use reply::{Hit, Matched, NoAnswer, Reply, Status, Via};

use crate::faq::Faq;
use index::Index;
use score::{confidence, Scores};
use util::{slice, truncate};

/// An FAQ made ready to answer questions.
pub struct Engine {
    index: Index,
    params: Params,
}

impl Engine {
    /// Builds the index of an FAQ with the default parameters.
    pub fn new(faq: &Faq) -> Engine {
        Engine::with_params(faq, Params::default())
    }

    /// Builds the index of an FAQ with the given parameters.
    pub fn with_params(faq: &Faq, params: Params) -> Engine {
        Engine {
            index: Index::build(faq, &params),
            params,
        }
    }

    /// The ids of the entries, in FAQ order.
    pub fn ids(&self) -> &[String] {
        &self.index.ids
    }

    /// The parameters in use.
    pub fn params(&self) -> Params {
        self.params
    }

    /// Answers a question: at most `top` hits, best first.
    pub fn ask(&self, query: &str, top: usize) -> Reply {
        let (query, truncated) = truncate(query, MAX_QUERY_BYTES);
        let terms = analyze::query_terms(&self.index.lexicon, query, &self.params);
        let scores = score::score(&self.index, &terms, &self.params);
        let candidates: Vec<Hit> = score::top_entries(&scores, self.index.n, top)
            .into_iter()
            .map(|class| self.hit(query, &scores, class))
            .collect();
        let unanswered_score = scores.rank[self.index.n];
        let reason = decide::no_answer(
            candidates.first(),
            !terms.is_empty(),
            unanswered_score,
            &self.params,
        );
        let (status, hits) = match reason {
            Some(_) => (Status::None, Vec::new()),
            None => (
                decide::answer_status(&candidates, &self.params),
                candidates.clone(),
            ),
        };
        Reply {
            status,
            hits,
            candidates,
            unanswered_score,
            reason,
            truncated,
            unknown: scores
                .unknown
                .iter()
                .map(|t| slice(query, t.start, t.end).to_string())
                .collect(),
        }
    }

    /// One candidate: the entry's figures and the words that matched.
    fn hit(&self, query: &str, scores: &Scores, class: usize) -> Hit {
        Hit {
            index: class,
            id: self.index.ids[class].clone(),
            score: confidence(scores.evidence[class], scores.question_weight),
            raw: scores.evidence[class],
            similarity: scores.similarity[class],
            rank: scores.rank[class],
            matched: explain::matched(query, scores, class),
        }
    }

    /// Byte ranges of `text` whose words match one of `terms` (from [`Matched::term`]), for
    /// marking the matched words in an answer.
    pub fn highlight(&self, text: &str, terms: &[String]) -> Vec<(usize, usize)> {
        explain::highlight(&self.index.lexicon, text, terms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faq::{Entry, Faq};

    fn tiny() -> Faq {
        let mut f: Faq = Faq {
            schema: None,
            version: 1,
            organization: String::new(),
            language: "es".into(),
            contact: Default::default(),
            categories: vec![],
            synonyms: vec![vec!["clave".into(), "contraseña".into(), "password".into()]],
            entries: vec![],
            unanswered: Default::default(),
        };
        f.entries.push(Entry {
            id: "wifi-clave".into(),
            question: "¿Cuál es la clave de mi Wi-Fi?".into(),
            answer: "La clave la entrega el técnico instalador.".into(),
            phrasings: vec!["Olvidé la clave del wifi".into()],
            ..Default::default()
        });
        f.entries.push(Entry {
            id: "pagos".into(),
            question: "¿Cómo puedo realizar mis pagos?".into(),
            answer: "En la oficina o por depósito bancario.".into(),
            phrasings: vec!["¿Dónde pago la factura?".into()],
            ..Default::default()
        });
        f.unanswered
            .phrasings
            .push("¿Cuánto cuesta el plan?".into());
        f
    }

    #[test]
    fn answers_with_synonyms_and_typos() {
        let e = Engine::new(&tiny());
        let r = e.ask("olvide la contrasena del wify", 3);
        assert_eq!(r.status, Status::Answer, "{r:?}");
        assert_eq!(r.hits[0].id, "wifi-clave");
        assert!(r.hits[0]
            .matched
            .iter()
            .any(|m| matches!(m.via, Via::Synonym { .. })));
        assert!(r.hits[0]
            .matched
            .iter()
            .any(|m| matches!(m.via, Via::Typo { .. })));
        assert_eq!(e.ask("donde pago la factrua", 3).hits[0].id, "pagos");
    }

    #[test]
    fn says_no_answer_for_other_topics_and_empty_questions() {
        let e = Engine::new(&tiny());
        assert_eq!(e.ask("cuanto cuesta el plan", 3).status, Status::None);
        assert_eq!(e.ask("", 3).status, Status::None);
        assert_eq!(e.ask("hola buenos dias", 3).status, Status::None);
        assert_eq!(e.ask("jkjkjk 😭", 3).status, Status::None);
    }

    #[test]
    fn hits_are_ordered_by_the_rank_they_show() {
        let e = Engine::new(&tiny());
        let r = e.ask("clave pago", 3);
        assert!(r.candidates.windows(2).all(|w| w[0].rank >= w[1].rank));
    }

    #[test]
    fn deterministic_and_bounded() {
        let e = Engine::new(&tiny());
        let q = "clave ".repeat(50_000);
        let a = e.ask(&q, 3);
        assert!(a.truncated);
        assert_eq!(a, e.ask(&q, 3));
    }

    #[test]
    fn highlight_marks_answer_words() {
        let e = Engine::new(&tiny());
        let r = e.ask("olvide mi contraseña", 3);
        let terms: Vec<String> = r.hits[0].matched.iter().map(|m| m.term.clone()).collect();
        let text = "La clave la entrega el técnico instalador.";
        let marks = e.highlight(text, &terms);
        assert_eq!(
            marks.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(),
            ["clave"]
        );
    }
}
