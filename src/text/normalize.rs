//! Normalisation and tokenisation: lower case, accents folded with a hand-written table (so
//! "instalación" and "instalacion" are the same word), punctuation and emoji split words, runs of
//! three or more letters collapse, "wi-fi" joins. Each word keeps its byte range in the original.
//!
//! Hand-written on purpose: `str::to_lowercase` and Unicode normalisation tables would add 12 KB
//! and 66 KB to the WebAssembly download.

/// A word of the input with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised word: lower case, accents folded, letter runs of three or more collapsed.
    pub text: String,
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word's last character in the original text.
    pub end: usize,
}

/// Folds one character to lower-case ASCII when it is a letter or digit we know.
///
/// Returns `None` for characters that separate words (spaces, punctuation, emoji, symbols and
/// scripts the FAQ does not use). Accents and the tilde are folded: `Á` → `a`, `ñ` → `n`.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    let folded = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'ª' => {
            'a'
        }
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'º' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ý' | 'ÿ' | 'Ý' => 'y',
        // Full-width digits and letters typed on some phone keyboards.
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{FF21}'..='\u{FF3A}' => char::from(b'a' + (c as u32 - 0xFF21) as u8),
        '\u{FF41}'..='\u{FF5A}' => char::from(b'a' + (c as u32 - 0xFF41) as u8),
        _ => return None,
    };
    Some(folded)
}

/// Characters that join the two halves of a word when they stand between letters or digits
/// (`wi-fi`, `e-mail`, `don't`). Anywhere else they separate words.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '_' | '\u{00AD}')
}

/// Splits text into normalised words with their byte offsets in the original text.
///
/// At most `max_tokens` words are returned; the rest is ignored, which bounds the work done for
/// any input size.
pub fn tokenize(input: &str, max_tokens: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(16);
    let mut word = String::with_capacity(16);
    let mut start = 0usize;
    let mut end = 0usize;
    let mut pending_joiner = false;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(f) = fold_char(c) {
            if word.is_empty() {
                start = i;
            }
            pending_joiner = false;
            word.push(f);
            end = i + c.len_utf8();
            continue;
        }
        if is_joiner(c) && !word.is_empty() && !pending_joiner {
            // Join only when a letter or digit follows directly.
            if let Some(&(_, next)) = chars.peek() {
                if fold_char(next).is_some() && c != '.' {
                    pending_joiner = true;
                    continue;
                }
                // A dot joins abbreviations such as "e.mail" only between letters.
                if c == '.'
                    && fold_char(next).is_some_and(|n| n.is_ascii_alphabetic())
                    && word.ends_with(|l: char| l.is_ascii_alphabetic())
                    && word.len() <= 3
                {
                    pending_joiner = true;
                    continue;
                }
            }
        }
        pending_joiner = false;
        if !word.is_empty() {
            // A word's String made at a size most words fit: no growing it letter by letter.
            let next = String::with_capacity(16);
            tokens.push(Token {
                text: collapse_runs(std::mem::replace(&mut word, next)),
                start,
                end,
            });
            if tokens.len() >= max_tokens {
                return tokens;
            }
        }
    }
    if !word.is_empty() && tokens.len() < max_tokens {
        tokens.push(Token {
            text: collapse_runs(word),
            start,
            end,
        });
    }
    tokens
}

/// Collapses runs of three or more equal letters to one ("holaaa" → "hola", "porfaaaa" →
/// "porfa") while keeping the double letters Spanish uses ("llave", "carro", "acceso").
fn collapse_runs(word: String) -> String {
    let b = word.as_bytes();
    let has_run = b
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if !has_run {
        return word;
    }
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < b.len() {
        let mut j = i;
        while j < b.len() && b[j] == b[i] {
            j += 1;
        }
        let run = j - i;
        let keep = if run >= 3 && b[i].is_ascii_alphabetic() {
            1
        } else {
            run
        };
        for _ in 0..keep {
            out.push(b[i] as char);
        }
        i = j;
    }
    out
}

/// Normalises a whole text to space-separated words (used for keys and display of terms).
pub fn normalize(input: &str) -> String {
    let tokens = tokenize(input, usize::MAX);
    let mut out = String::with_capacity(input.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&t.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 100).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(
            words("¿Cuál es la CONTRASEÑA del Wi-Fi?"),
            ["cual", "es", "la", "contrasena", "del", "wifi"]
        );
        assert_eq!(normalize("Instalación ÁÉÍÓÚ ü"), "instalacion aeiou u");
    }

    #[test]
    fn emoji_and_symbols_separate_words() {
        assert_eq!(words("no navega😡😡ya"), ["no", "navega", "ya"]);
        assert_eq!(words("💩🙏"), Vec::<String>::new());
    }

    #[test]
    fn collapses_long_letter_runs_but_keeps_doubles() {
        assert_eq!(
            words("holaaaa porfaaa llave carro"),
            ["hola", "porfa", "llave", "carro"]
        );
    }

    #[test]
    fn offsets_point_into_the_original() {
        let s = "¿Dónde está la oficina?";
        let t = tokenize(s, 10);
        assert_eq!(&s[t[0].start..t[0].end], "Dónde");
        assert_eq!(&s[t[3].start..t[3].end], "oficina");
    }

    #[test]
    fn token_limit_bounds_output() {
        let long = "palabra ".repeat(10_000);
        assert_eq!(tokenize(&long, 64).len(), 64);
    }
}
