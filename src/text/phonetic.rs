//! A Spanish phonetic key for typo tolerance.

/// A Spanish phonetic key: spellings that sound alike get the same key, so "ofisina",
/// "serbicio", "yega" and "ajencia" find "oficina", "servicio", "llega" and "agencia".
pub fn phonetic_key(word: &str) -> String {
    let b = word.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let soft = matches!(next, Some(b'e') | Some(b'i') | Some(b'y'));
        let k: &[u8] = match c {
            b'h' => {
                if out.last() == Some(&b'c') {
                    // "ch" stays distinct from "c".
                    out.pop();
                    b"C"
                } else {
                    b""
                }
            }
            b'q' if next == Some(b'u') => {
                i += 1;
                b"k"
            }
            b'q' | b'k' => b"k",
            b'c' if soft => b"s",
            b'c' if next == Some(b'h') => b"c",
            b'c' => b"k",
            b'z' => b"s",
            b'x' => b"s",
            b'v' | b'w' => b"b",
            b'l' if next == Some(b'l') => {
                i += 1;
                b"y"
            }
            b'g' if next == Some(b'u') && matches!(b.get(i + 2), Some(b'e') | Some(b'i')) => {
                i += 1;
                b"g"
            }
            b'g' if soft => b"j",
            b'y' if !matches!(next, Some(b'a') | Some(b'e') | Some(b'o') | Some(b'u')) => b"i",
            b'n' if matches!(next, Some(b'b') | Some(b'p')) => b"m",
            other => {
                if out.last() == Some(&other) {
                    b""
                } else {
                    out.push(other);
                    b""
                }
            }
        };
        for &x in k {
            if out.last() != Some(&x) {
                out.push(x);
            }
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phonetic_key_merges_common_misspellings() {
        for (a, b) in [
            ("ofisina", "oficina"),
            ("serbicio", "servicio"),
            ("yega", "llega"),
            ("ajencia", "agencia"),
            ("ago", "hago"),
            ("canbiar", "cambiar"),
            ("kiero", "quiero"),
            ("faya", "falla"),
            ("wify", "wifi"),
        ] {
            assert_eq!(phonetic_key(a), phonetic_key(b), "{a} ~ {b}");
        }
        assert_ne!(phonetic_key("pago"), phonetic_key("bajo"));
    }
}
