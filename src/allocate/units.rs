//! `kvota apportion`: apportion seats over the units of a table (`unit,weight`), for any
//! allocation a planner wants to check by hand or reproduce (a parliament, a quota by region).

use crate::allocate::apportion::{self, Method, MinRule, Request, Tie, TieRule};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::units::UnitsTable;

/// Options of one apportionment of a file.
#[derive(Debug, Clone)]
pub struct FileApportionment {
    pub seats: u64,
    pub method: Method,
    /// Minimum seats of every unit.
    pub min: Option<u64>,
    /// How Hamilton meets the minimums (the divisor methods have one way).
    pub min_rule: MinRule,
    pub ties: TieRule,
}

/// The result, in input order.
#[derive(Debug, Clone)]
pub struct Apportioned {
    pub units: Vec<String>,
    pub seats: Vec<u64>,
    pub ties: Vec<Tie>,
}

/// Apportions the seats over the units of `t`.
pub fn apportion_units(t: &UnitsTable, o: &FileApportionment) -> Result<Apportioned> {
    let min: Option<Vec<u64>> = o.min.map(|k| vec![k; t.units.len()]);
    let req = Request::new(&t.weights, o.seats, o.method)
        .bounds(min.as_deref(), t.max.as_deref())
        .min_rule(o.min_rule)
        .ties(o.ties);
    let out = apportion::apportion(&req).map_err(|e| match e {
        apportion::ApportionError::Tie { units: tied, seats, at_house } => Error::Infeasible {
            constraint: "tie".into(),
            message: Msg::new("err-tie")
                .arg("seats", seats)
                .arg("house", at_house)
                .arg("units", tied.iter().map(|&i| format!("`{}`", t.units[i])).collect::<Vec<_>>().join(", ")),
        },
        apportion::ApportionError::Infeasible { constraint, why } => {
            Error::Infeasible { constraint: constraint.into(), message: super::infeasibility(&why) }
        }
        apportion::ApportionError::Invalid(m) => Error::input(Location::file(&t.path), m),
    })?;
    Ok(Apportioned { units: t.units.clone(), seats: out.seats, ties: out.ties })
}
