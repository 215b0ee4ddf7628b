//! The `faq` command-line tool, run as the editors run it.

mod common;

use common::{faq, temp_file};
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_shipped_faq_with_its_warning() {
    let o = faq(&["validate"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("12 entries, 0 errors"), "{out}");
    assert!(
        out.contains("31701830"),
        "the one-digit-off PBX number is warned about: {out}"
    );
}

#[test]
fn validate_names_line_and_column_of_a_syntax_error() {
    let path = temp_file("syntax.json", b"{\n  \"entries\": [\n    { \"id\": \"a\", \"question\": \"q\" \"answer\": \"x\" }\n  ]\n}\n");
    let o = faq(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&path) && err.contains("line 3, column"),
        "{err}"
    );
}

#[test]
fn validate_names_entry_and_field_of_a_semantic_error() {
    let path = temp_file(
        "semantic.json",
        r#"{"entries": [
            {"id": "a", "question": "¿Uno?", "answer": "Una respuesta larga.", "phrasings": ["uno"]},
            {"id": "a", "question": "¿Dos?", "answer": "  ", "phrasings": ["dos"]}
        ]}"#
        .as_bytes(),
    );
    let o = faq(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("entry #2 \"a\" field \"id\": duplicate id"),
        "{out}"
    );
    assert!(
        out.contains("entry #2 \"a\" field \"answer\": the answer is empty"),
        "{out}"
    );
    assert!(out.contains("2 errors"), "{out}");
}

#[test]
fn validate_reports_invalid_utf8_with_its_place() {
    let path = temp_file(
        "latin1.json",
        b"{\"entries\": [{\"id\": \"a\", \"question\": \"\xbfD\xf3nde?\"}]}",
    );
    let o = faq(&["validate", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("line 1, column 39: not valid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_json_output_lists_findings() {
    let o = faq(&["validate", "faq.json", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("one JSON object");
    assert_eq!(v["ok"], true);
    assert_eq!(v["entries"], 12);
    assert!(v["warnings"].as_array().is_some_and(|w| !w.is_empty()));
}

#[test]
fn ask_answers_and_explains() {
    let o = faq(&["ask", "olvide la contrasena del wify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("1. wifi-clave"), "{out}");
    assert!(
        out.contains("synonym of"),
        "the explanation says how words matched: {out}"
    );
    let out = stdout(&faq(&["ask", "me olvide la clabe del wfi"]));
    assert!(out.contains("1. wifi-clave"), "{out}");
    assert!(
        out.contains("sounds like \"clav") && out.contains("typo for"),
        "{out}"
    );
}

#[test]
fn ask_json_has_answers_with_text_and_says_none_honestly() {
    let o = faq(&["ask", "a q cuenta deposito", "--json", "--top", "2"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["answers"][0]["id"], "pagos-formas");
    assert!(v["answers"][0]["answer"]
        .as_str()
        .is_some_and(|a| a.contains("2900691879")));
    assert!(v["answers"].as_array().is_some_and(|a| a.len() <= 2));
    let o = faq(&["ask", "jkjkjk", "--json"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert_eq!(v["status"], "none");
    assert_eq!(v["answers"].as_array().map(Vec::len), Some(0));
}

#[test]
fn eval_prints_metrics_per_tag_and_a_json_last_line() {
    let tsv = temp_file(
        "mini.tsv",
        "query\texpected\ttags\nolvide la clave del wifi\twifi-clave\tparaphrase\ncuanto cuesta el plan\tnone\toos\nxq no tengo internet\tsin-servicio|reportar-inconveniente\tcolloquial\n".as_bytes(),
    );
    let o = faq(&["eval", &tsv, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("per tag:") && out.contains("oos"), "{out}");
    let last = out.lines().last().unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(last).expect("last line is JSON");
    for key in [
        "rows",
        "overall",
        "in_scope_top1",
        "in_scope_top3",
        "oos_rejection",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["rows"], 3);
}

#[test]
fn eval_names_a_bad_tsv() {
    let tsv = temp_file("bad.tsv", b"hola\tnone\n");
    let o = faq(&["eval", &tsv]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
}

#[test]
fn wrong_usage_exits_2() {
    assert_eq!(faq(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(faq(&["ask", "x", "--top"]).status.code(), Some(2));
    assert_eq!(faq(&["ask", "x", "--top", "many"]).status.code(), Some(2));
}

#[test]
fn bench_prints_figures() {
    let o = faq(&["bench", "--rounds", "2"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("query p50") && out.contains("query p99"),
        "{out}"
    );
}

#[test]
fn a_closed_output_ends_the_tool_quietly() {
    // `faq eval … | head`: the reader goes away before the tool writes.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_faq"))
        .args(["eval", "tests/data/dev.tsv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the faq binary runs");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("it ends");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}
