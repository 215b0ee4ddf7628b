//! The compiled index: one byte buffer that `faq compile` writes from the trained model
//! (`build`), that the widget carries, and that the engine reads in place, without analysing
//! the FAQ again.
//!
//! Layout, little-endian throughout:
//!
//! ```text
//! header   "FAQI", version u16, class width u16 (1 or 2 bytes per class id),
//!          entries u32, stems u32, records u32, synonym groups u32,
//!          weight scale f32, min probability f32, ambiguity ratio f32
//! ids      per entry: length u8; then the ids' bytes
//! biases   per class (entries, then contact, then unanswered): f32
//! endings  what the stemmer took off the stems' words (a stem's word is its commonest form in
//!          the FAQ: "falla" is "fall" + "a"; typo correction compares how words sound, so it
//!          needs the whole word): a count u8, then each distinct ending, commonest first, as
//!          length u8 + bytes (the stemmer's few suffixes, named once: 0.2 KB less brotli at 12
//!          entries than each stem's ending spelt out, measured)
//! stems    sorted and unique, front-coded (a sorted list shares long prefixes, which gzip
//!          and brotli, matching three bytes or more, mostly miss: 0.6 KB less gzip at 12
//!          entries, measured): four u8 columns, one value per stem each: the bytes it shares
//!          with the stem before, the length of the rest, its ending's index in the endings,
//!          its record count; then per stem the rest's bytes
//! records  every record's class (u8 or u16), stem by stem; then every record's weight, i8 (×
//!          weight scale), in the same order (two columns compress better than pairs)
//! synonyms per group a line: its canonical stems, then per variant a tab and its words (the
//!          engine finds variants by their first word's stem, which it computes on reading);
//!          words between spaces, every line ending in a newline (separators compress better
//!          than a length byte before each word: 0.4 KB less brotli with the tables below)
//! language the word tables of `crate::text` (language, not FAQ content, written into every
//!          index so that the WebAssembly carries no copy): stop words, light words (each a count
//!          u32 and sorted strings, front-coded as the stems: per string the bytes it shares with
//!          the one before u8, then the rest and a newline), shorthand (a count u32; per entry a
//!          line: its word, then its expansions, between spaces)
//! ```
//!
//! Reading checks every length against the buffer and says what is wrong where: a truncated or
//! forged image is refused with an error, never a panic.

use super::analyze::Synonym;
use super::lookup::{raw, Lookup};
use super::math::exp;
use super::score::heap_sort;

/// The first bytes of every image.
pub const MAGIC: &[u8; 4] = b"FAQI";
/// The layout version this engine reads and writes.
pub const VERSION: u16 = 4;
const HEADER: usize = 36;

/// Why an image cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageError(pub String);

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "compiled FAQ: {}", self.0)
    }
}

fn err<T>(what: &str) -> Result<T, ImageError> {
    Err(ImageError(what.to_string()))
}

/// `err` for "<what> <problem>".
fn err2<T>(what: &str, problem: &str) -> Result<T, ImageError> {
    Err(problem_of(what, problem))
}

/// "<what> <problem>", without `format!`, whose machinery would cost the WebAssembly download
/// several kilobytes; not generic, so that it is one function there, not one per result type.
fn problem_of(what: &str, problem: &str) -> ImageError {
    let mut m = String::with_capacity(what.len() + problem.len() + 1);
    m.push_str(what);
    m.push(' ');
    m.push_str(problem);
    ImageError(m)
}

const PAST_END: &str = "goes past the end: the compiled FAQ is cut short or damaged";

/// A cursor over the buffer whose reads fail instead of panicking.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ImageError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        match end {
            Some(end) => {
                let s = &self.b[self.at..end];
                self.at = end;
                Ok(s)
            }
            None => err2(what, PAST_END),
        }
    }
    /// Reads words between spaces into `out`, up to a tab or a newline, which it consumes and
    /// returns. An empty word is an error.
    fn words(&mut self, out: &mut Vec<Span>, what: &str) -> Result<u8, ImageError> {
        let mut from = self.at;
        loop {
            let Some(&b) = self.b.get(self.at) else {
                return err2(what, PAST_END);
            };
            if matches!(b, b' ' | b'\t' | b'\n') {
                if self.at == from {
                    return err2(what, "has an empty word");
                }
                out.push(Span {
                    start: from as u32,
                    end: self.at as u32,
                });
                from = self.at + 1;
            }
            self.at += 1;
            if b == b'\t' || b == b'\n' {
                return Ok(b);
            }
        }
    }
    fn u8(&mut self, what: &str) -> Result<u8, ImageError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16, ImageError> {
        let s = self.take(2, what)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self, what: &str) -> Result<u32, ImageError> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self, what: &str) -> Result<f32, ImageError> {
        let v = f32::from_bits(self.u32(what)?);
        if v.is_finite() {
            Ok(v)
        } else {
            err2(what, "is not a finite number")
        }
    }
    fn str(&mut self, n: usize, what: &str) -> Result<&'a str, ImageError> {
        std::str::from_utf8(self.take(n, what)?).or_else(|_| err2(what, "is not UTF-8"))
    }
}

/// A byte range of the buffer.
#[derive(Clone, Copy, Default)]
pub(crate) struct Span {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// The image, checked once and indexed: the weights are read in place from the buffer; its texts
/// (ids, stems, synonyms, some kilobytes) are copied once into one string, checked as UTF-8 once
/// rather than at every comparison.
pub struct Image {
    bytes: Vec<u8>,
    texts: String,
    entries: usize,
    class_width: usize,
    scale: f32,
    /// Query-time constants the image was built with.
    pub(crate) min_probability: f32,
    pub(crate) ambiguity_ratio: f32,
    ids: Vec<Span>,
    biases: Vec<f32>,
    stems: Vec<Span>,
    /// Each word table with its lookup by hash (src/engine/lookup.rs): the stems here, the stop
    /// words, light words and shorthand words below.
    stem_lookup: Lookup,
    endings: Vec<Span>,
    /// Per stem, the range of its records (indexes into the classes and the weights).
    records: Vec<Span>,
    /// Where the records' classes (class_width bytes each) and their weights (a byte each) start.
    classes_at: usize,
    weights_at: usize,
    /// The synonym groups' canonical stems, and each variant's words with its group, as read.
    canonical: Vec<Vec<Span>>,
    variants: Vec<(Vec<Span>, u32)>,
    /// The synonym variants by their first word's stem ([`Synonyms`]): made once, when first
    /// needed (it stems every variant's words), so that a question only compares against them.
    synonyms: std::sync::OnceLock<Synonyms>,
    /// The word tables, sorted.
    stops: Vec<Span>,
    stop_lookup: Lookup,
    lights: Vec<Span>,
    light_lookup: Lookup,
    /// Per shorthand its word, then its expansions.
    shorthand: Vec<Vec<Span>>,
    /// Per shorthand its word.
    shorthand_words: Vec<Span>,
    shorthand_lookup: Lookup,
    /// The largest bias, and the sum of exp(bias - largest) over the classes.
    bias_max: f32,
    bias_exp_sum: f32,
}

impl Image {
    /// Checks and indexes an image.
    pub fn read(bytes: Vec<u8>) -> Result<Image, ImageError> {
        let mut c = Cursor { b: &bytes, at: 0 };
        if c.take(4, "the header")? != MAGIC {
            return err("this is not a compiled FAQ (it must start with FAQI)");
        }
        let version = c.u16("the version")?;
        if version != VERSION {
            return err(
                "its layout version is not the one this engine reads: compile the FAQ again",
            );
        }
        let class_width = c.u16("the class width")? as usize;
        if class_width != 1 && class_width != 2 {
            return err("the class width must be 1 or 2");
        }
        let entries = c.u32("the entry count")? as usize;
        let n_stems = c.u32("the stem count")? as usize;
        let n_records = c.u32("the record count")? as usize;
        let n_groups = c.u32("the synonym group count")? as usize;
        let scale = c.f32("the weight scale")?;
        let min_probability = c.f32("the minimum probability")?;
        let ambiguity_ratio = c.f32("the ambiguity ratio")?;
        debug_assert_eq!(c.at, HEADER);
        let classes = entries + 2;
        if class_width == 1 && classes > 256 {
            return err("one byte per class cannot name that many classes");
        }
        // Every count is checked against the bytes left before anything is allocated for it.
        let left = bytes.len();
        if entries > left || n_stems > left || n_records > left || n_groups > left {
            return err2("a count", PAST_END);
        }
        let ids = spans(&mut c, entries, "an entry id")?;
        let mut biases = Vec::with_capacity(classes);
        for _ in 0..classes {
            biases.push(c.f32("a class bias")?);
        }
        let n_endings = c.u8("the ending count")?;
        let mut ending_table: Vec<Span> = Vec::with_capacity(n_endings.into());
        for _ in 0..n_endings {
            ending_table.push(span_str(&mut c, "an ending")?);
        }
        let cols = c.take(n_stems * 4, "the stem table")?;
        let col = |i: usize, k: usize| usize::from(cols[i * n_stems + k]);
        // The stems are rebuilt into `texts`, where every other text is moved below.
        let mut texts = String::new();
        let mut stems: Vec<Span> = Vec::with_capacity(n_stems);
        let mut endings = Vec::with_capacity(n_stems);
        let mut records = Vec::with_capacity(n_stems);
        let mut rec_at = 0u32;
        for k in 0..n_stems {
            let prev = stems.last().copied();
            let rest = c.str(col(1, k), "a stem")?;
            stems.push(front_decoded(
                &mut texts,
                prev,
                col(0, k),
                rest,
                "the stems",
            )?);
            match ending_table.get(col(2, k)) {
                Some(&e) => endings.push(e),
                None => return err("a stem's ending is not one of the endings"),
            }
            records.push(Span {
                start: rec_at,
                end: rec_at + col(3, k) as u32,
            });
            rec_at += col(3, k) as u32;
        }
        if rec_at as usize != n_records {
            return err("the stems' record counts do not add up to the record count");
        }
        let classes_at = c.at;
        c.take(n_records * class_width, "the weights' classes")?;
        let weights_at = c.at;
        c.take(n_records, "the weights")?;
        let mut canonical: Vec<Vec<Span>> = Vec::with_capacity(n_groups);
        let mut variants: Vec<(Vec<Span>, u32)> = Vec::new();
        for g in 0..n_groups {
            let mut k = Vec::new();
            let mut end = c.words(&mut k, "a synonym")?;
            canonical.push(k);
            while end == b'\t' {
                let mut w = Vec::new();
                end = c.words(&mut w, "a synonym")?;
                variants.push((w, g as u32));
            }
        }
        let stops = sorted_strings(&mut c, &mut texts, left, "the stop words")?;
        let lights = sorted_strings(&mut c, &mut texts, left, "the light words")?;
        let n_short = c.u32("the shorthand count")? as usize;
        if n_short > left {
            return err2("a count", PAST_END);
        }
        let mut shorthand = Vec::with_capacity(n_short);
        for _ in 0..n_short {
            let mut words = Vec::new();
            if c.words(&mut words, "a shorthand")? != b'\n' || words.len() < 2 {
                return err("a shorthand is not a line of its word and its expansions");
            }
            shorthand.push(words);
        }
        if c.at != bytes.len() {
            return err("there are bytes after its end");
        }
        // Every other text span, moved into the same string.
        let mut rebase = |s: &mut Span, what: &str| -> Result<(), ImageError> {
            let t = std::str::from_utf8(&bytes[s.start as usize..s.end as usize])
                .or_else(|_| err2(what, "is not UTF-8"))?;
            s.start = texts.len() as u32;
            texts.push_str(t);
            s.end = texts.len() as u32;
            Ok(())
        };
        let mut ids = ids;
        for s in &mut ids {
            rebase(s, "an entry id")?;
        }
        for s in &mut endings {
            rebase(s, "an ending")?;
        }
        for s in canonical.iter_mut().flatten() {
            rebase(s, "a synonym")?;
        }
        for (words, _) in &mut variants {
            for s in words.iter_mut() {
                rebase(s, "a synonym")?;
            }
        }
        for s in shorthand.iter_mut().flatten() {
            rebase(s, "a shorthand")?;
        }
        let bias_max = biases.iter().copied().fold(f32::MIN, f32::max);
        let bias_exp_sum = biases.iter().map(|&b| exp(b - bias_max)).sum();
        let shorthand_words: Vec<Span> = shorthand
            .iter()
            .map(|l| l.first().copied().unwrap_or_default())
            .collect();
        let image = Image {
            stem_lookup: Lookup::new(&texts, &stems),
            stop_lookup: Lookup::new(&texts, &stops),
            light_lookup: Lookup::new(&texts, &lights),
            shorthand_lookup: Lookup::new(&texts, &shorthand_words),
            texts,
            bias_max,
            bias_exp_sum,
            entries,
            class_width,
            scale,
            min_probability,
            ambiguity_ratio,
            ids,
            biases,
            stems,
            endings,
            records,
            classes_at,
            weights_at,
            canonical,
            variants,
            synonyms: std::sync::OnceLock::new(),
            stops,
            lights,
            shorthand,
            shorthand_words,
            bytes,
        };
        for k in 0..image.records.len() {
            if image.weights(k).any(|(class, _)| class >= classes) {
                return err("a weight names a class that does not exist");
            }
        }
        Ok(image)
    }

    fn text(&self, s: Span) -> &str {
        self.texts
            .get(s.start as usize..s.end as usize)
            .unwrap_or("")
    }

    /// The buffer, as read.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Number of entries.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// The class of the contact options.
    pub(crate) fn contact_class(&self) -> usize {
        self.entries
    }

    /// The class of the questions the FAQ does not answer.
    pub(crate) fn none_class(&self) -> usize {
        self.entries + 1
    }

    /// The id of entry `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i).map_or("", |&s| self.text(s))
    }

    /// The bias of each class.
    pub(crate) fn biases(&self) -> &[f32] {
        &self.biases
    }

    /// The largest bias, and the sum over the classes of exp(bias - largest bias).
    pub(crate) fn bias_exp_sum(&self) -> (f32, f32) {
        (self.bias_max, self.bias_exp_sum)
    }

    /// Number of stems the model knows.
    pub(crate) fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Stem `k`.
    pub(crate) fn stem(&self, k: usize) -> &str {
        self.stems.get(k).map_or("", |&s| self.text(s))
    }

    /// Stem `k` as the FAQ writes it most often: the stem and its ending.
    pub(crate) fn word(&self, k: usize) -> String {
        let mut w = self.stem(k).to_string();
        w.push_str(self.endings.get(k).map_or("", |&s| self.text(s)));
        w
    }

    /// The index of a stem.
    pub(crate) fn find(&self, stem: &str) -> Option<usize> {
        self.stem_lookup
            .get(&self.texts, &self.stems, stem.as_bytes())
    }

    /// The weights of stem `k`: (class, weight).
    pub(crate) fn weights(&self, k: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let r = self.records.get(k).copied().unwrap_or_default();
        let (from, to) = (r.start as usize, r.end as usize);
        let w = self.class_width;
        let classes = &self.bytes[self.classes_at + from * w..self.classes_at + to * w];
        let weights = &self.bytes[self.weights_at + from..self.weights_at + to];
        classes.chunks_exact(w).zip(weights).map(move |(c, &q)| {
            let class = if w == 1 {
                c[0] as usize
            } else {
                u16::from_le_bytes([c[0], c[1]]) as usize
            };
            (class, f32::from(q as i8) * self.scale)
        })
    }

    /// How many weights stem `k` has.
    pub(crate) fn weight_count(&self, k: usize) -> usize {
        self.records
            .get(k)
            .map_or(0, |r| (r.end - r.start) as usize)
    }

    /// A stop word ([`crate::text::is_stop`]).
    pub(crate) fn is_stop(&self, word: &str) -> bool {
        self.stop_lookup
            .get(&self.texts, &self.stops, word.as_bytes())
            .is_some()
    }

    /// A light word ([`crate::text::is_light`]).
    pub(crate) fn is_light(&self, word: &str) -> bool {
        self.light_lookup
            .get(&self.texts, &self.lights, word.as_bytes())
            .is_some()
    }

    /// The stop words, in order.
    pub(crate) fn stop_words(&self) -> impl Iterator<Item = &str> {
        self.stops.iter().map(|&s| self.text(s))
    }

    /// What a shorthand stands for ([`crate::text::expand_shorthand`]).
    pub(crate) fn expand(&self, word: &str) -> Option<Vec<String>> {
        let at = self
            .shorthand_lookup
            .get(&self.texts, &self.shorthand_words, word.as_bytes())?;
        let exp = self.shorthand.get(at)?.get(1..)?;
        Some(exp.iter().map(|&s| self.text(s).to_string()).collect())
    }

    /// The synonym variants by their first word's stem (made the first time they are needed).
    pub(crate) fn synonyms(&self) -> &[Synonym] {
        &self.synonyms_indexed().list
    }

    /// The synonym variants by their first word's stem, and the lookup of those stems.
    fn synonyms_indexed(&self) -> &Synonyms {
        self.synonyms.get_or_init(|| {
            // Found by their first word's stem, longest first, then by their words: one order.
            let strings = |l: &[Span]| l.iter().map(|&s| self.text(s).to_string()).collect();
            let mut synonyms: Vec<(String, Synonym)> = self
                .variants
                .iter()
                .map(|(w, g)| {
                    let canonical = self
                        .canonical
                        .get(*g as usize)
                        .map_or(Vec::new(), |k| strings(k));
                    let syn = Synonym::new(strings(w), canonical);
                    (syn.stems.first().cloned().unwrap_or_default(), syn)
                })
                .collect();
            heap_sort(&mut synonyms, |a, b| {
                a.0.cmp(&b.0)
                    .then(b.1.words.len().cmp(&a.1.words.len()))
                    .then_with(|| a.1.words.cmp(&b.1.words))
                    .is_lt()
            });
            let mut keys = Synonyms::default();
            for (key, syn) in synonyms {
                let n = keys.list.len() as u32;
                keys.list.push(syn);
                // A variant with the stem of the one before joins its range.
                let same = keys
                    .keys
                    .last()
                    .is_some_and(|&k| raw(&keys.text, k) == key.as_bytes());
                if let (true, Some(last)) = (same, keys.ranges.last_mut()) {
                    last.end = n + 1;
                    continue;
                }
                let start = keys.text.len() as u32;
                keys.text.push_str(&key);
                let end = keys.text.len() as u32;
                keys.keys.push(Span { start, end });
                keys.ranges.push(Span {
                    start: n,
                    end: n + 1,
                });
            }
            keys.lookup = Lookup::new(&keys.text, &keys.keys);
            keys
        })
    }

    /// Whether the synonym variants have been made.
    pub(crate) fn synonyms_ready(&self) -> bool {
        self.synonyms.get().is_some()
    }

    /// Whether a synonym variant starts with a word of this stem.
    pub(crate) fn starts_synonym(&self, first_stem: &str) -> bool {
        !self.synonyms_of(first_stem).is_empty()
    }

    /// The synonym variants whose first word has this stem, longest first.
    pub(crate) fn synonyms_of(&self, first_stem: &str) -> &[Synonym] {
        let s = self.synonyms_indexed();
        s.lookup
            .get(&s.text, &s.keys, first_stem.as_bytes())
            .and_then(|k| s.ranges.get(k))
            .and_then(|r| s.list.get(r.start as usize..r.end as usize))
            .unwrap_or_default()
    }
}

/// The synonym variants, sorted by their first word's stem, longest first; each distinct stem
/// (a key, in `text`) with the range of its variants in the list, and the lookup of the keys.
#[derive(Default)]
struct Synonyms {
    text: String,
    keys: Vec<Span>,
    ranges: Vec<Span>,
    list: Vec<Synonym>,
    lookup: Lookup,
}

fn spans(c: &mut Cursor, n: usize, what: &str) -> Result<Vec<Span>, ImageError> {
    let lens = c.take(n, what)?.to_vec();
    let mut out = Vec::with_capacity(n);
    for len in lens {
        let start = c.at as u32;
        c.str(len as usize, what)?;
        out.push(Span {
            start,
            end: c.at as u32,
        });
    }
    Ok(out)
}

/// A count u32, then that many strings, sorted and front-coded (each: the bytes it shares with
/// the one before u8, the rest's length u8, the rest), rebuilt into `texts`.
fn sorted_strings(
    c: &mut Cursor,
    texts: &mut String,
    left: usize,
    what: &str,
) -> Result<Vec<Span>, ImageError> {
    let n = c.u32(what)? as usize;
    if n > left {
        return err2("a count", PAST_END);
    }
    let mut out: Vec<Span> = Vec::with_capacity(n);
    for _ in 0..n {
        let shared = c.u8(what)? as usize;
        let mut w = Vec::new();
        let end = c.words(&mut w, what)?;
        let rest = match w.pop() {
            Some(r) if w.is_empty() && end == b'\n' => r,
            _ => return err2(what, "are not one word per line"),
        };
        let rest = std::str::from_utf8(
            c.b.get(rest.start as usize..rest.end as usize)
                .unwrap_or_default(),
        )
        .or_else(|_| err2(what, "is not UTF-8"))?;
        out.push(front_decoded(
            texts,
            out.last().copied(),
            shared,
            rest,
            what,
        )?);
    }
    Ok(out)
}

/// Appends to `texts` a string of a sorted front-coded list: the first `shared` bytes of the one
/// before (`prev`, already in `texts`), then `rest`. Refuses a list that is not sorted and unique
/// (binary search needs it) or a prefix that is not there.
fn front_decoded(
    texts: &mut String,
    prev: Option<Span>,
    shared: usize,
    rest: &str,
    what: &str,
) -> Result<Span, ImageError> {
    let prev = prev.unwrap_or_default();
    let from = prev.start as usize;
    if shared > (prev.end - prev.start) as usize || !texts.is_char_boundary(from + shared) {
        return err2(what, "share more with the string before than it has");
    }
    let start = texts.len();
    texts.extend_from_within(from..from + shared);
    texts.push_str(rest);
    if prev.end > prev.start && texts[from..prev.end as usize] >= texts[start..] {
        return err2(what, "are not sorted");
    }
    Ok(Span {
        start: start as u32,
        end: texts.len() as u32,
    })
}

/// What each string of a sorted list shares with the one before, cut back to a character
/// boundary: the writer's half of [`front_decoded`].
#[cfg(feature = "build")]
fn front_coded<'a>(list: impl Iterator<Item = &'a str>) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut prev = "";
    for s in list {
        let mut k = s
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !s.is_char_boundary(k) {
            k -= 1;
        }
        out.push((k, s));
        prev = s;
    }
    out
}

fn span_str(c: &mut Cursor, what: &str) -> Result<Span, ImageError> {
    let n = c.u8(what)? as usize;
    let start = c.at as u32;
    c.str(n, what)?;
    Ok(Span {
        start,
        end: c.at as u32,
    })
}

/// A stem as the writer takes it: the stem, its ending, its (class, quantised weight) records.
#[cfg(feature = "build")]
pub(crate) type StemEntry = (String, String, Vec<(u32, i8)>);

/// What an image holds, for the writer.
#[cfg(feature = "build")]
pub(crate) struct Contents {
    pub ids: Vec<String>,
    /// Per class: entries, contact, unanswered.
    pub biases: Vec<f32>,
    /// Sorted, unique; each with its ending and its (class, quantised weight) records.
    pub stems: Vec<StemEntry>,
    pub scale: f32,
    pub min_probability: f32,
    pub ambiguity_ratio: f32,
    /// The synonym groups: canonical stems, and the variants' words.
    pub synonyms: Vec<(Vec<String>, Vec<Vec<String>>)>,
    /// Stop words of this FAQ besides the language's (the organization's name).
    pub stops: Vec<String>,
}

/// Writes an image. Strings longer than 255 bytes and stems with more than 255 records are cut
/// by the builder before this point; here they are errors.
#[cfg(feature = "build")]
pub(crate) fn write(c: &Contents) -> Result<Vec<u8>, ImageError> {
    let classes = c.ids.len() + 2;
    let class_width: usize = if classes <= 256 { 1 } else { 2 };
    let records: usize = c.stems.iter().map(|s| s.2.len()).sum();
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(class_width as u16).to_le_bytes());
    for n in [c.ids.len(), c.stems.len(), records, c.synonyms.len()] {
        let n = u32::try_from(n).or_else(|_| err("too many items"))?;
        out.extend_from_slice(&n.to_le_bytes());
    }
    for f in [c.scale, c.min_probability, c.ambiguity_ratio] {
        out.extend_from_slice(&f.to_le_bytes());
    }
    let len8 = |s: &str| u8::try_from(s.len()).or_else(|_| err(&format!("{s:?} is too long")));
    for id in &c.ids {
        out.push(len8(id)?);
    }
    for id in &c.ids {
        out.extend_from_slice(id.as_bytes());
    }
    if c.biases.len() != classes {
        return err("one bias per class");
    }
    for b in &c.biases {
        out.extend_from_slice(&b.to_le_bytes());
    }
    // The distinct endings, commonest first (then in byte order: one layout per FAQ).
    let mut table: Vec<(&str, usize)> = Vec::new();
    for (_, e, _) in &c.stems {
        match table.iter_mut().find(|(t, _)| t == e) {
            Some((_, n)) => *n += 1,
            None => table.push((e, 1)),
        }
    }
    table.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out.push(u8::try_from(table.len()).or_else(|_| err("more than 255 distinct endings"))?);
    for (e, _) in &table {
        out.push(len8(e)?);
        out.extend_from_slice(e.as_bytes());
    }
    for (st, _, _) in &c.stems {
        len8(st)?;
    }
    let shared = front_coded(c.stems.iter().map(|(st, _, _)| st.as_str()));
    for (k, _) in &shared {
        out.push(*k as u8);
    }
    for (k, st) in &shared {
        out.push(len8(&st[*k..])?);
    }
    for (_, e, _) in &c.stems {
        out.push(table.iter().position(|(t, _)| t == e).unwrap_or(0) as u8);
    }
    for (_, _, recs) in &c.stems {
        out.push(u8::try_from(recs.len()).or_else(|_| err("too many weights for one stem"))?);
    }
    for (k, st) in &shared {
        out.extend_from_slice(&st.as_bytes()[*k..]);
    }
    // The classes, then the weights: each column alike compresses better than the pairs.
    for &(class, _) in c.stems.iter().flat_map(|s| &s.2) {
        if class_width == 1 {
            out.push(class as u8);
        } else {
            out.extend_from_slice(&(class as u16).to_le_bytes());
        }
    }
    for &(_, w) in c.stems.iter().flat_map(|s| &s.2) {
        out.push(w as u8);
    }
    // Words in lines, between spaces and tabs: length bytes before each word cost brotli more
    // than the separators (0.4 KB at 12 entries, measured).
    let word = |out: &mut Vec<u8>, w: &str| -> Result<(), ImageError> {
        if w.is_empty() || w.bytes().any(|b| matches!(b, b' ' | b'\t' | b'\n')) {
            return err(&format!("the word {w:?} is empty or holds a space"));
        }
        out.extend_from_slice(w.as_bytes());
        Ok(())
    };
    let words = |out: &mut Vec<u8>, list: &[String]| -> Result<(), ImageError> {
        for (i, w) in list.iter().enumerate() {
            if i > 0 {
                out.push(b' ');
            }
            word(out, w)?;
        }
        Ok(())
    };
    for (canonical, variants) in &c.synonyms {
        words(&mut out, canonical)?;
        for v in variants {
            out.push(b'\t');
            words(&mut out, v)?;
        }
        out.push(b'\n');
    }
    // The word tables (language, the same for every FAQ; the stop words also the FAQ's own).
    let strings = |out: &mut Vec<u8>, list: Vec<&str>| -> Result<(), ImageError> {
        out.extend_from_slice(&(list.len() as u32).to_le_bytes());
        for (k, w) in front_coded(list.into_iter()) {
            len8(w)?;
            out.push(k as u8);
            word(out, &w[k..])?;
            out.push(b'\n');
        }
        Ok(())
    };
    let mut stops: Vec<&str> = crate::text::stop_words().collect();
    stops.extend(c.stops.iter().map(String::as_str));
    stops.sort_unstable();
    stops.dedup();
    strings(&mut out, stops)?;
    strings(&mut out, crate::text::light_words().collect())?;
    let short: Vec<_> = crate::text::shorthand().collect();
    out.extend_from_slice(&(short.len() as u32).to_le_bytes());
    for (k, exp) in short {
        word(&mut out, k)?;
        for w in exp {
            out.push(b' ');
            word(&mut out, w)?;
        }
        out.push(b'\n');
    }
    Ok(out)
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;

    /// Decodes a front-coded list as the reader does.
    fn decoded(coded: &[(usize, &str)]) -> Result<Vec<String>, ImageError> {
        let mut texts = String::new();
        let mut out: Vec<Span> = Vec::new();
        for &(k, s) in coded {
            out.push(front_decoded(
                &mut texts,
                out.last().copied(),
                k,
                &s[k..],
                "words",
            )?);
        }
        Ok(out
            .iter()
            .map(|s| texts[s.start as usize..s.end as usize].to_string())
            .collect())
    }

    #[test]
    fn front_coding_round_trips_and_shares_prefixes() {
        // Byte order: "ñ" and "ó" (0xC3 0xB1, 0xC3 0xB3) come after ASCII and share a byte.
        let list = ["factur", "facturacion", "fall", "wifi", "ñandu", "ñu", "ó"];
        let coded = front_coded(list.iter().copied());
        assert_eq!(
            coded.iter().map(|c| c.0).collect::<Vec<_>>(),
            [0, 6, 2, 0, 0, 2, 0],
            "shared bytes, cut back to whole characters"
        );
        assert_eq!(decoded(&coded).unwrap(), list);
    }

    fn contents(stems: &[(&str, &str)]) -> Contents {
        Contents {
            ids: vec!["a".into()],
            biases: vec![0.0; 3],
            stems: stems
                .iter()
                .map(|&(st, e)| (st.to_string(), e.to_string(), vec![(0, 1)]))
                .collect(),
            scale: 0.1,
            min_probability: 0.3,
            ambiguity_ratio: 0.5,
            synonyms: vec![],
            stops: vec![],
        }
    }

    #[test]
    fn each_ending_is_written_once_and_every_stem_gets_its_own_back() {
        let stems = [
            ("cort", "e"),
            ("fall", "a"),
            ("pag", "o"),
            ("pas", "o"),
            ("wifi", ""),
        ];
        let bytes = write(&contents(&stems)).unwrap();
        // After the header, the one id and the three biases: four endings, "o" (two stems)
        // first, then the others in byte order ("" included).
        let at = HEADER + 2 + 3 * 4;
        assert_eq!(&bytes[at..at + 8], &[4, 1, b'o', 0, 1, b'a', 1, b'e'][..]);
        let image = Image::read(bytes).unwrap();
        let words: Vec<String> = (0..stems.len()).map(|k| image.word(k)).collect();
        assert_eq!(words, ["corte", "falla", "pago", "paso", "wifi"]);
    }

    #[test]
    fn an_ending_index_past_the_endings_is_refused() {
        let mut bytes = write(&contents(&[("fall", "a")])).unwrap();
        // The endings ("a"), then the four columns of the one stem: the third is its ending.
        let column = HEADER + 2 + 3 * 4 + 1 + 2 + 2;
        assert_eq!(bytes[column], 0);
        bytes[column] = 1;
        let e = Image::read(bytes).err().map(|e| e.to_string());
        assert!(
            e.is_some_and(|e| e.contains("ending")),
            "refused, saying where"
        );
    }

    #[test]
    fn a_forged_front_coded_list_is_refused() {
        // Sharing more than the string before has.
        let mut texts = String::new();
        let first = front_decoded(&mut texts, None, 0, "ab", "words").unwrap();
        assert!(front_decoded(&mut texts, Some(first), 3, "c", "words").is_err());
        // Not sorted, or a repeat.
        assert!(decoded(&[(0, "b"), (0, "a")]).is_err());
        assert!(decoded(&[(0, "ab"), (2, "ab")]).is_err());
        // A shared prefix that splits a character.
        let mut texts = String::new();
        let first = front_decoded(&mut texts, None, 0, "ñ", "words").unwrap();
        assert!(front_decoded(&mut texts, Some(first), 1, "x", "words").is_err());
    }
}
