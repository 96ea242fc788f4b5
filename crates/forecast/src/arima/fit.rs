//! Fitting one order: the objective in the transformed parameters, `optim`'s BFGS, CSS-ML as R does it, and the fitted model.

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use super::*;

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
    pub(crate) ml: bool,
    pub(crate) xreg: Xreg,
    pub(crate) n: usize,
    pub(crate) phi: Vec<f64>,
    pub(crate) theta: Vec<f64>,
    pub(crate) delta: Vec<f64>,
    /// Filtered state and covariance after the last observation.
    pub(crate) a: Vec<f64>,
    pub(crate) p: Vec<f64>,
}

/// Why one order could not be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FitFail {
    TooFewObservations,
    NonStationaryCss,
    NotFinite,
}

pub(crate) struct Objective<'a> {
    pub(crate) x: &'a [f64],
    pub(crate) order: Order,
    pub(crate) xreg: Xreg,
    pub(crate) parscale: Vec<f64>,
    pub(crate) n_arma: usize,
    // buffers
    pub(crate) xres: Vec<f64>,
    pub(crate) par: Vec<f64>,
    pub(crate) phi: Vec<f64>,
    pub(crate) theta: Vec<f64>,
    pub(crate) delta: Vec<f64>,
    pub(crate) w: Vec<f64>,
    pub(crate) resid: Vec<f64>,
    pub(crate) kalman: Kalman,
}

impl<'a> Objective<'a> {
    pub(crate) fn new(x: &'a [f64], order: Order, xreg: Xreg, parscale: Vec<f64>) -> Self {
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
    pub(crate) fn load(&mut self, u: &[f64], trans: bool) {
        self.par.clear();
        self.par.extend(u.iter().zip(&self.parscale).map(|(u, s)| u * s));
        transpar(&self.par, &self.order, trans, &mut self.phi, &mut self.theta);
        self.xres.clear();
        let beta = if self.xreg == Xreg::None { 0.0 } else { self.par[self.n_arma] };
        let xreg = self.xreg;
        self.xres.extend(self.x.iter().enumerate().map(|(t, v)| v - beta * xreg.at(t)));
    }

    pub(crate) fn css(&mut self, u: &[f64]) -> f64 {
        self.load(u, false);
        let res = arima_css(&self.xres, &self.order, &self.phi, &self.theta, &mut self.w, &mut self.resid);
        0.5 * res.ln()
    }

    pub(crate) fn ml(&mut self, u: &[f64]) -> f64 {
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

pub(crate) const OPTIM_MAXIT: usize = 100;
pub(crate) const OPTIM_RELTOL: f64 = 1.490_116_119_384_765_6e-8;
pub(crate) const NDEPS: f64 = 1e-3;

pub(crate) fn minimise(obj: &mut Objective, u0: &[f64], ml: bool) -> Option<crate::optim::VmminResult> {
    let cell = std::cell::RefCell::new(obj);
    let f = |u: &[f64]| {
        let mut o = cell.borrow_mut();
        if ml { o.ml(u) } else { o.css(u) }
    };
    vmmin(f, |u, g, f| central_gradient(u, g, f, NDEPS), u0, OPTIM_MAXIT, OPTIM_RELTOL)
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
pub(crate) fn fit_order_inner(
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
pub(crate) fn model_from(
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
    pub(crate) fn finish(&mut self, x: &[f64]) -> Result<(), FitFail> {
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
