//! Text analysis, pure and allocation-light, with hand-written tables: normalisation and
//! tokenisation ([`normalize`]), the word tables ([`words`]: SMS shorthand, stop words, light
//! words), stemming ([`stem`]) and a Spanish phonetic key ([`phonetic`]) for typo tolerance.

pub mod normalize;
pub mod phonetic;
pub mod stem;
pub mod words;

pub use normalize::{fold_char, normalize, tokenize, Token};
pub use phonetic::phonetic_key;
pub use stem::stem;
pub use words::{expand_shorthand, is_light, is_stop, light_words, shorthand, stop_words};
