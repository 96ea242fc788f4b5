//! Conditional-sum-of-squares estimation by least squares (Levenberg-Marquardt on the residuals): the fast variant of the CSS fit.

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use super::*;

/// Buffers of [`css_least_squares`], kept per thread between fits.
#[derive(Default)]
pub(crate) struct LsScratch {
    pub(crate) dx: Vec<f64>,
    pub(crate) dr: Vec<f64>,
    pub(crate) dphi: Vec<f64>,
    pub(crate) dtheta: Vec<f64>,
    pub(crate) phi: Vec<f64>,
    pub(crate) theta: Vec<f64>,
    pub(crate) w: Vec<f64>,
    pub(crate) e: Vec<f64>,
    pub(crate) jac: Vec<f64>,
    pub(crate) e_try: Vec<f64>,
    pub(crate) w_try: Vec<f64>,
    pub(crate) a: Vec<f64>,
    pub(crate) damped: Vec<f64>,
    pub(crate) g: Vec<f64>,
    pub(crate) rhs: Vec<f64>,
    pub(crate) cand: Vec<f64>,
}

thread_local! {
    static LS_SCRATCH: std::cell::RefCell<LsScratch> = std::cell::RefCell::new(LsScratch::default());
}

pub(crate) fn sized(v: &mut Vec<f64>, n: usize) -> &mut Vec<f64> {
    v.clear();
    v.resize(n, 0.0);
    v
}

/// Minimises the conditional sum of squares by Levenberg-Marquardt. `init`: starting values
/// `[phi, theta, Phi, Theta, beta?]`.
pub(crate) fn css_least_squares(x: &[f64], o: &Order, xreg: Xreg, init: &[f64]) -> Option<Vec<f64>> {
    LS_SCRATCH.with(|s| css_least_squares_in(x, o, xreg, init, &mut s.borrow_mut()))
}

pub(crate) fn css_least_squares_in(
    x: &[f64],
    o: &Order,
    xreg: Xreg,
    init: &[f64],
    sc: &mut LsScratch,
) -> Option<Vec<f64>> {
    let n = x.len();
    let k = init.len();
    let (np, nq) = (o.n_phi(), o.n_theta());
    let ncond = o.n_diff() + np;
    if ncond >= n {
        return None;
    }
    let LsScratch { dx, dr, dphi, dtheta, phi, theta, w, e, jac, e_try, w_try, a, damped, g, rhs, cand } = sc;
    // differenced series and regressor, kept at full length as R's ARIMA_CSS does
    dx.clear();
    dx.extend_from_slice(x);
    difference(dx, o);
    dr.clear();
    dr.extend((0..n).map(|t| xreg.at(t)));
    difference(dr, o);
    let pb = CssProblem { o, dx, dr, has_beta: xreg != Xreg::None, n_arma: o.n_arma(), ncond, np, nq, n };
    // derivatives of the expanded polynomials with respect to each parameter
    let dphi = sized(dphi, k * np);
    let dtheta = sized(dtheta, k * nq);
    let phi = sized(phi, np);
    let theta = sized(theta, nq);
    let mut w = sized(w, n);
    let mut e = sized(e, n);
    let jac = sized(jac, n * k);
    let mut b = init.to_vec();
    let mut sse = pb.sse(&b, phi, theta, w, e);
    if !sse.is_finite() {
        return None;
    }
    let mut lambda = 1e-3;
    let cand = sized(cand, k);
    let mut e_try = sized(e_try, n);
    let mut w_try = sized(w_try, n);
    let (a, damped) = (sized(a, k * k), sized(damped, k * k));
    let (g, rhs) = (sized(g, k), sized(rhs, k));
    // At most 20 iterations: on M3 yearly a fit takes 10 on average; the few that run on
    // converge slowly along a flat valley (MA roots near the unit circle), where further steps
    // changed neither the orders chosen nor sMAPE/MASE at the third decimal.
    for _ in 0..20 {
        pb.derivatives(&b, dphi, dtheta);
        pb.jacobian(k, dphi, dtheta, phi, theta, w, e, jac);
        pb.normal_equations(k, jac, e, a, g);
        let mut improved = None;
        while lambda < 1e10 {
            damped.copy_from_slice(a);
            rhs.copy_from_slice(g);
            for i in 0..k {
                damped[i * k + i] += lambda * a[i * k + i].max(1e-12);
            }
            match solve_linear(damped, rhs, k) {
                Some(step) => {
                    for i in 0..k {
                        cand[i] = b[i] + step[i];
                    }
                    let s_new = pb.sse(cand, phi, theta, w_try, e_try);
                    if s_new.is_finite() && s_new < sse {
                        improved = Some((sse - s_new) / sse.max(f64::MIN_POSITIVE));
                        b.copy_from_slice(cand);
                        sse = s_new;
                        std::mem::swap(&mut e, &mut e_try);
                        std::mem::swap(&mut w, &mut w_try);
                        lambda = (lambda / 10.0).max(1e-12);
                        break;
                    }
                    lambda *= 10.0;
                }
                None => lambda *= 10.0,
            }
        }
        // restore phi/theta of the accepted point
        transpar(&b, o, false, phi, theta);
        match improved {
            Some(rel) if rel > 1e-7 => {}
            _ => break,
        }
    }
    Some(b)
}

/// Differences `v` in place, `d` times and `D` times at lag `m`, keeping its length.
fn difference(v: &mut [f64], o: &Order) {
    let n = v.len();
    for _ in 0..o.d {
        for l in (1..n).rev() {
            v[l] -= v[l - 1];
        }
    }
    for _ in 0..o.sd {
        for l in (o.m..n).rev() {
            v[l] -= v[l - o.m];
        }
    }
}

/// The differenced data of one CSS fit.
struct CssProblem<'a> {
    o: &'a Order,
    dx: &'a [f64],
    dr: &'a [f64],
    has_beta: bool,
    n_arma: usize,
    /// Residuals before this index are conditioned on (zero).
    ncond: usize,
    np: usize,
    nq: usize,
    n: usize,
}

impl CssProblem<'_> {
    /// The sum of squared conditional residuals at `b`; fills `phi`, `theta`, `w` and `e`.
    fn sse(&self, b: &[f64], phi: &mut [f64], theta: &mut [f64], w: &mut [f64], e: &mut [f64]) -> f64 {
        let (n, np, nq, ncond) = (self.n, self.np, self.nq, self.ncond);
        transpar(b, self.o, false, phi, theta);
        let beta = if self.has_beta { b[self.n_arma] } else { 0.0 };
        for t in 0..n {
            w[t] = self.dx[t] - beta * self.dr[t];
        }
        let mut sse = 0.0;
        for t in 0..n {
            if t < ncond {
                e[t] = 0.0;
                continue;
            }
            let mut v = w[t];
            for j in 0..np {
                v -= phi[j] * w[t - j - 1];
            }
            for j in 0..(t - ncond).min(nq) {
                v -= theta[j] * e[t - j - 1];
            }
            e[t] = v;
            sse += v * v;
        }
        sse
    }

    /// Derivatives of the expanded AR and MA polynomials with respect to each parameter.
    fn derivatives(&self, b: &[f64], dphi: &mut [f64], dtheta: &mut [f64]) {
        let (np, nq) = (self.np, self.nq);
        dphi.fill(0.0);
        dtheta.fill(0.0);
        let o = self.o;
        let (p, q, sp, sq, s) = (o.p, o.q, o.sp, o.sq, o.m);
        for i in 0..p {
            dphi[i * np + i] = 1.0;
            for j in 0..sp {
                dphi[i * np + (j + 1) * s + i] = -b[p + q + j];
            }
        }
        for i in 0..q {
            let c = p + i;
            dtheta[c * nq + i] = 1.0;
            for j in 0..sq {
                dtheta[c * nq + (j + 1) * s + i] = b[p + q + sp + j];
            }
        }
        for j in 0..sp {
            let c = p + q + j;
            dphi[c * np + (j + 1) * s - 1] = 1.0;
            for i in 0..p {
                dphi[c * np + (j + 1) * s + i] = -b[i];
            }
        }
        for j in 0..sq {
            let c = p + q + sp + j;
            dtheta[c * nq + (j + 1) * s - 1] = 1.0;
            for i in 0..q {
                dtheta[c * nq + (j + 1) * s + i] = b[p + i];
            }
        }
    }

    /// Jacobian of the residuals by their recursion, one parameter (column) at a time:
    /// de_t/db = (derivative of w_t - phi(B) w_t) - sum_j theta_j de_{t-j-1}/db.
    #[allow(clippy::too_many_arguments)]
    fn jacobian(
        &self,
        k: usize,
        dphi: &[f64],
        dtheta: &[f64],
        phi: &[f64],
        theta: &[f64],
        w: &[f64],
        e: &[f64],
        jac: &mut [f64],
    ) {
        let (n, np, nq, ncond, n_arma) = (self.n, self.np, self.nq, self.ncond, self.n_arma);
        let seasonal_free = self.o.sp == 0 && self.o.sq == 0;
        for c in 0..k {
            let col = &mut jac[c * n..(c + 1) * n];
            col[..ncond].fill(0.0);
            for t in ncond..n {
                let lim = (t - ncond).min(nq);
                let mut d = if self.has_beta && c == n_arma {
                    let mut v = -self.dr[t];
                    for j in 0..np {
                        v += phi[j] * self.dr[t - j - 1];
                    }
                    v
                } else if seasonal_free && c < self.o.p {
                    // a plain AR coefficient: its polynomial derivative is a unit vector
                    -w[t - c - 1]
                } else if seasonal_free {
                    let j = c - self.o.p;
                    if j < lim { -e[t - j - 1] } else { 0.0 }
                } else {
                    let mut v = 0.0;
                    for j in 0..np {
                        v -= dphi[c * np + j] * w[t - j - 1];
                    }
                    if c < n_arma {
                        for j in 0..lim {
                            v -= dtheta[c * nq + j] * e[t - j - 1];
                        }
                    }
                    v
                };
                for j in 0..lim {
                    d -= theta[j] * col[t - j - 1];
                }
                col[t] = d;
            }
        }
    }

    /// The normal equations J'J (into `a`, k x k) and -J'e (into `g`) over the residuals
    /// counted.
    fn normal_equations(&self, k: usize, jac: &[f64], e: &[f64], a: &mut [f64], g: &mut [f64]) {
        let (n, ncond) = (self.n, self.ncond);
        for i in 0..k {
            let ci = &jac[i * n + ncond..(i + 1) * n];
            g[i] = -ci.iter().zip(&e[ncond..]).map(|(x, y)| x * y).sum::<f64>();
            for j in 0..=i {
                let cj = &jac[j * n + ncond..(j + 1) * n];
                a[i * k + j] = ci.iter().zip(cj).map(|(x, y)| x * y).sum::<f64>();
            }
        }
        for i in 0..k {
            for j in 0..i {
                a[j * k + i] = a[i * k + j];
            }
        }
    }
}

/// Solves `a x = b` (k x k, row-major) by Gaussian elimination with partial pivoting.
pub(crate) fn solve_linear(a: &mut [f64], b: &mut [f64], k: usize) -> Option<Vec<f64>> {
    for c in 0..k {
        let piv = (c..k).max_by(|&i, &j| a[i * k + c].abs().total_cmp(&a[j * k + c].abs()))?;
        if a[piv * k + c].abs() < 1e-300 {
            return None;
        }
        if piv != c {
            for j in 0..k {
                a.swap(c * k + j, piv * k + j);
            }
            b.swap(c, piv);
        }
        for i in c + 1..k {
            let f = a[i * k + c] / a[c * k + c];
            for j in c..k {
                a[i * k + j] -= f * a[c * k + j];
            }
            b[i] -= f * b[c];
        }
    }
    let mut x = vec![0.0; k];
    for i in (0..k).rev() {
        let s: f64 = (i + 1..k).map(|j| a[i * k + j] * x[j]).sum();
        x[i] = (b[i] - s) / a[i * k + i];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}
