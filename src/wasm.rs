//! The WebAssembly bindings: a thin layer that only converts types between JavaScript and the
//! core. No matching logic lives here.
//!
//! Offsets handed to JavaScript are in UTF-16 code units, the unit of JS string indices.

use crate::engine::{Engine, Status, Via};
use crate::faq::{validate, Faq, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One answer as JavaScript sees it.
#[derive(Serialize)]
struct JsHit {
    index: usize,
    id: String,
    score: f32,
    raw: f32,
    /// Index terms that matched (pass them to `highlight`).
    terms: Vec<String>,
    /// `[start, end]` ranges of the matched words in the query, UTF-16 units.
    words: Vec<[u32; 2]>,
    /// How each matched word was understood: "exact", "synonym" or "typo".
    via: Vec<&'static str>,
}

/// The reply as JavaScript sees it.
#[derive(Serialize)]
struct JsReply {
    status: &'static str,
    hits: Vec<JsHit>,
    candidates: Vec<JsHit>,
    reason: Option<String>,
    truncated: bool,
}

/// A finding of `validate` as JavaScript sees it.
#[derive(Serialize)]
struct JsFinding {
    severity: &'static str,
    place: String,
    message: String,
}

/// Converts a byte offset in `s` to a UTF-16 offset.
fn utf16_offset(s: &str, byte: usize) -> u32 {
    s[..byte.min(s.len())]
        .chars()
        .map(|c| c.len_utf16() as u32)
        .sum()
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    // Plain objects (not Maps) so that embedders can use the result directly.
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    v.serialize(&ser).unwrap_or(JsValue::NULL)
}

/// The answer engine over one FAQ.
#[wasm_bindgen]
pub struct FaqEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl FaqEngine {
    /// Builds the engine from an FAQ object (the parsed `faq.json`). Throws an `Error` whose
    /// message lists what is wrong when the FAQ has errors.
    #[wasm_bindgen(constructor)]
    pub fn new(faq: JsValue) -> Result<FaqEngine, JsError> {
        let faq: Faq = serde_wasm_bindgen::from_value(faq)
            .map_err(|e| JsError::new(&format!("faq.json: {e}")))?;
        let errors: Vec<String> = validate(&faq)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.to_string())
            .collect();
        if !errors.is_empty() {
            return Err(JsError::new(&format!("faq.json: {}", errors.join("; "))));
        }
        Ok(FaqEngine {
            engine: Engine::new(&faq),
        })
    }

    /// Answers a question: `{status, hits, candidates, reason, truncated}`.
    pub fn ask(&self, query: &str, top: usize) -> JsValue {
        let r = self.engine.ask(query, top.clamp(1, 20));
        let hit = |h: &crate::engine::Hit| JsHit {
            index: h.index,
            id: h.id.clone(),
            score: h.score,
            raw: h.raw,
            terms: h.matched.iter().map(|m| m.term.clone()).collect(),
            words: h
                .matched
                .iter()
                .map(|m| [utf16_offset(query, m.start), utf16_offset(query, m.end)])
                .collect(),
            via: h
                .matched
                .iter()
                .map(|m| match m.via {
                    Via::Exact => "exact",
                    Via::Synonym { .. } => "synonym",
                    Via::Typo { .. } => "typo",
                })
                .collect(),
        };
        to_js(&JsReply {
            status: match r.status {
                Status::Answer => "answer",
                Status::Ambiguous => "ambiguous",
                Status::None => "none",
            },
            hits: r.hits.iter().map(hit).collect(),
            candidates: r.candidates.iter().map(hit).collect(),
            reason: r.reason,
            truncated: r.truncated,
        })
    }

    /// Ranges of `text` to mark for the given terms, flattened `[start, end, start, end, …]` in
    /// UTF-16 units.
    pub fn highlight(&self, text: &str, terms: Vec<String>) -> Vec<u32> {
        self.engine
            .highlight(text, &terms)
            .into_iter()
            .flat_map(|(a, b)| [utf16_offset(text, a), utf16_offset(text, b)])
            .collect()
    }

    /// Longest query read, in bytes (the widget caps its input to this).
    #[wasm_bindgen(js_name = maxQueryBytes)]
    pub fn max_query_bytes() -> usize {
        crate::engine::MAX_QUERY_BYTES
    }
}

/// Checks an FAQ object: a list of `{severity, place, message}`; parse errors come as one error.
#[wasm_bindgen(js_name = validateFaq)]
pub fn validate_faq(faq: JsValue) -> JsValue {
    let findings: Vec<JsFinding> = match serde_wasm_bindgen::from_value::<Faq>(faq) {
        Ok(faq) => validate(&faq)
            .into_iter()
            .map(|f| JsFinding {
                severity: if f.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                },
                place: f.place,
                message: f.message,
            })
            .collect(),
        Err(e) => vec![JsFinding {
            severity: "error",
            place: "faq.json".into(),
            message: e.to_string(),
        }],
    };
    to_js(&findings)
}
