//! The compiled index: one byte buffer that `faq compile` writes from the trained model
//! (`build`), that the widget carries, and that the engine reads in place, without analysing
//! the FAQ again.
//!
//! Layout, little-endian throughout:
//!
//! ```text
//! header   "FAQI", version u16, class width u16 (1 or 2 bytes per class id),
//!          entries u32, stems u32, records u32, synonyms u32,
//!          weight scale f32, min probability f32, ambiguity ratio f32
//! ids      per entry: length u8; then the ids' bytes
//! biases   per class (entries, then contact, then unanswered): f32
//! stems    per stem: length u8, ending length u8, record count u8; then the stems' bytes
//!          (sorted, unique), then the endings' bytes (what the stemmer took off the word's
//!          commonest form in the FAQ: "falla" is "fall" + "a"; typo correction compares how
//!          words sound, so it needs the whole word)
//! records  per stem, its records: class (u8 or u16), weight i8 (× weight scale)
//! synonyms per variant, sorted by first stem: word count u8, canonical count u8, then the
//!          first stem, the words and the canonical stems, each as length u8 + bytes
//! ```
//!
//! Reading checks every length against the buffer and says what is wrong where: a truncated or
//! forged image is refused with an error, never a panic.

use super::analyze::Synonym;
use super::math::exp;

/// The first bytes of every image.
pub const MAGIC: &[u8; 4] = b"FAQI";
/// The layout version this engine reads and writes.
pub const VERSION: u16 = 1;
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

/// `err` for "<what> <problem>", without `format!`, whose machinery would cost the WebAssembly
/// download several kilobytes.
fn err2<T>(what: &str, problem: &str) -> Result<T, ImageError> {
    let mut m = String::with_capacity(what.len() + problem.len() + 1);
    m.push_str(what);
    m.push(' ');
    m.push_str(problem);
    Err(ImageError(m))
}

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
            None => err2(
                what,
                "goes past the end: the compiled FAQ is cut short or damaged",
            ),
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
struct Span {
    start: u32,
    end: u32,
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
    endings: Vec<Span>,
    /// Per stem, the range of its records.
    records: Vec<Span>,
    synonyms: Vec<(Span, Vec<Span>, Vec<Span>)>,
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
        let n_synonyms = c.u32("the synonym count")? as usize;
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
        if entries > left || n_stems > left || n_records > left || n_synonyms > left {
            return err("a count is larger than the image");
        }
        let ids = spans(&mut c, entries, "an entry id")?;
        let mut biases = Vec::with_capacity(classes);
        for _ in 0..classes {
            biases.push(c.f32("a class bias")?);
        }
        let lens = c.take(n_stems * 3, "the stem table")?;
        let mut stems = Vec::with_capacity(n_stems);
        let mut endings = Vec::with_capacity(n_stems);
        let mut records = Vec::with_capacity(n_stems);
        let rec = (class_width + 1) as u32;
        let mut rec_at = 0u32;
        let mut at = c.at as u32;
        for t in lens.chunks_exact(3) {
            stems.push(Span {
                start: at,
                end: at + u32::from(t[0]),
            });
            at += u32::from(t[0]);
            records.push(Span {
                start: rec_at * rec,
                end: (rec_at + u32::from(t[2])) * rec,
            });
            rec_at += u32::from(t[2]);
        }
        let text = c.str(at as usize - c.at, "the stems")?;
        for t in lens.chunks_exact(3) {
            endings.push(Span {
                start: at,
                end: at + u32::from(t[1]),
            });
            at += u32::from(t[1]);
        }
        c.str(at as usize - c.at, "the endings")?;
        if rec_at as usize != n_records {
            return err("the stems' record counts do not add up to the record count");
        }
        let rec_base = c.at as u32;
        c.take(n_records * (class_width + 1), "the weight records")?;
        for r in &mut records {
            r.start += rec_base;
            r.end += rec_base;
        }
        // The stems must be sorted and unique for binary search.
        let base = stems.first().map_or(0, |s| s.start);
        let mut prev: Option<&str> = None;
        for s in &stems {
            let st = text
                .get((s.start - base) as usize..(s.end - base) as usize)
                .ok_or_else(|| ImageError("a stem splits a character".into()))?;
            if prev.is_some_and(|p| p >= st) {
                return err("the stems are not sorted");
            }
            prev = Some(st);
        }
        let mut synonyms = Vec::with_capacity(n_synonyms);
        for _ in 0..n_synonyms {
            let nw = c.u8("a synonym's word count")? as usize;
            let nc = c.u8("a synonym's canonical count")? as usize;
            if nw == 0 || nc == 0 {
                return err("a synonym without words");
            }
            let first = span_str(&mut c, "a synonym's first stem")?;
            let mut w = Vec::with_capacity(nw);
            for _ in 0..nw {
                w.push(span_str(&mut c, "a synonym's word")?);
            }
            let mut k = Vec::with_capacity(nc);
            for _ in 0..nc {
                k.push(span_str(&mut c, "a synonym's canonical stem")?);
            }
            synonyms.push((first, w, k));
        }
        if c.at != bytes.len() {
            return err("there are bytes after its end");
        }
        // Every text span, moved into one string.
        let mut texts = String::new();
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
        for s in &mut stems {
            rebase(s, "a stem")?;
        }
        for s in &mut endings {
            rebase(s, "an ending")?;
        }
        for (first, words, canonical) in &mut synonyms {
            rebase(first, "a synonym")?;
            for s in words.iter_mut().chain(canonical.iter_mut()) {
                rebase(s, "a synonym")?;
            }
        }
        let bias_max = biases.iter().copied().fold(f32::MIN, f32::max);
        let bias_exp_sum = biases.iter().map(|&b| exp(b - bias_max)).sum();
        let image = Image {
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
            synonyms,
            bytes,
        };
        for k in 0..image.records.len() {
            if image.weights(k).any(|(class, _)| class >= classes) {
                return err("a weight names a class that does not exist");
            }
        }
        for s in 1..image.synonyms.len() {
            if image.text(image.synonyms[s - 1].0) > image.text(image.synonyms[s].0) {
                return err("the synonyms are not sorted");
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

    /// The index of a stem, by binary search.
    pub(crate) fn find(&self, stem: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.stems.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.stem(mid).cmp(stem) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The weights of stem `k`: (class, weight).
    pub(crate) fn weights(&self, k: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let r = self.records.get(k).copied().unwrap_or_default();
        let w = self.class_width;
        self.bytes[r.start as usize..r.end as usize]
            .chunks_exact(w + 1)
            .map(move |rec| {
                let class = if w == 1 {
                    rec[0] as usize
                } else {
                    u16::from_le_bytes([rec[0], rec[1]]) as usize
                };
                (class, f32::from(rec[w] as i8) * self.scale)
            })
    }

    /// How many weights stem `k` has.
    pub(crate) fn weight_count(&self, k: usize) -> usize {
        self.records
            .get(k)
            .map_or(0, |r| (r.end - r.start) as usize / (self.class_width + 1))
    }

    /// Whether a synonym variant starts with a word of this stem.
    pub(crate) fn starts_synonym(&self, first_stem: &str) -> bool {
        let at = self
            .synonyms
            .partition_point(|s| self.text(s.0) < first_stem);
        self.synonyms
            .get(at)
            .is_some_and(|s| self.text(s.0) == first_stem)
    }

    /// The synonym variants whose first word has this stem, as stored (longest first).
    pub(crate) fn synonyms_of(&self, first_stem: &str) -> Vec<Synonym> {
        let at = self
            .synonyms
            .partition_point(|s| self.text(s.0) < first_stem);
        if self
            .synonyms
            .get(at)
            .is_none_or(|s| self.text(s.0) != first_stem)
        {
            return Vec::new();
        }
        self.synonyms[at..]
            .iter()
            .take_while(|s| self.text(s.0) == first_stem)
            .map(|(_, w, k)| Synonym {
                words: w.iter().map(|&s| self.text(s).to_string()).collect(),
                canonical: k.iter().map(|&s| self.text(s).to_string()).collect(),
            })
            .collect()
    }
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
    /// (first stem, words, canonical stems), sorted by first stem, longest first within.
    pub synonyms: Vec<(String, Vec<String>, Vec<String>)>,
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
    for (s, e, recs) in &c.stems {
        out.push(len8(s)?);
        out.push(len8(e)?);
        out.push(u8::try_from(recs.len()).or_else(|_| err("too many weights for one stem"))?);
    }
    for (s, _, _) in &c.stems {
        out.extend_from_slice(s.as_bytes());
    }
    for (_, e, _) in &c.stems {
        out.extend_from_slice(e.as_bytes());
    }
    for (_, _, recs) in &c.stems {
        for &(class, w) in recs {
            if class_width == 1 {
                out.push(class as u8);
            } else {
                out.extend_from_slice(&(class as u16).to_le_bytes());
            }
            out.push(w as u8);
        }
    }
    for (first, words, canonical) in &c.synonyms {
        out.push(u8::try_from(words.len()).or_else(|_| err("a synonym too long"))?);
        out.push(u8::try_from(canonical.len()).or_else(|_| err("a synonym too long"))?);
        for s in std::iter::once(first).chain(words).chain(canonical) {
            out.push(len8(s)?);
            out.extend_from_slice(s.as_bytes());
        }
    }
    Ok(out)
}
