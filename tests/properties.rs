//! Property tests (proptest) for text analysis and the engine's replies: no panics, offsets
//! that point into the input, deterministic replies, scores in range, and bounded work for
//! inputs up to 100 KB, shown structurally (nothing past the caps is read), never by timing.
//!
//! Case counts are kept modest so that `cargo test` stays fast; `PROPTEST_CASES=5000 cargo
//! test --test properties` runs more.

use faq_widget::engine::{Engine, Reply, Status, MAX_QUERY_BYTES, MAX_QUERY_WORDS};
use faq_widget::faq::{parse_json, Faq};
use faq_widget::text::{normalize, phonetic_key, stem, tokenize};
use proptest::prelude::*;
use std::sync::OnceLock;

fn shipped() -> &'static (Faq, Engine) {
    static CELL: OnceLock<(Faq, Engine)> = OnceLock::new();
    CELL.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json");
        let text = std::fs::read_to_string(path).expect("faq.json at the crate root");
        let faq = parse_json(&text).expect("faq.json parses");
        let engine = Engine::new(&faq).expect("the shipped FAQ compiles");
        (faq, engine)
    })
}

/// Pieces customers type, and pieces that are hard on text code: bidi overrides, joiners,
/// combining marks, emoji sequences, full-width letters, NUL, other scripts.
const PIECES: &[&str] = &[
    "wifi",
    "Wi-Fi",
    "clave",
    "contraseña",
    "pago",
    "factura",
    "internet",
    "no",
    "tengo",
    "¿Dónde",
    "cómo",
    "oficina",
    "xq",
    "ntp",
    "porfa",
    "plan",
    "precio",
    "técnico",
    "instalación",
    "Loja",
    "whatsapp",
    "hola",
    "holaaaa",
    "e.mail",
    "don't",
    "3701830",
    "\u{202E}",
    "\u{202C}",
    "\u{2066}",
    "\u{200D}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00AD}",
    "e\u{0301}",
    "n\u{0303}",
    "a\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}",
    "\0",
    "😡",
    "👨\u{200D}👩\u{200D}👧",
    "\u{1F1EA}\u{1F1E8}",
    "Ｗｉｆｉ",
    "ﬁ",
    "İ",
    "ß",
    "مرحبا",
    "שלום",
    "网络",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\r\n",
    "\t",
    " ",
    "-",
    "'",
    ".",
    "?",
    "!!!",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zñáéíóú]{1,12}",
    ]
}

/// Queries made of pieces, separated or not.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec((piece(), prop::sample::select(&[" ", "", "  ", "\n"][..])), 0..40)
            .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect::<String>()),
        1 => any::<String>(),
    ]
}

fn check_range(text: &str, start: usize, end: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= text.len(),
        "{start}..{end} outside {} bytes",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{start}..{end} splits a character of {text:?}"
    );
    Ok(())
}

fn check_reply(faq: &Faq, q: &str, top: usize, r: &Reply) -> Result<(), TestCaseError> {
    // No answer has no hits; an answer has some (a request for the contacts may have none).
    if r.status == Status::None {
        prop_assert!(r.hits().is_empty(), "no answer with hits");
    } else if r.status != Status::Contact {
        prop_assert!(!r.hits().is_empty(), "status {:?} without hits", r.status);
    }
    prop_assert_eq!(r.status == Status::None, r.reason.is_some());
    prop_assert_eq!(r.truncated, q.len() > MAX_QUERY_BYTES);
    prop_assert!(r.hits().len() <= top.max(1) && r.candidates.len() <= top.max(1));
    prop_assert!((0.0..=1.0).contains(&r.unanswered) && (0.0..=1.0).contains(&r.contact));
    for list in [r.hits(), &r.candidates[..]] {
        for w in list.windows(2) {
            prop_assert!(
                w[0].score >= w[1].score,
                "not best first: {} then {}",
                w[0].score,
                w[1].score
            );
        }
        for h in list {
            prop_assert!(
                (0.0..=1.0).contains(&h.score),
                "score {} out of [0,1]",
                h.score
            );
            prop_assert_eq!(&faq.entries[h.index].id, &h.id);
            for m in &h.matched {
                check_range(q, m.start, m.end)?;
                prop_assert!(m.end <= MAX_QUERY_BYTES, "matched text past the query cap");
                prop_assert_eq!(&q[m.start..m.end], m.text.as_str());
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_ascii_words_at_char_boundaries_in_order(q in query(), max in 1usize..80) {
        let tokens = tokenize(&q, max);
        prop_assert!(tokens.len() <= max);
        let mut after = 0;
        for t in &tokens {
            check_range(&q, t.start, t.end)?;
            prop_assert!(t.start >= after, "tokens overlap or go backwards");
            after = t.end;
            prop_assert!(!t.text.is_empty());
            prop_assert!(t.text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?}", t.text);
        }
        let n = normalize(&q);
        prop_assert!(n.is_ascii() && !n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
        // Normalising is idempotent: normalised text normalises to itself.
        prop_assert_eq!(normalize(&n), n);
    }

    #[test]
    fn stems_and_keys_never_grow_and_stay_ascii(w in "[a-z0-9]{0,24}", any_text in any::<String>()) {
        let s = stem(&w);
        prop_assert!(s.len() <= w.len() && s.is_ascii());
        prop_assert!(stem(&s).len() <= s.len());
        prop_assert!(phonetic_key(&w).len() <= w.len() && phonetic_key(&w).is_ascii());
        // Any text at all (the engine only passes folded words, but nothing may panic).
        prop_assert!(stem(&any_text).len() <= any_text.len());
        let _ = phonetic_key(&any_text);
    }

    #[test]
    fn ask_is_total_deterministic_and_well_formed(q in query(), top in 0usize..8) {
        let (faq, engine) = shipped();
        let r = engine.ask(&q, top);
        check_reply(faq, &q, top, &r)?;
        prop_assert_eq!(&r, &engine.ask(&q, top), "same question, different reply");
        // Highlighting the answers with the matched terms gives ranges inside the answer.
        for h in &r.candidates {
            let terms: Vec<String> = h.matched.iter().map(|m| m.term.clone()).collect();
            let answer = &faq.entries[h.index].answer;
            let marks = engine.highlight(answer, &terms);
            for w in marks.windows(2) {
                prop_assert!(w[0] < w[1]);
            }
            for (a, b) in marks {
                check_range(answer, a, b)?;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn words_past_the_word_cap_are_not_read(words in prop::collection::vec("[a-z]{1,5}|wifi|clave|pago|factura", MAX_QUERY_WORDS + 1..MAX_QUERY_WORDS + 60)) {
        let (_, engine) = shipped();
        let q = words.join(" ");
        prop_assume!(q.len() <= MAX_QUERY_BYTES);
        let tokens = tokenize(&q, MAX_QUERY_WORDS + 1);
        prop_assert_eq!(tokens.len(), MAX_QUERY_WORDS + 1);
        let head = &q[..tokens[MAX_QUERY_WORDS - 1].end];
        prop_assert_eq!(engine.ask(&q, 3), engine.ask(head, 3));
    }

    /// Up to 100 KB: the reply is the reply to the first MAX_QUERY_BYTES (cut at a character
    /// boundary), marked truncated. So the work per question is bounded by the cap, whatever
    /// the input's size; `faq bench` and the browser soak measure the time itself. Words that
    /// the FAQ knows stand right around the cap, so that reading past it changes the reply.
    #[test]
    fn long_inputs_are_cut_at_the_query_cap(
        unit in query(),
        pad in prop::sample::select(&["😡", " ", "\u{0301}", "\u{202E}", "- ", "\0"][..]),
        at in MAX_QUERY_BYTES - 40..MAX_QUERY_BYTES + 40,
        tail in query(),
        kb in 1usize..=100,
    ) {
        let (faq, engine) = shipped();
        let mut q = unit;
        while q.len() < at {
            q.push_str(pad);
        }
        q.push_str(" clave del wifi factura pago oficina internet lento ");
        q.push_str(&tail);
        while q.len() < kb * 1024 {
            q.push_str(pad);
            q.push_str(&tail);
        }
        let r = engine.ask(&q, 3);
        check_reply(faq, &q, 3, &r)?;
        prop_assert!(r.truncated);
        let mut cut = MAX_QUERY_BYTES;
        while !q.is_char_boundary(cut) {
            cut -= 1;
        }
        prop_assert!(cut + 4 > MAX_QUERY_BYTES);
        let head = engine.ask(&q[..cut], 3);
        prop_assert!(!head.truncated);
        prop_assert_eq!(Reply { truncated: true, ..head }, r);
    }
}

/// A question that starts at the cap is not read at all.
#[test]
fn a_question_past_the_cap_is_not_read() {
    let (faq, engine) = shipped();
    let question = &faq.entries[0].question;
    assert!(
        !engine.ask(question, 3).hits().is_empty(),
        "the question alone is answered"
    );
    for pad in [" ", "😡", "\u{0301}"] {
        let mut q = String::new();
        while q.len() < MAX_QUERY_BYTES {
            q.push_str(pad);
        }
        q.push_str(question);
        let r = engine.ask(&q, 3);
        assert!(r.truncated);
        assert_eq!(r.status, Status::None, "{pad:?}: {r:?}");
        assert!(
            r.candidates.is_empty() && r.unknown.is_empty(),
            "{pad:?}: {r:?}"
        );
    }
}

#[test]
fn one_hundred_kilobytes_of_emoji_is_cut_and_answered() {
    let (faq, engine) = shipped();
    let q = "😡".repeat(25_600);
    assert_eq!(q.len(), 102_400);
    let r = engine.ask(&q, 3);
    assert!(r.truncated);
    assert_eq!(r.status, Status::None);
    assert!(r.hits().is_empty() && r.candidates.is_empty());
    // A real question followed by 100 KB of noise still gets its answer.
    let question = &faq.entries[0].question;
    let noisy = format!("{question} {}", "x".repeat(100 * 1024));
    let r = engine.ask(&noisy, 3);
    assert!(r.truncated);
    assert_eq!(
        r.hits().first().map(|h| h.id.as_str()),
        Some(faq.entries[0].id.as_str()),
        "{r:?}"
    );
}
