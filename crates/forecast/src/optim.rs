//! Minimisers: Brent's method in one dimension and the bounded Nelder-Mead simplex used by
//! statsforecast (a faithful port, so that models fitted with it reproduce statsforecast's
//! results to rounding).

/// Brent's method (golden section with parabolic steps) for a minimum of `f` on `[a, b]`,
/// to absolute tolerance `tol` in the argument. Deterministic.
pub fn brent_min(f: impl Fn(f64) -> f64, a: f64, b: f64, tol: f64) -> (f64, f64) {
    const CGOLD: f64 = 0.381_966_011_250_105_1;
    let (mut a, mut b) = (a, b);
    let mut x = a + CGOLD * (b - a);
    let (mut w, mut v) = (x, x);
    let mut fx = f(x);
    let (mut fw, mut fv) = (fx, fx);
    let mut d: f64 = 0.0;
    let mut e: f64 = 0.0;
    for _ in 0..200 {
        let xm = 0.5 * (a + b);
        let tol1 = tol + 1e-10 * x.abs();
        let tol2 = 2.0 * tol1;
        if (x - xm).abs() <= tol2 - 0.5 * (b - a) {
            break;
        }
        let mut golden = true;
        if e.abs() > tol1 {
            let r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            let etemp = e;
            e = d;
            if p.abs() < (0.5 * q * etemp).abs() && p > q * (a - x) && p < q * (b - x) {
                d = p / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = if xm >= x { tol1 } else { -tol1 };
                }
                golden = false;
            }
        }
        if golden {
            e = if x >= xm { a - x } else { b - x };
            d = CGOLD * e;
        }
        let u = if d.abs() >= tol1 { x + d } else { x + if d >= 0.0 { tol1 } else { -tol1 } };
        let fu = f(u);
        if fu <= fx {
            if u >= x {
                a = x
            } else {
                b = x
            }
            (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
        } else {
            if u < x {
                a = u
            } else {
                b = u
            }
            if fu <= fw || w == x {
                (v, fv, w, fw) = (w, fw, u, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        }
    }
    (x, fx)
}

/// Settings of [`nelder_mead`]; the defaults are statsforecast's for the Theta models.
#[derive(Debug, Clone, Copy)]
pub struct NelderMead {
    pub init_step: f64,
    pub zero_pert: f64,
    pub alpha: f64,
    pub gamma: f64,
    pub rho: f64,
    pub sigma: f64,
    pub max_iter: usize,
    pub tol_std: f64,
    pub adaptive: bool,
}

impl Default for NelderMead {
    fn default() -> Self {
        NelderMead {
            init_step: 0.05,
            zero_pert: 1e-4,
            alpha: 1.0,
            gamma: 2.0,
            rho: 0.5,
            sigma: 0.5,
            max_iter: 1000,
            tol_std: 1e-4,
            adaptive: true,
        }
    }
}

/// Result of a minimisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub x: Vec<f64>,
    pub f: f64,
    pub iterations: usize,
}

fn clamp(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for i in 0..x.len() {
        x[i] = x[i].max(lower[i]).min(upper[i]);
    }
}

/// Population standard deviation, as Eigen computes it in statsforecast.
fn std_dev(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n).sqrt()
}

impl NelderMead {
    /// Minimises `f` from `x0` within the box `[lower, upper]` (every trial point is clamped
    /// to the box). Stops when the standard deviation of the simplex values falls below
    /// `tol_std` or after `max_iter` iterations. A port of statsforecast's `nm::NelderMead`
    /// (2.1.1), which returns the best vertex of the final simplex.
    pub fn minimize(&self, mut f: impl FnMut(&[f64]) -> f64, x0: &[f64], lower: &[f64], upper: &[f64]) -> Minimum {
        let n = x0.len();
        let (mut gamma, mut rho, mut sigma) = (self.gamma, self.rho, self.sigma);
        if self.adaptive {
            let nf = n as f64;
            gamma = 1.0 + 2.0 / nf;
            rho = 0.75 - 1.0 / (2.0 * nf);
            sigma = 1.0 - 1.0 / nf;
        }
        let mut start = x0.to_vec();
        clamp(&mut start, lower, upper);
        let mut simplex: Vec<Vec<f64>> = vec![start; n + 1];
        for i in 0..n {
            let mut val = simplex[i][i];
            if val == 0.0 {
                val = self.zero_pert;
            } else {
                val *= 1.0 + self.init_step;
            }
            simplex[i][i] = val.max(lower[i]).min(upper[i]);
        }
        let mut fs: Vec<f64> = simplex.iter().map(|v| f(v)).collect();
        let mut best_idx = 0;
        let mut it = 0;
        let mut order: Vec<usize> = (0..=n).collect();
        let mut x_o = vec![0.0; n];
        let mut x_r = vec![0.0; n];
        let mut trial = vec![0.0; n];
        while it < self.max_iter {
            if std_dev(&fs) < self.tol_std {
                break;
            }
            // Stable ascending order of the values (libstdc++'s std::sort on so few elements
            // is an insertion sort, hence stable).
            for (k, o) in order.iter_mut().enumerate() {
                *o = k;
            }
            order.sort_by(|&a, &b| {
                if fs[a] < fs[b] {
                    std::cmp::Ordering::Less
                } else if fs[b] < fs[a] {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            });
            best_idx = order[0];
            let worst = order[n];
            let second_worst = order[n - 1];
            for j in 0..n {
                let col_sum: f64 = simplex.iter().map(|v| v[j]).sum();
                x_o[j] = (col_sum - simplex[worst][j]) / n as f64;
            }
            for j in 0..n {
                x_r[j] = x_o[j] + self.alpha * (x_o[j] - simplex[worst][j]);
            }
            clamp(&mut x_r, lower, upper);
            let f_r = f(&x_r);
            it += 1;
            if fs[best_idx] <= f_r && f_r < fs[second_worst] {
                simplex[worst].copy_from_slice(&x_r);
                fs[worst] = f_r;
                continue;
            }
            if f_r < fs[best_idx] {
                for j in 0..n {
                    trial[j] = x_o[j] + gamma * (x_r[j] - x_o[j]);
                }
                clamp(&mut trial, lower, upper);
                let f_e = f(&trial);
                if f_e < f_r {
                    simplex[worst].copy_from_slice(&trial);
                    fs[worst] = f_e;
                } else {
                    simplex[worst].copy_from_slice(&x_r);
                    fs[worst] = f_r;
                }
                continue;
            }
            if fs[second_worst] <= f_r && f_r < fs[worst] {
                for j in 0..n {
                    trial[j] = x_o[j] + rho * (x_r[j] - x_o[j]);
                }
                clamp(&mut trial, lower, upper);
                let f_oc = f(&trial);
                if f_oc <= f_r {
                    simplex[worst].copy_from_slice(&trial);
                    fs[worst] = f_oc;
                    continue;
                }
            } else {
                for j in 0..n {
                    trial[j] = x_o[j] - rho * (x_r[j] - x_o[j]);
                }
                clamp(&mut trial, lower, upper);
                let f_ic = f(&trial);
                if f_ic < fs[worst] {
                    simplex[worst].copy_from_slice(&trial);
                    fs[worst] = f_ic;
                    continue;
                }
            }
            // Shrink towards the best vertex (statsforecast shrinks rows 1..n, whichever is best).
            let best = simplex[best_idx].clone();
            for j in 1..=n {
                for k in 0..n {
                    simplex[j][k] = best[k] + sigma * (simplex[j][k] - best[k]);
                }
                let (lo, hi) = (lower, upper);
                clamp(&mut simplex[j], lo, hi);
                fs[j] = f(&simplex[j]);
            }
        }
        // statsforecast 2.1.1 returns the best vertex of the final simplex (the first one on
        // ties); the loop's own `best_idx` may be stale after the last replacement.
        let _ = best_idx;
        let mut best = 0;
        for k in 1..=n {
            if fs[k] < fs[best] {
                best = k;
            }
        }
        Minimum { x: simplex[best].clone(), f: fs[best], iterations: it + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_parabola_minimum() {
        let (x, fx) = brent_min(|x| (x - 0.3).powi(2) + 1.0, 0.0, 1.0, 1e-10);
        assert!((x - 0.3).abs() < 1e-8);
        assert!((fx - 1.0).abs() < 1e-12);
    }

    #[test]
    fn nelder_mead_on_a_bowl() {
        let nm = NelderMead { tol_std: 1e-12, ..NelderMead::default() };
        let m = nm.minimize(
            |x| (x[0] - 1.0).powi(2) + 10.0 * (x[1] + 0.5).powi(2),
            &[0.3, 0.2],
            &[-5.0, -5.0],
            &[5.0, 5.0],
        );
        assert!((m.x[0] - 1.0).abs() < 1e-4 && (m.x[1] + 0.5).abs() < 1e-4, "{m:?}");
        // Bounds are respected.
        let m = nm.minimize(|x| (x[0] - 9.0).powi(2), &[0.5], &[0.1], &[0.99]);
        assert!((m.x[0] - 0.99).abs() < 1e-9);
    }
}
