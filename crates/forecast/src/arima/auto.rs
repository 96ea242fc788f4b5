//! The automatic order search of `forecast::auto.arima`: stepwise by AICc, with the approximation of the likelihood for long series and the final refit.

#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

use super::*;

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
    let lim = match Limits::new(x, m.max(1), s) {
        Ok(l) => l,
        Err(done) => return done,
    };
    let mut search = Search::new(x, s, lim, trace);
    search.initial_models();
    search.stepwise();
    search.finish()
}

/// The differencing and the bounds of the order search.
struct Limits {
    m: usize,
    d: usize,
    sd: usize,
    max_p: usize,
    max_q: usize,
    max_sp: usize,
    max_sq: usize,
    allow_drift: bool,
    allow_mean: bool,
    start: (usize, usize, usize, usize),
}

impl Limits {
    /// The limits, or the result itself when the differenced series is empty or constant.
    fn new(x: &[f64], m: usize, s: &AutoSettings) -> Result<Limits, Option<AutoFit>> {
        let n = x.len();
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
            return Err(None);
        }
        if is_constant(&dx) {
            // Deterministic: seasonal naive / random walk with the constant step, or a polynomial.
            let order = Order::seasonal(0, d, 0, 0, sd, 0, m);
            // the model has a constant (fixed at the differenced value) only with one difference
            let step = if d + sd == 1 { dx[0] } else { 0.0 };
            return Err(Some(AutoFit::Deterministic { order, last: x.to_vec(), step, n }));
        }
        if m > 1 {
            if max_sp > 0 {
                max_p = max_p.min(m - 1);
            }
            if max_sq > 0 {
                max_q = max_q.min(m - 1);
            }
        }
        let (mut start_p, mut start_q, mut start_sp, mut start_sq) = (s.start_p, s.start_q, s.start_sp, s.start_sq);
        if n < 10 {
            start_p = start_p.min(1);
            start_q = start_q.min(1);
            start_sp = 0;
            start_sq = 0;
        }
        Ok(Limits {
            m,
            d,
            sd,
            max_p,
            max_q,
            max_sp,
            max_sq,
            allow_drift: s.allow_drift && d + sd == 1,
            allow_mean: s.allow_mean && d + sd == 0,
            start: (start_p.min(max_p), start_q.min(max_q), start_sp.min(max_sp), start_sq.min(max_sq)),
        })
    }

    fn order(&self, p: usize, q: usize, sp: usize, sq: usize) -> Order {
        Order::seasonal(p, self.d, q, sp, self.sd, sq, self.m)
    }
}

/// An order tried: (p, q, P, Q, constant).
type Candidate = (usize, usize, usize, usize, bool);

/// The state of the stepwise search.
struct Search<'a> {
    x: &'a [f64],
    s: &'a AutoSettings,
    lim: Limits,
    trace: &'a mut Option<Vec<Tried>>,
    approximation: bool,
    search_method: Method,
    offset: f64,
    /// The orders tried with their criterion.
    results: Vec<(Candidate, f64)>,
    best_ic: f64,
    best: Option<ArimaModel>,
    /// The current best order.
    at: Candidate,
}

fn ic_of(f: &Option<ArimaModel>) -> f64 {
    match f {
        Some(f) if roots_ok(&f.phi, &f.theta) && !f.aicc.is_nan() => f.aicc,
        _ => f64::INFINITY,
    }
}

impl<'a> Search<'a> {
    fn new(x: &'a [f64], s: &'a AutoSettings, lim: Limits, trace: &'a mut Option<Vec<Tried>>) -> Self {
        let n = x.len();
        let (d, sd, m) = (lim.d, lim.sd, lim.m);
        // R: offset <- -2 * fit$loglik - serieslength * log(fit$sigma2) for Arima(x, c(0, d, 0),
        // c(0, D, 0)) (a mean only when undifferenced), estimated by `method`
        let approximation = s.approximation.unwrap_or(n > 150 || m > 12);
        let (search_method, offset) = if approximation {
            let offset = fit_order(x, lim.order(0, 0, 0, 0), d + sd == 0, s.method)
                .map(|f| -2.0 * f.loglik - n as f64 * f.sigma2_arima.ln())
                .filter(|v| v.is_finite())
                .unwrap_or(0.0);
            (if s.method == Method::CssLs { Method::CssLs } else { Method::Css }, offset)
        } else {
            (s.method, 0.0)
        };
        let (p, q, sp, sq) = lim.start;
        let constant = lim.allow_drift || lim.allow_mean;
        Search {
            x,
            s,
            lim,
            trace,
            approximation,
            search_method,
            offset,
            results: Vec::with_capacity(s.nmodels),
            best_ic: f64::INFINITY,
            best: None,
            at: (p, q, sp, sq, constant),
        }
    }

    fn try_fit(&mut self, c: Candidate) -> (f64, Option<ArimaModel>) {
        let (p, q, sp, sq, k) = c;
        let order = self.lim.order(p, q, sp, sq);
        let f = fit_order_inner(self.x, order, k, self.search_method, self.offset).ok();
        let ic = ic_of(&f);
        if let Some(t) = self.trace.as_mut() {
            t.push((order, k, ic));
        }
        self.results.push((c, ic));
        (ic, f)
    }

    /// Tries `c`; a better criterion makes `moved_to` the current order. Returns whether it won.
    fn consider(&mut self, c: Candidate, moved_to: Candidate) -> bool {
        let (ic, f) = self.try_fit(c);
        if ic < self.best_ic {
            (self.best_ic, self.best) = (ic, f);
            self.at = moved_to;
            return true;
        }
        false
    }

    /// R's four (five with a constant) starting models.
    fn initial_models(&mut self) {
        let (p, q, sp, sq, constant) = self.at;
        let (ic, f) = self.try_fit((p, q, sp, sq, constant));
        (self.best_ic, self.best) = (ic, f);
        self.consider((0, 0, 0, 0, constant), (0, 0, 0, 0, constant));
        let (lim, m) = (&self.lim, self.lim.m);
        let (max_p, max_q, max_sp, max_sq) = (lim.max_p, lim.max_q, lim.max_sp, lim.max_sq);
        if max_p > 0 || max_sp > 0 {
            let (p_, sp_) = (usize::from(max_p > 0), usize::from(m > 1 && max_sp > 0));
            self.consider((p_, 0, sp_, 0, constant), (p_, 0, sp_, 0, constant));
        }
        if max_q > 0 || max_sq > 0 {
            let (q_, sq_) = (usize::from(max_q > 0), usize::from(m > 1 && max_sq > 0));
            self.consider((0, q_, 0, sq_, constant), (0, q_, 0, sq_, constant));
        }
        if constant {
            // The current order keeps its constant when the model without one wins.
            let keep = self.at.4;
            self.consider((0, 0, 0, 0, false), (0, 0, 0, 0, keep));
        }
    }

    /// Moves to a better neighbour until none is better or `nmodels` orders were tried.
    fn stepwise(&mut self) {
        let lim = (self.lim.max_p, self.lim.max_q, self.lim.max_sp, self.lim.max_sq);
        let may_switch_constant = self.lim.allow_drift || self.lim.allow_mean;
        let mut startk = 0;
        while startk < self.results.len() && self.results.len() < self.s.nmodels {
            startk = self.results.len();
            let (p, q, sp, sq, constant) = self.at;
            // candidate moves in R's order: seasonal part first, then the non-seasonal part,
            // then the constant
            let (ip, iq, isp, isq) = (p as isize, q as isize, sp as isize, sq as isize);
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
                if idx == 16 && !may_switch_constant {
                    continue;
                }
                if np < 0 || nq < 0 || nsp < 0 || nsq < 0 {
                    continue;
                }
                let (np, nq, nsp, nsq) = (np as usize, nq as usize, nsp as usize, nsq as usize);
                if np > lim.0 || nq > lim.1 || nsp > lim.2 || nsq > lim.3 {
                    continue;
                }
                let cand = (np, nq, nsp, nsq, nc);
                if self.results.iter().any(|(c, _)| *c == cand) {
                    continue;
                }
                if self.results.len() >= self.s.nmodels {
                    break;
                }
                if self.consider(cand, cand) {
                    break;
                }
            }
        }
    }

    /// With the approximation, the orders are refitted by the exact method, best first, until
    /// one is acceptable; the model is finished on the data.
    fn finish(mut self) -> Option<AutoFit> {
        if !self.best_ic.is_finite() {
            return None;
        }
        if self.approximation {
            // refit the orders by the criterion of the search, best first, until one is acceptable
            self.results.sort_by(|a, b| a.1.total_cmp(&b.1));
            self.best = None;
            for &((p, q, sp, sq, c), _) in &self.results {
                let f = fit_order_inner(self.x, self.lim.order(p, q, sp, sq), c, self.s.method, 0.0).ok();
                if ic_of(&f).is_finite() {
                    self.best = f;
                    break;
                }
            }
        }
        let mut best = self.best?;
        best.finish(self.x).ok()?;
        Some(AutoFit::Model(Box::new(best)))
    }
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
