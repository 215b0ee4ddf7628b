//! Fuzzes what a host page's FAQ file goes through: `parse_json`, then `validate`, then (when it
//! has no errors) `Engine::new` and a few questions. Parse errors must say where; a file that
//! parses must survive a serialise/parse round trip unchanged.
#![no_main]

use faq_widget::engine::{Engine, Status};
use faq_widget::faq::{parse_json, validate, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `faq validate` refuses invalid UTF-8 before parsing; the browser's JSON.parse never sees it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let faq = match parse_json(text) {
        Ok(f) => f,
        Err(e) => {
            assert!(e.starts_with("line "), "parse error without a place: {e}");
            return;
        }
    };
    let again = parse_json(&serde_json::to_string(&faq).expect("an Faq serialises"))
        .expect("round trip parses");
    assert_eq!(again, faq, "serialise/parse round trip changed the FAQ");

    let findings = validate(&faq);
    for f in &findings {
        assert!(
            !f.place.is_empty() && !f.message.is_empty(),
            "finding without place or message: {f:?}"
        );
    }
    if findings.iter().any(|f| f.severity == Severity::Error) {
        return;
    }
    // A valid FAQ always compiles, and its image reads back.
    let engine = Engine::new(&faq).expect("a valid FAQ compiles");
    assert_eq!(engine.entries(), faq.entries.len());
    let mut questions: Vec<&str> = faq
        .entries
        .iter()
        .take(8)
        .map(|e| e.question.as_str())
        .collect();
    questions.extend(["", "hola", "no tengo internet", "¿cómo pago?", "wifi clave"]);
    for q in questions {
        let r = engine.ask(q, 3);
        // No answer has no hits; an answer has some (a request for the contacts may have none:
        // in an FAQ of one entry, "¿cómo pago?" asks for a person more than for it).
        if r.status == Status::None {
            assert!(r.hits().is_empty());
        } else if r.status != Status::Contact {
            assert!(!r.hits().is_empty());
        }
        for h in &r.candidates {
            assert!(h.index < faq.entries.len() && faq.entries[h.index].id == h.id);
            assert!(h.score.is_finite() && (0.0..=1.0).contains(&h.score));
            let terms: Vec<String> = h.matched.iter().map(|m| m.term.clone()).collect();
            let answer = &faq.entries[h.index].answer;
            for (a, b) in engine.highlight(answer, &terms) {
                assert!(
                    a <= b
                        && b <= answer.len()
                        && answer.is_char_boundary(a)
                        && answer.is_char_boundary(b)
                );
            }
        }
    }
});
