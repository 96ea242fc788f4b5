//! ARIMA and automatic ARIMA: R's `arima()` (exact Gaussian likelihood by the Kalman filter,
//! conditional-sum-of-squares start, "CSS-ML") and the stepwise order search of
//! `forecast::auto.arima` (Hyndman and Khandakar 2008), non-seasonal and seasonal
//! ARIMA(p,d,q)(P,D,Q)[m] with a mean or drift term.
//!
//! The algorithms follow R (stats 4.2 `arima`, `makeARIMA`, `ARIMA_Like`, `getQ0` (Gardner,
//! Harvey and Phillips 1980), the PACF parametrisation of the AR parts, `optim`'s BFGS with
//! central-difference gradients and `parscale`; forecast 8.20 `auto.arima`, `ndiffs` with the
//! KPSS test, `nsdiffs` with the seasonal-strength heuristic of `mstl`). Reference forecasts of
//! R on M3 series are the golden values of the tests. Known differences from R:
//! * R rejects a final model whose numerical Hessian is not positive definite; kvota does not
//!   compute a Hessian (it has no use for coefficient standard errors);
//! * R's `maInvert` flips non-invertible MA roots of the CSS start; kvota starts the likelihood
//!   search from the CSS estimate as it is (a non-invertible final model is rejected by the
//!   root check either way).
//!
//! statsforecast's `AutoARIMA` is a port of the same R code, but its version 2.1.1 updates the
//! Kalman filter's initial covariance in place, so that from the second likelihood evaluation
//! on the diffuse prior of differenced models is lost (shown in `benches/README.md`); kvota
//! follows R.

// The numerical kernels follow R's C code index for index, so that they can be checked
// against it line by line; iterator rewrites would obscure that.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use crate::optim::{central_gradient, vmmin};
use crate::seasonal::{SeasonalAdjustment, SeasonalPolicy, adjustment};
use crate::{Fit, Forecast, ForecastError, Predict, need};

/// Prior variance of the differenced (non-stationary) states (R's `kappa`).
const KAPPA: f64 = 1e6;
/// Observations whose prediction variance exceeds this are left out of the likelihood (the
/// first `d + D m`, whose prior is diffuse).
const GAIN_LIMIT: f64 = 1e4;

/// An ARIMA(p,d,q)(P,D,Q)[m] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Order {
    pub p: usize,
    pub d: usize,
    pub q: usize,
    /// Seasonal AR, differencing and MA orders.
    pub sp: usize,
    pub sd: usize,
    pub sq: usize,
    /// Period (1 when there is no seasonal part).
    pub m: usize,
}

impl Order {
    pub fn new(p: usize, d: usize, q: usize) -> Order {
        Order { p, d, q, sp: 0, sd: 0, sq: 0, m: 1 }
    }
    pub fn seasonal(p: usize, d: usize, q: usize, sp: usize, sd: usize, sq: usize, m: usize) -> Order {
        Order { p, d, q, sp, sd, sq, m: m.max(1) }
    }
    fn n_arma(&self) -> usize {
        self.p + self.q + self.sp + self.sq
    }
    /// Length of the expanded AR polynomial `phi(B) Phi(B^m)`.
    fn n_phi(&self) -> usize {
        self.p + self.m * self.sp
    }
    fn n_theta(&self) -> usize {
        self.q + self.m * self.sq
    }
    fn n_diff(&self) -> usize {
        self.d + self.m * self.sd
    }
}

impl std::fmt::Display for Order {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ARIMA({},{},{})", self.p, self.d, self.q)?;
        if self.sp + self.sd + self.sq > 0 {
            write!(f, "({},{},{})[{}]", self.sp, self.sd, self.sq, self.m)?;
        }
        Ok(())
    }
}

/// Estimation method (R's `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Conditional sum of squares only (R's `method = "CSS"`: minimised by `optim`'s BFGS).
    Css,
    /// The same estimator, conditional sum of squares, minimised by Levenberg-Marquardt on the
    /// analytic Jacobian of the residual recursion: a few passes over the series instead of
    /// hundreds of function evaluations (about 10x faster than `Css`). Not R's optimiser, so
    /// where the sum of squares has several minima or R stops early the estimates can differ.
    CssLs,
    /// Conditional sum of squares for the start, then exact maximum likelihood (R's default).
    CssMl,
}

/// The regression part: none, a mean (undifferenced models) or a drift (one difference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Xreg {
    None,
    Intercept,
    Drift,
}

impl Xreg {
    /// Value of the regressor at time `t` (0-based).
    fn at(self, t: usize) -> f64 {
        match self {
            Xreg::None => 0.0,
            Xreg::Intercept => 1.0,
            Xreg::Drift => (t + 1) as f64,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Polynomials and parameter transformations

fn convolve(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// The differencing polynomial as R's `Delta`: `(1 - B)^d (1 - B^m)^D = 1 - sum delta_i B^i`.
fn delta_of(o: &Order) -> Vec<f64> {
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
fn scratch<'a>(stack: &'a mut [f64], heap: &'a mut Vec<f64>, n: usize) -> &'a mut [f64] {
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
fn partrans(raw: &[f64], out: &mut [f64]) {
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
fn invpartrans(phi: &[f64], out: &mut [f64]) -> bool {
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
fn transpar(par: &[f64], o: &Order, trans: bool, phi: &mut [f64], theta: &mut [f64]) {
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
struct C64 {
    re: f64,
    im: f64,
}

impl C64 {
    fn new(re: f64, im: f64) -> C64 {
        C64 { re, im }
    }
    fn add(self, o: C64) -> C64 {
        C64::new(self.re + o.re, self.im + o.im)
    }
    fn sub(self, o: C64) -> C64 {
        C64::new(self.re - o.re, self.im - o.im)
    }
    fn mul(self, o: C64) -> C64 {
        C64::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }
    fn div(self, o: C64) -> C64 {
        let den = o.re * o.re + o.im * o.im;
        C64::new((self.re * o.re + self.im * o.im) / den, (self.im * o.re - self.re * o.im) / den)
    }
    fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }
}

/// Roots of `c[0] + c[1] z + ... + c[k] z^k` (`c[k] != 0`) by the Durand-Kerner iteration.
fn poly_roots(c: &[f64]) -> Vec<C64> {
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
fn ma_invert(ma: &mut [f64]) {
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
fn roots_ok(phi: &[f64], theta: &[f64]) -> bool {
    let trim = |v: &[f64]| v.iter().rposition(|x| x.abs() > 1e-8).map_or(0, |i| i + 1);
    let ar = &phi[..trim(phi)];
    let neg_ma: Vec<f64> = theta[..trim(theta)].iter().map(|t| -t).collect();
    roots_outside(ar, 1.01) && roots_outside(&neg_ma, 1.01)
}

// ---------------------------------------------------------------------------------------
// State space: initial covariance, likelihood, forecasts

/// Covariance of the initial ARMA state (Gardner, Harvey and Phillips 1980, algorithm AS 154,
/// as R's `getQ0`): the stationary solution of `P = T P T' + R R'` for the state of Harvey's
/// representation with `r = max(p, q + 1)`. `out` is `r x r`, column-major.
pub fn get_q0(phi: &[f64], theta: &[f64], out: &mut [f64]) {
    let p = phi.len();
    let q = theta.len();
    let r = p.max(q + 1);
    let np = r * (r + 1) / 2;
    let nrbar = np * (np - 1) / 2;
    let mut v = vec![0.0; np];
    let mut ind = 0;
    for j in 0..r {
        let vj = if j == 0 {
            1.0
        } else if j - 1 < q {
            theta[j - 1]
        } else {
            0.0
        };
        for i in j..r {
            let vi = if i == 0 {
                1.0
            } else if i - 1 < q {
                theta[i - 1]
            } else {
                0.0
            };
            v[ind] = vi * vj;
            ind += 1;
        }
    }
    let res = &mut out[..r * r];
    if r == 1 {
        res[0] = if p == 0 { 1.0 } else { 1.0 / (1.0 - phi[0] * phi[0]) };
        return;
    }
    res.fill(0.0);
    if p > 0 {
        let mut rbar = vec![0.0; nrbar];
        let mut thetab = vec![0.0; np];
        let mut xnext = vec![0.0; np];
        let mut xrow = vec![0.0; np];
        let mut ind = 0usize;
        let mut ind1: isize = -1;
        let npr = np - r;
        let npr1 = npr + 1;
        let mut indj = npr;
        let mut ind2: isize = npr as isize - 1;
        for j in 0..r {
            let phij = if j < p { phi[j] } else { 0.0 };
            xnext[indj] = 0.0;
            indj += 1;
            let mut indi = npr1 + j;
            for i in j..r {
                let ynext = v[ind];
                ind += 1;
                let phii = if i < p { phi[i] } else { 0.0 };
                if j != r - 1 {
                    xnext[indj] = -phii;
                    if i != r - 1 {
                        xnext[indi] -= phij;
                        ind1 += 1;
                        xnext[ind1 as usize] = -1.0;
                    }
                }
                xnext[npr] = -phii * phij;
                ind2 += 1;
                if ind2 as usize >= np {
                    ind2 = 0;
                }
                xnext[ind2 as usize] += 1.0;
                inclu2(&xnext, &mut xrow, ynext, &mut res[..np], &mut rbar, &mut thetab);
                xnext[ind2 as usize] = 0.0;
                if i != r - 1 {
                    xnext[indi] = 0.0;
                    indi += 1;
                    xnext[ind1 as usize] = 0.0;
                }
            }
        }
        let mut ithisr = nrbar as isize - 1;
        let mut im = np as isize - 1;
        for i in 0..np {
            let mut bi = thetab[im as usize];
            let mut jm = np as isize - 1;
            for _ in 0..i {
                bi -= rbar[ithisr as usize] * res[jm as usize];
                ithisr -= 1;
                jm -= 1;
            }
            res[im as usize] = bi;
            im -= 1;
        }
        // re-order
        for i in 0..r {
            xnext[i] = res[npr + i];
        }
        let mut ind = np as isize - 1;
        let mut ind1 = npr as isize - 1;
        for _ in 0..npr {
            res[ind as usize] = res[ind1 as usize];
            ind -= 1;
            ind1 -= 1;
        }
        res[..r].copy_from_slice(&xnext[..r]);
    } else {
        // pure MA: back-substitution
        let mut indn = np;
        let mut ind = np;
        for i in 0..r {
            for j in 0..=i {
                ind -= 1;
                res[ind] = v[ind];
                if j != 0 {
                    indn -= 1;
                    res[ind] += res[indn];
                }
            }
        }
    }
    // unpack the upper triangle (stored row by row) into the full matrix
    let mut ind = np;
    for i in (1..r).rev() {
        for j in (i..r).rev() {
            ind -= 1;
            res[r * i + j] = res[ind];
        }
    }
    for i in 0..r - 1 {
        for j in i + 1..r {
            res[i + r * j] = res[j + r * i];
        }
    }
}

/// Givens-style inclusion of one row into the regression of AS 154 (R's `inclu2`).
fn inclu2(xnext: &[f64], xrow: &mut [f64], mut ynext: f64, d: &mut [f64], rbar: &mut [f64], thetab: &mut [f64]) {
    let np = d.len();
    xrow[..np].copy_from_slice(&xnext[..np]);
    let mut ithisr = 0;
    for i in 0..np {
        if xrow[i] != 0.0 {
            let xi = xrow[i];
            let di = d[i];
            let dpi = di + xi * xi;
            d[i] = dpi;
            let cbar = di / dpi;
            let sbar = xi / dpi;
            for k in i + 1..np {
                let xk = xrow[k];
                let rbthis = rbar[ithisr];
                xrow[k] = xk - xi * rbthis;
                rbar[ithisr] = cbar * rbthis + sbar * xk;
                ithisr += 1;
            }
            let xk = ynext;
            ynext = xk - xi * thetab[i];
            thetab[i] = cbar * thetab[i] + sbar * xk;
            if di == 0.0 {
                return;
            }
        } else {
            ithisr += np - i - 1;
        }
    }
}

/// Buffers of the Kalman filter, reused across likelihood evaluations.
#[derive(Debug, Clone, Default)]
struct Kalman {
    r: usize,
    rd: usize,
    a: Vec<f64>,
    p: Vec<f64>,
    anew: Vec<f64>,
    pnew: Vec<f64>,
    mm: Vec<f64>,
    m: Vec<f64>,
    q0: Vec<f64>,
}

impl Kalman {
    fn reset(&mut self, phi: &[f64], theta: &[f64], n_delta: usize) {
        let r = phi.len().max(theta.len() + 1);
        let rd = r + n_delta;
        self.r = r;
        self.rd = rd;
        for v in [&mut self.a, &mut self.anew, &mut self.m] {
            v.clear();
            v.resize(rd, 0.0);
        }
        for v in [&mut self.p, &mut self.pnew, &mut self.mm] {
            v.clear();
            v.resize(rd * rd, 0.0);
        }
        self.q0.resize(r * r, 0.0);
        get_q0(phi, theta, &mut self.q0);
        // initial covariance: Q0 for the ARMA states, kappa on the diagonal of the others
        for j in 0..r {
            for i in 0..r {
                self.pnew[i + rd * j] = self.q0[i + r * j];
            }
        }
        for i in r..rd {
            self.pnew[i + rd * i] = KAPPA;
        }
    }
}

/// The exact Gaussian likelihood of `y` (regression part removed) under the ARIMA model with
/// AR polynomial `phi`, MA polynomial `theta` and differencing `delta` (R's `ARIMA_Like`).
/// Returns the sum of squared standardised innovations, the sum of log prediction variances and
/// the number of observations counted; leaves the filtered state of the last observation in
/// `k`. Standardised innovations go to `resid` if given.
fn arima_like(
    y: &[f64],
    phi: &[f64],
    theta: &[f64],
    delta: &[f64],
    k: &mut Kalman,
    mut resid: Option<&mut [f64]>,
) -> (f64, f64, usize) {
    k.reset(phi, theta, delta.len());
    let (p, q, r, rd, d) = (phi.len(), theta.len(), k.r, k.rd, delta.len());
    let mut ssq = 0.0;
    let mut sumlog = 0.0;
    let mut nu = 0usize;
    let Kalman { a, p: pm, anew, pnew, mm, m, .. } = k;
    for (l, &yl) in y.iter().enumerate() {
        for i in 0..r {
            let mut tmp = if i < r - 1 { a[i + 1] } else { 0.0 };
            if i < p {
                tmp += phi[i] * a[0];
            }
            anew[i] = tmp;
        }
        if d > 0 {
            for i in r + 1..rd {
                anew[i] = a[i - 1];
            }
            let mut tmp = a[0];
            for i in 0..d {
                tmp += delta[i] * a[r + i];
            }
            anew[r] = tmp;
        }
        if l > 0 {
            if d == 0 {
                for i in 0..r {
                    let vi = if i == 0 {
                        1.0
                    } else if i - 1 < q {
                        theta[i - 1]
                    } else {
                        0.0
                    };
                    for j in 0..r {
                        let mut tmp = if j == 0 {
                            1.0
                        } else if j - 1 < q {
                            theta[j - 1]
                        } else {
                            0.0
                        };
                        tmp *= vi;
                        if i < p && j < p {
                            tmp += phi[i] * phi[j] * pm[0];
                        }
                        if i < r - 1 && j < r - 1 {
                            tmp += pm[i + 1 + r * (j + 1)];
                        }
                        if i < p && j < r - 1 {
                            tmp += phi[i] * pm[j + 1];
                        }
                        if j < p && i < r - 1 {
                            tmp += phi[j] * pm[i + 1];
                        }
                        pnew[i + r * j] = tmp;
                    }
                }
            } else {
                // mm = T P
                for i in 0..r {
                    for j in 0..rd {
                        let mut tmp = 0.0;
                        if i < p {
                            tmp += phi[i] * pm[rd * j];
                        }
                        if i < r - 1 {
                            tmp += pm[i + 1 + rd * j];
                        }
                        mm[i + rd * j] = tmp;
                    }
                }
                for j in 0..rd {
                    let mut tmp = pm[rd * j];
                    for kk in 0..d {
                        tmp += delta[kk] * pm[r + kk + rd * j];
                    }
                    mm[r + rd * j] = tmp;
                }
                for i in 1..d {
                    for j in 0..rd {
                        mm[r + i + rd * j] = pm[r + i - 1 + rd * j];
                    }
                }
                // Pnew = mm T'
                for i in 0..r {
                    for j in 0..rd {
                        let mut tmp = 0.0;
                        if i < p {
                            tmp += phi[i] * mm[j];
                        }
                        if i < r - 1 {
                            tmp += mm[rd * (i + 1) + j];
                        }
                        pnew[j + rd * i] = tmp;
                    }
                }
                for j in 0..rd {
                    let mut tmp = mm[j];
                    for kk in 0..d {
                        tmp += delta[kk] * mm[rd * (r + kk) + j];
                    }
                    pnew[j + rd * r] = tmp;
                }
                for i in 1..d {
                    for j in 0..rd {
                        pnew[j + rd * (r + i)] = mm[rd * (r + i - 1) + j];
                    }
                }
                for i in 0..=q {
                    let vi = if i == 0 { 1.0 } else { theta[i - 1] };
                    for j in 0..=q {
                        pnew[i + rd * j] += vi * if j == 0 { 1.0 } else { theta[j - 1] };
                    }
                }
            }
        }
        let mut resid0 = yl - anew[0];
        for i in 0..d {
            resid0 -= delta[i] * anew[r + i];
        }
        for i in 0..rd {
            let mut tmp = pnew[i];
            for j in 0..d {
                tmp += pnew[i + rd * (r + j)] * delta[j];
            }
            m[i] = tmp;
        }
        let mut gain = m[0];
        for j in 0..d {
            gain += delta[j] * m[r + j];
        }
        if gain < GAIN_LIMIT {
            nu += 1;
            ssq += resid0 * resid0 / gain;
            sumlog += gain.ln();
        }
        if let Some(res) = resid.as_deref_mut() {
            res[l] = resid0 / gain.sqrt();
        }
        for i in 0..rd {
            a[i] = anew[i] + m[i] * resid0 / gain;
        }
        for i in 0..rd {
            for j in 0..rd {
                pm[i + rd * j] = pnew[i + rd * j] - m[i] * m[j] / gain;
            }
        }
    }
    (ssq, sumlog, nu)
}

/// The conditional sum of squares (R's `ARIMA_CSS`): the series is differenced, the first
/// `ncond` residuals are taken as zero, and the mean square of the rest is returned.
fn arima_css(y: &[f64], o: &Order, phi: &[f64], theta: &[f64], w: &mut Vec<f64>, resid: &mut Vec<f64>) -> f64 {
    let n = y.len();
    w.clear();
    w.extend_from_slice(y);
    for _ in 0..o.d {
        for l in (1..n).rev() {
            w[l] -= w[l - 1];
        }
    }
    for _ in 0..o.sd {
        for l in (o.m..n).rev() {
            w[l] -= w[l - o.m];
        }
    }
    let ncond = o.n_diff() + o.n_phi();
    resid.clear();
    resid.resize(n, 0.0);
    let (p, q) = (phi.len(), theta.len());
    let mut ssq = 0.0;
    let mut nu = 0usize;
    for l in ncond..n {
        let mut tmp = w[l];
        for j in 0..p {
            tmp -= phi[j] * w[l - j - 1];
        }
        for j in 0..(l - ncond).min(q) {
            tmp -= theta[j] * resid[l - j - 1];
        }
        resid[l] = tmp;
        if tmp.is_finite() {
            nu += 1;
            ssq += tmp * tmp;
        }
    }
    if nu == 0 { f64::NAN } else { ssq / nu as f64 }
}

// ---------------------------------------------------------------------------------------
// Fitting one order

/// A fitted ARIMA model.
#[derive(Debug, Clone)]
pub struct ArimaModel {
    pub order: Order,
    /// `[phi (p), theta (q), Phi (P), Theta (Q)]`, then the mean or drift coefficient.
    pub coef: Vec<f64>,
    /// Whether the model has a constant (a mean when undifferenced, a drift with one
    /// difference).
    pub constant: bool,
    pub sigma2: f64,
    /// The residual variance as R's `arima` reports it (mean squared innovation over the
    /// observations used, or the CSS mean square).
    pub sigma2_arima: f64,
    pub loglik: f64,
    pub aic: f64,
    pub aicc: f64,
    /// Estimated by maximum likelihood (else by CSS).
    ml: bool,
    xreg: Xreg,
    n: usize,
    phi: Vec<f64>,
    theta: Vec<f64>,
    delta: Vec<f64>,
    /// Filtered state and covariance after the last observation.
    a: Vec<f64>,
    p: Vec<f64>,
}

/// Why one order could not be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FitFail {
    TooFewObservations,
    NonStationaryCss,
    NotFinite,
}

struct Objective<'a> {
    x: &'a [f64],
    order: Order,
    xreg: Xreg,
    parscale: Vec<f64>,
    n_arma: usize,
    // buffers
    xres: Vec<f64>,
    par: Vec<f64>,
    phi: Vec<f64>,
    theta: Vec<f64>,
    delta: Vec<f64>,
    w: Vec<f64>,
    resid: Vec<f64>,
    kalman: Kalman,
}

impl<'a> Objective<'a> {
    fn new(x: &'a [f64], order: Order, xreg: Xreg, parscale: Vec<f64>) -> Self {
        Objective {
            x,
            order,
            xreg,
            n_arma: order.n_arma(),
            parscale,
            xres: Vec::with_capacity(x.len()),
            par: Vec::new(),
            phi: vec![0.0; order.n_phi()],
            theta: vec![0.0; order.n_theta()],
            delta: delta_of(&order),
            w: Vec::with_capacity(x.len()),
            resid: Vec::with_capacity(x.len()),
            kalman: Kalman::default(),
        }
    }

    /// Parameters from the scaled optimisation vector, and the series less its regression part.
    fn load(&mut self, u: &[f64], trans: bool) {
        self.par.clear();
        self.par.extend(u.iter().zip(&self.parscale).map(|(u, s)| u * s));
        transpar(&self.par, &self.order, trans, &mut self.phi, &mut self.theta);
        self.xres.clear();
        let beta = if self.xreg == Xreg::None { 0.0 } else { self.par[self.n_arma] };
        let xreg = self.xreg;
        self.xres.extend(self.x.iter().enumerate().map(|(t, v)| v - beta * xreg.at(t)));
    }

    fn css(&mut self, u: &[f64]) -> f64 {
        self.load(u, false);
        let res = arima_css(&self.xres, &self.order, &self.phi, &self.theta, &mut self.w, &mut self.resid);
        0.5 * res.ln()
    }

    fn ml(&mut self, u: &[f64]) -> f64 {
        self.load(u, true);
        let (ssq, sumlog, nu) = arima_like(&self.xres, &self.phi, &self.theta, &self.delta, &mut self.kalman, None);
        if nu == 0 {
            return f64::INFINITY;
        }
        let s2 = ssq / nu as f64;
        if s2 <= 0.0 || !s2.is_finite() {
            return f64::NAN;
        }
        0.5 * (s2.ln() + sumlog / nu as f64)
    }
}

const OPTIM_MAXIT: usize = 100;
const OPTIM_RELTOL: f64 = 1.490_116_119_384_765_6e-8;
const NDEPS: f64 = 1e-3;

fn minimise(obj: &mut Objective, u0: &[f64], ml: bool) -> Option<crate::optim::VmminResult> {
    let cell = std::cell::RefCell::new(obj);
    let f = |u: &[f64]| {
        let mut o = cell.borrow_mut();
        if ml { o.ml(u) } else { o.css(u) }
    };
    vmmin(f, |u, g, f| central_gradient(u, g, f, NDEPS), u0, OPTIM_MAXIT, OPTIM_RELTOL)
}

/// Buffers of [`css_least_squares`], kept per thread between fits.
#[derive(Default)]
struct LsScratch {
    dx: Vec<f64>,
    dr: Vec<f64>,
    dphi: Vec<f64>,
    dtheta: Vec<f64>,
    phi: Vec<f64>,
    theta: Vec<f64>,
    w: Vec<f64>,
    e: Vec<f64>,
    jac: Vec<f64>,
    e_try: Vec<f64>,
    w_try: Vec<f64>,
    a: Vec<f64>,
    damped: Vec<f64>,
    g: Vec<f64>,
    rhs: Vec<f64>,
    cand: Vec<f64>,
}

thread_local! {
    static LS_SCRATCH: std::cell::RefCell<LsScratch> = std::cell::RefCell::new(LsScratch::default());
}

fn sized(v: &mut Vec<f64>, n: usize) -> &mut Vec<f64> {
    v.clear();
    v.resize(n, 0.0);
    v
}

/// Minimises the conditional sum of squares by Levenberg-Marquardt. `init`: starting values
/// `[phi, theta, Phi, Theta, beta?]`.
fn css_least_squares(x: &[f64], o: &Order, xreg: Xreg, init: &[f64]) -> Option<Vec<f64>> {
    LS_SCRATCH.with(|s| css_least_squares_in(x, o, xreg, init, &mut s.borrow_mut()))
}

fn css_least_squares_in(x: &[f64], o: &Order, xreg: Xreg, init: &[f64], sc: &mut LsScratch) -> Option<Vec<f64>> {
    let n = x.len();
    let k = init.len();
    let n_arma = o.n_arma();
    let (np, nq) = (o.n_phi(), o.n_theta());
    let ncond = o.n_diff() + np;
    if ncond >= n {
        return None;
    }
    // differenced series and regressor, kept at full length as R's ARIMA_CSS does
    let difference = |v: &mut Vec<f64>| {
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
    };
    let LsScratch { dx, dr, dphi, dtheta, phi, theta, w, e, jac, e_try, w_try, a, damped, g, rhs, cand } = sc;
    dx.clear();
    dx.extend_from_slice(x);
    difference(dx);
    dr.clear();
    dr.extend((0..n).map(|t| xreg.at(t)));
    difference(dr);
    let (dx, dr) = (&*dx, &*dr);
    let has_beta = xreg != Xreg::None;
    // derivatives of the expanded polynomials with respect to each parameter
    let dphi = sized(dphi, k * np);
    let dtheta = sized(dtheta, k * nq);
    let derivatives = |b: &[f64], dphi: &mut [f64], dtheta: &mut [f64]| {
        dphi.fill(0.0);
        dtheta.fill(0.0);
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
    };
    let phi = sized(phi, np);
    let theta = sized(theta, nq);
    let mut w = sized(w, n);
    let mut e = sized(e, n);
    let jac = sized(jac, n * k);
    let sse_of = |b: &[f64], phi: &mut [f64], theta: &mut [f64], w: &mut [f64], e: &mut [f64]| -> f64 {
        transpar(b, o, false, phi, theta);
        let beta = if has_beta { b[n_arma] } else { 0.0 };
        for t in 0..n {
            w[t] = dx[t] - beta * dr[t];
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
    };
    let seasonal_free = o.sp == 0 && o.sq == 0;
    let mut b = init.to_vec();
    let mut sse = sse_of(&b, phi, theta, w, e);
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
        // Jacobian of the residuals by their recursion, one parameter (column) at a time:
        // de_t/db = (derivative of w_t - phi(B) w_t) - sum_j theta_j de_{t-j-1}/db
        derivatives(&b, dphi, dtheta);
        for c in 0..k {
            let col = &mut jac[c * n..(c + 1) * n];
            col[..ncond].fill(0.0);
            for t in ncond..n {
                let lim = (t - ncond).min(nq);
                let mut d = if has_beta && c == n_arma {
                    let mut v = -dr[t];
                    for j in 0..np {
                        v += phi[j] * dr[t - j - 1];
                    }
                    v
                } else if seasonal_free && c < o.p {
                    // a plain AR coefficient: its polynomial derivative is a unit vector
                    -w[t - c - 1]
                } else if seasonal_free {
                    let j = c - o.p;
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
        // normal equations J'J and -J'e over the residuals counted
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
                    let s_new = sse_of(cand, phi, theta, w_try, e_try);
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

/// Solves `a x = b` (k x k, row-major) by Gaussian elimination with partial pivoting.
fn solve_linear(a: &mut [f64], b: &mut [f64], k: usize) -> Option<Vec<f64>> {
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

/// Fits one order (R's `arima(x, order, seasonal, include.mean/xreg, method)` as called by
/// `auto.arima`'s `myarima`, with AICc). `constant`: a mean if the model is undifferenced, a
/// drift if it has one difference in all; ignored with two or more.
pub fn fit_order(x: &[f64], order: Order, constant: bool, method: Method) -> Option<ArimaModel> {
    let mut m = fit_order_inner(x, order, constant, method, 0.0).ok()?;
    m.finish(x).ok()?;
    Some(m)
}

/// `offset`: added to the CSS information criteria (R's `auto.arima(approximation = TRUE)`).
fn fit_order_inner(
    x: &[f64],
    order: Order,
    constant: bool,
    method: Method,
    offset: f64,
) -> Result<ArimaModel, FitFail> {
    let n = x.len();
    let nd = order.d + order.sd;
    let xreg = match (constant, nd) {
        (true, 0) => Xreg::Intercept,
        (true, 1) => Xreg::Drift,
        _ => Xreg::None,
    };
    let n_arma = order.n_arma();
    let n_delta = order.n_diff();
    n.checked_sub(n_delta).filter(|v| *v > 0).ok_or(FitFail::TooFewObservations)?;
    // initial values: zeros for the ARMA part; least squares on the differenced data for the
    // regression coefficient, whose scale (10 standard errors) is R's `parscale`
    let mut init = vec![0.0; n_arma];
    let mut parscale = vec![1.0; n_arma];
    if xreg != Xreg::None {
        let mut dx = x.to_vec();
        let mut dr: Vec<f64> = (0..n).map(|t| xreg.at(t)).collect();
        for _ in 0..order.d {
            dx = dx.windows(2).map(|w| w[1] - w[0]).collect();
            dr = dr.windows(2).map(|w| w[1] - w[0]).collect();
        }
        for _ in 0..order.sd {
            dx = (order.m..dx.len()).map(|t| dx[t] - dx[t - order.m]).collect();
            dr = (order.m..dr.len()).map(|t| dr[t] - dr[t - order.m]).collect();
        }
        let sxx: f64 = dr.iter().map(|v| v * v).sum();
        let sxy: f64 = dr.iter().zip(&dx).map(|(a, b)| a * b).sum();
        if sxx <= 0.0 || dx.len() < 2 {
            return Err(FitFail::TooFewObservations);
        }
        let beta = sxy / sxx;
        let rss: f64 = dr.iter().zip(&dx).map(|(a, b)| (b - beta * a).powi(2)).sum();
        let se = (rss / (dx.len() - 1) as f64 / sxx).sqrt();
        init.push(beta);
        parscale.push(if se > 0.0 { 10.0 * se } else { 1.0 });
    }
    let scaled = |v: &[f64]| -> Vec<f64> { v.iter().zip(&parscale).map(|(a, s)| a / s).collect() };
    if method == Method::CssLs {
        let coef = css_least_squares(x, &order, xreg, &init).ok_or(FitFail::NotFinite)?;
        return model_from(x, order, xreg, coef, None, offset);
    }
    let mut obj = Objective::new(x, order, xreg, parscale.clone());
    let (coef, ml_value) = match method {
        Method::CssLs => unreachable!("handled above"),
        Method::Css => {
            let css = minimise(&mut obj, &scaled(&init), false).ok_or(FitFail::NotFinite)?;
            (css.x.iter().zip(&parscale).map(|(u, s)| u * s).collect(), None)
        }
        Method::CssMl => {
            // conditional sum of squares for the start
            let css = minimise(&mut obj, &scaled(&init), false).ok_or(FitFail::NotFinite)?;
            let css_par: Vec<f64> = css.x.iter().zip(&parscale).map(|(u, s)| u * s).collect();
            let mut start = if css.hit_max_iter { init.clone() } else { css_par };
            // R: stop("non-stationary AR part from CSS")
            let v = order.p + order.q;
            if order.p > 0 && !roots_outside(&start[..order.p], 1.0) {
                return Err(FitFail::NonStationaryCss);
            }
            if order.sp > 0 && !roots_outside(&start[v..v + order.sp], 1.0) {
                return Err(FitFail::NonStationaryCss);
            }
            // to the PACF scale
            let mut t = start.clone();
            if order.p > 0 && !invpartrans(&start[..order.p], &mut t[..order.p]) {
                return Err(FitFail::NonStationaryCss);
            }
            if order.sp > 0 && !invpartrans(&start[v..v + order.sp], &mut t[v..v + order.sp]) {
                return Err(FitFail::NonStationaryCss);
            }
            start = t;
            // enforce invertibility of the start (R's maInvert)
            let sv = order.p + order.q + order.sp;
            ma_invert(&mut start[order.p..order.p + order.q]);
            ma_invert(&mut start[sv..sv + order.sq]);
            let res = minimise(&mut obj, &scaled(&start), true).ok_or(FitFail::NotFinite)?;
            let mut coef: Vec<f64> = res.x.iter().zip(&parscale).map(|(u, s)| u * s).collect();
            let before = coef.clone();
            ma_invert(&mut coef[order.p..order.p + order.q]);
            ma_invert(&mut coef[sv..sv + order.sq]);
            let mut value = res.value;
            if coef != before {
                // R re-evaluates at the reflected point (optim with maxit = 0)
                value = obj.ml(&scaled(&coef));
            }
            // back from the PACF scale
            let raw = coef.clone();
            if order.p > 0 {
                partrans(&raw[..order.p], &mut coef[..order.p]);
            }
            if order.sp > 0 {
                partrans(&raw[v..v + order.sp], &mut coef[v..v + order.sp]);
            }
            (coef, Some(value))
        }
    };
    model_from(x, order, xreg, coef, ml_value, offset)
}

/// The information criteria of an estimate (R's `arima` and `myarima`); the state for
/// forecasting is added by [`ArimaModel::finish`].
fn model_from(
    x: &[f64],
    order: Order,
    xreg: Xreg,
    coef: Vec<f64>,
    ml_value: Option<f64>,
    offset: f64,
) -> Result<ArimaModel, FitFail> {
    let n = x.len();
    let n_arma = order.n_arma();
    let k = coef.len();
    let n_used = n - order.n_diff();
    let mut phi = vec![0.0; order.n_phi()];
    let mut theta = vec![0.0; order.n_theta()];
    transpar(&coef, &order, false, &mut phi, &mut theta);
    let npar = k + 1;
    let nf = n_used as f64;
    let nstar = (n - order.n_diff()) as f64;
    let ln2pi = (2.0 * std::f64::consts::PI).ln();
    let (loglik, aic) = match ml_value {
        Some(v) => {
            let value = 2.0 * nf * v + nf + nf * ln2pi;
            (-0.5 * value, value + 2.0 * npar as f64)
        }
        None => {
            let beta = if xreg == Xreg::None { 0.0 } else { coef[n_arma] };
            let xres: Vec<f64> = x.iter().enumerate().map(|(t, v)| v - beta * xreg.at(t)).collect();
            let s2 = arima_css(&xres, &order, &phi, &theta, &mut Vec::new(), &mut Vec::new());
            let value = nf * s2.ln() + nf + nf * ln2pi;
            // R's myarima for CSS: aic = offset + nstar log(sigma2) + 2 npar
            (-0.5 * value, offset + nstar * s2.ln() + 2.0 * npar as f64)
        }
    };
    if !aic.is_finite() {
        return Err(FitFail::NotFinite);
    }
    let npf = npar as f64;
    let denom = nstar - npf - 1.0;
    let aicc = if denom != 0.0 { aic + 2.0 * npf * (npf + 1.0) / denom } else { f64::INFINITY };
    Ok(ArimaModel {
        order,
        coef,
        constant: xreg != Xreg::None,
        sigma2: f64::NAN,
        sigma2_arima: f64::NAN,
        loglik,
        aic,
        aicc,
        ml: ml_value.is_some(),
        xreg,
        n,
        phi,
        theta,
        delta: delta_of(&order),
        a: Vec::new(),
        p: Vec::new(),
    })
}

impl ArimaModel {
    /// The final pass over the data at the estimates: the filtered state for forecasting and
    /// the residual variance (R's `myarima`: the sum of squared residuals, standardised
    /// innovations for maximum likelihood and CSS residuals for CSS, over `nstar - npar + 1`).
    fn finish(&mut self, x: &[f64]) -> Result<(), FitFail> {
        let n_arma = self.order.n_arma();
        let beta = if self.xreg == Xreg::None { 0.0 } else { self.coef[n_arma] };
        let xres: Vec<f64> = x.iter().enumerate().map(|(t, v)| v - beta * self.xreg.at(t)).collect();
        let mut kalman = Kalman::default();
        let mut resid = vec![0.0; x.len()];
        let (ssq, _, _) = arima_like(&xres, &self.phi, &self.theta, &self.delta, &mut kalman, Some(&mut resid));
        self.sigma2_arima = ssq / (x.len() - self.order.n_diff()) as f64;
        if !self.ml {
            self.sigma2_arima = arima_css(&xres, &self.order, &self.phi, &self.theta, &mut Vec::new(), &mut resid);
        }
        let nstar = (x.len() - self.order.n_diff()) as f64;
        let npar = (n_arma + usize::from(self.xreg != Xreg::None) + 1) as f64;
        self.sigma2 = resid.iter().map(|r| r * r).sum::<f64>() / (nstar - npar + 1.0);
        if !self.sigma2.is_finite() {
            return Err(FitFail::NotFinite);
        }
        let Kalman { a, p, .. } = kalman;
        self.a = a;
        self.p = p;
        Ok(())
    }
}

impl ArimaModel {
    /// Point forecasts and standard errors for steps 1..=h (R's `KalmanForecast` plus the
    /// regression part).
    pub fn forecast(&self, h: usize) -> (Vec<f64>, Vec<f64>) {
        let (p, q) = (self.phi.len(), self.theta.len());
        let r = p.max(q + 1);
        let d = self.delta.len();
        let rd = r + d;
        // transition T, observation Z, disturbance V = R R'
        let mut t = vec![0.0; rd * rd]; // row-major here
        for i in 0..p {
            t[i * rd] = self.phi[i];
        }
        for i in 1..r {
            t[(i - 1) * rd + i] = 1.0;
        }
        let mut z = vec![0.0; rd];
        z[0] = 1.0;
        for i in 0..d {
            z[r + i] = self.delta[i];
        }
        if d > 0 {
            t[r * rd..(r + 1) * rd].copy_from_slice(&z);
            for i in 1..d {
                t[(r + i) * rd + r + i - 1] = 1.0;
            }
        }
        let mut rv = vec![0.0; rd];
        rv[0] = 1.0;
        rv[1..=q].copy_from_slice(&self.theta);
        let mut a = self.a.clone();
        // P is symmetric; store row-major
        let mut pm = self.p.clone();
        let mut out = Vec::with_capacity(h);
        let mut var = Vec::with_capacity(h);
        let mut tmp = vec![0.0; rd * rd];
        let mut anew = vec![0.0; rd];
        for step in 0..h {
            for i in 0..rd {
                anew[i] = (0..rd).map(|j| t[i * rd + j] * a[j]).sum();
            }
            a.copy_from_slice(&anew);
            let fc: f64 = (0..rd).map(|i| z[i] * a[i]).sum();
            // P = T P T' + V
            for i in 0..rd {
                for j in 0..rd {
                    tmp[i * rd + j] = (0..rd).map(|k| t[i * rd + k] * pm[k * rd + j]).sum();
                }
            }
            for i in 0..rd {
                for j in 0..rd {
                    pm[i * rd + j] = (0..rd).map(|k| tmp[i * rd + k] * t[j * rd + k]).sum::<f64>() + rv[i] * rv[j];
                }
            }
            let mut v = 0.0;
            for i in 0..rd {
                for j in 0..rd {
                    v += z[i] * pm[i * rd + j] * z[j];
                }
            }
            let xm = match self.xreg {
                Xreg::None => 0.0,
                x => self.coef[self.order.n_arma()] * x.at(self.n + step),
            };
            out.push(fc + xm);
            var.push((v.max(0.0) * self.sigma2).sqrt());
        }
        (out, var)
    }

    pub fn order(&self) -> Order {
        self.order
    }
}

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

fn is_constant(x: &[f64]) -> bool {
    x.iter().all(|v| *v == x[0])
}

/// What `auto.arima` settled on.
#[derive(Debug, Clone)]
pub enum AutoFit {
    Model(Box<ArimaModel>),
    /// Constant data, or data that are a polynomial after differencing: forecast exactly.
    Deterministic {
        order: Order,
        last: Vec<f64>,
        step: f64,
        n: usize,
    },
}

/// Settings of the automatic search (forecast 8.20 defaults).
#[derive(Debug, Clone, Copy)]
pub struct AutoSettings {
    pub max_p: usize,
    pub max_q: usize,
    pub max_sp: usize,
    pub max_sq: usize,
    pub max_d: usize,
    pub max_sd: usize,
    pub start_p: usize,
    pub start_q: usize,
    pub start_sp: usize,
    pub start_sq: usize,
    pub nmodels: usize,
    pub allow_drift: bool,
    pub allow_mean: bool,
    /// How each order is estimated during the search (R's `method`).
    pub method: Method,
    /// R's `approximation`: the search compares orders by CSS estimates (with R's offset from
    /// the likelihood of the differenced white-noise model), then the best orders are refitted
    /// by `method` in order of their criterion until one is acceptable. `None`: R's default,
    /// approximate for series longer than 150 or periods above 12.
    pub approximation: Option<bool>,
}

impl Default for AutoSettings {
    fn default() -> Self {
        AutoSettings {
            max_p: 5,
            max_q: 5,
            max_sp: 2,
            max_sq: 2,
            max_d: 2,
            max_sd: 1,
            start_p: 2,
            start_q: 2,
            start_sp: 1,
            start_sq: 1,
            nmodels: 94,
            allow_drift: true,
            allow_mean: true,
            method: Method::CssMl,
            approximation: None,
        }
    }
}

/// `forecast::auto.arima(x)` with period `m` (1: non-seasonal), stepwise, by AICc.
pub fn auto_arima(x: &[f64], m: usize, s: &AutoSettings) -> Option<AutoFit> {
    auto_arima_traced(x, m, s, &mut None)
}

/// One model of the search and its AICc (infinite if rejected).
pub type Tried = (Order, bool, f64);

/// [`auto_arima`], recording every model tried (as R's `trace = TRUE`).
pub fn auto_arima_traced(x: &[f64], m: usize, s: &AutoSettings, trace: &mut Option<Vec<Tried>>) -> Option<AutoFit> {
    let n = x.len();
    if n == 0 {
        return None;
    }
    if is_constant(x) {
        return Some(AutoFit::Deterministic { order: Order::new(0, 0, 0), last: vec![x[0]], step: 0.0, n });
    }
    let m = m.max(1);
    let mut max_p = s.max_p.min(n / 3);
    let mut max_q = s.max_q.min(n / 3);
    let mut max_sp = s.max_sp.min(n / 3 / m);
    let mut max_sq = s.max_sq.min(n / 3 / m);
    let sd = if m == 1 {
        max_sp = 0;
        max_sq = 0;
        0
    } else if n <= 2 * m {
        0
    } else {
        nsdiffs(x, m).min(s.max_sd)
    };
    let mut dx = x.to_vec();
    if sd > 0 {
        dx = (m..dx.len()).map(|t| dx[t] - dx[t - m]).collect();
    }
    let d = ndiffs(&dx, s.max_d);
    for _ in 0..d {
        dx = dx.windows(2).map(|w| w[1] - w[0]).collect();
    }
    if dx.is_empty() {
        return None;
    }
    if is_constant(&dx) {
        // Deterministic: seasonal naive / random walk with the constant step, or a polynomial.
        let order = Order::seasonal(0, d, 0, 0, sd, 0, m);
        // the model has a constant (fixed at the differenced value) only with one difference
        let step = if d + sd == 1 { dx[0] } else { 0.0 };
        return Some(AutoFit::Deterministic { order, last: x.to_vec(), step, n });
    }
    if m > 1 {
        if max_sp > 0 {
            max_p = max_p.min(m - 1);
        }
        if max_sq > 0 {
            max_q = max_q.min(m - 1);
        }
    }
    let allow_drift = s.allow_drift && d + sd == 1;
    let allow_mean = s.allow_mean && d + sd == 0;
    let mut constant = allow_drift || allow_mean;
    let (mut start_p, mut start_q, mut start_sp, mut start_sq) = (s.start_p, s.start_q, s.start_sp, s.start_sq);
    if n < 10 {
        start_p = start_p.min(1);
        start_q = start_q.min(1);
        start_sp = 0;
        start_sq = 0;
    }
    let mut p = start_p.min(max_p);
    let mut q = start_q.min(max_q);
    let mut sp = start_sp.min(max_sp);
    let mut sq = start_sq.min(max_sq);

    let order = |p, q, sp, sq| Order::seasonal(p, d, q, sp, sd, sq, m);
    // the orders tried, (p, q, P, Q, constant), with their criterion
    let mut results: Vec<((usize, usize, usize, usize, bool), f64)> = Vec::with_capacity(s.nmodels);
    let ic_of = |f: &Option<ArimaModel>| -> f64 {
        match f {
            Some(f) if roots_ok(&f.phi, &f.theta) && !f.aicc.is_nan() => f.aicc,
            _ => f64::INFINITY,
        }
    };
    // R: offset <- -2 * fit$loglik - serieslength * log(fit$sigma2) for Arima(x, c(0, d, 0),
    // c(0, D, 0)) (a mean only when undifferenced), estimated by `method`
    let approximation = s.approximation.unwrap_or(n > 150 || m > 12);
    let (search_method, offset) = if approximation {
        let offset = fit_order(x, order(0, 0, 0, 0), d + sd == 0, s.method)
            .map(|f| -2.0 * f.loglik - n as f64 * f.sigma2_arima.ln())
            .filter(|v| v.is_finite())
            .unwrap_or(0.0);
        (if s.method == Method::CssLs { Method::CssLs } else { Method::Css }, offset)
    } else {
        (s.method, 0.0)
    };
    let mut try_fit = |p, q, sp, sq, c| -> (f64, Option<ArimaModel>) {
        let f = fit_order_inner(x, order(p, q, sp, sq), c, search_method, offset).ok();
        let ic = ic_of(&f);
        if let Some(t) = trace.as_mut() {
            t.push((order(p, q, sp, sq), c, ic));
        }
        (ic, f)
    };
    let (mut best_ic, mut best) = try_fit(p, q, sp, sq, constant);
    results.push(((p, q, sp, sq, constant), best_ic));
    let (ic, f) = try_fit(0, 0, 0, 0, constant);
    results.push(((0, 0, 0, 0, constant), ic));
    if ic < best_ic {
        (best_ic, best) = (ic, f);
        (p, q, sp, sq) = (0, 0, 0, 0);
    }
    if max_p > 0 || max_sp > 0 {
        let (p_, sp_) = (usize::from(max_p > 0), usize::from(m > 1 && max_sp > 0));
        let (ic, f) = try_fit(p_, 0, sp_, 0, constant);
        results.push(((p_, 0, sp_, 0, constant), ic));
        if ic < best_ic {
            (best_ic, best) = (ic, f);
            (p, sp, q, sq) = (p_, sp_, 0, 0);
        }
    }
    if max_q > 0 || max_sq > 0 {
        let (q_, sq_) = (usize::from(max_q > 0), usize::from(m > 1 && max_sq > 0));
        let (ic, f) = try_fit(0, q_, 0, sq_, constant);
        results.push(((0, q_, 0, sq_, constant), ic));
        if ic < best_ic {
            (best_ic, best) = (ic, f);
            (p, sp, q, sq) = (0, 0, q_, sq_);
        }
    }
    if constant {
        let (ic, f) = try_fit(0, 0, 0, 0, false);
        results.push(((0, 0, 0, 0, false), ic));
        if ic < best_ic {
            (best_ic, best) = (ic, f);
            (p, q, sp, sq) = (0, 0, 0, 0);
        }
    }
    let mut startk = 0;
    while startk < results.len() && results.len() < s.nmodels {
        startk = results.len();
        // candidate moves in R's order: seasonal part first, then the non-seasonal part,
        // then the constant
        let ip = p as isize;
        let iq = q as isize;
        let isp = sp as isize;
        let isq = sq as isize;
        let moves: [(isize, isize, isize, isize, bool); 17] = [
            (ip, iq, isp - 1, isq, constant),
            (ip, iq, isp, isq - 1, constant),
            (ip, iq, isp + 1, isq, constant),
            (ip, iq, isp, isq + 1, constant),
            (ip, iq, isp - 1, isq - 1, constant),
            (ip, iq, isp - 1, isq + 1, constant),
            (ip, iq, isp + 1, isq - 1, constant),
            (ip, iq, isp + 1, isq + 1, constant),
            (ip - 1, iq, isp, isq, constant),
            (ip, iq - 1, isp, isq, constant),
            (ip + 1, iq, isp, isq, constant),
            (ip, iq + 1, isp, isq, constant),
            (ip - 1, iq - 1, isp, isq, constant),
            (ip - 1, iq + 1, isp, isq, constant),
            (ip + 1, iq - 1, isp, isq, constant),
            (ip + 1, iq + 1, isp, isq, constant),
            (ip, iq, isp, isq, !constant),
        ];
        for (idx, &(np, nq, nsp, nsq, nc)) in moves.iter().enumerate() {
            if idx == 16 && !(allow_drift || allow_mean) {
                continue;
            }
            if np < 0 || nq < 0 || nsp < 0 || nsq < 0 {
                continue;
            }
            let (np, nq, nsp, nsq) = (np as usize, nq as usize, nsp as usize, nsq as usize);
            if np > max_p || nq > max_q || nsp > max_sp || nsq > max_sq {
                continue;
            }
            let cand = (np, nq, nsp, nsq, nc);
            if results.iter().any(|(c, _)| *c == cand) {
                continue;
            }
            if results.len() >= s.nmodels {
                break;
            }
            let (ic, f) = try_fit(np, nq, nsp, nsq, nc);
            results.push((cand, ic));
            if ic < best_ic {
                (best_ic, best) = (ic, f);
                (p, q, sp, sq, constant) = cand;
                break;
            }
        }
    }
    if !best_ic.is_finite() {
        return None;
    }
    if approximation {
        // refit the orders by the criterion of the search, best first, until one is acceptable
        results.sort_by(|a, b| a.1.total_cmp(&b.1));
        best = None;
        for &((p, q, sp, sq, c), _) in &results {
            let f = fit_order_inner(x, order(p, q, sp, sq), c, s.method, 0.0).ok();
            if ic_of(&f).is_finite() {
                best = f;
                break;
            }
        }
    }
    let mut best = best?;
    best.finish(x).ok()?;
    Some(AutoFit::Model(Box::new(best)))
}

impl AutoFit {
    /// Point forecasts and standard errors for steps 1..=h.
    pub fn forecast(&self, h: usize) -> (Vec<f64>, Vec<f64>) {
        match self {
            AutoFit::Model(m) => m.forecast(h),
            AutoFit::Deterministic { order, last, step, .. } => {
                let delta = delta_of(order);
                if delta.is_empty() {
                    // constant data: the mean
                    return (vec![last[last.len() - 1]; h], vec![0.0; h]);
                }
                let mut y = last.clone();
                for _ in 0..h {
                    let t = y.len();
                    let v = step + delta.iter().enumerate().map(|(i, d)| d * y[t - 1 - i]).sum::<f64>();
                    y.push(v);
                }
                (y[last.len()..].to_vec(), vec![0.0; h])
            }
        }
    }

    /// The model as R's `arima.string` names it, e.g. `ARIMA(0,1,1) with drift`.
    pub fn describe(&self) -> String {
        match self {
            AutoFit::Model(m) => {
                // R's arima.string
                let c = match (m.constant, m.order.d + m.order.sd) {
                    (true, 0) => " with non-zero mean",
                    (true, _) => " with drift",
                    (false, 0) => " with zero mean",
                    _ => "",
                };
                format!("{}{c}", m.order)
            }
            AutoFit::Deterministic { order, .. } => format!("{order} (deterministic)"),
        }
    }

    pub fn order(&self) -> Order {
        match self {
            AutoFit::Model(m) => m.order,
            AutoFit::Deterministic { order, .. } => *order,
        }
    }
}

/// Automatic ARIMA to fit.
#[derive(Debug, Clone, Copy)]
pub struct AutoArima {
    pub season_length: usize,
    /// `None`: seasonal ARIMA terms for periods above 1, as R's `auto.arima`. `Some(policy)`:
    /// remove seasonality by classical multiplicative decomposition under `policy` (as the
    /// ETS family does) and search non-seasonal orders on the adjusted data.
    pub adjust: Option<SeasonalPolicy>,
    pub settings: AutoSettings,
}

impl AutoArima {
    pub fn new(season_length: usize) -> Self {
        AutoArima { season_length: season_length.max(1), adjust: None, settings: AutoSettings::default() }
    }
    /// Seasonal adjustment by decomposition instead of seasonal ARIMA terms.
    pub fn adjusted(mut self, policy: SeasonalPolicy) -> Self {
        self.adjust = Some(policy);
        self
    }
    pub fn method(mut self, method: Method) -> Self {
        self.settings.method = method;
        self
    }
    /// Always (or never) use R's approximation (see [`AutoSettings::approximation`]).
    pub fn approximation(mut self, on: bool) -> Self {
        self.settings.approximation = Some(on);
        self
    }
}

/// A fitted automatic ARIMA.
#[derive(Debug, Clone)]
pub struct ArimaFit {
    pub fit: AutoFit,
    seasonal: Option<SeasonalAdjustment>,
}

impl Fit for AutoArima {
    type Fitted = ArimaFit;
    fn fit(&self, y: &[f64]) -> Result<ArimaFit, ForecastError> {
        need("autoarima", y, 6)?;
        let (seasonal, m) = match self.adjust {
            Some(policy) => (adjustment(y, self.season_length, policy), 1),
            None => (None, self.season_length),
        };
        let adjusted;
        let series: &[f64] = match &seasonal {
            Some(s) => {
                adjusted = s.adjust(y);
                &adjusted
            }
            None => y,
        };
        let fit = auto_arima(series, m, &self.settings)
            .ok_or_else(|| ForecastError::Failed("autoarima: no suitable ARIMA model found".into()))?;
        Ok(ArimaFit { fit, seasonal })
    }
}

impl Predict for ArimaFit {
    fn predict(&self, h: usize, levels: &[f64]) -> Forecast {
        let (point, sd) = self.fit.forecast(h);
        let mut fc = Forecast::normal(point, &sd, levels);
        if let Some(s) = &self.seasonal {
            fc.map_steps(|v, k| s.restore(v, k));
        }
        fc
    }
    fn name(&self) -> &'static str {
        "autoarima"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SplitMix64 + Box-Muller, seeded.
    fn noise(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed;
        let mut next = || {
            s = s.wrapping_add(0x9E3779B97F4A7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|_| {
                let (u, v) = (next().max(1e-300), next());
                (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
            })
            .collect()
    }

    /// The initial covariance solves `P = T P T' + R R'` (checked directly, for AR, MA, mixed
    /// and seasonal polynomials), and equals R's `getQ0` on a reference case.
    #[test]
    fn q0_solves_the_lyapunov_equation() {
        let cases: [(&[f64], &[f64]); 6] = [
            (&[0.5, -0.2], &[0.3]),
            (&[0.9], &[]),
            (&[], &[0.4, -0.3, 0.2]),
            (&[1.2, -0.5, 0.1], &[0.5, 0.2]),
            // ARIMA(1,0,1)(1,0,0)[4] expanded: phi = [0.5, 0, 0, 0.6, -0.3], theta = [0.3]
            (&[0.5, 0.0, 0.0, 0.6, -0.3], &[0.3]),
            (&[-0.7, 0.1], &[-0.6, 0.0, 0.0, 0.5, -0.3]),
        ];
        for (phi, theta) in cases {
            let r = phi.len().max(theta.len() + 1);
            let mut p0 = vec![0.0; r * r];
            get_q0(phi, theta, &mut p0);
            let mut t = vec![0.0; r * r];
            for i in 0..phi.len() {
                t[i * r] = phi[i];
            }
            for i in 1..r {
                t[(i - 1) * r + i] = 1.0;
            }
            let mut rv = vec![0.0; r];
            rv[0] = 1.0;
            rv[1..=theta.len()].copy_from_slice(theta);
            for i in 0..r {
                for j in 0..r {
                    let mut tpt = 0.0;
                    for k in 0..r {
                        for l in 0..r {
                            tpt += t[i * r + k] * p0[k + r * l] * t[j * r + l];
                        }
                    }
                    let rhs = tpt + rv[i] * rv[j];
                    let lhs = p0[i + r * j];
                    assert!((lhs - rhs).abs() < 1e-9 * (1.0 + lhs.abs()), "{phi:?} {theta:?} ({i},{j}) {lhs} vs {rhs}");
                }
            }
        }
        // R 4.2.2: .Call(stats:::C_getQ0, c(0.5, -0.2), 0.3)
        let mut p0 = vec![0.0; 4];
        get_q0(&[0.5, -0.2], &[0.3], &mut p0);
        let r_value = [1.6890756302521006, 0.10924369747899156, 0.10924369747899156, 0.15756302521008403];
        for (a, b) in p0.iter().zip(r_value) {
            assert!((a - b).abs() < 1e-12, "{p0:?}");
        }
    }

    #[test]
    fn pacf_transform_round_trips_and_stays_stationary() {
        let raw = [0.8, -1.5, 2.0, 0.3];
        let mut phi = [0.0; 4];
        partrans(&raw, &mut phi);
        assert!(roots_outside(&phi, 1.0));
        let mut back = [0.0; 4];
        assert!(invpartrans(&phi, &mut back));
        for (a, b) in raw.iter().zip(back) {
            assert!((a - b).abs() < 1e-9);
        }
        assert!(!invpartrans(&[1.2, -0.1], &mut back[..2]));
    }

    #[test]
    fn schur_cohn_agrees_with_known_roots() {
        // 1 - 0.5z: root 2. 1 - 1.5z + 0.56z^2 = (1-0.7z)(1-0.8z): roots 1.43, 1.25.
        assert!(roots_outside(&[0.5], 1.0));
        assert!(roots_outside(&[0.5], 1.9));
        assert!(!roots_outside(&[0.5], 2.1));
        assert!(roots_outside(&[1.5, -0.56], 1.2));
        assert!(!roots_outside(&[1.5, -0.56], 1.3));
        assert!(!roots_outside(&[1.0], 1.0));
        // complex pair with modulus 1/sqrt(0.81) = 1.11
        assert!(roots_outside(&[0.9, -0.81], 1.1));
        assert!(!roots_outside(&[0.9, -0.81], 1.12));
        assert!(roots_outside(&[0.5, 0.0, 0.0], 1.9), "trailing zeros are ignored");
    }

    /// The likelihood of an ARMA(2,1) with one difference equals R's `ARIMA_Like` on the same
    /// data (R 4.2.2: `.Call(stats:::C_ARIMA_Like, y, makeARIMA(c(0.5, -0.2), 0.3, 1), 0L, FALSE)`).
    #[test]
    fn likelihood_matches_r() {
        let y = [1., 2., 4., 3., 5., 6., 8., 7., 9., 11.];
        let mut k = Kalman::default();
        let (ssq, sumlog, nu) = arima_like(&y, &[0.5, -0.2], &[0.3], &[1.0], &mut k, None);
        assert_eq!(nu, 9);
        assert!((ssq - 45.933241619860105).abs() < 1e-9, "{ssq}");
        assert!((sumlog - 0.677229554106579).abs() < 1e-9, "{sumlog}");
        // the same value on a second call (no state carried over between evaluations)
        let again = arima_like(&y, &[0.5, -0.2], &[0.3], &[1.0], &mut k, None);
        assert_eq!(again, (ssq, sumlog, nu));
    }

    #[test]
    fn recovers_an_ar1_and_an_ma1() {
        let e = noise(500, 11);
        let mut ar = vec![0.0; 500];
        for t in 1..500 {
            ar[t] = 0.6 * ar[t - 1] + e[t];
        }
        let f = fit_order(&ar, Order::new(1, 0, 0), true, Method::CssMl).unwrap();
        assert!((f.coef[0] - 0.6).abs() < 0.08, "{:?}", f.coef);
        let ma: Vec<f64> = (0..500).map(|t| e[t] + if t > 0 { -0.5 * e[t - 1] } else { 0.0 }).collect();
        let f = fit_order(&ma, Order::new(0, 0, 1), false, Method::CssMl).unwrap();
        assert!((f.coef[0] + 0.5).abs() < 0.08, "{:?}", f.coef);
        let auto = auto_arima(&ar, 1, &AutoSettings::default()).unwrap();
        assert!(auto.order().p >= 1, "{}", auto.describe());
    }

    #[test]
    fn random_walk_with_drift_forecasts_the_drift_and_widening_intervals() {
        let e = noise(60, 3);
        let y: Vec<f64> = e
            .iter()
            .scan(100.0, |s, v| {
                *s += 2.0 + 0.5 * v;
                Some(*s)
            })
            .collect();
        let fit = AutoArima::new(1).fit(&y).unwrap();
        assert_eq!(fit.fit.order().d, 1, "{}", fit.fit.describe());
        let fc = fit.predict(5, &[80.0, 95.0]);
        let slope = (fc.point[4] - fc.point[0]) / 4.0;
        assert!((slope - 2.0).abs() < 0.5, "{slope} {}", fit.fit.describe());
        let w = |k: usize| fc.intervals[0].upper[k] - fc.intervals[0].lower[k];
        assert!(w(4) > w(0));
        assert!(fc.intervals[1].upper[0] > fc.intervals[0].upper[0]);
    }

    #[test]
    fn deterministic_data_are_extended_exactly() {
        let line: Vec<f64> = (0..12).map(|t| 5.0 + 3.0 * t as f64).collect();
        let fc = AutoArima::new(1).fit(&line).unwrap().predict(3, &[80.0]);
        assert_eq!(fc.point, vec![41.0, 44.0, 47.0]);
        let flat = [7.0; 9];
        assert_eq!(AutoArima::new(1).fit(&flat).unwrap().predict(2, &[]).point, vec![7.0, 7.0]);
    }

    #[test]
    fn kpss_and_ndiffs() {
        let e = noise(200, 7);
        assert!(kpss_statistic(&e, 3) < 0.463);
        let walk: Vec<f64> = e
            .iter()
            .scan(0.0, |s, v| {
                *s += v;
                Some(*s)
            })
            .collect();
        assert!(kpss_statistic(&walk, 3) > 0.463);
        assert_eq!(ndiffs(&e, 2), 0);
        assert_eq!(ndiffs(&walk, 2), 1);
        let twice: Vec<f64> = walk
            .iter()
            .scan(0.0, |s, v| {
                *s += v;
                Some(*s)
            })
            .collect();
        assert_eq!(ndiffs(&twice, 2), 2);
    }

    #[test]
    fn a_strong_season_is_differenced() {
        let pattern = [10.0, -4.0, -8.0, 2.0];
        let e = noise(48, 5);
        let y: Vec<f64> = (0..48).map(|t| 100.0 + 0.5 * t as f64 + pattern[t % 4] + 0.5 * e[t]).collect();
        assert!(seasonal_strength(&y, 4).unwrap() > 0.9);
        assert_eq!(nsdiffs(&y, 4), 1);
        assert_eq!(nsdiffs(&e, 4), 0);
        let fit = AutoArima::new(4).fit(&y).unwrap();
        assert_eq!(fit.fit.order().sd, 1, "{}", fit.fit.describe());
        let fc = fit.predict(8, &[]);
        for k in 0..8 {
            let expect = 100.0 + 0.5 * (48 + k) as f64 + pattern[(48 + k) % 4];
            assert!((fc.point[k] - expect).abs() < 3.0, "step {k}: {} vs {expect}", fc.point[k]);
        }
    }
}
