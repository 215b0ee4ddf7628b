//! Fuzzes the query path over the real `faq.json`: `Engine::ask` on arbitrary text, then
//! `highlight` with the terms it matched, plus the text functions the query goes through.
//! Panics, and broken invariants (checked with `assert!`), are crashes.
#![no_main]

use faq_widget::engine::{Engine, Reply, Status, MAX_QUERY_BYTES, MAX_QUERY_WORDS};
use faq_widget::faq::{parse_json, Faq};
use faq_widget::text::{normalize, phonetic_key, stem, tokenize};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static FAQ_JSON: &str = include_str!("../../faq.json");

fn setup() -> &'static (Faq, Engine) {
    static CELL: OnceLock<(Faq, Engine)> = OnceLock::new();
    CELL.get_or_init(|| {
        let faq = parse_json(FAQ_JSON).expect("faq.json parses");
        let engine = Engine::new(&faq).expect("the shipped FAQ compiles");
        (faq, engine)
    })
}

fn check_range(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "range {start}..{end} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "range {start}..{end} splits a character"
    );
}

fn check_reply(faq: &Faq, q: &str, top: usize, r: &Reply) {
    // No answer has no hits and an answer has some; a request for the contacts may have none
    // (when the words that ask for a person are the only ones the FAQ knows).
    if r.status == Status::None {
        assert!(
            r.hits().is_empty(),
            "no answer with {} hits",
            r.hits().len()
        );
    } else if r.status != Status::Contact {
        assert!(!r.hits().is_empty(), "status {:?} without hits", r.status);
    }
    assert_eq!(r.status == Status::None, r.reason.is_some());
    assert!(r.hits().len() <= top.max(1) && r.candidates.len() <= top.max(1));
    assert_eq!(r.truncated, q.len() > MAX_QUERY_BYTES);
    assert!((0.0..=1.0).contains(&r.unanswered) && (0.0..=1.0).contains(&r.contact));
    for list in [r.hits(), &r.candidates[..]] {
        for w in list.windows(2) {
            assert!(w[0].score >= w[1].score, "hits not sorted best first");
        }
        for h in list {
            assert!(
                h.score.is_finite() && (0.0..=1.0).contains(&h.score),
                "score {}",
                h.score
            );
            assert_eq!(faq.entries[h.index].id, h.id);
            for m in &h.matched {
                check_range(q, m.start, m.end);
                assert!(m.end <= MAX_QUERY_BYTES);
                assert_eq!(&q[m.start..m.end], m.text);
                assert!(m.contribution.is_finite() && m.contribution > 0.0);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (faq, engine) = setup();
    let lossy;
    let q: &str = match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(_) => {
            lossy = String::from_utf8_lossy(data);
            &lossy
        }
    };
    let top = 1 + data.len() % 5;

    // Text analysis: offsets inside the input, on character boundaries; output bounded.
    let tokens = tokenize(q, MAX_QUERY_WORDS);
    assert!(tokens.len() <= MAX_QUERY_WORDS);
    for t in &tokens {
        check_range(q, t.start, t.end);
        assert!(!t.text.is_empty() && t.text.is_ascii());
        let s = stem(&t.text);
        assert!(s.len() <= t.text.len() && s.is_ascii());
        assert!(phonetic_key(&t.text).is_ascii());
    }
    if q.len() <= 4096 {
        assert!(normalize(q).is_ascii());
    }

    // The query path, twice: the same question must get the same reply.
    let r = engine.ask(q, top);
    check_reply(faq, q, top, &r);
    assert_eq!(r, engine.ask(q, top), "reply not deterministic");
    // Nothing past the cap is read: the reply is the reply to the first MAX_QUERY_BYTES.
    if r.truncated {
        let mut cut = MAX_QUERY_BYTES;
        while !q.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = engine.ask(&q[..cut], top);
        assert!(!head.truncated);
        assert_eq!(
            Reply {
                truncated: true,
                ..head
            },
            r,
            "text past the query cap changed the reply"
        );
    }

    // Highlighting the answers (and the query itself) with the matched terms.
    let mut terms: Vec<String> = r
        .candidates
        .iter()
        .flat_map(|h| h.matched.iter().map(|m| m.term.clone()))
        .collect();
    terms.push(normalize(&q.chars().take(16).collect::<String>()));
    for h in &r.candidates {
        let answer = &faq.entries[h.index].answer;
        for (a, b) in engine.highlight(answer, &terms) {
            check_range(answer, a, b);
        }
    }
    let marks = engine.highlight(q, &terms);
    for w in marks.windows(2) {
        assert!(w[0] < w[1], "highlight ranges not sorted and unique");
    }
    for (a, b) in marks {
        check_range(q, a, b);
    }
});
