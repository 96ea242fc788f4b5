//! The units table of `kvota apportion`: `unit,weight[,<max column>]`. Weights are
//! non-negative integers of any size or decimals, scaled to integers exactly so that every
//! comparison downstream is exact.

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::{TextTable, parse_count};
use kvota_apportion::scale_decimals;

/// The units of a file, in input order.
#[derive(Debug, Clone)]
pub struct UnitsTable {
    pub path: PathBuf,
    pub units: Vec<String>,
    /// Exact integer weights (decimals scaled by a common power of ten).
    pub weights: Vec<u128>,
    /// Each unit's maximum seats (`u64::MAX` for an empty cell), when a column is named.
    pub max: Option<Vec<u64>>,
}

/// Reads `unit,weight` and, when `max_column` is given, that column of maximum seats.
pub fn read_units(path: &Path, max_column: Option<&str>) -> Result<UnitsTable> {
    let t = TextTable::read(path)?;
    t.require(&["unit", "weight"])?;
    let units: Vec<String> = t.parse("unit", Msg::new("what-unit"), |s| Ok::<_, Msg>(s.to_string()))?;
    let raw = t.parse("weight", Msg::new("what-non-negative"), |s| Ok::<_, Msg>(s.to_string()))?;
    let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
    let weights = scale_decimals(&refs).map_err(|(i, m)| Error::input(Location::cell(path, t.line(i), "weight"), m))?;
    if let Some(i) = (1..units.len()).find(|&i| units[..i].contains(&units[i])) {
        return Err(Error::input(
            Location::cell(path, t.line(i), "unit"),
            Msg::new("err-duplicate-unit").arg("unit", &units[i]),
        ));
    }
    let max = match max_column {
        None => None,
        Some(c) => {
            t.require(&[c])?;
            let v = t.text(c)?;
            let mut out = Vec::with_capacity(v.len());
            for (i, s) in v.into_iter().enumerate() {
                out.push(match s {
                    None => u64::MAX,
                    Some(s) => parse_count(s).map_err(|m| Error::input(Location::cell(path, t.line(i), c), m))? as u64,
                });
            }
            Some(out)
        }
    };
    Ok(UnitsTable { path: path.to_path_buf(), units, weights, max })
}
