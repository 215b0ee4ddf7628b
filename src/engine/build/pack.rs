//! The pack: what the widget carries of an FAQ, as one JSON text. The texts it shows (the
//! "display": questions, answers, categories, contacts) and the compiled index it answers from
//! (base64). Phrasings, keywords, synonyms and unanswered topics serve only the matching: they
//! are in the index, not in the pack as text. `make dist` bundles the pack into the widget; the
//! studio makes the same pack, byte for byte, with this same code compiled to WebAssembly.

use super::compile;
use crate::engine::params::Params;
use crate::faq::{Category, Contact, Faq};
use serde::Serialize;

/// The pack's format name and version, checked by the widget when it loads a pack (`faq-src`).
pub const FORMAT: &str = "faq-widget-pack";
/// The pack layout version.
pub const PACK_VERSION: u32 = 1;

/// An entry's texts the widget shows.
#[derive(Serialize)]
struct ShownEntry<'a> {
    id: &'a str,
    category: &'a str,
    question: &'a str,
    answer: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<ShownText<'a>>,
}

#[derive(Serialize)]
struct ShownText<'a> {
    question: &'a str,
    answer: &'a str,
}

/// The texts of the FAQ the widget shows.
#[derive(Serialize)]
struct Display<'a> {
    organization: &'a str,
    language: &'a str,
    contact: &'a Contact,
    categories: &'a [Category],
    entries: Vec<ShownEntry<'a>>,
}

#[derive(Serialize)]
struct Pack<'a> {
    format: &'static str,
    version: u32,
    display: Display<'a>,
    index: String,
}

/// Standard base64 with padding (the widget decodes it with `atob`).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            out.push(if i <= c.len() {
                A[(n >> shift & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

/// Compiles an FAQ and packs it with its texts: the JSON the widget bundles or loads.
pub fn pack(faq: &Faq, params: &Params) -> Result<String, String> {
    let index = base64(&compile(faq, params)?);
    let display = Display {
        organization: &faq.organization,
        language: &faq.language,
        contact: &faq.contact,
        categories: &faq.categories,
        entries: faq
            .entries
            .iter()
            .map(|e| ShownEntry {
                id: &e.id,
                category: &e.category,
                question: &e.question,
                answer: &e.answer,
                en: e.en.as_ref().map(|t| ShownText {
                    question: &t.question,
                    answer: &t.answer,
                }),
            })
            .collect(),
    };
    let pack = Pack {
        format: FORMAT,
        version: PACK_VERSION,
        display,
        index,
    };
    serde_json::to_string(&pack).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_atob_reads_it() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xff, 0x00, 0x80, 0x7f]), "/wCAfw==");
    }
}
