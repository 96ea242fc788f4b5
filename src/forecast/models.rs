//! Naive, drift, simple exponential smoothing and the standard Theta method.

use super::optim::brent_min;
use super::stats::linear_trend;
use super::{Fit, Forecast, ForecastError, Predict, need};

/// Random walk: the last value, intervals growing with the square root of the horizon.
#[derive(Debug, Clone, Copy, Default)]
pub struct Naive;

#[derive(Debug, Clone)]
pub struct NaiveFit {
    last: f64,
    sigma: f64,
}

impl Fit for Naive {
    type Fitted = NaiveFit;
    fn fit(&self, y: &[f64]) -> Result<NaiveFit, ForecastError> {
        need("naive", y, 1)?;
        let n = y.len();
        let sigma = if n > 1 {
            let ss: f64 = y.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
            (ss / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        Ok(NaiveFit {
            last: y[n - 1],
            sigma,
        })
    }
}

impl Predict for NaiveFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let sd: Vec<f64> = (1..=h).map(|k| self.sigma * (k as f64).sqrt()).collect();
        Forecast::normal(vec![self.last; h], &sd, levels)
    }
    fn name(&self) -> &'static str {
        "naive"
    }
}

/// Random walk with drift: the average historical change continued.
#[derive(Debug, Clone, Copy, Default)]
pub struct Drift;

#[derive(Debug, Clone)]
pub struct DriftFit {
    last: f64,
    slope: f64,
    sigma: f64,
    n: usize,
}

impl Fit for Drift {
    type Fitted = DriftFit;
    fn fit(&self, y: &[f64]) -> Result<DriftFit, ForecastError> {
        need("drift", y, 2)?;
        let n = y.len();
        let slope = (y[n - 1] - y[0]) / (n - 1) as f64;
        let ss: f64 = y.windows(2).map(|w| (w[1] - w[0] - slope).powi(2)).sum();
        let sigma = if n > 2 {
            (ss / (n - 2) as f64).sqrt()
        } else {
            0.0
        };
        Ok(DriftFit {
            last: y[n - 1],
            slope,
            sigma,
            n,
        })
    }
}

impl Predict for DriftFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let point = (1..=h).map(|k| self.last + self.slope * k as f64).collect();
        // Variance of the drift estimate adds h^2 sigma^2 / (n - 1).
        let sd: Vec<f64> = (1..=h)
            .map(|k| {
                let k = k as f64;
                self.sigma * (k * (1.0 + k / (self.n - 1) as f64)).sqrt()
            })
            .collect();
        Forecast::normal(point, &sd, levels)
    }
    fn name(&self) -> &'static str {
        "drift"
    }
}

/// Simple exponential smoothing, ETS(A,N,N): the smoothing parameter and the initial level are
/// chosen to minimise the in-sample sum of squared one-step errors (for each alpha the best
/// initial level has a closed form, so the search is one-dimensional).
#[derive(Debug, Clone, Copy)]
pub struct Ses {
    pub alpha_bounds: (f64, f64),
}

impl Default for Ses {
    fn default() -> Self {
        Ses {
            alpha_bounds: (1e-4, 0.9999),
        }
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
    /// Residual variance with the two estimated parameters (alpha, initial level) counted.
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

fn ses_run(y: &[f64], alpha: f64, l0: f64) -> f64 {
    y.iter().fold(l0, |l, &v| l + alpha * (v - l))
}

impl Fit for Ses {
    type Fitted = SesFit;
    fn fit(&self, y: &[f64]) -> Result<SesFit, ForecastError> {
        need("ses", y, 2)?;
        let (lo, hi) = self.alpha_bounds;
        let (alpha, sse) = brent_min(|a| ses_sse(y, a).0, lo, hi, 1e-9);
        let (_, l0) = ses_sse(y, alpha);
        Ok(SesFit {
            alpha,
            level0: l0,
            level: ses_run(y, alpha, l0),
            sse,
            n: y.len(),
        })
    }
}

impl Predict for SesFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let s2 = self.sigma2();
        let sd: Vec<f64> = (1..=h)
            .map(|k| (s2 * (1.0 + self.alpha * self.alpha * (k - 1) as f64)).sqrt())
            .collect();
        Forecast::normal(vec![self.level; h], &sd, levels)
    }
    fn name(&self) -> &'static str {
        "ses"
    }
}

/// The standard Theta method (Assimakopoulos & Nikolopoulos 2000, in the form of Hyndman &
/// Billah 2003): simple exponential smoothing with a drift equal to half the slope of the
/// linear trend. Intervals are those of the underlying SES.
#[derive(Debug, Clone, Copy, Default)]
pub struct Theta {
    pub ses: Ses,
}

#[derive(Debug, Clone)]
pub struct ThetaFit {
    pub ses: SesFit,
    pub slope: f64,
}

impl Fit for Theta {
    type Fitted = ThetaFit;
    fn fit(&self, y: &[f64]) -> Result<ThetaFit, ForecastError> {
        need("theta", y, 3)?;
        let ses = self.ses.fit(y)?;
        let (_, slope) = linear_trend(y);
        Ok(ThetaFit { ses, slope })
    }
}

impl Predict for ThetaFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let mut fc = self.ses.predict(h, levels);
        let a = self.ses.alpha;
        let n = self.ses.n as i32;
        let tail = (1.0 - (1.0 - a).powi(n)) / a;
        for k in 0..h {
            let drift = 0.5 * self.slope * (k as f64 + tail);
            fc.point[k] += drift;
            for iv in &mut fc.intervals {
                iv.lower[k] += drift;
                iv.upper[k] += drift;
            }
        }
        fc
    }
    fn name(&self) -> &'static str {
        "theta"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ses_on_constant_series_is_flat() {
        let y = [5.0; 10];
        let f = Ses::default().fit(&y).unwrap();
        assert!((f.level - 5.0).abs() < 1e-9);
        assert!(f.sse < 1e-18);
    }

    #[test]
    fn theta_continues_a_linear_trend() {
        let y: Vec<f64> = (0..20).map(|t| 10.0 + 2.0 * t as f64).collect();
        let fc = Theta::default().fit(&y).unwrap().predict(3, &[95.0]);
        // On an exact line SES tracks the series with lag; theta's half-slope drift plus the
        // SES level still forecasts upward and close to the line.
        for (k, p) in fc.point.iter().enumerate() {
            let truth = 10.0 + 2.0 * (20 + k) as f64;
            assert!(
                (p - truth).abs() < 2.0 * (k + 1) as f64,
                "step {k}: {p} vs {truth}"
            );
        }
    }

    #[test]
    fn too_short_and_nan_are_errors() {
        assert!(matches!(
            Theta::default().fit(&[1.0, 2.0]),
            Err(ForecastError::TooShort { .. })
        ));
        assert!(matches!(
            Ses::default().fit(&[1.0, f64::NAN, 2.0]),
            Err(ForecastError::NonFinite(1))
        ));
    }
}
