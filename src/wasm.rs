//! The WebAssembly bindings: a thin layer that only converts types between JavaScript and the
//! core. No matching logic lives here.
//!
//! The FAQ object is checked and flattened by a few lines of JavaScript (`faq_to_wire`, below):
//! reading a JS object field by field from Rust, and validating it there, cost 20 KB of the
//! download. Offsets handed to JavaScript are in UTF-16 code units, the unit of JS string
//! indices.

use crate::engine::{Engine, Hit, NoAnswer, Status, Via};
use crate::faq::{Category, Entry, Faq, Translation, Unanswered};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Converts a byte offset in `s` to a UTF-16 offset.
fn utf16_offset(s: &str, byte: usize) -> u32 {
    // Most questions are ASCII: then a byte is a UTF-16 unit.
    if s.is_ascii() {
        return byte.min(s.len()) as u32;
    }
    s.get(..byte.min(s.len()))
        .map_or(0, |p| p.encode_utf16().count() as u32)
}

#[wasm_bindgen(inline_js = r#"
// Reads the FAQ object the page parsed, checks what the widget relies on (types, ids, the values it
// turns into links) and flattens the engine's part into one string for Rust. The editors' full
// validation is `faq validate` (native), which also runs on the bundled FAQ at build time.
export function faq_to_wire(faq) {
  const US = "\u001f", GS = "\u001d";
  const fail = (path, what) => { throw new Error(`faq.json: ${path}: ${what}`); };
  const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v);
  const obj = (v, path, keys) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) fail(path, `expected an object, got ${kind(v)}`);
    for (const k of Object.keys(v)) if (!keys.includes(k)) fail(path, `unknown field "${k}" (known: ${keys.join(", ")})`);
    return v;
  };
  const text = (v, path, need) => {
    if (v === undefined || v === null) return need ? fail(path, "missing") : "";
    if (typeof v !== "string") fail(path, `expected text, got ${kind(v)}`);
    if (need && !v.trim()) fail(path, "is empty");
    if (v.length > 20000) fail(path, `${v.length} characters is longer than the 20000 allowed`);
    return v.replace(/[\u001d-\u001f\u0000]/g, " ");
  };
  const list = (v, path) => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) fail(path, `expected a list, got ${kind(v)}`);
    return v;
  };
  const texts = (v, path) => list(v, path).map((x, i) => text(x, `${path}[${i}]`, true)).join(GS);
  const phone = (v, path, need) => {
    const t = text(v, path, need);
    if (t && !/^\+?[0-9 ]+$/.test(t)) fail(path, `"${t.slice(0, 60)}" is not a phone number`);
  };
  const LABELS = ["label", "label_en"];
  obj(faq, "the FAQ", ["$schema", "version", "organization", "language", "contact", "categories", "synonyms", "entries", "unanswered"]);
  if (faq.version !== undefined && faq.version !== 1) fail("version", `version ${faq.version} is not supported (expected 1)`);
  text(faq.organization, "organization");
  const entries = list(faq.entries, "entries");
  if (!entries.length) fail("entries", "the FAQ has no entries");
  if (entries.length > 20000) fail("entries", `${entries.length} entries is more than the 20000 the widget accepts`);
  const out = [], ids = new Set();
  entries.forEach((e, i) => {
    const p = `entries[${i}]`;
    obj(e, p, ["id", "category", "question", "answer", "phrasings", "keywords", "en"]);
    const id = text(e.id, `${p}.id`, true);
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) fail(`${p}.id`, `"${id.slice(0, 60)}" is not an id (1-64 lower-case letters, digits or dashes)`);
    if (ids.has(id)) fail(`${p}.id`, `duplicate id "${id}"`);
    ids.add(id);
    const en = e.en == null ? {} : obj(e.en, `${p}.en`, ["question", "answer", "phrasings"]);
    out.push(["e", id, text(e.category, `${p}.category`), text(e.question, `${p}.question`, true), text(e.answer, `${p}.answer`, true),
      texts(e.phrasings, `${p}.phrasings`), texts(e.keywords, `${p}.keywords`), text(en.question, `${p}.en.question`),
      text(en.answer, `${p}.en.answer`), texts(en.phrasings, `${p}.en.phrasings`)].join(US));
  });
  list(faq.categories, "categories").forEach((c, i) => {
    const p = `categories[${i}]`;
    obj(c, p, ["id", "name", "name_en"]);
    out.push(["c", text(c.id, `${p}.id`, true), text(c.name, `${p}.name`, true), text(c.name_en, `${p}.name_en`)].join(US));
  });
  list(faq.synonyms, "synonyms").forEach((g, i) => out.push("s" + US + texts(g, `synonyms[${i}]`)));
  if (faq.unanswered != null) {
    const u = obj(faq.unanswered, "unanswered", ["note", "phrasings", "keywords"]);
    text(u.note, "unanswered.note");
    out.push(["u", texts(u.phrasings, "unanswered.phrasings"), texts(u.keywords, "unanswered.keywords")].join(US));
  }
  if (faq.contact != null) {
    const c = obj(faq.contact, "contact", ["intro", "intro_en", "pbx", "whatsapp", "email", "address"]);
    text(c.intro, "contact.intro");
    text(c.intro_en, "contact.intro_en");
    if (c.pbx != null) {
      const x = obj(c.pbx, "contact.pbx", ["label", "number", "tel", "extensions"]);
      text(x.label, "contact.pbx.label");
      phone(x.number, "contact.pbx.number", true);
      phone(x.tel, "contact.pbx.tel");
      list(x.extensions, "contact.pbx.extensions").forEach((e, i) => {
        const p = `contact.pbx.extensions[${i}]`;
        obj(e, p, ["ext", ...LABELS]);
        phone(e.ext, `${p}.ext`, true);
        text(e.label, `${p}.label`, true);
        text(e.label_en, `${p}.label_en`);
      });
    }
    list(c.whatsapp, "contact.whatsapp").forEach((w, i) => {
      const p = `contact.whatsapp[${i}]`;
      obj(w, p, ["number", ...LABELS]);
      phone(w.number, `${p}.number`, true);
      text(w.label, `${p}.label`);
      text(w.label_en, `${p}.label_en`);
    });
    list(c.email, "contact.email").forEach((m, i) => {
      const p = `contact.email[${i}]`;
      obj(m, p, ["address", ...LABELS]);
      const a = text(m.address, `${p}.address`, true);
      if (!/^[^@\s<>"?&#/%]+@[^@\s<>"?&#/%]+\.[^@\s<>"?&#/%]+$/.test(a)) fail(`${p}.address`, `"${a.slice(0, 60)}" is not an e-mail address`);
      text(m.label, `${p}.label`);
      text(m.label_en, `${p}.label_en`);
    });
    if (c.address != null) {
      const a = obj(c.address, "contact.address", ["text", "map"]);
      text(a.text, "contact.address.text", true);
      const map = text(a.map, "contact.address.map");
      if (map && !/^https:\/\/[^\s"<>]+$/.test(map)) fail("contact.address.map", "the map link must be a plain https:// address");
    }
  }
  return out.join("\u001e");
}

// Builds `ask`'s reply object from one string (ids and terms, each followed by U+001F) and one
// array of numbers: two crossings of the JS boundary instead of one per string and property.
export function build_reply(text, nums) {
  const s = text.split("\u001f"), STATUS = ["answer", "ambiguous", "none"], VIA = ["exact", "synonym", "typo"];
  const REASON = [null, "no_words", "no_match", "unanswered", "low_confidence", "low_score"];
  let si = 0, ni = 0;
  const next = () => nums[ni++];
  const status = STATUS[next()], truncated = next() === 1, reason = REASON[next()], nh = next(), nc = next();
  const hit = () => {
    const h = { index: next(), id: s[si++], score: next(), raw: next(), terms: [], words: [], via: [] };
    for (let k = next(); k > 0; k--) {
      h.terms.push(s[si++]);
      h.words.push([next(), next()]);
      h.via.push(VIA[next()]);
    }
    return h;
  };
  const hits = [], candidates = [];
  for (let i = 0; i < nh; i++) hits.push(hit());
  for (let i = 0; i < nc; i++) candidates.push(hit());
  return { status, hits, candidates, reason, truncated };
}
"#)]
extern "C" {
    /// Checks the FAQ object and flattens it (see the JavaScript above); throws a described Error.
    #[wasm_bindgen(catch)]
    fn faq_to_wire(faq: &JsValue) -> Result<String, JsValue>;

    /// Builds the reply object of `ask` (see the JavaScript above).
    fn build_reply(text: &str, nums: &[f32]) -> JsValue;
}

fn set(obj: &Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

/// Splits a wire list (items joined by U+001D); empty text is an empty list.
fn items(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split('\u{1d}').map(str::to_string).collect()
    }
}

/// Rebuilds the engine's part of the FAQ from the wire text of `faq_to_wire`.
fn from_wire(wire: &str) -> Faq {
    let mut faq = Faq {
        schema: None,
        version: 1,
        organization: String::new(),
        language: String::new(),
        contact: Default::default(),
        categories: Vec::new(),
        synonyms: Vec::new(),
        entries: Vec::new(),
        unanswered: Unanswered::default(),
    };
    for record in wire.split('\u{1e}') {
        let f: Vec<&str> = record.split('\u{1f}').collect();
        let at = |i: usize| f.get(i).copied().unwrap_or("").to_string();
        match f.first().copied() {
            Some("e") => {
                let en = (!at(7).is_empty()).then(|| Translation {
                    question: at(7),
                    answer: at(8),
                    phrasings: items(&at(9)),
                });
                faq.entries.push(Entry {
                    id: at(1),
                    category: at(2),
                    question: at(3),
                    answer: at(4),
                    phrasings: items(&at(5)),
                    keywords: items(&at(6)),
                    en,
                });
            }
            Some("c") => faq.categories.push(Category {
                id: at(1),
                name: at(2),
                name_en: at(3),
            }),
            Some("s") => faq.synonyms.push(items(&at(1))),
            Some("u") => {
                faq.unanswered.phrasings = items(&at(1));
                faq.unanswered.keywords = items(&at(2));
            }
            _ => {}
        }
    }
    faq
}

fn error_text(e: &JsValue) -> String {
    js_sys::Error::from(e.clone()).message().into()
}

/// Appends a hit to the reply's string and numbers, in the order `build_reply` reads them.
fn push_hit(h: &Hit, query: &str, text: &mut String, nums: &mut Vec<f32>) {
    nums.extend([h.index as f32, h.score, h.raw, h.matched.len() as f32]);
    text.push_str(&h.id);
    text.push('\u{1f}');
    for m in &h.matched {
        text.push_str(&m.term);
        text.push('\u{1f}');
        let via = match m.via {
            Via::Exact => 0.0,
            Via::Synonym { .. } => 1.0,
            Via::Typo { .. } => 2.0,
        };
        nums.extend([
            utf16_offset(query, m.start) as f32,
            utf16_offset(query, m.end) as f32,
            via,
        ]);
    }
}

/// The answer engine over one FAQ.
#[wasm_bindgen]
pub struct FaqEngine {
    engine: Engine,
}

#[wasm_bindgen]
impl FaqEngine {
    /// Builds the engine from an FAQ object (the parsed `faq.json`). Throws an `Error` whose
    /// message says what is wrong and where when the FAQ cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(faq: JsValue) -> Result<FaqEngine, JsError> {
        let wire = faq_to_wire(&faq).map_err(|e| JsError::new(&error_text(&e)))?;
        Ok(FaqEngine {
            engine: Engine::new(&from_wire(&wire)),
        })
    }

    /// Answers a question: `{status, hits, candidates, reason, truncated}`; each hit has
    /// `index, id, score, raw, terms, words ([start, end] in the query), via`.
    pub fn ask(&self, query: &str, top: usize) -> JsValue {
        let r = self.engine.ask(query, top.clamp(1, 20));
        let status = match r.status {
            Status::Answer => 0.0,
            Status::Ambiguous => 1.0,
            Status::None => 2.0,
        };
        let reason = match r.reason {
            None => 0.0,
            Some(NoAnswer::NoWords) => 1.0,
            Some(NoAnswer::NoMatch) => 2.0,
            Some(NoAnswer::Unanswered { .. }) => 3.0,
            Some(NoAnswer::LowConfidence { .. }) => 4.0,
            Some(NoAnswer::LowScore { .. }) => 5.0,
        };
        let mut nums = vec![
            status,
            f32::from(u8::from(r.truncated)),
            reason,
            r.hits.len() as f32,
            r.candidates.len() as f32,
        ];
        let mut text = String::new();
        for h in r.hits.iter().chain(&r.candidates) {
            push_hit(h, query, &mut text, &mut nums);
        }
        build_reply(&text, &nums)
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

/// Checks an FAQ object as the widget needs it: a list of `{severity, place, message}` errors,
/// empty when the FAQ can be used. (`faq validate` is the editors' full check.)
#[wasm_bindgen(js_name = validateFaq)]
pub fn validate_faq(faq: JsValue) -> Array {
    let found = Array::new();
    if let Err(e) = faq_to_wire(&faq) {
        let message = error_text(&e);
        let o = Object::new();
        set(&o, "severity", JsValue::from_str("error"));
        set(&o, "place", JsValue::from_str("faq.json"));
        set(&o, "message", JsValue::from_str(&message));
        found.push(&o);
    }
    found
}
