//! Speed: 10^7 seats over 10^5 units with every method (issue 5 target: under 1 s).
//!
//!     cargo bench -p kvota-apportion --bench apportion -- [units] [seats]

use std::time::Instant;

use kvota_apportion::{Method, Request, TieRule, apportion};

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let units = *args.first().unwrap_or(&100_000) as usize;
    let seats = *args.get(1).unwrap_or(&10_000_000);
    // Seeded weights spread over four orders of magnitude (1,000 to 10,000,000).
    let mut state = 0x9E3779B97F4A7C15u64;
    let weights: Vec<u128> = (0..units)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            (1000.0 * 10f64.powf(4.0 * u)) as u128
        })
        .collect();
    println!("{units} units, {seats} seats");
    for (name, m) in [
        ("hamilton", Method::Hamilton),
        ("dhondt", Method::Jefferson),
        ("sainte-lague", Method::Webster { first_divisor: None }),
        ("sainte-lague 1.4", Method::Webster { first_divisor: Some((7, 5)) }),
        ("huntington-hill", Method::HuntingtonHill),
        ("adams", Method::Adams),
        ("dean", Method::Dean),
        ("quota", Method::Quota),
    ] {
        let t = Instant::now();
        let o = apportion(&Request::new(&weights, seats, m).ties(TieRule::LargerWeightThenOrder)).expect("apportion");
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(o.seats.iter().sum::<u64>(), seats);
        println!("  {name:<18} {secs:>8.3} s  ({} ties broken)", o.ties.len());
    }
}
