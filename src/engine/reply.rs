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
    /// What it added to the entry's evidence.
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
    /// Confidence in 0..1: the share of the question the entry explains.
    pub score: f32,
    /// Evidence: the sum of the matched words' contributions.
    pub raw: f32,
    /// Cosine similarity of the question to the entry's closest phrasing.
    pub similarity: f32,
    /// The ranking score: evidence weighted by phrasing similarity. Hits are ordered by it.
    pub rank: f32,
    /// The words that matched, strongest first.
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
    /// The FAQ does not answer this.
    None,
}

impl Status {
    /// The name JavaScript and JSON see: "answer", "ambiguous" or "none".
    pub fn code(&self) -> &'static str {
        match self {
            Status::Answer => "answer",
            Status::Ambiguous => "ambiguous",
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
    /// No word of the question is in the FAQ.
    NoMatch,
    /// The question is closer to a topic the FAQ lists as unanswered.
    Unanswered {
        /// Ranking score of the unanswered topics.
        unanswered: f32,
        /// Ranking score of the best entry.
        best: f32,
    },
    /// The best entry explains too little of the question.
    LowConfidence {
        /// The best entry's confidence.
        confidence: f32,
        /// The threshold.
        min: f32,
    },
    /// The evidence is too weak.
    LowScore {
        /// The best entry's evidence.
        score: f32,
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
            NoAnswer::LowScore { .. } => "low_score",
        }
    }
}

/// The engine's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// The decision.
    pub status: Status,
    /// The answers, best first: empty when `status` is `None`.
    pub hits: Vec<Hit>,
    /// The best candidates even when there is no answer (for `faq ask` and editors).
    pub candidates: Vec<Hit>,
    /// Ranking score of the FAQ's "unanswered" topics.
    pub unanswered_score: f32,
    /// Why there is no answer, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoAnswer>,
    /// True when the query was longer than the engine reads.
    pub truncated: bool,
    /// Words that counted for nothing (for editors: what the FAQ lacks).
    pub unknown: Vec<String>,
}
