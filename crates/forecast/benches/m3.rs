//! Accuracy and speed on the M3 competition (yearly h = 6, quarterly h = 8), measured as in M4.
//!
//!     cargo bench -p kvota-forecast --bench m3 -- [yearly|quarterly|monthly|other|m4-weekly|m4-hourly] [model ...]
//!
//! Needs `../shared/data-raw/m3` and `m3-statsforecast` (skips with a message otherwise).
//! Prints, per model: sMAPE, MASE, OWA (vs Naive2), MSIS, 80/95 % coverage, series per second
//! on all threads, and the largest relative difference from statsforecast's point forecasts
//! for the models it also has.

use std::path::PathBuf;
use std::time::Instant;

use kvota_forecast::engine::{ModelSpec, forecast_with_fallback};
use kvota_forecast::mcomp;
use kvota_forecast::metrics::{Scores, Summary, coverage, mase, msis, owa, smape};
use rayon::prelude::*;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let root = shared();
    if !root.join("m3").exists() {
        println!("skipped: {} not found (the M3 data live in ../shared/data-raw)", root.join("m3").display());
        return;
    }
    let periods: Vec<&str> = match args.first().map(String::as_str) {
        Some("yearly") => vec!["YEARLY"],
        Some("quarterly") => vec!["QUARTERLY"],
        Some("monthly") => vec!["MONTHLY"],
        Some("other") => vec!["OTHER"],
        Some("m4-weekly") => vec!["M4 Weekly"],
        Some("m4-hourly") => vec!["M4 Hourly"],
        _ => vec!["YEARLY", "QUARTERLY"],
    };
    let model_args: Vec<ModelSpec> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let models: Vec<ModelSpec> = if model_args.is_empty() {
        vec![
            ModelSpec::Naive2,
            ModelSpec::SesEts,
            ModelSpec::Holt,
            ModelSpec::Damped,
            ModelSpec::Comb,
            ModelSpec::Theta,
            ModelSpec::Otm,
            ModelSpec::Dotm,
            ModelSpec::AutoEts,
            ModelSpec::Auto,
        ]
    } else {
        model_args
    };
    for period in periods {
        let m4 = period.strip_prefix("M4 ");
        let series = match m4 {
            Some(freq) => mcomp::m4(&root.join("m4"), freq).expect("M4 data"),
            None => mcomp::m3(&root.join("m3"), period).expect("M3 data"),
        };
        let h = series[0].test.len();
        let m = series[0].m;
        let label = if m4.is_some() { period.to_string() } else { format!("M3 {period}") };
        println!("\n{label}: {} series, h = {h}, m = {m}, {} threads", series.len(), rayon::current_num_threads());

        // The metric implementation against the published figures (submitted forecasts).
        let submitted: &[&str] = if m4.is_some() { &["Naive2"] } else { &["NAIVE2", "THETA"] };
        for &method in submitted {
            let sub = match m4 {
                Some(_) => mcomp::m4_submission(&root.join("m4"), method).expect("submissions"),
                None => mcomp::m3_submission(&root.join("m3"), method).expect("submissions"),
            };
            let scores: Vec<Scores> = series
                .iter()
                .map(|s| {
                    let f = &sub[&s.id][..h];
                    Scores {
                        smape: smape(&s.test, f),
                        mase: mase(&s.train, &s.test, f, m),
                        msis: None,
                        coverage_80: None,
                        coverage_95: None,
                    }
                })
                .collect();
            let sm = Summary::of(&scores);
            println!("  submitted {method:<8} sMAPE {:.3}  MASE {:.3}", sm.smape, sm.mase);
        }

        let naive2 = evaluate(&series, ModelSpec::Naive2, m, h);
        println!(
            "  {:<10} {:>7} {:>7} {:>6} {:>7} {:>6} {:>6} {:>10} {:>9} {:>11}",
            "model", "sMAPE", "MASE", "OWA", "MSIS", "cov80", "cov95", "series/s", "fallbacks", "vs sf (max)"
        );
        for &spec in &models {
            let (summary, fallbacks, rate, fcs) = {
                let e = evaluate(&series, spec, m, h);
                (e.0, e.1, e.2, e.3)
            };
            let reference = match spec {
                ModelSpec::Theta => Some("Theta"),
                ModelSpec::Otm => Some("OptimizedTheta"),
                ModelSpec::Dotm => Some("DynamicOptimizedTheta"),
                ModelSpec::AutoEts => Some("AutoETS"),
                ModelSpec::Holt => Some("Holt"),
                ModelSpec::Naive => Some("Naive"),
                ModelSpec::Drift => Some("RWD"),
                _ => None,
            };
            let diff = reference.filter(|_| period == "YEARLY" || period == "QUARTERLY").and_then(|r| {
                let p = if period == "YEARLY" { "yearly" } else { "quarterly" };
                let refs = mcomp::statsforecast_reference(&root.join("m3-statsforecast"), p, r).ok()?;
                let mut worst = 0.0f64;
                for (s, f) in series.iter().zip(&fcs) {
                    for (a, b) in f.iter().zip(&refs[&s.id]) {
                        worst = worst.max((a - b).abs() / b.abs().max(1e-9));
                    }
                }
                Some(worst)
            });
            println!(
                "  {:<10} {:>7.3} {:>7.3} {:>6.3} {:>7.2} {:>6.1} {:>6.1} {:>10.0} {:>9} {:>11}",
                spec.name(),
                summary.smape,
                summary.mase,
                owa(summary.smape, summary.mase, naive2.0.smape, naive2.0.mase),
                summary.msis,
                100.0 * summary.coverage_80,
                100.0 * summary.coverage_95,
                rate,
                fallbacks,
                diff.map_or("-".to_string(), |d| format!("{d:.1e}"))
            );
        }
    }
}

/// Scores of one model over the data set, fallbacks, series/s, point forecasts.
fn evaluate(series: &[mcomp::Series], spec: ModelSpec, m: usize, h: usize) -> (Summary, usize, f64, Vec<Vec<f64>>) {
    let t = Instant::now();
    let mut out: Vec<_> = series
        .par_iter()
        .map(|s| forecast_with_fallback(spec, &s.train, m, h, &[80.0, 95.0]).expect("forecast"))
        .collect();
    let secs = t.elapsed().as_secs_f64();
    if std::env::var_os("CALIBRATE").is_some() {
        let refs: Vec<&[f64]> = series.iter().map(|s| s.train.as_slice()).collect();
        // The library's settings (`Settings::short_panels`, as `kvota forecast` calibrates);
        // CAL_WINDOWS, CAL_STRIDE and CAL_MIN_TRAIN override them.
        let env = |k: &str| std::env::var(k).ok().and_then(|w| w.parse::<usize>().ok());
        let base = kvota_forecast::calibrate::Settings::short_panels();
        let settings = kvota_forecast::calibrate::Settings {
            windows: env("CAL_WINDOWS").or(base.windows),
            stride: env("CAL_STRIDE").or(base.stride),
            min_train: env("CAL_MIN_TRAIN").or(base.min_train),
            ..base
        };
        if let Some(cal) = kvota_forecast::calibrate::calibrate_with(&refs, spec, m, h, &[80.0, 95.0], settings) {
            for (r, s) in out.iter_mut().zip(series.iter()) {
                cal.apply(&mut r.forecast, &s.train);
            }
            if std::env::var_os("DIAG").is_some() {
                for (l, level) in cal.levels.iter().enumerate() {
                    let fmt = |v: &[f64]| v.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(" ");
                    println!("  factors {level}: lower {} | upper {}", fmt(&cal.lower[l]), fmt(&cal.upper[l]));
                    let (mut below, mut above) = (vec![0usize; h], vec![0usize; h]);
                    for (s, r) in series.iter().zip(&out) {
                        let iv = r.forecast.interval(*level).unwrap();
                        for k in 0..h {
                            below[k] += usize::from(s.test[k] < iv.lower[k]);
                            above[k] += usize::from(s.test[k] > iv.upper[k]);
                        }
                    }
                    let pct = |v: &[usize]| {
                        v.iter()
                            .map(|c| format!("{:.1}", 100.0 * *c as f64 / series.len() as f64))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    println!("  test misses {level}: below {} | above {}", pct(&below), pct(&above));
                }
            }
        }
    }
    let fallbacks = out.iter().filter(|r| r.fallback_reason.is_some()).count();
    let scores: Vec<Scores> = series
        .iter()
        .zip(&out)
        .map(|(s, r)| {
            let f = &r.forecast;
            let (i80, i95) = (f.interval(80.0).unwrap(), f.interval(95.0).unwrap());
            Scores {
                smape: smape(&s.test, &f.point),
                mase: mase(&s.train, &s.test, &f.point, m),
                msis: Some(msis(&s.train, &s.test, &i95.lower, &i95.upper, m, 0.05)),
                coverage_80: Some(coverage(&s.test, &i80.lower, &i80.upper)),
                coverage_95: Some(coverage(&s.test, &i95.lower, &i95.upper)),
            }
        })
        .collect();
    (Summary::of(&scores), fallbacks, series.len() as f64 / secs, out.into_iter().map(|r| r.forecast.point).collect())
}
