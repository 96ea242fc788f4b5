//! The searches for the calibration of small panels on the protocol's choice data
//! (docs/methods.md §3). Held-out data are never read here.
//!
//! * point 4b (default): panels of 18 consecutive series of M3 yearly, M3 other and M4 weekly,
//!   cut at 8, 12, 16 and 20 training values where 5 more follow, forecast by `auto` (h = 5);
//!   coverage of the 80 % and 95 % intervals under each candidate for the case where the
//!   default calibration (20 series, fits of `max(10, 2h)` values) cannot be made.
//! * point 4f (`-- 4f`): panels of 20 consecutive series, the same cuts, h = 1 and h = 5; the
//!   whole calibration, five candidates.
//!
//!     cargo bench -p kvota-forecast --bench calib_small [-- 4f]

use std::path::PathBuf;

use kvota_forecast::calibrate::{Calibration, Settings, Standardise, calibrate_with};
use kvota_forecast::engine::ModelSpec;
use kvota_forecast::mcomp;
use rayon::prelude::*;

const CUTS: [usize; 4] = [8, 12, 16, 20];
const FOLLOW: usize = 5;
const LEVELS: [f64; 2] = [80.0, 95.0];

/// How a candidate calibrates one panel's training values at horizon `h`.
type Calibrator = Box<dyn Fn(&[&[f64]], usize) -> Option<Calibration> + Sync>;
/// A candidate: a label and its calibrator.
type Candidate = (&'static str, Calibrator);

fn with(settings: Settings) -> impl Fn(&[&[f64]], usize) -> Option<Calibration> + Sync {
    move |trains, h| calibrate_with(trains, ModelSpec::Auto, 1, h, &LEVELS, settings)
}

fn with_fallback(first: Settings, then: Settings) -> impl Fn(&[&[f64]], usize) -> Option<Calibration> + Sync {
    move |trains, h| {
        calibrate_with(trains, ModelSpec::Auto, 1, h, &LEVELS, first)
            .or_else(|| calibrate_with(trains, ModelSpec::Auto, 1, h, &LEVELS, then))
    }
}

/// The candidates of point 4b: used only when the default cannot calibrate.
fn candidates_4b() -> Vec<Candidate> {
    let d = Settings::default();
    let fallback = |s: Option<Settings>| -> Calibrator {
        match s {
            None => Box::new(with(d)),
            Some(s) => Box::new(with_fallback(d, s)),
        }
    };
    vec![
        ("A models' own intervals", fallback(None)),
        ("B >= 10 series, floor max(10, 2h)", fallback(Some(Settings { min_series: 10, ..d }))),
        ("C >= 10 series, fits down to 6", fallback(Some(Settings { min_series: 10, min_train: Some(6), ..d }))),
        (
            "D >= 5 series, fits down to the model's minimum",
            fallback(Some(Settings { min_series: 5, min_train: Some(1), ..d })),
        ),
    ]
}

/// The candidates of point 4f: the whole calibration.
fn candidates_4f() -> Vec<Candidate> {
    let d = Settings::default();
    let small = Settings::small_panel();
    let scaled = |s: Settings| Settings { standardise: Standardise::NaiveScale, ..s };
    vec![
        ("A default, small-panel fallback (now)", Box::new(with_fallback(d, small))),
        ("B small-panel settings always", Box::new(with(small))),
        ("C small-panel settings, every window", Box::new(with(Settings { windows: None, ..small }))),
        ("C' = C with at most 20 windows (the library's)", Box::new(with(Settings { windows: Some(20), ..small }))),
        ("D as A, errors on the MASE scale", Box::new(with_fallback(scaled(d), scaled(small)))),
        ("E as B, errors on the MASE scale", Box::new(with(scaled(small)))),
    ]
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw");
    if !root.join("m3").exists() || !root.join("m4").exists() {
        println!("skipped: {} or m4 not found (the choice data live in ../shared/data-raw)", root.join("m3").display());
        return;
    }
    let sets = [
        ("M3 yearly", mcomp::m3(&root.join("m3"), "YEARLY").expect("M3")),
        ("M3 other", mcomp::m3(&root.join("m3"), "OTHER").expect("M3")),
        ("M4 weekly", mcomp::m4(&root.join("m4"), "Weekly").expect("M4")),
    ];
    let (panel, horizons, cands, margin_label) = if std::env::args().any(|a| a == "4f") {
        (20, vec![1, 5], candidates_4f(), "4f")
    } else {
        (18, vec![5], candidates_4b(), "4b")
    };
    // dev[c]: the deviations |coverage - nominal| of candidate c, one per set, horizon and level
    let mut dev: Vec<Vec<f64>> = vec![Vec::new(); cands.len()];
    println!("point {margin_label}: coverage (80 % / 95 %) of auto, panels of {panel} series cut at {CUTS:?}");
    for (name, series) in &sets {
        let full: Vec<Vec<f64>> = series.iter().map(|s| [s.train.as_slice(), s.test.as_slice()].concat()).collect();
        // every (panel, cut) with the members long enough: (series, cut) pairs
        let mut tasks: Vec<Vec<(usize, usize)>> = Vec::new();
        for start in (0..full.len()).step_by(panel) {
            for cut in CUTS {
                let members: Vec<(usize, usize)> = (start..(start + panel).min(full.len()))
                    .filter(|&i| full[i].len() >= cut + FOLLOW)
                    .map(|i| (i, cut))
                    .collect();
                if !members.is_empty() {
                    tasks.push(members);
                }
            }
        }
        for &h in &horizons {
            // per candidate: (inside at 80, inside at 95, values, panels calibrated)
            let results: Vec<Vec<(usize, usize, usize, usize)>> = tasks
                .par_iter()
                .map(|task| {
                    let trains: Vec<&[f64]> = task.iter().map(|&(i, cut)| &full[i][..cut]).collect();
                    let tests: Vec<&[f64]> = task.iter().map(|&(i, cut)| &full[i][cut..cut + h]).collect();
                    let fcs: Vec<kvota_forecast::Forecast> = trains
                        .iter()
                        .map(|y| {
                            kvota_forecast::engine::forecast_with_fallback(ModelSpec::Auto, y, 1, h, &LEVELS)
                                .expect("forecast")
                                .forecast
                        })
                        .collect();
                    cands
                        .iter()
                        .map(|(_, make)| {
                            let cal = make(&trains, h);
                            let (mut in80, mut in95, mut n) = (0, 0, 0);
                            for ((f, y), train) in fcs.iter().zip(&tests).zip(&trains) {
                                let mut f = f.clone();
                                if let Some(c) = &cal {
                                    c.apply(&mut f, train);
                                }
                                let (a, b) = (f.interval(80.0).unwrap(), f.interval(95.0).unwrap());
                                for k in 0..h {
                                    in80 += usize::from(a.lower[k] <= y[k] && y[k] <= a.upper[k]);
                                    in95 += usize::from(b.lower[k] <= y[k] && y[k] <= b.upper[k]);
                                    n += 1;
                                }
                            }
                            (in80, in95, n, usize::from(cal.is_some()))
                        })
                        .collect()
                })
                .collect();
            println!("\n{name}, h = {h}: {} panels x cuts, {} series", tasks.len(), series.len());
            for (c, (label, _)) in cands.iter().enumerate() {
                let (i80, i95, n, cal) = results.iter().fold((0, 0, 0, 0), |acc, r| {
                    let x = r[c];
                    (acc.0 + x.0, acc.1 + x.1, acc.2 + x.2, acc.3 + x.3)
                });
                let (c80, c95) = (100.0 * i80 as f64 / n as f64, 100.0 * i95 as f64 / n as f64);
                dev[c].push((c80 - 80.0).abs());
                dev[c].push((c95 - 95.0).abs());
                println!("  {label:<50} {c80:5.1} / {c95:5.1}   calibrated {cal} of {}", tasks.len());
            }
        }
    }
    println!("\nmean |coverage - nominal| over the sets, horizons and levels:");
    let means: Vec<f64> = dev.iter().map(|d| d.iter().sum::<f64>() / d.len() as f64).collect();
    for ((label, _), m) in cands.iter().zip(&means) {
        println!("  {label:<50} {m:5.2} points");
    }
    let best = (1..cands.len()).min_by(|a, b| means[*a].total_cmp(&means[*b])).unwrap();
    let chosen = if means[best] < means[0] - 0.5 { best } else { 0 };
    println!("chosen: {}", cands[chosen].0);
}
