//! Hostile data and hostile questions, run through the `faq` binary as editors run it.
//!
//! Every bad file in `tests/hostile/` must be refused (exit 1) with a message that names the
//! problem: line and column for syntax, entry and field for what the file says. Files with
//! script or HTML in their texts are fine: text is text, and the engine answers with it
//! unchanged. Big and deep files are generated here rather than committed.

use faq_widget::engine::{Engine, Status, MAX_QUERY_BYTES};
use faq_widget::faq::rules::{MAX_ENTRIES, MAX_FIELD_CHARS};
use faq_widget::faq::{parse_json, validate as validate_faq, Severity};
use std::path::PathBuf;
mod common;

use common::{faq, temp_file};
use std::process::Output;

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn hostile(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "hostile", name]
        .iter()
        .collect();
    assert!(p.exists(), "{} is committed", p.display());
    p.to_string_lossy().into_owned()
}

/// `faq validate FILE` must exit 1 (not crash: a signal has no exit code) and say each of
/// `expected`; no terminal control characters from the file may reach the terminal.
fn refused(path: &str, expected: &[&str]) -> String {
    let o = faq(&["validate", path]);
    let out = text(&o);
    assert_eq!(o.status.code(), Some(1), "{path} must be refused:\n{out}");
    for e in expected {
        assert!(
            out.contains(e),
            "{path}: the message should say {e:?}:\n{out}"
        );
    }
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "{path}: control characters from the file reach the terminal:\n{out:?}"
    );
    out
}

fn entry_json(i: usize) -> String {
    format!(
        r#"{{"id": "e{i}", "question": "¿Pregunta {i} sobre el router número {i}?", "answer": "Una respuesta suficientemente larga, caso {i}.", "phrasings": ["otra forma de preguntar {i}"]}}"#
    )
}

fn faq_with_entries(n: usize) -> String {
    let entries: Vec<String> = (0..n).map(entry_json).collect();
    format!("{{\"entries\": [\n{}\n]}}\n", entries.join(",\n"))
}

#[test]
fn syntax_errors_name_line_and_column() {
    refused(
        &hostile("syntax-error.json"),
        &["line 3, column 44", "expected `,` or `}`"],
    );
    refused(
        &hostile("trailing-garbage.json"),
        &["line 2, column 1", "trailing characters"],
    );
    refused(
        &hostile("comment.json"),
        &["line 2, column 3", "key must be a string"],
    );
    refused(
        &hostile("number-overflow.json"),
        &["line 1", "number out of range"],
    );
    refused(&hostile("lone-surrogate-escape.json"), &["line 1, column"]);
    refused(&hostile("empty.json"), &["line 1, column 1", "empty"]);
    refused(&hostile("whitespace-only.json"), &["empty"]);
    refused(
        &hostile("top-level-array.json"),
        &["line 1, column 1", "JSON object"],
    );
}

#[test]
fn the_place_is_said_once() {
    // serde_json's own "at line L column C" is not repeated after "line L, column C:".
    let out = refused(&hostile("syntax-error.json"), &["line 3, column 44"]);
    assert!(!out.contains("at line 3 column 44"), "{out}");
}

#[test]
fn encoding_problems_name_the_byte() {
    refused(
        &hostile("invalid-utf8-latin1.json"),
        &["line 3, column 31", "not valid UTF-8"],
    );
    refused(
        &hostile("utf16-le-bom.json"),
        &["line 1, column 1", "not valid UTF-8", "UTF-16"],
    );
    // A UTF-8 byte order mark is fine.
    let o = faq(&["validate", &hostile("utf8-bom.json")]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn wrong_types_and_fields_name_the_entry_and_field() {
    refused(
        &hostile("wrong-type-id.json"),
        &[
            "line 3, column 14",
            "entry #1 field \"id\"",
            "expected a string",
        ],
    );
    refused(
        &hostile("wrong-type-phrasings.json"),
        &[
            "line 3",
            "entry #1 \"a\" field \"phrasings\"",
            "expected a sequence",
        ],
    );
    refused(
        &hostile("missing-answer.json"),
        &["line 3", "entry #1 \"a\"", "missing field `answer`"],
    );
    refused(
        &hostile("unknown-field.json"),
        &[
            "line 3",
            "entry #1 \"a\" field \"answr\"",
            "unknown field `answr`",
        ],
    );
    refused(
        &hostile("unknown-top-level-field.json"),
        &["line 2", "unknown field `onload`"],
    );
    refused(
        &hostile("missing-entries.json"),
        &["line 1", "missing field `entries`"],
    );
    refused(
        &hostile("entries-not-a-list.json"),
        &["line 1", "field \"entries\"", "expected a sequence"],
    );
    refused(
        &hostile("duplicate-key.json"),
        &["line 1", "duplicate field `id`"],
    );
}

#[test]
fn semantic_errors_name_the_entry_and_field() {
    refused(
        &hostile("duplicate-ids.json"),
        &["entry #3 \"e1\" field \"id\"", "duplicate id: entry #1"],
    );
    refused(
        &hostile("bad-id.json"),
        &["entry #2 \"Wifi Clave\" field \"id\"", "lower-case"],
    );
    refused(
        &hostile("empty-answer.json"),
        &["entry #2 \"e2\" field \"answer\"", "empty"],
    );
    refused(
        &hostile("unknown-category.json"),
        &[
            "entry #1 \"e1\" field \"category\"",
            "unknown category \"ventas\"",
        ],
    );
    refused(
        &hostile("nul-in-question.json"),
        &["entry #1 \"e1\" field \"question\"", "NUL"],
    );
    refused(&hostile("no-entries.json"), &["entries", "no entries"]);
    refused(
        &hostile("version-2.json"),
        &["version", "version 2 is not supported"],
    );
    // The id is shown escaped: no escape sequence from the file reaches the terminal.
    refused(
        &hostile("id-with-control-characters.json"),
        &["entry #1 \"\\u{1b}[2J", "field \"id\""],
    );
}

#[test]
fn links_and_contacts_must_be_what_they_say() {
    for f in [
        "map-javascript.json",
        "map-javascript-mixed-case.json",
        "map-data-url.json",
        "map-http.json",
        "map-with-markup.json",
    ] {
        refused(
            &hostile(f),
            &["contact.address.map", "must be a plain https:// address"],
        );
    }
    refused(
        &hostile("bad-email.json"),
        &["contact.email[0].address", "is not an e-mail address"],
    );
    refused(
        &hostile("email-with-mailto-parameters.json"),
        &["contact.email[0].address", "is not an e-mail address"],
    );
    refused(
        &hostile("bad-whatsapp.json"),
        &["contact.whatsapp[0].number", "is not a phone number"],
    );
    refused(
        &hostile("bad-pbx-tel.json"),
        &["contact.pbx.tel", "is not a phone number"],
    );
}

#[test]
fn script_in_every_text_field_is_text_and_the_engine_answers_with_it() {
    let path = hostile("payloads-everywhere.json");
    let o = faq(&["validate", &path]);
    assert!(
        o.status.success(),
        "payloads in text are text, not errors:\n{}",
        text(&o)
    );
    let o = faq(&[
        "ask",
        "¿cómo cambio la clave del wifi?",
        "--faq",
        &path,
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let reply: serde_json::Value =
        serde_json::from_slice(&o.stdout).expect("ask --json prints JSON");
    assert_eq!(reply["answers"][0]["id"], "e1", "{reply}");
    let answer = reply["answers"][0]["answer"]
        .as_str()
        .expect("the answer's text");
    assert!(
        answer.contains("<script>alert(1)</script>") && answer.contains("onerror=\"alert(2)\""),
        "the text comes back exactly as written, for the widget to show as text: {answer}"
    );
    // A question made of the payload gets a reply like any other.
    let o = faq(&["ask", "<script>alert(1)</script>", "--faq", &path, "--json"]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn oversized_fields_are_refused_naming_field_and_size() {
    // Counted in characters: as many two-byte letters pass, one more does not.
    let fits = "ñ".repeat(MAX_FIELD_CHARS);
    let e =
        format!(r#"{{"entries": [{{"id": "a", "question": "¿Pregunta?", "answer": "{fits}"}}]}}"#);
    let o = faq(&["validate", &temp_file("full-answer.json", e.as_bytes())]);
    assert!(o.status.success(), "{}", text(&o));
    let big = "ñ".repeat(MAX_FIELD_CHARS + 1);
    let e =
        format!(r#"{{"entries": [{{"id": "a", "question": "¿Pregunta?", "answer": "{big}"}}]}}"#);
    let out = refused(
        &temp_file("big-answer.json", e.as_bytes()),
        &["entry #1 \"a\" field \"answer\""],
    );
    assert!(
        out.contains(&format!(
            "{} characters is longer than the {MAX_FIELD_CHARS} allowed",
            MAX_FIELD_CHARS + 1
        )),
        "{out}"
    );
    // Five megabytes in a field outside the entries.
    let huge = "x".repeat(5 << 20);
    let e = format!(
        r#"{{"contact": {{"intro": "{huge}"}}, "entries": [{{"id": "a", "question": "¿Pregunta?", "answer": "Una respuesta larga."}}]}}"#
    );
    refused(
        &temp_file("huge-intro.json", e.as_bytes()),
        &["contact.intro", "characters is longer than"],
    );
    let e = format!(
        r#"{{"synonyms": [["clave", "{huge}"]], "entries": [{}]}}"#,
        entry_json(1)
    );
    refused(
        &temp_file("huge-synonym.json", e.as_bytes()),
        &["synonyms[0][1]", "characters is longer than"],
    );
    // A huge id is refused, and not printed in full.
    let e = format!(
        r#"{{"entries": [{{"id": "{huge}", "question": "¿Pregunta?", "answer": "Una respuesta larga."}}]}}"#
    );
    let out = refused(
        &temp_file("huge-id.json", e.as_bytes()),
        &["entry #1", "field \"id\""],
    );
    assert!(
        out.len() < 10_000,
        "a 5 MB id is shortened in messages ({} bytes printed)",
        out.len()
    );
}

#[test]
fn ten_thousand_entries_validate_and_answer() {
    let path = temp_file("10k.json", faq_with_entries(10_000).as_bytes());
    let o = faq(&["validate", &path]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("10000 entries, 0 errors"), "{}", text(&o));
    let o = faq(&[
        "ask",
        "¿Pregunta 4321 sobre el router número 4321?",
        "--faq",
        &path,
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let reply: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    // Ten thousand entries that differ only by a number: the number finds its entry first
    // (whether that is sure enough to answer is the model's call).
    assert_eq!(reply["candidates"][0]["id"], "e4321", "{reply}");
}

#[test]
fn more_entries_than_the_cap_are_refused() {
    let path = temp_file(
        "too-many.json",
        faq_with_entries(MAX_ENTRIES + 1).as_bytes(),
    );
    refused(
        &path,
        &[
            "entries",
            &format!("{} entries is more than the {MAX_ENTRIES}", MAX_ENTRIES + 1),
        ],
    );
}

#[test]
fn one_digit_off_numbers_are_found_among_ten_thousand() {
    // Each answer has its own phone-like number (the check used to compare every number with
    // every other one: 10,000 of them took 13 s in a release build). 3000007 is used twice, so
    // 3000000, one digit away and used once, is a likely typo.
    let entries: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                r#"{{"id": "e{i}", "question": "¿Pregunta {i}?", "answer": "Llame al {} para el caso {i}, gracias.", "phrasings": ["forma {i}"]}}"#,
                3_000_000 + i * 7
            )
        })
        .collect();
    let doc = format!("{{\"entries\": [{}]}}", entries.join(",")).replacen(
        "para el caso 2,",
        "para el caso 2 o al 3000007,",
        1,
    );
    let faq = parse_json(&doc).expect("parses");
    let found = validate_faq(&faq);
    assert!(
        found.iter().all(|f| f.severity != Severity::Error),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.place.contains("entry #1 \"e0\"")
            && f.message
                .contains("the number 3000000 differs by one digit from 3000007")),
        "{:?}",
        found
            .iter()
            .filter(|f| f.message.contains("differs"))
            .take(5)
            .collect::<Vec<_>>()
    );
}

#[test]
fn deep_nesting_is_refused_without_a_crash() {
    // serde_json stops at 128 levels; the typed parse refuses even sooner. 100,000 levels
    // would overflow the stack of a naive recursive parser.
    let depth = 100_000;
    for (name, open, close) in [
        ("deep-arrays.json", "[", "]"),
        ("deep-objects.json", "{\"a\":", "}"),
    ] {
        let body = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        for (kind, doc) in [
            (
                "answer",
                format!(
                    "{{\"entries\": [{{\"id\": \"a\", \"question\": \"q\", \"answer\": {body}}}]}}"
                ),
            ),
            (
                "synonyms",
                format!("{{\"synonyms\": [{body}], \"entries\": []}}"),
            ),
            ("top", body.clone()),
        ] {
            refused(
                &temp_file(&format!("{kind}-{name}"), doc.as_bytes()),
                &["line 1, column"],
            );
        }
        // The untyped parse (used to name the entry and field of an error) has the limit too.
        let e = serde_json::from_str::<serde_json::Value>(&body).expect_err("too deep");
        assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
    }
}

#[test]
fn hostile_questions_get_a_reply_and_the_cap_is_said() {
    for q in [
        "\u{202E}ifiw al ed evalc\u{202C}",
        "cl\u{200D}a\u{200D}ve del w\u{200B}ifi",
        "c\u{0301}\u{0302}\u{0303}la\u{0301}ve\u{0300} del wifi",
        "\u{FEFF}\u{2066}\u{2067}\u{2068}\u{2069}",
        "👨‍👩‍👧‍👦🇪🇨🏳️‍🌈",
        "Ｗｉｆｉ ｃｌａｖｅ",
        "<script>alert(1)</script>",
        "'; DROP TABLE entries; --",
        "%s%n%x{0}${jndi:ldap://x}",
    ] {
        let o = faq(&["ask", q, "--json"]);
        assert!(o.status.success(), "{q:?}: {}", text(&o));
        let reply: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert!(
            ["answer", "ambiguous", "none"].contains(&reply["status"].as_str().unwrap_or("")),
            "{reply}"
        );
        assert_eq!(reply["truncated"], false);
    }
    // 100 KB of emoji (the most a single argument may hold is 128 KiB).
    let q = "😡".repeat(25_600);
    let o = faq(&["ask", &q, "--json"]);
    assert!(o.status.success(), "{}", text(&o));
    let reply: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(reply["truncated"], true);
    assert_eq!(reply["status"], "none");
    let o = faq(&["ask", &q]);
    assert!(
        text(&o).contains(&format!("only the first {MAX_QUERY_BYTES} bytes were read")),
        "{}",
        text(&o)
    );
}

#[test]
fn nul_and_other_odd_text_through_the_library() {
    // NUL cannot be passed on a command line; the widget can send it.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json");
    let faq = parse_json(&std::fs::read_to_string(path).expect("faq.json")).expect("parses");
    let engine = Engine::new(&faq).expect("the shipped FAQ compiles");
    let first = &faq.entries[0];
    for q in [
        "\0".repeat(MAX_QUERY_BYTES * 10),
        format!("{}\0", first.question),
        format!("\0{}\0\u{7f}\u{1b}[31m", first.question),
        "\u{10FFFF}\u{FFFE}\u{FFFF}".repeat(100),
        "\u{0301}".repeat(50_000),
    ] {
        let r = engine.ask(&q, 3);
        assert_eq!(r.status == Status::None, r.hits().is_empty());
        assert_eq!(r.truncated, q.len() > MAX_QUERY_BYTES);
    }
    let r = engine.ask(&format!("\0{}\0", first.question), 3);
    assert_eq!(
        r.hits().first().map(|h| h.id.as_str()),
        Some(first.id.as_str()),
        "NUL separates words: {r:?}"
    );
}
