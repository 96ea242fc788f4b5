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
use crate::error::Result;
use crate::forecast::Forecast;
use crate::forecast::calibrate::{Calibration, calibrate};
use crate::forecast::engine::{ModelSpec, SeriesForecast, forecast_with_fallback};
use crate::forecast::metrics::{Scores, Summary, coverage, mase, msis, smape};
pub use crate::ingest::series::{InputSeries, LongTable, Period, PeriodKind, read_long};
use crate::panel::Panel;
use crate::progress::Progress;

/// Interval levels of every forecast of a run (columns `lo_80` ... `hi_95`).
pub const LEVELS: [f64; 2] = [80.0, 95.0];

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
    index: BTreeMap<(Region, Option<OkedSection>, &'static str), usize>,
}

impl PanelForecasts {
    fn new(horizon: usize, series: Vec<PanelForecast>) -> Self {
        let index = series.iter().enumerate().map(|(i, f)| ((f.region, f.section, f.variable), i)).collect();
        PanelForecasts { horizon, series, index }
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
pub fn forecast_panel(panel: &Panel, spec: ModelSpec, h: usize, progress: &dyn Progress) -> Result<PanelForecasts> {
    let mut jobs: Vec<(Region, Option<OkedSection>, &'static str, Vec<f64>)> = Vec::new();
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
    // Interval calibration per variable, on hold-outs across its series (see
    // kvota_forecast::calibrate): the model-based intervals are too narrow on real data.
    let mut calibrations: BTreeMap<&str, Calibration> = BTreeMap::new();
    let variables: Vec<&'static str> = {
        let mut v: Vec<&'static str> = jobs.iter().map(|j| j.2).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    for var in variables {
        let refs: Vec<&[f64]> = jobs.iter().filter(|j| j.2 == var).map(|j| j.3.as_slice()).collect();
        if let Some(c) = calibrate(&refs, spec, 1, h, &LEVELS) {
            calibrations.insert(var, c);
        }
    }
    progress.start("forecasting", jobs.len() as u64);
    let forecasts: Vec<PanelForecast> = jobs
        .par_iter()
        .map(|(r, s, var, y)| {
            let out = forecast_with_fallback(spec, y, 1, h, &LEVELS)?;
            let mut fc = out.forecast;
            if let Some(c) = calibrations.get(var) {
                c.apply(&mut fc);
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
    Ok(PanelForecasts::new(h, forecasts))
}

/// A series left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub id: String,
    pub reason: String,
}

/// Why a series cannot be forecast as it is, if it cannot.
pub fn series_problem(s: &InputSeries) -> Option<String> {
    for w in s.periods.windows(2) {
        if w[0] == w[1] {
            return Some(format!("duplicate period {}", w[0]));
        }
        if w[1].ordinal != w[0].ordinal + 1 {
            return Some(format!("gap: no value between {} and {}", w[0], w[1]));
        }
    }
    if s.values.iter().all(|v| v.is_nan()) {
        return Some("no numeric values".into());
    }
    if let Some(i) = s.values.iter().position(|v| v.is_nan()) {
        return Some(format!("missing value at {}", s.periods[i]));
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
    /// Calibrate intervals on hold-outs across series (20 series with a hold-out of `max(10, 2h)`
    /// values to fit, or else at least 5: `kvota_forecast::calibrate::calibrate`).
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
                    c.apply(&mut f.forecast);
                }
                results.push((s.clone(), f));
            }
            Err(e) => skipped.push(Skipped { id: s.id.clone(), reason: e.to_string() }),
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
}

/// Rolling-origin back-test: for each usable series and each of the last `origins` origins
/// (`n - h - origins + 1 ..= n - h`), fit on the data up to the origin, forecast `h` steps, and
/// score against what followed (sMAPE, MASE with the seasonal in-sample scale, MSIS and
/// coverage of the 80 % and 95 % intervals).
pub fn backtest(
    table: &LongTable,
    models: &[ModelSpec],
    horizon: usize,
    origins: usize,
    season: Option<usize>,
) -> (Vec<BacktestRow>, Vec<Skipped>) {
    let m = season.unwrap_or(table.kind.season_length());
    let mut skipped = Vec::new();
    let mut usable = Vec::new();
    for s in &table.series {
        match series_problem(s) {
            Some(reason) => skipped.push(Skipped { id: s.id.clone(), reason }),
            None if s.values.len() < horizon + 3 => skipped.push(Skipped {
                id: s.id.clone(),
                reason: format!("{} observations: too short to back-test {horizon} steps", s.values.len()),
            }),
            None => usable.push(s),
        }
    }
    let rows = models
        .iter()
        .map(|&model| {
            let scores: Vec<Scores> = usable
                .par_iter()
                .flat_map_iter(|s| {
                    let n = s.values.len();
                    let first = (n - horizon).saturating_sub(origins - 1).max(3);
                    (first..=n - horizon).filter_map(move |o| {
                        let train = &s.values[..o];
                        let test = &s.values[o..o + horizon];
                        let f = forecast_with_fallback(model, train, m, horizon, &[80.0, 95.0]).ok()?.forecast;
                        let scale_ok = crate::forecast::metrics::mase_scale(train, m) > 0.0;
                        let (i80, i95) = (f.interval(80.0)?, f.interval(95.0)?);
                        Some(Scores {
                            smape: smape(test, &f.point),
                            mase: if scale_ok { mase(train, test, &f.point, m) } else { f64::NAN },
                            msis: scale_ok.then(|| msis(train, test, &i95.lower, &i95.upper, m, 0.05)),
                            coverage_80: Some(coverage(test, &i80.lower, &i80.upper)),
                            coverage_95: Some(coverage(test, &i95.lower, &i95.upper)),
                        })
                    })
                })
                .collect();
            let finite: Vec<Scores> =
                scores.iter().copied().filter(|s| s.mase.is_finite() && s.smape.is_finite()).collect();
            BacktestRow { model, summary: Summary::of(&finite), forecasts: finite.len() }
        })
        .collect();
    (rows, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(series_problem(&s(&[1, 2, 2], &[1.0, 2.0, 3.0])).unwrap(), "duplicate period 2");
        assert_eq!(series_problem(&s(&[1, 3], &[1.0, 2.0])).unwrap(), "gap: no value between 1 and 3");
        assert_eq!(series_problem(&s(&[1, 2], &[f64::NAN, f64::NAN])).unwrap(), "no numeric values");
        assert_eq!(series_problem(&s(&[1, 2], &[1.0, f64::NAN])).unwrap(), "missing value at 2");
        assert!(series_problem(&s(&[1, 2], &[1.0, 2.0])).is_none());
    }
}
