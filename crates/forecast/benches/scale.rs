//! Speed and memory on many short yearly series.
//!
//!     cargo bench -p kvota-forecast --bench scale -- [n_series] [model ...]
//!
//! Generates `n_series` (default 100,000) seeded random walks with drift and noise, length
//! 15-40 (the length regime of annual labour statistics), writes them to
//! `target/synthetic_yearly_<n>.csv` for the statsforecast peer
//! (`benches/peers/statsforecast_m3.py --synthetic-file ...`), then forecasts 6 steps with each
//! model on all threads (rayon; 2 on this machine), timing a warm run, and prints series per
//! second and the process's peak resident memory so far.

use std::io::Write;
use std::time::Instant;

use kvota_forecast::engine::{ModelSpec, forecast_many};

/// SplitMix64: small, seeded, reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E3779B97F4A7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
        z ^ (z >> 31)
    }
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        // Box-Muller.
        let (u, v) = (self.uniform().max(1e-300), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

pub fn synthetic(n: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|_| {
            let len = 15 + (rng.next() % 26) as usize;
            let mut level = 100.0 + rng.uniform() * 9900.0;
            let drift = -0.02 + rng.uniform() * 0.06;
            let noise = 0.01 + rng.uniform() * 0.07;
            (0..len)
                .map(|_| {
                    level *= (drift + noise * rng.normal()).exp();
                    level
                })
                .collect()
        })
        .collect()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let models: Vec<ModelSpec> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let models = if models.is_empty() {
        vec![ModelSpec::Theta, ModelSpec::Dotm, ModelSpec::AutoEts, ModelSpec::Auto]
    } else {
        models
    };
    let series = synthetic(n, 42);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../target/synthetic_yearly_{n}.csv"));
    if !path.exists() {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("write synthetic data"));
        writeln!(f, "unique_id,ds,y").unwrap();
        for (i, s) in series.iter().enumerate() {
            for (t, v) in s.iter().enumerate() {
                writeln!(f, "S{i},{},{v}", t + 1).unwrap();
            }
        }
    }
    println!(
        "{n} synthetic yearly series (length 15-40), h = 6, {} threads; data in {}",
        rayon::current_num_threads(),
        path.display()
    );
    let mut sink = 0.0;
    for spec in models {
        // Warm-up on a slice, then the timed run.
        let _ = forecast_many(&series[..1000.min(n)], spec, 1, 6, &[80.0, 95.0], &|| {});
        let t = Instant::now();
        let out = forecast_many(&series, spec, 1, 6, &[80.0, 95.0], &|| {});
        let secs = t.elapsed().as_secs_f64();
        sink += out.iter().filter_map(|r| r.as_ref().ok()).map(|r| r.forecast.point[0]).sum::<f64>();
        println!(
            "  {:<10} {secs:>8.2} s {:>10.0} series/s   peak RSS {:>7.1} MB",
            spec.name(),
            n as f64 / secs,
            peak_rss_mb()
        );
        if std::env::var_os("CALIBRATE").is_some() {
            let refs: Vec<&[f64]> = series.iter().map(|s| s.as_slice()).collect();
            let t = Instant::now();
            let cal = kvota_forecast::calibrate::calibrate(&refs, spec, 1, 6, &[80.0, 95.0]);
            let csecs = t.elapsed().as_secs_f64();
            println!(
                "  {:<10} calibration on {} hold-outs of {} series: {csecs:.2} s more ({:.2} s in all)",
                spec.name(),
                cal.as_ref().map_or(0, |c| c.holdouts),
                cal.as_ref().map_or(0, |c| c.series),
                secs + csecs
            );
        }
    }
    assert!(sink.is_finite());
}
