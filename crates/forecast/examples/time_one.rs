//! Times the automatic ARIMA on the first N M3 series of a period (diagnostic).
use kvota_forecast::{Fit, arima::AutoArima, mcomp};
fn main() {
    let period = std::env::args().nth(1).unwrap_or("MONTHLY".into());
    let n: usize = std::env::args().nth(2).and_then(|v| v.parse().ok()).unwrap_or(10);
    let approx = std::env::args().nth(3).is_some();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw/m3");
    let s = mcomp::m3(&root, &period).unwrap();
    for x in s.iter().take(n) {
        let t = std::time::Instant::now();
        let f = AutoArima::new(x.m).approximation(approx).fit(&x.train).unwrap();
        println!("{} n={} {:.3} s {}", x.id, x.train.len(), t.elapsed().as_secs_f64(), f.fit.describe());
    }
}
