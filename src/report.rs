//! What the editors' tools report, as JSON: the checks of an FAQ file, the answer to one
//! question with why, and the quality over a labelled question list. One place, so that the `faq`
//! tool (`--json`) and the studio in the browser say the same things.

use crate::engine::{NoAnswer, Reply};
use crate::eval::Report;
use crate::faq::{parse_bytes, validate, Faq, Finding, Severity};
use serde_json::{json, Value};

/// Reads and checks an FAQ file's bytes: the FAQ when it parses, and every finding (a file that
/// does not parse gives one error saying where, placed at "faq.json").
pub fn check(bytes: &[u8]) -> (Option<Faq>, Vec<Finding>) {
    match parse_bytes(bytes) {
        Ok(faq) => {
            let found = validate(&faq);
            (Some(faq), found)
        }
        Err(message) => (
            None,
            vec![Finding {
                severity: Severity::Error,
                place: "faq.json".into(),
                path: String::new(),
                entry: None,
                message,
            }],
        ),
    }
}

/// [`check`] as JSON: `{ok, entries, errors, warnings}`, each finding `{severity, place, path,
/// entry, message}`.
pub fn check_json(bytes: &[u8]) -> Value {
    let (faq, found) = check(bytes);
    let (e, w): (Vec<&Finding>, Vec<&Finding>) =
        found.iter().partition(|f| f.severity == Severity::Error);
    json!({
        "ok": faq.is_some() && e.is_empty(),
        "entries": faq.map_or(0, |f| f.entries.len()),
        "errors": e,
        "warnings": w,
    })
}

/// Says in words why there is no answer.
pub fn explain_none(reason: NoAnswer) -> String {
    match reason {
        NoAnswer::NoWords => "no words that carry a question".into(),
        NoAnswer::NoMatch => "no word of the question is one the FAQ knows".into(),
        NoAnswer::Unanswered { probability, best } => {
            format!("most likely a topic the FAQ does not answer ({probability:.2} ≥ {best:.2})")
        }
        NoAnswer::LowConfidence { confidence, min } => {
            format!("the best entry is too unlikely ({confidence:.2} < {min:.2})")
        }
    }
}

/// The reply to a question as JSON, with each hit's question and answer: the fields of the
/// widget's `ask` (`id`, `question`, `answer`, `category`, `score`, `status`, `terms`) and, for
/// editors, the words that matched and why there is no answer.
pub fn ask_json(faq: &Faq, r: &Reply) -> Value {
    let hits: Vec<Value> = r
        .hits()
        .iter()
        .filter_map(|h| {
            let e = faq.entries.get(h.index)?;
            Some(json!({
                "id": h.id, "question": e.question, "answer": e.answer, "category": e.category,
                "score": h.score, "status": r.status,
                "terms": h.matched.iter().map(|m| m.term.clone()).collect::<Vec<_>>(),
                "matched": h.matched,
            }))
        })
        .collect();
    json!({
        "status": r.status, "answers": hits,
        "candidates": r.candidates.iter().map(|h| json!({"id": h.id, "score": h.score})).collect::<Vec<_>>(),
        "unanswered": r.unanswered, "contact": r.contact, "reason": r.reason.map(explain_none),
        "reason_code": r.reason.map(|x| x.code()), "truncated": r.truncated, "unknown": r.unknown,
    })
}

/// A quality report as JSON: the metrics, per tag, and every wrong row.
pub fn eval_json(report: &Report) -> Value {
    let wrong: Vec<Value> = report
        .outcomes
        .iter()
        .filter(|o| !o.correct)
        .map(|o| {
            json!({"line": o.case.line, "query": o.case.query, "expected": o.case.expected,
                   "answered": o.answered, "closest": o.best_candidate})
        })
        .collect();
    json!({
        "rows": report.rows, "overall": report.overall, "in_scope_top1": report.in_scope_top1,
        "in_scope_top3": report.in_scope_top3, "oos_rejection": report.oos_rejection,
        "in_scope_rows": report.in_scope_rows, "oos_rows": report.oos_rows,
        "per_tag": report.per_tag.iter().map(|(k, t)| (k.clone(), json!({"rows": t.rows, "correct": t.correct, "rate": t.rate()}))).collect::<serde_json::Map<_, _>>(),
        "wrong": wrong,
    })
}
