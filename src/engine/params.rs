//! The method's tunable constants, kept together so that `faq eval` measures one thing.

/// Longest query the engine reads, in bytes; the rest is ignored (the widget says so).
pub const MAX_QUERY_BYTES: usize = 1000;
/// Most words the engine reads from one query.
pub const MAX_QUERY_WORDS: usize = 64;
/// Most unknown words of one query looked up as possible typos (the costly step); a question
/// with more than this many is a story, and the rest count as unknown.
pub const MAX_TYPO_LOOKUPS: usize = 16;
/// Most words read from one FAQ text when indexing (answers are at most a few hundred).
pub const MAX_TEXT_WORDS: usize = 4096;

/// Tunable constants of the method.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Weight of a question word, negation or very common word ("cómo", "no", "internet").
    pub light_weight: f32,
    /// Weight of a pair of adjacent words relative to a single word.
    pub pair_weight: f32,
    /// What a word the FAQ never uses weighs against the confidence.
    pub unknown_weight: f32,
    /// Share of a typo-corrected word's weight kept at edit distance 0 (same sound), 1 and 2.
    pub typo_factor: [f32; 3],
    /// Minimum confidence to answer.
    pub min_confidence: f32,
    /// Minimum evidence to answer.
    pub min_score: f32,
    /// Ranking weight of the bag of words alone; the closest phrasing's similarity adds to it.
    pub phrase_base: f32,
    /// Second answers within this ratio of the best make the answer "ambiguous".
    pub ambiguity_ratio: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            light_weight: 0.35,
            pair_weight: 1.0,
            unknown_weight: 1.5,
            typo_factor: [0.9, 0.75, 0.55],
            min_confidence: 0.33,
            min_score: 1.0,
            ambiguity_ratio: 0.8,
            phrase_base: 0.5,
        }
    }
}

/// How much a word counts by the field of the entry it comes from: what customers ask (question,
/// phrasings, keywords, the English rendering) far more than the answer's wording.
pub(crate) mod field {
    pub const QUESTION: f32 = 1.0;
    pub const PHRASING: f32 = 1.0;
    pub const KEYWORD: f32 = 0.9;
    pub const EN: f32 = 1.0;
    pub const ANSWER: f32 = 0.35;
    pub const EN_ANSWER: f32 = 0.25;
    pub const CATEGORY: f32 = 0.3;
}
