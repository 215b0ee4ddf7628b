//! Compiling an FAQ (`faq compile`, `make dist`, and the studio in the browser): the examples
//! of each class are analysed, the classifier is trained ([`train`]), its weights are quantised,
//! and everything the engine needs is written into one compiled index ([`super::image`]).
//!
//! The classes: each entry (its question, phrasings and keywords, in Spanish and English), the
//! contact options (built-in requests for a phone number, WhatsApp, an e-mail or a person:
//! `contact.txt`), and the questions the FAQ does not answer (its `unanswered` topics, plus
//! built-in everyday chatter: `everyday.txt`). The built-in examples are language, not content:
//! the same for every FAQ.

mod pack;
mod train;

pub use pack::{pack, FORMAT, PACK_VERSION};

use super::analyze::{self, features, plain_stems, plain_words, Lexicon, Synonym, Word};
use super::image::{self, Contents, StemEntry};
use super::params::Params;
use super::reply::{Status, Via};
use super::Engine;
use crate::faq::Faq;
use crate::text::{is_stop, stem};
use std::collections::{BTreeMap, BTreeSet};
use train::Example;

/// What the contact class weighs in training, as a share of an average entry.
const CONTACT_SHARE: f32 = 0.5;

/// The most the unanswered topics and everyday chatter weigh in training, as a share of all the
/// entries together (see `Params::unanswered_share`).
const UNANSWERED_MAX: f32 = 0.5;

/// Requests for the contact options, one per line.
const CONTACT: &str = include_str!("contact.txt");
/// Everyday messages the FAQ does not answer, one per line.
const EVERYDAY: &str = include_str!("everyday.txt");

/// The lines of a built-in list (no comments, no blanks).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lexicon used while compiling: the FAQ's synonyms; every word counts as known (the FAQ's
/// own texts are not typo-corrected).
struct BuildLexicon {
    /// The organization's name, word by word: every FAQ's texts and its customers say it
    /// ("¿Hay Nettplus en mi barrio?", "teléfono de Nettplus"), so it tells no entry from another;
    /// as a feature it pulled "número de teléfono de Nettplus" to coverage.
    stops: Vec<String>,
    synonyms: BTreeMap<String, Vec<Synonym>>,
    /// The same, by group, for the image: canonical stems and the variants' words.
    groups: Vec<(Vec<String>, Vec<Vec<String>>)>,
}

impl BuildLexicon {
    fn new(faq: &Faq) -> BuildLexicon {
        let mut synonyms: BTreeMap<String, Vec<Synonym>> = BTreeMap::new();
        let mut groups: Vec<(Vec<String>, Vec<Vec<String>>)> = Vec::new();
        for group in &faq.synonyms {
            let Some(first) = group.first() else { continue };
            let canonical = plain_stems(first);
            if canonical.is_empty() {
                continue;
            }
            let mut kept: Vec<Vec<String>> = Vec::new();
            for variant in group.iter().skip(1) {
                let words = plain_words(variant);
                let Some(head) = words.first() else { continue };
                if plain_stems(variant) == canonical {
                    continue;
                }
                let list = synonyms.entry(stem(head)).or_default();
                let syn = Synonym::new(words, canonical.clone());
                if !list.contains(&syn) {
                    kept.push(syn.words.iter().map(|w| short(w)).collect());
                    list.push(syn);
                }
            }
            if !kept.is_empty() {
                groups.push((canonical.iter().map(|w| short(w)).collect(), kept));
            }
        }
        // Longest first, so "no hay internet" wins over "no"; then by words, for one order.
        for list in synonyms.values_mut() {
            list.sort_by(|a, b| {
                b.words
                    .len()
                    .cmp(&a.words.len())
                    .then_with(|| a.words.cmp(&b.words))
            });
        }
        let mut stops: Vec<String> = plain_words(&faq.organization)
            .into_iter()
            .filter(|w| !is_stop(w))
            .collect();
        stops.sort();
        stops.dedup();
        BuildLexicon {
            stops,
            synonyms,
            groups,
        }
    }
}

impl Lexicon for BuildLexicon {
    fn is_stop(&self, word: &str) -> bool {
        is_stop(word) || self.stops.iter().any(|s| s == word)
    }
    fn is_known(&self, _stem: &str) -> bool {
        true
    }
    fn correct(&self, _word: &mut Word) {}
    fn synonyms(&self, first_stem: &str) -> &[Synonym] {
        self.synonyms.get(first_stem).map_or(&[], Vec::as_slice)
    }
}

/// Every training text with its class and weight.
fn examples_of<'a>(faq: &'a Faq, p: &Params) -> Vec<(&'a str, usize, f32)> {
    let mut out: Vec<(&str, usize, f32)> = Vec::new();
    for (class, e) in faq.entries.iter().enumerate() {
        // The question itself is what the widget shows and suggests: it must find its entry.
        out.push((&e.question, class, p.question_weight));
        out.extend(e.phrasings.iter().map(|t| (t.as_str(), class, 1.0)));
        out.extend(
            e.keywords
                .iter()
                .map(|t| (t.as_str(), class, p.keyword_weight)),
        );
        if let Some(en) = &e.en {
            out.push((&en.question, class, p.question_weight));
            out.extend(en.phrasings.iter().map(|t| (t.as_str(), class, 1.0)));
        }
    }
    // The built-in classes weigh a set share of an average entry in all, however many examples
    // they have: adding unanswered topics must not make every question look unanswered, and in a
    // small FAQ the built-in examples must not outweigh the FAQ's own.
    let per_entry = out.iter().map(|x| x.2).sum::<f32>() / (faq.entries.len().max(1) as f32);
    let contact = faq.entries.len();
    let w = CONTACT_SHARE * per_entry / lines(CONTACT).count().max(1) as f32;
    out.extend(lines(CONTACT).map(|t| (t, contact, w)));
    let none = contact + 1;
    let u = &faq.unanswered;
    let examples = u.phrasings.len() as f32
        + u.keywords.len() as f32 * p.keyword_weight
        + lines(EVERYDAY).count() as f32;
    // In all, at most half of what the entries weigh: in an FAQ of two or three entries
    // `unanswered_share` entries' worth would outweigh them, and their own questions would read
    // as unanswered.
    let entries = faq.entries.len() as f32;
    let share = p.unanswered_share.min(UNANSWERED_MAX * entries);
    let w = share * per_entry / examples.max(1.0);
    out.extend(u.phrasings.iter().map(|t| (t.as_str(), none, w)));
    out.extend(
        u.keywords
            .iter()
            .map(|t| (t.as_str(), none, w * p.keyword_weight)),
    );
    out.extend(lines(EVERYDAY).map(|t| (t, none, w)));
    out
}

/// The names in the entries' answers, in order, each once: capitalised words that do not start a
/// sentence, and capitalised items that stand alone (a list of towns).
fn names_in_answers(faq: &Faq) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in &faq.entries {
        for sentence in e.answer.split(['.', ':', '\n', '•', '?', '!']) {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            let from = usize::from(words.len() > 1);
            for w in &words[from..] {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                if capital && w.chars().count() > 2 && !names.iter().any(|n| n == w) {
                    names.push(w.to_string());
                }
            }
        }
    }
    names
}

/// Image strings are at most 255 bytes: a longer id or stem is cut at a character boundary.
fn short(s: &str) -> String {
    let mut end = s.len().min(255);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// What the stemmer took off the commonest way the FAQ writes a stem (ties: the first form in
/// order); empty for a stem only synonyms produce.
fn ending_of(stem: &str, forms: Option<&BTreeMap<String, u32>>) -> String {
    let Some(forms) = forms else {
        return String::new();
    };
    let mut best: Option<(&String, u32)> = None;
    for (form, &n) in forms {
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((form, n));
        }
    }
    best.and_then(|(f, _)| f.strip_prefix(stem))
        .map(short)
        .unwrap_or_default()
}

/// Compiles an FAQ into the engine's index. The same FAQ and parameters give the same bytes,
/// natively and in WebAssembly.
pub fn compile(faq: &Faq, p: &Params) -> Result<Vec<u8>, String> {
    let lex = BuildLexicon::new(faq);
    let texts = examples_of(faq, p);
    // How often each stem is written each way (for typo correction, which compares sounds).
    let mut forms: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    let analysed: Vec<Vec<String>> = texts
        .iter()
        .map(|(t, _, _)| {
            let words = analyze::read_words(&lex, t, false);
            for w in words.iter().filter(|w| !w.stop && w.via == Via::Exact) {
                *forms
                    .entry(short(&w.stem))
                    .or_default()
                    .entry(w.surface.clone())
                    .or_default() += 1;
            }
            features(&words).into_iter().map(short).collect()
        })
        .collect();
    let vocab: Vec<String> = analysed
        .iter()
        .flatten()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let find = |s: &str| {
        vocab
            .binary_search_by(|v| v.as_str().cmp(s))
            .ok()
            .map(|i| i as u32)
    };
    // Every example's stems are in the vocabulary, which is made from them.
    let id_of = |s: &str| find(s).unwrap_or(0);
    let mut examples: Vec<Example> = analysed
        .iter()
        .zip(&texts)
        .map(|(fs, &(_, class, weight))| Example {
            stems: fs.iter().map(|s| id_of(s)).collect(),
            class: class as u32,
            weight,
        })
        .collect();
    // Hard negatives: each everyday example again with a name from the answers in it (a town, a
    // bank, a street), still unanswered. "¿Qué clima hace en Catamayo?" is about the weather,
    // not coverage; without these, the town's name decides (measured on the labelled sets: the
    // mean rejection 0.922 -> 0.934, top-1 and overall no lower).
    if p.hard_negatives > 0.0 {
        let none = (faq.entries.len() + 1) as u32;
        let names: Vec<Vec<u32>> = names_in_answers(faq)
            .iter()
            .map(|name| {
                let words = analyze::read_words(&lex, name, false);
                features(&words)
                    .into_iter()
                    .filter_map(|s| find(&short(s)))
                    .collect()
            })
            .filter(|n: &Vec<u32>| !n.is_empty())
            .collect();
        let everyday: BTreeSet<&str> = lines(EVERYDAY).collect();
        let contexts: Vec<(Vec<u32>, f32)> = examples
            .iter()
            .zip(&texts)
            .filter(|(e, t)| e.class == none && !e.stems.is_empty() && everyday.contains(t.0))
            .map(|(e, _)| (e.stems.clone(), e.weight))
            .collect();
        if !names.is_empty() {
            for (i, (mut stems, weight)) in contexts.into_iter().enumerate() {
                for &k in &names[i % names.len()] {
                    if !stems.contains(&k) {
                        stems.push(k);
                    }
                }
                examples.push(Example {
                    stems,
                    class: none,
                    weight: weight * p.hard_negatives,
                });
            }
        }
    }
    let classes = faq.entries.len() + 2;
    // The entries' own questions are what the widget shows and suggests: each must find its
    // entry. One whose compiled model does not is weighed twice as much and the model trained
    // again, a few rounds at most (an FAQ with two identical questions cannot have both).
    let questions: Vec<(usize, &str, usize)> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, &(t, class, _))| {
            let e = faq.entries.get(class)?;
            let own = t == e.question || e.en.as_ref().is_some_and(|en| t == en.question);
            own.then_some((i, t, class))
        })
        .collect();
    let mut bytes = Vec::new();
    let rounds = if faq.entries.len() <= QUESTION_ROUNDS_UP_TO {
        QUESTION_ROUNDS
    } else {
        1
    };
    // An ensemble costs a training per model: big FAQs, whose trainings take seconds and whose
    // many examples leave less to chance, train one.
    let ensemble = if faq.entries.len() <= QUESTION_ROUNDS_UP_TO {
        p.ensemble
    } else {
        1
    };
    for round in 0..rounds {
        let model = train::train_ensemble(&examples, vocab.len(), classes, p, ensemble);
        bytes = write_image(faq, &lex, &vocab, &forms, model, p)?;
        if round + 1 == rounds {
            break;
        }
        let engine = Engine::from_image(bytes.clone()).map_err(|e| e.to_string())?;
        let mut missed = false;
        for &(i, t, class) in &questions {
            let r = engine.ask(t, 1);
            if r.status == Status::None || r.candidates.first().map(|h| h.index) != Some(class) {
                examples[i].weight *= 2.0;
                missed = true;
            }
        }
        if !missed {
            break;
        }
    }
    Ok(bytes)
}

/// Rounds of training at most, to make every entry's question find its entry.
const QUESTION_ROUNDS: usize = 4;
/// FAQs up to this many entries get those rounds and `Params::ensemble`; bigger ones (each
/// round is a whole training, and they take seconds) are trained once, one model.
const QUESTION_ROUNDS_UP_TO: usize = 500;

/// Levels of a quantised weight on each side of zero. A byte holds 127, but the answers do not
/// need them: the averaged models (`Params::ensemble`) answer the labelled sets with 12 as with 31
/// (within a row), and bytes of fewer distinct values compress better (the index 0.4 KB less
/// gzip than with 31; 31 lost nothing against 127 and saved 0.56 KB more).
const WEIGHT_LEVELS: f32 = 12.0;

/// Quantises a trained model and writes the image.
fn write_image(
    faq: &Faq,
    lex: &BuildLexicon,
    vocab: &[String],
    forms: &BTreeMap<String, BTreeMap<String, u32>>,
    model: train::Model,
    p: &Params,
) -> Result<Vec<u8>, String> {
    // Quantise to one byte per weight with one scale for the whole model, to WEIGHT_LEVELS
    // levels each side of zero.
    let max = model
        .weights
        .iter()
        .flatten()
        .fold(0f32, |m, &(_, w)| m.max(w.abs()));
    let scale = if max > 0.0 { max / WEIGHT_LEVELS } else { 1.0 };
    // Pruning is relative to each class's strongest weight, so that a class with few examples
    // (small weights) keeps what tells it apart.
    let mut class_max = vec![0f32; faq.entries.len() + 2];
    for &(c, w) in model.weights.iter().flatten() {
        let m = &mut class_max[c as usize];
        *m = m.max(w.abs());
    }
    let unanswered = faq.entries.len() + 1;
    let prune = |c: u32| {
        let share = if c as usize == unanswered {
            p.prune_unanswered
        } else {
            p.prune
        };
        share * class_max[c as usize]
    };
    let stems: Vec<StemEntry> = vocab
        .iter()
        .zip(&model.weights)
        .map(|(s, ws)| {
            let recs: Vec<(u32, i8)> = ws
                .iter()
                .filter(|&&(c, w)| w.abs() >= prune(c))
                .map(|&(c, w)| {
                    (
                        c,
                        (w / scale).round().clamp(-WEIGHT_LEVELS, WEIGHT_LEVELS) as i8,
                    )
                })
                .filter(|&(_, q)| q != 0)
                .collect();
            let ending = ending_of(s, forms.get(s));
            (s.clone(), ending, recs)
        })
        // A stem with no weight left says nothing: it is left out, and counts as unknown.
        .filter(|(_, _, recs)| !recs.is_empty())
        .collect();
    let contents = Contents {
        ids: faq.entries.iter().map(|e| short(&e.id)).collect(),
        biases: model.biases,
        stems,
        scale,
        min_probability: p.min_probability,
        ambiguity_ratio: p.ambiguity_ratio,
        synonyms: lex.groups.clone(),
        stops: lex.stops.clone(),
    };
    image::write(&contents).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faq::Entry;

    #[test]
    fn names_are_the_capitalised_words_inside_sentences_and_lone_list_items() {
        let mut faq: Faq = serde_json::from_str(
            r#"{"version":1,"organization":"x","language":"es","entries":[]}"#,
        )
        .expect("a minimal FAQ");
        faq.entries.push(Entry {
            id: "a".into(),
            question: "¿Dónde?".into(),
            answer: "Tenemos cobertura en:\n• Loja\n• Zamora\nVisítenos en la calle Sucre. Gracias, Loja.".into(),
            ..Default::default()
        });
        assert_eq!(names_in_answers(&faq), ["Loja", "Zamora", "Sucre"]);
    }
}
