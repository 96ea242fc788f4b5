//! Accuracy measures exactly as defined for the M4 competition (Makridakis, Spiliotis and
//! Assimakopoulos 2020, and the organisers' `Benchmarks and Evaluation.R`).

/// Symmetric MAPE in percent: `200/h * sum |y - f| / (|y| + |f|)`.
pub fn smape(actual: &[f64], forecast: &[f64]) -> f64 {
    let h = actual.len() as f64;
    200.0 / h * actual.iter().zip(forecast).map(|(y, f)| (y - f).abs() / (y.abs() + f.abs())).sum::<f64>()
}

/// The MASE scale: mean absolute seasonal difference of the in-sample data at lag `m`.
pub fn mase_scale(insample: &[f64], m: usize) -> f64 {
    let m = m.max(1);
    let n = insample.len();
    if n <= m {
        return f64::NAN;
    }
    (m..n).map(|t| (insample[t] - insample[t - m]).abs()).sum::<f64>() / (n - m) as f64
}

/// Mean absolute scaled error with the seasonal in-sample scale.
pub fn mase(insample: &[f64], actual: &[f64], forecast: &[f64], m: usize) -> f64 {
    let scale = mase_scale(insample, m);
    let h = actual.len() as f64;
    actual.iter().zip(forecast).map(|(y, f)| (y - f).abs()).sum::<f64>() / h / scale
}

/// Mean scaled interval score of a `(1 - a)` interval (M4: a = 0.05 for 95 %):
/// `(1/h) sum [(U - L) + 2/a (L - y) 1{y < L} + 2/a (y - U) 1{y > U}] / scale`.
pub fn msis(insample: &[f64], actual: &[f64], lower: &[f64], upper: &[f64], m: usize, a: f64) -> f64 {
    let scale = mase_scale(insample, m);
    let h = actual.len() as f64;
    let mut s = 0.0;
    for i in 0..actual.len() {
        let (y, l, u) = (actual[i], lower[i], upper[i]);
        s += u - l;
        if y < l {
            s += 2.0 / a * (l - y);
        }
        if y > u {
            s += 2.0 / a * (y - u);
        }
    }
    s / h / scale
}

/// Share of actual values inside their interval.
pub fn coverage(actual: &[f64], lower: &[f64], upper: &[f64]) -> f64 {
    let inside = actual.iter().zip(lower.iter().zip(upper)).filter(|(y, (l, u))| **y >= **l && **y <= **u).count();
    inside as f64 / actual.len() as f64
}

/// Overall weighted average relative to Naive2: `(sMAPE / sMAPE_naive2 + MASE / MASE_naive2) / 2`,
/// computed on the averages over the data set.
pub fn owa(smape: f64, mase: f64, smape_naive2: f64, mase_naive2: f64) -> f64 {
    0.5 * (smape / smape_naive2 + mase / mase_naive2)
}

/// Per-series accuracy, averaged over a data set by [`Summary::of`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub smape: f64,
    pub mase: f64,
    /// MSIS of the 95 % interval, if one was given.
    pub msis: Option<f64>,
    /// Coverage of the 80 % and 95 % intervals, if given.
    pub coverage_80: Option<f64>,
    pub coverage_95: Option<f64>,
}

/// Averages of [`Scores`] over series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub smape: f64,
    pub mase: f64,
    pub msis: f64,
    pub coverage_80: f64,
    pub coverage_95: f64,
}

impl Summary {
    pub fn of(scores: &[Scores]) -> Summary {
        let n = scores.len();
        let mean = |f: &dyn Fn(&Scores) -> Option<f64>| {
            let v: Vec<f64> = scores.iter().filter_map(f).collect();
            if v.is_empty() { f64::NAN } else { v.iter().sum::<f64>() / v.len() as f64 }
        };
        Summary {
            n,
            smape: mean(&|s| Some(s.smape)),
            mase: mean(&|s| Some(s.mase)),
            msis: mean(&|s| s.msis),
            coverage_80: mean(&|s| s.coverage_80),
            coverage_95: mean(&|s| s.coverage_95),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        // sMAPE: |100-110|/(210) and |200-180|/380 -> 200/2 * (0.047619 + 0.052632)
        let s = smape(&[100.0, 200.0], &[110.0, 180.0]);
        assert!((s - 100.0 * (10.0 / 210.0 + 20.0 / 380.0)).abs() < 1e-12);
        // MASE: scale of [1, 3, 6] at lag 1 = (2 + 3) / 2 = 2.5; errors 1 and 3 -> 2 / 2.5.
        assert!((mase(&[1.0, 3.0, 6.0], &[7.0, 9.0], &[8.0, 6.0], 1) - 0.8).abs() < 1e-12);
        // MSIS: width 2 each; second point 1 above the bound: + 40 * 1.
        let v = msis(&[1.0, 3.0, 6.0], &[7.0, 10.0], &[6.0, 7.0], &[8.0, 9.0], 1, 0.05);
        assert!((v - (2.0 + 2.0 + 40.0) / 2.0 / 2.5).abs() < 1e-12);
        assert_eq!(coverage(&[7.0, 10.0], &[6.0, 7.0], &[8.0, 9.0]), 0.5);
        assert!((owa(10.0, 1.0, 20.0, 2.0) - 0.5).abs() < 1e-12);
    }
}
