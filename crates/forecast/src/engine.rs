//! Forecasting many series: a catalogue of models by name, the automatic method, fallbacks
//! for series a model cannot handle, and parallel execution over series (rayon).

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;

use crate::arima::{AutoArima, Method};
use crate::combine::{Combiner, combine};
use crate::ets::{Ets, EtsKind};
use crate::seasonal::{Adjusted, SeasonalPolicy};
use crate::theta::{AutoTheta, ThetaKind, ThetaModel};
use crate::{Drift, Fit, Forecast, ForecastError, Naive, Naive2, Predict, SeasonalNaive, Ses};

/// A model the engine can fit, by its command-line name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelSpec {
    Naive,
    SeasonalNaive,
    Naive2,
    Drift,
    /// SES by exact least squares (alpha and initial level).
    Ses,
    /// ETS(A,N,N) by MSE, M4 benchmark form.
    SesEts,
    Holt,
    Damped,
    Theta,
    Otm,
    Dstm,
    Dotm,
    /// Theta, DSTM and OTM fitted to seasonally adjusted data (classical multiplicative
    /// decomposition under the engine's seasonal policy) instead of statsforecast's own test.
    ThetaSa,
    DstmSa,
    OtmSa,
    /// The Theta method as run in the M3 competition.
    ClassicTheta,
    AutoTheta,
    AutoEts,
    /// AutoETS among additive-error models.
    AutoEtsA,
    /// Complex exponential smoothing (non-seasonal).
    Ces,
    /// Automatic ARIMA (R's `auto.arima`: stepwise by AICc, exact likelihood, seasonal terms
    /// for periods above 1).
    AutoArima,
    /// R's `auto.arima(approximation = TRUE)`: orders compared by CSS estimates, the best
    /// refitted by maximum likelihood (several times faster on seasonal data).
    AutoArimaApprox,
    /// The same search with every order estimated by conditional sum of squares (least
    /// squares; R's `auto.arima(method = "CSS")` with a faster optimiser).
    AutoArimaCss,
    /// [`ModelSpec::AutoArimaCss`] on seasonally adjusted data (classical decomposition, as the
    /// ETS family) instead of seasonal ARIMA terms.
    AutoArimaSa,
    /// Mean of SES, Holt and damped (M4 benchmark `Comb`).
    Comb,
    /// kvota's automatic method (see [`auto_rule`]).
    Auto,
}

impl ModelSpec {
    pub const ALL: [ModelSpec; 26] = [
        ModelSpec::Naive,
        ModelSpec::SeasonalNaive,
        ModelSpec::Naive2,
        ModelSpec::Drift,
        ModelSpec::Ses,
        ModelSpec::SesEts,
        ModelSpec::Holt,
        ModelSpec::Damped,
        ModelSpec::Theta,
        ModelSpec::Otm,
        ModelSpec::Dstm,
        ModelSpec::Dotm,
        ModelSpec::ThetaSa,
        ModelSpec::DstmSa,
        ModelSpec::OtmSa,
        ModelSpec::ClassicTheta,
        ModelSpec::AutoTheta,
        ModelSpec::AutoEts,
        ModelSpec::AutoEtsA,
        ModelSpec::Ces,
        ModelSpec::AutoArima,
        ModelSpec::AutoArimaApprox,
        ModelSpec::AutoArimaCss,
        ModelSpec::AutoArimaSa,
        ModelSpec::Comb,
        ModelSpec::Auto,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ModelSpec::Naive => "naive",
            ModelSpec::SeasonalNaive => "snaive",
            ModelSpec::Naive2 => "naive2",
            ModelSpec::Drift => "drift",
            ModelSpec::Ses => "ses",
            ModelSpec::SesEts => "ses-ets",
            ModelSpec::Holt => "holt",
            ModelSpec::Damped => "damped",
            ModelSpec::Theta => "theta",
            ModelSpec::Otm => "otm",
            ModelSpec::Dstm => "dstm",
            ModelSpec::Dotm => "dotm",
            ModelSpec::ThetaSa => "theta-sa",
            ModelSpec::DstmSa => "dstm-sa",
            ModelSpec::OtmSa => "otm-sa",
            ModelSpec::ClassicTheta => "classic-theta",
            ModelSpec::AutoTheta => "autotheta",
            ModelSpec::AutoEts => "autoets",
            ModelSpec::AutoEtsA => "autoets-a",
            ModelSpec::Ces => "ces",
            ModelSpec::AutoArima => "autoarima",
            ModelSpec::AutoArimaApprox => "autoarima-approx",
            ModelSpec::AutoArimaCss => "autoarima-css",
            ModelSpec::AutoArimaSa => "autoarima-sa",
            ModelSpec::Comb => "comb",
            ModelSpec::Auto => "auto",
        }
    }

    /// Minimum series length the model needs; shorter series fall back (see [`fallback`]).
    pub fn min_length(self) -> usize {
        match self {
            ModelSpec::Naive | ModelSpec::Naive2 | ModelSpec::SeasonalNaive => 1,
            ModelSpec::Drift | ModelSpec::Ses => 2,
            ModelSpec::ClassicTheta => 3,
            ModelSpec::SesEts => 3,
            ModelSpec::Theta
            | ModelSpec::Otm
            | ModelSpec::Dstm
            | ModelSpec::Dotm
            | ModelSpec::ThetaSa
            | ModelSpec::DstmSa
            | ModelSpec::OtmSa
            | ModelSpec::AutoTheta
            | ModelSpec::Ces => 4,
            ModelSpec::Holt
            | ModelSpec::Damped
            | ModelSpec::AutoEts
            | ModelSpec::AutoEtsA
            | ModelSpec::Comb
            | ModelSpec::Auto => 5,
            ModelSpec::AutoArima | ModelSpec::AutoArimaApprox | ModelSpec::AutoArimaCss | ModelSpec::AutoArimaSa => 6,
        }
    }

    /// The simpler model used when this one cannot be fitted.
    pub fn fallback(self) -> Option<ModelSpec> {
        match self {
            ModelSpec::Naive => None,
            ModelSpec::SeasonalNaive | ModelSpec::Naive2 | ModelSpec::Drift | ModelSpec::Ses => Some(ModelSpec::Naive),
            ModelSpec::ClassicTheta => Some(ModelSpec::Drift),
            ModelSpec::SesEts => Some(ModelSpec::Ses),
            ModelSpec::Theta
            | ModelSpec::Otm
            | ModelSpec::Dstm
            | ModelSpec::Dotm
            | ModelSpec::ThetaSa
            | ModelSpec::DstmSa
            | ModelSpec::OtmSa
            | ModelSpec::AutoTheta
            | ModelSpec::Ces => Some(ModelSpec::Drift),
            ModelSpec::Holt
            | ModelSpec::Damped
            | ModelSpec::AutoEts
            | ModelSpec::AutoEtsA
            | ModelSpec::AutoArima
            | ModelSpec::AutoArimaApprox
            | ModelSpec::AutoArimaCss
            | ModelSpec::AutoArimaSa
            | ModelSpec::Comb => Some(ModelSpec::Theta),
            ModelSpec::Auto => Some(ModelSpec::Theta),
        }
    }

    /// Fits the model and forecasts, without fallback. Seasonal adjustment follows the M4
    /// rule, except inside the automatic method (see [`auto_rule`]).
    pub fn forecast(self, y: &[f64], m: usize, h: usize, levels: &[f64]) -> Result<Forecast, ForecastError> {
        self.forecast_with(y, m, h, levels, SeasonalPolicy::Test)
    }

    /// Like [`ModelSpec::forecast`] with an explicit seasonal-adjustment policy for the models
    /// that adjust before fitting (Naive2, drift, the ETS family, CES, classic Theta).
    pub fn forecast_with(
        self,
        y: &[f64],
        m: usize,
        h: usize,
        levels: &[f64],
        policy: SeasonalPolicy,
    ) -> Result<Forecast, ForecastError> {
        fn run<F: Fit>(f: F, y: &[f64], h: usize, levels: &[f64]) -> Result<Forecast, ForecastError> {
            Ok(f.fit(y)?.predict(h, levels))
        }
        let fc = match self {
            ModelSpec::Naive => run(Naive, y, h, levels),
            ModelSpec::SeasonalNaive => run(SeasonalNaive { season_length: m }, y, h, levels),
            ModelSpec::Naive2 => run(Naive2 { season_length: m, policy }, y, h, levels),
            ModelSpec::Drift => run(Drift { season_length: m, policy }, y, h, levels),
            ModelSpec::Ses => run(Ses::default(), y, h, levels),
            ModelSpec::SesEts => run(Ets::new(EtsKind::Simple, m).policy(policy), y, h, levels),
            ModelSpec::Holt => run(Ets::new(EtsKind::Holt, m).policy(policy), y, h, levels),
            ModelSpec::Damped => run(Ets::new(EtsKind::Damped, m).policy(policy), y, h, levels),
            ModelSpec::Theta => run(ThetaModel::new(ThetaKind::Stm).season_length(m), y, h, levels),
            ModelSpec::Otm => run(ThetaModel::new(ThetaKind::Otm).season_length(m), y, h, levels),
            ModelSpec::Dstm => run(ThetaModel::new(ThetaKind::Dstm).season_length(m), y, h, levels),
            ModelSpec::Dotm => run(ThetaModel::new(ThetaKind::Dotm).season_length(m), y, h, levels),
            ModelSpec::ThetaSa | ModelSpec::DstmSa | ModelSpec::OtmSa => {
                let kind = match self {
                    ModelSpec::ThetaSa => ThetaKind::Stm,
                    ModelSpec::DstmSa => ThetaKind::Dstm,
                    _ => ThetaKind::Otm,
                };
                run(Adjusted { model: ThetaModel::new(kind), season_length: m, policy }, y, h, levels)
            }
            ModelSpec::ClassicTheta => run(crate::theta::ClassicTheta { season_length: m }, y, h, levels),
            ModelSpec::AutoTheta => run(AutoTheta { season_length: m }, y, h, levels),
            ModelSpec::AutoEts => run(Ets::new(EtsKind::Auto, m).policy(policy), y, h, levels),
            ModelSpec::AutoEtsA => run(Ets::new(EtsKind::AutoAdditive, m).policy(policy), y, h, levels),
            ModelSpec::Ces => run(crate::ces::Ces { season_length: m, policy }, y, h, levels),
            ModelSpec::AutoArima => run(AutoArima::new(m), y, h, levels),
            ModelSpec::AutoArimaApprox => run(AutoArima::new(m).approximation(true), y, h, levels),
            ModelSpec::AutoArimaCss => run(AutoArima::new(m).method(Method::CssLs), y, h, levels),
            ModelSpec::AutoArimaSa => run(AutoArima::new(m).adjusted(policy).method(Method::CssLs), y, h, levels),
            ModelSpec::Comb => combination(
                &[ModelSpec::SesEts, ModelSpec::Holt, ModelSpec::Damped],
                Combiner::Mean,
                y,
                m,
                h,
                levels,
                policy,
            ),
            ModelSpec::Auto => {
                let (members, how) = auto_rule(m);
                combination(members, how, y, m, h, levels, SeasonalPolicy::Always)
            }
        }?;
        if fc.point.iter().any(|v| !v.is_finite()) {
            return Err(ForecastError::Failed(format!("{}: non-finite forecast", self.name())));
        }
        Ok(fc)
    }
}

/// The automatic method: which models are combined, and how, for season length `m` (the
/// evidence and how it was chosen are in `docs/methods.md` and `benches/README.md`).
///
/// * Without a season (`m = 1`, e.g. annual statistics): the median, step by step, of the
///   random walk (Naive2), the random walk with drift, complex exponential smoothing (CES) and
///   ARIMA (automatic, estimated by conditional least squares); with four members the median is
///   the mean of the middle two, so neither the random walk's flat path nor one member's
///   runaway trend is taken alone. Chosen on the choice data of the selection protocol cut into
///   short windows of 8-20 training values, like kvota's annual series (`docs/methods.md` §3,
///   point 4d, bench `choice -- short`), replacing the median of drift, damped, DOTM and
///   ARIMA-CSS (point 4a, a6af9be) and its trend gate (point 4c, 72b04e9).
/// * With a season (`m > 1`): the mean of three Theta variants (standard, dynamic standard,
///   optimised) fitted to data adjusted by classical decomposition whenever two cycles are
///   available, and two views of ARIMA: seasonal ARIMA terms (R's approximate search) and
///   non-seasonal ARIMA on the adjusted data. Random-walk benchmarks are weak on seasonal data
///   and are left out; the members are close enough that the mean averages their errors. For
///   periods above 4 (months, weeks) the seasonal ARIMA is estimated by conditional least
///   squares (`autoarima-css`): the likelihood with 12-period polynomials costs about a third
///   of a second a series (M3 monthly: 280 series/s instead of 7, sMAPE 14.05 instead of
///   14.01, MASE 0.844 instead of 0.843).
pub fn auto_rule(m: usize) -> (&'static [ModelSpec], Combiner) {
    if m <= 1 {
        (&[ModelSpec::Naive2, ModelSpec::Drift, ModelSpec::Ces, ModelSpec::AutoArimaCss], Combiner::Median)
    } else if m <= 4 {
        (
            &[
                ModelSpec::ThetaSa,
                ModelSpec::DstmSa,
                ModelSpec::OtmSa,
                ModelSpec::AutoArimaApprox,
                ModelSpec::AutoArimaSa,
            ],
            Combiner::Mean,
        )
    } else {
        (
            &[ModelSpec::ThetaSa, ModelSpec::DstmSa, ModelSpec::OtmSa, ModelSpec::AutoArimaCss, ModelSpec::AutoArimaSa],
            Combiner::Mean,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn combination(
    members: &[ModelSpec],
    how: Combiner,
    y: &[f64],
    m: usize,
    h: usize,
    levels: &[f64],
    policy: SeasonalPolicy,
) -> Result<Forecast, ForecastError> {
    let fcs: Vec<Forecast> = members.iter().filter_map(|s| s.forecast_with(y, m, h, levels, policy).ok()).collect();
    if fcs.is_empty() {
        return Err(ForecastError::Failed("no member of the combination could be fitted".into()));
    }
    Ok(combine(&fcs, how))
}

impl fmt::Display for ModelSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ModelSpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        let t = match t.as_str() {
            "ets" => "autoets".to_string(),
            "dot" | "dynamicoptimizedtheta" => "dotm".to_string(),
            "ses-opt" => "ses".to_string(),
            "arima" => "autoarima".to_string(),
            _ => t,
        };
        ModelSpec::ALL.iter().copied().find(|m| m.name() == t).ok_or_else(|| {
            format!(
                "unknown model `{s}`; known models: {}",
                ModelSpec::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(", ")
            )
        })
    }
}

/// The outcome for one series.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesForecast {
    /// The model that produced the forecast (the requested one or a fallback).
    pub model: ModelSpec,
    pub forecast: Forecast,
    /// Why the requested model was not used, if it was not.
    pub fallback_reason: Option<String>,
}

/// Forecasts with `spec`, falling back to simpler models (see [`ModelSpec::fallback`]) when the
/// series is too short or the fit fails. Errors only if even the naive model fails (an empty
/// series or non-finite values).
pub fn forecast_with_fallback(
    spec: ModelSpec,
    y: &[f64],
    m: usize,
    h: usize,
    levels: &[f64],
) -> Result<SeriesForecast, ForecastError> {
    if y.is_empty() {
        return Err(ForecastError::TooShort { model: "naive", need: 1, got: 0 });
    }
    crate::check_finite(y)?;
    let mut current = spec;
    let mut reason: Option<String> = None;
    loop {
        let attempt = if y.len() < current.min_length() {
            Err(ForecastError::TooShort { model: current.name(), need: current.min_length(), got: y.len() })
        } else {
            current.forecast(y, m, h, levels)
        };
        match attempt {
            Ok(forecast) => {
                return Ok(SeriesForecast { model: current, forecast, fallback_reason: reason });
            }
            Err(e) => {
                if reason.is_none() {
                    reason = Some(e.to_string());
                }
                match current.fallback() {
                    Some(next) => current = next,
                    None => return Err(e),
                }
            }
        }
    }
}

/// Forecasts every series in parallel, calling `tick` once per finished series.
pub fn forecast_many(
    series: &[Vec<f64>],
    spec: ModelSpec,
    m: usize,
    h: usize,
    levels: &[f64],
    tick: &(dyn Fn() + Sync),
) -> Vec<Result<SeriesForecast, ForecastError>> {
    series
        .par_iter()
        .map(|y| {
            let r = forecast_with_fallback(spec, y, m, h, levels);
            tick();
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_is_an_error() {
        for m in ModelSpec::ALL {
            assert_eq!(m.name().parse::<ModelSpec>().unwrap(), m);
        }
        let e = "prophet".parse::<ModelSpec>().unwrap_err();
        assert!(e.contains("known models"));
    }

    #[test]
    fn auto_without_a_season_is_the_mean_of_its_middle_two_members() {
        let y = [10.0, 12.0, 9.0, 11.0, 13.0, 10.0, 12.0, 14.0, 11.0, 13.5, 15.0, 12.0];
        let (members, how) = auto_rule(1);
        assert_eq!((members.len(), how), (4, Combiner::Median));
        let auto = ModelSpec::Auto.forecast(&y, 1, 3, &[]).unwrap().point;
        let fcs: Vec<Vec<f64>> = members.iter().map(|s| s.forecast(&y, 1, 3, &[]).unwrap().point).collect();
        for (k, a) in auto.iter().enumerate() {
            let mut v: Vec<f64> = fcs.iter().map(|p| p[k]).collect();
            v.sort_by(f64::total_cmp);
            assert!((a - (v[1] + v[2]) / 2.0).abs() < 1e-9, "step {k}: {a} vs {v:?}");
        }
    }

    #[test]
    fn short_series_fall_back_and_say_why() {
        let r = forecast_with_fallback(ModelSpec::Auto, &[3.0, 4.0, 5.0], 1, 2, &[80.0]).unwrap();
        assert_eq!(r.model, ModelSpec::Drift);
        assert!(r.fallback_reason.unwrap().contains("too short"));
        let r = forecast_with_fallback(ModelSpec::Auto, &[3.0], 1, 2, &[80.0]).unwrap();
        assert_eq!(r.model, ModelSpec::Naive);
        assert!(forecast_with_fallback(ModelSpec::Auto, &[], 1, 2, &[80.0]).is_err());
        assert!(matches!(
            forecast_with_fallback(ModelSpec::Naive, &[1.0, f64::NAN], 1, 2, &[]),
            Err(ForecastError::NonFinite(1))
        ));
    }
}
