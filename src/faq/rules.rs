//! The rules an FAQ's fields follow, written once. The validator ([`super::validate`]) checks
//! them; the JSON Schema (`faq.schema.json`, which editors such as VS Code use) states the same
//! limits and patterns, written into it from here by `faq schema --write` and checked by
//! `cargo test` ([`SCHEMA_RULES`]).
//!
//! Each pattern is also a predicate here (`is_*`), hand-written because a regex engine would
//! cost the WebAssembly download far more than the rule; a test checks that each predicate says
//! exactly what its pattern says.

/// Largest number of entries (keeps the browser responsive).
pub const MAX_ENTRIES: usize = 20_000;
/// Longest text of any field, in characters (Unicode code points, as JSON Schema counts).
pub const MAX_FIELD_CHARS: usize = 20_000;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// An entry id: lower-case letters, digits and dashes, not starting with a dash.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,63}$";
/// A phone number as `tel:` and `wa.me` links need it: digits and spaces, an optional leading
/// `+`, at least one digit.
pub const PHONE_PATTERN: &str = "^\\+?[0-9 ]*[0-9][0-9 ]*$";
/// An e-mail address that makes a plain `mailto:` link: no parameters, no spaces, no markup.
pub const EMAIL_PATTERN: &str = "^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";
/// A map link: a plain https:// address.
pub const MAP_PATTERN: &str = "^https://[^\\s\"<>]+$";

/// Whether `s` is an entry id ([`ID_PATTERN`]).
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    !b.is_empty() && b.len() <= MAX_ID_CHARS && ok(&b[0]) && b.iter().all(|c| ok(c) || *c == b'-')
}

/// Whether `s` is a phone number ([`PHONE_PATTERN`]).
pub fn is_phone(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b' ')
}

/// Whether `s` is an e-mail address ([`EMAIL_PATTERN`]).
pub fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    let label =
        |l: &str| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    !user.is_empty()
        && user
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
        && domain.split('.').count() >= 2
        && domain.split('.').all(label)
}

/// Whether `s` is a map link ([`MAP_PATTERN`]).
pub fn is_map_link(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|rest| {
        !rest.is_empty()
            && !rest
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>'))
    })
}

/// A value the schema states, taken from a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RuleValue {
    /// A number (`maxLength`, `maxItems`).
    Number(usize),
    /// A regular expression (`pattern`).
    Pattern(&'static str),
}

/// Where `faq.schema.json` states each rule: a JSON pointer and the value it must hold.
pub const SCHEMA_RULES: &[(&str, RuleValue)] = &[
    (
        "/properties/entries/maxItems",
        RuleValue::Number(MAX_ENTRIES),
    ),
    ("/$defs/text/maxLength", RuleValue::Number(MAX_FIELD_CHARS)),
    ("/$defs/id/pattern", RuleValue::Pattern(ID_PATTERN)),
    ("/$defs/phone/pattern", RuleValue::Pattern(PHONE_PATTERN)),
    ("/$defs/email/pattern", RuleValue::Pattern(EMAIL_PATTERN)),
    ("/$defs/map/pattern", RuleValue::Pattern(MAP_PATTERN)),
];

/// Writes every rule of [`SCHEMA_RULES`] into a parsed `faq.schema.json`; returns the JSON
/// pointers whose value changed (none: the schema already says what the rules say). A pointer
/// that leads nowhere is an error naming it.
#[cfg(not(target_arch = "wasm32"))]
pub fn apply_to_schema(schema: &mut serde_json::Value) -> Result<Vec<&'static str>, String> {
    let mut changed = Vec::new();
    for (pointer, value) in SCHEMA_RULES {
        let slot = schema
            .pointer_mut(pointer)
            .ok_or_else(|| format!("the schema has no {pointer}"))?;
        let want = match value {
            RuleValue::Number(n) => serde_json::Value::from(*n),
            RuleValue::Pattern(p) => serde_json::Value::from(*p),
        };
        if *slot != want {
            *slot = want;
            changed.push(*pointer);
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each predicate against its pattern, with the `regex` crate (tests only), on strings near
    /// every edge of the rules.
    #[test]
    fn predicates_say_what_their_patterns_say() {
        let samples = [
            "",
            " ",
            "+",
            "+ ",
            "1",
            "+1",
            "+593 7 370 1830",
            "0984060320",
            "09 8406",
            "1+2",
            "++1",
            "a1",
            "wifi-clave",
            "-wifi",
            "wifi-",
            "Wifi",
            "wifi_clave",
            "a",
            "0",
            "9-9",
            &"a".repeat(64),
            &"a".repeat(65),
            "soporte@nettplus.net",
            "a@b.c",
            "a@b",
            "a@.b",
            "a@b.",
            "a@b..c",
            "a.b+c-d_e@x-y.z",
            "a b@c.d",
            "a@b.c?subject=x",
            "a@@b.c",
            "@b.c",
            "a@b.c/d",
            "ñ@b.c",
            "https://x",
            "https://",
            "http://x",
            "https://x y",
            "https://x\"",
            "https://x<y",
            "javascript:alert(1)",
            "HTTPS://x",
            "https://ñ.ec/a?b=c",
            "https://x\t",
            "https://x\n",
        ];
        type Predicate = fn(&str) -> bool;
        let rules: [(&str, Predicate); 4] = [
            (ID_PATTERN, is_id),
            (PHONE_PATTERN, is_phone),
            (EMAIL_PATTERN, is_email),
            (MAP_PATTERN, is_map_link),
        ];
        for (pattern, predicate) in rules {
            let re = regex::Regex::new(pattern).expect("the pattern compiles");
            for s in samples {
                assert_eq!(predicate(s), re.is_match(s), "{pattern} on {s:?}");
            }
        }
    }

    #[test]
    fn the_id_pattern_states_the_id_length() {
        assert!(ID_PATTERN.contains(&format!("{{0,{}}}", MAX_ID_CHARS - 1)));
    }
}
