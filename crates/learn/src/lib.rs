//! kvota's classifier: trained on the history of shortage ratings (linfa: logistic regression and a CART
//! decision tree), used to flag cells whose rating is unstable.
//!
//! What it adds: the rule is a hard cut on a weighted score plus a gap condition; the models
//! learn, from every past year, how the rating depends on the indicators. A cell whose
//! logistic probability is near one half, or where the tree disagrees with the rule, sits on a
//! boundary the history does not settle: a small change in the data would flip it. What it
//! does not add: the labels are the rule's own past ratings, not observed shortages, so the
//! held-out accuracy measures how stable and learnable the rule is over time, not whether it is
//! right (the back-test speaks to that).

use linfa::prelude::*;
use linfa_logistic::{FittedLogisticRegression, LogisticRegression};
use linfa_trees::{DecisionTree, SplitQuality};
use ndarray::{Array1, Array2};

/// Why training failed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LearnError(pub String);

pub type Result<T> = std::result::Result<T, LearnError>;

/// Accuracy, precision, recall and F1 of the shortage class.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Metrics {
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub fn metrics(pred: &[bool], truth: &[bool]) -> Metrics {
    let (mut tp, mut fp, mut fne, mut ok) = (0.0, 0.0, 0.0, 0.0);
    for (p, t) in pred.iter().zip(truth) {
        if p == t {
            ok += 1.0;
        }
        match (p, t) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fne += 1.0,
            _ => {}
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fne > 0.0 { tp / (tp + fne) } else { 0.0 };
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Metrics { accuracy: ok / pred.len().max(1) as f64, precision, recall, f1 }
}

/// One labelled example: the features of a cell in a year, and whether the rule rated it
/// shortage.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub year: i32,
    pub x: Vec<f64>,
    pub shortage: bool,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClassifierReport {
    pub train_years: (i32, i32),
    pub test_years: (i32, i32),
    pub n_train: usize,
    pub n_test: usize,
    /// Share of shortage in the test years.
    pub test_base_rate: f64,
    pub logistic: Metrics,
    pub tree: Metrics,
}

pub struct Fitted {
    logistic: FittedLogisticRegression<f64, bool>,
    tree: DecisionTree<f64, bool>,
}

fn dataset(ex: &[&Example]) -> Result<DatasetBase<Array2<f64>, Array1<bool>>> {
    let n = ex.first().map_or(0, |e| e.x.len());
    if ex.iter().any(|e| e.x.len() != n) {
        return Err(LearnError("examples have different numbers of features".into()));
    }
    let x: Vec<f64> = ex.iter().flat_map(|e| e.x.iter().copied()).collect();
    let records = Array2::from_shape_vec((ex.len(), n), x).map_err(|e| LearnError(e.to_string()))?;
    Ok(DatasetBase::new(records, Array1::from(ex.iter().map(|e| e.shortage).collect::<Vec<_>>())))
}

fn fit(ex: &[&Example]) -> Result<Fitted> {
    let ds = dataset(ex)?;
    let logistic = LogisticRegression::default()
        .alpha(1.0)
        .max_iterations(200)
        .fit(&ds)
        .map_err(|e| LearnError(format!("logistic classifier: {e}")))?;
    let tree = DecisionTree::params()
        .split_quality(SplitQuality::Gini)
        .max_depth(Some(4))
        .min_weight_leaf(20.0)
        .fit(&ds)
        .map_err(|e| LearnError(format!("decision tree: {e}")))?;
    Ok(Fitted { logistic, tree })
}

impl Fitted {
    /// Probability of shortage (logistic) and the tree's class.
    pub fn predict(&self, x: &[f64]) -> (f64, bool) {
        let x = Array2::from_shape_vec((1, x.len()), x.to_vec()).expect("one row");
        let p = self.logistic.predict_probabilities(&x)[0];
        // linfa's probabilities are for its "positive" class, the more frequent label.
        let p = if self.logistic.labels().pos.class { p } else { 1.0 - p };
        let t = self.tree.predict(&x)[0];
        (p, t)
    }
}

/// Trains on the years before the last `test_years` years, reports held-out metrics, then
/// refits on everything for use on the target year. `None` when the history has only one
/// class (nothing to learn).
pub fn train(examples: &[Example], test_years: i32) -> Result<Option<(ClassifierReport, Fitted)>> {
    let (Some(first), Some(last)) = (examples.iter().map(|e| e.year).min(), examples.iter().map(|e| e.year).max())
    else {
        return Ok(None);
    };
    let split = last - test_years + 1;
    let train: Vec<&Example> = examples.iter().filter(|e| e.year < split).collect();
    let test: Vec<&Example> = examples.iter().filter(|e| e.year >= split).collect();
    let two_classes = |v: &[&Example]| v.iter().any(|e| e.shortage) && v.iter().any(|e| !e.shortage);
    if train.is_empty() || test.is_empty() || !two_classes(&train) {
        return Ok(None);
    }
    let m = fit(&train)?;
    let truth: Vec<bool> = test.iter().map(|e| e.shortage).collect();
    let (mut pl, mut pt) = (Vec::new(), Vec::new());
    for e in &test {
        let (p, t) = m.predict(&e.x);
        pl.push(p >= 0.5);
        pt.push(t);
    }
    let report = ClassifierReport {
        train_years: (first, split - 1),
        test_years: (split, last),
        n_train: train.len(),
        n_test: test.len(),
        test_base_rate: truth.iter().filter(|t| **t).count() as f64 / truth.len() as f64,
        logistic: metrics(&pl, &truth),
        tree: metrics(&pt, &truth),
    };
    let all: Vec<&Example> = examples.iter().collect();
    if !two_classes(&all) {
        return Ok(None);
    }
    Ok(Some((report, fit(&all)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_rule_and_reports_held_out_metrics() {
        // Shortage when z[1] + z[0] > 1: learnable by both models.
        let mut ex = Vec::new();
        let mut state = 3u64;
        let mut u = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64 * 4.0 - 2.0
        };
        for year in 2013..=2025 {
            for _ in 0..200 {
                let mut x = vec![0.0; 8];
                x[0] = u();
                x[1] = u();
                let s = x[0] + x[1] > 1.0;
                ex.push(Example { year, x, shortage: s });
            }
        }
        let (report, fitted) = train(&ex, 3).unwrap().unwrap();
        assert_eq!(report.test_years, (2023, 2025));
        assert!(report.logistic.accuracy > 0.9, "{report:?}");
        assert!(report.tree.accuracy > 0.85, "{report:?}");
        let mut x = vec![0.0; 8];
        x[0] = 1.5;
        x[1] = 1.5;
        let (p, t) = fitted.predict(&x);
        assert!(p > 0.8 && t, "{p}");
        assert!(metrics(&[true, false], &[true, true]).recall == 0.5);
    }
}
