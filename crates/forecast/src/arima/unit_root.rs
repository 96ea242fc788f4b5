//! Differencing tests: the KPSS statistic and `ndiffs`, seasonal strength and `nsdiffs` (forecast 8.20).

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

// ---------------------------------------------------------------------------------------
// Order selection

/// The KPSS level-stationarity statistic (Kwiatkowski et al. 1992) with the Bartlett-window
/// long-run variance and `lags` lags.
pub fn kpss_statistic(x: &[f64], lags: usize) -> f64 {
    let n = x.len();
    let nf = n as f64;
    let mean = x.iter().sum::<f64>() / nf;
    let e: Vec<f64> = x.iter().map(|v| v - mean).collect();
    let mut s = 0.0;
    let mut eta = 0.0;
    for v in &e {
        s += v;
        eta += s * s;
    }
    eta /= nf * nf;
    let mut lrv = e.iter().map(|v| v * v).sum::<f64>() / nf;
    for l in 1..=lags.min(n.saturating_sub(1)) {
        let cov: f64 = (l..n).map(|t| e[t] * e[t - l]).sum::<f64>() / nf;
        lrv += 2.0 * (1.0 - l as f64 / (lags as f64 + 1.0)) * cov;
    }
    if lrv <= 0.0 { 0.0 } else { eta / lrv }
}

/// Number of differences by repeated KPSS tests at the 5 % level, at most `max_d` (forecast's
/// `ndiffs`: `urca::ur.kpss(type = "mu", use.lag = trunc(3 sqrt(n) / 13))`, differencing while
/// the statistic exceeds the 5 % critical value 0.463).
pub fn ndiffs(y: &[f64], max_d: usize) -> usize {
    let mut x = y.to_vec();
    let mut d = 0;
    if is_constant(&x) {
        return 0;
    }
    let test = |x: &[f64]| {
        let lags = (3.0 * (x.len() as f64).sqrt() / 13.0).trunc() as usize;
        kpss_statistic(x, lags) > 0.463
    };
    let mut dodiff = test(&x);
    while dodiff && d < max_d {
        d += 1;
        x = x.windows(2).map(|w| w[1] - w[0]).collect();
        if x.len() < 2 || is_constant(&x) {
            return d;
        }
        dodiff = test(&x);
    }
    d
}

/// Seasonal strength of `x` with period `m` from an STL decomposition (forecast's
/// `seas.heuristic` on `mstl`): `max(0, min(1, 1 - var(R) / var(S + R)))`. STL as R's
/// `stl(s.window = 11)`: seasonal degree 0, trend window `nextodd(ceiling(1.5 m / (1 - 1.5 /
/// 11)))`, low-pass window `nextodd(m)`, two inner loops, no robustness iterations, jumps of
/// `ceiling(window / 10)`.
pub fn seasonal_strength(x: &[f64], m: usize) -> Option<f64> {
    let ns = 11usize;
    let next_odd = |v: usize| if v.is_multiple_of(2) { v + 1 } else { v };
    let nt = next_odd((1.5 * m as f64 / (1.0 - 1.5 / ns as f64)).ceil() as usize);
    let nl = next_odd(m);
    let fit = stlrs::params()
        .seasonal_length(ns)
        .trend_length(nt)
        .low_pass_length(nl)
        .seasonal_degree(0)
        .trend_degree(1)
        .low_pass_degree(1)
        .seasonal_jump(ns.div_ceil(10))
        .trend_jump(nt.div_ceil(10))
        .low_pass_jump(nl.div_ceil(10))
        .inner_loops(2)
        .outer_loops(0)
        .robust(false)
        .fit(x, m)
        .ok()?;
    let s = fit.seasonal();
    let rem = fit.remainder();
    let var = |v: &mut dyn Iterator<Item = f64>| {
        let vals: Vec<f64> = v.collect();
        let n = vals.len() as f64;
        let mean = vals.iter().sum::<f64>() / n;
        vals.iter().map(|a| (a - mean).powi(2)).sum::<f64>() / (n - 1.0)
    };
    let vare = var(&mut rem.iter().copied());
    let vsr = var(&mut rem.iter().zip(s).map(|(r, s)| *r + *s));
    Some((1.0 - vare / vsr).clamp(0.0, 1.0))
}

/// Seasonal differences (0 or 1): one if the seasonal strength exceeds 0.64 (forecast's
/// `nsdiffs(test = "seas")`).
pub fn nsdiffs(x: &[f64], m: usize) -> usize {
    if m <= 1 || is_constant(x) || x.len() <= 2 * m {
        return 0;
    }
    usize::from(seasonal_strength(x, m).is_some_and(|s| s > 0.64))
}

pub(crate) fn is_constant(x: &[f64]) -> bool {
    x.iter().all(|v| *v == x[0])
}
