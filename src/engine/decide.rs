//! The decision: answer, offer close alternatives, or say honestly that the FAQ has no answer.

use super::params::Params;
use super::reply::{Hit, NoAnswer, Status};

/// Why there is no answer, if there is none: nothing meaningful was asked, nothing matched, the
/// unanswered topics rank at least as high as the best entry, or the best entry explains too
/// little of the question or has too little evidence.
pub(crate) fn no_answer(
    best: Option<&Hit>,
    any_terms: bool,
    unanswered: f32,
    p: &Params,
) -> Option<NoAnswer> {
    match best {
        None if !any_terms => Some(NoAnswer::NoWords),
        None => Some(NoAnswer::NoMatch),
        Some(b) if unanswered >= b.rank => Some(NoAnswer::Unanswered {
            unanswered,
            best: b.rank,
        }),
        Some(b) if b.score < p.min_confidence => Some(NoAnswer::LowConfidence {
            confidence: b.score,
            min: p.min_confidence,
        }),
        Some(b) if b.raw < p.min_score => Some(NoAnswer::LowScore {
            score: b.raw,
            min: p.min_score,
        }),
        Some(_) => None,
    }
}

/// An answer is ambiguous when a second candidate ranks within `ambiguity_ratio` of the best.
pub(crate) fn answer_status(candidates: &[Hit], p: &Params) -> Status {
    let Some(best) = candidates.first() else {
        return Status::None;
    };
    let close = candidates
        .iter()
        .skip(1)
        .any(|h| h.rank >= best.rank * p.ambiguity_ratio);
    if close {
        Status::Ambiguous
    } else {
        Status::Answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(rank: f32, score: f32, raw: f32) -> Hit {
        Hit {
            index: 0,
            id: "x".into(),
            score,
            raw,
            similarity: 0.0,
            rank,
            matched: vec![],
        }
    }

    #[test]
    fn no_answer_reasons_in_order() {
        let p = Params::default();
        assert_eq!(no_answer(None, false, 0.0, &p), Some(NoAnswer::NoWords));
        assert_eq!(no_answer(None, true, 0.0, &p), Some(NoAnswer::NoMatch));
        let h = hit(2.0, 0.9, 3.0);
        assert_eq!(no_answer(Some(&h), true, 1.0, &p), None);
        assert!(matches!(
            no_answer(Some(&h), true, 2.0, &p),
            Some(NoAnswer::Unanswered { .. })
        ));
        let weak = hit(2.0, 0.1, 3.0);
        assert!(matches!(
            no_answer(Some(&weak), true, 0.0, &p),
            Some(NoAnswer::LowConfidence { .. })
        ));
        let thin = hit(2.0, 0.9, 0.5);
        assert!(matches!(
            no_answer(Some(&thin), true, 0.0, &p),
            Some(NoAnswer::LowScore { .. })
        ));
    }

    #[test]
    fn close_seconds_make_it_ambiguous() {
        let p = Params::default();
        assert_eq!(
            answer_status(&[hit(10.0, 1.0, 1.0), hit(7.0, 1.0, 1.0)], &p),
            Status::Answer
        );
        assert_eq!(
            answer_status(&[hit(10.0, 1.0, 1.0), hit(8.0, 1.0, 1.0)], &p),
            Status::Ambiguous
        );
    }
}
