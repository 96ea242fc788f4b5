//! The exact Gaussian likelihood by the Kalman filter (R's `ARIMA_Like`, Gardner's `getQ0` for the initial state covariance) and the conditional sum of squares (`ARIMA_CSS`).

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use super::*;

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
pub(crate) fn inclu2(
    xnext: &[f64],
    xrow: &mut [f64],
    mut ynext: f64,
    d: &mut [f64],
    rbar: &mut [f64],
    thetab: &mut [f64],
) {
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
pub(crate) struct Kalman {
    pub(crate) r: usize,
    pub(crate) rd: usize,
    pub(crate) a: Vec<f64>,
    pub(crate) p: Vec<f64>,
    pub(crate) anew: Vec<f64>,
    pub(crate) pnew: Vec<f64>,
    pub(crate) mm: Vec<f64>,
    pub(crate) m: Vec<f64>,
    pub(crate) q0: Vec<f64>,
}

impl Kalman {
    pub(crate) fn reset(&mut self, phi: &[f64], theta: &[f64], n_delta: usize) {
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
pub(crate) fn arima_like(
    y: &[f64],
    phi: &[f64],
    theta: &[f64],
    delta: &[f64],
    k: &mut Kalman,
    mut resid: Option<&mut [f64]>,
) -> (f64, f64, usize) {
    k.reset(phi, theta, delta.len());
    let (p, r, rd, d) = (phi.len(), k.r, k.rd, delta.len());
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
                predict_cov_stationary(phi, theta, r, pm, pnew);
            } else {
                predict_cov_differenced(phi, theta, delta, r, rd, pm, mm, pnew);
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

/// The predicted state covariance `T P T' + V` of a model without differencing (R's
/// `ARIMA_Like`, `d == 0` branch), written to `pnew` (r x r).
#[inline]
fn predict_cov_stationary(phi: &[f64], theta: &[f64], r: usize, pm: &[f64], pnew: &mut [f64]) {
    let (p, q) = (phi.len(), theta.len());
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
}

/// The predicted state covariance `T P T' + V` with differenced states (R's `ARIMA_Like`,
/// `d > 0` branch): `mm = T P`, then `pnew = mm T'`, plus the MA part.
#[inline]
#[allow(clippy::too_many_arguments)]
fn predict_cov_differenced(
    phi: &[f64],
    theta: &[f64],
    delta: &[f64],
    r: usize,
    rd: usize,
    pm: &[f64],
    mm: &mut [f64],
    pnew: &mut [f64],
) {
    let (p, q, d) = (phi.len(), theta.len(), delta.len());
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

/// The conditional sum of squares (R's `ARIMA_CSS`): the series is differenced, the first
/// `ncond` residuals are taken as zero, and the mean square of the rest is returned.
pub(crate) fn arima_css(
    y: &[f64],
    o: &Order,
    phi: &[f64],
    theta: &[f64],
    w: &mut Vec<f64>,
    resid: &mut Vec<f64>,
) -> f64 {
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
