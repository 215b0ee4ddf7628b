//! The method's limits and tunable constants, kept together so that `faq eval` measures one
//! thing.

/// Longest query the engine reads, in bytes; the rest is ignored (the widget says so).
pub const MAX_QUERY_BYTES: usize = 1000;
/// Most words the engine reads from one query.
pub const MAX_QUERY_WORDS: usize = 64;
/// Most unknown words of one query looked up as possible typos (the costly step); a question
/// with more than this many is a story, and the rest count as unknown.
pub const MAX_TYPO_LOOKUPS: usize = 16;
/// Most words read from one FAQ text when indexing (answers are at most a few hundred).
pub const MAX_TEXT_WORDS: usize = 4096;

/// The constants of the method. Those used when answering are written into the compiled index,
/// so that the index answers the way it was built to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Below this probability the best entry is no answer.
    pub min_probability: f32,
    /// A second entry at least this share of the best one's probability makes the answer
    /// "ambiguous".
    pub ambiguity_ratio: f32,
    /// Passes over the training examples. 40 answer the labelled sets as 60 did (averaged over
    /// `ensemble` models) in two thirds of the time, with a smaller index: the studio compiles the
    /// draft after each edit.
    pub epochs: u32,
    /// The learning rate at the start (it falls linearly to a twentieth).
    pub learning_rate: f32,
    /// L2 regularisation of the weights. Stronger than the usual 1e-4: it keeps one word from
    /// deciding alone (a town's name, "pagar"), which is what sends out-of-scope questions to an
    /// entry (mean of the labelled sets 0.957 -> 0.962 overall, rejection 0.899 -> 0.909).
    pub l2: f32,
    /// Weights smaller than this share of their class's largest are dropped from the compiled
    /// index (bytes) after training. The averaged models of `dropout` and `ensemble` spread
    /// their weight over more stems: 0.15 and 0.2 keep the index within what one model without
    /// dropout took, for answers at least as good as with every weight kept.
    pub prune: f32,
    /// The same for the unanswered class, whose many examples leave it many small weights: they
    /// are most of what the FAQ's unanswered topics add to the download. 0.08 keeps nearly all
    /// that quantise to a level of their own: the small weights are what tells a question on
    /// another topic that shares one word with an entry (mean rejection of the seventeen labelled
    /// sets 0.944 -> 0.958 against 0.2, top-1 0.958 -> 0.957; 0.47 KB more brotli).
    pub prune_unanswered: f32,
    /// How much an entry's question counts as a training example, relative to a phrasing.
    pub question_weight: f32,
    /// How much a keyword counts as a training example, relative to a phrasing.
    pub keyword_weight: f32,
    /// How much the unanswered topics and everyday chatter weigh in training, all together, as a
    /// multiple of an average entry (each of their many examples counts that much less).
    pub unanswered_share: f32,
    /// How much each hard negative (an everyday example with a name from the answers added:
    /// see `build`) counts, relative to the example it comes from (0: none).
    pub hard_negatives: f32,
    /// The share of an example's stems left out at each step of training (dropout; a fresh choice
    /// each time, always one stem kept): the model learns to answer from any part of a phrasing,
    /// not from its one strongest word, as customers leave words out or put others in.
    pub dropout: f32,
    /// Models trained with different shuffles and dropouts whose weights are averaged (the
    /// average of linear models is one linear model: the same index, the same cost per
    /// question). Averaging takes out what one random order decides alone; three did as well as
    /// five on the labelled sets, at 40 epochs each (measured).
    pub ensemble: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_probability: 0.3,
            ambiguity_ratio: 0.5,
            epochs: 40,
            learning_rate: 1.0,
            l2: 6e-4,
            prune: 0.15,
            prune_unanswered: 0.08,
            question_weight: 1.0,
            keyword_weight: 0.5,
            unanswered_share: 5.0,
            hard_negatives: 2.0,
            dropout: 0.2,
            ensemble: 3,
        }
    }
}

impl Params {
    /// Sets one parameter by name from text (`faq eval --set name=value`, for calibration).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let f = || {
            value
                .parse::<f32>()
                .map_err(|_| format!("{name} takes a number, not {value:?}"))
        };
        match name {
            "min_probability" => self.min_probability = f()?,
            "ambiguity_ratio" => self.ambiguity_ratio = f()?,
            "epochs" => {
                self.epochs = value
                    .parse()
                    .map_err(|_| format!("epochs takes a whole number, not {value:?}"))?
            }
            "learning_rate" => self.learning_rate = f()?,
            "l2" => self.l2 = f()?,
            "prune" => self.prune = f()?,
            "prune_unanswered" => self.prune_unanswered = f()?,
            "keyword_weight" => self.keyword_weight = f()?,
            "question_weight" => self.question_weight = f()?,
            "unanswered_share" => self.unanswered_share = f()?,
            "hard_negatives" => self.hard_negatives = f()?,
            "dropout" => self.dropout = f()?,
            "ensemble" => {
                self.ensemble = value
                    .parse()
                    .map_err(|_| format!("ensemble takes a whole number, not {value:?}"))?
            }
            _ => return Err(format!("unknown parameter {name:?}")),
        }
        Ok(())
    }
}
