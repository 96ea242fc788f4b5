//! Forecasting many series with the engine: the long tables of `kvota forecast` (validation per
//! series, forecasts, rolling-origin back-tests) and every series of the panel for a run
//! ([`forecast_panel`], with intervals calibrated per variable).
//!
//! Whole-file problems (missing columns, non-numeric values, mixed period formats) are errors
//! that name file, row and column. Problems of one series (duplicate periods, gaps, missing
//! values, nothing to fit) skip that series with a reason; the caller reports them.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::codes::{OkedSection, Region};
use crate::error::{Msg, Result};
use crate::forecast::Forecast;
use crate::forecast::calibrate::{Calibration, Holdouts, calibrate, calibrate_cuts};
use crate::forecast::engine::{ModelSpec, SeriesForecast, forecast_with_fallback};
use crate::forecast::metrics::{Scores, Summary, coverage, mase, msis, smape};
pub use crate::ingest::series::{InputSeries, LongTable, Period, PeriodKind, read_long};
use crate::panel::Panel;
use crate::progress::{Progress, Stage};

/// Interval levels of every forecast of a run (columns `lo_80` ... `hi_95`).
pub const LEVELS: [f64; 2] = [80.0, 95.0];

/// A forecasting model by its name (`auto`, `theta`, `ets`, ...), or why it is none, with the
/// names kvota knows.
pub fn parse_model(name: &str) -> std::result::Result<ModelSpec, Msg> {
    name.parse().map_err(|_: String| {
        let known: Vec<&str> = ModelSpec::ALL.iter().map(|m| m.name()).collect();
        Msg::new("arg-model").arg("value", name).arg("models", known.join(", "))
    })
}

/// One forecast series of a run.
#[derive(Debug, Clone)]
pub struct PanelForecast {
    pub region: Region,
    /// `None` for a region-level variable.
    pub section: Option<OkedSection>,
    pub variable: &'static str,
    /// Value in the last observed year.
    pub last: f64,
    /// Model used (the scenario's, or its fallback on a short series).
    pub model: &'static str,
    pub fc: Forecast,
}

/// Every series of the panel, forecast `horizon` years ahead.
#[derive(Debug, Clone)]
pub struct PanelForecasts {
    pub horizon: usize,
    pub series: Vec<PanelForecast>,
    /// The model's back-test against the random walk on each variable's own past (empty when the
    /// scenario asks for none): see [`forecast_panel`].
    pub skill: Vec<VariableSkill>,
    index: BTreeMap<(Region, Option<OkedSection>, &'static str), usize>,
}

impl PanelForecasts {
    fn new(horizon: usize, series: Vec<PanelForecast>) -> Self {
        let index = series.iter().enumerate().map(|(i, f)| ((f.region, f.section, f.variable), i)).collect();
        PanelForecasts { horizon, series, skill: Vec::new(), index }
    }

    /// The forecast of `variable` in a region (`section = None`) or cell.
    pub fn get(&self, region: Region, section: Option<OkedSection>, variable: &str) -> &PanelForecast {
        &self.series[self.index[&(region, section, leak_name(variable))]]
    }

    /// The point forecast `k` steps ahead (`k` = 1 ..= horizon).
    pub fn mean(&self, region: Region, section: Option<OkedSection>, variable: &str, k: usize) -> f64 {
        self.get(region, section, variable).fc.point[k - 1]
    }
}

/// The `'static` name of a panel variable (the keys of [`PanelForecasts`]).
fn leak_name(v: &str) -> &'static str {
    PANEL_VARIABLES.iter().find(|x| **x == v).copied().expect("a panel variable")
}

/// The variables forecast per region (the first two) and per cell.
pub const PANEL_VARIABLES: [&str; 6] =
    ["labour_force", "unemployed", "employed", "vacancies", "retirements", "new_entrants"];

/// Forecasts every series of the panel `h` years ahead with calibrated intervals.
/// Every series of the panel that a run forecasts: (region, section, variable, values by year).
type Job = (Region, Option<OkedSection>, &'static str, Vec<f64>);

fn panel_jobs(panel: &Panel) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    for r in Region::all() {
        jobs.push((r, None, "labour_force", panel.region_series(r, |x| x.labour_force)));
        jobs.push((r, None, "unemployed", panel.region_series(r, |x| x.unemployed)));
        for &s in &panel.sections {
            jobs.push((r, Some(s), "employed", panel.cell_series(r, s, |c| c.employed)));
            jobs.push((r, Some(s), "vacancies", panel.cell_series(r, s, |c| c.vacancies)));
            jobs.push((r, Some(s), "retirements", panel.cell_series(r, s, |c| c.retirements)));
            jobs.push((r, Some(s), "new_entrants", panel.cell_series(r, s, |c| c.new_entrants)));
        }
    }
    jobs
}

/// How a run's model fared on one panel variable's own past, beside the random walk.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct VariableSkill {
    pub variable: &'static str,
    pub horizon: usize,
    /// The latest origins asked for (fewer where the series are short).
    pub origins: usize,
    /// The years the scored forecasts were for: the first and the last.
    pub test_years: (i32, i32),
    pub model: &'static str,
    /// What the back-test measured (written beside the fields above).
    #[serde(flatten)]
    pub measured: Skill,
}

/// What [`skill`] measured.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Skill {
    /// Series with at least one scored forecast, and forecasts scored (series x origins).
    pub series: usize,
    pub forecasts: usize,
    /// Mean MASE of the model and of the random walk on the same forecasts.
    pub mase: f64,
    pub naive_mase: f64,
    /// Share of the actual values inside the 80 % and 95 % intervals, calibrated at each origin
    /// as the run calibrates them.
    pub coverage_80: f64,
    pub coverage_95: f64,
    /// Origins at which the intervals could be calibrated across the series (at the others the
    /// model's own intervals were scored, as the run would have given them).
    pub calibrated_origins: usize,
    /// The correlation of two series' errors at the same origin ([`intraclass_correlation`] of
    /// the last step's errors over the implied standard deviation, grouped by origin).
    pub error_correlation: f64,
}

/// The rolling origins of a back-test over `series` (season `m`): at the `j`-th origin from
/// every series' end (`j = 0 .. origins`; training values up to `n - h - j`, at least 3), each
/// series is fit on its training values and forecast `h` steps with the 80 % and 95 %
/// intervals, calibrated by `cals[j]` where it is given: the calibration across the series'
/// training values at that origin ([`origin_calibrations`]), as a forecast made then would have
/// been. A forecast the calibration already made as one of its hold-outs (`fitted`, the same
/// fit of the same values) is taken from there. `score` sees the series' index, its training and
/// test values and the forecast (after the origin `j`). Returns the scores and the number of origins at which a
/// calibration was applied.
fn rolling<T: Send>(
    series: &[&[f64]],
    model: ModelSpec,
    m: usize,
    h: usize,
    (cals, fitted): (Vec<Option<Calibration>>, Holdouts),
    score: impl Fn(usize, usize, &[f64], &[f64], &Forecast) -> Option<T> + Sync,
) -> (Vec<T>, usize) {
    let mut scores = Vec::new();
    let mut calibrated = 0;
    for (j, cal) in cals.into_iter().enumerate() {
        let at: Vec<(usize, &[f64], &[f64])> = series
            .iter()
            .enumerate()
            .filter_map(|(i, y)| {
                let o = y.len().checked_sub(h + j).filter(|&o| o >= 3)?;
                Some((i, &y[..o], &y[o..o + h]))
            })
            .collect();
        if at.is_empty() {
            break;
        }
        calibrated += usize::from(cal.is_some());
        scores.par_extend(at.par_iter().filter_map(|&(i, train, test)| {
            let mut f = match fitted.get(&(i, train.len() + h)) {
                Some(f) => f.clone(),
                None => forecast_with_fallback(model, train, m, h, &LEVELS).ok()?.forecast,
            };
            if let Some(c) = &cal {
                c.apply(&mut f, train);
            }
            score(j, i, train, test, &f)
        }));
    }
    (scores, calibrated)
}

/// The calibrations a forecast of `series` `h` steps ahead would have had at each of the latest
/// `origins` origins of [`rolling`] (the series without their last `h + j` values), all from one
/// set of hold-out fits ([`calibrate_cuts`]), and those fits; with `now`, first
/// the calibration of a forecast from the whole series.
fn origin_calibrations(
    series: &[&[f64]],
    model: ModelSpec,
    m: usize,
    h: usize,
    origins: usize,
    now: bool,
) -> (Vec<Option<Calibration>>, Holdouts) {
    let cuts: Vec<usize> = now.then_some(0).into_iter().chain((0..origins).map(|j| h + j)).collect();
    calibrate_cuts(series, model, m, h, &LEVELS, &cuts)
}

/// Rolling-origin back-test of `spec` and of the random walk on some annual series of
/// consecutive values, with the intervals calibrated at each origin as a run calibrates them
/// ([`rolling`]): from each of the latest `origins` origins that leave at least 3 values to fit,
/// `h` steps; each forecast scored by MASE (in-sample one-step naive scale; forecasts whose scale
/// is 0 are not scored) and by the share of the actual values inside its 80 % and 95 % intervals.
pub fn skill(series: &[&[f64]], spec: ModelSpec, h: usize, origins: usize) -> Skill {
    skill_with(series, spec, h, origin_calibrations(series, spec, 1, h, origins, false))
}

/// [`skill`] with the calibration of each origin given, and the hold-out fits it was made from.
fn skill_with(series: &[&[f64]], spec: ModelSpec, h: usize, cals: (Vec<Option<Calibration>>, Holdouts)) -> Skill {
    let z80 = crate::forecast::stats::normal_quantile(0.9);
    let (scored, calibrated_origins) = rolling(series, spec, 1, h, cals, |j, i, train, test, f| {
        if crate::forecast::metrics::mase_scale(train, 1) <= 0.0 {
            return None;
        }
        let naive = vec![*train.last().expect("3 values"); h];
        let (a, b) = (mase(train, test, &f.point, 1), mase(train, test, &naive, 1));
        let (i80, i95) = (f.interval(80.0)?, f.interval(95.0)?);
        let cov = (coverage(test, &i80.lower, &i80.upper), coverage(test, &i95.lower, &i95.upper));
        // The error at the last step in units of the standard deviation the 80 % interval implies
        // (as the uncertainty simulation draws it).
        let sd = (i80.upper[h - 1] - i80.lower[h - 1]) / (2.0 * z80);
        let z = if sd > 0.0 { (test[h - 1] - f.point[h - 1]) / sd } else { f64::NAN };
        (a.is_finite() && b.is_finite()).then_some((i, [a, b, cov.0, cov.1], j, z))
    });
    let n = scored.len();
    let mean = |k: usize| if n == 0 { f64::NAN } else { scored.iter().map(|s| s.1[k]).sum::<f64>() / n as f64 };
    let distinct: std::collections::BTreeSet<usize> = scored.iter().map(|s| s.0).collect();
    let mut by_origin: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for s in scored.iter().filter(|s| s.3.is_finite()) {
        by_origin.entry(s.2).or_default().push(s.3);
    }
    Skill {
        series: distinct.len(),
        forecasts: n,
        mase: mean(0),
        naive_mase: mean(1),
        coverage_80: mean(2),
        coverage_95: mean(3),
        calibrated_origins,
        error_correlation: intraclass_correlation(by_origin.values()),
    }
}

/// The intraclass correlation of `groups` by one-way analysis of variance (ANOVA estimator for
/// unequal group sizes): `(MSB - MSW) / (MSB + (n0 - 1) MSW)`, `n0 = (N - sum n_g^2 / N) / (G -
/// 1)`, with groups of fewer than 2 values left out; 0 where the estimate is negative, NaN with
/// fewer than 2 groups or no spread within them. Of the back-test's errors grouped by origin,
/// it is the correlation of two series' errors in the same year.
pub fn intraclass_correlation<'a>(groups: impl Iterator<Item = &'a Vec<f64>>) -> f64 {
    let groups: Vec<&Vec<f64>> = groups.filter(|g| g.len() >= 2).collect();
    let (g, n) = (groups.len(), groups.iter().map(|x| x.len()).sum::<usize>());
    if g < 2 {
        return f64::NAN;
    }
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
    let grand = groups.iter().map(|x| x.iter().sum::<f64>()).sum::<f64>() / n as f64;
    let msb = groups.iter().map(|x| x.len() as f64 * (mean(x) - grand).powi(2)).sum::<f64>() / (g - 1) as f64;
    let msw = groups
        .iter()
        .map(|x| {
            let m = mean(x);
            x.iter().map(|v| (v - m).powi(2)).sum::<f64>()
        })
        .sum::<f64>()
        / (n - g) as f64;
    let n0 = (n as f64 - groups.iter().map(|x| (x.len() * x.len()) as f64).sum::<f64>() / n as f64) / (g - 1) as f64;
    if msw <= 0.0 {
        return f64::NAN;
    }
    ((msb - msw) / (msb + (n0 - 1.0) * msw)).max(0.0)
}

/// Forecasts every series of the panel `h` years ahead with intervals calibrated per variable,
/// and back-tests the model against the random walk on each variable from the latest `origins`
/// origins ([`skill`], in the order of [`PANEL_VARIABLES`]; no back-test when `origins` is 0).
/// The calibration of the forecasts and those of the back-test's origins share one set of
/// hold-out fits per variable.
pub fn forecast_panel(
    panel: &Panel,
    spec: ModelSpec,
    h: usize,
    origins: usize,
    progress: &dyn Progress,
) -> Result<PanelForecasts> {
    let jobs = panel_jobs(panel);
    // Interval calibration per variable, on hold-outs across its series (see
    // kvota_forecast::calibrate): the model-based intervals are too narrow on real data.
    let mut calibrations: BTreeMap<&str, Calibration> = BTreeMap::new();
    let mut at_origins: BTreeMap<&str, (Vec<Option<Calibration>>, Holdouts)> = BTreeMap::new();
    for var in PANEL_VARIABLES {
        let refs: Vec<&[f64]> = jobs.iter().filter(|j| j.2 == var).map(|j| j.3.as_slice()).collect();
        if refs.is_empty() {
            continue;
        }
        let (cals, fitted) = origin_calibrations(&refs, spec, 1, h, origins, true);
        let mut cals = cals.into_iter();
        if let Some(c) = cals.next().flatten() {
            calibrations.insert(var, c);
        }
        at_origins.insert(var, (cals.collect(), fitted));
    }
    progress.start(Stage::Forecasting, jobs.len() as u64);
    let forecasts: Vec<PanelForecast> = jobs
        .par_iter()
        .map(|(r, s, var, y)| {
            let out = forecast_with_fallback(spec, y, 1, h, &LEVELS)?;
            let mut fc = out.forecast;
            if let Some(c) = calibrations.get(var) {
                c.apply(&mut fc, y);
            }
            // Counts cannot go below zero.
            fc.point.iter_mut().for_each(|v| *v = v.max(0.0));
            for iv in &mut fc.intervals {
                iv.lower.iter_mut().for_each(|v| *v = v.max(0.0));
                iv.upper.iter_mut().for_each(|v| *v = v.max(0.0));
            }
            progress.inc(1);
            Ok(PanelForecast {
                region: *r,
                section: *s,
                variable: var,
                last: *y.last().expect("non-empty"),
                model: out.model.name(),
                fc,
            })
        })
        .collect::<Result<_>>()?;
    progress.finish();
    let mut f = PanelForecasts::new(h, forecasts);
    if origins > 0 {
        let last = panel.last_year();
        // Every panel series spans the panel's years; the first origin as in [`skill`].
        let n = jobs.iter().map(|j| j.3.len()).max().unwrap_or(0);
        let first_test = last - n as i32 + 1 + (n + 1).saturating_sub(h + origins).max(3) as i32;
        f.skill = PANEL_VARIABLES
            .iter()
            .filter_map(|&var| {
                let ys: Vec<&[f64]> = jobs.iter().filter(|j| j.2 == var).map(|j| j.3.as_slice()).collect();
                let s = skill_with(&ys, spec, h, at_origins.remove(var)?);
                (s.forecasts > 0).then(|| VariableSkill {
                    variable: var,
                    horizon: h,
                    origins,
                    test_years: (first_test, last),
                    model: spec.name(),
                    measured: s,
                })
            })
            .collect();
    }
    Ok(f)
}

/// A series left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub id: String,
    pub reason: SkipReason,
}

/// Why a series was left out: the file's `reason` column is its English text (`Display`); the
/// command line says it in the user's language (keys `skip-*`).
#[derive(Debug, Clone, PartialEq)]
pub enum SkipReason {
    /// The period appears twice.
    DuplicatePeriod(String),
    /// No row between two consecutive periods.
    Gap { after: String, before: String },
    /// Every value is missing.
    NoValues,
    /// The value of this period is missing.
    MissingValue(String),
    /// Fewer than `horizon + 3` values: nothing to back-test.
    TooShortToBacktest { values: usize, horizon: usize },
    /// The model, and every simpler model it falls back to, could not be fitted.
    Model(crate::forecast::ForecastError),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::DuplicatePeriod(p) => write!(f, "duplicate period {p}"),
            SkipReason::Gap { after, before } => write!(f, "gap: no value between {after} and {before}"),
            SkipReason::NoValues => f.write_str("no numeric values"),
            SkipReason::MissingValue(p) => write!(f, "missing value at {p}"),
            SkipReason::TooShortToBacktest { values, horizon } => {
                write!(f, "{values} observations: too short to back-test {horizon} steps")
            }
            SkipReason::Model(e) => write!(f, "{e}"),
        }
    }
}

/// Why a series cannot be forecast as it is, if it cannot.
pub fn series_problem(s: &InputSeries) -> Option<SkipReason> {
    for w in s.periods.windows(2) {
        if w[0] == w[1] {
            return Some(SkipReason::DuplicatePeriod(w[0].to_string()));
        }
        if w[1].ordinal != w[0].ordinal + 1 {
            return Some(SkipReason::Gap { after: w[0].to_string(), before: w[1].to_string() });
        }
    }
    if s.values.iter().all(|v| v.is_nan()) {
        return Some(SkipReason::NoValues);
    }
    if let Some(i) = s.values.iter().position(|v| v.is_nan()) {
        return Some(SkipReason::MissingValue(s.periods[i].to_string()));
    }
    None
}

/// Options of a forecasting run.
#[derive(Debug, Clone)]
pub struct ForecastOptions {
    pub model: ModelSpec,
    pub horizon: usize,
    /// Season length; `None` = implied by the period labels.
    pub season: Option<usize>,
    pub levels: Vec<f64>,
    /// Calibrate intervals on hold-outs across series (at least 5 series with a hold-out block
    /// that leaves the model's minimum to fit: `kvota_forecast::calibrate::calibrate`).
    pub calibrate: bool,
}

/// Forecasts of every usable series.
#[derive(Debug, Clone)]
pub struct ForecastRun {
    pub kind: PeriodKind,
    pub results: Vec<(InputSeries, SeriesForecast)>,
    pub skipped: Vec<Skipped>,
    pub calibration: Option<Calibration>,
}

/// Forecasts every usable series of `table` in parallel.
pub fn forecast_table(table: &LongTable, opts: &ForecastOptions, tick: &(dyn Fn() + Sync)) -> ForecastRun {
    let m = opts.season.unwrap_or(table.kind.season_length());
    let mut skipped = Vec::new();
    let mut usable: Vec<&InputSeries> = Vec::new();
    for s in &table.series {
        match series_problem(s) {
            Some(reason) => skipped.push(Skipped { id: s.id.clone(), reason }),
            None => usable.push(s),
        }
    }
    let outcomes: Vec<_> = usable
        .par_iter()
        .map(|s| {
            let r = forecast_with_fallback(opts.model, &s.values, m, opts.horizon, &opts.levels);
            tick();
            r
        })
        .collect();
    let calibration = if opts.calibrate && !opts.levels.is_empty() {
        let refs: Vec<&[f64]> = usable.iter().map(|s| s.values.as_slice()).collect();
        calibrate(&refs, opts.model, m, opts.horizon, &opts.levels)
    } else {
        None
    };
    let mut results = Vec::with_capacity(usable.len());
    for (s, r) in usable.into_iter().zip(outcomes) {
        match r {
            Ok(mut f) => {
                if let Some(c) = &calibration {
                    c.apply(&mut f.forecast, &s.values);
                }
                results.push((s.clone(), f));
            }
            Err(e) => skipped.push(Skipped { id: s.id.clone(), reason: SkipReason::Model(e) }),
        }
    }
    ForecastRun { kind: table.kind, results, skipped, calibration }
}

/// Accuracy of one model over rolling origins.
#[derive(Debug, Clone)]
pub struct BacktestRow {
    pub model: ModelSpec,
    pub summary: Summary,
    /// Forecasts scored (series x origins).
    pub forecasts: usize,
    /// Origins (counted back from each series' end) at which the intervals could be calibrated
    /// across the series, of all origins: `(calibrated, origins)`; `(0, origins)` without
    /// calibration.
    pub calibrated: (usize, usize),
}

/// Rolling-origin back-test: for each usable series and each of the last `origins` origins
/// (`n - h - origins + 1 ..= n - h`, leaving at least 3 values), fit on the data up to the
/// origin, forecast `h` steps, and score against what followed (sMAPE, MASE with the seasonal
/// in-sample scale, MSIS and coverage of the 80 % and 95 % intervals). With `calibrate`, the
/// intervals are calibrated as `kvota forecast` calibrates them: at each origin (the `j`-th
/// from every series' end), across the series' training data up to it, so the coverage is
/// that of the intervals `kvota forecast` would have given then.
pub fn backtest(
    table: &LongTable,
    models: &[ModelSpec],
    horizon: usize,
    origins: usize,
    season: Option<usize>,
    calibrate_intervals: bool,
) -> (Vec<BacktestRow>, Vec<Skipped>) {
    let m = season.unwrap_or(table.kind.season_length());
    let mut skipped = Vec::new();
    let mut usable = Vec::new();
    for s in &table.series {
        match series_problem(s) {
            Some(reason) => skipped.push(Skipped { id: s.id.clone(), reason }),
            None if s.values.len() < horizon + 3 => skipped.push(Skipped {
                id: s.id.clone(),
                reason: SkipReason::TooShortToBacktest { values: s.values.len(), horizon },
            }),
            None => usable.push(s),
        }
    }
    let values: Vec<&[f64]> = usable.iter().map(|s| s.values.as_slice()).collect();
    let rows = models
        .iter()
        .map(|&model| {
            let cals = if calibrate_intervals {
                origin_calibrations(&values, model, m, horizon, origins, false)
            } else {
                (vec![None; origins], Holdouts::new())
            };
            let (scores, calibrated) = rolling(&values, model, m, horizon, cals, |_, _, train, test, f| {
                let scale_ok = crate::forecast::metrics::mase_scale(train, m) > 0.0;
                let (i80, i95) = (f.interval(80.0)?, f.interval(95.0)?);
                Some(Scores {
                    smape: smape(test, &f.point),
                    mase: if scale_ok { mase(train, test, &f.point, m) } else { f64::NAN },
                    msis: scale_ok.then(|| msis(train, test, &i95.lower, &i95.upper, m, 0.05)),
                    coverage_80: Some(coverage(test, &i80.lower, &i80.upper)),
                    coverage_95: Some(coverage(test, &i95.lower, &i95.upper)),
                })
            });
            let finite: Vec<Scores> =
                scores.into_iter().filter(|s| s.mase.is_finite() && s.smape.is_finite()).collect();
            BacktestRow {
                model,
                summary: Summary::of(&finite),
                forecasts: finite.len(),
                calibrated: (calibrated, origins),
            }
        })
        .collect();
    (rows, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intraclass_correlation_by_hand_and_of_a_common_shock() {
        // Means 1.5 and 3.5 about 2.5: MSB = 4, MSW = 0.5, n0 = 2; (4 - 0.5) / (4 + 0.5).
        let g = [vec![1.0, 2.0], vec![3.0, 4.0]];
        assert!((intraclass_correlation(g.iter()) - 3.5 / 4.5).abs() < 1e-12);
        // Groups of one are left out; one group is too few; no spread within gives NaN.
        assert!(intraclass_correlation([vec![1.0, 2.0], vec![9.0]].iter()).is_nan());
        assert!(intraclass_correlation([vec![1.0, 1.0], vec![2.0, 2.0]].iter()).is_nan());
        // Identical group means: the estimate is negative and reported as 0.
        assert_eq!(intraclass_correlation([vec![1.0, 3.0], vec![3.0, 1.0]].iter()), 0.0);
        // 400 groups of 20 with a common shock of variance rho and noise of variance 1 - rho.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut normal = move || {
            let mut u = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
            };
            let (a, b) = (u(), u());
            (-2.0 * a.ln()).sqrt() * (2.0 * std::f64::consts::PI * b).cos()
        };
        for rho in [0.0, 0.05, 0.3] {
            let groups: Vec<Vec<f64>> = (0..400)
                .map(|_| {
                    let c = normal() * f64::sqrt(rho);
                    (0..20).map(|_| c + normal() * f64::sqrt(1.0 - rho)).collect()
                })
                .collect();
            let r = intraclass_correlation(groups.iter());
            assert!((r - rho).abs() < 0.03, "rho {rho}: estimated {r}");
        }
    }

    #[test]
    fn skill_scores_the_latest_origins_against_the_random_walk() {
        // A straight line: drift is exact, the random walk is one step behind (scale 1).
        let line: Vec<f64> = (1..=10).map(f64::from).collect();
        let Skill { series, forecasts, mase: m, naive_mase: naive, .. } = skill(&[&line], ModelSpec::Drift, 1, 2);
        assert_eq!((series, forecasts), (1, 2));
        assert!(m.abs() < 1e-9, "drift on a line: {m}");
        assert!((naive - 1.0).abs() < 1e-12, "naive one step behind: {naive}");
        // Two steps ahead from the last two origins leaving 2 values: errors 1 and 2 of scale 1.
        let Skill { forecasts, naive_mase: naive, .. } = skill(&[&line], ModelSpec::Drift, 2, 2);
        assert_eq!(forecasts, 2);
        assert!((naive - 1.5).abs() < 1e-12, "{naive}");
        // Origins stop at 3 values to fit; constant training data (scale 0) and series shorter
        // than h + 3 are not scored.
        let forecasts = skill(&[&line], ModelSpec::Naive, 1, 50).forecasts;
        assert_eq!(forecasts, 7);
        let flat = [5.0; 8];
        let short = [1.0, 2.0, 3.0];
        let Skill { series, forecasts, mase: m, naive_mase: naive, .. } =
            skill(&[&flat, &short], ModelSpec::Naive, 1, 3);
        assert_eq!((series, forecasts), (0, 0));
        assert!(m.is_nan() && naive.is_nan());
    }

    #[test]
    fn skill_scores_the_calibrated_intervals_of_each_origin() {
        // 30 random walks (seeded) of 20 years: the calibrated intervals of the random walk hold
        // roughly their level, and the 95 % one at least as often as the 80 % one.
        let mut state = 7_u64;
        let mut normal = move || {
            let mut u = || {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
            };
            (-2.0 * u().ln()).sqrt() * (std::f64::consts::TAU * u()).cos()
        };
        let walks: Vec<Vec<f64>> = (0..30)
            .map(|_| {
                let mut y = vec![100.0];
                for _ in 1..20 {
                    y.push(y.last().unwrap() + normal());
                }
                y
            })
            .collect();
        let refs: Vec<&[f64]> = walks.iter().map(Vec::as_slice).collect();
        let s = skill(&refs, ModelSpec::Naive, 1, 5);
        assert_eq!((s.series, s.forecasts, s.calibrated_origins), (30, 150, 5));
        assert!((0.65..=0.95).contains(&s.coverage_80), "{s:?}");
        assert!((0.85..=1.0).contains(&s.coverage_95) && s.coverage_95 >= s.coverage_80, "{s:?}");
        // Too few series to calibrate across: the model's own intervals, no calibrated origin.
        assert_eq!(skill(&refs[..3], ModelSpec::Naive, 1, 5).calibrated_origins, 0);
    }

    #[test]
    fn period_labels_round_trip() {
        for s in ["2023", "2023Q2", "2023-05"] {
            assert_eq!(Period::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Period::parse("2023-Q4").unwrap().plus(1).to_string(), "2024Q1");
        assert_eq!(Period::parse("2023M12").unwrap().plus(1).to_string(), "2024-01");
        assert_eq!(Period::parse("2023.0").unwrap().to_string(), "2023");
        assert!(Period::parse("2023Q5").is_none());
        assert!(Period::parse("spring").is_none());
        assert!(Period::parse("2023-13").is_none());
    }

    #[test]
    fn series_problems_are_named() {
        let p = |v: &[i64]| v.iter().map(|o| Period { kind: PeriodKind::Integer, ordinal: *o }).collect::<Vec<_>>();
        let s = |per: &[i64], val: &[f64]| InputSeries { id: "x".into(), periods: p(per), values: val.to_vec() };
        assert_eq!(series_problem(&s(&[1, 2, 2], &[1.0, 2.0, 3.0])).unwrap().to_string(), "duplicate period 2");
        assert_eq!(series_problem(&s(&[1, 3], &[1.0, 2.0])).unwrap().to_string(), "gap: no value between 1 and 3");
        assert_eq!(series_problem(&s(&[1, 2], &[f64::NAN, f64::NAN])).unwrap().to_string(), "no numeric values");
        assert_eq!(series_problem(&s(&[1, 2], &[1.0, f64::NAN])).unwrap().to_string(), "missing value at 2");
        assert!(series_problem(&s(&[1, 2], &[1.0, 2.0])).is_none());
    }
}
