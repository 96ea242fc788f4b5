//! Seasonality: the M4 autocorrelation test and classical decomposition.

use crate::stats::acf;

/// The seasonality test of the M4 competition's benchmarks (`SeasonalityTest` in
/// `Benchmarks and Evaluation.R`): the series is seasonal with period `m` if the
/// autocorrelation at lag `m` exceeds its 90 % limit,
/// `|r_m| > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)`. Needs at least `min_cycles` full
/// cycles (M4: 3; statsforecast's Theta: 2) and `m > 1`.
pub fn is_seasonal(y: &[f64], m: usize, min_cycles: usize) -> bool {
    if m <= 1 || y.len() < min_cycles * m {
        return false;
    }
    let r = acf(y, m);
    let s: f64 = r[..m - 1].iter().map(|v| v * v).sum();
    let limit = 1.6448536269514722 * ((1.0 + 2.0 * s) / y.len() as f64).sqrt();
    r[m - 1].abs() > limit
}

/// Additive or multiplicative decomposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecompositionKind {
    Additive,
    Multiplicative,
}

/// Seasonal indices of a classical decomposition (R's `decompose()$figure`, statsmodels'
/// `seasonal_decompose`): a centred moving average of order `m` (2 x m for even `m`) as the
/// trend; the detrended values averaged by position in the cycle; multiplicative indices
/// normalised to mean 1, additive ones to mean 0. `indices[i]` belongs to observation `i`,
/// `i + m`, ... (position counted from the first observation).
pub fn seasonal_indices(y: &[f64], m: usize, kind: DecompositionKind) -> Vec<f64> {
    let n = y.len();
    let mut trend = vec![f64::NAN; n];
    // Filter weights: m odd -> m ones / m; m even -> [0.5, 1, ..., 1, 0.5] / m.
    let (half, weights): (usize, Vec<f64>) = if m % 2 == 1 {
        (m / 2, vec![1.0 / m as f64; m])
    } else {
        let mut w = vec![1.0 / m as f64; m + 1];
        w[0] = 0.5 / m as f64;
        w[m] = 0.5 / m as f64;
        (m / 2, w)
    };
    for t in half..n.saturating_sub(half) {
        let window = &y[t - half..t - half + weights.len()];
        trend[t] = window.iter().zip(&weights).map(|(v, w)| v * w).sum();
    }
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in 0..n {
        if trend[t].is_nan() {
            continue;
        }
        let d = match kind {
            DecompositionKind::Multiplicative => y[t] / trend[t],
            DecompositionKind::Additive => y[t] - trend[t],
        };
        sums[t % m] += d;
        counts[t % m] += 1;
    }
    let mut idx: Vec<f64> =
        sums.iter().zip(&counts).map(|(s, c)| if *c > 0 { s / *c as f64 } else { f64::NAN }).collect();
    let mean = idx.iter().sum::<f64>() / m as f64;
    match kind {
        DecompositionKind::Multiplicative => idx.iter_mut().for_each(|v| *v /= mean),
        DecompositionKind::Additive => idx.iter_mut().for_each(|v| *v -= mean),
    }
    idx
}

/// A fitted seasonal adjustment: apply to the history, then re-apply to forecasts.
#[derive(Debug, Clone, PartialEq)]
pub struct SeasonalAdjustment {
    pub kind: DecompositionKind,
    pub m: usize,
    /// Index per position in the cycle, counted from the first observation.
    pub indices: Vec<f64>,
    /// Number of observations of the history.
    pub n: usize,
}

impl SeasonalAdjustment {
    /// Removes seasonality from the history.
    pub fn adjust(&self, y: &[f64]) -> Vec<f64> {
        y.iter()
            .enumerate()
            .map(|(t, v)| match self.kind {
                DecompositionKind::Multiplicative => v / self.indices[t % self.m],
                DecompositionKind::Additive => v - self.indices[t % self.m],
            })
            .collect()
    }

    /// Index for forecast step `k` (1-based).
    pub fn index_at_step(&self, k: usize) -> f64 {
        self.indices[(self.n + k - 1) % self.m]
    }

    /// Puts seasonality back into a value forecast for step `k` (1-based).
    pub fn restore(&self, v: f64, k: usize) -> f64 {
        match self.kind {
            DecompositionKind::Multiplicative => v * self.index_at_step(k),
            DecompositionKind::Additive => v + self.index_at_step(k),
        }
    }
}

/// When a series is seasonally adjusted before a non-seasonal model is fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeasonalPolicy {
    /// The M4 benchmarks' rule: the 90 % autocorrelation test with three full cycles.
    #[default]
    Test,
    /// Whenever the period is above 1 and two full cycles are available.
    Always,
}

/// The M4 benchmarks' adjustment: multiplicative classical decomposition when the series
/// passes [`is_seasonal`] with 3 full cycles; `None` otherwise (or when a value is not positive,
/// where a multiplicative index is undefined).
pub fn m4_adjustment(y: &[f64], m: usize) -> Option<SeasonalAdjustment> {
    adjustment(y, m, SeasonalPolicy::Test)
}

/// Multiplicative classical decomposition under `policy`; `None` when the policy says the
/// series is not seasonal or a value is not positive.
pub fn adjustment(y: &[f64], m: usize, policy: SeasonalPolicy) -> Option<SeasonalAdjustment> {
    let seasonal = match policy {
        SeasonalPolicy::Test => is_seasonal(y, m, 3),
        SeasonalPolicy::Always => m > 1 && y.len() >= 2 * m,
    };
    if !seasonal || y.iter().any(|v| *v <= 0.0) {
        return None;
    }
    let indices = seasonal_indices(y, m, DecompositionKind::Multiplicative);
    if indices.iter().any(|v| !v.is_finite() || *v <= 0.0) {
        return None;
    }
    Some(SeasonalAdjustment { kind: DecompositionKind::Multiplicative, m, indices, n: y.len() })
}

/// Any non-seasonal model applied to seasonally adjusted data: the history is adjusted by
/// [`adjustment`] under `policy`, `model` is fitted to the adjusted series, and seasonality is
/// put back into its forecasts and intervals. Without an adjustment (period 1, too few cycles,
/// a value not positive) the model sees the data as they are.
#[derive(Debug, Clone, Copy)]
pub struct Adjusted<F> {
    pub model: F,
    pub season_length: usize,
    pub policy: SeasonalPolicy,
}

/// A fitted [`Adjusted`] model.
#[derive(Debug, Clone)]
pub struct AdjustedFit<P> {
    pub fit: P,
    pub seasonal: Option<SeasonalAdjustment>,
}

impl<F: crate::Fit> crate::Fit for Adjusted<F> {
    type Fitted = AdjustedFit<F::Fitted>;
    fn fit(&self, y: &[f64]) -> Result<Self::Fitted, crate::ForecastError> {
        crate::check_finite(y)?;
        let seasonal = adjustment(y, self.season_length, self.policy);
        let fit = match &seasonal {
            Some(s) => self.model.fit(&s.adjust(y))?,
            None => self.model.fit(y)?,
        };
        Ok(AdjustedFit { fit, seasonal })
    }
}

impl<P: crate::Predict> crate::Predict for AdjustedFit<P> {
    fn predict(&self, h: usize, levels: &[f64]) -> crate::Forecast {
        let mut fc = self.fit.predict(h, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        self.fit.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_removes_a_clear_season() {
        let pattern = [1.2, 0.9, 0.8, 1.1];
        let y: Vec<f64> = (0..40).map(|t| (100.0 + t as f64) * pattern[t % 4]).collect();
        assert!(is_seasonal(&y, 4, 3));
        let adj = m4_adjustment(&y, 4).unwrap();
        let idx_mean: f64 = adj.indices.iter().sum::<f64>() / 4.0;
        assert!((idx_mean - 1.0).abs() < 1e-12);
        // Indices recover the pattern up to the small trend distortion.
        for (i, p) in adj.indices.iter().zip(pattern) {
            assert!((i - p).abs() < 0.02, "{:?}", adj.indices);
        }
        let flat: Vec<f64> = (0..40).map(|t| 100.0 + (t as f64 * 0.37).sin()).collect();
        // the wrapper restores the season around a non-seasonal model's forecasts
        use crate::{Fit, Predict};
        let wrapped = Adjusted { model: crate::Naive, season_length: 4, policy: SeasonalPolicy::Always };
        let fc = wrapped.fit(&y).unwrap().predict(4, &[]);
        let level = y[39] / adj.indices[39 % 4];
        for k in 0..4 {
            assert!((fc.point[k] - level * adj.indices[(40 + k) % 4]).abs() < 1e-9, "{:?}", fc.point);
        }
        assert!(!is_seasonal(&flat, 4, 3));
        assert!(!is_seasonal(&y[..10], 4, 3), "fewer than 3 cycles");
    }
}
