//! The FAQ data model (`faq.json`): its types here, the rules its fields follow in [`rules`],
//! their checks in [`validate`](mod@validate), and reading JSON text in [`parse`] (the `faq`
//! tool and the studio; the customers' widget reads a compiled FAQ, never JSON).

#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub mod parse;
pub mod rules;
pub mod validate;

#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub use parse::{parse_bytes, parse_json};
pub use validate::{validate, Finding, Severity};

use serde::{Deserialize, Serialize};

/// The FAQ in its one written form: fields in the order of the types here (the schema's order),
/// two-space indent, a final newline. What `faq format` writes and the studio downloads.
#[cfg(any(not(target_arch = "wasm32"), feature = "studio"))]
pub fn format(faq: &Faq) -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(faq).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// A whole FAQ file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// Path of the JSON Schema, for editors (`"./faq.schema.json"`).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; this program reads version 1.
    #[serde(default = "one")]
    pub version: u32,
    /// Who answers (shown in the widget's title).
    #[serde(default)]
    pub organization: String,
    /// Language of the main texts (`"es"`).
    #[serde(default)]
    pub language: String,
    /// What the widget offers when it has no answer.
    #[serde(default)]
    pub contact: Contact,
    /// The sections questions are grouped in.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Groups of words and phrases that mean the same; the first one of each group is the one the
    /// others are read as.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// The questions and answers.
    pub entries: Vec<Entry>,
    /// Topics this FAQ does not answer: questions closer to these than to any entry get the honest
    /// "no answer" and the contact options.
    #[serde(default)]
    pub unanswered: Unanswered,
}

fn one() -> u32 {
    1
}

/// One question and its answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable identifier (lower case letters, digits and dashes).
    pub id: String,
    /// The id of one of [`Faq::categories`].
    #[serde(default)]
    pub category: String,
    /// The question as shown to customers.
    pub question: String,
    /// The answer, plain text; lines starting with "• " are shown as a list.
    pub answer: String,
    /// Other ways customers ask the same thing.
    #[serde(default)]
    pub phrasings: Vec<String>,
    /// Single words or short phrases that point to this entry.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The English rendering, optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<Translation>,
}

/// An entry in another language.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
    /// Other ways to ask it in that language.
    #[serde(default)]
    pub phrasings: Vec<String>,
}

/// A section of the FAQ.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier used by [`Entry::category`].
    pub id: String,
    /// Name shown to customers.
    pub name: String,
    /// English name.
    #[serde(default)]
    pub name_en: String,
}

/// Topics the FAQ does not answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Unanswered {
    /// A note for editors.
    #[serde(default)]
    pub note: String,
    /// Example questions the FAQ does not answer.
    #[serde(default)]
    pub phrasings: Vec<String>,
    /// Words that mark such questions.
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Contact options shown when there is no answer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Sentence shown above the options (Spanish).
    #[serde(default)]
    pub intro: String,
    /// The same in English.
    #[serde(default)]
    pub intro_en: String,
    /// The switchboard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pbx: Option<Pbx>,
    /// WhatsApp numbers.
    #[serde(default)]
    pub whatsapp: Vec<Labelled<PhoneNumber>>,
    /// E-mail addresses.
    #[serde(default)]
    pub email: Vec<Labelled<Email>>,
    /// The office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

/// The switchboard number and its extensions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Pbx {
    /// Label shown ("PBX").
    #[serde(default)]
    pub label: String,
    /// The number as customers know it ("3701830").
    pub number: String,
    /// The number to dial from anywhere, for `tel:` links ("+59373701830").
    #[serde(default)]
    pub tel: String,
    /// Extensions and what they are for.
    #[serde(default)]
    pub extensions: Vec<Extension>,
}

/// A PBX extension.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The extension ("1").
    pub ext: String,
    /// What it is for.
    pub label: String,
    /// The same in English.
    #[serde(default)]
    pub label_en: String,
}

/// A phone number field.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct PhoneNumber {
    /// The number ("0984060320").
    pub number: String,
}

/// An e-mail field.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Email {
    /// The address.
    pub address: String,
}

/// A contact option with a label.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Labelled<T> {
    /// The value.
    #[serde(flatten)]
    pub value: T,
    /// What it is for.
    #[serde(default)]
    pub label: String,
    /// The same in English.
    #[serde(default)]
    pub label_en: String,
}

/// The office address.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// The address as text.
    pub text: String,
    /// A map link, opened only when tapped.
    #[serde(default)]
    pub map: String,
}
