//! Turning shortage gaps into integer quotas: apportionment, the foreign-labour quota and the
//! kandas regional quota.

pub mod editions;
pub mod foreign;

pub mod kandas;
pub mod units;
pub mod vetting;

/// Exact apportionment (the `kvota-apportion` crate): Hamilton, divisor methods, the quota
/// method, bounds, ties, biproportional rounding.
pub use kvota_apportion as apportion;

use crate::error::{Error, Msg, Result};
use apportion::{ApportionError, Method, Outcome, Request, TieRule};

/// Apportions `total` over integer weights with optional per-unit bounds, breaking ties by the
/// stated rule (larger weight, then earlier unit) and reporting them in the outcome. `what`
/// names the allocation in error messages.
pub(crate) fn apportion_counts(
    what: &str,
    total: u64,
    weights: &[u64],
    method: Method,
    max: Option<&[u64]>,
) -> Result<Outcome> {
    let w: Vec<u128> = weights.iter().map(|&x| x as u128).collect();
    apportion::apportion(&Request::new(&w, total, method).bounds(None, max).ties(TieRule::LargerWeightThenOrder))
        .map_err(|e| apportion_error(what, e))
}

pub(crate) fn apportion_error(what: &str, e: ApportionError) -> Error {
    match e {
        ApportionError::Infeasible { constraint, why } => {
            Error::Infeasible { constraint: format!("{what}: {constraint}"), message: infeasibility(&why) }
        }
        other => Error::Apportion { context: what.to_string(), source: other },
    }
}

/// Why an apportionment's bounds and seats cannot all be met, in the reader's language.
pub(crate) fn infeasibility(why: &apportion::Infeasibility) -> Msg {
    use apportion::Infeasibility as I;
    match why {
        I::UnitBounds { unit, min, max } => {
            Msg::new("ap-unit-bounds").arg("unit", unit).arg("min", min).arg("max", max)
        }
        I::MinimumsAboveSeats { minimums, seats } => {
            Msg::new("ap-minimums").arg("minimums", minimums).arg("seats", seats)
        }
        I::MaximumsBelowSeats { maximums, seats } => {
            Msg::new("ap-maximums").arg("maximums", maximums).arg("seats", seats)
        }
        I::SeatEach { method, units, seats } => {
            Msg::new("ap-seat-each").arg("method", method).arg("units", units).arg("seats", seats)
        }
        I::UpperQuota { house } => Msg::new("ap-upper-quota").arg("house", house),
        I::NoWeight => Msg::new("ap-no-weight"),
        I::RaiseFromPool { need, pool } => Msg::new("ap-raise-from-pool").arg("need", need).arg("pool", pool),
    }
}

/// Units whose seats a tie decided.
pub(crate) fn tied_units(o: &Outcome) -> Vec<usize> {
    let mut v: Vec<usize> = o.ties.iter().flat_map(|t| t.units.iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}
