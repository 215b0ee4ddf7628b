//! Text analysis: normalisation, tokenisation, SMS shorthand, stop words, stemming and a
//! Spanish phonetic key for typo tolerance.
//!
//! Everything here is pure, allocation-light Rust with hand-written tables, so that it adds
//! little to the WebAssembly download (no `to_lowercase`, no Unicode normalisation tables).

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
    let mut tokens = Vec::new();
    let mut word = String::new();
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
            tokens.push(Token {
                text: collapse_runs(std::mem::take(&mut word)),
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

/// SMS shorthand and phone spellings that stand for whole words.
///
/// This is language, not FAQ content: it is the same for every FAQ in Spanish or English.
pub fn expand_shorthand(word: &str) -> Option<&'static [&'static str]> {
    SHORTHAND
        .binary_search_by(|(k, _)| k.cmp(&word))
        .ok()
        .map(|i| SHORTHAND[i].1)
}

/// Shorthand and what it stands for, sorted by shorthand (a test checks) for binary search.
type Expansion = (&'static str, &'static [&'static str]);
const SHORTHAND: &[Expansion] = &[
    ("aki", &["aqui"]),
    ("bco", &["banco"]),
    ("bcos", &["banco"]),
    ("cel", &["celular"]),
    ("cn", &["con"]),
    ("cta", &["cuenta"]),
    ("ctas", &["cuenta"]),
    ("d", &["de"]),
    ("derepente", &["de", "repente"]),
    ("derrepente", &["de", "repente"]),
    ("dnd", &["donde"]),
    ("dond", &["donde"]),
    ("face", &["facebook"]),
    ("fb", &["facebook"]),
    ("fono", &["telefono"]),
    ("guasap", &["whatsapp"]),
    ("info", &["informacion"]),
    ("k", &["que"]),
    ("ke", &["que"]),
    ("kien", &["quien"]),
    ("kiero", &["quiero"]),
    ("komo", &["como"]),
    ("mje", &["mensaje"]),
    ("msg", &["mensaje"]),
    ("msj", &["mensaje"]),
    ("nd", &["nada"]),
    ("ntp", &["no", "te", "preocupes"]),
    ("pa", &["para"]),
    ("pk", &["porque"]),
    ("plis", &["por", "favor"]),
    ("pls", &["por", "favor"]),
    ("plz", &["por", "favor"]),
    ("porfa", &["por", "favor"]),
    ("porfis", &["por", "favor"]),
    ("porke", &["porque"]),
    ("porq", &["porque"]),
    ("pq", &["porque"]),
    ("pqe", &["porque"]),
    ("q", &["que"]),
    ("qe", &["que"]),
    ("tambn", &["tambien"]),
    ("tb", &["tambien"]),
    ("tbn", &["tambien"]),
    ("tel", &["telefono"]),
    ("telf", &["telefono"]),
    ("tgo", &["tengo"]),
    ("tlf", &["telefono"]),
    ("tlfn", &["telefono"]),
    ("tmb", &["tambien"]),
    ("tngo", &["tengo"]),
    ("ud", &["usted"]),
    ("uds", &["usted"]),
    ("usd", &["usted"]),
    ("wasap", &["whatsapp"]),
    ("wats", &["whatsapp"]),
    ("watsap", &["whatsapp"]),
    ("whats", &["whatsapp"]),
    ("whatsap", &["whatsapp"]),
    ("wpp", &["whatsapp"]),
    ("wsp", &["whatsapp"]),
    ("x", &["por"]),
    ("xfa", &["por", "favor"]),
    ("xfavor", &["por", "favor"]),
    ("xk", &["porque"]),
    ("xke", &["porque"]),
    ("xq", &["porque"]),
    ("xque", &["porque"]),
];

/// Words that carry no intent on their own: articles, prepositions, pronouns, greetings and
/// courtesy, in Spanish and English. Deliberately short: the words that do carry FAQ intent
/// ("cómo", "dónde", "cuándo", "no", "sin", "tengo", "hay") are *not* here, they are
/// [`is_light`] instead.
pub fn is_stop(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Stop words, sorted (a test checks) for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "ahi",
    "ahora",
    "al",
    "algo",
    "alguien",
    "algun",
    "alguna",
    "alguno",
    "alla",
    "also",
    "am",
    "an",
    "and",
    "ante",
    "antes",
    "any",
    "aora",
    "aquel",
    "aquella",
    "aqui",
    "are",
    "as",
    "asi",
    "at",
    "aun",
    "ayer",
    "ayuda",
    "ayudame",
    "ayudan",
    "ayudar",
    "ayudeme",
    "be",
    "been",
    "bien",
    "buen",
    "buenas",
    "bueno",
    "buenos",
    "but",
    "by",
    "cada",
    "can",
    "cant",
    "cinco",
    "con",
    "could",
    "cuatro",
    "da",
    "dame",
    "dan",
    "dar",
    "darme",
    "de",
    "debe",
    "debo",
    "decir",
    "decirme",
    "del",
    "den",
    "deseo",
    "despues",
    "dias",
    "dice",
    "dicen",
    "did",
    "didnt",
    "digan",
    "disculpa",
    "disculpe",
    "do",
    "does",
    "doesnt",
    "dont",
    "dos",
    "doy",
    "e",
    "el",
    "ella",
    "ellas",
    "ellos",
    "en",
    "entre",
    "era",
    "es",
    "esa",
    "esas",
    "ese",
    "eso",
    "esos",
    "esta",
    "estan",
    "estas",
    "este",
    "estimado",
    "estimados",
    "esto",
    "estos",
    "estoy",
    "favor",
    "favorcito",
    "favr",
    "for",
    "from",
    "fue",
    "get",
    "give",
    "go",
    "got",
    "gracias",
    "ha",
    "hace",
    "hacen",
    "hacer",
    "hacia",
    "had",
    "hago",
    "han",
    "has",
    "have",
    "he",
    "hello",
    "help",
    "hemos",
    "her",
    "hey",
    "hi",
    "his",
    "hola",
    "holi",
    "hoy",
    "i",
    "if",
    "im",
    "in",
    "into",
    "is",
    "it",
    "its",
    "ive",
    "jaja",
    "jajaja",
    "jeje",
    "just",
    "know",
    "la",
    "las",
    "le",
    "les",
    "let",
    "like",
    "lo",
    "los",
    "luego",
    "mal",
    "mas",
    "me",
    "mi",
    "mis",
    "misma",
    "mismo",
    "much",
    "mucha",
    "muchas",
    "mucho",
    "muchos",
    "muy",
    "my",
    "necesitamos",
    "necesito",
    "need",
    "ni",
    "noches",
    "nos",
    "nosotros",
    "now",
    "o",
    "of",
    "oiga",
    "ok",
    "okay",
    "ola",
    "on",
    "one",
    "or",
    "otro",
    "otros",
    "our",
    "out",
    "para",
    "pero",
    "please",
    "plis",
    "podemos",
    "podria",
    "podrian",
    "pone",
    "ponen",
    "poner",
    "pongan",
    "por",
    "porfavor",
    "puede",
    "pueden",
    "puedo",
    "pues",
    "pusieron",
    "puso",
    "que",
    "queria",
    "quiero",
    "quisiera",
    "repente",
    "right",
    "sabe",
    "saber",
    "saludos",
    "se",
    "segun",
    "senor",
    "senora",
    "senorita",
    "ser",
    "she",
    "should",
    "si",
    "so",
    "sobre",
    "sola",
    "solo",
    "some",
    "someone",
    "something",
    "son",
    "soy",
    "su",
    "sus",
    "tambien",
    "tan",
    "tardes",
    "te",
    "tell",
    "tenemos",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "tiene",
    "tienen",
    "to",
    "toda",
    "todas",
    "todavia",
    "todo",
    "todos",
    "too",
    "tras",
    "tres",
    "tu",
    "tus",
    "u",
    "un",
    "una",
    "unas",
    "uno",
    "unos",
    "up",
    "us",
    "usted",
    "ustedes",
    "va",
    "vamos",
    "van",
    "ver",
    "very",
    "vos",
    "voy",
    "want",
    "was",
    "we",
    "were",
    "will",
    "with",
    "would",
    "xd",
    "xfa",
    "y",
    "yo",
    "you",
    "your",
];

/// Words that carry some intent but little on their own: question words, negation and a few
/// frequent verbs. They are kept, with a lower weight.
pub fn is_light(word: &str) -> bool {
    LIGHT_WORDS.binary_search(&word).is_ok()
}

/// Light words, sorted (a test checks) for binary search.
const LIGHT_WORDS: &[&str] = &[
    "como", "cual", "cuales", "cuando", "cuanta", "cuantas", "cuanto", "cuantos", "donde", "hay",
    "how", "nettplus", "no", "not", "porque", "puedes", "quien", "quienes", "sin", "tener",
    "tengo", "what", "when", "where", "which", "who", "why", "without", "ya",
];

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

    #[test]
    fn word_tables_are_sorted_and_disjoint() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "STOP_WORDS must be sorted"
        );
        assert!(
            LIGHT_WORDS.windows(2).all(|w| w[0] < w[1]),
            "LIGHT_WORDS must be sorted"
        );
        for w in LIGHT_WORDS {
            assert!(!is_stop(w), "{w} is both a stop word and a light word");
        }
    }

    #[test]
    fn shorthand_and_stop_words() {
        assert_eq!(expand_shorthand("xq"), Some(&["porque"][..]));
        assert_eq!(expand_shorthand("q"), Some(&["que"][..]));
        assert!(is_stop("la") && !is_stop("no") && !is_stop("donde"));
        assert!(is_light("donde") && is_light("sin"));
    }
}
