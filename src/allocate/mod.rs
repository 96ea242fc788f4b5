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

use crate::error::{Error, Result};
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
        ApportionError::Infeasible { constraint, message } => {
            Error::Infeasible { constraint: format!("{what}: {constraint}"), message: message.into() }
        }
        other => Error::Apportion { context: what.to_string(), source: other },
    }
}

/// Units whose seats a tie decided.
pub(crate) fn tied_units(o: &Outcome) -> Vec<usize> {
    let mut v: Vec<usize> = o.ties.iter().flat_map(|t| t.units.iter().copied()).collect();
    v.sort_unstable();
    v.dedup();
    v
}
