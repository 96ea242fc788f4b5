//! Small statistical helpers.

/// Inverse of the standard normal CDF (Acklam's rational approximation refined by one
/// Halley step; absolute error below 1e-12 on (0, 1)).
pub fn normal_quantile(p: f64) -> f64 {
    assert!(p > 0.0 && p < 1.0, "probability must be in (0, 1)");
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383_577_518_672_69e2,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    let plow = 0.02425;
    let x = if p < plow {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - plow {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    // One Halley refinement with libm's erfc (musl port, accurate to an ulp or two).
    let e = 0.5 * libm::erfc(-x / std::f64::consts::SQRT_2) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// Sample autocorrelations at lags 1..=nlags (biased estimator: both sums over n, as in R's
/// `acf` and statsmodels' `acf(adjusted=False)`).
pub fn acf(y: &[f64], nlags: usize) -> Vec<f64> {
    let n = y.len();
    let mean = y.iter().sum::<f64>() / n as f64;
    let d: Vec<f64> = y.iter().map(|v| v - mean).collect();
    let denom: f64 = d.iter().map(|v| v * v).sum();
    (1..=nlags)
        .map(|k| {
            if k >= n || denom == 0.0 {
                0.0
            } else {
                d[..n - k].iter().zip(&d[k..]).map(|(a, b)| a * b).sum::<f64>() / denom
            }
        })
        .collect()
}

/// Linear-interpolated quantile of sorted data (numpy's default, type 7).
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let pos = q * (n - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Median of unsorted values (NaN if empty).
pub fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    quantile_sorted(&s, 0.5)
}

/// Ordinary least-squares intercept and slope of `y` on `0, 1, ..., n-1`.
pub fn linear_trend(y: &[f64]) -> (f64, f64) {
    let n = y.len() as f64;
    let tbar = (n - 1.0) / 2.0;
    let ybar = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (t, v) in y.iter().enumerate() {
        let dt = t as f64 - tbar;
        sxy += dt * (v - ybar);
        sxx += dt * dt;
    }
    let b = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    (ybar - b * tbar, b)
}

/// The t-statistic of the mean first difference, `|mean(d)| / (sd(d) / sqrt(n - 1))` with `d`
/// the `n - 1` first differences and `sd` their sample standard deviation: how clearly a series
/// without a season drifts (the feature of point 4c of the selection protocol, docs/methods.md
/// §3). `None` for fewer than 4 values; 0 when every difference is 0, infinite when they are all
/// equal and not 0.
pub fn drift_t(y: &[f64]) -> Option<f64> {
    if y.len() < 4 {
        return None;
    }
    let d: Vec<f64> = y.windows(2).map(|w| w[1] - w[0]).collect();
    let k = d.len() as f64;
    let mean = d.iter().sum::<f64>() / k;
    let var = d.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (k - 1.0);
    if mean == 0.0 {
        return Some(0.0);
    }
    if var <= 0.0 {
        return Some(f64::INFINITY);
    }
    Some(mean.abs() / (var.sqrt() / k.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drift_t_is_the_one_sample_t_of_the_differences() {
        // d = 1, 2, 1, 2: mean 1.5, sample sd sqrt(1/3), t = 1.5 / (sqrt(1/3) / 2) = 3 sqrt(3).
        let t = drift_t(&[0.0, 1.0, 3.0, 4.0, 6.0]).unwrap();
        assert!((t - 3.0 * 3f64.sqrt()).abs() < 1e-12, "{t}");
        // A falling series has the same statistic as its mirror image.
        assert_eq!(drift_t(&[6.0, 5.0, 3.0, 2.0, 0.0]), Some(t));
        assert_eq!(drift_t(&[2.0, 2.0, 2.0, 2.0]), Some(0.0));
        assert_eq!(drift_t(&[1.0, 2.0, 3.0, 4.0]), Some(f64::INFINITY));
        assert_eq!(drift_t(&[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn normal_quantiles() {
        assert!((normal_quantile(0.975) - 1.959963984540054).abs() < 1e-12);
        assert!((normal_quantile(0.9) - 1.2815515655446004).abs() < 1e-12);
        assert!((normal_quantile(0.5)).abs() < 1e-15);
        assert!((normal_quantile(0.001) + 3.090232306167813).abs() < 1e-10);
    }

    #[test]
    fn trend() {
        let (a, b) = linear_trend(&[1.0, 3.0, 5.0, 7.0]);
        assert!((a - 1.0).abs() < 1e-12 && (b - 2.0).abs() < 1e-12);
    }
}
