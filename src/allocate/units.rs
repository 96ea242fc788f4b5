//! `kvota apportion`: apportion seats over the units of a CSV file (`unit,weight`), for any
//! allocation a planner wants to check by hand or reproduce (a parliament, a quota by region).

use std::path::Path;

use crate::allocate::apportion::{self, Method, Request, Tie, TieRule, scale_decimals};
use crate::error::{Error, Location, Result};
use crate::export::{ColumnData, OutputTable};
use crate::table::{TextTable, parse_count};

/// Options of one apportionment of a file.
#[derive(Debug, Clone)]
pub struct FileApportionment {
    pub seats: u64,
    pub method: Method,
    /// Minimum seats of every unit.
    pub min: Option<u64>,
    /// Column holding each unit's maximum seats (empty = no maximum).
    pub max_column: Option<String>,
    pub ties: TieRule,
}

/// The result, in input order.
#[derive(Debug, Clone)]
pub struct Apportioned {
    pub units: Vec<String>,
    pub seats: Vec<u64>,
    pub ties: Vec<Tie>,
}

impl Apportioned {
    pub fn table(&self) -> OutputTable {
        OutputTable::new("apportionment").col("unit", ColumnData::Str(self.units.clone()), "unit, as in the input").col(
            "seats",
            ColumnData::Int(self.seats.iter().map(|&s| s as i64).collect()),
            "seats apportioned",
        )
    }
}

/// Reads `unit,weight[,<max column>]` and apportions. Weights are non-negative integers of any
/// size or decimals (scaled to integers exactly, so every comparison is exact).
pub fn apportion_file(path: &Path, o: &FileApportionment) -> Result<Apportioned> {
    let t = TextTable::read(path)?;
    t.require(&["unit", "weight"])?;
    let units: Vec<String> = t.parse("unit", "a unit name", |s| Ok::<_, String>(s.to_string()))?;
    let raw = t.parse("weight", "a non-negative number", |s| Ok::<_, String>(s.to_string()))?;
    let refs: Vec<&str> = raw.iter().map(String::as_str).collect();
    let weights = scale_decimals(&refs).map_err(|(i, m)| Error::input(Location::cell(path, t.line(i), "weight"), m))?;
    if let Some(i) = (1..units.len()).find(|&i| units[..i].contains(&units[i])) {
        return Err(Error::input(Location::cell(path, t.line(i), "unit"), format!("duplicate unit `{}`", units[i])));
    }
    let max: Option<Vec<u64>> = match &o.max_column {
        None => None,
        Some(c) => {
            t.require(&[c.as_str()])?;
            let v = t.text(c)?;
            let mut out = Vec::with_capacity(v.len());
            for (i, s) in v.into_iter().enumerate() {
                out.push(match s {
                    None => u64::MAX,
                    Some(s) => {
                        parse_count(s).map_err(|m| Error::input(Location::cell(path, t.line(i), c.as_str()), m))? as u64
                    }
                });
            }
            Some(out)
        }
    };
    let min: Option<Vec<u64>> = o.min.map(|k| vec![k; units.len()]);
    let req = Request::new(&weights, o.seats, o.method).bounds(min.as_deref(), max.as_deref()).ties(o.ties);
    let out = apportion::apportion(&req).map_err(|e| match e {
        apportion::ApportionError::Tie { units: tied, seats, at_house } => Error::Infeasible {
            constraint: "tie".into(),
            message: format!(
                "{seats} seat(s) at house size {at_house} are tied between {}; a human must decide (or pass \
                 --break-ties to give them to the larger weight, then the earlier unit)",
                tied.iter().map(|&i| format!("`{}`", units[i])).collect::<Vec<_>>().join(", ")
            ),
        },
        apportion::ApportionError::Infeasible { constraint, message } => {
            Error::Infeasible { constraint: constraint.into(), message }
        }
        apportion::ApportionError::Invalid(m) => Error::input(Location::file(path), m),
    })?;
    Ok(Apportioned { units, seats: out.seats, ties: out.ties })
}
