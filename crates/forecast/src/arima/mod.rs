//! ARIMA and automatic ARIMA: R's `arima()` (exact Gaussian likelihood by the Kalman filter,
//! conditional-sum-of-squares start, "CSS-ML") and the stepwise order search of
//! `forecast::auto.arima` (Hyndman and Khandakar 2008), non-seasonal and seasonal
//! ARIMA(p,d,q)(P,D,Q)[m] with a mean or drift term.
//!
//! The algorithms follow R (stats 4.2 `arima`, `makeARIMA`, `ARIMA_Like`, `getQ0` (Gardner,
//! Harvey and Phillips 1980), the PACF parametrisation of the AR parts, `optim`'s BFGS with
//! central-difference gradients and `parscale`; forecast 8.20 `auto.arima`, `ndiffs` with the
//! KPSS test, `nsdiffs` with the seasonal-strength heuristic of `mstl`). Reference forecasts of
//! R on M3 series are the golden values of the tests. Known differences from R:
//! * R rejects a final model whose numerical Hessian is not positive definite; kvota does not
//!   compute a Hessian (it has no use for coefficient standard errors);
//! * R's `maInvert` flips non-invertible MA roots of the CSS start; kvota starts the likelihood
//!   search from the CSS estimate as it is (a non-invertible final model is rejected by the
//!   root check either way).
//!
//! statsforecast's `AutoARIMA` is a port of the same R code, but its version 2.1.1 updates the
//! Kalman filter's initial covariance in place, so that from the second likelihood evaluation
//! on the diffuse prior of differenced models is lost (shown in `benches/README.md`); kvota
//! follows R.

// The numerical kernels follow R's C code index for index, so that they can be checked
// against it line by line; iterator rewrites would obscure that.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

mod auto;
mod css;
mod fit;
mod kalman;
mod transform;
mod unit_root;

pub use auto::*;
use css::*;
pub use fit::*;
pub use kalman::*;
pub use transform::*;
pub use unit_root::*;

use crate::optim::{central_gradient, vmmin};
use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Prior variance of the differenced (non-stationary) states (R's `kappa`).
pub(crate) const KAPPA: f64 = 1e6;
/// Observations whose prediction variance exceeds this are left out of the likelihood (the
/// first `d + D m`, whose prior is diffuse).
pub(crate) const GAIN_LIMIT: f64 = 1e4;

/// An ARIMA(p,d,q)(P,D,Q)[m] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Order {
    pub p: usize,
    pub d: usize,
    pub q: usize,
    /// Seasonal AR, differencing and MA orders.
    pub sp: usize,
    pub sd: usize,
    pub sq: usize,
    /// Period (1 when there is no seasonal part).
    pub m: usize,
}

impl Order {
    pub fn new(p: usize, d: usize, q: usize) -> Order {
        Order { p, d, q, sp: 0, sd: 0, sq: 0, m: 1 }
    }
    pub fn seasonal(p: usize, d: usize, q: usize, sp: usize, sd: usize, sq: usize, m: usize) -> Order {
        Order { p, d, q, sp, sd, sq, m: m.max(1) }
    }
    pub(crate) fn n_arma(&self) -> usize {
        self.p + self.q + self.sp + self.sq
    }
    /// Length of the expanded AR polynomial `phi(B) Phi(B^m)`.
    pub(crate) fn n_phi(&self) -> usize {
        self.p + self.m * self.sp
    }
    pub(crate) fn n_theta(&self) -> usize {
        self.q + self.m * self.sq
    }
    pub(crate) fn n_diff(&self) -> usize {
        self.d + self.m * self.sd
    }
}

impl std::fmt::Display for Order {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ARIMA({},{},{})", self.p, self.d, self.q)?;
        if self.sp + self.sd + self.sq > 0 {
            write!(f, "({},{},{})[{}]", self.sp, self.sd, self.sq, self.m)?;
        }
        Ok(())
    }
}

/// Estimation method (R's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Conditional sum of squares only (R's `method = "CSS"`: minimised by `optim`'s BFGS).
    Css,
    /// The same estimator, conditional sum of squares, minimised by Levenberg-Marquardt on the
    /// analytic Jacobian of the residual recursion: a few passes over the series instead of
    /// hundreds of function evaluations (about 10x faster than `Css`). Not R's optimiser, so
    /// where the sum of squares has several minima or R stops early the estimates can differ.
    CssLs,
    /// Conditional sum of squares for the start, then exact maximum likelihood (R's default).
    CssMl,
}

/// The regression part: none, a mean (undifferenced models) or a drift (one difference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Xreg {
    None,
    Intercept,
    Drift,
}

impl Xreg {
    /// Value of the regressor at time `t` (0-based).
    pub(crate) fn at(self, t: usize) -> f64 {
        match self {
            Xreg::None => 0.0,
            Xreg::Intercept => 1.0,
            Xreg::Drift => (t + 1) as f64,
        }
    }
}

/// Automatic ARIMA to fit.
#[derive(Debug, Clone, Copy)]
pub struct AutoArima {
    pub season_length: usize,
    /// `None`: seasonal ARIMA terms for periods above 1, as R's `auto.arima`. `Some(policy)`:
    /// remove seasonality by classical multiplicative decomposition under `policy` (as the
    /// ETS family does) and search non-seasonal orders on the adjusted data.
    pub adjust: Option<SeasonalPolicy>,
    pub settings: AutoSettings,
}

impl AutoArima {
    pub fn new(season_length: usize) -> Self {
        AutoArima { season_length: season_length.max(1), adjust: None, settings: AutoSettings::default() }
    }
    /// Seasonal adjustment by decomposition instead of seasonal ARIMA terms.
    pub fn adjusted(mut self, policy: SeasonalPolicy) -> Self {
        self.adjust = Some(policy);
        self
    }
    pub fn method(mut self, method: Method) -> Self {
        self.settings.method = method;
        self
    }
    /// Always (or never) use R's approximation (see [`AutoSettings::approximation`]).
    pub fn approximation(mut self, on: bool) -> Self {
        self.settings.approximation = Some(on);
        self
    }
}

/// A fitted automatic ARIMA.
#[derive(Debug, Clone)]
pub struct ArimaFit {
    pub fit: AutoFit,
    pub(crate) seasonal: Option<SeasonalAdjustment>,
}

impl Fit for AutoArima {
    type Fitted = ArimaFit;
    fn fit(&self, y: &[f64]) -> Result<ArimaFit, ForecastError> {
        need("autoarima", y, 6)?;
        let (seasonal, m) = match self.adjust {
            Some(policy) => (adjustment(y, self.season_length, policy), 1),
            None => (None, self.season_length),
        };
        let adjusted;
        let series: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let fit = auto_arima(series, m, &self.settings)
            .ok_or_else(|| ForecastError::Failed("autoarima: no suitable ARIMA model found".into()))?;
        Ok(ArimaFit { fit, seasonal })
    }
}

impl Predict for ArimaFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let (point, sd) = self.fit.forecast(h);
        let mut fc = Forecast::normal(point, &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        "autoarima"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SplitMix64 + Box-Muller, seeded.
    fn noise(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed;
        let mut next = || {
            s = s.wrapping_add(0x9E3779B97F4A7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|_| {
                let (u, v) = (next().max(1e-300), next());
                (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
            })
            .collect()
    }

    /// The initial covariance solves `P = T P T' + R R'` (checked directly, for AR, MA, mixed
    /// and seasonal polynomials), and equals R's `getQ0` on a reference case.
    #[test]
    fn q0_solves_the_lyapunov_equation() {
        let cases: [(&[f64], &[f64]); 6] = [
            (&[0.5, -0.2], &[0.3]),
            (&[0.9], &[]),
            (&[], &[0.4, -0.3, 0.2]),
            (&[1.2, -0.5, 0.1], &[0.5, 0.2]),
            // ARIMA(1,0,1)(1,0,0)[4] expanded: phi = [0.5, 0, 0, 0.6, -0.3], theta = [0.3]
            (&[0.5, 0.0, 0.0, 0.6, -0.3], &[0.3]),
            (&[-0.7, 0.1], &[-0.6, 0.0, 0.0, 0.5, -0.3]),
        ];
        for (phi, theta) in cases {
            let r = phi.len().max(theta.len() + 1);
            let mut p0 = vec![0.0; r * r];
            get_q0(phi, theta, &mut p0);
            let mut t = vec![0.0; r * r];
            for i in 0..phi.len() {
                t[i * r] = phi[i];
            }
            for i in 1..r {
                t[(i - 1) * r + i] = 1.0;
            }
            let mut rv = vec![0.0; r];
            rv[0] = 1.0;
            rv[1..=theta.len()].copy_from_slice(theta);
            for i in 0..r {
                for j in 0..r {
                    let mut tpt = 0.0;
                    for k in 0..r {
                        for l in 0..r {
                            tpt += t[i * r + k] * p0[k + r * l] * t[j * r + l];
                        }
                    }
                    let rhs = tpt + rv[i] * rv[j];
                    let lhs = p0[i + r * j];
                    assert!((lhs - rhs).abs() < 1e-9 * (1.0 + lhs.abs()), "{phi:?} {theta:?} ({i},{j}) {lhs} vs {rhs}");
                }
            }
        }
        // R 4.2.2: .Call(stats:::C_getQ0, c(0.5, -0.2), 0.3)
        let mut p0 = vec![0.0; 4];
        get_q0(&[0.5, -0.2], &[0.3], &mut p0);
        let r_value = [1.6890756302521006, 0.10924369747899156, 0.10924369747899156, 0.15756302521008403];
        for (a, b) in p0.iter().zip(r_value) {
            assert!((a - b).abs() < 1e-12, "{p0:?}");
        }
    }

    #[test]
    fn pacf_transform_round_trips_and_stays_stationary() {
        let raw = [0.8, -1.5, 2.0, 0.3];
        let mut phi = [0.0; 4];
        partrans(&raw, &mut phi);
        assert!(roots_outside(&phi, 1.0));
        let mut back = [0.0; 4];
        assert!(invpartrans(&phi, &mut back));
        for (a, b) in raw.iter().zip(back) {
            assert!((a - b).abs() < 1e-9);
        }
        assert!(!invpartrans(&[1.2, -0.1], &mut back[..2]));
    }

    #[test]
    fn schur_cohn_agrees_with_known_roots() {
        // 1 - 0.5z: root 2. 1 - 1.5z + 0.56z^2 = (1-0.7z)(1-0.8z): roots 1.43, 1.25.
        assert!(roots_outside(&[0.5], 1.0));
        assert!(roots_outside(&[0.5], 1.9));
        assert!(!roots_outside(&[0.5], 2.1));
        assert!(roots_outside(&[1.5, -0.56], 1.2));
        assert!(!roots_outside(&[1.5, -0.56], 1.3));
        assert!(!roots_outside(&[1.0], 1.0));
        // complex pair with modulus 1/sqrt(0.81) = 1.11
        assert!(roots_outside(&[0.9, -0.81], 1.1));
        assert!(!roots_outside(&[0.9, -0.81], 1.12));
        assert!(roots_outside(&[0.5, 0.0, 0.0], 1.9), "trailing zeros are ignored");
    }

    /// The likelihood of an ARMA(2,1) with one difference equals R's `ARIMA_Like` on the same
    /// data (R 4.2.2: `.Call(stats:::C_ARIMA_Like, y, makeARIMA(c(0.5, -0.2), 0.3, 1), 0L, FALSE)`).
    #[test]
    fn likelihood_matches_r() {
        let y = [1., 2., 4., 3., 5., 6., 8., 7., 9., 11.];
        let mut k = Kalman::default();
        let (ssq, sumlog, nu) = arima_like(&y, &[0.5, -0.2], &[0.3], &[1.0], &mut k, None);
        assert_eq!(nu, 9);
        assert!((ssq - 45.933241619860105).abs() < 1e-9, "{ssq}");
        assert!((sumlog - 0.677229554106579).abs() < 1e-9, "{sumlog}");
        // the same value on a second call (no state carried over between evaluations)
        let again = arima_like(&y, &[0.5, -0.2], &[0.3], &[1.0], &mut k, None);
        assert_eq!(again, (ssq, sumlog, nu));
    }

    #[test]
    fn recovers_an_ar1_and_an_ma1() {
        let e = noise(500, 11);
        let mut ar = vec![0.0; 500];
        for t in 1..500 {
            ar[t] = 0.6 * ar[t - 1] + e[t];
        }
        let f = fit_order(&ar, Order::new(1, 0, 0), true, Method::CssMl).unwrap();
        assert!((f.coef[0] - 0.6).abs() < 0.08, "{:?}", f.coef);
        let ma: Vec<f64> = (0..500).map(|t| e[t] + if t > 0 { -0.5 * e[t - 1] } else { 0.0 }).collect();
        let f = fit_order(&ma, Order::new(0, 0, 1), false, Method::CssMl).unwrap();
        assert!((f.coef[0] + 0.5).abs() < 0.08, "{:?}", f.coef);
        let auto = auto_arima(&ar, 1, &AutoSettings::default()).unwrap();
        assert!(auto.order().p >= 1, "{}", auto.describe());
    }

    #[test]
    fn random_walk_with_drift_forecasts_the_drift_and_widening_intervals() {
        let e = noise(60, 3);
        let y: Vec<f64> = e
            .iter()
            .scan(100.0, |s, v| {
                *s += 2.0 + 0.5 * v;
                Some(*s)
            })
            .collect();
        let fit = AutoArima::new(1).fit(&y).unwrap();
        assert_eq!(fit.fit.order().d, 1, "{}", fit.fit.describe());
        let fc = fit.predict(5, &[80.0, 95.0]);
        let slope = (fc.point[4] - fc.point[0]) / 4.0;
        assert!((slope - 2.0).abs() < 0.5, "{slope} {}", fit.fit.describe());
        let w = |k: usize| fc.intervals[0].upper[k] - fc.intervals[0].lower[k];
        assert!(w(4) > w(0));
        assert!(fc.intervals[1].upper[0] > fc.intervals[0].upper[0]);
    }

    #[test]
    fn deterministic_data_are_extended_exactly() {
        let line: Vec<f64> = (0..12).map(|t| 5.0 + 3.0 * t as f64).collect();
        let fc = AutoArima::new(1).fit(&line).unwrap().predict(3, &[80.0]);
        assert_eq!(fc.point, vec![41.0, 44.0, 47.0]);
        let flat = [7.0; 9];
        assert_eq!(AutoArima::new(1).fit(&flat).unwrap().predict(2, &[]).point, vec![7.0, 7.0]);
    }

    #[test]
    fn kpss_and_ndiffs() {
        let e = noise(200, 7);
        assert!(kpss_statistic(&e, 3) < 0.463);
        let walk: Vec<f64> = e
            .iter()
            .scan(0.0, |s, v| {
                *s += v;
                Some(*s)
            })
            .collect();
        assert!(kpss_statistic(&walk, 3) > 0.463);
        assert_eq!(ndiffs(&e, 2), 0);
        assert_eq!(ndiffs(&walk, 2), 1);
        let twice: Vec<f64> = walk
            .iter()
            .scan(0.0, |s, v| {
                *s += v;
                Some(*s)
            })
            .collect();
        assert_eq!(ndiffs(&twice, 2), 2);
    }

    #[test]
    fn a_strong_season_is_differenced() {
        let pattern = [10.0, -4.0, -8.0, 2.0];
        let e = noise(48, 5);
        let y: Vec<f64> = (0..48).map(|t| 100.0 + 0.5 * t as f64 + pattern[t % 4] + 0.5 * e[t]).collect();
        assert!(seasonal_strength(&y, 4).unwrap() > 0.9);
        assert_eq!(nsdiffs(&y, 4), 1);
        assert_eq!(nsdiffs(&e, 4), 0);
        let fit = AutoArima::new(4).fit(&y).unwrap();
        assert_eq!(fit.fit.order().sd, 1, "{}", fit.fit.describe());
        let fc = fit.predict(8, &[]);
        for k in 0..8 {
            let expect = 100.0 + 0.5 * (48 + k) as f64 + pattern[(48 + k) % 4];
            assert!((fc.point[k] - expect).abs() < 3.0, "step {k}: {} vs {expect}", fc.point[k]);
        }
    }
}
