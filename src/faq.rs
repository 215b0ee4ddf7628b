//! The FAQ data model (`faq.json`) and its validation.
//!
//! Parsing JSON text lives in the native build only ([`parse_json`]); the browser hands the
//! engine an object it already parsed with `JSON.parse`, so the WebAssembly stays free of a JSON
//! parser.

use serde::{Deserialize, Serialize};

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

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file works but is probably not what the editor meant.
    Warning,
}

/// One finding of [`validate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where: `entry "wifi-clave" field "phrasings[2]"`, `contact.email[0]`, …
    pub place: String,
    /// The entry id concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}: {}", self.place, self.message)
    }
}

/// Largest number of entries the engine accepts (keeps the browser responsive).
pub const MAX_ENTRIES: usize = 20_000;
/// Largest text accepted in one field, in bytes.
pub const MAX_FIELD_BYTES: usize = 20_000;

/// Text from the file as messages show it: control characters escaped (so nothing in the file
/// can drive the editor's terminal) and cut after 60 characters.
fn shown(s: &str) -> String {
    // Control characters and quotes are escaped by hand: `escape_debug` would pull Unicode
    // tables into the WebAssembly download.
    let mut out = String::new();
    for c in s.chars().take(60) {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if s.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

/// A phone number as `tel:` and `wa.me` links need it: digits, with an optional leading `+` and
/// spaces.
fn looks_like_phone(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b' ')
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(domain), None) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && user
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
                && domain
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        }
        _ => false,
    }
}

/// Checks an FAQ for errors (it cannot be used) and warnings (likely mistakes).
///
/// Errors: no entries, bad or duplicate ids, empty questions or answers, unknown categories,
/// oversized fields, bad e-mail addresses or link schemes. Warnings: duplicate phrasings, a
/// phrasing claimed by two entries, entries without phrasings, numbers that differ by one digit
/// from a number used elsewhere (a likely typo), a synonym listed in two groups.
pub fn validate(faq: &Faq) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut err = |place: String, entry: Option<&str>, message: String| {
        out.push(Finding {
            severity: Severity::Error,
            place,
            entry: entry.map(str::to_string),
            message,
        })
    };
    if faq.version != 1 {
        err(
            "version".into(),
            None,
            format!("version {} is not supported (expected 1)", faq.version),
        );
    }
    if faq.entries.is_empty() {
        err("entries".into(), None, "the FAQ has no entries".into());
    }
    if faq.entries.len() > MAX_ENTRIES {
        err(
            "entries".into(),
            None,
            format!(
                "{} entries is more than the {} the widget accepts",
                faq.entries.len(),
                MAX_ENTRIES
            ),
        );
    }
    let mut seen_ids: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let cat_ids: Vec<&str> = faq.categories.iter().map(|c| c.id.as_str()).collect();
    for (ci, c) in faq.categories.iter().enumerate() {
        if c.id.trim().is_empty() || c.name.trim().is_empty() {
            err(
                format!("categories[{ci}]"),
                None,
                "a category needs an id and a name".into(),
            );
        }
    }
    for (i, e) in faq.entries.iter().enumerate() {
        let place =
            |field: &str| format!("entry #{} \"{}\" field \"{}\"", i + 1, shown(&e.id), field);
        if !is_valid_id(&e.id) {
            err(
                place("id"),
                Some(&e.id),
                "ids must be 1-64 lower-case letters, digits or dashes (like \"wifi-clave\")"
                    .into(),
            );
        }
        if let Some(first) = seen_ids.insert(e.id.as_str(), i) {
            err(
                place("id"),
                Some(&e.id),
                format!("duplicate id: entry #{} has the same id", first + 1),
            );
        }
        if e.question.trim().is_empty() {
            err(
                place("question"),
                Some(&e.id),
                "the question is empty".into(),
            );
        }
        if e.answer.trim().is_empty() {
            err(place("answer"), Some(&e.id), "the answer is empty".into());
        }
        if !cat_ids.is_empty() && !cat_ids.contains(&e.category.as_str()) {
            err(
                place("category"),
                Some(&e.id),
                format!(
                    "unknown category \"{}\" (known: {})",
                    shown(&e.category),
                    cat_ids.join(", ")
                ),
            );
        }
        let mut fields: Vec<(String, &str)> = vec![
            ("question".into(), e.question.as_str()),
            ("answer".into(), e.answer.as_str()),
        ];
        for (k, p) in e.phrasings.iter().enumerate() {
            fields.push((format!("phrasings[{k}]"), p));
        }
        for (k, p) in e.keywords.iter().enumerate() {
            fields.push((format!("keywords[{k}]"), p));
        }
        if let Some(en) = &e.en {
            fields.push(("en.question".into(), &en.question));
            fields.push(("en.answer".into(), &en.answer));
            for (k, p) in en.phrasings.iter().enumerate() {
                fields.push((format!("en.phrasings[{k}]"), p));
            }
        }
        for (name, text) in &fields {
            if text.len() > MAX_FIELD_BYTES {
                err(
                    place(name),
                    Some(&e.id),
                    format!(
                        "{} bytes is longer than the {} allowed",
                        text.len(),
                        MAX_FIELD_BYTES
                    ),
                );
            }
            if text.contains('\u{0}') {
                err(place(name), Some(&e.id), "contains a NUL character".into());
            }
        }
    }
    if let Some(a) = &faq.contact.address {
        if !a.map.is_empty() && !a.map.starts_with("https://") {
            err(
                "contact.address.map".into(),
                None,
                format!(
                    "the map link must start with https:// (got \"{}\")",
                    shown(&a.map)
                ),
            );
        }
    }
    for (k, m) in faq.contact.email.iter().enumerate() {
        if !looks_like_email(&m.value.address) {
            err(
                format!("contact.email[{k}].address"),
                None,
                format!("\"{}\" is not an e-mail address", shown(&m.value.address)),
            );
        }
    }
    for (k, w) in faq.contact.whatsapp.iter().enumerate() {
        if !looks_like_phone(&w.value.number) {
            err(
                format!("contact.whatsapp[{k}].number"),
                None,
                format!("\"{}\" is not a phone number", shown(&w.value.number)),
            );
        }
    }
    if let Some(p) = &faq.contact.pbx {
        // The widget makes `tel:` links of these.
        for (name, number) in [("number", &p.number), ("tel", &p.tel)] {
            let optional = name == "tel" && number.is_empty();
            if !optional && !looks_like_phone(number) {
                err(
                    format!("contact.pbx.{name}"),
                    None,
                    format!("\"{}\" is not a phone number", shown(number)),
                );
            }
        }
    }
    // The size cap and the NUL check hold for every text the widget shows, not only entries.
    for (place, text) in other_texts(faq) {
        if text.len() > MAX_FIELD_BYTES {
            err(
                place.clone(),
                None,
                format!(
                    "{} bytes is longer than the {} allowed",
                    text.len(),
                    MAX_FIELD_BYTES
                ),
            );
        }
        if text.contains('\u{0}') {
            err(place, None, "contains a NUL character".into());
        }
    }
    // Warnings are for the editors (the CLI); the browser only needs to know if it can answer,
    // so they stay out of the WebAssembly download.
    #[cfg(not(target_arch = "wasm32"))]
    out.extend(warnings(faq));
    out
}

/// Every text outside the entries, with where it stands.
fn other_texts(faq: &Faq) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![
        ("organization".into(), &faq.organization),
        ("language".into(), &faq.language),
        ("unanswered.note".into(), &faq.unanswered.note),
    ];
    let c = &faq.contact;
    out.push(("contact.intro".into(), &c.intro));
    out.push(("contact.intro_en".into(), &c.intro_en));
    if let Some(p) = &c.pbx {
        out.push(("contact.pbx.label".into(), &p.label));
        for (k, x) in p.extensions.iter().enumerate() {
            out.push((format!("contact.pbx.extensions[{k}].ext"), &x.ext));
            out.push((format!("contact.pbx.extensions[{k}].label"), &x.label));
            out.push((format!("contact.pbx.extensions[{k}].label_en"), &x.label_en));
        }
    }
    for (k, w) in c.whatsapp.iter().enumerate() {
        out.push((format!("contact.whatsapp[{k}].label"), &w.label));
        out.push((format!("contact.whatsapp[{k}].label_en"), &w.label_en));
    }
    for (k, m) in c.email.iter().enumerate() {
        out.push((format!("contact.email[{k}].label"), &m.label));
        out.push((format!("contact.email[{k}].label_en"), &m.label_en));
    }
    if let Some(a) = &c.address {
        out.push(("contact.address.text".into(), &a.text));
        out.push(("contact.address.map".into(), &a.map));
    }
    for (k, cat) in faq.categories.iter().enumerate() {
        out.push((format!("categories[{k}].id"), &cat.id));
        out.push((format!("categories[{k}].name"), &cat.name));
        out.push((format!("categories[{k}].name_en"), &cat.name_en));
    }
    for (g, group) in faq.synonyms.iter().enumerate() {
        for (k, w) in group.iter().enumerate() {
            out.push((format!("synonyms[{g}][{k}]"), w));
        }
    }
    for (k, p) in faq.unanswered.phrasings.iter().enumerate() {
        out.push((format!("unanswered.phrasings[{k}]"), p));
    }
    for (k, w) in faq.unanswered.keywords.iter().enumerate() {
        out.push((format!("unanswered.keywords[{k}]"), w));
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn warnings(faq: &Faq) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut warn = |place: String, entry: Option<&str>, message: String| {
        out.push(Finding {
            severity: Severity::Warning,
            place,
            entry: entry.map(str::to_string),
            message,
        })
    };
    // Phrasings: duplicates within an entry and phrasings claimed by two entries.
    let mut owner: std::collections::HashMap<String, (usize, String)> =
        std::collections::HashMap::new();
    for (i, e) in faq.entries.iter().enumerate() {
        if e.phrasings.is_empty() {
            warn(
                format!("entry #{} \"{}\" field \"phrasings\"", i + 1, shown(&e.id)),
                Some(&e.id),
                "no alternative phrasings: customers who ask in other words may not find this entry".into(),
            );
        }
        let mut texts: Vec<(String, &str)> = vec![("question".into(), e.question.as_str())];
        for (k, p) in e.phrasings.iter().enumerate() {
            texts.push((format!("phrasings[{k}]"), p));
        }
        for (field, text) in texts {
            let key = crate::text::normalize(text);
            if key.is_empty() {
                if field != "question" {
                    warn(
                        format!("entry #{} \"{}\" field \"{field}\"", i + 1, shown(&e.id)),
                        Some(&e.id),
                        "phrasing has no words".into(),
                    );
                }
                continue;
            }
            match owner.get(&key) {
                Some((j, f)) if *j == i => warn(
                    format!("entry #{} \"{}\" field \"{field}\"", i + 1, shown(&e.id)),
                    Some(&e.id),
                    format!("duplicate of this entry's {f}"),
                ),
                Some((j, f)) => warn(
                    format!("entry #{} \"{}\" field \"{field}\"", i + 1, shown(&e.id)),
                    Some(&e.id),
                    format!(
                        "the same phrasing is also in entry \"{}\" ({f}): two entries answer it",
                        faq.entries[*j].id
                    ),
                ),
                None => {
                    owner.insert(key, (i, field));
                }
            }
        }
        if e.answer.trim().chars().count() < 15 && !e.answer.trim().is_empty() {
            warn(
                format!("entry #{} \"{}\" field \"answer\"", i + 1, shown(&e.id)),
                Some(&e.id),
                "the answer is very short".into(),
            );
        }
    }
    for (k, p) in faq.unanswered.phrasings.iter().enumerate() {
        if let Some((j, f)) = owner.get(&crate::text::normalize(p)) {
            warn(
                format!("unanswered.phrasings[{k}]"),
                None,
                format!(
                    "entry \"{}\" ({f}) answers this phrasing, yet it is listed as unanswered",
                    faq.entries[*j].id
                ),
            );
        }
    }
    // Synonyms listed in two groups.
    let mut syn_group: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (g, group) in faq.synonyms.iter().enumerate() {
        if group.len() < 2 {
            warn(
                format!("synonyms[{g}]"),
                None,
                "a synonym group needs at least two words".into(),
            );
        }
        for w in group {
            let key = crate::text::normalize(w);
            if let Some(&other) = syn_group.get(&key) {
                if other != g {
                    warn(
                        format!("synonyms[{g}]"),
                        None,
                        format!("\"{w}\" is also in synonyms[{other}]; it can only mean one thing"),
                    );
                }
            } else {
                syn_group.insert(key, g);
            }
        }
    }
    // Numbers that differ by one digit from another number used in the FAQ: likely typos.
    let numbers = collect_numbers(faq);
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (n, _) in &numbers {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    // Only the numbers one edit away are looked up (not every pair compared), so that a file
    // with thousands of numbers validates in linear time.
    let mut reported = std::collections::BTreeSet::new();
    let mut closest: std::collections::HashMap<&str, Option<(String, usize)>> =
        std::collections::HashMap::new();
    for (n, place) in &numbers {
        let cn = counts.get(n.as_str()).copied().unwrap_or(0);
        let found = closest.entry(n.as_str()).or_insert_with(|| {
            // The most used such number; ties go to the first in order, as before.
            let mut best: Option<(&str, usize)> = None;
            for_each_one_edit_away(n, |m| {
                if let Some((&k, &cm)) = counts.get_key_value(m) {
                    if cm > cn && best.is_none_or(|(b, _)| k < b) {
                        best = Some((k, cm));
                    }
                }
            });
            best.map(|(m, cm)| (m.to_string(), cm))
        });
        if let Some((m, cm)) = found {
            if reported.insert((n.clone(), place.clone())) {
                warn(
                    place.clone(),
                    None,
                    format!("the number {n} differs by one digit from {m}, which the FAQ uses {cm} times: is it a typo?"),
                );
            }
        }
    }
    out
}

/// Calls `f` with each digit string one edit from `n` (a digit changed, added or dropped, or two
/// neighbours swapped: Damerau-Levenshtein distance 1), some more than once.
#[cfg(not(target_arch = "wasm32"))]
fn for_each_one_edit_away(n: &str, mut f: impl FnMut(&str)) {
    let b = n.as_bytes();
    let mut v: Vec<u8> = Vec::with_capacity(b.len() + 1);
    let mut emit = |v: &[u8]| {
        if v != b {
            if let Ok(m) = std::str::from_utf8(v) {
                f(m);
            }
        }
    };
    for i in 0..=b.len() {
        for d in b'0'..=b'9' {
            v.clear();
            v.extend_from_slice(&b[..i]);
            v.push(d);
            v.extend_from_slice(&b[i..]);
            emit(&v);
            if i < b.len() {
                v.clear();
                v.extend_from_slice(b);
                v[i] = d;
                emit(&v);
            }
        }
        if i < b.len() {
            v.clear();
            v.extend_from_slice(&b[..i]);
            v.extend_from_slice(&b[i + 1..]);
            emit(&v);
        }
        if i + 1 < b.len() {
            v.clear();
            v.extend_from_slice(b);
            v.swap(i, i + 1);
            emit(&v);
        }
    }
}

/// Every run of 7 to 13 digits in the FAQ's texts and contacts, with where it stands.
#[cfg(not(target_arch = "wasm32"))]
fn collect_numbers(faq: &Faq) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut scan = |text: &str, place: String| {
        let mut cur = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() {
                cur.push(c);
            } else {
                if (7..=13).contains(&cur.len()) {
                    out.push((cur.clone(), place.clone()));
                }
                cur.clear();
            }
        }
    };
    for (i, e) in faq.entries.iter().enumerate() {
        scan(
            &e.answer,
            format!("entry #{} \"{}\" field \"answer\"", i + 1, shown(&e.id)),
        );
        if let Some(en) = &e.en {
            scan(
                &en.answer,
                format!("entry #{} \"{}\" field \"en.answer\"", i + 1, shown(&e.id)),
            );
        }
    }
    if let Some(p) = &faq.contact.pbx {
        scan(&p.number, "contact.pbx.number".into());
    }
    for (k, w) in faq.contact.whatsapp.iter().enumerate() {
        scan(&w.value.number, format!("contact.whatsapp[{k}].number"));
    }
    out
}

/// Parses FAQ JSON text. Errors say what is wrong and at which line and column, and, when the
/// JSON is well formed but says the wrong thing, in which entry and field.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<Faq, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let body = text.trim_start();
    if body.is_empty() {
        return Err(
            "line 1, column 1: the file is empty; expected a JSON object such as {\"entries\": [...]}"
                .into(),
        );
    }
    if !body.starts_with('{') {
        let before = &text[..text.len() - body.len()];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |p| p + 1) + 1;
        let found = body
            .chars()
            .next()
            .map(|c| shown(&c.to_string()))
            .unwrap_or_default();
        return Err(format!(
            "line {line}, column {column}: the FAQ must be a JSON object such as {{\"entries\": [...]}}, not something starting with \"{found}\""
        ));
    }
    serde_json::from_str::<Faq>(text).map_err(|e| {
        // serde_json ends its message with the place; it is said once, first.
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full);
        let within = match e.classify() {
            serde_json::error::Category::Data => {
                locate(text).map(|w| format!("{w}: ")).unwrap_or_default()
            }
            _ => String::new(),
        };
        format!(
            "line {}, column {}: {within}{message}",
            e.line(),
            e.column()
        )
    })
}

/// For well-formed JSON that does not make an FAQ: the one entry (and field), or the one
/// top-level field, that does not read. `None` when that is not a single place.
#[cfg(not(target_arch = "wasm32"))]
fn locate(text: &str) -> Option<String> {
    use serde_json::{Map, Value};
    let value: Value = serde_json::from_str(text).ok()?;
    let top = value.as_object()?;
    let mut places = Vec::new();
    for (key, v) in top {
        if key == "entries" && v.is_array() {
            continue;
        }
        let mut probe = Map::new();
        probe.insert("entries".into(), Value::Array(Vec::new()));
        probe.insert(key.clone(), v.clone());
        if serde_json::from_value::<Faq>(Value::Object(probe)).is_err() {
            places.push(format!("field \"{}\"", shown(key)));
        }
    }
    for (i, v) in top
        .get("entries")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if serde_json::from_value::<Entry>(v.clone()).is_ok() {
            continue;
        }
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .map(|id| format!(" \"{}\"", shown(id)));
        // The field that fails on its own, next to stand-ins for the required ones.
        let field = v.as_object().into_iter().flatten().find(|(key, v)| {
            let mut probe: Map<String, Value> = ["id", "question", "answer"]
                .iter()
                .map(|k| (k.to_string(), Value::from("x")))
                .collect();
            probe.insert(key.to_string(), (*v).clone());
            serde_json::from_value::<Entry>(Value::Object(probe)).is_err()
        });
        let field = field.map(|(key, _)| format!(" field \"{}\"", shown(key)));
        places.push(format!(
            "entry #{}{}{}",
            i + 1,
            id.unwrap_or_default(),
            field.unwrap_or_default()
        ));
    }
    match places.len() {
        1 => places.pop(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            question: "¿Pregunta?".into(),
            answer: "Una respuesta suficientemente larga.".into(),
            phrasings: vec![format!("otra forma {id}")],
            ..Default::default()
        }
    }

    fn faq(entries: Vec<Entry>) -> Faq {
        Faq {
            schema: None,
            version: 1,
            organization: String::new(),
            language: "es".into(),
            contact: Contact::default(),
            categories: vec![],
            synonyms: vec![],
            entries,
            unanswered: Unanswered::default(),
        }
    }

    fn errors(f: &Faq) -> Vec<Finding> {
        validate(f)
            .into_iter()
            .filter(|x| x.severity == Severity::Error)
            .collect()
    }

    #[test]
    fn a_clean_faq_has_no_errors() {
        assert!(errors(&faq(vec![entry("a"), entry("b")])).is_empty());
    }

    #[test]
    fn duplicate_ids_and_empty_answers_are_errors_naming_the_entry() {
        let mut b = entry("a");
        b.answer = " ".into();
        let found = errors(&faq(vec![entry("a"), b]));
        assert!(found
            .iter()
            .any(|f| f.message.contains("duplicate id") && f.place.contains("entry #2")));
        assert!(found
            .iter()
            .any(|f| f.message.contains("answer is empty") && f.place.contains("\"answer\"")));
    }

    #[test]
    fn bad_ids_and_categories_are_errors() {
        let mut e = entry("Wifi Clave");
        e.category = "nope".into();
        let mut f = faq(vec![e]);
        f.categories.push(Category {
            id: "soporte".into(),
            name: "Soporte".into(),
            name_en: String::new(),
        });
        let found = errors(&f);
        assert!(found.iter().any(|f| f.place.contains("\"id\"")));
        assert!(found
            .iter()
            .any(|f| f.message.contains("unknown category \"nope\"")));
    }

    #[test]
    fn number_one_digit_off_is_warned() {
        let mut a = entry("a");
        a.answer = "Llame al 3701830 ext. 1 o al 3701830 ext. 2".into();
        let mut b = entry("b");
        b.answer = "Llame al PBX 31701830 ext. 2".into();
        let found = validate(&faq(vec![a, b]));
        assert!(found.iter().any(|f| f.severity == Severity::Warning
            && f.message.contains("31701830")
            && f.place.contains("\"b\"")));
    }

    #[test]
    fn one_edit_away_is_damerau_levenshtein_distance_one() {
        let n = "3701830";
        let mut near = std::collections::BTreeSet::new();
        for_each_one_edit_away(n, |m| {
            near.insert(m.to_string());
        });
        assert!(near.iter().all(|m| strsim::damerau_levenshtein(n, m) == 1));
        for m in [
            "3701831", "370183", "37018300", "3710830", "03701830", "3701803",
        ] {
            assert!(near.contains(m), "{m}");
        }
        assert!(!near.contains(n) && !near.contains("3701000"));
    }

    #[test]
    fn phrasing_in_two_entries_is_warned() {
        let mut a = entry("a");
        let mut b = entry("b");
        a.phrasings.push("¿Dónde pago?".into());
        b.phrasings.push("donde pago".into());
        let found = validate(&faq(vec![a, b]));
        assert!(found
            .iter()
            .any(|f| f.message.contains("two entries answer it")));
    }

    #[test]
    fn parse_errors_have_line_and_column() {
        let e = parse_json("{\n  \"entries\": [ { \"id\": 3 } ]\n}").unwrap_err();
        assert!(e.starts_with("line 2, column"), "{e}");
        assert!(parse_json("\u{FEFF}{\"entries\": []}").is_ok());
        assert!(parse_json("{\"entries\": [], \"extra\": 1}")
            .unwrap_err()
            .contains("extra"));
    }
}
