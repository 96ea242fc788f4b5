//! Prints kvota's auto.arima search on one M3 series (debugging aid).
use kvota_forecast::arima::{AutoSettings, auto_arima_traced};
use kvota_forecast::mcomp;
fn main() {
    let id = std::env::args().nth(1).expect("series id");
    let period = std::env::args().nth(2).unwrap_or("YEARLY".into());
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data-raw/m3");
    let s = mcomp::m3(&root, &period).unwrap().into_iter().find(|s| s.id == id).unwrap();
    let mut trace = Some(Vec::new());
    let fit = auto_arima_traced(&s.train, s.m, &AutoSettings::default(), &mut trace);
    for (o, c, ic) in trace.unwrap() {
        println!("{o} {} : {ic:.4}", if c { "with constant" } else { "" });
    }
    println!("best: {}", fit.map(|f| f.describe()).unwrap_or_default());
}
