//! The one transcendental function the engine needs, written out: `f32::exp` calls the
//! platform's maths library, which may round differently natively and in WebAssembly, and the
//! model trained by `faq compile` must come out byte for byte the same in the browser (the
//! studio) as on the command line. Plain IEEE additions and multiplications do.

/// e^x, within 2 ulp of the exact value over the range that matters here (|x| < 80); inputs
/// below -87 give 0 and above 88 give `f32::MAX`.
pub(crate) fn exp(x: f32) -> f32 {
    if x < -87.0 {
        return 0.0;
    }
    if x > 88.0 {
        return f32::MAX;
    }
    // x = n ln2 + r with |r| <= ln2/2; e^x = 2^n e^r. ln2 is split in two so that n ln2 is exact.
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    let n = (x * LOG2E + if x < 0.0 { -0.5 } else { 0.5 }) as i32;
    let nf = n as f32;
    let r = (x - nf * LN2_HI) - nf * LN2_LO;
    // Taylor series of e^r to the 7th power: the error is below 2e-8 for |r| <= 0.35.
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // For -87 <= x <= 88, n is within -126..=127: 2^n is a normal float.
    p * pow2(n)
}

/// 2^n for -126 <= n <= 127.
fn pow2(n: i32) -> f32 {
    f32::from_bits(((n + 127) as u32) << 23)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_is_close_to_the_platform_exp() {
        let mut x = -87.0f32;
        while x < 88.0 {
            let want = f64::from(x).exp();
            let got = f64::from(exp(x));
            assert!(
                ((got - want) / want).abs() < 4e-7,
                "exp({x}) = {got}, want {want}"
            );
            x += 0.0137;
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-100.0), 0.0);
        assert_eq!(exp(100.0), f32::MAX);
    }
}
