//! Training the classifier: multinomial logistic regression over the examples' stems, by
//! stochastic gradient descent (the approach of Snips NLU's intent classifier, with a class for
//! what the FAQ does not answer trained on examples of it).
//!
//! Sparse by construction: a stem gets a weight only for the classes it occurs with in the
//! training examples (at most [`MAX_SUPPORT`] of them), which keeps the compiled index small and
//! training linear in the examples. Deterministic: a fixed shuffle, and arithmetic that comes out
//! the same in the browser (the studio) as natively (see `math::exp`).

use crate::engine::math::exp;
use crate::engine::params::Params;

/// Most classes one stem can have a weight for (those it occurs with most often): a stem that
/// occurs with more classes than this says little about any of them (in a 12-entry FAQ no stem
/// does).
pub(crate) const MAX_SUPPORT: usize = 64;

/// Up to this many classes, every step updates every class's bias exactly; above it (FAQs of
/// hundreds of entries and more), only the classes the example's stems touch.
const EXACT_CLASSES: usize = 256;

/// One training example: its stems (ids into the vocabulary, each once), its class, and how much
/// it counts.
pub(crate) struct Example {
    pub stems: Vec<u32>,
    pub class: u32,
    pub weight: f32,
}

/// The trained model: per stem, its (class, weight) pairs in class order; per class, its bias.
pub(crate) struct Model {
    pub weights: Vec<Vec<(u32, f32)>>,
    pub biases: Vec<f32>,
}

/// A small deterministic PRNG (xorshift64) for the shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Each stem's classes: those it occurs with most often, at most [`MAX_SUPPORT`] (ties: class
/// order), in class order.
fn support(examples: &[Example], stems: usize) -> Vec<Vec<(u32, f32)>> {
    let mut counts: Vec<Vec<(u32, u32)>> = vec![Vec::new(); stems];
    for e in examples {
        for &s in &e.stems {
            let list = &mut counts[s as usize];
            // Examples come class by class: the class is most often the last one seen.
            match list.last_mut() {
                Some(last) if last.0 == e.class => last.1 += 1,
                _ => match list.iter_mut().find(|(c, _)| *c == e.class) {
                    Some(slot) => slot.1 += 1,
                    None => list.push((e.class, 1)),
                },
            }
        }
    }
    counts
        .into_iter()
        .map(|mut list| {
            if list.len() > MAX_SUPPORT {
                list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                list.truncate(MAX_SUPPORT);
            }
            list.sort_by_key(|&(c, _)| c);
            list.into_iter().map(|(c, _)| (c, 0.0)).collect()
        })
        .collect()
}

/// Examples that `epochs` passes are meant for; above it, the passes shrink in proportion (to a
/// fifth at least).
const FULL_PASSES_UP_TO: usize = 3000;

/// The passes to make over `examples` examples.
fn epochs_for(epochs: u32, examples: usize) -> usize {
    let epochs = epochs as usize;
    if examples <= FULL_PASSES_UP_TO {
        return epochs;
    }
    (epochs * FULL_PASSES_UP_TO / examples)
        .max(epochs / 5)
        .max(1)
}

/// Trains the model on `examples` over a vocabulary of `stems` stems and `classes` classes; `seed`
/// picks the shuffle and the dropout (one model of an ensemble).
pub(crate) fn train(
    examples: &[Example],
    stems: usize,
    classes: usize,
    p: &Params,
    seed: u64,
) -> Model {
    let mut weights = support(examples, stems);
    let mut biases = vec![0f32; classes];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x2545_f491_4f6c_dd1d));
    // Dropout draws from a stream of its own, so that the shuffle is the same with or without it.
    let mut drops = Rng(0x1234_5678_9abc_def1 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    // A stem is left out when a 16-bit draw falls under this.
    let cut = (p.dropout.clamp(0.0, 1.0) * 65536.0) as u64;
    let mut kept: Vec<u32> = Vec::new();
    // Passes over the examples: `epochs` for an FAQ the size of the ISP's (a few thousand
    // examples), fewer for a big one, whose many examples give as many steps in fewer passes.
    let epochs = epochs_for(p.epochs, examples.len());
    let total = (epochs * examples.len()).max(1);
    let mut step = 0usize;
    let mut sum = vec![f32::NAN; classes];
    let mut grad = vec![f32::NAN; classes];
    let mut touched: Vec<u32> = Vec::new();
    let exact = classes <= EXACT_CLASSES;
    let mut bias_mass: f32;
    let mut bias_ref: f32;
    for _ in 0..epochs {
        // The sum of exp(bias - bias_ref) over all classes, recomputed each pass so that rounding
        // cannot drift; bias_ref (the largest bias) keeps the exponents small.
        bias_ref = biases.iter().copied().fold(f32::MIN, f32::max);
        bias_mass = biases.iter().map(|&b| exp(b - bias_ref)).sum();
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &ix in &order {
            let e = &examples[ix];
            let lr = p.learning_rate * (1.0 - step as f32 / total as f32).max(0.05);
            step += 1;
            if e.stems.is_empty() {
                continue;
            }
            // The stems this step sees; the value of each is as if the others were never there.
            kept.clear();
            if cut > 0 && e.stems.len() > 1 {
                kept.extend(e.stems.iter().filter(|_| drops.next() & 0xffff >= cut));
                if kept.is_empty() {
                    kept.push(e.stems[(drops.next() % e.stems.len() as u64) as usize]);
                }
            } else {
                kept.extend_from_slice(&e.stems);
            }
            let x = 1.0 / (kept.len() as f32).sqrt();
            // The touched classes' sums (the true class always among them).
            touched.clear();
            let mut touch = |c: u32, sum: &mut Vec<f32>| {
                if sum[c as usize].is_nan() {
                    sum[c as usize] = biases[c as usize];
                    touched.push(c);
                }
            };
            touch(e.class, &mut sum);
            for &s in &kept {
                for &(c, w) in &weights[s as usize] {
                    touch(c, &mut sum);
                    sum[c as usize] += w * x;
                }
            }
            // Softmax: over every class when there are few, else over the touched ones.
            let mut max = f32::MIN;
            for &c in &touched {
                max = max.max(sum[c as usize]);
            }
            if exact {
                for &b in &biases {
                    max = max.max(b);
                }
            }
            let mut z = 0f32;
            if exact {
                for (c, &b) in biases.iter().enumerate() {
                    if sum[c].is_nan() {
                        z += exp(b - max);
                    }
                }
            } else {
                // The untouched classes still share the softmax through their biases: their
                // mass, kept up to date (`bias_mass` is the sum of exp(bias) over all classes).
                let mut touched_mass = 0f32;
                for &c in &touched {
                    touched_mass += exp(biases[c as usize] - bias_ref);
                }
                z += (bias_mass - touched_mass).max(0.0) * exp(bias_ref - max);
            }
            for &c in &touched {
                // Keep exp(sum - max) where the sum was: the gradient needs it again.
                let ex = exp(sum[c as usize] - max);
                sum[c as usize] = ex;
                z += ex;
            }
            // Gradient of the cross-entropy: (p - [true class]) × the example's weight, kept by
            // class in `grad` for the touched classes, so that each weight is updated in one pass
            // over the stems' lists.
            let grad_of = |ex: f32, c: u32| (ex / z - f32::from(c == e.class)) * e.weight;
            if exact {
                for c in 0..classes {
                    if sum[c].is_nan() {
                        biases[c] -= lr * grad_of(exp(biases[c] - max), c as u32);
                    }
                }
            }
            for &c in &touched {
                let g = grad_of(sum[c as usize], c);
                grad[c as usize] = g;
                let b = &mut biases[c as usize];
                if !exact {
                    bias_mass -= exp(*b - bias_ref);
                }
                *b -= lr * g;
                if !exact {
                    bias_mass += exp(*b - bias_ref);
                }
            }
            for &s in &kept {
                for slot in weights[s as usize].iter_mut() {
                    let g = grad[slot.0 as usize];
                    if !g.is_nan() {
                        slot.1 -= lr * (g * x + p.l2 * slot.1);
                    }
                }
            }
            for &c in &touched {
                sum[c as usize] = f32::NAN;
                grad[c as usize] = f32::NAN;
            }
        }
    }
    Model { weights, biases }
}

/// Trains `models` models (at least one) with different seeds and averages their weights and
/// biases. Every model has the same weights' places (a stem's classes come from the examples, not
/// the seed), so the average is one model of the same size.
pub(crate) fn train_ensemble(
    examples: &[Example],
    stems: usize,
    classes: usize,
    p: &Params,
    models: u32,
) -> Model {
    let mut sum = train(examples, stems, classes, p, 0);
    let models = models.max(1);
    for seed in 1..models {
        let m = train(examples, stems, classes, p, u64::from(seed));
        for (a, b) in sum.weights.iter_mut().zip(&m.weights) {
            for (x, y) in a.iter_mut().zip(b) {
                x.1 += y.1;
            }
        }
        for (a, b) in sum.biases.iter_mut().zip(&m.biases) {
            *a += b;
        }
    }
    let n = models as f32;
    for x in sum.weights.iter_mut().flatten() {
        x.1 /= n;
    }
    for b in &mut sum.biases {
        *b /= n;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(stems: &[u32], class: u32) -> Example {
        Example {
            stems: stems.to_vec(),
            class,
            weight: 1.0,
        }
    }

    #[test]
    fn learns_to_separate_and_is_deterministic() {
        // Stem 0 means class 0, stem 1 class 1, stem 2 is shared.
        let data = [ex(&[0, 2], 0), ex(&[0], 0), ex(&[1, 2], 1), ex(&[1], 1)];
        let p = Params::default();
        let m = train(&data, 3, 2, &p, 0);
        let w = |s: usize, c: u32| m.weights[s].iter().find(|x| x.0 == c).map_or(0.0, |x| x.1);
        assert!(w(0, 0) > w(2, 0) && w(1, 1) > w(2, 1), "{:?}", m.weights);
        // Weights only where a stem met a class.
        assert!(m.weights[0].iter().all(|&(c, _)| c == 0));
        let again = train(&data, 3, 2, &p, 0);
        assert_eq!(m.weights, again.weights);
        assert_eq!(m.biases, again.biases);
    }

    #[test]
    fn seeds_differ_and_the_ensemble_is_their_average() {
        let data = [
            ex(&[0, 2, 3], 0),
            ex(&[0, 3], 0),
            ex(&[1, 2, 3], 1),
            ex(&[1, 2], 1),
        ];
        let p = Params::default();
        let (a, b) = (train(&data, 4, 2, &p, 0), train(&data, 4, 2, &p, 1));
        assert_ne!(
            a.weights, b.weights,
            "another seed, another shuffle and dropout"
        );
        let avg = train_ensemble(&data, 4, 2, &p, 2);
        for (s, list) in avg.weights.iter().enumerate() {
            for (i, &(c, w)) in list.iter().enumerate() {
                assert_eq!(c, a.weights[s][i].0);
                let want = (a.weights[s][i].1 + b.weights[s][i].1) / 2.0;
                assert!((w - want).abs() < 1e-6, "stem {s} class {c}: {w} vs {want}");
            }
        }
        // One model is the first seed's.
        assert_eq!(train_ensemble(&data, 4, 2, &p, 1).weights, a.weights);
    }

    #[test]
    fn dropout_leaves_stems_out_but_never_all() {
        // With everything dropped but one stem, a class still learns from each example.
        let data = [ex(&[0, 1], 0), ex(&[2, 3], 1)];
        let p = Params {
            dropout: 1.0,
            ..Params::default()
        };
        let m = train(&data, 4, 2, &p, 0);
        let w = |s: usize, c: u32| m.weights[s].iter().find(|x| x.0 == c).map_or(0.0, |x| x.1);
        assert!(w(0, 0) > 0.0 && w(2, 1) > 0.0, "{:?}", m.weights);
        let none = Params {
            dropout: 0.0,
            ..Params::default()
        };
        assert_ne!(train(&data, 4, 2, &none, 0).weights, m.weights);
    }
}
