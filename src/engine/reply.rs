//! What the engine answers: the public reply types.

use serde::Serialize;

/// How a query word was understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Via {
    /// As written (after normalisation and stemming).
    Exact,
    /// Read as another word of its synonym group.
    Synonym {
        /// The group's word it was read as.
        canonical: String,
    },
    /// Corrected from a likely typo.
    Typo {
        /// The FAQ word it was corrected to.
        corrected: String,
        /// Edit distance between the phonetic keys (0: sounds the same).
        distance: u8,
    },
}

impl Via {
    /// A short machine-readable name: "exact", "synonym" or "typo".
    pub fn code(&self) -> &'static str {
        match self {
            Via::Exact => "exact",
            Via::Synonym { .. } => "synonym",
            Via::Typo { .. } => "typo",
        }
    }
}

/// A query word that counted for an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    /// The words as the customer typed them.
    pub text: String,
    /// The index term they matched (a stem, or two stems for a pair).
    pub term: String,
    /// How the words were understood.
    pub via: Via,
    /// What it added to the entry's score before the softmax (the model's weight).
    pub contribution: f32,
    /// Byte offset in the query where it starts.
    pub start: usize,
    /// Byte offset in the query where it ends.
    pub end: usize,
}

/// One candidate answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Position of the entry in the FAQ.
    pub index: usize,
    /// The entry's id.
    pub id: String,
    /// How likely the entry answers the question, in 0..1 (the model's probability). Hits are
    /// ordered by it: the figure shown is the figure that ranks.
    pub score: f32,
    /// The words that counted for the entry, strongest first.
    pub matched: Vec<Matched>,
}

/// What the engine decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// One clear answer.
    Answer,
    /// An answer, but the next ones are close: offer them too.
    Ambiguous,
    /// The question asks how to reach a person (a phone number, WhatsApp, an e-mail): show the
    /// FAQ's contact options, and the entries as related questions.
    Contact,
    /// The FAQ does not answer this.
    None,
}

impl Status {
    /// The name JavaScript and JSON see: "answer", "ambiguous", "contact" or "none".
    pub const fn code(&self) -> &'static str {
        match self {
            Status::Answer => "answer",
            Status::Ambiguous => "ambiguous",
            Status::Contact => "contact",
            Status::None => "none",
        }
    }
}

/// Why the engine gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoAnswer {
    /// Nothing in the question carries meaning (empty, greetings, emoji).
    NoWords,
    /// No word of the question is one the FAQ knows.
    NoMatch,
    /// The question is most likely one the FAQ does not answer.
    Unanswered {
        /// The probability of that.
        probability: f32,
        /// The best entry's probability.
        best: f32,
    },
    /// The best entry is too unlikely.
    LowConfidence {
        /// The best entry's probability.
        confidence: f32,
        /// The threshold.
        min: f32,
    },
}

impl NoAnswer {
    /// A short machine-readable name ("unanswered", "low_confidence", …).
    pub fn code(&self) -> &'static str {
        match self {
            NoAnswer::NoWords => "no_words",
            NoAnswer::NoMatch => "no_match",
            NoAnswer::Unanswered { .. } => "unanswered",
            NoAnswer::LowConfidence { .. } => "low_confidence",
        }
    }
}

/// The engine's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// The decision.
    pub status: Status,
    /// The best candidates, best first, even when there is no answer (for `faq ask` and
    /// editors); the answers are these or none ([`Reply::hits`]).
    pub candidates: Vec<Hit>,
    /// The probability that the FAQ does not answer the question.
    pub unanswered: f32,
    /// The probability that the question asks for the contact options.
    pub contact: f32,
    /// Why there is no answer, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoAnswer>,
    /// True when the query was longer than the engine reads.
    pub truncated: bool,
    /// Words that counted for nothing (for editors: what the FAQ lacks).
    pub unknown: Vec<String>,
}

impl Reply {
    /// The answers, best first: empty when `status` is `None`, else the candidates (with
    /// `Contact`, the entries closest to the question). One list, not a copy of it: the widget's
    /// reply crosses into JavaScript once.
    pub fn hits(&self) -> &[Hit] {
        if self.status == Status::None {
            &[]
        } else {
            &self.candidates
        }
    }
}
