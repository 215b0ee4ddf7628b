//! The decision: answer, offer close alternatives, point to the contact options, or say
//! honestly that the FAQ has no answer.

use super::reply::{NoAnswer, Status};

/// What the decision looks at.
pub(crate) struct Evidence {
    /// The question has content words.
    pub any_words: bool,
    /// The model knows at least one of them.
    pub any_known: bool,
    /// The best entry's probability and the second's (0 when there is none).
    pub best: f32,
    pub second: f32,
    /// The probabilities of the contact options and of the unanswered topics.
    pub contact: f32,
    pub unanswered: f32,
}

/// Decides. No answer when nothing meaningful was asked, nothing is known, the unanswered topics
/// are at least as likely as anything else, or the best entry's share among its rivals is below
/// `min_probability`. The
/// contact options when they are more likely than any entry. Ambiguous when the second entry
/// has at least `ambiguity_ratio` of the best one's probability.
pub(crate) fn decide(
    e: &Evidence,
    min_probability: f32,
    ambiguity_ratio: f32,
) -> (Status, Option<NoAnswer>) {
    let none = |r| (Status::None, Some(r));
    if !e.any_words {
        return none(NoAnswer::NoWords);
    }
    if !e.any_known {
        return none(NoAnswer::NoMatch);
    }
    if e.unanswered >= e.best.max(e.contact) {
        return none(NoAnswer::Unanswered {
            probability: e.unanswered,
            best: e.best,
        });
    }
    if e.contact > e.best {
        return (Status::Contact, None);
    }
    // The best entry's share among the contenders (itself, the next entry, the contact options,
    // the unanswered topics): in a big FAQ the probabilities spread over thousands of classes,
    // and what counts is how the best one stands against its rivals.
    let share = e.best / (e.best + e.second + e.contact + e.unanswered).max(f32::MIN_POSITIVE);
    if share < min_probability {
        return none(NoAnswer::LowConfidence {
            confidence: share,
            min: min_probability,
        });
    }
    if e.second >= e.best * ambiguity_ratio {
        (Status::Ambiguous, None)
    } else {
        (Status::Answer, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(best: f32, second: f32, contact: f32, unanswered: f32) -> Evidence {
        Evidence {
            any_words: true,
            any_known: true,
            best,
            second,
            contact,
            unanswered,
        }
    }

    #[test]
    fn each_outcome() {
        let d = |e: &Evidence| decide(e, 0.3, 0.5);
        let empty = Evidence {
            any_words: false,
            ..ev(0.0, 0.0, 0.0, 0.0)
        };
        assert_eq!(d(&empty), (Status::None, Some(NoAnswer::NoWords)));
        let unknown = Evidence {
            any_known: false,
            ..ev(0.0, 0.0, 0.0, 0.0)
        };
        assert_eq!(d(&unknown), (Status::None, Some(NoAnswer::NoMatch)));
        assert!(matches!(
            d(&ev(0.4, 0.1, 0.0, 0.5)),
            (Status::None, Some(NoAnswer::Unanswered { .. }))
        ));
        assert_eq!(d(&ev(0.3, 0.1, 0.5, 0.1)), (Status::Contact, None));
        assert!(matches!(
            d(&ev(0.2, 0.19, 0.1, 0.19)),
            (Status::None, Some(NoAnswer::LowConfidence { .. }))
        ));
        // In a big FAQ a small probability that leads its rivals clearly is an answer.
        assert_eq!(d(&ev(0.05, 0.001, 0.0, 0.01)), (Status::Answer, None));
        assert_eq!(d(&ev(0.6, 0.35, 0.0, 0.0)), (Status::Ambiguous, None));
        assert_eq!(d(&ev(0.8, 0.1, 0.0, 0.0)), (Status::Answer, None));
    }
}
