//! The WebAssembly bindings of the customers' widget: a thin layer that only converts types
//! between JavaScript and the engine. The engine reads the compiled index (`faq compile`) the
//! page hands it; it never sees the FAQ as text. Offsets handed to JavaScript are in UTF-16 code
//! units, the unit of JS string indices.

use crate::engine::{Engine, Hit, MAX_QUERY_BYTES};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/src/engine-reply.js")]
extern "C" {
    /// Builds the reply object of `ask` (see www/src/engine-reply.js).
    fn build_reply(text: &str, nums: &[f32]) -> JsValue;
}

/// Converts a byte offset in `s` to a UTF-16 offset.
fn utf16_offset(s: &str, byte: usize) -> u32 {
    // Most questions are ASCII: then a byte is a UTF-16 unit.
    if s.is_ascii() {
        return byte.min(s.len()) as u32;
    }
    s.get(..byte.min(s.len()))
        .map_or(0, |p| p.encode_utf16().count() as u32)
}

/// What follows each name in the strings that cross the boundary (SEPARATOR in
/// www/src/engine-reply.js): a control character no FAQ text or term contains.
const SEPARATOR: char = '\u{1f}';

/// Appends a name and its separator to the reply's string.
fn name(text: &mut String, s: &str) {
    text.push_str(s);
    text.push(SEPARATOR);
}

/// Appends a hit to the reply's string and numbers, in the order `build_reply` reads them.
fn push_hit(h: &Hit, query: &str, text: &mut String, nums: &mut Vec<f32>) {
    nums.extend([h.index as f32, h.score, h.matched.len() as f32]);
    name(text, &h.id);
    for m in &h.matched {
        name(text, &m.term);
        name(text, m.via.code());
        nums.extend([
            utf16_offset(query, m.start) as f32,
            utf16_offset(query, m.end) as f32,
        ]);
    }
}

/// The answer engine over one compiled FAQ.
#[wasm_bindgen]
pub struct FaqEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl FaqEngine {
    /// Reads a compiled FAQ (the bytes `faq compile` writes). Throws an `Error` saying what is
    /// wrong when they are not one.
    #[wasm_bindgen(constructor)]
    pub fn new(image: Vec<u8>) -> Result<FaqEngine, JsError> {
        Engine::from_image(image)
            .map(|engine| FaqEngine { engine })
            .map_err(|e| JsError::new(&e.0))
    }

    /// Answers a question: `{status, hits, candidates, reason, truncated, unanswered, contact}`;
    /// each hit has `index, id, score, terms, words ([start, end] in the query), via`.
    pub fn ask(&self, query: &str, top: usize) -> JsValue {
        let r = self.engine.ask(query, top.clamp(1, 20));
        let mut text = String::new();
        name(&mut text, r.status.code());
        name(&mut text, r.reason.map_or("", |x| x.code()));
        // The answers are the first `hits` candidates (Reply::hits): the candidates cross once.
        let mut nums = vec![
            f32::from(u8::from(r.truncated)),
            r.hits().len() as f32,
            r.candidates.len() as f32,
            r.unanswered,
            r.contact,
        ];
        for h in &r.candidates {
            push_hit(h, query, &mut text, &mut nums);
        }
        build_reply(&text, &nums)
    }

    /// Makes ahead, one step per call, what the first question would otherwise make; true while
    /// steps are left. The widget takes one step per idle moment after reading the index, so
    /// that none is a long task.
    pub fn prepare(&self) -> bool {
        self.engine.prepare()
    }

    /// Ranges of `text` to mark for the given terms (a hit's `terms`, each followed or joined by
    /// [`SEPARATOR`], as in `ask`'s reply: one string crosses into the wasm for cheaper than an array of
    /// them), flattened `[start, end, start, end, …]` in UTF-16 units.
    pub fn highlight(&self, text: &str, terms: &str) -> Vec<u32> {
        let terms: Vec<&str> = terms.split(SEPARATOR).filter(|t| !t.is_empty()).collect();
        self.engine
            .highlight(text, &terms)
            .into_iter()
            .flat_map(|(a, b)| [utf16_offset(text, a), utf16_offset(text, b)])
            .collect()
    }

    /// Longest query read, in bytes (the widget caps its input to this).
    #[wasm_bindgen(js_name = maxQueryBytes)]
    pub fn max_query_bytes() -> usize {
        MAX_QUERY_BYTES
    }
}
