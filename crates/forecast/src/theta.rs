//! The Theta family of Fiorucci et al. (2016): the standard Theta model (STM, theta = 2), the
//! optimised Theta model (OTM), and their dynamic versions (DSTM, DOTM), in a faithful port of
//! statsforecast 2.x (`theta.cpp`, `theta.py`): same state equations, same objective (sum of
//! squared one-step errors after the first three, over the mean absolute value), same
//! initial values, bounds and Nelder-Mead settings, and the same seasonal adjustment
//! (classical multiplicative decomposition when the lag-m autocorrelation test at 90 % passes
//! with at least two full cycles). Point forecasts therefore match statsforecast's to rounding.
//!
//! Intervals: statsforecast simulates 200 paths; here they are analytic, those of the
//! underlying exponential smoothing, `sd_h = sigma * sqrt(1 + alpha^2 (h - 1))` with `sigma`
//! the standard deviation of the one-step errors after the first three.

use crate::optim::NelderMead;
use crate::seasonal::{DecompositionKind, SeasonalAdjustment, is_seasonal, seasonal_indices};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Which model of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThetaKind {
    /// Standard Theta model: theta fixed at 2 (Hyndman and Billah's SES with drift).
    Stm,
    /// Optimised Theta model: theta estimated.
    Otm,
    /// Dynamic standard Theta model: trend coefficients updated with each observation.
    Dstm,
    /// Dynamic optimised Theta model.
    Dotm,
}

impl ThetaKind {
    fn dynamic(self) -> bool {
        matches!(self, ThetaKind::Dstm | ThetaKind::Dotm)
    }
    fn optimise_theta(self) -> bool {
        matches!(self, ThetaKind::Otm | ThetaKind::Dotm)
    }
    pub fn name(self) -> &'static str {
        match self {
            ThetaKind::Stm => "theta",
            ThetaKind::Otm => "otm",
            ThetaKind::Dstm => "dstm",
            ThetaKind::Dotm => "dotm",
        }
    }
}

const NA: f64 = -99999.0;
const TOL: f64 = 1e-10;

/// State: smoothed level, running mean, An, Bn, one-step forecast mu.
type State = [f64; 5];

fn init_state(y: &[f64], kind: ThetaKind, level0: f64, alpha: f64, theta: f64) -> State {
    let (an, bn, mu);
    if kind.dynamic() {
        an = y[0];
        bn = 0.0;
        mu = y[0];
    } else {
        let n = y.len() as f64;
        let y_mean = y.iter().sum::<f64>() / n;
        let weighted_avg = y.iter().enumerate().map(|(i, v)| v * (i + 1) as f64).sum::<f64>() / n;
        bn = (6.0 * (2.0 * weighted_avg - (n + 1.0) * y_mean)) / (n * n - 1.0);
        an = y_mean - (n + 1.0) * bn / 2.0;
        mu = level0 + (1.0 - 1.0 / theta) * (an + bn);
    }
    [alpha * y[0] + (1.0 - alpha) * level0, y[0], an, bn, mu]
}

fn update_step(prev: &State, i: usize, kind: ThetaKind, alpha: f64, theta: f64, y: f64, usemu: bool) -> State {
    let [level, meany, an, bn, _] = *prev;
    let fi = i as f64;
    let mut cur = [0.0; 5];
    cur[4] =
        level + (1.0 - 1.0 / theta) * (an * (1.0 - alpha).powf(fi) + bn * (1.0 - (1.0 - alpha).powf(fi + 1.0)) / alpha);
    let y = if usemu { cur[4] } else { y };
    cur[0] = alpha * y + (1.0 - alpha) * level;
    cur[1] = (fi * meany + y) / (fi + 1.0);
    if kind.dynamic() {
        cur[3] = ((fi - 1.0) * bn + 6.0 * (y - meany) / (fi + 1.0)) / (fi + 2.0);
        cur[2] = cur[1] - cur[3] * (fi + 2.0) / 2.0;
    } else {
        cur[2] = an;
        cur[3] = bn;
    }
    cur
}

/// Forecasts `f.len()` steps from state `prev` (the state after observation `i - 1`).
fn forecast_from(prev: &State, i: usize, kind: ThetaKind, alpha: f64, theta: f64, f: &mut [f64]) {
    let mut p = *prev;
    for (j, out) in f.iter_mut().enumerate() {
        let c = update_step(&p, i + j, kind, alpha, theta, 0.0, true);
        *out = c[4];
        p = c;
    }
}

/// Runs the model over `y` and returns statsforecast's objective: the squared one-step errors
/// after the first three, over the mean absolute value. Fills the one-step errors `e` and
/// returns the state after the last observation in `last`.
///
/// Same arithmetic as statsforecast's `calc` (so the optimiser takes the same path), but each
/// step computes the one-step forecast once and each power of `1 - alpha` once.
fn calc(y: &[f64], kind: ThetaKind, level0: f64, alpha: f64, theta: f64, e: &mut [f64], last: &mut State) -> f64 {
    let n = y.len();
    let mut s = init_state(y, kind, level0, alpha, theta);
    e[0] = y[0] - s[4];
    let b = 1.0 - alpha;
    let k = 1.0 - 1.0 / theta;
    let dynamic = kind.dynamic();
    let mut q_i = b;
    for i in 1..n {
        let fi = i as f64;
        let q_next = q_i * b;
        let [level, meany, an, bn, _] = s;
        let mu = level + k * (an * q_i + bn * (1.0 - q_next) / alpha);
        if (mu - NA).abs() < TOL {
            return NA;
        }
        let yi = y[i];
        e[i] = yi - mu;
        let new_level = alpha * yi + b * level;
        let new_mean = (fi * meany + yi) / (fi + 1.0);
        let (new_an, new_bn) = if dynamic {
            let bn2 = ((fi - 1.0) * bn + 6.0 * (yi - meany) / (fi + 1.0)) / (fi + 2.0);
            (new_mean - bn2 * (fi + 2.0) / 2.0, bn2)
        } else {
            (an, bn)
        };
        s = [new_level, new_mean, new_an, new_bn, mu];
        q_i = q_next;
    }
    *last = s;
    let mut mean_y = y.iter().map(|v| v.abs()).sum::<f64>() / n as f64;
    if mean_y < TOL {
        mean_y = TOL;
    }
    e[3.min(n)..].iter().map(|v| v * v).sum::<f64>() / mean_y
}

/// Parameters of a Theta model; `None` means "estimate".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThetaModel {
    pub kind: ThetaKind,
    /// Season length for the seasonal test (1 = none).
    pub season_length: usize,
    pub level0: Option<f64>,
    pub alpha: Option<f64>,
    pub theta: Option<f64>,
}

impl ThetaModel {
    pub fn new(kind: ThetaKind) -> Self {
        ThetaModel { kind, season_length: 1, level0: None, alpha: None, theta: None }
    }
    pub fn season_length(mut self, m: usize) -> Self {
        self.season_length = m.max(1);
        self
    }
}

/// A fitted Theta model.
#[derive(Debug, Clone)]
pub struct ThetaFit {
    pub kind: ThetaKind,
    pub level0: f64,
    pub alpha: f64,
    pub theta: f64,
    /// The objective at the estimate (statsforecast's `mse`).
    pub mse: f64,
    /// Standard deviation of the one-step errors after the first three (seasonally adjusted).
    pub sigma: f64,
    last_state: State,
    n: usize,
    seasonal: Option<SeasonalAdjustment>,
}

fn std_ddof1(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    if v.len() < 2 {
        return 0.0;
    }
    let m = v.iter().sum::<f64>() / n;
    (v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0)).sqrt()
}

/// statsforecast's seasonal adjustment for Theta: test with two cycles, multiplicative
/// decomposition, additive if the data are not all positive or an index is below 0.01.
fn theta_adjustment(y: &[f64], m: usize) -> Option<SeasonalAdjustment> {
    if m < 4 || !is_seasonal(y, m, 2) {
        return None;
    }
    let positive = y.iter().all(|v| *v > 0.0);
    let mut kind = if positive { DecompositionKind::Multiplicative } else { DecompositionKind::Additive };
    let mut indices = seasonal_indices(y, m, kind);
    if kind == DecompositionKind::Multiplicative && indices.iter().any(|v| *v < 0.01) {
        kind = DecompositionKind::Additive;
        indices = seasonal_indices(y, m, kind);
    }
    Some(SeasonalAdjustment { kind, m, indices, n: y.len() })
}

impl Fit for ThetaModel {
    type Fitted = ThetaFit;

    fn fit(&self, y: &[f64]) -> Result<ThetaFit, ForecastError> {
        need(self.kind.name(), y, 4)?;
        let seasonal = theta_adjustment(y, self.season_length);
        let adjusted;
        let y: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let level_init = self.level0.unwrap_or(y[0] / 2.0);
        let alpha_init = self.alpha.unwrap_or(0.5);
        let theta_init = if self.kind.optimise_theta() { self.theta.unwrap_or(2.0) } else { 2.0 };
        let opt_level = self.level0.is_none();
        let opt_alpha = self.alpha.is_none();
        let opt_theta = self.kind.optimise_theta() && self.theta.is_none();
        let mut x0 = Vec::new();
        let mut lower = Vec::new();
        let mut upper = Vec::new();
        if opt_level {
            x0.push(level_init);
            lower.push(-1e10);
            upper.push(1e10);
        }
        if opt_alpha {
            x0.push(alpha_init);
            lower.push(0.1);
            upper.push(0.99);
        }
        if opt_theta {
            x0.push(theta_init);
            lower.push(1.0);
            upper.push(1e10);
        }
        let n = y.len();
        let mut e = vec![0.0; n];
        let mut last = [0.0; 5];
        let kind = self.kind;
        let unpack = |p: &[f64]| {
            let mut j = 0;
            let mut take = |opt: bool, init: f64| {
                if opt {
                    j += 1;
                    p[j - 1]
                } else {
                    init
                }
            };
            (take(opt_level, level_init), take(opt_alpha, alpha_init), take(opt_theta, theta_init))
        };
        let (level0, alpha, theta) = if x0.is_empty() {
            (level_init, alpha_init, theta_init)
        } else {
            let m = NelderMead::default().minimize(
                |p| {
                    let (l, a, t) = unpack(p);
                    let mut mse = calc(y, kind, l, a, t, &mut e, &mut last);
                    mse = mse.max(-1e10);
                    if mse.is_nan() || (mse + 99999.0).abs() < 1e-7 {
                        mse = f64::NEG_INFINITY;
                    }
                    mse
                },
                &x0,
                &lower,
                &upper,
            );
            unpack(&m.x)
        };
        let mse = calc(y, kind, level0, alpha, theta, &mut e, &mut last);
        if !mse.is_finite() || (mse - NA).abs() < 1e-7 {
            return Err(ForecastError::Failed(format!("{}: the model could not be fitted", kind.name())));
        }
        let tail = if n > 5 { &e[3..] } else { &e[..] };
        let sigma = std_ddof1(tail);
        Ok(ThetaFit { kind, level0, alpha, theta, mse, sigma, last_state: last, n, seasonal })
    }
}

impl Predict for ThetaFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let mut point = vec![0.0; h];
        forecast_from(&self.last_state, self.n, self.kind, self.alpha, self.theta, &mut point);
        let sd: Vec<f64> =
            (1..=h).map(|k| self.sigma * (1.0 + self.alpha * self.alpha * (k - 1) as f64).sqrt()).collect();
        let mut fc = Forecast::normal(point, &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        self.kind.name()
    }
}

/// statsforecast's AutoTheta: fits STM, OTM, DSTM and DOTM and keeps the one with the lowest
/// objective.
#[derive(Debug, Clone, Copy)]
pub struct AutoTheta {
    pub season_length: usize,
}

impl Fit for AutoTheta {
    type Fitted = ThetaFit;
    fn fit(&self, y: &[f64]) -> Result<ThetaFit, ForecastError> {
        let mut best: Option<ThetaFit> = None;
        let mut last_err = None;
        for kind in [ThetaKind::Stm, ThetaKind::Otm, ThetaKind::Dstm, ThetaKind::Dotm] {
            match ThetaModel::new(kind).season_length(self.season_length).fit(y) {
                Ok(f) => {
                    if best.as_ref().is_none_or(|b| f.mse < b.mse) {
                        best = Some(f);
                    }
                }
                Err(e) => last_err = Some(e),
            }
        }
        best.ok_or_else(|| last_err.unwrap_or(ForecastError::Failed("auto theta".into())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stm_on_a_trend_forecasts_upward() {
        let y: Vec<f64> = (0..20).map(|t| 50.0 + 3.0 * t as f64 + if t % 2 == 0 { 1.0 } else { -1.0 }).collect();
        for kind in [ThetaKind::Stm, ThetaKind::Otm, ThetaKind::Dstm, ThetaKind::Dotm] {
            let fit = ThetaModel::new(kind).fit(&y).unwrap();
            let fc = fit.predict(3, &[95.0]);
            assert!(fc.point[0] > 100.0 && fc.point[2] > fc.point[0], "{kind:?}: {:?}", fc.point);
            assert!((0.1..=0.99).contains(&fit.alpha));
            assert!(fit.theta >= 1.0);
        }
    }
}

/// The classic Theta method as run in the M3 competition (Assimakopoulos and Nikolopoulos
/// 2000): seasonally adjust (M4 classical multiplicative decomposition when the 90 %
/// autocorrelation test passes), fit the theta = 0 line (linear regression on time) and
/// extrapolate it, fit simple exponential smoothing to the theta = 2 line `2y - L` and
/// extrapolate it flat, average the two, and restore seasonality.
#[derive(Debug, Clone, Copy)]
pub struct ClassicTheta {
    pub season_length: usize,
}

#[derive(Debug, Clone)]
pub struct ClassicThetaFit {
    intercept: f64,
    slope: f64,
    ses: crate::SesFit,
    n: usize,
    seasonal: Option<SeasonalAdjustment>,
}

impl Fit for ClassicTheta {
    type Fitted = ClassicThetaFit;
    fn fit(&self, y: &[f64]) -> Result<ClassicThetaFit, ForecastError> {
        need("classic-theta", y, 3)?;
        let seasonal = crate::seasonal::m4_adjustment(y, self.season_length);
        let adjusted;
        let y: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let (a, b) = crate::stats::linear_trend(y);
        let z2: Vec<f64> = y.iter().enumerate().map(|(t, v)| 2.0 * v - (a + b * t as f64)).collect();
        let ses = crate::Ses::default().fit(&z2)?;
        Ok(ClassicThetaFit { intercept: a, slope: b, ses, n: y.len(), seasonal })
    }
}

impl Predict for ClassicThetaFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let z = self.ses.predict(h, levels);
        let mut fc = z.clone();
        for k in 0..h {
            let line = self.intercept + self.slope * (self.n + k) as f64;
            fc.point[k] = 0.5 * (line + z.point[k]);
            for (iv, zi) in fc.intervals.iter_mut().zip(&z.intervals) {
                // The theta = 2 line carries the noise at twice its size; halve it back.
                iv.lower[k] = 0.5 * (line + zi.lower[k]);
                iv.upper[k] = 0.5 * (line + zi.upper[k]);
            }
        }
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        "classic-theta"
    }
}
