//! The WebAssembly bindings of the FAQ studio (dist/studio.html, feature `studio`): what the
//! `faq` tool does, for the office's browser. Each function is one of the tool's commands and
//! returns what its `--json` prints, converted to JavaScript values with serde-wasm-bindgen.

use crate::engine::build::pack;
use crate::engine::{Engine, Params};
use crate::eval::{evaluate, parse_tsv};
use crate::faq::Faq;
use crate::report::{ask_json, check, check_json, eval_json};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js(v: &serde_json::Value) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// An FAQ that parses and has no errors, or the first error's words.
fn usable(bytes: &[u8]) -> Result<Faq, JsError> {
    let (faq, found) = check(bytes);
    let first_error = found
        .iter()
        .find(|f| f.severity == crate::faq::Severity::Error);
    match (faq, first_error) {
        (Some(faq), None) => Ok(faq),
        (_, Some(f)) => Err(JsError::new(&f.to_string())),
        (None, None) => Err(JsError::new("the FAQ cannot be read")),
    }
}

/// `faq validate --json`: `{ok, entries, errors, warnings}` for a file's bytes.
#[wasm_bindgen(js_name = checkFaq)]
pub fn check_faq(bytes: Vec<u8>) -> JsValue {
    to_js(&check_json(&bytes))
}

/// `faq compile`: the pack (JSON text) the widget carries. Throws when the FAQ has errors.
#[wasm_bindgen(js_name = compileFaq)]
pub fn compile_faq(bytes: Vec<u8>) -> Result<String, JsError> {
    pack(&usable(&bytes)?, &Params::default()).map_err(|e| JsError::new(&e))
}

/// `faq format`: the FAQ in its one written form (fields in the schema's order, two-space
/// indent), for a diff-friendly download. Throws when it does not parse.
#[wasm_bindgen(js_name = formatFaq)]
pub fn format_faq(bytes: Vec<u8>) -> Result<String, JsError> {
    let faq = crate::faq::parse_bytes(&bytes).map_err(|e| JsError::new(&e))?;
    crate::faq::format(&faq).map_err(|e| JsError::new(&e))
}

/// The real engine over an FAQ being edited: compiled as `make dist` compiles it.
#[wasm_bindgen]
pub struct StudioEngine {
    faq: Faq,
    engine: Engine,
}

#[wasm_bindgen]
impl StudioEngine {
    /// Compiles an FAQ file's bytes. Throws when it has errors.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>) -> Result<StudioEngine, JsError> {
        let faq = usable(&bytes)?;
        let engine = Engine::new(&faq).map_err(|e| JsError::new(&e))?;
        Ok(StudioEngine { faq, engine })
    }

    /// `faq ask --json`: the answers, their scores and the words that matched.
    pub fn ask(&self, question: &str, top: usize) -> JsValue {
        to_js(&ask_json(
            &self.faq,
            &self.engine.ask(question, top.clamp(1, 20)),
        ))
    }

    /// `faq eval --json`: the metrics and the wrong rows of a question list (the dev.tsv format).
    pub fn evaluate(&self, tsv: &str) -> Result<JsValue, JsError> {
        let cases = parse_tsv(tsv).map_err(|e| JsError::new(&e))?;
        Ok(to_js(&eval_json(&evaluate(&self.engine, &cases))))
    }
}
