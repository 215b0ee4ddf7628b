//! The WebAssembly bindings: a thin layer that only converts types between JavaScript and the
//! core. No matching logic lives here.
//!
//! The FAQ object is read field by field with `Reflect` (not serde): it costs far fewer bytes in
//! the download, and a wrong type is reported with its path (`entries[3].question: expected
//! text, got number`). Offsets handed to JavaScript are in UTF-16 code units, the unit of JS
//! string indices.

use crate::engine::{Engine, Hit, Status, Via};
use crate::faq::{
    validate, Address, Category, Contact, Email, Entry, Extension, Faq, Finding, Labelled, Pbx,
    PhoneNumber, Severity, Translation, Unanswered,
};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Converts a byte offset in `s` to a UTF-16 offset.
fn utf16_offset(s: &str, byte: usize) -> u32 {
    s.get(..byte.min(s.len()))
        .map_or(0, |p| p.encode_utf16().count() as u32)
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
}

fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "a list".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// A JS array, or an empty one for `undefined`/`null`.
fn list_at(v: &JsValue, path: &str) -> Result<Array, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(Array::new());
    }
    if !Array::is_array(v) {
        return Err(format!("{path}: expected a list, got {}", type_name(v)));
    }
    Ok(Array::from(v))
}

/// A list of texts (missing: empty).
fn text_list(v: &JsValue, path: &str) -> Result<Vec<String>, String> {
    let arr = list_at(v, path)?;
    let mut out = Vec::with_capacity(arr.length() as usize);
    for i in 0..arr.length() {
        let item = arr.get(i);
        match item.as_string() {
            Some(t) => out.push(t),
            None => {
                return Err(format!(
                    "{path}[{i}]: expected text, got {}",
                    type_name(&item)
                ))
            }
        }
    }
    Ok(out)
}

/// Reads a JS object with known fields, reporting wrong types and unknown fields by path.
struct Fields {
    obj: JsValue,
    path: String,
    known: &'static [&'static str],
}

impl Fields {
    fn new(obj: JsValue, path: String, known: &'static [&'static str]) -> Result<Self, String> {
        if !obj.is_object() || Array::is_array(&obj) {
            return Err(format!(
                "{path}: expected an object, got {}",
                type_name(&obj)
            ));
        }
        let keys = Object::keys(obj.unchecked_ref::<Object>());
        for k in keys.iter() {
            let k = k.as_string().unwrap_or_default();
            if !known.contains(&k.as_str()) {
                return Err(format!(
                    "{path}: unknown field \"{k}\" (known: {})",
                    known.join(", ")
                ));
            }
        }
        Ok(Fields { obj, path, known })
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn raw(&self, key: &str) -> JsValue {
        debug_assert!(self.known.contains(&key));
        get(&self.obj, key)
    }

    /// A text field; missing is empty unless `required`.
    fn text(&self, key: &str, required: bool) -> Result<String, String> {
        let v = self.raw(key);
        if v.is_undefined() || v.is_null() {
            return if required {
                Err(format!("{}: missing", self.at(key)))
            } else {
                Ok(String::new())
            };
        }
        v.as_string()
            .ok_or_else(|| format!("{}: expected text, got {}", self.at(key), type_name(&v)))
    }

    /// A list field as a JS array (missing: empty).
    fn list(&self, key: &str) -> Result<Array, String> {
        list_at(&self.raw(key), &self.at(key))
    }

    fn texts(&self, key: &str) -> Result<Vec<String>, String> {
        text_list(&self.raw(key), &self.at(key))
    }

    fn object(&self, key: &str, known: &'static [&'static str]) -> Result<Option<Fields>, String> {
        let v = self.raw(key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        Fields::new(v, self.at(key), known).map(Some)
    }
}

fn read_entry(v: &JsValue, i: usize) -> Result<Entry, String> {
    const KNOWN: &[&str] = &[
        "id",
        "category",
        "question",
        "answer",
        "phrasings",
        "keywords",
        "en",
    ];
    let f = Fields::new(v.clone(), format!("entries[{i}]"), KNOWN)?;
    let en = match f.object("en", &["question", "answer", "phrasings"])? {
        Some(t) => Some(Translation {
            question: t.text("question", true)?,
            answer: t.text("answer", true)?,
            phrasings: t.texts("phrasings")?,
        }),
        None => None,
    };
    Ok(Entry {
        id: f.text("id", true)?,
        category: f.text("category", false)?,
        question: f.text("question", true)?,
        answer: f.text("answer", true)?,
        phrasings: f.texts("phrasings")?,
        keywords: f.texts("keywords")?,
        en,
    })
}

/// Reads the parts of an FAQ object the engine and validation use. The contact block is the
/// widget's business (it renders it); only the address link is checked here.
fn read_faq(v: &JsValue) -> Result<Faq, String> {
    const KNOWN: &[&str] = &[
        "$schema",
        "version",
        "organization",
        "language",
        "contact",
        "categories",
        "synonyms",
        "entries",
        "unanswered",
    ];
    let f = Fields::new(v.clone(), String::new(), KNOWN)?;
    let version = match f.raw("version").as_f64() {
        Some(n) => n as u32,
        None if f.raw("version").is_undefined() => 1,
        None => {
            return Err(format!(
                "version: expected a number, got {}",
                type_name(&f.raw("version"))
            ))
        }
    };
    let entries_v = f.raw("entries");
    if entries_v.is_undefined() {
        return Err("entries: missing".into());
    }
    let list = f.list("entries")?;
    let mut entries = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        entries.push(read_entry(&list.get(i), i as usize)?);
    }
    let list = f.list("categories")?;
    let mut categories = Vec::new();
    for i in 0..list.length() {
        let c = Fields::new(
            list.get(i),
            format!("categories[{i}]"),
            &["id", "name", "name_en"],
        )?;
        categories.push(Category {
            id: c.text("id", true)?,
            name: c.text("name", true)?,
            name_en: c.text("name_en", false)?,
        });
    }
    let list = f.list("synonyms")?;
    let mut synonyms = Vec::new();
    for i in 0..list.length() {
        synonyms.push(text_list(&list.get(i), &format!("synonyms[{i}]"))?);
    }
    let unanswered = match f.object("unanswered", &["note", "phrasings", "keywords"])? {
        Some(u) => Unanswered {
            note: u.text("note", false)?,
            phrasings: u.texts("phrasings")?,
            keywords: u.texts("keywords")?,
        },
        None => Unanswered::default(),
    };
    let contact = match f.object(
        "contact",
        &["intro", "intro_en", "pbx", "whatsapp", "email", "address"],
    )? {
        Some(c) => read_contact(&c)?,
        None => Contact::default(),
    };
    Ok(Faq {
        schema: None,
        version,
        organization: f.text("organization", false)?,
        language: f.text("language", false)?,
        contact,
        categories,
        synonyms,
        entries,
        unanswered,
    })
}

/// The contact block: every value the widget turns into a link is checked by `validate`.
fn read_contact(c: &Fields) -> Result<Contact, String> {
    let pbx = match c.object("pbx", &["label", "number", "tel", "extensions"])? {
        Some(p) => {
            let list = p.list("extensions")?;
            let mut extensions = Vec::new();
            for i in 0..list.length() {
                let x = Fields::new(
                    list.get(i),
                    format!("contact.pbx.extensions[{i}]"),
                    &["ext", "label", "label_en"],
                )?;
                extensions.push(Extension {
                    ext: x.text("ext", true)?,
                    label: x.text("label", false)?,
                    label_en: x.text("label_en", false)?,
                });
            }
            Some(Pbx {
                label: p.text("label", false)?,
                number: p.text("number", true)?,
                tel: p.text("tel", false)?,
                extensions,
            })
        }
        None => None,
    };
    let mut whatsapp = Vec::new();
    let list = c.list("whatsapp")?;
    for i in 0..list.length() {
        let w = Fields::new(
            list.get(i),
            format!("contact.whatsapp[{i}]"),
            &["number", "label", "label_en"],
        )?;
        whatsapp.push(Labelled {
            value: PhoneNumber {
                number: w.text("number", true)?,
            },
            label: w.text("label", false)?,
            label_en: w.text("label_en", false)?,
        });
    }
    let mut email = Vec::new();
    let list = c.list("email")?;
    for i in 0..list.length() {
        let m = Fields::new(
            list.get(i),
            format!("contact.email[{i}]"),
            &["address", "label", "label_en"],
        )?;
        email.push(Labelled {
            value: Email {
                address: m.text("address", true)?,
            },
            label: m.text("label", false)?,
            label_en: m.text("label_en", false)?,
        });
    }
    let address = match c.object("address", &["text", "map"])? {
        Some(a) => Some(Address {
            text: a.text("text", true)?,
            map: a.text("map", false)?,
        }),
        None => None,
    };
    Ok(Contact {
        intro: c.text("intro", false)?,
        intro_en: c.text("intro_en", false)?,
        pbx,
        whatsapp,
        email,
        address,
    })
}

fn errors_of(findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

fn hit_to_js(h: &Hit, query: &str) -> JsValue {
    let o = Object::new();
    set(&o, "index", JsValue::from_f64(h.index as f64));
    set(&o, "id", JsValue::from_str(&h.id));
    set(&o, "score", JsValue::from_f64(h.score as f64));
    set(&o, "raw", JsValue::from_f64(h.raw as f64));
    let (terms, words, via) = (Array::new(), Array::new(), Array::new());
    for m in &h.matched {
        terms.push(&JsValue::from_str(&m.term));
        let pair = Array::new();
        pair.push(&JsValue::from_f64(utf16_offset(query, m.start) as f64));
        pair.push(&JsValue::from_f64(utf16_offset(query, m.end) as f64));
        words.push(&pair);
        via.push(&JsValue::from_str(match m.via {
            Via::Exact => "exact",
            Via::Synonym { .. } => "synonym",
            Via::Typo { .. } => "typo",
        }));
    }
    set(&o, "terms", terms.into());
    set(&o, "words", words.into());
    set(&o, "via", via.into());
    o.into()
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
        let faq = read_faq(&faq).map_err(|e| JsError::new(&format!("faq.json: {e}")))?;
        let errors: Vec<String> = errors_of(validate(&faq))
            .iter()
            .map(|f| f.to_string())
            .collect();
        if !errors.is_empty() {
            return Err(JsError::new(&format!("faq.json: {}", errors.join("; "))));
        }
        Ok(FaqEngine {
            engine: Engine::new(&faq),
        })
    }

    /// Answers a question: `{status, hits, candidates, reason, truncated}`; each hit has
    /// `index, id, score, raw, terms, words ([start, end] in the query), via`.
    pub fn ask(&self, query: &str, top: usize) -> JsValue {
        let r = self.engine.ask(query, top.clamp(1, 20));
        let o = Object::new();
        set(
            &o,
            "status",
            JsValue::from_str(match r.status {
                Status::Answer => "answer",
                Status::Ambiguous => "ambiguous",
                Status::None => "none",
            }),
        );
        let hits: Array = r.hits.iter().map(|h| hit_to_js(h, query)).collect();
        let candidates: Array = r.candidates.iter().map(|h| hit_to_js(h, query)).collect();
        set(&o, "hits", hits.into());
        set(&o, "candidates", candidates.into());
        set(
            &o,
            "reason",
            r.reason
                .map_or(JsValue::NULL, |x| JsValue::from_str(x.code())),
        );
        set(&o, "truncated", JsValue::from_bool(r.truncated));
        o.into()
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

/// Checks an FAQ object: a list of `{severity, place, message}` errors (an empty list when the
/// FAQ can be used).
#[wasm_bindgen(js_name = validateFaq)]
pub fn validate_faq(faq: JsValue) -> Array {
    let found = match read_faq(&faq) {
        Ok(faq) => errors_of(validate(&faq)),
        Err(message) => vec![Finding {
            severity: Severity::Error,
            place: "faq.json".into(),
            entry: None,
            message,
        }],
    };
    found
        .iter()
        .map(|f| {
            let o = Object::new();
            set(&o, "severity", JsValue::from_str("error"));
            set(&o, "place", JsValue::from_str(&f.place));
            set(&o, "message", JsValue::from_str(&f.message));
            JsValue::from(o)
        })
        .collect()
}
