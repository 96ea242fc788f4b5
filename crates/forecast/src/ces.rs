//! Complex exponential smoothing (Svetunkov and Kourentzes; Svetunkov, Kourentzes and Ord
//! 2022), non-seasonal form, following statsforecast's `AutoCES` model "N": initial state from
//! the mean of the first ten observations, complex smoothing parameter `a0 + i a1` bounded to
//! [0.01, 1.8] x [0.01, 1.9] and started at (1.3, 1.0), likelihood `n log SSE` after a
//! forward-backward-forward pass (backfitting of the initial state), Nelder-Mead as in
//! [`crate::optim::NelderMead`]. States are kept in `f64` (statsforecast uses `f32`), so results
//! agree closely but not to the last digit. Seasonal series are adjusted first with the M4
//! classical decomposition.
//!
//! State equations (level `l`, information potential `c`, one-step error `e = y - l_{t-1}`):
//!
//! ```text
//! l_t = l_{t-1} - (1 - a1) c_{t-1} + (a0 - a1) e_t
//! c_t = l_{t-1} + (1 - a0) c_{t-1} + (a0 + a1) e_t
//! ```
//!
//! Intervals are analytic for this linear innovations model:
//! `var_h = sigma^2 (1 + sum_{j=1}^{h-1} (w' F^{j-1} g)^2)` with `w = (1, 0)`,
//! `F = [[1, a1 - 1], [1, 1 - a0]]`, `g = (a0 - a1, a0 + a1)`.

use crate::optim::NelderMead;
use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Non-seasonal complex exponential smoothing with estimated smoothing parameters.
#[derive(Debug, Clone, Copy)]
pub struct Ces {
    pub season_length: usize,
    pub policy: SeasonalPolicy,
}

#[derive(Debug, Clone)]
pub struct CesFit {
    pub a0: f64,
    pub a1: f64,
    /// `n log SSE`.
    pub lik: f64,
    pub sigma2: f64,
    /// State after the last observation.
    last: [f64; 2],
    seasonal: Option<SeasonalAdjustment>,
}

#[inline]
fn step(s: [f64; 2], a0: f64, a1: f64, e: f64) -> [f64; 2] {
    [s[0] - (1.0 - a1) * s[1] + (a0 - a1) * e, s[0] + (1.0 - a0) * s[1] + (a0 + a1) * e]
}

/// One pass over `y` from state `s`; returns the final state and the sum of squared errors.
fn pass(y: impl Iterator<Item = f64>, mut s: [f64; 2], a0: f64, a1: f64) -> ([f64; 2], f64) {
    let mut sse = 0.0;
    for v in y {
        let e = v - s[0];
        sse += e * e;
        s = step(s, a0, a1, e);
    }
    (s, sse)
}

/// Forward, backward (on the reversed series, from the one-step-ahead state), forward again
/// from the backcast initial state. Returns (final state, SSE of the last pass).
fn backfit(y: &[f64], init: [f64; 2], a0: f64, a1: f64) -> ([f64; 2], f64) {
    let (end, _) = pass(y.iter().copied(), init, a0, a1);
    // statsforecast reverses the state rows, so the backward pass starts from the state one
    // step beyond the data (the forecast-updated state, e = 0).
    let beyond = step(end, a0, a1, 0.0);
    let (back_end, _) = pass(y.iter().rev().copied(), beyond, a0, a1);
    let start = step(back_end, a0, a1, 0.0);
    pass(y.iter().copied(), start, a0, a1)
}

impl Fit for Ces {
    type Fitted = CesFit;
    fn fit(&self, y: &[f64]) -> Result<CesFit, ForecastError> {
        need("ces", y, 4)?;
        let seasonal = adjustment(y, self.season_length, self.policy);
        let adjusted;
        let y: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let n = y.len();
        let idx = 10.min(n);
        let mean = y[..idx].iter().sum::<f64>() / idx as f64;
        let init = [mean, mean / 1.1];
        let objective = |p: &[f64]| {
            let (_, sse) = backfit(y, init, p[0], p[1]);
            let mut lik = n as f64 * sse.ln();
            if lik < -1e10 {
                lik = -1e10;
            }
            if lik.is_nan() {
                lik = f64::NEG_INFINITY;
            }
            lik
        };
        let m = NelderMead::default().minimize(objective, &[1.3, 1.0], &[0.01, 0.01], &[1.8, 1.9]);
        let (a0, a1) = (m.x[0], m.x[1]);
        let (last, sse) = backfit(y, init, a0, a1);
        let lik = n as f64 * sse.ln();
        if !lik.is_finite() || !last.iter().all(|v| v.is_finite()) {
            return Err(ForecastError::Failed("ces: the model could not be fitted".into()));
        }
        let dof = (n as f64 - 4.0).max(1.0);
        Ok(CesFit { a0, a1, lik, sigma2: sse / dof, last, seasonal })
    }
}

impl Predict for CesFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let mut s = self.last;
        let mut point = Vec::with_capacity(h);
        for _ in 0..h {
            point.push(s[0]);
            s = step(s, self.a0, self.a1, 0.0);
        }
        // psi_j = w' F^{j-1} g, propagated as a vector v = F^{j-1} g.
        let (a0, a1) = (self.a0, self.a1);
        let mut v = [a0 - a1, a0 + a1];
        let mut acc = 0.0;
        let mut sd = Vec::with_capacity(h);
        for _ in 0..h {
            sd.push((self.sigma2 * (1.0 + acc)).sqrt());
            acc += v[0] * v[0];
            v = [v[0] - (1.0 - a1) * v[1], v[0] + (1.0 - a0) * v[1]];
        }
        let mut fc = Forecast::normal(point, &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|x, k| s.restore(x, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        "ces"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_a_trend_and_stays_in_bounds() {
        let y: Vec<f64> = (0..25).map(|t| 200.0 + 5.0 * t as f64 + ((t * 7) % 5) as f64).collect();
        let f = Ces { season_length: 1, policy: SeasonalPolicy::Test }.fit(&y).unwrap();
        assert!((0.01..=1.8).contains(&f.a0) && (0.01..=1.9).contains(&f.a1));
        let fc = f.predict(4, &[80.0, 95.0]);
        assert!(fc.point[0] > 300.0 && fc.point[3] > fc.point[0], "{:?}", fc.point);
        assert!(
            fc.intervals[1].upper[3] - fc.intervals[1].lower[3] > fc.intervals[1].upper[0] - fc.intervals[1].lower[0]
        );
    }
}
