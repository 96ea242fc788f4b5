//! Exploration: accuracy of combinations of the base models on M3 (point forecasts only).
//!
//!     cargo bench -p kvota-forecast --bench combos -- [yearly|quarterly]
//!
//! Used to choose the members of the automatic method; the choice and its figures are in
//! benches/README.md.

use std::path::PathBuf;

use kvota_forecast::engine::{ModelSpec, forecast_with_fallback};
use kvota_forecast::mcomp;
use kvota_forecast::metrics::{mase, smape};
use kvota_forecast::stats::median;
use rayon::prelude::*;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw/m3");
    if !root.exists() {
        println!("skipped: {} not found", root.display());
        return;
    }
    let period = match std::env::args().nth(1).as_deref() {
        Some("quarterly") => "QUARTERLY",
        _ => "YEARLY",
    };
    let policy = if std::env::var_os("ALWAYS").is_some() {
        kvota_forecast::seasonal::SeasonalPolicy::Always
    } else {
        kvota_forecast::seasonal::SeasonalPolicy::Test
    };
    let mut series = mcomp::m3(&root, period).expect("M3");
    // GROUP=seasonal|plain: only the series that pass (or fail) the M4 seasonality test.
    if let Ok(g) = std::env::var("GROUP") {
        series.retain(|s| kvota_forecast::seasonal::is_seasonal(&s.train, s.m, 3) == (g == "seasonal"));
    }
    let (h, m) = (series[0].test.len(), series[0].m);
    let base = [
        ModelSpec::Naive,
        ModelSpec::Drift,
        ModelSpec::SesEts,
        ModelSpec::Holt,
        ModelSpec::Damped,
        ModelSpec::Theta,
        ModelSpec::Otm,
        ModelSpec::Dstm,
        ModelSpec::Dotm,
        ModelSpec::AutoEts,
        ModelSpec::AutoEtsA,
        ModelSpec::Ces,
        ModelSpec::AutoArima,
        ModelSpec::Naive2,
        ModelSpec::AutoArimaSa,
        ModelSpec::AutoArimaCss,
        ModelSpec::AutoArimaApprox,
    ];
    // Hold-out: the last h points of each training series, fitted on the rest; with
    // WINDOWS=J, J windows of h points ending 0, 1, ..., J-1 points before the end of the
    // training data (rolling origins), pooled.
    let windows: usize = std::env::var("WINDOWS").ok().and_then(|w| w.parse().ok()).unwrap_or(1);
    let holdout: Vec<mcomp::Series> = (0..windows)
        .flat_map(|j| {
            series.iter().filter(move |s| s.train.len() >= h + j + 3).map(move |s| {
                let n = s.train.len() - j;
                mcomp::Series {
                    id: s.id.clone(),
                    period: s.period.clone(),
                    m: s.m,
                    train: s.train[..n - h].to_vec(),
                    test: s.train[n - h..n].to_vec(),
                }
            })
        })
        .collect();
    let extra_names = [
        "drift5",
        "ddrift.8",
        "ddrift.9",
        "linear",
        "theta3",
        "dotm-always",
        "dstm-always",
        "otm-always",
        "dotm-log",
        "drift-log",
        "ets-log",
        "ces-log",
        "theta-log",
        "naive2-always",
        "theta-always",
        "naive2-t2",
    ];
    let extra = |j: usize, y: &[f64]| -> Vec<f64> {
        let n = y.len();
        let last = y[n - 1];
        match j {
            0 => {
                let k = 5.min(n - 1);
                let slope = (y[n - 1] - y[n - 1 - k]) / k as f64;
                (1..=h).map(|i| last + slope * i as f64).collect()
            }
            1 | 2 => {
                let phi = if j == 1 { 0.8 } else { 0.9 };
                let slope = (y[n - 1] - y[0]) / (n - 1) as f64;
                let mut acc = 0.0;
                (1..=h)
                    .map(|i| {
                        acc += phi_pow(phi, i);
                        last + slope * acc
                    })
                    .collect()
            }
            3 => {
                let (a, b) = kvota_forecast::stats::linear_trend(y);
                (0..h).map(|i| a + b * (n + i) as f64).collect()
            }
            4 => {
                use kvota_forecast::{Fit, Predict};
                let t = kvota_forecast::theta::ThetaModel {
                    theta: Some(3.0),
                    ..kvota_forecast::theta::ThetaModel::new(kvota_forecast::theta::ThetaKind::Otm)
                };
                t.fit(y).map(|f| f.predict(h, &[]).point).unwrap_or_else(|_| vec![last; h])
            }
            5..=7 => {
                use kvota_forecast::theta::{ThetaKind, ThetaModel};
                use kvota_forecast::{Fit, Predict};
                let kind = [ThetaKind::Dotm, ThetaKind::Dstm, ThetaKind::Otm][j - 5];
                let adj = kvota_forecast::seasonal::adjustment(y, m, kvota_forecast::seasonal::SeasonalPolicy::Always);
                let ya = adj.as_ref().map(|a| a.adjust(y)).unwrap_or_else(|| y.to_vec());
                let mut fc = ThetaModel::new(kind).fit(&ya).unwrap().predict(h, &[]);
                if let Some(a) = &adj {
                    fc.map_steps(|v, k| a.restore(v, k));
                }
                fc.point
            }
            13..=15 => {
                use kvota_forecast::seasonal::{DecompositionKind, SeasonalAdjustment, is_seasonal, seasonal_indices};
                use kvota_forecast::{Fit, Predict};
                let seasonal = match j {
                    15 => is_seasonal(y, m, 2),
                    _ => true,
                } && m > 1
                    && y.len() >= 2 * m
                    && y.iter().all(|v| *v > 0.0);
                let adj = seasonal.then(|| SeasonalAdjustment {
                    kind: DecompositionKind::Multiplicative,
                    m,
                    indices: seasonal_indices(y, m, DecompositionKind::Multiplicative),
                    n: y.len(),
                });
                let ya = adj.as_ref().map(|a| a.adjust(y)).unwrap_or_else(|| y.to_vec());
                let mut fc = if j == 14 {
                    kvota_forecast::theta::ThetaModel::new(kvota_forecast::theta::ThetaKind::Stm)
                        .fit(&ya)
                        .unwrap()
                        .predict(h, &[])
                } else {
                    kvota_forecast::Naive.fit(&ya).unwrap().predict(h, &[])
                };
                if let Some(a) = &adj {
                    fc.map_steps(|v, k| a.restore(v, k));
                }
                fc.point
            }
            8..=12 => {
                if y.iter().any(|v| *v <= 0.0) {
                    return forecast_with_fallback(ModelSpec::Dotm, y, m, h, &[]).unwrap().forecast.point;
                }
                let ly: Vec<f64> = y.iter().map(|v| v.ln()).collect();
                let spec = match j {
                    8 => ModelSpec::Dotm,
                    9 => ModelSpec::Drift,
                    10 => ModelSpec::AutoEts,
                    11 => ModelSpec::Ces,
                    _ => ModelSpec::Theta,
                };
                forecast_with_fallback(spec, &ly, m, h, &[]).unwrap().forecast.point.iter().map(|v| v.exp()).collect()
            }
            _ => vec![last; h],
        }
    };
    let run = |data: &[mcomp::Series]| -> Vec<Vec<Vec<f64>>> {
        let mut out: Vec<Vec<Vec<f64>>> = base
            .iter()
            .map(|spec| {
                data.par_iter()
                    .map(|s| {
                        spec.forecast_with(&s.train, m, h, &[], policy).map(|f| f.point).unwrap_or_else(|_| {
                            forecast_with_fallback(*spec, &s.train, m, h, &[]).unwrap().forecast.point
                        })
                    })
                    .collect()
            })
            .collect();
        for j in 0..extra_names.len() {
            out.push(data.iter().map(|s| extra(j, &s.train)).collect());
        }
        out
    };
    let mut fcs = run(&series);
    // statsforecast's AutoARIMA reference forecasts (test split only), for exploration.
    let p = if period == "YEARLY" { "yearly" } else { "quarterly" };
    let arima = mcomp::statsforecast_reference(&root.join("../m3-statsforecast"), p, "AutoARIMA").expect("reference");
    fcs.push(series.iter().map(|s| arima[&s.id].clone()).collect());
    let sf_ets = mcomp::statsforecast_reference(&root.join("../m3-statsforecast"), p, "AutoETS").expect("reference");
    fcs.push(series.iter().map(|s| sf_ets[&s.id].clone()).collect());
    let hfcs = run(&holdout);
    let score_on = |data: &[mcomp::Series], pick: &dyn Fn(usize, usize) -> f64| {
        let (mut sm, mut ms) = (0.0, 0.0);
        for (i, s) in data.iter().enumerate() {
            let f: Vec<f64> = (0..h).map(|k| pick(i, k)).collect();
            sm += smape(&s.test, &f);
            ms += mase(&s.train, &s.test, &f, m);
        }
        (sm / data.len() as f64, ms / data.len() as f64)
    };
    let score = |pick: &dyn Fn(usize, usize) -> f64| score_on(&series, pick);
    println!("M3 {period}");
    let mut hfcs = hfcs;
    hfcs.push(hfcs[0].clone()); // no hold-out ARIMA: use naive as a stand-in for hold-out ranking
    hfcs.push(hfcs[0].clone()); // the same for statsforecast's AutoETS
    let names: Vec<&str> =
        base.iter().map(|b| b.name()).chain(extra_names.iter().copied()).chain(["sf-arima", "sf-ets"]).collect();
    for (j, name) in names.iter().enumerate() {
        let (a, b) = score(&|i, k| fcs[j][i][k]);
        let (ha, hb) = score_on(&holdout, &|i, k| hfcs[j][i][k]);
        println!("  {:<40} hold-out {ha:.3} {hb:.3} | test {a:.3} {b:.3}", name);
    }
    let pool: Vec<usize> = std::env::var("POOL")
        .ok()
        .map(|p| p.split(',').map(|x| names.iter().position(|n| *n == x).expect("pool name")).collect())
        .unwrap_or_else(|| (0..names.len()).collect());
    let n = pool.len();
    let mut results = Vec::new();
    for mask in 1u32..(1 << n) {
        let members: Vec<usize> = (0..n).filter(|j| mask & (1 << j) != 0).map(|j| pool[j]).collect();
        if members.len() < 2 || members.len() > 7 {
            continue;
        }
        for (label, how) in [("mean", 0), ("median", 1), ("trim", 2)] {
            if how == 2 && members.len() < 4 {
                continue;
            }
            let comb = |f: &Vec<Vec<Vec<f64>>>, i: usize, k: usize| {
                let mut v: Vec<f64> = members.iter().map(|&j| f[j][i][k]).collect();
                match how {
                    1 => median(&v),
                    2 => {
                        v.sort_by(f64::total_cmp);
                        let inner = &v[1..v.len() - 1];
                        inner.iter().sum::<f64>() / inner.len() as f64
                    }
                    _ => v.iter().sum::<f64>() / v.len() as f64,
                }
            };
            let (ha, hb) = score_on(&holdout, &|i, k| comb(&hfcs, i, k));
            let (a, b) = score(&|i, k| comb(&fcs, i, k));
            let mnames: Vec<&str> = members.iter().map(|&j| names[j]).collect();
            results.push((ha, hb, format!("{label}({})", mnames.join(",")), a, b));
        }
    }
    // Rank by the hold-out only (sMAPE and MASE relative to DOTM's hold-out scores).
    let (dh_s, dh_m) = score_on(&holdout, &|i, k| hfcs[base.iter().position(|b| *b == ModelSpec::Dotm).unwrap()][i][k]);
    println!("  hold-out DOTM {dh_s:.3} {dh_m:.3}");
    results.sort_by(|x, y| (x.0 / dh_s + x.1 / dh_m).total_cmp(&(y.0 / dh_s + y.1 / dh_m)));
    println!("  best by hold-out (hold-out sMAPE MASE | test sMAPE MASE):");
    let shown = if std::env::var_os("SHOWALL").is_some() { results.len() } else { 20 };
    for r in results.iter().take(shown) {
        println!("  {:<66} {:.3} {:.3} | {:.3} {:.3}", r.2, r.0, r.1, r.3, r.4);
    }
    let mut by_test = results.clone();
    by_test.sort_by(|x, y| (x.3 / 15.79 + x.4 / 2.576).total_cmp(&(y.3 / 15.79 + y.4 / 2.576)));
    println!("  best by test (for reference only):");
    for r in by_test.iter().take(10) {
        println!("  {:<66} {:.3} {:.3} | {:.3} {:.3}", r.2, r.0, r.1, r.3, r.4);
    }
    if let Ok(spec) = std::env::var("PERSERIES") {
        // Per-series use of each series' own hold-out errors (training data only).
        let members: Vec<usize> = spec.split(',').map(|x| names.iter().position(|n| *n == x).unwrap()).collect();
        let herr = |j: usize, i: usize| -> f64 {
            let s = &holdout[i];
            mase(&s.train, &s.test, &hfcs[j][i], m) + 0.0 * smape(&s.test, &hfcs[j][i])
        };
        type Strategy<'a> = (&'a str, Box<dyn Fn(usize, usize) -> f64 + 'a>);
        let strategies: Vec<Strategy> = vec![
            (
                "best1",
                Box::new(|i, k| {
                    let b = *members.iter().min_by(|a, b| herr(**a, i).total_cmp(&herr(**b, i))).unwrap();
                    fcs[b][i][k]
                }),
            ),
            (
                "median-best3",
                Box::new(|i, k| {
                    let mut o = members.clone();
                    o.sort_by(|a, b| herr(*a, i).total_cmp(&herr(*b, i)));
                    median(&o.iter().take(3).map(|&j| fcs[j][i][k]).collect::<Vec<_>>())
                }),
            ),
            (
                "mean-best2",
                Box::new(|i, k| {
                    let mut o = members.clone();
                    o.sort_by(|a, b| herr(*a, i).total_cmp(&herr(*b, i)));
                    o.iter().take(2).map(|&j| fcs[j][i][k]).sum::<f64>() / 2.0
                }),
            ),
            (
                "mean-best3",
                Box::new(|i, k| {
                    let mut o = members.clone();
                    o.sort_by(|a, b| herr(*a, i).total_cmp(&herr(*b, i)));
                    o.iter().take(3).map(|&j| fcs[j][i][k]).sum::<f64>() / 3.0
                }),
            ),
            (
                "inv-weight",
                Box::new(|i, k| {
                    let w: Vec<f64> = members.iter().map(|&j| 1.0 / herr(j, i).max(1e-6)).collect();
                    let sw: f64 = w.iter().sum();
                    members.iter().zip(&w).map(|(&j, w)| w * fcs[j][i][k]).sum::<f64>() / sw
                }),
            ),
            (
                "inv2-weight",
                Box::new(|i, k| {
                    let w: Vec<f64> = members.iter().map(|&j| herr(j, i).max(1e-6).powi(-2)).collect();
                    let sw: f64 = w.iter().sum();
                    members.iter().zip(&w).map(|(&j, w)| w * fcs[j][i][k]).sum::<f64>() / sw
                }),
            ),
            ("median-all", Box::new(|i, k| median(&members.iter().map(|&j| fcs[j][i][k]).collect::<Vec<_>>()))),
        ];
        for (name, f) in &strategies {
            let (a, b) = score(&|i, k| f(i, k));
            println!("  per-series {name:<14} test {a:.3} {b:.3}");
        }
        let (ha, hb) = score_on(&holdout, &|i, k| median(&members.iter().map(|&j| hfcs[j][i][k]).collect::<Vec<_>>()));
        println!("  hold-out median-all {ha:.3} {hb:.3}");
    }
    if let Ok(spec) = std::env::var("INSPECT") {
        let members: Vec<usize> = spec.split(',').map(|x| names.iter().position(|n| *n == x).unwrap()).collect();
        let mut per: Vec<(f64, f64, usize)> = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let f: Vec<f64> =
                    (0..h).map(|k| median(&members.iter().map(|&j| fcs[j][i][k]).collect::<Vec<_>>())).collect();
                (mase(&s.train, &s.test, &f, m), smape(&s.test, &f), i)
            })
            .collect();
        per.sort_by(|a, b| b.0.total_cmp(&a.0));
        let total: f64 = per.iter().map(|p| p.0).sum();
        println!("  worst series for median({spec}) (total MASE sum {total:.1}):");
        for p in per.iter().take(12) {
            let s = &series[p.2];
            println!(
                "   {} n={} MASE {:.2} sMAPE {:.1} train tail {:?} test {:?}",
                s.id,
                s.train.len(),
                p.0,
                p.1,
                &s.train[s.train.len().saturating_sub(5)..].iter().map(|v| v.round()).collect::<Vec<_>>(),
                s.test.iter().map(|v| v.round()).collect::<Vec<_>>()
            );
            let f: Vec<f64> = members.iter().map(|&j| fcs[j][p.2][h - 1].round()).collect();
            println!("      member forecasts at h: {f:?}");
        }
    }
    let meets = results.iter().filter(|r| r.3 <= 15.7 && r.4 <= 2.55).count();
    println!("  {} of {} combinations meet 15.7 / 2.55 on test", meets, results.len());
}

fn phi_pow(phi: f64, i: usize) -> f64 {
    phi.powi(i as i32)
}
