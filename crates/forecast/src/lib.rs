//! Forecasting models behind one interface on plain `&[f64]` series, the M4 accuracy measures,
//! readers for the M3/M4 competition data, and an engine that forecasts many series in
//! parallel. No dataframe dependency, so model code compiles and tests quickly.
//!
//! Unfitted model parameters implement [`Fit`]; fitting returns a model implementing
//! [`Predict`], which gives point forecasts and prediction intervals for any horizon and
//! coverage levels (80 %, 95 % ...).
//!
//! ```
//! use kvota_forecast::{Fit, Predict, theta::{ThetaKind, ThetaModel}};
//! let y = [100.0, 104.0, 107.0, 111.0, 116.0, 118.0, 123.0, 127.0];
//! let fc = ThetaModel::new(ThetaKind::Stm).fit(&y).unwrap().predict(2, &[80.0, 95.0]);
//! assert_eq!(fc.point.len(), 2);
//! assert!(fc.intervals[1].lower[0] < fc.intervals[0].lower[0]);
//! ```

pub mod arima;
pub mod calibrate;
pub mod ces;
pub mod combine;
pub mod engine;
pub mod ets;
pub mod mcomp;
pub mod metrics;
mod models;
pub mod optim;
pub mod seasonal;
pub mod stats;
pub mod theta;

pub use models::{Drift, DriftFit, Naive, Naive2, NaiveFit, SeasonalNaive, Ses, SesFit, SesOpt};

/// Why a series could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForecastError {
    #[error("series too short: {model} needs at least {need} observations, got {got}")]
    TooShort { model: &'static str, need: usize, got: usize },
    #[error("series has a missing or non-finite value at position {0}")]
    NonFinite(usize),
    #[error("{0}")]
    Failed(String),
}

/// A prediction interval at one coverage level (e.g. 80 %).
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    pub level: f64,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
}

/// Point forecasts for steps 1..=h and intervals at the requested levels, in request order.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub point: Vec<f64>,
    pub intervals: Vec<Interval>,
}

impl Forecast {
    /// Builds intervals `point +- z(level) * sd[h]` for normally distributed errors.
    pub fn normal(point: Vec<f64>, sd: &[f64], levels: &[f64]) -> Forecast {
        let intervals = levels
            .iter()
            .map(|&level| {
                let z = stats::normal_quantile(0.5 + level / 200.0);
                Interval {
                    level,
                    lower: point.iter().zip(sd).map(|(p, s)| p - z * s).collect(),
                    upper: point.iter().zip(sd).map(|(p, s)| p + z * s).collect(),
                }
            })
            .collect();
        Forecast { point, intervals }
    }

    /// The interval at `level`, if it was requested.
    pub fn interval(&self, level: f64) -> Option<&Interval> {
        self.intervals.iter().find(|i| (i.level - level).abs() < 1e-9)
    }

    /// Applies `f(value, step)` (step 1-based) to the points and every interval bound, e.g.
    /// to put seasonality back. Bounds are re-ordered if `f` is decreasing.
    pub fn map_steps(&mut self, f: impl Fn(f64, usize) -> f64) {
        for (k, v) in self.point.iter_mut().enumerate() {
            *v = f(*v, k + 1);
        }
        for iv in &mut self.intervals {
            for k in 0..iv.lower.len() {
                let (a, b) = (f(iv.lower[k], k + 1), f(iv.upper[k], k + 1));
                iv.lower[k] = a.min(b);
                iv.upper[k] = a.max(b);
            }
        }
    }

    /// Horizon.
    pub fn len(&self) -> usize {
        self.point.len()
    }

    pub fn is_empty(&self) -> bool {
        self.point.is_empty()
    }
}

/// Model parameters that can be fitted to a series.
pub trait Fit {
    type Fitted: Predict;
    /// Fits to `y` (oldest first). Fails on too-short or non-finite series.
    fn fit(&self, y: &[f64]) -> Result<Self::Fitted, ForecastError>;
}

/// A fitted model.
pub trait Predict {
    /// Forecasts `h` steps ahead with intervals at `levels` (percent, e.g. `[80.0, 95.0]`).
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast;
    /// Short model name for output tables (e.g. `theta`).
    fn name(&self) -> &'static str;
}

pub(crate) fn check_finite(y: &[f64]) -> Result<(), ForecastError> {
    match y.iter().position(|v| !v.is_finite()) {
        Some(i) => Err(ForecastError::NonFinite(i)),
        None => Ok(()),
    }
}

pub(crate) fn need(model: &'static str, y: &[f64], n: usize) -> Result<(), ForecastError> {
    check_finite(y)?;
    if y.len() < n { Err(ForecastError::TooShort { model, need: n, got: y.len() }) } else { Ok(()) }
}
