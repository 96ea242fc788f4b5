//! Forecast combinations: the mean or median of member forecasts, point by point and bound by
//! bound.

use crate::stats::median;
use crate::{Forecast, Interval};

/// How member forecasts are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combiner {
    Mean,
    Median,
}

/// Combines forecasts of equal horizon and levels. Non-finite members are ignored point by
/// point; a point with no finite member is NaN.
pub fn combine(members: &[Forecast], how: Combiner) -> Forecast {
    let h = members.iter().map(Forecast::len).max().unwrap_or(0);
    let agg = |vals: &mut Vec<f64>| -> f64 {
        vals.retain(|v| v.is_finite());
        if vals.is_empty() {
            return f64::NAN;
        }
        match how {
            Combiner::Mean => vals.iter().sum::<f64>() / vals.len() as f64,
            Combiner::Median => median(vals),
        }
    };
    let mut buf = Vec::with_capacity(members.len());
    let mut point = Vec::with_capacity(h);
    for k in 0..h {
        buf.clear();
        buf.extend(members.iter().filter_map(|m| m.point.get(k).copied()));
        point.push(agg(&mut buf));
    }
    let levels: Vec<f64> = members.first().map(|m| m.intervals.iter().map(|i| i.level).collect()).unwrap_or_default();
    let intervals = levels
        .iter()
        .map(|&level| {
            let mut lower = Vec::with_capacity(h);
            let mut upper = Vec::with_capacity(h);
            for k in 0..h {
                buf.clear();
                buf.extend(members.iter().filter_map(|m| m.interval(level).and_then(|i| i.lower.get(k).copied())));
                lower.push(agg(&mut buf));
                buf.clear();
                buf.extend(members.iter().filter_map(|m| m.interval(level).and_then(|i| i.upper.get(k).copied())));
                upper.push(agg(&mut buf));
            }
            Interval { level, lower, upper }
        })
        .collect();
    Forecast { point, intervals }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_median() {
        let f = |p: f64| Forecast::normal(vec![p, p], &[1.0, 1.0], &[95.0]);
        let m = combine(&[f(1.0), f(2.0), f(9.0)], Combiner::Mean);
        assert_eq!(m.point, vec![4.0, 4.0]);
        let md = combine(&[f(1.0), f(2.0), f(9.0)], Combiner::Median);
        assert_eq!(md.point, vec![2.0, 2.0]);
        assert!((md.intervals[0].lower[0] - (2.0 - 1.959963984540054)).abs() < 1e-9);
    }
}
