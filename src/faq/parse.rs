//! Reading `faq.json` (the `faq` tool and the studio): encoding errors name the byte, syntax
//! errors the line and column, well-formed JSON that does not make an FAQ the entry and field.

use super::validate::shown;
use super::{Entry, Faq};

/// Reads an FAQ file's bytes: UTF-8 (a byte order mark is allowed), then [`parse_json`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Faq, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("line 1, column 1: not valid UTF-8: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = at
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        format!("line {line}, column {col}: not valid UTF-8 (byte {at}); save the file as UTF-8")
    })?;
    parse_json(text)
}

/// Parses FAQ JSON text. Errors say what is wrong and at which line and column, and, when the
/// JSON is well formed but says the wrong thing, in which entry and field.
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
