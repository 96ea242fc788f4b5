//! Parameter transforms of R's `arima`: the PACF parametrisation of the AR parts (`partrans`, `invpartrans`), the expansion of seasonal polynomials (`transpar`), polynomial roots and `maInvert`.

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use super::*;

// ---------------------------------------------------------------------------------------
// Polynomials and parameter transformations

pub(crate) fn convolve(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// The differencing polynomial as R's `Delta`: `(1 - B)^d (1 - B^m)^D = 1 - sum delta_i B^i`.
pub(crate) fn delta_of(o: &Order) -> Vec<f64> {
    let mut c = vec![1.0];
    for _ in 0..o.d {
        c = convolve(&c, &[1.0, -1.0]);
    }
    for _ in 0..o.sd {
        let mut s = vec![0.0; o.m + 1];
        s[0] = 1.0;
        s[o.m] = -1.0;
        c = convolve(&c, &s);
    }
    c[1..].iter().map(|v| -v).collect()
}

/// `n` zeroed values: the front of `stack` when it is long enough (the usual small orders,
/// without allocating on every likelihood evaluation), else `heap`.
pub(crate) fn scratch<'a>(stack: &'a mut [f64], heap: &'a mut Vec<f64>, n: usize) -> &'a mut [f64] {
    if n <= stack.len() {
        &mut stack[..n]
    } else {
        heap.resize(n, 0.0);
        heap
    }
}

/// Maps unconstrained values to the coefficients of a stationary AR polynomial: `tanh` gives
/// partial autocorrelations in (-1, 1), the Durbin-Levinson recursion turns them into AR
/// coefficients (R's `partrans`).
pub(crate) fn partrans(raw: &[f64], out: &mut [f64]) {
    let p = raw.len();
    let (mut stack, mut heap) = ([0.0; 16], Vec::new());
    let work = scratch(&mut stack, &mut heap, p);
    for j in 0..p {
        out[j] = raw[j].tanh();
        work[j] = out[j];
    }
    for j in 1..p {
        let a = out[j];
        for k in 0..j {
            work[k] -= a * out[j - k - 1];
        }
        out[..j].copy_from_slice(&work[..j]);
    }
}

/// The inverse of [`partrans`]; `false` if the polynomial is not stationary.
pub(crate) fn invpartrans(phi: &[f64], out: &mut [f64]) -> bool {
    let p = phi.len();
    let mut new = phi.to_vec();
    let mut work = phi.to_vec();
    for j in (1..p).rev() {
        let a = new[j];
        let den = 1.0 - a * a;
        if den <= 0.0 {
            return false;
        }
        for k in 0..j {
            work[k] = (new[k] + a * new[j - k - 1]) / den;
        }
        new[..j].copy_from_slice(&work[..j]);
    }
    for j in 0..p {
        if new[j].abs() >= 1.0 {
            return false;
        }
        out[j] = new[j].atanh();
    }
    true
}

/// Expands the parameters `[phi, theta, Phi, Theta]` (transformed AR parts when `trans`) into
/// the full AR and MA polynomials of the multiplicative seasonal model (R's `ARIMA_transPars`).
pub(crate) fn transpar(par: &[f64], o: &Order, trans: bool, phi: &mut [f64], theta: &mut [f64]) {
    let (mp, mq, msp, msq, ns) = (o.p, o.q, o.sp, o.sq, o.m);
    let na = o.n_arma();
    let (mut stack, mut heap) = ([0.0; 32], Vec::new());
    let params = scratch(&mut stack, &mut heap, na);
    params.copy_from_slice(&par[..na]);
    if trans {
        if mp > 0 {
            partrans(&par[..mp], &mut params[..mp]);
        }
        let v = mp + mq;
        if msp > 0 {
            partrans(&par[v..v + msp], &mut params[v..v + msp]);
        }
    }
    phi.fill(0.0);
    theta.fill(0.0);
    phi[..mp].copy_from_slice(&params[..mp]);
    theta[..mq].copy_from_slice(&params[mp..mp + mq]);
    for j in 0..msp {
        let sar = params[j + mp + mq];
        phi[(j + 1) * ns - 1] += sar;
        for i in 0..mp {
            phi[(j + 1) * ns + i] -= params[i] * sar;
        }
    }
    for j in 0..msq {
        let sma = params[j + mp + mq + msp];
        theta[(j + 1) * ns - 1] += sma;
        for i in 0..mq {
            theta[(j + 1) * ns + i] += params[i + mp] * sma;
        }
    }
}

/// True if `1 - a_1 z - ... - a_k z^k` has all its roots outside the circle of radius `r`
/// (Schur-Cohn: every reflection coefficient of the rescaled polynomial lies in (-1, 1)).
/// Trailing zero coefficients are ignored.
pub fn roots_outside(a: &[f64], r: f64) -> bool {
    let k = a.iter().rposition(|v| v.abs() > 0.0).map_or(0, |i| i + 1);
    let mut c: Vec<f64> = Vec::with_capacity(k);
    let mut scale = r;
    for v in &a[..k] {
        c.push(v * scale);
        scale *= r;
    }
    let mut prev = vec![0.0; k];
    for m in (1..=k).rev() {
        let kappa = c[m - 1];
        if !kappa.is_finite() || kappa.abs() >= 1.0 {
            return false;
        }
        let den = 1.0 - kappa * kappa;
        for i in 0..m - 1 {
            prev[i] = (c[i] + kappa * c[m - 2 - i]) / den;
        }
        c[..m - 1].copy_from_slice(&prev[..m - 1]);
    }
    true
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct C64 {
    pub(crate) re: f64,
    pub(crate) im: f64,
}

impl C64 {
    pub(crate) fn new(re: f64, im: f64) -> C64 {
        C64 { re, im }
    }
    pub(crate) fn add(self, o: C64) -> C64 {
        C64::new(self.re + o.re, self.im + o.im)
    }
    pub(crate) fn sub(self, o: C64) -> C64 {
        C64::new(self.re - o.re, self.im - o.im)
    }
    pub(crate) fn mul(self, o: C64) -> C64 {
        C64::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }
    pub(crate) fn div(self, o: C64) -> C64 {
        let den = o.re * o.re + o.im * o.im;
        C64::new((self.re * o.re + self.im * o.im) / den, (self.im * o.re - self.re * o.im) / den)
    }
    pub(crate) fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }
}

/// Roots of `c[0] + c[1] z + ... + c[k] z^k` (`c[k] != 0`) by the Durand-Kerner iteration.
pub(crate) fn poly_roots(c: &[f64]) -> Vec<C64> {
    let k = c.len() - 1;
    let lead = c[k];
    let monic: Vec<f64> = c.iter().map(|v| v / lead).collect();
    let eval = |z: C64| monic.iter().rev().fold(C64::new(0.0, 0.0), |acc, &a| acc.mul(z).add(C64::new(a, 0.0)));
    let bound = 1.0 + monic[..k].iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let mut z: Vec<C64> = (0..k)
        .map(|i| {
            let ang = 2.0 * std::f64::consts::PI * i as f64 / k as f64 + 0.4;
            C64::new(0.5 * bound * ang.cos(), 0.5 * bound * ang.sin())
        })
        .collect();
    for _ in 0..500 {
        let mut delta = 0.0f64;
        for i in 0..k {
            let mut den = C64::new(1.0, 0.0);
            for j in 0..k {
                if j != i {
                    den = den.mul(z[i].sub(z[j]));
                }
            }
            let step = eval(z[i]).div(den);
            z[i] = z[i].sub(step);
            delta = delta.max(step.abs() / z[i].abs().max(1e-300));
        }
        if delta < 1e-14 {
            break;
        }
    }
    z
}

/// R's `maInvert`: reflects the roots of `1 + theta_1 z + ... + theta_q z^q` that lie inside
/// the unit circle, giving the invertible MA polynomial with the same autocorrelations.
pub(crate) fn ma_invert(ma: &mut [f64]) {
    let Some(last) = ma.iter().rposition(|v| *v != 0.0) else { return };
    let q0 = last + 1;
    let mut c = vec![1.0];
    c.extend_from_slice(&ma[..q0]);
    let mut roots = poly_roots(&c);
    if roots.iter().all(|r| r.abs() >= 1.0) {
        return;
    }
    if q0 == 1 {
        ma[0] = 1.0 / ma[0];
        return;
    }
    for r in roots.iter_mut() {
        if r.abs() < 1.0 {
            *r = C64::new(1.0, 0.0).div(*r);
        }
    }
    // x = prod (1 - z / r)
    let mut x = vec![C64::new(1.0, 0.0)];
    for r in &roots {
        let mut next = vec![C64::new(0.0, 0.0); x.len() + 1];
        for (i, v) in x.iter().enumerate() {
            next[i] = next[i].add(*v);
            next[i + 1] = next[i + 1].sub(v.div(*r));
        }
        x = next;
    }
    for i in 0..q0 {
        ma[i] = x[i + 1].re;
    }
}

/// R's `myarima` check: no AR or MA root within 1.01 of the unit circle (roots of the full,
/// expanded polynomials; coefficients below 1e-8 at the end are ignored, as R does).
pub(crate) fn roots_ok(phi: &[f64], theta: &[f64]) -> bool {
    let trim = |v: &[f64]| v.iter().rposition(|x| x.abs() > 1e-8).map_or(0, |i| i + 1);
    let ar = &phi[..trim(phi)];
    let neg_ma: Vec<f64> = theta[..trim(theta)].iter().map(|t| -t).collect();
    roots_outside(ar, 1.01) && roots_outside(&neg_ma, 1.01)
}
