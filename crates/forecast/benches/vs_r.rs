//! kvota's models against R's forecast package on M3, series by series.
//!
//!     Rscript benches/peers/r_forecast_m3.R yearly target/r/m3_yearly_auto.arima.csv auto.arima
//!     cargo bench -p kvota-forecast --bench vs_r -- yearly auto.arima [target/r/m3_yearly_auto.arima.csv]
//!
//! Prints how many series get the same model as R, how many point forecasts agree to 1e-6 and
//! 1e-3 relative, and the accuracy of both on the test split. Skips without the M3 data or the
//! R output.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use kvota_forecast::arima::AutoArima;
use kvota_forecast::metrics::{mase, smape};
use kvota_forecast::{Fit, Predict, mcomp};
use rayon::prelude::*;

struct RRow {
    mean: Vec<f64>,
    hi95: Vec<f64>,
    model: String,
}

fn read_r(path: &std::path::Path) -> std::io::Result<BTreeMap<String, RRow>> {
    let text = std::fs::read_to_string(path)?;
    let mut out: BTreeMap<String, RRow> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let id = f[0].trim_matches('"').to_string();
        let model = f[7..].join(",").trim_matches('"').to_string();
        let e = out.entry(id).or_insert_with(|| RRow { mean: vec![], hi95: vec![], model });
        e.mean.push(f[2].parse().unwrap_or(f64::NAN));
        e.hi95.push(f[6].parse().unwrap_or(f64::NAN));
    }
    Ok(out)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let period = args.first().map(String::as_str).unwrap_or("yearly");
    let method = args.get(1).map(String::as_str).unwrap_or("auto.arima");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw/m3");
    let file = args.get(2).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../target/r/m3_{period}_{method}.csv"))
    });
    if !root.exists() || !file.exists() {
        println!("skipped: needs {} and {} (benches/peers/r_forecast_m3.R)", root.display(), file.display());
        return;
    }
    let series = mcomp::m3(&root, &period.to_uppercase()).expect("M3");
    let r = read_r(&file).expect("R output");
    let t = Instant::now();
    let ours: Vec<(String, Vec<f64>, Vec<f64>)> = series
        .par_iter()
        .map(|s| {
            let h = s.test.len();
            match method {
                "auto.arima" | "auto.arima.approx" => {
                    let mut model = AutoArima::new(s.m);
                    model.settings.approximation = Some(method == "auto.arima.approx");
                    let fit = model.fit(&s.train).expect("fit");
                    let fc = fit.predict(h, &[95.0]);
                    (fit.fit.describe(), fc.point.clone(), fc.intervals[0].upper.clone())
                }
                other => panic!("unknown method {other}"),
            }
        })
        .collect();
    let secs = t.elapsed().as_secs_f64();
    let (mut same_model, mut close6, mut close3, mut hi_close3) = (0, 0, 0, 0);
    let (mut sm_o, mut ms_o, mut sm_r, mut ms_r) = (0.0, 0.0, 0.0, 0.0);
    let mut differing: Vec<String> = Vec::new();
    for (s, (label, point, hi)) in series.iter().zip(&ours) {
        let rr = &r[&s.id];
        let rel =
            |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| (x - y).abs() / y.abs().max(1e-9)).fold(0.0, f64::max);
        let d = rel(point, &rr.mean);
        same_model += usize::from(*label == rr.model);
        close6 += usize::from(d < 1e-6);
        close3 += usize::from(d < 1e-3);
        hi_close3 += usize::from(rel(hi, &rr.hi95) < 1e-3);
        if d >= 1e-3 && differing.len() < 25 {
            differing.push(format!("{} ours {label} R {} ({d:.1e})", s.id, rr.model));
        }
        sm_o += smape(&s.test, point);
        ms_o += mase(&s.train, &s.test, point, s.m);
        sm_r += smape(&s.test, &rr.mean);
        ms_r += mase(&s.train, &s.test, &rr.mean, s.m);
    }
    let n = series.len() as f64;
    println!(
        "M3 {period}, {method}: {} series, kvota {:.2} s on {} threads",
        series.len(),
        secs,
        rayon::current_num_threads()
    );
    println!(
        "  same model as R: {same_model}; point forecasts within 1e-6: {close6}, within 1e-3: {close3}; 95 % upper bound within 1e-3: {hi_close3}"
    );
    println!("  kvota sMAPE {:.3} MASE {:.3} | R sMAPE {:.3} MASE {:.3}", sm_o / n, ms_o / n, sm_r / n, ms_r / n);
    for d in &differing {
        println!("    {d}");
    }
}
