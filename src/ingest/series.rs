//! Long tables of many time series (`series_id, period, value`, CSV or Parquet) and their
//! period labels (`2023`, `2023Q2`, `2023-05`). Whole-file problems (missing columns,
//! non-numeric values, mixed period formats) are errors naming file, row and column.

use std::fmt;
use std::path::Path;

use polars::prelude::*;

use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::TextTable;

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

/// Reads a long table (CSV with any of the dialects [`TextTable`] accepts, or Parquet) with
/// columns `series_id`, `period`, `value`. Empty values and `NA`/`NaN` are missing values.
pub fn read_long(path: &Path) -> Result<LongTable> {
    let is_parquet = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    if is_parquet {
        let bytes = crate::builtin::read(path)?;
        let df = ParquetReader::new(std::io::Cursor::new(bytes))
            .finish()
            .map_err(|e| Error::input(Location::file(path), Msg::new("err-not-parquet").arg("detail", e)))?;
        let col = |name: &str| -> Result<Vec<Option<String>>> {
            let c = df
                .column(name)
                .map_err(|_| Error::input(Location::column(path, name), Msg::new("err-column-missing")))?;
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
        return Err(Error::input(Location::file(path), Msg::new("err-table-no-rows")));
    }
    let empty = |row: usize, col: &str, what: &'static str| {
        Error::input(Location::cell(path, row, col), Msg::new("err-empty-value").arg_msg("what", Msg::new(what)))
    };
    let mut kind: Option<(PeriodKind, usize)> = None;
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(&str, Vec<(Period, f64)>)> = Vec::new();
    for i in 0..ids.len() {
        let row = line(i);
        let id = ids[i].ok_or_else(|| empty(row, "series_id", "what-series-id"))?;
        let label = periods[i].ok_or_else(|| empty(row, "period", "what-period"))?;
        let p = Period::parse(label).ok_or_else(|| {
            Error::input(Location::cell(path, row, "period"), Msg::new("err-period-use").arg("value", label))
        })?;
        match kind {
            None => kind = Some((p.kind, row)),
            Some((k, first)) if k != p.kind => {
                return Err(Error::input(
                    Location::cell(path, row, "period"),
                    Msg::new("err-period-kind").arg("value", label).arg("first", first),
                ));
            }
            _ => {}
        }
        let v = match values[i].map(str::trim) {
            None | Some("") => f64::NAN,
            Some(s) if s.eq_ignore_ascii_case("na") || s.eq_ignore_ascii_case("nan") => f64::NAN,
            Some(s) => match s.parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => {
                    return Err(Error::input(
                        Location::cell(path, row, "value"),
                        Msg::new("err-not-number").arg("value", s),
                    ));
                }
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
