//! The index of an FAQ: what [`super::analyze`] needs to read a text (the [`Lexicon`]: synonyms,
//! known words, typo table) and what [`super::score`] needs to score a question (each term's
//! postings and idf, each phrasing's norm).
//!
//! Classes: each entry is a class (in FAQ order), and one more class, the last, holds the FAQ's
//! `unanswered` topics, so that "no answer" competes like any entry.

use super::analyze::{plain_stems, raw_words, terms_of, Word};
use super::params::{field, Params, MAX_TEXT_WORDS};
use super::typo::TypoTable;
use super::util::{insertion_sort, HashMap};
use crate::faq::Faq;
use crate::text::{is_stop, stem, tokenize};
use std::borrow::Cow;

/// A synonym variant and the words it is read as, both as stem sequences.
pub(crate) type SynonymPhrase = (Vec<String>, Vec<String>);

/// What analysis needs to read a text.
#[derive(Default)]
pub(crate) struct Lexicon {
    /// Synonym phrases by their first stem, longest first.
    pub synonyms: HashMap<String, Vec<SynonymPhrase>>,
    /// Every stem the FAQ or its synonyms use (stop words aside), with how often.
    known_stems: HashMap<String, u32>,
    /// The FAQ's words by phonetic key.
    pub typos: TypoTable,
}

impl Lexicon {
    /// Whether the FAQ uses this stem.
    pub(crate) fn is_known(&self, stem: &str) -> bool {
        self.known_stems.contains_key(stem)
    }

    /// Adds one synonym group: every variant is read as the group's first phrase.
    pub(crate) fn add_synonym_group(&mut self, group: &[String]) {
        let Some(first) = group.first() else { return };
        let canonical = plain_stems(first);
        if canonical.is_empty() {
            return;
        }
        for variant in group.iter().skip(1) {
            let v = plain_stems(variant);
            if v.is_empty() || v == canonical {
                continue;
            }
            self.synonyms
                .entry(v[0].clone())
                .or_default()
                .push((v, canonical.clone()));
        }
    }

    /// Orders each first stem's phrases longest first, so "no hay internet" wins over "no".
    fn sort_synonyms(&mut self) {
        for list in self.synonyms.values_mut() {
            insertion_sort(list, |a, b| {
                a.0.len() > b.0.len() || (a.0.len() == b.0.len() && a.0 < b.0)
            });
        }
    }
}

/// A class that uses a term, with the term's best field weight in it.
pub(crate) struct Posting {
    pub class: u32,
    pub weight: f32,
}

/// Everything the index knows about one term.
#[derive(Default)]
pub(crate) struct TermData {
    /// Soft inverse document frequency over the classes ([`calculate_idf`]).
    pub idf: f32,
    /// Classes that use the term, in class order.
    pub classes: Vec<Posting>,
    /// Phrasings (questions and alternative phrasings) that use the term.
    pub phrases: Vec<u32>,
}

impl TermData {
    /// The term's field weight in `class`, if the class uses it.
    pub(crate) fn weight_in(&self, class: usize) -> Option<f32> {
        self.classes
            .binary_search_by_key(&(class as u32), |p| p.class)
            .ok()
            .map(|k| self.classes[k].weight)
    }
}

/// An FAQ made ready to score questions.
pub(crate) struct Index {
    /// The entries' ids, in FAQ order.
    pub ids: Vec<String>,
    /// Number of answerable entries; class `n` is the "unanswered" topics.
    pub n: usize,
    pub lexicon: Lexicon,
    postings: HashMap<String, TermData>,
    /// For each phrasing: its class and the norm of its idf vector.
    phrase_class: Vec<u32>,
    phrase_norm: Vec<f32>,
}

/// The inverse document frequency of a term used by classes whose field weights sum to `df`,
/// among `classes` classes: soft (a term in every class still counts a little) and never
/// infinite.
pub(crate) fn calculate_idf(df: f32, classes: usize) -> f32 {
    (1.0 + classes as f32 / df.max(0.1)).ln()
}

/// A surface word of the FAQ: its stem, how often it appears, and whether it is a stop word.
type Surfaces = HashMap<String, (String, u32, bool)>;

/// A phrasing's class and its single-word terms.
type Phrase = (u32, Vec<String>);

/// One text of a class to index: the text, its field weight, and whether it is a phrasing (a
/// whole way of asking, compared with the question as a whole by [`super::score`]).
type ClassText<'a> = (Cow<'a, str>, f32, bool);

impl Index {
    /// Builds the index of an FAQ.
    pub(crate) fn build(faq: &Faq, params: &Params) -> Index {
        let mut surfaces = Surfaces::default();
        let mut lexicon = Lexicon::default();
        // Synonyms first: the index reads every text through them.
        for group in &faq.synonyms {
            lexicon.add_synonym_group(group);
            for w in group {
                note_text_surfaces(w, &mut surfaces);
            }
        }
        lexicon.sort_synonyms();
        let classes = faq.entries.len() + 1;
        let mut weights: Vec<HashMap<String, f32>> = Vec::with_capacity(classes);
        let mut phrases: Vec<Phrase> = Vec::new();
        for class in 0..classes {
            let mut class_weights = HashMap::default();
            for (text, w, phrase) in class_texts(faq, class) {
                index_text(
                    &lexicon,
                    params,
                    &text,
                    w,
                    phrase.then_some((class as u32, &mut phrases)),
                    &mut class_weights,
                    &mut surfaces,
                );
            }
            weights.push(class_weights);
        }
        let mut postings = build_postings(&weights);
        let (phrase_class, phrase_norm) = link_phrases(&mut postings, &phrases);
        for (st, freq, stop) in surfaces.values() {
            if !stop {
                *lexicon.known_stems.entry(st.clone()).or_default() += freq;
            }
        }
        lexicon.typos = TypoTable::build(
            surfaces
                .iter()
                .map(|(s, (st, f, stop))| (s.as_str(), st.as_str(), *f, *stop)),
        );
        Index {
            ids: faq.entries.iter().map(|e| e.id.clone()).collect(),
            n: faq.entries.len(),
            lexicon,
            postings,
            phrase_class,
            phrase_norm,
        }
    }

    /// Number of classes: the entries and the unanswered topics.
    pub(crate) fn classes(&self) -> usize {
        self.n + 1
    }

    /// Number of phrasings.
    pub(crate) fn phrases(&self) -> usize {
        self.phrase_norm.len()
    }

    /// What the index knows of a term (None: the FAQ never uses it).
    pub(crate) fn term(&self, key: &str) -> Option<&TermData> {
        self.postings.get(key)
    }

    /// A phrasing's class and the norm of its idf vector.
    pub(crate) fn phrase(&self, pid: usize) -> (usize, f32) {
        (self.phrase_class[pid] as usize, self.phrase_norm[pid])
    }
}

/// The texts of a class with their field weights: an entry's question, phrasings, keywords,
/// answer, category and English rendering; for the last class, the unanswered topics.
fn class_texts(faq: &Faq, class: usize) -> Vec<ClassText<'_>> {
    let Some(e) = faq.entries.get(class) else {
        let u = &faq.unanswered;
        let mut out = all(&u.phrasings, field::PHRASING);
        out.extend(all(&u.keywords, field::KEYWORD));
        return out;
    };
    let mut out: Vec<ClassText> = vec![(Cow::from(e.question.as_str()), field::QUESTION, true)];
    out.extend(all(&e.phrasings, field::PHRASING));
    out.extend(all(&e.keywords, field::KEYWORD));
    out.push((Cow::from(e.answer.as_str()), field::ANSWER, false));
    if let Some(c) = faq.categories.iter().find(|c| c.id == e.category) {
        out.push((
            format!("{} {}", c.name, c.name_en).into(),
            field::CATEGORY,
            false,
        ));
    }
    if let Some(en) = &e.en {
        out.push((Cow::from(en.question.as_str()), field::EN, true));
        out.extend(all(&en.phrasings, field::EN));
        out.push((Cow::from(en.answer.as_str()), field::EN_ANSWER, false));
    }
    out
}

/// Every text of a list, as phrasings of the given field weight.
fn all(v: &[String], w: f32) -> Vec<ClassText<'_>> {
    v.iter().map(|p| (Cow::from(p.as_str()), w, true)).collect()
}

/// Indexes one text of a class: each term keeps its best weight in the class; a phrasing's
/// single-word terms are recorded for the phrasing similarity; its words feed typo correction.
fn index_text(
    lexicon: &Lexicon,
    params: &Params,
    text: &str,
    field_weight: f32,
    phrase: Option<(u32, &mut Vec<Phrase>)>,
    class_weights: &mut HashMap<String, f32>,
    surfaces: &mut Surfaces,
) {
    let raw = raw_words(lexicon, text, false);
    for w in &raw {
        note_surface(w, surfaces);
    }
    let terms = terms_of(
        lexicon,
        &super::analyze::apply_synonyms(lexicon, raw),
        false,
        params,
    );
    if let Some((class, phrases)) = phrase {
        let keys: Vec<String> = terms
            .iter()
            .filter(|t| !t.key.contains(' '))
            .map(|t| t.key.clone())
            .collect();
        if !keys.is_empty() {
            phrases.push((class, keys));
        }
    }
    for t in terms {
        let slot = class_weights.entry(t.key).or_insert(0.0);
        *slot = slot.max(field_weight * t.weight);
    }
}

/// Each term's postings, in class order, and its idf.
fn build_postings(weights: &[HashMap<String, f32>]) -> HashMap<String, TermData> {
    let mut postings: HashMap<String, TermData> = HashMap::default();
    for (class, map) in weights.iter().enumerate() {
        for (key, &w) in map {
            postings
                .entry(key.clone())
                .or_default()
                .classes
                .push(Posting {
                    class: class as u32,
                    weight: w,
                });
        }
    }
    for data in postings.values_mut() {
        let df: f32 = data.classes.iter().map(|p| p.weight).sum();
        data.idf = calculate_idf(df, weights.len());
    }
    postings
}

/// Records which phrasings use each term, and each phrasing's class and idf-vector norm.
fn link_phrases(
    postings: &mut HashMap<String, TermData>,
    phrases: &[Phrase],
) -> (Vec<u32>, Vec<f32>) {
    let mut class_of = Vec::with_capacity(phrases.len());
    let mut norms = Vec::with_capacity(phrases.len());
    for (pid, (class, keys)) in phrases.iter().enumerate() {
        let mut norm = 0f32;
        let mut uniq: Vec<&String> = Vec::with_capacity(keys.len());
        for k in keys {
            if !uniq.contains(&k) {
                uniq.push(k);
            }
        }
        for k in uniq {
            if let Some(d) = postings.get_mut(k) {
                d.phrases.push(pid as u32);
                norm += d.idf * d.idf;
            }
        }
        class_of.push(*class);
        norms.push(norm.sqrt());
    }
    (class_of, norms)
}

/// Records a word as the FAQ writes it, with its stem and frequency, for typo correction.
fn note_surface(w: &Word, surfaces: &mut Surfaces) {
    match surfaces.get_mut(&w.surface) {
        Some(slot) => slot.1 += 1,
        None => {
            surfaces.insert(w.surface.clone(), (w.stem.clone(), 1, w.stop));
        }
    }
}

/// Records the surface words of a text (a synonym), for typo correction.
fn note_text_surfaces(text: &str, surfaces: &mut Surfaces) {
    for tok in tokenize(text, MAX_TEXT_WORDS) {
        let slot = surfaces
            .entry(tok.text.clone())
            .or_insert_with(|| (stem(&tok.text), 0, is_stop(&tok.text)));
        slot.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_is_high_for_rare_terms_and_finite_for_any() {
        assert!(calculate_idf(1.0, 13) > calculate_idf(5.0, 13));
        assert!(calculate_idf(13.0, 13) > 0.0);
        assert!(calculate_idf(0.0, 13).is_finite());
    }
}
