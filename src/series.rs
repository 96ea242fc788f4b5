//! Long tables of many time series (`series_id, period, value`): reading, period labels,
//! validation per series, forecasting with the engine, and rolling-origin back-tests.
//!
//! Whole-file problems (missing columns, non-numeric values, mixed period formats) are errors
//! that name file, row and column. Problems of one series (duplicate periods, gaps, missing
//! values, nothing to fit) skip that series with a reason; the caller reports them.

use std::fmt;
use std::path::Path;

use polars::prelude::*;

use crate::error::{Error, Location, Result};
use crate::export::{ColumnData, OutputTable};
use crate::forecast::calibrate::{Calibration, calibrate};
use crate::forecast::engine::{ModelSpec, SeriesForecast, forecast_with_fallback};
use crate::forecast::metrics::{Scores, Summary, coverage, mase, msis, smape};
use crate::table::TextTable;

/// How periods are labelled; fixes the season length and how labels continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    /// Plain integers: years (`2023`) or a running index.
    Integer,
    /// `2023Q2` (also `2023-Q2`, `2023 Q2`).
    Quarter,
    /// `2023-05` (also `2023M05`).
    Month,
}

impl PeriodKind {
    /// Season length implied by the labels (years and indices: 1).
    pub fn season_length(self) -> usize {
        match self {
            PeriodKind::Integer => 1,
            PeriodKind::Quarter => 4,
            PeriodKind::Month => 12,
        }
    }
}

/// A period as an ordinal (consecutive periods differ by 1) with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub kind: PeriodKind,
    pub ordinal: i64,
}

impl Period {
    /// Parses a label; `None` if it is none of the accepted forms.
    pub fn parse(s: &str) -> Option<Period> {
        let t = s.trim();
        if let Ok(v) = t.parse::<i64>() {
            return Some(Period { kind: PeriodKind::Integer, ordinal: v });
        }
        // A float such as "2023.0" written by some tools.
        if let Ok(f) = t.parse::<f64>() {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                return Some(Period { kind: PeriodKind::Integer, ordinal: f as i64 });
            }
            return None;
        }
        let up = t.to_ascii_uppercase().replace([' ', '_'], "-");
        let digits_year = |y: &str| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit());
        if let Some((y, q)) = up.split_once('Q') {
            let y = y.trim_end_matches('-');
            if digits_year(y) {
                let q: i64 = q.parse().ok()?;
                if (1..=4).contains(&q) {
                    return Some(Period { kind: PeriodKind::Quarter, ordinal: y.parse::<i64>().ok()? * 4 + q - 1 });
                }
            }
            return None;
        }
        let (y, m) = up.split_once('-').or_else(|| up.split_once('M'))?;
        if digits_year(y) && m.len() <= 2 {
            let m: i64 = m.parse().ok()?;
            if (1..=12).contains(&m) {
                return Some(Period { kind: PeriodKind::Month, ordinal: y.parse::<i64>().ok()? * 12 + m - 1 });
            }
        }
        None
    }

    /// The period `k` steps later.
    pub fn plus(self, k: i64) -> Period {
        Period { kind: self.kind, ordinal: self.ordinal + k }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Integer => write!(f, "{}", self.ordinal),
            PeriodKind::Quarter => write!(f, "{}Q{}", self.ordinal.div_euclid(4), self.ordinal.rem_euclid(4) + 1),
            PeriodKind::Month => write!(f, "{}-{:02}", self.ordinal.div_euclid(12), self.ordinal.rem_euclid(12) + 1),
        }
    }
}

/// One series of the input, sorted by period.
#[derive(Debug, Clone, PartialEq)]
pub struct InputSeries {
    pub id: String,
    pub periods: Vec<Period>,
    /// NaN marks a missing value.
    pub values: Vec<f64>,
}

/// The validated content of a long table.
#[derive(Debug, Clone)]
pub struct LongTable {
    pub kind: PeriodKind,
    /// Series in first-appearance order.
    pub series: Vec<InputSeries>,
    pub rows: usize,
}

/// A series left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub id: String,
    pub reason: String,
}

/// Reads a long table (CSV with any of the dialects [`TextTable`] accepts, or Parquet) with
/// columns `series_id`, `period`, `value`. Empty values and `NA`/`NaN` are missing values.
pub fn read_long(path: &Path) -> Result<LongTable> {
    let is_parquet = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if is_parquet {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let df = ParquetReader::new(file)
            .finish()
            .map_err(|e| Error::input(Location::file(path), format!("not a readable Parquet file: {e}")))?;
        let col = |name: &str| -> Result<Vec<Option<String>>> {
            let c = df
                .column(name)
                .map_err(|_| Error::input(Location::column(path, name), "required column is missing"))?;
            let s = c.cast(&DataType::String).map_err(|e| Error::polars(path.display().to_string(), e))?;
            Ok(s.str()
                .map_err(|e| Error::polars(path.display().to_string(), e))?
                .iter()
                .map(|v| v.map(str::to_string))
                .collect())
        };
        let (ids, periods, values) = (col("series_id")?, col("period")?, col("value")?);
        fn view(v: &[Option<String>]) -> Vec<Option<&str>> {
            v.iter().map(|x| x.as_deref()).collect()
        }
        group_long(path, &view(&ids), &view(&periods), &view(&values), |i| i + 1)
    } else {
        let t = TextTable::read(path)?;
        t.require(&["series_id", "period", "value"])?;
        group_long(path, &t.text("series_id")?, &t.text("period")?, &t.text("value")?, |i| t.line(i))
    }
}

/// Checks and groups the rows of a long table by series (in order of first appearance), each
/// series sorted by period. `line(i)` is the file line of row `i` for messages.
fn group_long(
    path: &Path,
    ids: &[Option<&str>],
    periods: &[Option<&str>],
    values: &[Option<&str>],
    line: impl Fn(usize) -> usize,
) -> Result<LongTable> {
    if ids.is_empty() {
        return Err(Error::input(Location::file(path), "the table has no rows"));
    }
    let empty = |row: usize, col: &str, what: &str| {
        Error::input(Location::cell(path, row, col), format!("empty value; expected a {what}"))
    };
    let mut kind: Option<(PeriodKind, usize)> = None;
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(&str, Vec<(Period, f64)>)> = Vec::new();
    for i in 0..ids.len() {
        let row = line(i);
        let id = ids[i].ok_or_else(|| empty(row, "series_id", "series id"))?;
        let label = periods[i].ok_or_else(|| empty(row, "period", "period label"))?;
        let p = Period::parse(label).ok_or_else(|| {
            Error::input(
                Location::cell(path, row, "period"),
                format!("`{label}` is not a period (use 2023, 2023Q2 or 2023-05)"),
            )
        })?;
        match kind {
            None => kind = Some((p.kind, row)),
            Some((k, first)) if k != p.kind => {
                return Err(Error::input(
                    Location::cell(path, row, "period"),
                    format!("period `{label}` is written differently from row {first}; one table, one kind of period"),
                ));
            }
            _ => {}
        }
        let v = match values[i].map(str::trim) {
            None | Some("") => f64::NAN,
            Some(s) if s.eq_ignore_ascii_case("na") || s.eq_ignore_ascii_case("nan") => f64::NAN,
            Some(s) => match s.parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => return Err(Error::input(Location::cell(path, row, "value"), format!("`{s}` is not a number"))),
            },
        };
        let g = *index.entry(id).or_insert_with(|| {
            groups.push((id, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push((p, v));
    }
    let series = groups
        .into_iter()
        .map(|(id, mut obs)| {
            obs.sort_by_key(|(p, _)| *p);
            InputSeries {
                id: id.to_string(),
                periods: obs.iter().map(|o| o.0).collect(),
                values: obs.iter().map(|o| o.1).collect(),
            }
        })
        .collect();
    Ok(LongTable { kind: kind.expect("non-empty").0, series, rows: ids.len() })
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
    /// Calibrate intervals on hold-outs across series (when at least 20 series allow it).
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
    use rayon::prelude::*;
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

impl ForecastRun {
    /// The output table: `series_id, period, step, mean, lo_L, hi_L ..., model`.
    pub fn table(&self, levels: &[f64]) -> OutputTable {
        let mut id = Vec::new();
        let mut period = Vec::new();
        let mut step = Vec::new();
        let mut mean = Vec::new();
        let mut bounds: Vec<(Vec<f64>, Vec<f64>)> = levels.iter().map(|_| (Vec::new(), Vec::new())).collect();
        let mut model = Vec::new();
        for (s, r) in &self.results {
            let last = *s.periods.last().expect("non-empty series");
            for k in 0..r.forecast.len() {
                id.push(s.id.clone());
                period.push(last.plus(k as i64 + 1).to_string());
                step.push(k as i64 + 1);
                mean.push(r.forecast.point[k]);
                for (j, l) in levels.iter().enumerate() {
                    let iv = r.forecast.interval(*l).expect("requested level");
                    bounds[j].0.push(iv.lower[k]);
                    bounds[j].1.push(iv.upper[k]);
                }
                model.push(r.model.name().to_string());
            }
        }
        let mut t = OutputTable::new("forecast")
            .col("series_id", ColumnData::Str(id), "series identifier from the input")
            .col("period", ColumnData::Str(period), "forecast period, labelled like the input")
            .col("step", ColumnData::Int(step), "steps ahead of the last observation")
            .col("mean", ColumnData::Float(mean), "point forecast");
        for (j, l) in levels.iter().enumerate() {
            let (lo, hi) = std::mem::take(&mut bounds[j]);
            t = t
                .col(
                    leak(format!("lo_{}", fmt_level(*l))),
                    ColumnData::Float(lo),
                    "lower bound of the prediction interval",
                )
                .col(
                    leak(format!("hi_{}", fmt_level(*l))),
                    ColumnData::Float(hi),
                    "upper bound of the prediction interval",
                );
        }
        t.col("model", ColumnData::Str(model), "model that produced the forecast (the requested one or its fallback)")
    }
}

/// `80` for 80.0, `99.5` for 99.5.
pub fn fmt_level(l: f64) -> String {
    if l.fract() == 0.0 { format!("{}", l as i64) } else { format!("{l}") }
}

/// Column names of output tables are `'static`; the few built at run time are leaked once.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
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
    use rayon::prelude::*;
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
