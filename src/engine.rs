//! The answer engine: index an FAQ, score a question against every entry, decide whether there
//! is an answer, and explain why.
//!
//! Method, in short:
//! 1. Analysis (same on both sides): normalise, split into words, expand SMS shorthand, stem,
//!    read multi-word synonyms as their group's first word, drop empty words, keep question words
//!    with a lower weight, and add pairs of adjacent words.
//! 2. Typo tolerance (queries only): a word the FAQ never uses is looked up by its Spanish
//!    phonetic key, then by edit distance (OSA) on that key, and counts a little less.
//! 3. Scoring: each term adds `weight × idf × field weight` to every entry that has it (question,
//!    phrasings, keywords and the English rendering weigh more than the answer). The share of the
//!    question's weight an entry explains is its confidence; words the FAQ never uses count
//!    against it.
//! 4. No answer: the FAQ's `unanswered` topics compete as one more class; if they win, or the best
//!    entry explains too little of the question, there is no answer.

use crate::faq::Faq;
use crate::text::{expand_shorthand, is_light, is_stop, phonetic_key, stem, tokenize};
use serde::Serialize;
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, deterministic hash for the index's short keys (words). The keys come from the
/// FAQ; questions only look keys up, so there is nothing to gain for an attacker.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    /// Eight bytes a round (a byte a round was a quarter of the browser's first index build).
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            for (d, s) in last.iter_mut().zip(rest) {
                *d = *s;
            }
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Longest query the engine reads, in bytes; the rest is ignored (the widget says so).
pub const MAX_QUERY_BYTES: usize = 1000;
/// Most words the engine reads from one query.
pub const MAX_QUERY_WORDS: usize = 64;
/// Most unknown words of one query looked up as possible typos (the costly step); a question
/// with more than this many is a story, and the rest count as unknown.
pub const MAX_TYPO_LOOKUPS: usize = 16;

/// Tunable constants of the method, kept together so that `faq eval` measures one thing.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Weight of a question word, negation or very common word ("cómo", "no", "internet").
    pub light_weight: f32,
    /// Weight of a pair of adjacent words relative to a single word.
    pub pair_weight: f32,
    /// What a word the FAQ never uses weighs against the confidence.
    pub unknown_weight: f32,
    /// Share of a typo-corrected word's weight kept at edit distance 0 (same sound), 1 and 2.
    pub typo_factor: [f32; 3],
    /// Minimum confidence to answer.
    pub min_confidence: f32,
    /// Minimum raw score to answer.
    pub min_score: f32,
    /// Ranking weight of the bag of words alone; the closest phrasing's similarity adds to it.
    pub phrase_base: f32,
    /// Second answers within this ratio of the best make the answer "ambiguous".
    pub ambiguity_ratio: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            light_weight: 0.35,
            pair_weight: 1.0,
            unknown_weight: 1.5,
            typo_factor: [0.9, 0.75, 0.55],
            min_confidence: 0.33,
            min_score: 1.0,
            ambiguity_ratio: 0.8,
            phrase_base: 0.5,
        }
    }
}

/// Weights of the fields a word can come from.
const W_QUESTION: f32 = 1.0;
const W_PHRASING: f32 = 1.0;
const W_KEYWORD: f32 = 0.9;
const W_EN: f32 = 1.0;
const W_ANSWER: f32 = 0.35;
const W_EN_ANSWER: f32 = 0.25;
const W_CATEGORY: f32 = 0.3;

/// How a query word was understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Via {
    /// As written (after normalisation and stemming).
    Exact,
    /// Read as another word of its synonym group.
    Synonym {
        /// The group's word it was read as.
        canonical: String,
    },
    /// Corrected from a likely typo.
    Typo {
        /// The FAQ word it was corrected to.
        corrected: String,
        /// Edit distance between the phonetic keys (0: sounds the same).
        distance: u8,
    },
}

/// A query word that counted for an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matched {
    /// The words as the customer typed them.
    pub text: String,
    /// The index term they matched (a stem, or two stems for a pair).
    pub term: String,
    /// How the words were understood.
    pub via: Via,
    /// What it added to the entry's score.
    pub contribution: f32,
    /// Byte offset in the query where it starts.
    pub start: usize,
    /// Byte offset in the query where it ends.
    pub end: usize,
}

/// One candidate answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Position of the entry in the FAQ.
    pub index: usize,
    /// The entry's id.
    pub id: String,
    /// Confidence in 0..1: the share of the question the entry explains.
    pub score: f32,
    /// Raw score (sum of contributions).
    pub raw: f32,
    /// Cosine similarity of the question to the entry's closest phrasing.
    pub similarity: f32,
    /// The ranking score: raw score weighted by phrasing similarity.
    pub rank: f32,
    /// The words that matched, strongest first.
    pub matched: Vec<Matched>,
}

/// What the engine decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// One clear answer.
    Answer,
    /// An answer, but the next ones are close: offer them too.
    Ambiguous,
    /// The FAQ does not answer this.
    None,
}

/// Why the engine gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoAnswer {
    /// Nothing in the question carries meaning (empty, greetings, emoji).
    NoWords,
    /// No word of the question is in the FAQ.
    NoMatch,
    /// The question is closer to a topic the FAQ lists as unanswered.
    Unanswered {
        /// Ranking score of the unanswered topics.
        unanswered: f32,
        /// Ranking score of the best entry.
        best: f32,
    },
    /// The best entry explains too little of the question.
    LowConfidence {
        /// The best entry's confidence.
        confidence: f32,
        /// The threshold.
        min: f32,
    },
    /// The evidence is too weak.
    LowScore {
        /// The best entry's raw score.
        score: f32,
        /// The threshold.
        min: f32,
    },
}

impl NoAnswer {
    /// A short machine-readable name ("unanswered", "low_confidence", …).
    pub fn code(&self) -> &'static str {
        match self {
            NoAnswer::NoWords => "no_words",
            NoAnswer::NoMatch => "no_match",
            NoAnswer::Unanswered { .. } => "unanswered",
            NoAnswer::LowConfidence { .. } => "low_confidence",
            NoAnswer::LowScore { .. } => "low_score",
        }
    }
}

/// The engine's reply to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// The decision.
    pub status: Status,
    /// The answers, best first: empty when `status` is `None`.
    pub hits: Vec<Hit>,
    /// The best candidates even when there is no answer (for `faq ask` and editors).
    pub candidates: Vec<Hit>,
    /// Score of the FAQ's "unanswered" topics.
    pub unanswered_score: f32,
    /// Why there is no answer, when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoAnswer>,
    /// True when the query was longer than the engine reads.
    pub truncated: bool,
    /// Words that counted for nothing (for editors: what the FAQ lacks).
    pub unknown: Vec<String>,
}

/// One analysed term of a text.
#[derive(Debug, Clone)]
struct Term {
    key: String,
    weight: f32,
    via: Via,
    start: usize,
    end: usize,
    known: bool,
}

/// A token on its way through analysis.
#[derive(Debug, Clone)]
struct Word {
    stem: String,
    surface: String,
    stop: bool,
    light: bool,
    via: Via,
    start: usize,
    end: usize,
}

impl Word {
    /// A placeholder left behind when a word is moved out of a sequence.
    fn empty() -> Word {
        Word {
            stem: String::new(),
            surface: String::new(),
            stop: true,
            light: false,
            via: Via::Exact,
            start: 0,
            end: 0,
        }
    }
}

struct Posting {
    class: u32,
    weight: f32,
}

/// Everything the index knows about one term.
#[derive(Default)]
struct TermData {
    /// Soft inverse document frequency over the classes.
    idf: f32,
    /// Classes that use the term, with their best field weight.
    classes: Vec<Posting>,
    /// Phrasings (questions and alternative phrasings) that use the term.
    phrases: Vec<u32>,
}

struct FuzzyWord {
    key: String,
    stem: String,
    /// How often the word appears in the FAQ (ties go to the commoner word).
    freq: u32,
    stop: bool,
}

/// A synonym variant and the words it is read as, both as stem sequences.
type SynonymPhrase = (Vec<String>, Vec<String>);

/// An FAQ made ready to answer questions.
pub struct Engine {
    ids: Vec<String>,
    /// Number of answerable entries; class `n` is the "unanswered" topics.
    n: usize,
    postings: HashMap<String, TermData>,
    /// For each phrasing: its class and the norm of its idf vector.
    phrase_class: Vec<u32>,
    phrase_norm: Vec<f32>,
    /// Synonym phrases as stem sequences, by their first stem: (variant, canonical).
    synonyms: HashMap<String, Vec<SynonymPhrase>>,
    /// Every stem the FAQ or its synonyms use.
    known_stems: HashMap<String, u32>,
    /// Surface words by phonetic key.
    fuzzy: Vec<FuzzyWord>,
    by_key: HashMap<String, usize>,
    /// Indexes into `fuzzy` by the first letter of the key.
    by_first: HashMap<u8, Vec<u32>>,
    params: Params,
}

impl Engine {
    /// Builds the index of an FAQ with the default parameters.
    pub fn new(faq: &Faq) -> Engine {
        Engine::with_params(faq, Params::default())
    }

    /// Builds the index of an FAQ with the given parameters.
    pub fn with_params(faq: &Faq, params: Params) -> Engine {
        let mut engine = Engine {
            ids: faq.entries.iter().map(|e| e.id.clone()).collect(),
            n: faq.entries.len(),
            postings: HashMap::default(),
            phrase_class: Vec::new(),
            phrase_norm: Vec::new(),
            synonyms: HashMap::default(),
            known_stems: HashMap::default(),
            fuzzy: Vec::new(),
            by_key: HashMap::default(),
            by_first: HashMap::default(),
            params,
        };
        // Synonyms first: the index reads every text through them.
        let mut surfaces: HashMap<String, (String, u32, bool)> = HashMap::default();
        for group in &faq.synonyms {
            let Some(first) = group.first() else { continue };
            let canonical: Vec<String> = plain_stems(first);
            if canonical.is_empty() {
                continue;
            }
            for variant in group.iter().skip(1) {
                let v = plain_stems(variant);
                if v.is_empty() || v == canonical {
                    continue;
                }
                engine
                    .synonyms
                    .entry(v[0].clone())
                    .or_default()
                    .push((v, canonical.clone()));
            }
            for w in group {
                note_surfaces(w, &mut surfaces);
            }
        }
        for list in engine.synonyms.values_mut() {
            // Longest phrase first, so "no hay internet" wins over "no".
            insertion_sort(list, |a, b| {
                a.0.len() > b.0.len() || (a.0.len() == b.0.len() && a.0 < b.0)
            });
        }
        // Per class, the best field weight of each term; and every phrasing's terms.
        let classes = engine.n + 1;
        let mut weights: Vec<HashMap<String, f32>> = vec![HashMap::default(); classes];
        let mut phrases: Vec<(u32, Vec<String>)> = Vec::new();
        let cat_name = |id: &str| -> String {
            faq.categories
                .iter()
                .find(|c| c.id == id)
                .map(|c| format!("{} {}", c.name, c.name_en))
                .unwrap_or_default()
        };
        let unanswered = [(&faq.unanswered.phrasings, &faq.unanswered.keywords)];
        for (class, class_weights) in weights.iter_mut().enumerate() {
            let mut add = |text: &str, w: f32, phrase: bool| {
                let raw = engine.raw_words(text, false);
                for w in &raw {
                    note_surface(w, &mut surfaces);
                }
                let terms = engine.terms_of(&engine.apply_synonyms(raw), false);
                if phrase {
                    let keys: Vec<String> = terms
                        .iter()
                        .filter(|t| !t.key.contains(' '))
                        .map(|t| t.key.clone())
                        .collect();
                    if !keys.is_empty() {
                        phrases.push((class as u32, keys));
                    }
                }
                for t in terms {
                    let slot = class_weights.entry(t.key).or_insert(0.0);
                    *slot = slot.max(w * t.weight);
                }
            };
            if class == engine.n {
                for (ph, kw) in unanswered {
                    for p in ph.iter() {
                        add(p, W_PHRASING, true);
                    }
                    for k in kw.iter() {
                        add(k, W_KEYWORD, true);
                    }
                }
                continue;
            }
            let e = &faq.entries[class];
            add(&e.question, W_QUESTION, true);
            for p in &e.phrasings {
                add(p, W_PHRASING, true);
            }
            for k in &e.keywords {
                add(k, W_KEYWORD, true);
            }
            add(&e.answer, W_ANSWER, false);
            add(&cat_name(&e.category), W_CATEGORY, false);
            if let Some(en) = &e.en {
                add(&en.question, W_EN, true);
                for p in &en.phrasings {
                    add(p, W_EN, true);
                }
                add(&en.answer, W_EN_ANSWER, false);
            }
        }
        // Postings with a soft inverse document frequency.
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
            // Postings are in class order: the loop above goes through the classes in order.
            let df: f32 = data.classes.iter().map(|p| p.weight).sum();
            data.idf = (1.0 + classes as f32 / df.max(0.1)).ln();
        }
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
            engine.phrase_class.push(*class);
            engine.phrase_norm.push(norm.sqrt());
        }
        engine.postings = postings;
        // Typo tolerance: every surface word the FAQ uses, by phonetic key.
        // The result does not depend on the map's order: every tie is broken by the words.
        for (surface, (st, freq, stop)) in surfaces {
            if !stop {
                *engine.known_stems.entry(st.clone()).or_default() += freq;
            }
            if surface.len() < 3 || surface.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let key = phonetic_key(&surface);
            match engine.by_key.get(&key) {
                Some(&j)
                    if (
                        engine.fuzzy[j].freq,
                        std::cmp::Reverse(&engine.fuzzy[j].stem),
                    ) >= (freq, std::cmp::Reverse(&st)) => {}
                Some(&j) => {
                    engine.fuzzy[j] = FuzzyWord {
                        key,
                        stem: st,
                        freq,
                        stop,
                    }
                }
                None => {
                    engine.by_key.insert(key.clone(), engine.fuzzy.len());
                    engine.fuzzy.push(FuzzyWord {
                        key,
                        stem: st,
                        freq,
                        stop,
                    });
                }
            }
        }
        for (j, f) in engine.fuzzy.iter().enumerate() {
            let first = f.key.as_bytes().first().copied().unwrap_or(0);
            engine.by_first.entry(first).or_default().push(j as u32);
        }
        engine
    }

    /// The ids of the entries, in FAQ order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The parameters in use.
    pub fn params(&self) -> Params {
        self.params
    }

    /// Answers a question: at most `top` hits, best first.
    pub fn ask(&self, query: &str, top: usize) -> Reply {
        let (query, truncated) = truncate(query, MAX_QUERY_BYTES);
        let terms = self.analyze(query, true);
        let classes = self.n + 1;
        let mut raw = vec![0f32; classes];
        let mut dots = vec![0f32; self.phrase_norm.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut total = 0f32;
        let mut qnorm = 0f32;
        let mut unknown = Vec::new();
        let mut unknown_count = 0usize;
        // Each term with what the index knows of it (None: the FAQ never uses it).
        let mut found: Vec<(&Term, Option<&TermData>)> = Vec::with_capacity(terms.len());
        for t in &terms {
            let data = self.postings.get(&t.key);
            found.push((t, data));
            let Some(data) = data else {
                if t.known {
                    // A known word whose pair is not in the FAQ: no evidence either way.
                    continue;
                }
                unknown_count += 1;
                qnorm += (t.weight * self.params.unknown_weight).powi(2);
                unknown.push(slice(query, t.start, t.end).to_string());
                continue;
            };
            let idf = data.idf;
            total += t.weight * idf;
            if !t.key.contains(' ') {
                qnorm += (t.weight * idf).powi(2);
                for &pid in &data.phrases {
                    let d = &mut dots[pid as usize];
                    if *d == 0.0 {
                        touched.push(pid);
                    }
                    *d += t.weight * idf * idf;
                }
            }
            for p in &data.classes {
                raw[p.class as usize] += t.weight * idf * p.weight;
            }
        }
        // Words the FAQ never uses count against the confidence, with diminishing weight: a long
        // story around a real question ("my kids have online classes") should not sink it.
        total += self.params.unknown_weight * (unknown_count as f32).sqrt();
        // The best-matching phrasing of each class (cosine of idf vectors).
        let mut similarity = vec![0f32; classes];
        let qnorm = qnorm.sqrt();
        for &pid in &touched {
            let pid = pid as usize;
            let norm = self.phrase_norm[pid] * qnorm;
            if norm > 0.0 {
                let c = self.phrase_class[pid] as usize;
                similarity[c] = similarity[c].max(dots[pid] / norm);
            }
        }
        let rank: Vec<f32> = (0..classes)
            .map(|c| raw[c] * (self.params.phrase_base + similarity[c]))
            .collect();
        let unanswered_score = rank[self.n];
        // The best `top` entries, best first (ties: FAQ order), without sorting them all.
        let top = top.max(1);
        let mut order: Vec<usize> = Vec::with_capacity(top + 1);
        for i in (0..self.n).filter(|&i| raw[i] > 0.0) {
            if order.len() == top && rank[order[top - 1]] >= rank[i] {
                continue;
            }
            let at = order
                .iter()
                .position(|&j| rank[i] > rank[j])
                .unwrap_or(order.len());
            order.insert(at, i);
            order.truncate(top);
        }
        // What matched, for the answers only.
        let explain = |class: usize| -> Vec<Matched> {
            let mut m: Vec<Matched> = Vec::new();
            for (t, data) in &found {
                let Some(data) = data else { continue };
                let Ok(k) = data
                    .classes
                    .binary_search_by_key(&(class as u32), |p| p.class)
                else {
                    continue;
                };
                let c = t.weight * data.idf * data.classes[k].weight;
                let at = m.iter().position(|x| c > x.contribution).unwrap_or(m.len());
                m.insert(
                    at,
                    Matched {
                        text: slice(query, t.start, t.end).to_string(),
                        term: t.key.clone(),
                        via: t.via.clone(),
                        contribution: c,
                        start: t.start,
                        end: t.end,
                    },
                );
            }
            m
        };
        let candidates: Vec<Hit> = order
            .iter()
            .map(|&i| Hit {
                index: i,
                id: self.ids[i].clone(),
                score: if total > 0.0 {
                    (raw[i] / total).min(1.0)
                } else {
                    0.0
                },
                raw: raw[i],
                similarity: similarity[i],
                rank: rank[i],
                matched: explain(i),
            })
            .collect();
        let p = &self.params;
        let reason = match candidates.first() {
            None if terms.is_empty() => Some(NoAnswer::NoWords),
            None => Some(NoAnswer::NoMatch),
            Some(b) if unanswered_score >= b.rank => Some(NoAnswer::Unanswered {
                unanswered: unanswered_score,
                best: b.rank,
            }),
            Some(b) if b.score < p.min_confidence => Some(NoAnswer::LowConfidence {
                confidence: b.score,
                min: p.min_confidence,
            }),
            Some(b) if b.raw < p.min_score => Some(NoAnswer::LowScore {
                score: b.raw,
                min: p.min_score,
            }),
            Some(_) => None,
        };
        let (status, hits) = if reason.is_some() {
            (Status::None, Vec::new())
        } else {
            let best = candidates[0].rank;
            let close = candidates
                .iter()
                .skip(1)
                .filter(|h| h.rank >= best * self.params.ambiguity_ratio)
                .count();
            let status = if close > 0 {
                Status::Ambiguous
            } else {
                Status::Answer
            };
            (status, candidates.clone())
        };
        Reply {
            status,
            hits,
            candidates,
            unanswered_score,
            reason,
            truncated,
            unknown,
        }
    }

    /// Byte ranges of `text` whose words match one of `terms` (from [`Matched::term`]), for
    /// marking the matched words in an answer.
    pub fn highlight(&self, text: &str, terms: &[String]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for w in self.read_words(text, false) {
            let hit = !w.stop && terms.iter().any(|k| k.split(' ').any(|p| p == w.stem));
            // Words read together as one synonym share a range: mark it once.
            if hit && out.last() != Some(&(w.start, w.end)) {
                out.push((w.start, w.end));
            }
        }
        out
    }

    /// Analyses a text into weighted terms. `query` turns on typo correction.
    fn analyze(&self, text: &str, query: bool) -> Vec<Term> {
        let read = self.read_words(text, query);
        self.terms_of(&read, true)
    }

    /// Reads a text into words: shorthand expanded, stemmed, typos corrected (`query` only) and
    /// synonyms read as their group's first word. Stop words stay, marked.
    fn read_words(&self, text: &str, query: bool) -> Vec<Word> {
        let words = self.raw_words(text, query);
        self.apply_synonyms(words)
    }

    /// Words of a text: shorthand expanded, stemmed, typos corrected (`query` only).
    fn raw_words(&self, text: &str, query: bool) -> Vec<Word> {
        let max_words = if query { MAX_QUERY_WORDS } else { 4096 };
        let mut words: Vec<Word> = Vec::new();
        let mut lookups = 0;
        for tok in tokenize(text, max_words) {
            let expanded: Vec<&str> = match expand_shorthand(&tok.text) {
                Some(list) => list.to_vec(),
                None => vec![tok.text.as_str()],
            };
            for w in expanded {
                let mut word = Word {
                    stem: stem(w),
                    surface: w.to_string(),
                    stop: is_stop(w),
                    light: is_light(w),
                    via: Via::Exact,
                    start: tok.start,
                    end: tok.end,
                };
                if query
                    && lookups < MAX_TYPO_LOOKUPS
                    && !word.stop
                    && !word.light
                    && !self.known_stems.contains_key(&word.stem)
                {
                    lookups += 1;
                    self.correct(&mut word);
                }
                words.push(word);
            }
        }
        words
    }

    /// Reads multi-word synonyms as their group's first word, longest first, over the whole
    /// sequence (stop words included).
    fn apply_synonyms(&self, mut words: Vec<Word>) -> Vec<Word> {
        let mut i = 0;
        let mut read: Vec<Word> = Vec::with_capacity(words.len());
        'outer: while i < words.len() {
            if let Some(list) = self.synonyms.get(&words[i].stem) {
                for (variant, canonical) in list {
                    let n = variant.len();
                    let fits = i + n <= words.len()
                        && words[i..i + n]
                            .iter()
                            .zip(variant)
                            .all(|(w, v)| &w.stem == v)
                        && !(n == 1 && words[i].stop);
                    if fits {
                        let start = words[i].start;
                        let end = words[i + n - 1].end;
                        let via = match &words[i].via {
                            Via::Typo { .. } if n == 1 => words[i].via.clone(),
                            _ => Via::Synonym {
                                canonical: canonical.join(" "),
                            },
                        };
                        for c in canonical {
                            read.push(Word {
                                stem: c.clone(),
                                surface: c.clone(),
                                stop: false,
                                light: is_light(c),
                                via: via.clone(),
                                start,
                                end,
                            });
                        }
                        i += n;
                        continue 'outer;
                    }
                }
            }
            // Matching only looks ahead, so the word can be moved out rather than copied.
            read.push(std::mem::replace(&mut words[i], Word::empty()));
            i += 1;
        }
        read
    }

    /// The weighted terms of a text's words: single words (each once) and pairs of neighbours.
    ///
    /// `dedup`: each term once (questions: a repeated word must not count twice). The index does
    /// not need it (it keeps each term's best weight), and skipping it keeps building linear in the
    /// length of long answers.
    fn terms_of(&self, read: &[Word], dedup: bool) -> Vec<Term> {
        let content: Vec<&Word> = read.iter().filter(|w| !w.stop).collect();
        let mut terms = Vec::with_capacity(content.len() * 2);
        let factor = |w: &Word| match &w.via {
            Via::Typo { distance, .. } => self.params.typo_factor[(*distance as usize).min(2)],
            _ => 1.0,
        };
        let mut seen: Vec<String> = Vec::new();
        for w in &content {
            if dedup {
                if seen.contains(&w.stem) {
                    continue;
                }
                seen.push(w.stem.clone());
            }
            let base = if w.light {
                self.params.light_weight
            } else {
                1.0
            };
            terms.push(Term {
                key: w.stem.clone(),
                weight: base * factor(w),
                via: w.via.clone(),
                start: w.start,
                end: w.end,
                known: self.known_stems.contains_key(&w.stem) || w.light,
            });
        }
        for pair in content.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.stem == b.stem || (a.light && b.light) {
                continue;
            }
            let mut key = String::with_capacity(a.stem.len() + b.stem.len() + 1);
            key.push_str(&a.stem);
            key.push(' ');
            key.push_str(&b.stem);
            if dedup {
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
            }
            let via = if a.via != Via::Exact {
                a.via.clone()
            } else {
                b.via.clone()
            };
            terms.push(Term {
                key,
                weight: self.params.pair_weight * factor(a).min(factor(b)),
                via,
                start: a.start.min(b.start),
                end: a.end.max(b.end),
                known: true,
            });
        }
        terms
    }

    /// Replaces a word the FAQ never uses by the FAQ word it most likely misspells.
    fn correct(&self, word: &mut Word) {
        let surface = word.surface.as_str();
        let len = surface.len();
        if len < 3 || surface.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        let key = phonetic_key(surface);
        let found = if let Some(&j) = self.by_key.get(&key) {
            Some((j, 0u8))
        } else {
            let max = if len >= 8 { 2 } else { 1 };
            let mut best: Option<(usize, usize)> = None;
            // Typos rarely touch the first letter: only words that start alike are candidates.
            let first = key.as_bytes().first().copied().unwrap_or(0);
            let bucket = self.by_first.get(&first).map_or(&[][..], Vec::as_slice);
            for &j in bucket {
                let j = j as usize;
                let f = &self.fuzzy[j];
                let kl = f.key.len();
                if kl + max < key.len() || key.len() + max < kl {
                    continue;
                }
                // Short words may only have lost a letter ("wfi" → "wifi", "lnea" → "linea").
                if len <= 4 && kl <= key.len() {
                    continue;
                }
                let Some(d) = osa_within(key.as_bytes(), f.key.as_bytes(), max) else {
                    continue;
                };
                if d == 0 {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bj, bd)) => {
                        let b = &self.fuzzy[bj];
                        d < bd
                            || (d == bd && (f.freq > b.freq || (f.freq == b.freq && f.key < b.key)))
                    }
                };
                if better {
                    best = Some((j, d));
                }
            }
            best.map(|(j, d)| (j, d as u8))
        };
        if let Some((j, d)) = found {
            let f = &self.fuzzy[j];
            if f.stop {
                word.stop = true;
                return;
            }
            word.via = Via::Typo {
                corrected: f.stem.clone(),
                distance: d,
            };
            word.light = is_light(&f.stem);
            word.stem = f.stem.clone();
        }
    }
}

/// Optimal-string-alignment distance (edits: insert, delete, substitute, swap two neighbours) if
/// it is at most `max`, else None (and None for words over 32 bytes). Stops as soon as a row
/// exceeds `max` and allocates nothing: it runs for every candidate of every unknown word. Same
/// result as `strsim::osa_distance`, which a test checks.
fn osa_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    const N: usize = 33;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a.len() >= N || b.len() >= N {
        // Words this long are not misspellings of FAQ words worth correcting.
        return None;
    }
    // Three rows: two back (for swaps), one back, current.
    let mut two = [0usize; N];
    let mut one = [0usize; N];
    let mut cur = [0usize; N];
    for (j, v) in one.iter_mut().enumerate().take(b.len() + 1) {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        two = one;
        one = cur;
    }
    let d = one[b.len()];
    (d <= max).then_some(d)
}

/// Sorts a short list in place; `before(a, b)` says whether `a` goes first. One small generic
/// instead of the standard library's sorts keeps the WebAssembly download small.
fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Stems of a phrase without synonyms or typo correction (for synonym groups themselves).
fn plain_stems(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(text, 16) {
        match expand_shorthand(&tok.text) {
            Some(list) => out.extend(list.iter().map(|w| stem(w))),
            None => out.push(stem(&tok.text)),
        }
    }
    out
}

/// Records a word as the FAQ writes it, with its stem and frequency, for typo correction.
fn note_surface(w: &Word, surfaces: &mut HashMap<String, (String, u32, bool)>) {
    match surfaces.get_mut(&w.surface) {
        Some(slot) => slot.1 += 1,
        None => {
            surfaces.insert(w.surface.clone(), (w.stem.clone(), 1, w.stop));
        }
    }
}

/// Records the surface words of a text, with their stem and frequency, for typo correction.
fn note_surfaces(text: &str, surfaces: &mut HashMap<String, (String, u32, bool)>) {
    for tok in tokenize(text, 4096) {
        let slot = surfaces
            .entry(tok.text.clone())
            .or_insert_with(|| (stem(&tok.text), 0, is_stop(&tok.text)));
        slot.1 += 1;
    }
}

/// Cuts `s` to at most `max` bytes at a character boundary.
fn truncate(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (slice(s, 0, end), true)
}

/// `s[start..end]`, or "" if that is not a valid range (it always is for offsets from
/// [`tokenize`]; this avoids a panic path in the WebAssembly).
fn slice(s: &str, start: usize, end: usize) -> &str {
    s.get(start..end).unwrap_or("")
}

#[cfg(test)]
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
            phrasings: vec!["Olvidé la clave del wifi".into()],
            ..Default::default()
        });
        f.entries.push(Entry {
            id: "pagos".into(),
            question: "¿Cómo puedo realizar mis pagos?".into(),
            answer: "En la oficina o por depósito bancario.".into(),
            phrasings: vec!["¿Dónde pago la factura?".into()],
            ..Default::default()
        });
        f.unanswered
            .phrasings
            .push("¿Cuánto cuesta el plan?".into());
        f
    }

    #[test]
    fn answers_with_synonyms_and_typos() {
        let e = Engine::new(&tiny());
        let r = e.ask("olvide la contrasena del wify", 3);
        assert_eq!(r.status, Status::Answer, "{r:?}");
        assert_eq!(r.hits[0].id, "wifi-clave");
        assert!(r.hits[0]
            .matched
            .iter()
            .any(|m| matches!(m.via, Via::Synonym { .. })));
        assert!(r.hits[0]
            .matched
            .iter()
            .any(|m| matches!(m.via, Via::Typo { .. })));
        assert_eq!(e.ask("donde pago la factrua", 3).hits[0].id, "pagos");
    }

    #[test]
    fn says_no_answer_for_other_topics_and_empty_questions() {
        let e = Engine::new(&tiny());
        assert_eq!(e.ask("cuanto cuesta el plan", 3).status, Status::None);
        assert_eq!(e.ask("", 3).status, Status::None);
        assert_eq!(e.ask("hola buenos dias", 3).status, Status::None);
        assert_eq!(e.ask("jkjkjk 😭", 3).status, Status::None);
    }

    #[test]
    fn deterministic_and_bounded() {
        let e = Engine::new(&tiny());
        let q = "clave ".repeat(50_000);
        let a = e.ask(&q, 3);
        assert!(a.truncated);
        assert_eq!(a, e.ask(&q, 3));
    }

    #[test]
    fn bounded_osa_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "wifi",
            "wfi",
            "bifi",
            "klabe",
            "kalbe",
            "serbisio",
            "servicio",
            "ofisina",
            "abcdefghij",
            "acbdefghji",
        ];
        for a in words {
            for b in words {
                let full = strsim::osa_distance(a, b);
                for max in 0..4 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(
                        osa_within(a.as_bytes(), b.as_bytes(), max),
                        want,
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn highlight_marks_answer_words() {
        let e = Engine::new(&tiny());
        let r = e.ask("olvide mi contraseña", 3);
        let terms: Vec<String> = r.hits[0].matched.iter().map(|m| m.term.clone()).collect();
        let text = "La clave la entrega el técnico instalador.";
        let marks = e.highlight(text, &terms);
        assert_eq!(
            marks.iter().map(|&(a, b)| &text[a..b]).collect::<Vec<_>>(),
            ["clave"]
        );
    }
}
