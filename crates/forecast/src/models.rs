//! Naive, seasonal naive, Naive2, drift and simple exponential smoothing.

use crate::optim::brent_min;
use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Random walk: the last value, intervals growing with the square root of the horizon.
#[derive(Debug, Clone, Copy, Default)]
pub struct Naive;

#[derive(Debug, Clone)]
pub struct NaiveFit {
    last: f64,
    sigma: f64,
    name: &'static str,
    seasonal: Option<SeasonalAdjustment>,
}

fn naive_fit(y: &[f64], name: &'static str, seasonal: Option<SeasonalAdjustment>) -> NaiveFit {
    let n = y.len();
    let sigma = if n > 1 {
        let ss: f64 = y.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
        (ss / (n - 1) as f64).sqrt()
    } else {
        0.0
    };
    NaiveFit { last: y[n - 1], sigma, name, seasonal }
}

impl Fit for Naive {
    type Fitted = NaiveFit;
    fn fit(&self, y: &[f64]) -> Result<NaiveFit, ForecastError> {
        need("naive", y, 1)?;
        Ok(naive_fit(y, "naive", None))
    }
}

impl Predict for NaiveFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let sd: Vec<f64> = (1..=h).map(|k| self.sigma * (k as f64).sqrt()).collect();
        let mut fc = Forecast::normal(vec![self.last; h], &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        self.name
    }
}

/// Naive2 of the M4 competition: the naive forecast of the seasonally adjusted series
/// (classical multiplicative decomposition when the 90 % autocorrelation test passes), with
/// seasonality put back. For annual data (m = 1) it equals the naive forecast.
#[derive(Debug, Clone, Copy)]
pub struct Naive2 {
    pub season_length: usize,
    pub policy: SeasonalPolicy,
}

impl Fit for Naive2 {
    type Fitted = NaiveFit;
    fn fit(&self, y: &[f64]) -> Result<NaiveFit, ForecastError> {
        need("naive2", y, 1)?;
        match adjustment(y, self.season_length, self.policy) {
            Some(adj) => Ok(naive_fit(&adj.adjust(y), "naive2", Some(adj))),
            None => Ok(naive_fit(y, "naive2", None)),
        }
    }
}

/// Seasonal naive: the value of the same season one cycle earlier.
#[derive(Debug, Clone, Copy)]
pub struct SeasonalNaive {
    pub season_length: usize,
}

#[derive(Debug, Clone)]
pub struct SeasonalNaiveFit {
    last_cycle: Vec<f64>,
    sigma: f64,
}

impl Fit for SeasonalNaive {
    type Fitted = SeasonalNaiveFit;
    fn fit(&self, y: &[f64]) -> Result<SeasonalNaiveFit, ForecastError> {
        let m = self.season_length.max(1);
        need("snaive", y, m)?;
        let n = y.len();
        let diffs: Vec<f64> = (m..n).map(|t| y[t] - y[t - m]).collect();
        let sigma =
            if diffs.is_empty() { 0.0 } else { (diffs.iter().map(|d| d * d).sum::<f64>() / diffs.len() as f64).sqrt() };
        Ok(SeasonalNaiveFit { last_cycle: y[n - m..].to_vec(), sigma })
    }
}

impl Predict for SeasonalNaiveFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let m = self.last_cycle.len();
        let point = (0..h).map(|k| self.last_cycle[k % m]).collect();
        let sd: Vec<f64> = (0..h).map(|k| self.sigma * ((k / m + 1) as f64).sqrt()).collect();
        Forecast::normal(point, &sd, levels)
    }
    fn name(&self) -> &'static str {
        "snaive"
    }
}

/// Random walk with drift: the average historical change continued. With a season length
/// above 1 the series is first seasonally adjusted as for [`Naive2`] (M4 rule), and
/// seasonality is put back.
#[derive(Debug, Clone, Copy, Default)]
pub struct Drift {
    pub season_length: usize,
    pub policy: SeasonalPolicy,
}

#[derive(Debug, Clone)]
pub struct DriftFit {
    last: f64,
    slope: f64,
    sigma: f64,
    n: usize,
    seasonal: Option<SeasonalAdjustment>,
}

impl Fit for Drift {
    type Fitted = DriftFit;
    fn fit(&self, y: &[f64]) -> Result<DriftFit, ForecastError> {
        need("drift", y, 2)?;
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
        let slope = (y[n - 1] - y[0]) / (n - 1) as f64;
        let ss: f64 = y.windows(2).map(|w| (w[1] - w[0] - slope).powi(2)).sum();
        let sigma = if n > 2 { (ss / (n - 2) as f64).sqrt() } else { 0.0 };
        Ok(DriftFit { last: y[n - 1], slope, sigma, n, seasonal })
    }
}

impl Predict for DriftFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let point = (1..=h).map(|k| self.last + self.slope * k as f64).collect();
        // The variance of the estimated drift adds h^2 sigma^2 / (n - 1).
        let sd: Vec<f64> = (1..=h)
            .map(|k| {
                let k = k as f64;
                self.sigma * (k * (1.0 + k / (self.n - 1) as f64)).sqrt()
            })
            .collect();
        let mut fc = Forecast::normal(point, &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        "drift"
    }
}

/// Simple exponential smoothing, ETS(A,N,N): the smoothing parameter and the initial level
/// minimise the in-sample sum of squared one-step errors exactly (for each alpha the best
/// initial level has a closed form, so the search is one-dimensional).
#[derive(Debug, Clone, Copy)]
pub struct Ses {
    pub alpha_bounds: (f64, f64),
}

impl Default for Ses {
    fn default() -> Self {
        Ses { alpha_bounds: (1e-4, 0.9999) }
    }
}

#[derive(Debug, Clone)]
pub struct SesFit {
    pub alpha: f64,
    pub level0: f64,
    /// Level after the last observation.
    pub level: f64,
    pub sse: f64,
    pub n: usize,
}

impl SesFit {
    /// Residual variance with the two estimated parameters counted.
    pub fn sigma2(&self) -> f64 {
        let dof = self.n.saturating_sub(2).max(1);
        self.sse / dof as f64
    }
}

/// SSE of SES with smoothing `alpha` and the optimal initial level, and that level.
fn ses_sse(y: &[f64], alpha: f64) -> (f64, f64) {
    // One-step errors are e_t = c_t - d_t * l0 where c_t are the errors with l0 = 0 and
    // d_t = (1 - alpha)^t; the least-squares l0 is sum(c d) / sum(d d).
    let beta = 1.0 - alpha;
    let (mut l, mut d) = (0.0, 1.0);
    let (mut scd, mut sdd) = (0.0, 0.0);
    let mut c = Vec::with_capacity(y.len());
    for &v in y {
        let ct = v - l;
        c.push(ct);
        scd += ct * d;
        sdd += d * d;
        l += alpha * ct;
        d *= beta;
    }
    let l0 = if sdd > 0.0 { scd / sdd } else { 0.0 };
    let mut d = 1.0;
    let mut sse = 0.0;
    for ct in c {
        let e = ct - d * l0;
        sse += e * e;
        d *= beta;
    }
    (sse, l0)
}

impl Fit for Ses {
    type Fitted = SesFit;
    fn fit(&self, y: &[f64]) -> Result<SesFit, ForecastError> {
        need("ses", y, 2)?;
        let (lo, hi) = self.alpha_bounds;
        let (alpha, sse) = brent_min(|a| ses_sse(y, a).0, lo, hi, 1e-10);
        let (_, l0) = ses_sse(y, alpha);
        let level = y.iter().fold(l0, |l, &v| l + alpha * (v - l));
        Ok(SesFit { alpha, level0: l0, level, sse, n: y.len() })
    }
}

impl Predict for SesFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let s2 = self.sigma2();
        let sd: Vec<f64> = (1..=h).map(|k| (s2 * (1.0 + self.alpha * self.alpha * (k - 1) as f64)).sqrt()).collect();
        Forecast::normal(vec![self.level; h], &sd, levels)
    }
    fn name(&self) -> &'static str {
        "ses"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ses_on_constant_series_is_flat() {
        let f = Ses::default().fit(&[5.0; 10]).unwrap();
        assert!((f.level - 5.0).abs() < 1e-9);
        assert!(f.sse < 1e-18);
    }

    #[test]
    fn naive_family() {
        let y = [1.0, 2.0, 4.0, 7.0];
        assert_eq!(Naive.fit(&y).unwrap().predict(2, &[]).point, vec![7.0, 7.0]);
        assert_eq!(Drift::default().fit(&y).unwrap().predict(2, &[]).point, vec![9.0, 11.0]);
        assert_eq!(SeasonalNaive { season_length: 2 }.fit(&y).unwrap().predict(3, &[]).point, vec![4.0, 7.0, 4.0]);
        assert_eq!(
            Naive2 { season_length: 1, policy: SeasonalPolicy::Test }.fit(&y).unwrap().predict(1, &[]).point,
            vec![7.0]
        );
    }

    #[test]
    fn too_short_and_nan_are_errors() {
        assert!(matches!(Drift::default().fit(&[1.0]), Err(ForecastError::TooShort { .. })));
        assert!(matches!(Ses::default().fit(&[1.0, f64::NAN, 2.0]), Err(ForecastError::NonFinite(1))));
    }
}

/// statsforecast's `SimpleExponentialSmoothingOptimized` (SESOpt): the level starts at the
/// first observation and the smoothing parameter minimises the sum of squared one-step errors
/// within [0.01, 0.99] (statsforecast 2.1.1). Kept for comparison with statsforecast; [`Ses`] estimates both the
/// smoothing parameter (over (0, 1)) and the initial level.
#[derive(Debug, Clone, Copy, Default)]
pub struct SesOpt;

fn sesopt_sse(alpha: f64, x: &[f64]) -> f64 {
    let mut forecast = x[0];
    let mut sse = 0.0;
    for i in 1..x.len() {
        forecast = alpha * x[i - 1] + (1.0 - alpha) * forecast;
        let err = x[i] - forecast;
        sse += err * err;
    }
    sse
}

impl Fit for SesOpt {
    type Fitted = SesFit;
    fn fit(&self, y: &[f64]) -> Result<SesFit, ForecastError> {
        need("sesopt", y, 2)?;
        let (alpha, sse) = brent_min(|a| sesopt_sse(a, y), 0.01, 0.99, 1e-12);
        let mut fitted = y[0];
        for i in 1..y.len() {
            fitted = alpha * y[i - 1] + (1.0 - alpha) * fitted;
        }
        let level = alpha * y[y.len() - 1] + (1.0 - alpha) * fitted;
        Ok(SesFit { alpha, level0: y[0], level, sse, n: y.len() })
    }
}
