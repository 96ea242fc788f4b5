//! Exponential smoothing (ETS): automatic selection among the non-seasonal ETS models by AICc
//! (statsforecast's AutoETS, as ported by augurs), and the fixed SES, Holt and damped-trend
//! models of the M4 benchmarks. Seasonal series are adjusted first with the M4 classical
//! multiplicative decomposition, and seasonality is put back.
//!
//! The estimation follows augurs 0.10.3 (`augurs-ets`) step by step: the same initial
//! parameters and states, the same bounds (including the upper bound of beta set to the
//! initial alpha), the same adaptive Nelder-Mead with its stopping rule, the same likelihood,
//! AICc and interval formulas. It is written here because the profile of augurs' fit on
//! short yearly series showed most of the time going to work the likelihood does not need: a
//! logarithm per observation for additive-error models too, multi-step forecasts and the full
//! state matrix kept on every evaluation, and vectors allocated per Nelder-Mead step. This
//! version computes only the one-step errors, keeps the state in registers, and sums the
//! logarithms of a multiplicative-error model as the logarithm of a running product. augurs
//! stays as the oracle in the tests (`same_fits_as_augurs_on_m3_yearly` and the unit tests
//! below).

use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Which exponential-smoothing model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EtsKind {
    /// Automatic: the best non-seasonal ETS model by AICc (ANN, AAN, AAdN, MNN, MAN, MAdN).
    Auto,
    /// Automatic among the additive-error models only (ANN, AAN, AAdN): half the fits.
    AutoAdditive,
    /// Holt's linear trend, ETS(A,A,N) (M4 benchmark `Holt`).
    Holt,
    /// Damped trend, ETS(A,Ad,N) (M4 benchmark `Damped`).
    Damped,
    /// Simple exponential smoothing, ETS(A,N,N) (M4 benchmark `SES`).
    Simple,
}

impl EtsKind {
    pub fn name(self) -> &'static str {
        match self {
            EtsKind::Auto => "autoets",
            EtsKind::AutoAdditive => "autoets-a",
            EtsKind::Holt => "holt",
            EtsKind::Damped => "damped",
            EtsKind::Simple => "ses",
        }
    }
}

/// An ETS model to fit.
#[derive(Debug, Clone, Copy)]
pub struct Ets {
    pub kind: EtsKind,
    pub season_length: usize,
    pub policy: SeasonalPolicy,
}

impl Ets {
    pub fn new(kind: EtsKind, season_length: usize) -> Self {
        Ets { kind, season_length: season_length.max(1), policy: SeasonalPolicy::Test }
    }
    /// When to adjust for seasonality before fitting.
    pub fn policy(mut self, policy: SeasonalPolicy) -> Self {
        self.policy = policy;
        self
    }
}

/// A non-seasonal ETS form: error, trend and damping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EtsForm {
    pub multiplicative_error: bool,
    pub trend: bool,
    pub damped: bool,
}

impl EtsForm {
    pub const ANN: EtsForm = EtsForm { multiplicative_error: false, trend: false, damped: false };
    pub const AAN: EtsForm = EtsForm { multiplicative_error: false, trend: true, damped: false };
    pub const AADN: EtsForm = EtsForm { multiplicative_error: false, trend: true, damped: true };

    /// The name in the ETS taxonomy, e.g. `AAdN`.
    pub fn name(self) -> &'static str {
        match (self.multiplicative_error, self.trend, self.damped) {
            (false, false, _) => "ANN",
            (false, true, false) => "AAN",
            (false, true, true) => "AAdN",
            (true, false, _) => "MNN",
            (true, true, false) => "MAN",
            (true, true, true) => "MAdN",
        }
    }

    /// Number of initial states (level, and growth with a trend).
    fn n_states(self) -> usize {
        1 + self.trend as usize
    }

    /// Number of smoothing parameters estimated (alpha; beta with a trend; phi if damped).
    fn n_smoothing(self) -> usize {
        1 + self.trend as usize + self.damped as usize
    }
}

/// The search order of augurs' `AutoETS` (error, then trend, then damped before undamped);
/// the first model with the smallest AICc wins ties.
const AUTO_ORDER: [EtsForm; 6] = [
    EtsForm::ANN,
    EtsForm::AADN,
    EtsForm::AAN,
    EtsForm { multiplicative_error: true, trend: false, damped: false },
    EtsForm { multiplicative_error: true, trend: true, damped: true },
    EtsForm { multiplicative_error: true, trend: true, damped: false },
];

/// Parameter bounds of the "usual" region (R forecast / statsforecast defaults).
const LOWER: [f64; 3] = [0.0001, 0.0001, 0.8]; // alpha, beta, phi
const UPPER: [f64; 3] = [0.9999, 0.9999, 0.98];
const MAX_ITER: usize = 2_000;
const TOL_STD: f64 = 1e-4;
/// Largest optimisation vector: alpha, beta, phi, level, growth.
const DIM: usize = 5;

/// A fitted non-seasonal ETS model.
#[derive(Debug, Clone, PartialEq)]
pub struct EtsModel {
    pub form: EtsForm,
    pub alpha: f64,
    /// 0 without a trend.
    pub beta: f64,
    /// 1 unless damped.
    pub phi: f64,
    /// Level and growth after the last observation.
    pub level: f64,
    pub growth: f64,
    /// `n log(SSE)` (plus `2 sum log|yhat|` for multiplicative errors), as in augurs/statsforecast.
    pub lik: f64,
    pub aicc: f64,
    /// Residual variance used by the interval formulas (relative errors for multiplicative models).
    pub sigma2: f64,
}

/// The likelihood core: one pass of the state recursion computing only what the likelihood
/// needs. `M`: multiplicative error; `T`: additive trend. Arithmetic is written as in augurs
/// (`etscalc`), so that equal inputs give equal costs.
#[inline(always)]
fn lik_pass<const M: bool, const T: bool>(y: &[f64], alpha: f64, beta: f64, phi: f64, l0: f64, b0: f64) -> f64 {
    let (mut l, mut b) = (l0, b0);
    let mut sse = 0.0;
    let mut log_sum = 0.0;
    let mut prod = 1.0;
    let ratio = beta / alpha;
    for &yi in y {
        let (q, phi_b) = if T {
            let phi_b = phi * b;
            (l + phi_b, phi_b)
        } else {
            (l, 0.0)
        };
        let f0 = q;
        let e = if M {
            let f_mod = if f0.abs() < 1e-10 { f0 + 1e-10 } else { f0 };
            (yi - f0) / f_mod
        } else {
            yi - f0
        };
        sse += e * e;
        if M {
            let a = f0.abs();
            let v = if a > 0.0 { a } else { a + 1e-8 };
            // sum of logs as the log of a product, flushed before it can leave the normal range
            if v > 1e-100 && v < 1e100 {
                prod *= v;
                if !(prod > 1e-200 && prod < 1e200) {
                    log_sum += prod.ln();
                    prod = 1.0;
                }
            } else {
                log_sum += v.ln();
            }
        }
        let new_l = q + alpha * (yi - q);
        if T {
            b = phi_b + ratio * ((new_l - l) - phi_b);
        }
        l = new_l;
    }
    let n = y.len() as f64;
    let mut lik = if sse > 0.0 { n * sse.ln() } else { n * (sse + 1e-8).ln() };
    if M {
        log_sum += prod.ln();
        lik += 2.0 * log_sum;
    }
    lik
}

/// Unpacks an optimisation vector `[alpha, beta?, phi?, l0, b0?]`.
#[inline(always)]
fn unpack(form: EtsForm, x: &[f64]) -> (f64, f64, f64, f64, f64) {
    let alpha = x[0];
    let mut i = 1;
    let beta = if form.trend {
        i += 1;
        x[1]
    } else {
        0.0
    };
    let phi = if form.damped {
        i += 1;
        x[i - 1]
    } else {
        1.0
    };
    let l0 = x[i];
    let b0 = if form.trend { x[i + 1] } else { 0.0 };
    (alpha, beta, phi, l0, b0)
}

fn cost(form: EtsForm, y: &[f64], x: &[f64]) -> f64 {
    let (alpha, beta, phi, l0, b0) = unpack(form, x);
    match (form.multiplicative_error, form.trend) {
        (false, false) => lik_pass::<false, false>(y, alpha, beta, phi, l0, b0),
        (false, true) => lik_pass::<false, true>(y, alpha, beta, phi, l0, b0),
        (true, false) => lik_pass::<true, false>(y, alpha, beta, phi, l0, b0),
        (true, true) => lik_pass::<true, true>(y, alpha, beta, phi, l0, b0),
    }
}

/// Initial level and growth: the mean of the first ten values without a trend; otherwise the
/// least-squares line through them (closed form), nudged as augurs does.
fn initial_state(form: EtsForm, y: &[f64]) -> [f64; 2] {
    let max_n = 10.clamp(1, y.len());
    if !form.trend {
        return [y.iter().take(max_n).sum::<f64>() / max_n as f64, 0.0];
    }
    let k = max_n as f64;
    let t_mean = (k + 1.0) / 2.0;
    let y_mean = y[..max_n].iter().sum::<f64>() / k;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, v) in y[..max_n].iter().enumerate() {
        let dt = (i + 1) as f64 - t_mean;
        sxy += dt * (v - y_mean);
        sxx += dt * dt;
    }
    let b = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let l = y_mean - b * t_mean;
    let (mut l0, mut b0) = (l, b);
    if (l0 + b0).abs() < 1e-8 {
        l0 *= 1.0 + 1e-3;
        b0 *= 1.0 + 1e-3;
    }
    [l0, b0]
}

/// Population standard deviation by Welford's method with `mul_add`, as augurs computes the
/// spread of the simplex values for its stopping rule.
fn welford_std(v: &[f64]) -> f64 {
    let (mut mean, mut sum_sq) = (0.0f64, 0.0f64);
    for (i, &x) in v.iter().enumerate() {
        let delta = x - mean;
        mean += delta / (i + 1) as f64;
        sum_sq = (x - mean).mul_add(delta, sum_sq);
    }
    (sum_sq / v.len() as f64).sqrt()
}

fn clamp_to(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for ((v, &l), &u) in x.iter_mut().zip(lower).zip(upper) {
        *v = v.clamp(l, u);
    }
}

/// augurs' (and statsforecast's) adaptive Nelder-Mead with bounds, on fixed-size arrays.
/// The shrink step does not clamp, as in augurs 0.10.3.
fn nelder_mead(
    mut f: impl FnMut(&[f64]) -> f64,
    x0: &[f64],
    lower: &[f64],
    upper: &[f64],
    max_iter: usize,
) -> [f64; DIM] {
    let n_u = x0.len();
    let n = n_u as f64;
    let (alpha, gamma, rho, sigma) = (1.0, 1.0 + 2.0 / n, 0.75 - 1.0 / (2.0 * n), 1.0 - 1.0 / n);
    let mut simplex = [[0.0; DIM]; DIM + 1];
    let mut start = [0.0; DIM];
    start[..n_u].copy_from_slice(x0);
    clamp_to(&mut start[..n_u], lower, upper);
    for (i, row) in simplex.iter_mut().take(n_u + 1).enumerate() {
        *row = start;
        if i < n_u {
            let el = &mut row[i];
            if el.abs() < 1e-8 {
                *el = 1e-4;
            } else {
                *el *= 1.05;
            }
        }
        clamp_to(&mut row[..n_u], lower, upper);
    }
    let mut f_simplex = [0.0; DIM + 1];
    for i in 0..=n_u {
        f_simplex[i] = f(&simplex[i][..n_u]);
    }
    let mut order = [(0usize, 0.0f64); DIM + 1];
    let mut best_idx = 0;
    for _ in 0..max_iter {
        for i in 0..=n_u {
            order[i] = (i, f_simplex[i]);
        }
        order[..=n_u].sort_unstable_by(|(_, a), (_, b)| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        best_idx = order[0].0;
        let worst_idx = order[n_u].0;
        let second_worst_idx = order[n_u - 1].0;
        if welford_std(&f_simplex[..=n_u]) < TOL_STD {
            break;
        }
        let mut x_o = [0.0; DIM];
        for (i, row) in simplex.iter().take(n_u + 1).enumerate() {
            if i != worst_idx {
                for j in 0..n_u {
                    x_o[j] += row[j];
                }
            }
        }
        for v in &mut x_o[..n_u] {
            *v /= n;
        }
        let mut x_r = [0.0; DIM];
        for j in 0..n_u {
            x_r[j] = x_o[j] + alpha * (x_o[j] - simplex[worst_idx][j]);
        }
        clamp_to(&mut x_r[..n_u], lower, upper);
        let f_r = f(&x_r[..n_u]);
        if f_simplex[best_idx] <= f_r && f_r < f_simplex[second_worst_idx] {
            simplex[worst_idx] = x_r;
            f_simplex[worst_idx] = f_r;
            continue;
        }
        if f_r < f_simplex[best_idx] {
            let mut x_e = [0.0; DIM];
            for j in 0..n_u {
                x_e[j] = x_o[j] + gamma * (x_r[j] - x_o[j]);
            }
            clamp_to(&mut x_e[..n_u], lower, upper);
            let f_e = f(&x_e[..n_u]);
            if f_e < f_r {
                simplex[worst_idx] = x_e;
                f_simplex[worst_idx] = f_e;
            } else {
                simplex[worst_idx] = x_r;
                f_simplex[worst_idx] = f_r;
            }
            continue;
        }
        if f_simplex[second_worst_idx] <= f_r && f_r < f_simplex[worst_idx] {
            let mut x_oc = [0.0; DIM];
            for j in 0..n_u {
                x_oc[j] = x_o[j] + rho * (x_r[j] - x_o[j]);
            }
            clamp_to(&mut x_oc[..n_u], lower, upper);
            let f_oc = f(&x_oc[..n_u]);
            if f_oc <= f_r {
                simplex[worst_idx] = x_oc;
                f_simplex[worst_idx] = f_oc;
                continue;
            }
        } else {
            let mut x_ic = [0.0; DIM];
            for j in 0..n_u {
                x_ic[j] = x_o[j] - rho * (x_r[j] - x_o[j]);
            }
            clamp_to(&mut x_ic[..n_u], lower, upper);
            let f_ic = f(&x_ic[..n_u]);
            if f_ic < f_simplex[worst_idx] {
                simplex[worst_idx] = x_ic;
                f_simplex[worst_idx] = f_ic;
                continue;
            }
        }
        let best = simplex[best_idx];
        for i in 0..=n_u {
            if i != best_idx {
                for j in 0..n_u {
                    simplex[i][j] = best[j] + sigma * (simplex[i][j] - best[j]);
                }
                f_simplex[i] = f(&simplex[i][..n_u]);
            }
        }
    }
    simplex[best_idx]
}

/// Why a fixed ETS form could not be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EtsFitError {
    /// As many parameters as observations less one, or more.
    NotEnoughData,
}

/// Fits one non-seasonal ETS form by maximum likelihood (augurs' `Unfit::fit` with the
/// default bounds and the likelihood criterion).
pub fn fit_form(form: EtsForm, y: &[f64]) -> Result<EtsModel, EtsFitError> {
    // Initial parameters (m = 1). The upper bound of beta becomes the initial alpha.
    let alpha0 = LOWER[0] + 0.2 * (UPPER[0] - LOWER[0]);
    let beta_upper = UPPER[1].min(alpha0);
    let beta0 = {
        let b = LOWER[1] + 0.1 * (beta_upper - LOWER[1]);
        if b < 0.0 || b > alpha0 { alpha0 - 1e-3 } else { b }
    };
    let phi0 = LOWER[2] + 0.99 * (UPPER[2] - LOWER[2]);
    let state = initial_state(form, y);
    let mut x0 = [0.0; DIM];
    let mut lower = [f64::NEG_INFINITY; DIM];
    let mut upper = [f64::INFINITY; DIM];
    let mut k = 0;
    let mut push = |v: f64, lo: f64, up: f64| {
        x0[k] = v;
        lower[k] = lo;
        upper[k] = up;
        k += 1;
    };
    push(alpha0, LOWER[0], UPPER[0]);
    if form.trend {
        push(beta0, LOWER[1], beta_upper);
    }
    if form.damped {
        push(phi0, LOWER[2], UPPER[2]);
    }
    push(state[0], f64::NEG_INFINITY, f64::INFINITY);
    if form.trend {
        push(state[1], f64::NEG_INFINITY, f64::INFINITY);
    }
    let dim = form.n_smoothing() + form.n_states();
    if dim + 1 >= y.len() {
        return Err(EtsFitError::NotEnoughData);
    }
    let best = nelder_mead(|x| cost(form, y, x), &x0[..dim], &lower[..dim], &upper[..dim], MAX_ITER);
    Ok(finish(form, y, &best[..dim]))
}

/// Runs the recursion once more at the optimum for the final state, the likelihood, AICc and
/// the residual variance.
fn finish(form: EtsForm, y: &[f64], x: &[f64]) -> EtsModel {
    let (alpha, beta, phi, mut l, mut b) = unpack(form, x);
    let mut sse = 0.0;
    let mut log_sum = 0.0;
    for &yi in y {
        let (q, phi_b) = if form.trend { (l + phi * b, phi * b) } else { (l, 0.0) };
        let e = if form.multiplicative_error {
            let f_mod = if q.abs() < 1e-10 { q + 1e-10 } else { q };
            (yi - q) / f_mod
        } else {
            yi - q
        };
        sse += e * e;
        let a = q.abs();
        log_sum += if a > 0.0 { a.ln() } else { (a + 1e-8).ln() };
        let new_l = q + alpha * (yi - q);
        if form.trend {
            b = phi_b + (beta / alpha) * ((new_l - l) - phi_b);
        }
        l = new_l;
    }
    let n = y.len();
    let mut lik = if sse > 0.0 { n as f64 * sse.ln() } else { n as f64 * (sse + 1e-8).ln() };
    if form.multiplicative_error {
        lik += 2.0 * log_sum;
    }
    let n_params = form.n_states() + form.n_smoothing();
    let aic = lik + 2.0 * n_params as f64;
    let k = n_params + 1;
    let denom = n - k - 1;
    let aicc = if denom != 0 { aic + 2.0 * k as f64 * (k as f64 + 1.0) / denom as f64 } else { f64::INFINITY };
    let sigma2 = sse / (n as f64 - n_params as f64 - 2.0);
    EtsModel { form, alpha, beta, phi, level: l, growth: if form.trend { b } else { 0.0 }, lik, aicc, sigma2 }
}

/// Automatic selection by AICc among `forms` (augurs' `AutoETS` "ZZN" or "AZN"):
/// multiplicative-error forms only for positive data; too-short series (`n <= 6`) fail.
pub fn auto_fit(y: &[f64], additive_only: bool) -> Option<EtsModel> {
    if y.len() <= 6 {
        return None;
    }
    let positive = y.iter().fold(f64::INFINITY, |a, &b| a.min(b)) > 0.0;
    let mut best: Option<EtsModel> = None;
    for form in AUTO_ORDER {
        if form.multiplicative_error && (additive_only || !positive) {
            continue;
        }
        let Ok(m) = fit_form(form, y) else { continue };
        if m.aicc.is_nan() {
            continue;
        }
        if best.as_ref().is_none_or(|b| m.aicc < b.aicc) {
            best = Some(m);
        }
    }
    best
}

impl EtsModel {
    /// Point forecasts for steps 1..=h.
    pub fn point(&self, h: usize) -> Vec<f64> {
        let mut out = Vec::with_capacity(h);
        let mut phi_star = self.phi;
        for i in 0..h {
            out.push(if self.form.trend { self.level + phi_star * self.growth } else { self.level });
            if (self.phi - 1.0).abs() < 1e-10 {
                phi_star += 1.0;
            } else {
                phi_star += self.phi.powi(i as i32 + 1);
            }
        }
        out
    }

    /// Forecast standard deviations for steps 1..=h: the analytical formulas of Hyndman et al.
    /// (2008), classes 1 (additive error) and 2 (multiplicative error, linear trend).
    pub fn sd(&self, point: &[f64]) -> Vec<f64> {
        let (alpha, beta, phi, sigma) = (self.alpha, self.beta, self.phi, self.sigma2);
        let h = point.len();
        if !self.form.multiplicative_error {
            return (1..=h)
                .map(|s| {
                    let s = s as f64;
                    let var = match (self.form.trend, self.form.damped) {
                        (false, _) => ((s - 1.0) * alpha.powi(2) + 1.0) * sigma,
                        (true, false) => {
                            let e1 =
                                alpha.powi(2) + alpha * beta * s + (1.0 / 6.0) * beta.powi(2) * s * (2.0 * s - 1.0);
                            (1.0 + (s - 1.0) * e1) * sigma
                        }
                        (true, true) => {
                            let phi_s = phi.powi(s as i32);
                            let e2 = (beta * phi * s) / (1.0 - phi).powi(2);
                            let e3 = 2.0 * alpha * (1.0 - phi) + beta * phi;
                            let e4 = (beta * phi * (1.0 - phi_s)) / ((1.0 - phi).powi(2) * (1.0 - phi.powi(2)));
                            let e5 = 2.0 * alpha * (1.0 - phi.powi(2)) + beta * phi * (1.0 + 2.0 * phi - phi_s);
                            (1.0 + alpha.powi(2) * (s - 1.0) + e2 * e3 - e4 * e5) * sigma
                        }
                    };
                    var.sqrt()
                })
                .collect();
        }
        let c: Vec<f64> = (1..=h)
            .map(|k| match (self.form.trend, self.form.damped) {
                (false, _) => alpha,
                (true, false) => alpha + beta * k as f64,
                (true, true) => alpha + beta * (1..=k).map(|j| phi.powi(j as i32)).sum::<f64>(),
            })
            .map(|c| c * c)
            .collect();
        let mut theta: Vec<f64> = Vec::with_capacity(h);
        for p in point {
            let t = p.powi(2) + theta.iter().rev().zip(&c).map(|(t, c)| t * c).sum::<f64>() * sigma;
            theta.push(t);
        }
        theta.iter().zip(point).map(|(t, p)| ((1.0 + sigma) * t - p.powi(2)).sqrt()).collect()
    }
}

#[derive(Debug)]
pub struct EtsFit {
    kind: EtsKind,
    model: EtsModel,
    seasonal: Option<SeasonalAdjustment>,
}

impl EtsFit {
    /// The selected model, e.g. `AAdN`.
    pub fn model_type(&self) -> String {
        self.model.form.name().to_string()
    }
    /// The fitted model.
    pub fn model(&self) -> &EtsModel {
        &self.model
    }
}

impl Fit for Ets {
    type Fitted = EtsFit;
    fn fit(&self, y: &[f64]) -> Result<EtsFit, ForecastError> {
        let min = match self.kind {
            EtsKind::Simple => 3,
            _ => 5,
        };
        need(self.kind.name(), y, min)?;
        let seasonal = adjustment(y, self.season_length, self.policy);
        let adjusted;
        let series: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let name = self.kind.name();
        let fixed =
            |form| fit_form(form, series).map_err(|_| ForecastError::Failed(format!("{name}: not enough data")));
        let model = match self.kind {
            EtsKind::Auto | EtsKind::AutoAdditive => auto_fit(series, self.kind == EtsKind::AutoAdditive)
                .ok_or_else(|| ForecastError::Failed(format!("{name}: no model could be fitted")))?,
            EtsKind::Holt => fixed(EtsForm::AAN)?,
            EtsKind::Damped => fixed(EtsForm::AADN)?,
            EtsKind::Simple => fixed(EtsForm::ANN)?,
        };
        Ok(EtsFit { kind: self.kind, model, seasonal })
    }
}

impl Predict for EtsFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let point = self.model.point(h);
        let sd = self.model.sd(&point);
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

#[cfg(test)]
mod tests {
    use super::*;
    use augurs::ets::AutoETS;
    use augurs::ets::model::{
        ErrorComponent, ModelType, OptimizationCriteria, SeasonalComponent, TrendComponent, Unfit,
    };
    use augurs::{Fit as _, Predict as _};

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * a.abs().max(b.abs()).max(1.0)
    }

    fn augurs_form(form: EtsForm, y: &[f64]) -> augurs::ets::model::Model {
        Unfit::new(ModelType {
            error: if form.multiplicative_error { ErrorComponent::Multiplicative } else { ErrorComponent::Additive },
            trend: if form.trend { TrendComponent::Additive } else { TrendComponent::None },
            season: SeasonalComponent::None,
        })
        .damped(form.damped)
        .opt_crit(OptimizationCriteria::Likelihood)
        .fit(y)
        .unwrap()
    }

    const SERIES: [&[f64]; 4] = [
        &[
            112.0, 118.0, 132.0, 129.0, 121.0, 135.0, 148.0, 148.0, 136.0, 119.0, 104.0, 118.0, 115.0, 126.0, 141.0,
            135.0, 125.0, 149.0, 170.0, 170.0,
        ],
        &[5.0, 7.0, 6.5, 9.0, 11.0, 10.5, 13.0, 15.5, 15.0, 18.0, 21.0, 20.0],
        &[940.0, 1020.0, 1001.0, 1115.0, 1180.0, 1230.0, 1199.0, 1305.0, 1390.0, 1422.0, 1510.0, 1500.0, 1612.0],
        &[3.2, 3.1, 3.3, 3.0, 3.4, 3.2, 3.1, 3.5, 3.3, 3.2, 3.4],
    ];

    #[test]
    fn each_form_matches_augurs_point_forecasts_and_intervals() {
        for y in SERIES {
            for form in AUTO_ORDER {
                let ours = fit_form(form, y).unwrap();
                let theirs = augurs_form(form, y);
                let p = ours.point(6);
                let f = theirs.predict(6, Some(0.95)).unwrap();
                let z = crate::stats::normal_quantile(0.975);
                let sd = ours.sd(&p);
                let iv = f.intervals.unwrap();
                for k in 0..6 {
                    assert!(close(p[k], f.point[k], 1e-6), "{} step {k}: {} vs {}", form.name(), p[k], f.point[k]);
                    assert!(close(p[k] + z * sd[k], iv.upper[k], 1e-6), "{} upper step {k}", form.name());
                }
                assert!(
                    close(ours.aicc, theirs.aicc(), 1e-6),
                    "{}: aicc {} vs {}",
                    form.name(),
                    ours.aicc,
                    theirs.aicc()
                );
            }
        }
    }

    #[test]
    fn automatic_selection_matches_augurs() {
        for y in SERIES {
            let ours = auto_fit(y, false).unwrap();
            let theirs = AutoETS::non_seasonal().fit(y).unwrap();
            let m = theirs.model();
            let mut name = m.model_type().to_string();
            if m.damped() {
                name.insert(2, 'd');
            }
            assert_eq!(ours.form.name(), name);
            let f = theirs.predict(4, None).unwrap().point;
            for (a, b) in ours.point(4).iter().zip(&f) {
                assert!(close(*a, *b, 1e-6));
            }
        }
        assert!(auto_fit(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], false).is_none());
        assert_eq!(fit_form(EtsForm::AADN, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), Err(EtsFitError::NotEnoughData));
    }

    /// On every M3 yearly series the automatic choice, its point forecasts and its 95 % upper
    /// bound equal augurs'. Skipped (with a message) without `../shared/data-raw`.
    #[test]
    fn same_fits_as_augurs_on_m3_yearly() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw/m3");
        if !dir.exists() {
            eprintln!("skipped: {} not found (competition data live in ../shared/data-raw)", dir.display());
            return;
        }
        let m3 = crate::mcomp::m3(&dir, "YEARLY").unwrap();
        assert_eq!(m3.len(), 645);
        let z = crate::stats::normal_quantile(0.975);
        let mut differing = Vec::new();
        for s in &m3 {
            let ours = auto_fit(&s.train, false).unwrap();
            let theirs = AutoETS::non_seasonal().fit(&s.train).unwrap();
            let f = theirs.predict(6, Some(0.95)).unwrap();
            let p = ours.point(6);
            let sd = ours.sd(&p);
            let upper = f.intervals.unwrap().upper;
            let same = (0..6).all(|k| close(p[k], f.point[k], 1e-9) && close(p[k] + z * sd[k], upper[k], 1e-6));
            if !same {
                differing.push(s.id.clone());
            }
        }
        assert!(differing.is_empty(), "{} series differ from augurs: {differing:?}", differing.len());
    }

    #[test]
    fn non_positive_data_excludes_multiplicative_errors() {
        let y = [3.0, -1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0];
        assert!(!auto_fit(&y, false).unwrap().form.multiplicative_error);
    }

    #[test]
    fn log_of_product_equals_sum_of_logs() {
        // extreme magnitudes go through the flush and direct branches
        let y: Vec<f64> = (0..60).map(|i| 10f64.powi(i % 7 * 30 - 90) * (1.0 + i as f64)).collect();
        let x = [0.3, y[0]];
        let fast = cost(EtsForm { multiplicative_error: true, trend: false, damped: false }, &y, &x);
        let mut l = y[0];
        let (mut sse, mut logs) = (0.0, 0.0);
        for &v in &y {
            let e = (v - l) / if l.abs() < 1e-10 { l + 1e-10 } else { l };
            sse += e * e;
            logs += l.abs().ln();
            l += 0.3 * (v - l);
        }
        let slow = y.len() as f64 * f64::ln(sse) + 2.0 * logs;
        assert!(close(fast, slow, 1e-12), "{fast} vs {slow}");
    }
}
