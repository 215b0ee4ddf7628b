//! The answer engine. `faq compile` trains a classifier on the FAQ's own phrasings and writes it,
//! with what reading a question needs, into one compiled index ([`image`]); the engine reads that
//! index in place and answers. One stage per file, in the order a question goes through them:
//!
//! 1. [`analyze`]: normalise, split into words, expand SMS shorthand, stem, correct typos
//!    ([`typo`]: Spanish phonetic key, then bounded edit distance), read multi-word synonyms as
//!    their group's first word; the content words' stems are the features.
//! 2. [`score`]: the classifier: each known stem adds its weights to the classes it has weights
//!    for (every entry, the contact options, and the topics the FAQ does not answer); a softmax
//!    makes them probabilities.
//! 3. [`decide`]: answer, ambiguous, contact options, or no answer.
//! 4. [`explain`]: the words that counted, and the words to mark in the answer.
//!
//! The reply types are in [`reply`], the constants in [`params`]; training is in `build`
//! (native and the studio only: the customers' WebAssembly carries no training code).

mod analyze;
#[cfg(feature = "build")]
pub mod build;
mod decide;
mod explain;
pub mod image;
mod lookup;
mod math;
pub mod params;
pub mod reply;
mod score;
mod typo;
mod util;

pub use image::{Image, ImageError};
pub use params::{Params, MAX_QUERY_BYTES, MAX_QUERY_WORDS, MAX_TYPO_LOOKUPS};
pub use reply::{Hit, Matched, NoAnswer, Reply, Status, Via};

use analyze::{Lexicon, Synonym, Word};
use decide::Evidence;
use score::{feature_value, Scores};
use typo::{candidates, Candidate, TypoTable};
use util::{slice, truncate};

/// The mark on the typo table's ids that name a synonym variant rather than a stem.
const VARIANT: u32 = 1 << 31;

/// An FAQ ready to answer questions: its compiled index and the typo table made from it.
pub struct Engine {
    image: Image,
    /// The typo table's two lists (by the words' sound, by their stems'), each made the first
    /// time a question has a word the FAQ does not use, or by [`Engine::prepare`]: together they
    /// are two thirds of the time reading an index takes, and the widget reads its index while
    /// the host page is idle, one short task at a time.
    typo_words: std::sync::OnceLock<Vec<Candidate>>,
    typo_stems: std::sync::OnceLock<Vec<Candidate>>,
}

impl Lexicon for Engine {
    fn is_stop(&self, word: &str) -> bool {
        self.image.is_stop(word)
    }

    fn is_light(&self, word: &str) -> bool {
        self.image.is_light(word)
    }

    fn expand(&self, word: &str) -> Option<Vec<String>> {
        self.image.expand(word)
    }

    /// A stem the model knows, or the first word of a synonym (which is read as known words).
    fn is_known(&self, stem: &str) -> bool {
        self.image.find(stem).is_some() || self.image.starts_synonym(stem)
    }

    fn correct(&self, word: &mut Word) {
        self.typos().correct(word, |id| self.corrected_stem(id));
    }

    fn synonyms(&self, first_stem: &str) -> &[Synonym] {
        self.image.synonyms_of(first_stem)
    }
}

impl Engine {
    /// Reads a compiled index (what `faq compile` writes). A damaged or forged one is an error
    /// saying what is wrong.
    pub fn from_image(bytes: Vec<u8>) -> Result<Engine, ImageError> {
        let image = Image::read(bytes)?;
        Ok(Engine {
            image,
            typo_words: std::sync::OnceLock::new(),
            typo_stems: std::sync::OnceLock::new(),
        })
    }

    /// Makes, one step per call, what the first question would otherwise make (the synonym
    /// variants' stems, the typo table), so that it costs no question any time; says whether
    /// steps are left. Each step is a few milliseconds: the widget takes one per idle moment.
    pub fn prepare(&self) -> bool {
        if !self.image.synonyms_ready() {
            self.image.synonyms();
        } else if self.typo_words.get().is_none() {
            self.typo_list(false);
        } else {
            self.typo_list(true);
            return false;
        }
        true
    }

    /// One list of the typo table, made the first time it is needed.
    fn typo_list(&self, by_stem: bool) -> &[Candidate] {
        let cell = if by_stem {
            &self.typo_stems
        } else {
            &self.typo_words
        };
        cell.get_or_init(|| {
            let image = &self.image;
            let n = image.stem_count();
            let mut words = Vec::with_capacity(n + 256);
            for k in 0..n {
                words.push((image.word(k), k as u32, image.weight_count(k) as u32, false));
            }
            // Stop words are candidates too, so that a misspelt "para" stays a stop word; their
            // ids come after the stems'.
            for (i, w) in image.stop_words().enumerate() {
                words.push((w.to_string(), (n + i) as u32, u32::MAX, true));
            }
            // So are the synonyms' one-word variants, which the model knows only through their
            // group ("telefno" is "telefono", a variant of "numero"): their ids are their index
            // among the variants, marked, and a stem of the model wins a tie (frequency 0).
            for (i, syn) in image.synonyms().iter().enumerate() {
                if let [w] = syn.words.as_slice() {
                    words.push((w.clone(), VARIANT | i as u32, 0, false));
                }
            }
            candidates(words.into_iter(), by_stem)
        })
    }

    /// The stem a typo is corrected to, by its candidate's id: a stem's, or a variant's (a stop
    /// word is never corrected to: it stays one).
    fn corrected_stem(&self, id: u32) -> String {
        if id & VARIANT != 0 {
            let v = (id & !VARIANT) as usize;
            let variant = self.image.synonyms().get(v);
            variant
                .and_then(|s| s.stems.first())
                .cloned()
                .unwrap_or_default()
        } else {
            self.image.stem(id as usize).to_string()
        }
    }

    fn typos(&self) -> TypoTable<'_> {
        TypoTable {
            words: self.typo_list(false),
            stems: self.typo_list(true),
        }
    }

    /// Compiles an FAQ with the default parameters and reads the result.
    #[cfg(feature = "build")]
    pub fn new(faq: &crate::faq::Faq) -> Result<Engine, String> {
        Engine::with_params(faq, &Params::default())
    }

    /// Compiles an FAQ with the given parameters and reads the result.
    #[cfg(feature = "build")]
    pub fn with_params(faq: &crate::faq::Faq, params: &Params) -> Result<Engine, String> {
        let bytes = build::compile(faq, params)?;
        Engine::from_image(bytes).map_err(|e| e.to_string())
    }

    /// The compiled index this engine answers from.
    pub fn image(&self) -> &Image {
        &self.image
    }

    /// The id of entry `i` (in FAQ order).
    pub fn id(&self, i: usize) -> &str {
        self.image.id(i)
    }

    /// Number of entries.
    pub fn entries(&self) -> usize {
        self.image.entries()
    }

    /// Answers a question: at most `top` hits, best first.
    pub fn ask(&self, query: &str, top: usize) -> Reply {
        let (query, truncated) = truncate(query, MAX_QUERY_BYTES);
        let words = analyze::read_words(self, query, true);
        // Each content word once, with its stem's index when the model knows it.
        let mut content: Vec<&Word> = Vec::new();
        for w in words.iter().filter(|w| !w.stop) {
            if !content.iter().any(|c| c.stem == w.stem) {
                content.push(w);
            }
        }
        // Each content word looked up once: known (with its stem's index) or unknown.
        let mut known: Vec<(&Word, usize)> = Vec::with_capacity(content.len());
        let mut unknown: Vec<String> = Vec::new();
        for w in &content {
            match self.image.find(&w.stem) {
                Some(k) => known.push((*w, k)),
                None => unknown.push(slice(query, w.start, w.end).to_string()),
            }
        }
        let stems: Vec<usize> = known.iter().map(|&(_, k)| k).collect();
        let scores = score::score(&self.image, &stems, content.len());
        let x = feature_value(content.len());
        let n = self.image.entries();
        let candidates: Vec<Hit> = scores
            .ranked
            .iter()
            .filter(|&&(c, _)| c < n)
            .take(top.max(1))
            .map(|&(class, p)| Hit {
                index: class,
                id: self.image.id(class).to_string(),
                score: p,
                matched: explain::matched(&self.image, query, &known, class, x),
            })
            .collect();
        let evidence = self.evidence(&scores, &candidates, !content.is_empty(), !known.is_empty());
        let (status, reason) = decide::decide(
            &evidence,
            self.image.min_probability,
            self.image.ambiguity_ratio,
        );
        Reply {
            status,
            candidates,
            unanswered: evidence.unanswered,
            contact: evidence.contact,
            reason,
            truncated,
            unknown,
        }
    }

    fn evidence(&self, s: &Scores, hits: &[Hit], any_words: bool, any_known: bool) -> Evidence {
        let p = |i: usize| hits.get(i).map_or(0.0, |h| h.score);
        Evidence {
            any_words,
            any_known,
            best: p(0),
            second: p(1),
            contact: s.probability(&self.image, self.image.contact_class()),
            unanswered: s.probability(&self.image, self.image.none_class()),
        }
    }

    /// Byte ranges of `text` whose words match one of `terms` (from [`Matched::term`]), for
    /// marking the matched words in an answer.
    pub fn highlight(&self, text: &str, terms: &[impl AsRef<str>]) -> Vec<(usize, usize)> {
        explain::highlight(self, text, terms)
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::faq::{Entry, Faq};

    fn tiny() -> Faq {
        let mut f: Faq = Faq {
            schema: None,
            version: 1,
            organization: String::new(),
            language: "es".into(),
            contact: Default::default(),
            categories: vec![],
            synonyms: vec![vec!["clave".into(), "contraseña".into(), "password".into()]],
            entries: vec![],
            unanswered: Default::default(),
        };
        f.entries.push(Entry {
            id: "wifi-clave".into(),
            question: "¿Cuál es la clave de mi Wi-Fi?".into(),
            answer: "La clave la entrega el técnico instalador.".into(),
            phrasings: vec![
                "Olvidé la clave del wifi".into(),
                "No sé la clave de la red".into(),
            ],
            ..Default::default()
        });
        f.entries.push(Entry {
            id: "pagos".into(),
            question: "¿Cómo puedo realizar mis pagos?".into(),
            answer: "En la oficina o por depósito bancario.".into(),
            phrasings: vec![
                "¿Dónde pago la factura?".into(),
                "Quiero pagar mi factura".into(),
            ],
            ..Default::default()
        });
        f.unanswered.phrasings.extend([
            "¿Cuánto cuesta el plan?".into(),
            "¿Qué precio tiene el plan?".into(),
        ]);
        f
    }

    fn engine() -> Engine {
        Engine::new(&tiny()).expect("the tiny FAQ compiles")
    }

    #[test]
    fn answers_with_synonyms_and_typos() {
        let e = engine();
        let r = e.ask("olvide la contrasena del wify", 3);
        assert_eq!(r.status, Status::Answer, "{r:?}");
        assert_eq!(r.hits()[0].id, "wifi-clave");
        let via: Vec<&Via> = r.hits()[0].matched.iter().map(|m| &m.via).collect();
        assert!(
            via.iter().any(|v| matches!(v, Via::Synonym { .. })),
            "{via:?}"
        );
        assert!(via.iter().any(|v| matches!(v, Via::Typo { .. })), "{via:?}");
        assert_eq!(e.ask("donde pago la factrua", 3).hits()[0].id, "pagos");
    }

    #[test]
    fn a_typo_of_a_synonym_variant_is_read_as_its_group() {
        // "pasword" misspells "password", a variant that no phrasing uses: the model knows it
        // only through its group's first word, "clave".
        let e = engine();
        let r = e.ask("olvide el pasword", 3);
        assert_eq!(r.status, Status::Answer, "{r:?}");
        assert_eq!(r.hits()[0].id, "wifi-clave");
        let m = r.hits()[0].matched.iter().find(|m| m.text == "pasword");
        assert!(
            m.is_some_and(|m| m.term == "clav" && matches!(m.via, Via::Typo { .. })),
            "{:?}",
            r.hits()[0].matched
        );
        // A word of the model still wins over a variant that sounds as close.
        assert_eq!(e.ask("olvide la clabe", 3).hits()[0].id, "wifi-clave");
    }

    #[test]
    fn says_no_answer_for_other_topics_and_empty_questions() {
        let e = engine();
        assert_eq!(e.ask("cuanto cuesta el plan", 3).status, Status::None);
        assert_eq!(e.ask("", 3).status, Status::None);
        assert_eq!(e.ask("hola buenos dias", 3).status, Status::None);
        assert_eq!(e.ask("jkjkjk 😭", 3).status, Status::None);
    }

    #[test]
    fn the_organizations_name_carries_no_intent() {
        // Said in one entry's phrasings only, it would pull every question that names it there.
        let mut f = tiny();
        f.organization = "Redes Andinas".into();
        f.entries[1]
            .phrasings
            .push("¿Cómo pago a Redes Andinas?".into());
        let e = Engine::new(&f).expect("compiles");
        assert!(e.image().is_stop("andinas") && e.image().is_stop("redes"));
        assert_eq!(e.ask("redes andinas", 3).status, Status::None);
        assert_eq!(
            e.ask("la clave del wifi de redes andinas", 3).hits()[0].id,
            "wifi-clave"
        );
        // The language's stop words are all still there, in order.
        assert!(e.image().is_stop("de") && !engine().image().is_stop("andinas"));
    }

    #[test]
    fn hits_are_ordered_by_the_score_they_show() {
        let r = engine().ask("clave pago factura", 3);
        assert!(r.candidates.len() >= 2);
        assert!(r.candidates.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(r.candidates.iter().all(|h| (0.0..=1.0).contains(&h.score)));
    }

    #[test]
    fn deterministic_and_bounded() {
        let e = engine();
        let q = "clave ".repeat(50_000);
        let a = e.ask(&q, 3);
        assert!(a.truncated);
        assert_eq!(a, e.ask(&q, 3));
    }

    #[test]
    fn prepared_ahead_or_on_the_first_question_the_answers_are_the_same() {
        let questions = [
            "olvide mi contraseña",
            "kiero pagr la factura",
            "no hay internet",
        ];
        let cold = engine();
        let first: Vec<Reply> = questions.iter().map(|q| cold.ask(q, 3)).collect();
        let warm = engine();
        let mut steps = 1;
        while warm.prepare() {
            steps += 1;
            assert!(steps < 10, "prepare never finishes");
        }
        assert_eq!(steps, 3, "synonyms, then the typo table's two lists");
        assert!(!warm.prepare(), "nothing left");
        let ahead: Vec<Reply> = questions.iter().map(|q| warm.ask(q, 3)).collect();
        assert_eq!(first, ahead);
    }

    #[test]
    fn highlight_marks_answer_words() {
        let e = engine();
        let r = e.ask("olvide mi contraseña", 3);
        let terms: Vec<String> = r.hits()[0].matched.iter().map(|m| m.term.clone()).collect();
        let text = "La clave la entrega el técnico instalador.";
        let marks = e.highlight(text, &terms);
        assert_eq!(
            marks.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(),
            ["clave"]
        );
    }

    #[test]
    fn a_damaged_image_is_an_error_not_a_panic() {
        let bytes = build::compile(&tiny(), &Params::default()).expect("compiles");
        for cut in [0, 3, 10, 41, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                Engine::from_image(bytes[..cut].to_vec()).is_err(),
                "cut at {cut}"
            );
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Engine::from_image(extra).is_err());
        let mut forged = bytes;
        forged[4] = 9;
        let e = Engine::from_image(forged).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("version")));
    }
}
