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

/// Result of [`vmmin`].
#[derive(Debug, Clone, PartialEq)]
pub struct VmminResult {
    pub x: Vec<f64>,
    pub value: f64,
    /// Objective and gradient evaluations.
    pub fn_count: usize,
    pub gr_count: usize,
    /// True if `max_iter` was reached before convergence.
    pub hit_max_iter: bool,
}

/// The variable-metric (BFGS) minimiser of R's `optim(method = "BFGS")` (Nash 1990,
/// algorithm 21; R's `vmmin`), written to follow R's arithmetic: the inverse-Hessian
/// approximation kept as a lower triangle, a backtracking line search with an Armijo test (step
/// reduced by 0.2, acceptance tolerance 1e-4), a reset to the identity when a step makes no
/// progress or the update would lose positive definiteness, a restart every `2 n` gradients.
/// Stops when an accepted step changes the value by less than `reltol` relative, or after
/// `max_iter` gradients. `grad` fills the gradient at a point. `None` when the objective is not
/// finite at the start or a gradient is not finite (where R's `optim` stops with an error).
pub fn vmmin(
    mut f: impl FnMut(&[f64]) -> f64,
    mut grad: impl FnMut(&[f64], &mut [f64], &mut dyn FnMut(&[f64]) -> f64),
    x0: &[f64],
    max_iter: usize,
    reltol: f64,
) -> Option<VmminResult> {
    const STEPREDN: f64 = 0.2;
    const ACCTOL: f64 = 0.0001;
    const RELTEST: f64 = 10.0;
    let n = x0.len();
    let mut b = x0.to_vec();
    let mut fv = f(&b);
    if !fv.is_finite() {
        return None;
    }
    let mut fmin = fv;
    if n == 0 {
        return Some(VmminResult { x: b, value: fmin, fn_count: 1, gr_count: 0, hit_max_iter: false });
    }
    let mut fn_count = 1;
    let mut g = vec![0.0; n];
    grad(&b, &mut g, &mut f);
    if g.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut gr_count = 1;
    let mut iter = 1;
    let mut ilast = gr_count;
    // lower triangle: bm[i * n + j] for j <= i
    let mut bm = vec![0.0; n * n];
    let mut x = vec![0.0; n];
    let mut c = vec![0.0; n];
    let mut t = vec![0.0; n];
    let mut count;
    loop {
        if ilast == gr_count {
            for i in 0..n {
                for j in 0..i {
                    bm[i * n + j] = 0.0;
                }
                bm[i * n + i] = 1.0;
            }
        }
        x.copy_from_slice(&b);
        c.copy_from_slice(&g);
        let mut gradproj = 0.0;
        for i in 0..n {
            let mut s = 0.0;
            for j in 0..=i {
                s -= bm[i * n + j] * g[j];
            }
            for j in i + 1..n {
                s -= bm[j * n + i] * g[j];
            }
            t[i] = s;
            gradproj += s * g[i];
        }
        if gradproj < 0.0 {
            let mut steplength = 1.0;
            loop {
                count = 0;
                let mut accpoint = false;
                for i in 0..n {
                    b[i] = x[i] + steplength * t[i];
                    if RELTEST + x[i] == RELTEST + b[i] {
                        count += 1;
                    }
                }
                if count < n {
                    fv = f(&b);
                    fn_count += 1;
                    accpoint = fv.is_finite() && fv <= fmin + gradproj * steplength * ACCTOL;
                    if !accpoint {
                        steplength *= STEPREDN;
                    }
                }
                if count == n || accpoint {
                    break;
                }
            }
            // `fv` may be the value of a rejected trial, as in R
            let enough = (fv - fmin).abs() > reltol * (fmin.abs() + reltol);
            if !enough {
                count = n;
                fmin = fv;
            }
            if count < n {
                fmin = fv;
                grad(&b, &mut g, &mut f);
                if g.iter().any(|v| !v.is_finite()) {
                    return None;
                }
                gr_count += 1;
                iter += 1;
                let mut d1 = 0.0;
                for i in 0..n {
                    t[i] *= steplength;
                    c[i] = g[i] - c[i];
                    d1 += t[i] * c[i];
                }
                if d1 > 0.0 {
                    let mut d2 = 0.0;
                    for i in 0..n {
                        let mut s = 0.0;
                        for j in 0..=i {
                            s += bm[i * n + j] * c[j];
                        }
                        for j in i + 1..n {
                            s += bm[j * n + i] * c[j];
                        }
                        x[i] = s;
                        d2 += s * c[i];
                    }
                    d2 = 1.0 + d2 / d1;
                    for i in 0..n {
                        for j in 0..=i {
                            bm[i * n + j] += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                        }
                    }
                } else {
                    ilast = gr_count;
                }
            } else if ilast < gr_count {
                count = 0;
                ilast = gr_count;
            }
        } else {
            count = 0;
            if ilast == gr_count {
                count = n;
            } else {
                ilast = gr_count;
            }
        }
        if iter >= max_iter {
            break;
        }
        if gr_count - ilast > 2 * n {
            ilast = gr_count;
        }
        if count == n && ilast == gr_count {
            break;
        }
    }
    Some(VmminResult { x: b, value: fmin, fn_count, gr_count, hit_max_iter: iter >= max_iter })
}

/// Central-difference gradient with steps `ndeps[i]` (R's `optim` default 1e-3 on the scaled
/// parameters).
pub fn central_gradient(x: &[f64], g: &mut [f64], f: &mut dyn FnMut(&[f64]) -> f64, ndeps: f64) {
    let mut xx = x.to_vec();
    for i in 0..x.len() {
        xx[i] = x[i] + ndeps;
        let up = f(&xx);
        xx[i] = x[i] - ndeps;
        let down = f(&xx);
        xx[i] = x[i];
        g[i] = (up - down) / (2.0 * ndeps);
    }
}
