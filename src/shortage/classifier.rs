//! The classifier trained on the history of ratings (crate `kvota-learn`: linfa logistic
//! regression and a CART decision tree), used to flag cells whose rating is unstable. See the
//! crate for what it adds and what it does not.

pub use kvota_learn::{ClassifierReport, Fitted, Metrics, metrics};

use super::indicators::Values;
use crate::error::Result;

/// One labelled example: normalised indicators of a cell in a year (missing = 0, the median),
/// and whether the rule rated it shortage.
pub fn example(year: i32, z: &Values, shortage: bool) -> kvota_learn::Example {
    kvota_learn::Example { year, x: features(z), shortage }
}

pub fn features(z: &Values) -> Vec<f64> {
    z.iter().map(|v| v.unwrap_or(0.0)).collect()
}

/// Trains on all but the last `test_years` years, reports held-out metrics, refits on all.
pub fn train(examples: &[kvota_learn::Example], test_years: i32) -> Result<Option<(ClassifierReport, Fitted)>> {
    Ok(kvota_learn::train(examples, test_years)?)
}
