//! Exponential smoothing (ETS) through augurs: automatic selection among the non-seasonal
//! ETS models by AICc (a port of statsforecast's AutoETS), and the fixed Holt and damped-trend
//! models of the M4 benchmarks. Seasonal series are adjusted first with the M4 classical
//! multiplicative decomposition (augurs has no seasonal ETS), and seasonality is put back.

use augurs::ets::model::{ErrorComponent, ModelType, OptimizationCriteria, SeasonalComponent, TrendComponent, Unfit};
use augurs::ets::{AutoETS, model::Model};
use augurs::{Fit as _, Predict as _};

use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Interval, Predict, need};

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

pub struct EtsFit {
    kind: EtsKind,
    model: Model,
    seasonal: Option<SeasonalAdjustment>,
}

impl std::fmt::Debug for EtsFit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EtsFit").field("kind", &self.kind).field("model", &self.model.model_type().to_string()).finish()
    }
}

impl EtsFit {
    /// The selected model, e.g. `AAdN`.
    pub fn model_type(&self) -> String {
        let mut s = self.model.model_type().to_string();
        if self.model.damped() {
            s.insert(2, 'd');
        }
        s
    }
}

/// A fixed additive-error model estimated by likelihood. (augurs 0.10.3's MSE criterion
/// indexes an empty vector and panics, so the likelihood criterion, ETS's default, is used.)
fn fixed(trend: TrendComponent, damped: bool) -> Unfit {
    Unfit::new(ModelType { error: ErrorComponent::Additive, trend, season: SeasonalComponent::None })
        .damped(damped)
        .opt_crit(OptimizationCriteria::Likelihood)
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
        let fail = |e: augurs::ets::Error| ForecastError::Failed(format!("{}: {e}", self.kind.name()));
        let model = match self.kind {
            EtsKind::Auto => {
                let auto = AutoETS::non_seasonal();
                let fitted = auto.fit(series).map_err(fail)?;
                fitted.model().clone()
            }
            EtsKind::AutoAdditive => {
                let auto = AutoETS::new(1, "AZN").map_err(fail)?;
                let fitted = auto.fit(series).map_err(fail)?;
                fitted.model().clone()
            }
            EtsKind::Holt => fixed(TrendComponent::Additive, false).fit(series).map_err(fail)?,
            EtsKind::Damped => fixed(TrendComponent::Additive, true).fit(series).map_err(fail)?,
            EtsKind::Simple => fixed(TrendComponent::None, false).fit(series).map_err(fail)?,
        };
        Ok(EtsFit { kind: self.kind, model, seasonal })
    }
}

impl Predict for EtsFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let mut point = Vec::new();
        let mut intervals = Vec::with_capacity(levels.len());
        if levels.is_empty()
            && let Ok(f) = self.model.predict(h, None)
        {
            point = f.point;
        }
        for &level in levels {
            match self.model.predict(h, Some(level / 100.0)) {
                Ok(f) => {
                    if point.is_empty() {
                        point = f.point.clone();
                    }
                    let iv = f.intervals.unwrap_or_else(|| augurs::ForecastIntervals {
                        level: level / 100.0,
                        lower: f.point.clone(),
                        upper: f.point.clone(),
                    });
                    intervals.push(Interval { level, lower: iv.lower, upper: iv.upper });
                }
                Err(_) => {
                    intervals.push(Interval { level, lower: vec![f64::NAN; h], upper: vec![f64::NAN; h] });
                }
            }
        }
        if point.len() != h {
            point = vec![f64::NAN; h];
        }
        let mut fc = Forecast { point, intervals };
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        self.kind.name()
    }
}
