//! Checking an FAQ: errors (it cannot be used) and warnings (likely mistakes), each naming the
//! entry and field. The limits and patterns are [`super::rules`].

use super::rules::{is_email, is_id, is_map_link, is_phone, MAX_ENTRIES, MAX_FIELD_CHARS};
use super::Faq;
use serde::Serialize;

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
    /// Where, for people: `entry #3 "wifi-clave" field "phrasings[2]"`, `contact.email[0]`, …
    pub place: String,
    /// Where, for programs: the field's path in the file, `entries[2].phrasings[2]`,
    /// `contact.email[0].address` (empty for the whole file). The studio focuses the field it
    /// names.
    pub path: String,
    /// The entry id concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Where a finding stands: its [`Finding::place`] and [`Finding::path`], made together so they
/// always name the same field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Site {
    place: String,
    path: String,
}

impl Site {
    /// A field of the entry at `index` (0-based) with id `id`: `field` is its path within the
    /// entry (`"phrasings[2]"`, `"en.answer"`).
    fn entry(index: usize, id: &str, field: &str) -> Site {
        Site {
            place: format!("entry #{} \"{}\" field \"{field}\"", index + 1, shown(id)),
            path: format!("entries[{index}].{field}"),
        }
    }
}

/// A place outside the entries, which is its own path (`"contact.pbx.tel"`).
impl From<String> for Site {
    fn from(path: String) -> Site {
        Site {
            place: path.clone(),
            path,
        }
    }
}

impl From<&str> for Site {
    fn from(path: &str) -> Site {
        path.to_string().into()
    }
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

/// Text from the file as messages show it: control characters escaped (so nothing in the file
/// can drive the editor's terminal) and cut after 60 characters.
pub(crate) fn shown(s: &str) -> String {
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

/// The length of a text in characters, when it is over [`MAX_FIELD_CHARS`].
fn too_long(text: &str) -> Option<usize> {
    // Counting needs a look only past MAX_FIELD_CHARS bytes: fewer bytes are fewer characters.
    if text.len() <= MAX_FIELD_CHARS {
        return None;
    }
    let n = text.chars().count();
    (n > MAX_FIELD_CHARS).then_some(n)
}

fn too_long_message(chars: usize) -> String {
    format!("{chars} characters is longer than the {MAX_FIELD_CHARS} allowed")
}

/// Checks an FAQ for errors (it cannot be used) and warnings (likely mistakes).
///
/// Errors: no entries, bad or duplicate ids, empty questions or answers, unknown categories,
/// oversized fields, bad e-mail addresses or link schemes. Warnings: duplicate phrasings, a
/// phrasing claimed by two entries, entries without phrasings, numbers that differ by one digit
/// from a number used elsewhere (a likely typo), a synonym listed in two groups.
pub fn validate(faq: &Faq) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut err = |site: Site, entry: Option<&str>, message: String| {
        out.push(Finding {
            severity: Severity::Error,
            place: site.place,
            path: site.path,
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
                format!("categories[{ci}]").into(),
                None,
                "a category needs an id and a name".into(),
            );
        }
    }
    for (i, e) in faq.entries.iter().enumerate() {
        let place = |field: &str| Site::entry(i, &e.id, field);
        if !is_id(&e.id) {
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
            if let Some(n) = too_long(text) {
                err(place(name), Some(&e.id), too_long_message(n));
            }
            if text.contains('\u{0}') {
                err(place(name), Some(&e.id), "contains a NUL character".into());
            }
        }
    }
    if let Some(a) = &faq.contact.address {
        if !a.map.is_empty() && !is_map_link(&a.map) {
            err(
                "contact.address.map".into(),
                None,
                format!(
                    "the map link must be a plain https:// address (got \"{}\")",
                    shown(&a.map)
                ),
            );
        }
    }
    for (k, m) in faq.contact.email.iter().enumerate() {
        if !is_email(&m.value.address) {
            err(
                format!("contact.email[{k}].address").into(),
                None,
                format!("\"{}\" is not an e-mail address", shown(&m.value.address)),
            );
        }
    }
    for (k, w) in faq.contact.whatsapp.iter().enumerate() {
        if !is_phone(&w.value.number) {
            err(
                format!("contact.whatsapp[{k}].number").into(),
                None,
                format!("\"{}\" is not a phone number", shown(&w.value.number)),
            );
        }
    }
    if let Some(p) = &faq.contact.pbx {
        // The widget makes `tel:` links of these.
        for (name, number) in [("number", &p.number), ("tel", &p.tel)] {
            let optional = name == "tel" && number.is_empty();
            if !optional && !is_phone(number) {
                err(
                    format!("contact.pbx.{name}").into(),
                    None,
                    format!("\"{}\" is not a phone number", shown(number)),
                );
            }
        }
    }
    // The size cap and the NUL check hold for every text the widget shows, not only entries.
    for (place, text) in other_texts(faq) {
        if let Some(n) = too_long(text) {
            err(place.clone().into(), None, too_long_message(n));
        }
        if text.contains('\u{0}') {
            err(place.into(), None, "contains a NUL character".into());
        }
    }
    // Warnings are for the editors (the CLI); the browser only needs to know if it can answer,
    // so they stay out of the WebAssembly download.
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

fn warnings(faq: &Faq) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut warn = |site: Site, entry: Option<&str>, message: String| {
        out.push(Finding {
            severity: Severity::Warning,
            place: site.place,
            path: site.path,
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
                Site::entry(i, &e.id, "phrasings"),
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
                        Site::entry(i, &e.id, &field),
                        Some(&e.id),
                        "phrasing has no words".into(),
                    );
                }
                continue;
            }
            match owner.get(&key) {
                Some((j, f)) if *j == i => warn(
                    Site::entry(i, &e.id, &field),
                    Some(&e.id),
                    format!("duplicate of this entry's {f}"),
                ),
                Some((j, f)) => warn(
                    Site::entry(i, &e.id, &field),
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
                Site::entry(i, &e.id, "answer"),
                Some(&e.id),
                "the answer is very short".into(),
            );
        }
    }
    for (k, p) in faq.unanswered.phrasings.iter().enumerate() {
        if let Some((j, f)) = owner.get(&crate::text::normalize(p)) {
            warn(
                format!("unanswered.phrasings[{k}]").into(),
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
                format!("synonyms[{g}]").into(),
                None,
                "a synonym group needs at least two words".into(),
            );
        }
        for w in group {
            let key = crate::text::normalize(w);
            if let Some(&other) = syn_group.get(&key) {
                if other != g {
                    warn(
                        format!("synonyms[{g}]").into(),
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
fn collect_numbers(faq: &Faq) -> Vec<(String, Site)> {
    let mut out = Vec::new();
    let mut scan = |text: &str, place: Site| {
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
        scan(&e.answer, Site::entry(i, &e.id, "answer"));
        if let Some(en) = &e.en {
            scan(&en.answer, Site::entry(i, &e.id, "en.answer"));
        }
    }
    if let Some(p) = &faq.contact.pbx {
        scan(&p.number, "contact.pbx.number".into());
    }
    for (k, w) in faq.contact.whatsapp.iter().enumerate() {
        scan(
            &w.value.number,
            format!("contact.whatsapp[{k}].number").into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faq::{Category, Contact, Entry, Unanswered};

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
    fn every_finding_has_the_path_of_its_field() {
        let mut b = entry("b");
        b.phrasings = vec!["otra".into(), "x\u{0}".into()];
        let mut f = faq(vec![entry("a"), b]);
        f.contact.email.push(crate::faq::Labelled {
            value: crate::faq::Email {
                address: "no".into(),
            },
            label: String::new(),
            label_en: String::new(),
        });
        let found = errors(&f);
        let nul = found.iter().find(|x| x.message.contains("NUL")).unwrap();
        assert_eq!(nul.path, "entries[1].phrasings[1]");
        assert_eq!(nul.place, "entry #2 \"b\" field \"phrasings[1]\"");
        let mail = found.iter().find(|x| x.message.contains("e-mail")).unwrap();
        assert_eq!(
            (mail.place.as_str(), mail.path.as_str()),
            ("contact.email[0].address", "contact.email[0].address")
        );
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
}
