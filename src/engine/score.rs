//! Scoring a question: the model is a linear classifier over the question's stems, so each known
//! stem adds its weights to the classes it has weights for, every class starts from its bias,
//! and a softmax turns the sums into probabilities.
//!
//! The sums are scaled by `1 / √words` ([`feature_value`]), counting the words the FAQ does not
//! know too: a long story around a short question weakens every class, which is what lets the
//! unanswered topics win when most of a question is about something else.

use super::image::Image;
use super::math::exp;

/// The value of each feature of a question with `words` content words (known or not).
pub(crate) fn feature_value(words: usize) -> f32 {
    if words == 0 {
        0.0
    } else {
        1.0 / (words as f32).sqrt()
    }
}

/// A question's scores: the classes its stems have weights for, with their probabilities.
pub(crate) struct Scores {
    /// (class, probability), most likely first; classes without weights are left out (their
    /// probability comes from their bias alone: see [`Scores::probability`]).
    pub ranked: Vec<(usize, f32)>,
    /// The softmax's offset and normaliser, for [`Scores::probability`].
    max: f32,
    z: f32,
}

impl Scores {
    /// The probability of `class`.
    pub(crate) fn probability(&self, image: &Image, class: usize) -> f32 {
        if let Some(&(_, p)) = self.ranked.iter().find(|(c, _)| *c == class) {
            return p;
        }
        match image.biases().get(class) {
            Some(&b) if self.z > 0.0 => exp(b - self.max) / self.z,
            _ => 0.0,
        }
    }
}

/// Scores the known stems (indexes into the image's stems) of a question that has `words`
/// content words.
pub(crate) fn score(image: &Image, known: &[usize], words: usize) -> Scores {
    let x = feature_value(words);
    let biases = image.biases();
    // Only the classes the stems touch get a sum; the others keep their bias.
    let mut sum = vec![f32::NAN; biases.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &k in known {
        for (class, w) in image.weights(k) {
            if sum[class].is_nan() {
                touched.push(class);
                sum[class] = biases[class];
            }
            sum[class] += w * x;
        }
    }
    // The softmax over every class, computing only the touched ones: the untouched classes
    // contribute the sum of exp(bias) (kept by the image) less the touched classes' share.
    let (bias_max, bias_exp_sum) = image.bias_exp_sum();
    let max = touched.iter().map(|&c| sum[c]).fold(bias_max, f32::max);
    let mut z = bias_exp_sum * exp(bias_max - max);
    for &c in &touched {
        z += exp(sum[c] - max) - exp(biases[c] - max);
    }
    let mut ranked: Vec<(usize, f32)> = touched
        .into_iter()
        .map(|c| (c, if z > 0.0 { exp(sum[c] - max) / z } else { 0.0 }))
        .collect();
    // Most likely first; ties in class order, so the ranking never depends on the stems' order.
    insertion_sort(&mut ranked, |a, b| a.1 > b.1 || (a.1 == b.1 && a.0 < b.0));
    Scores { ranked, max, z }
}

/// Sorts a short list in place; `before(a, b)` says whether `a` goes first. One small generic
/// instead of the standard library's sorts keeps the WebAssembly download small.
pub(crate) fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts a long list in place (heapsort: O(n log n), not stable); `before(a, b)` says whether
/// `a` goes first. For the typo table, whose order must not depend on stability: its ties are
/// broken by unique ids. Small code, where the standard library's sorts would add 3 KB to the
/// WebAssembly download.
pub(crate) fn heap_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    let sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && before(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !before(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift(v, start, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_sort_sorts() {
        let mut v: Vec<u32> = (0..200).map(|i| (i * 7919 + 13) % 211).collect();
        let mut want = v.clone();
        want.sort();
        heap_sort(&mut v, |a, b| a < b);
        assert_eq!(v, want);
        let mut empty: [u8; 0] = [];
        heap_sort(&mut empty, |a, b| a < b);
    }

    #[test]
    fn feature_value_shrinks_with_the_question() {
        assert_eq!(feature_value(0), 0.0);
        assert_eq!(feature_value(4), 0.5);
        assert!(feature_value(9) < feature_value(4));
    }

    #[test]
    fn insertion_sort_is_stable_and_sorts() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
        insertion_sort(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
