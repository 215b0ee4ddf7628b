//! Measuring answer quality on a labelled set of questions (`dev.tsv`), with the metrics of
//! `tests/data/README.md`.

use crate::engine::{Engine, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// One labelled question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    /// Line number in the file (1-based).
    pub line: usize,
    /// What the customer typed.
    pub query: String,
    /// Acceptable entry ids ([`CONTACT`] for the contact options); empty means the FAQ does not
    /// answer it.
    pub expected: Vec<String>,
    /// Tags such as `typo` or `oos`.
    pub tags: Vec<String>,
}

/// The label of a question that asks for the contact options (a phone number, WhatsApp, an
/// e-mail, the address, a person): the name of the engine's status that lists them first, before
/// any entry, and right only when that is the status.
pub const CONTACT: &str = Status::Contact.code();

/// Reads a TSV file with the header `query<TAB>expected<TAB>tags`.
pub fn parse_tsv(text: &str) -> Result<Vec<Case>, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or("");
    let cols: Vec<&str> = header.split('\t').map(str::trim).collect();
    let pos = |name: &str| cols.iter().position(|c| *c == name);
    let (Some(q), Some(x)) = (pos("query"), pos("expected")) else {
        return Err(format!(
            "line 1: the header must name the columns query and expected (found {header:?})"
        ));
    };
    let t = pos("tags");
    let mut out = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |k: usize| f.get(k).copied().unwrap_or("").trim();
        if get(x).is_empty() {
            return Err(format!("line {}: no expected id", i + 1));
        }
        let expected = if get(x) == "none" {
            vec![]
        } else {
            get(x).split('|').map(|s| s.trim().to_string()).collect()
        };
        let tags = t.map(|k| {
            get(k)
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| s.trim().to_string())
                .collect()
        });
        out.push(Case {
            line: i + 1,
            query: get(q).to_string(),
            expected,
            tags: tags.unwrap_or_default(),
        });
    }
    Ok(out)
}

/// What the engine answered for one case.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The case.
    pub case: Case,
    /// Ids answered, best first (empty: no answer).
    pub answered: Vec<String>,
    /// Best candidate even when not answered.
    pub best_candidate: Option<String>,
    /// Right by the top-1 rule (or rejected when out of scope).
    pub correct: bool,
    /// Right within the first three answers.
    pub top3: bool,
}

/// Counts for one group of cases.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    /// Cases.
    pub rows: usize,
    /// Right by the rules.
    pub correct: usize,
}

impl Tally {
    /// Share of right cases (1.0 when empty).
    pub fn rate(&self) -> f64 {
        if self.rows == 0 {
            1.0
        } else {
            self.correct as f64 / self.rows as f64
        }
    }
}

/// The metrics of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Number of cases.
    pub rows: usize,
    /// Share of all cases right.
    pub overall: f64,
    /// In-scope: first answer is an expected id.
    pub in_scope_top1: f64,
    /// In-scope: an expected id among the first three.
    pub in_scope_top3: f64,
    /// Out-of-scope: answered with "no answer".
    pub oos_rejection: f64,
    /// In-scope cases.
    pub in_scope_rows: usize,
    /// Out-of-scope cases.
    pub oos_rows: usize,
    /// Per tag: cases and right ones.
    pub per_tag: BTreeMap<String, Tally>,
    /// Every case with what was answered.
    pub outcomes: Vec<Outcome>,
}

/// Runs every case through the engine and counts.
pub fn evaluate(engine: &Engine, cases: &[Case]) -> Report {
    let mut outcomes = Vec::new();
    let (mut ins, mut ins1, mut ins3, mut oos, mut oos_ok) = (0, 0, 0, 0, 0);
    let mut per_tag: BTreeMap<String, Tally> = BTreeMap::new();
    for c in cases {
        let r = engine.ask(&c.query, 3);
        let answered: Vec<String> = match r.status {
            Status::None => vec![],
            // The contact options come first, then the entries as related questions.
            Status::Contact => std::iter::once(CONTACT.to_string())
                .chain(r.hits().iter().map(|h| h.id.clone()))
                .collect(),
            _ => r.hits().iter().map(|h| h.id.clone()).collect(),
        };
        let (correct, top3) = if c.expected.is_empty() {
            oos += 1;
            let ok = answered.is_empty();
            oos_ok += ok as usize;
            (ok, ok)
        } else {
            ins += 1;
            let t1 = answered.first().is_some_and(|a| c.expected.contains(a));
            let t3 = answered.iter().take(3).any(|a| c.expected.contains(a));
            ins1 += t1 as usize;
            ins3 += t3 as usize;
            (t1, t3)
        };
        for tag in &c.tags {
            let t = per_tag.entry(tag.clone()).or_default();
            t.rows += 1;
            t.correct += correct as usize;
        }
        outcomes.push(Outcome {
            case: c.clone(),
            answered,
            best_candidate: r.candidates.first().map(|h| h.id.clone()),
            correct,
            top3,
        });
    }
    let rate = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Report {
        rows: cases.len(),
        overall: rate(ins1 + oos_ok, cases.len()),
        in_scope_top1: rate(ins1, ins),
        in_scope_top3: rate(ins3, ins),
        oos_rejection: rate(oos_ok, oos),
        in_scope_rows: ins,
        oos_rows: oos,
        per_tag,
        outcomes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tsv_with_alternatives_and_none() {
        let cases =
            parse_tsv("query\texpected\ttags\nhola\tnone\toos\nwifi\ta|b\tkeyword,typo\n").unwrap();
        assert_eq!(cases.len(), 2);
        assert!(cases[0].expected.is_empty());
        assert_eq!(cases[1].expected, ["a", "b"]);
        assert_eq!(cases[1].tags, ["keyword", "typo"]);
        assert_eq!(cases[1].line, 3);
    }

    #[test]
    fn rejects_a_file_without_header() {
        assert!(parse_tsv("hola\tnone\n").unwrap_err().contains("line 1"));
        assert!(parse_tsv("query\texpected\nhola\t\n")
            .unwrap_err()
            .contains("line 2"));
    }
}
