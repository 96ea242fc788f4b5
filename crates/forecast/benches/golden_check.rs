//! Which M3 series differ from statsforecast's reference point forecasts, and by how much.
//!
//!     cargo bench -p kvota-forecast --bench golden_check -- [yearly|quarterly] [model]

use std::path::PathBuf;

use kvota_forecast::engine::ModelSpec;
use kvota_forecast::mcomp;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw");
    if !root.join("m3").exists() {
        println!("skipped: M3 data not found");
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let p = args.first().map(String::as_str).unwrap_or("yearly");
    let sesopt = args.get(1).map(String::as_str) == Some("sesopt");
    let spec: ModelSpec =
        if sesopt { ModelSpec::Ses } else { args.get(1).map(|s| s.parse().unwrap()).unwrap_or(ModelSpec::Theta) };
    let reference = if sesopt {
        "SESOpt"
    } else {
        match spec {
            ModelSpec::Theta => "Theta",
            ModelSpec::Otm => "OptimizedTheta",
            ModelSpec::Dotm => "DynamicOptimizedTheta",
            ModelSpec::AutoEts => "AutoETS",
            _ => panic!("no reference for {spec}"),
        }
    };
    let period = if p == "yearly" { "YEARLY" } else { "QUARTERLY" };
    let series = mcomp::m3(&root.join("m3"), period).unwrap();
    let refs = mcomp::statsforecast_reference(&root.join("m3-statsforecast"), p, reference).unwrap();
    let mut diffs: Vec<(f64, String)> = Vec::new();
    for s in &series {
        let h = s.test.len();
        let f = if sesopt {
            use kvota_forecast::{Fit, Predict};
            kvota_forecast::SesOpt.fit(&s.train).unwrap().predict(h, &[])
        } else {
            spec.forecast(&s.train, s.m, h, &[]).unwrap()
        };
        let worst =
            f.point.iter().zip(&refs[&s.id]).map(|(a, b)| (a - b).abs() / b.abs().max(1e-9)).fold(0.0, f64::max);
        diffs.push((worst, s.id.clone()));
    }
    diffs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let over = |t: f64| diffs.iter().filter(|d| d.0 > t).count();
    println!(
        "{spec} {p}: {} series; above 1e-9: {}, 1e-6: {}, 1e-4: {}",
        diffs.len(),
        over(1e-9),
        over(1e-6),
        over(1e-4)
    );
    for d in diffs.iter().take(8) {
        println!("  {} {:.2e}", d.1, d.0);
    }
}
