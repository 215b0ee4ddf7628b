//! The WebAssembly bindings (src/wasm.rs) exactly as JavaScript sees them, in headless Chromium:
//! `make test-wasm` runs them with `wasm-bindgen-test-runner` (Debian's chromium-driver), from
//! this directory (the runner reads webdriver.json here: headless, no sandbox as root).
//!
//! The bindings module is private to the crate, so the tests do not call it from Rust: they take
//! the exported `FaqEngine` class from the test's own wasm-bindgen glue
//! module (the runner serves it as `/wasm-bindgen-test.js`) and drive them through JS values, which
//! also checks the shapes that embedders get (plain objects, arrays, UTF-16 offsets).
#![cfg(all(test, target_arch = "wasm32"))]

// Links the crate, and with it its wasm-bindgen exports, into the test module.
extern crate faq_widget;

use js_sys::{Array, Function, Reflect, Uint32Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// The runner's page holds its own, initialised instance of the glue; the instance that this
// import gets is initialised here from the same compiled module (a second instance of it).
#[wasm_bindgen(inline_js = "import * as g from '/wasm-bindgen-test.js';
let ready = false;
export function glueWith(module) { if (!ready) { g.initSync({ module }); ready = true; } return g; }
export function slice(s, a, b) { return s.slice(a, b); }
export function isPlainObject(v) { return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype; }
export function utf16Length(s) { return s.length; }
export function fromBase64(b) { const s = atob(b); const o = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) o[i] = s.charCodeAt(i); return o; }")]
extern "C" {
    #[wasm_bindgen(js_name = glueWith)]
    fn glue_with(module: JsValue) -> JsValue;
    fn slice(s: &str, a: u32, b: u32) -> String;
    #[wasm_bindgen(js_name = isPlainObject)]
    fn is_plain_object(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = utf16Length)]
    fn utf16_length(s: &str) -> u32;
    #[wasm_bindgen(js_name = fromBase64)]
    fn from_base64(b: &str) -> JsValue;
}

/// The glue module: `FaqEngine` as an embedder imports it.
fn glue() -> JsValue {
    glue_with(wasm_bindgen::module())
}

// The compiled FAQ `make dist` writes (test-wasm runs after dist): its texts and its index.
const PACK_JSON: &str = include_str!("../../dist/faq.pack");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or_else(|_| panic!("no {key}"))
}

/// The FAQ's texts (the pack's display).
fn faq() -> JsValue {
    get(&JSON::parse(PACK_JSON).expect("the pack parses"), "display")
}

/// The compiled index, as the widget hands it to the engine.
fn index() -> JsValue {
    let b64 = get(&JSON::parse(PACK_JSON).expect("the pack parses"), "index")
        .as_string()
        .expect("the index is base64 text");
    from_base64(&b64)
}

fn class() -> Function {
    get(&glue(), "FaqEngine")
        .dyn_into()
        .expect("FaqEngine is exported")
}

/// `new FaqEngine(index)`, as JavaScript would call it.
fn construct(index: &JsValue) -> Result<JsValue, JsValue> {
    Reflect::construct(&class(), &Array::of1(index)).map(JsValue::from)
}

fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    let f: Function = get(obj, method)
        .dyn_into()
        .unwrap_or_else(|_| panic!("{method} is a method"));
    let a = Array::new();
    for x in args {
        a.push(x);
    }
    Reflect::apply(&f, obj, &a).unwrap_or_else(|e| panic!("{method} threw {e:?}"))
}

fn ask(engine: &JsValue, q: &str, top: u32) -> JsValue {
    call(engine, "ask", &[JsValue::from_str(q), JsValue::from(top)])
}

fn status(reply: &JsValue) -> String {
    get(reply, "status")
        .as_string()
        .expect("status is a string")
}

fn list(reply: &JsValue, key: &str) -> Vec<JsValue> {
    let v = get(reply, key);
    assert!(Array::is_array(&v), "{key} is an array");
    Array::from(&v).iter().collect()
}

fn id(hit: &JsValue) -> String {
    get(hit, "id").as_string().expect("id is a string")
}

fn strings(v: &JsValue) -> Vec<String> {
    Array::from(v)
        .iter()
        .map(|s| s.as_string().expect("a string"))
        .collect()
}

fn entries() -> Vec<(String, String, String)> {
    let f = faq();
    Array::from(&get(&f, "entries"))
        .iter()
        .map(|e| {
            (
                get(&e, "id").as_string().unwrap(),
                get(&e, "question").as_string().unwrap(),
                get(&e, "answer").as_string().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn every_entry_answers_its_own_question_first() {
    let engine = construct(&index()).expect("the bundled FAQ builds");
    for (eid, question, _) in entries() {
        let r = ask(&engine, &question, 3);
        assert_ne!(status(&r), "none", "{question}");
        assert_eq!(id(&list(&r, "hits")[0]), eid, "{question}");
    }
}

#[wasm_bindgen_test]
fn replies_are_plain_objects_with_the_documented_fields() {
    let engine = construct(&index()).unwrap();
    let q = "¿Cómo puedo cambiar la clave de mi wifi?";
    let r = ask(&engine, q, 3);
    assert!(
        is_plain_object(&r),
        "the reply is a plain object, not a Map"
    );
    assert!(["answer", "ambiguous"].contains(&status(&r).as_str()));
    for key in ["unanswered", "contact"] {
        let p = get(&r, key).as_f64().expect("a probability");
        assert!((0.0..=1.0).contains(&p), "{key} {p}");
    }
    assert_eq!(get(&r, "truncated"), JsValue::FALSE);
    let hits = list(&r, "hits");
    assert!(!hits.is_empty() && hits.len() <= 3);
    let mut last = f64::INFINITY;
    for h in &hits {
        assert!(is_plain_object(h));
        let score = get(h, "score").as_f64().unwrap();
        assert!(score > 0.0 && score <= 1.0, "score {score} in (0, 1]");
        assert!(score <= last, "hits come best first, by the score they show");
        last = score;
        assert!(get(h, "index").as_f64().unwrap() >= 0.0);
        let terms = strings(&get(h, "terms"));
        let via = strings(&get(h, "via"));
        let words = Array::from(&get(h, "words"));
        assert!(!terms.is_empty());
        assert_eq!(terms.len(), via.len());
        assert_eq!(terms.len() as u32, words.length());
        for v in &via {
            assert!(
                ["exact", "synonym", "typo"].contains(&v.as_str()),
                "via {v}"
            );
        }
    }
    assert!(list(&r, "candidates").len() >= hits.len());
}

#[wasm_bindgen_test]
fn word_offsets_are_utf16_units_of_the_query() {
    let engine = construct(&index()).unwrap();
    // Astral characters (two UTF-16 units, four UTF-8 bytes) and accents before the words.
    let q = "😀😀 ¿cuál es la clave del wifi? 👍";
    let r = ask(&engine, q, 3);
    let best = &list(&r, "hits")[0];
    let len = utf16_length(q);
    let mut texts = Vec::new();
    for w in Array::from(&get(best, "words")).iter() {
        let pair = Array::from(&w);
        let (a, b) = (
            pair.get(0).as_f64().unwrap() as u32,
            pair.get(1).as_f64().unwrap() as u32,
        );
        assert!(
            a < b && b <= len,
            "range {a}..{b} inside the query ({len} units)"
        );
        texts.push(slice(q, a, b));
    }
    assert!(
        texts.iter().any(|t| t.contains("clave")),
        "a range covers \"clave\": {texts:?}"
    );
    assert!(
        texts.iter().all(|t| !t.contains('😀') && !t.contains('👍')),
        "ranges are words: {texts:?}"
    );
}

#[wasm_bindgen_test]
fn highlight_returns_flat_utf16_ranges_of_the_text() {
    let engine = construct(&index()).unwrap();
    let r = ask(&engine, "clave wifi", 3);
    // The terms cross as one string, each followed by U+001F (as the widget's engine.js joins them).
    let terms: String = Array::from(&get(&list(&r, "hits")[0], "terms"))
        .iter()
        .filter_map(|t| t.as_string())
        .map(|t| t + "\u{1f}")
        .collect();
    let terms = JsValue::from_str(&terms);
    let text = "🛜 Su clave Wi-Fi: la CLAVE está en el router.";
    let out: Uint32Array = call(
        &engine,
        "highlight",
        &[JsValue::from_str(text), terms.clone()],
    )
    .dyn_into()
    .expect("a Uint32Array");
    let v = out.to_vec();
    assert!(!v.is_empty() && v.len() % 2 == 0, "pairs: {v:?}");
    let mut marked = Vec::new();
    for p in v.chunks(2) {
        assert!(p[0] < p[1] && p[1] <= utf16_length(text));
        marked.push(slice(text, p[0], p[1]).to_lowercase());
    }
    assert!(marked.iter().any(|m| m == "clave"), "{marked:?}");
    // Nothing to mark: no terms, or a text without them.
    let none: Uint32Array = call(
        &engine,
        "highlight",
        &[JsValue::from_str(text), JsValue::from_str("")],
    )
    .dyn_into()
    .unwrap();
    assert_eq!(none.length(), 0);
    let other: Uint32Array = call(
        &engine,
        "highlight",
        &[JsValue::from_str("Tenemos cobertura en Loja"), terms],
    )
    .dyn_into()
    .unwrap();
    assert_eq!(other.length(), 0);
}

#[wasm_bindgen_test]
fn no_answer_has_a_reason_and_no_hits() {
    let engine = construct(&index()).unwrap();
    for q in [
        "",
        "   ",
        "¿Cuánto cuesta el plan de internet?",
        "zzqx wvvk",
    ] {
        let r = ask(&engine, q, 3);
        assert_eq!(status(&r), "none", "{q:?}");
        assert!(list(&r, "hits").is_empty(), "{q:?}");
        assert!(
            get(&r, "reason").as_string().is_some_and(|s| !s.is_empty()),
            "{q:?} has a reason"
        );
        assert!(Array::is_array(&get(&r, "candidates")));
    }
}

#[wasm_bindgen_test]
fn long_queries_are_cut_and_say_so() {
    let engine = construct(&index()).unwrap();
    let f: Function = get(&class(), "maxQueryBytes").dyn_into().unwrap();
    let max = Reflect::apply(&f, &JsValue::NULL, &Array::new()).unwrap();
    let max = max.as_f64().expect("maxQueryBytes is a number") as usize;
    assert!(max >= 100);
    let short = ask(&engine, "clave wifi", 3);
    assert_eq!(get(&short, "truncated"), JsValue::FALSE);
    let long = format!("clave wifi {}", "ñ".repeat(max));
    let r = ask(&engine, &long, 3);
    assert_eq!(get(&r, "truncated"), JsValue::TRUE);
    assert_ne!(status(&r), "none", "the words before the cut still count");
}

#[wasm_bindgen_test]
fn top_is_clamped() {
    let engine = construct(&index()).unwrap();
    assert!(list(&ask(&engine, "pago", 0), "hits").len() <= 1);
    assert!(list(&ask(&engine, "pago", 1000), "candidates").len() <= 20);
}

#[wasm_bindgen_test]
fn damaged_indexes_throw_errors_that_say_what_is_wrong() {
    let good = js_sys::Uint8Array::new(&index());
    let cases: [(js_sys::Uint8Array, &str); 3] = [
        (js_sys::Uint8Array::new(&from_base64("bm9wZQ==")), "not a compiled FAQ"),
        (good.slice(0, 40), "past the end"),
        (good.slice(0, good.length() - 1), "past the end"),
    ];
    for (bytes, says) in cases {
        let e = construct(&bytes.into()).expect_err("throws");
        assert!(e.is_instance_of::<js_sys::Error>(), "an Error");
        let msg = String::from(js_sys::Error::from(e).message());
        assert!(msg.contains(says), "expected {says:?} in {msg:?}");
    }
}

#[wasm_bindgen_test]
fn engines_are_independent_and_can_be_freed() {
    let a = construct(&index()).unwrap();
    let b = construct(&index()).unwrap();
    let ra = id(&list(&ask(&a, "cobertura", 1), "hits")[0]);
    call(&a, "free", &[]);
    assert_eq!(id(&list(&ask(&b, "cobertura", 1), "hits")[0]), ra);
}
