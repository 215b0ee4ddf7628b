//! A light Spanish stemmer.

/// A light Spanish stemmer (also good enough for English plurals and verb endings).
///
/// It works on folded ASCII words, so "instalación" and "instalacion" stem alike. It removes
/// enclitic pronouns after infinitives ("cambiarla"), derivational and inflectional suffixes,
/// and keeps at least three letters. Words with digits are left alone.
pub fn stem(word: &str) -> String {
    let w = word.as_bytes();
    if w.len() <= 3 || w.iter().any(|b| b.is_ascii_digit()) || !word.is_ascii() {
        return word.to_string();
    }
    let mut s: &str = word;
    // Enclitic pronouns after an infinitive or gerund: cambiarla, enviarles, pasarme.
    let last = w[w.len() - 1];
    for enc in [
        "selo", "sela", "melo", "mela", "los", "las", "les", "nos", "lo", "la", "le", "me", "se",
        "te",
    ] {
        if enc.as_bytes()[enc.len() - 1] != last {
            continue;
        }
        if let Some(rest) = s.strip_suffix(enc) {
            if rest.len() >= 5
                && (rest.ends_with("ar")
                    || rest.ends_with("er")
                    || rest.ends_with("ir")
                    || rest.ends_with("ando")
                    || rest.ends_with("iendo"))
            {
                s = rest;
                break;
            }
        }
    }
    const SUFFIXES: &[&str] = &[
        "amientos", "imientos", "aciones", "iciones", "uciones", "amiento", "imiento", "idades",
        "adoras", "adores", "ancias", "encias", "ciones", "acion", "icion", "ucion", "mente",
        "ables", "ibles", "adora", "ador", "ancia", "encia", "istas", "idad", "able", "ible",
        "ista", "cion", "sion", "xion", "iendo", "yendo", "ando", "ieron", "aron", "abamos",
        "arian", "arias", "aria", "aban", "abas", "aba", "adas", "ados", "idas", "idos", "ada",
        "ado", "ida", "ido", "aras", "ara", "amos", "emos", "imos", "ing", "ed", "ar", "er", "ir",
        "as", "es", "os", "an", "en", "a", "e", "o", "s",
    ];
    let last = s.as_bytes()[s.len() - 1];
    for suf in SUFFIXES {
        // Cheap first test: most suffixes cannot match the last letter.
        if suf.as_bytes()[suf.len() - 1] != last {
            continue;
        }
        if let Some(rest) = s.strip_suffix(suf) {
            if rest.len() >= 3 {
                let mut out = rest.to_string();
                // pagué → pagu → pag; the "u" only kept the g hard before e/i.
                if out.ends_with("gu") && (suf.starts_with('e') || suf.starts_with('i')) {
                    out.pop();
                }
                return out;
            }
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn stems_accented_and_plain_forms_alike() {
        assert_eq!(stem("instalacion"), stem(&normalize("instalación")));
        assert_eq!(stem("contratar"), stem("contrato"));
        assert_eq!(stem("contratacion"), stem("contratar"));
        assert_eq!(stem("pague"), stem("pago"));
        assert_eq!(stem("cambiarla"), stem("cambio"));
        assert_eq!(stem("facturas"), stem("factura"));
        assert_eq!(stem("mes"), "mes");
        assert_eq!(stem("3701830"), "3701830");
    }
}
