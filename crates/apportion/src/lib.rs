//! Exact apportionment: splitting an integer number of seats in proportion to weights.
//!
//! Methods: Hamilton (largest remainder, Hare quota), Jefferson/D'Hondt, Webster/Sainte-Laguë
//! (optionally with a modified first divisor such as 1.4), Huntington-Hill, Adams, Dean, and the
//! quota method of Balinski and Young. Weights are integers (use [`scale_decimals`] for
//! decimal input); all comparisons are exact (u128, or arbitrary precision where a product
//! overflows). Per-unit minimum and maximum seats are supported; infeasible bounds are an error
//! naming the constraint. Ties that decide a seat are found exactly — at the end for Hamilton
//! and the divisor methods, at every step for the quota method — and either broken by a stated
//! rule (larger weight, then earlier unit) and reported, or returned as an error for a human
//! to decide.
//!
//! Divisor methods use "jump and step": a consistent allocation is computed directly from the
//! divisor `W / H` with the method's rounding, then seats are added or removed one by one by
//! exact priority. Because divisor methods are house monotone this gives exactly the result of
//! the sequential (highest-averages) procedure, in `O(n log n)` rather than `O(H log n)`.
//!
//! ```
//! use kvota_apportion::{apportion, Method, Request};
//! // D'Hondt, 10 seats (wahlrecht.de example).
//! let out = apportion(&Request::new(&[4160, 3380, 2460], 10, Method::Jefferson)).unwrap();
//! assert_eq!(out.seats, vec![4, 4, 2]);
//! ```

pub mod biproportional;
mod exact;
pub mod lp;
mod queues;

use std::cmp::Ordering;
use std::collections::BinaryHeap;

pub use exact::{cmp_products, scale_decimals};
use exact::{floor_mul_div, mul_div_rem};

/// An apportionment method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Largest remainder with the Hare quota.
    Hamilton,
    /// Jefferson / D'Hondt: divisors 1, 2, 3, ...
    Jefferson,
    /// Webster / Sainte-Laguë: divisors 1, 3, 5, ... (equivalently 0.5, 1.5, ...). The first
    /// divisor may be replaced, on the 1, 3, 5 scale, by `num / den` in [1, 2) (e.g. 7/5 for
    /// the modified Sainte-Laguë method of Norway and Sweden).
    Webster { first_divisor: Option<(u64, u64)> },
    /// Huntington-Hill: divisors `sqrt(s (s + 1))`; every unit with weight gets a seat first.
    HuntingtonHill,
    /// Adams: divisors `s`; every unit with weight gets a seat first.
    Adams,
    /// Dean: divisors `2 s (s + 1) / (2 s + 1)` (harmonic mean); every unit gets a seat first.
    Dean,
    /// The quota method of Balinski and Young (1975): seats one at a time by the Jefferson
    /// priority among the units that would stay within their upper quota.
    Quota,
}

impl Method {
    /// Names accepted on the command line.
    pub fn parse(name: &str, first_divisor: Option<(u64, u64)>) -> std::result::Result<Method, String> {
        Ok(match name.trim().to_ascii_lowercase().as_str() {
            "hamilton" | "hare" | "largest-remainder" | "hare-niemeyer" => Method::Hamilton,
            "dhondt" | "d'hondt" | "jefferson" => Method::Jefferson,
            "sainte-lague" | "webster" | "saint-lague" => Method::Webster { first_divisor },
            "huntington-hill" | "hill" => Method::HuntingtonHill,
            "adams" => Method::Adams,
            "dean" => Method::Dean,
            "quota" | "balinski-young" => Method::Quota,
            other => {
                return Err(format!(
                    "unknown method `{other}` (known: hamilton, dhondt, sainte-lague, huntington-hill, adams, dean, quota)"
                ));
            }
        })
    }

    fn gives_everyone_a_seat(self) -> bool {
        matches!(self, Method::HuntingtonHill | Method::Adams | Method::Dean)
    }
}

/// What to do when a tie decides a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TieRule {
    /// Return [`ApportionError::Tie`]: the law is silent and a human must decide.
    #[default]
    Error,
    /// The larger weight wins, then the earlier unit; the tie is reported in the outcome.
    LargerWeightThenOrder,
}

/// An apportionment problem.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub weights: &'a [u128],
    pub seats: u64,
    pub method: Method,
    /// Minimum seats per unit (default 0).
    pub min: Option<&'a [u64]>,
    /// Maximum seats per unit (default unlimited).
    pub max: Option<&'a [u64]>,
    pub ties: TieRule,
}

impl<'a> Request<'a> {
    pub fn new(weights: &'a [u128], seats: u64, method: Method) -> Self {
        Request { weights, seats, method, min: None, max: None, ties: TieRule::Error }
    }
    pub fn ties(mut self, ties: TieRule) -> Self {
        self.ties = ties;
        self
    }
    pub fn bounds(mut self, min: Option<&'a [u64]>, max: Option<&'a [u64]>) -> Self {
        self.min = min;
        self.max = max;
        self
    }
}

/// A tie that decided seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    /// Units with equal claims.
    pub units: Vec<usize>,
    /// Seats among them that the tie decided.
    pub seats: u64,
    /// For the quota method, the house size at which the tie occurred; otherwise the total.
    pub at_house: u64,
}

/// The result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub seats: Vec<u64>,
    /// Ties broken by the tie rule (empty when none occurred).
    pub ties: Vec<Tie>,
}

/// Why an apportionment could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApportionError {
    #[error("infeasible: {constraint}: {message}")]
    Infeasible { constraint: &'static str, message: String },
    #[error(
        "tie for {seats} seat(s) between units {units:?} at house size {at_house}; the result is undefined and a human must decide"
    )]
    Tie { units: Vec<usize>, seats: u64, at_house: u64 },
    #[error("invalid input: {0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, ApportionError>;

/// Apportions `req.seats` among the units.
pub fn apportion(req: &Request<'_>) -> Result<Outcome> {
    let n = req.weights.len();
    if n == 0 {
        return Err(ApportionError::Invalid("no units".into()));
    }
    for (name, b) in [("min", req.min), ("max", req.max)] {
        if b.is_some_and(|b| b.len() != n) {
            return Err(ApportionError::Invalid(format!(
                "{name} has {} entries for {n} units",
                b.map_or(0, <[u64]>::len)
            )));
        }
    }
    if let Method::Webster { first_divisor: Some((p, q)) } = req.method {
        // On the 1, 3, 5 scale the first divisor must lie in [1, 2) so the first signpost stays
        // in [0.5, 1).
        if q == 0 || p < q || p >= 2 * q {
            return Err(ApportionError::Invalid(format!("first divisor {p}/{q} must be in [1, 2)")));
        }
    }
    let min: Vec<u64> = req.min.map_or_else(|| vec![0; n], <[u64]>::to_vec);
    let max: Vec<u64> = req.max.map_or_else(|| vec![u64::MAX; n], <[u64]>::to_vec);
    // Units without weight can take seats only through minimums.
    let max: Vec<u64> = (0..n).map(|i| if req.weights[i] == 0 { min[i] } else { max[i] }).collect();
    for i in 0..n {
        if min[i] > max[i] {
            return Err(ApportionError::Infeasible {
                constraint: "min <= max",
                message: format!("unit {i}: minimum {} above maximum {}", min[i], max[i]),
            });
        }
    }
    let total_min: u128 = min.iter().map(|&x| x as u128).sum();
    let total_max: u128 = max.iter().map(|&x| x as u128).sum();
    if total_min > req.seats as u128 {
        return Err(ApportionError::Infeasible {
            constraint: "sum of minimums <= seats",
            message: format!("the minimums add up to {total_min}, more than the {} seats", req.seats),
        });
    }
    if total_max < req.seats as u128 {
        return Err(ApportionError::Infeasible {
            constraint: "sum of maximums >= seats",
            message: format!("the maximums (and zero-weight units) allow only {total_max} of the {} seats", req.seats),
        });
    }
    if req.method.gives_everyone_a_seat() {
        let positive = req.weights.iter().filter(|w| **w > 0).count() as u64;
        let capped_out = (0..n).filter(|&i| req.weights[i] > 0 && max[i] == 0).count() as u64;
        if req.seats < positive - capped_out {
            return Err(ApportionError::Infeasible {
                constraint: "seats >= units with weight",
                message: format!(
                    "{:?} gives every unit with weight a seat first, but there are {} such units and {} seats",
                    req.method,
                    positive - capped_out,
                    req.seats
                ),
            });
        }
    }
    match req.method {
        Method::Hamilton => hamilton(req, &min, &max),
        Method::Quota => quota_method(req, &min, &max),
        _ => divisor(req, &min, &max),
    }
}

// ---- Priorities -------------------------------------------------------------------------

/// The priority of a unit's next seat, `w / d(s)`, as an exact fraction of small products.
#[derive(Debug, Clone, Copy)]
enum Priority {
    /// Weight zero: never preferred.
    Zero,
    /// `d(s) = 0`: a first seat under Adams, Dean, Huntington-Hill.
    Infinite,
    /// `num[0] * num[1] / (den[0] * den[1])` (Huntington-Hill compares squares).
    Frac { num: [u128; 2], den: [u128; 2], approx: f64 },
}

impl Priority {
    fn frac(num: [u128; 2], den: [u128; 2]) -> Priority {
        let approx = (num[0] as f64 * num[1] as f64) / (den[0] as f64 * den[1] as f64);
        Priority::Frac { num, den, approx }
    }

    fn cmp(&self, other: &Priority) -> Ordering {
        use Priority::*;
        match (self, other) {
            (Zero, Zero) | (Infinite, Infinite) => Ordering::Equal,
            (Zero, _) | (_, Infinite) => Ordering::Less,
            (_, Zero) | (Infinite, _) => Ordering::Greater,
            (Frac { num: a, den: b, approx: x }, Frac { num: c, den: d, approx: y }) => {
                // Fast path: clearly different approximations decide.
                let scale = x.abs().max(y.abs());
                if (x - y).abs() > 1e-9 * scale {
                    return x.partial_cmp(y).unwrap_or(Ordering::Equal);
                }
                cmp_products(&[a[0], a[1], d[0], d[1]], &[c[0], c[1], b[0], b[1]])
            }
        }
    }
}

/// Priority of seat number `s + 1` for weight `w`.
fn priority(method: Method, w: u128, s: u64) -> Priority {
    if w == 0 {
        return Priority::Zero;
    }
    let s = s as u128;
    match method {
        Method::Jefferson | Method::Quota => Priority::frac([w, 1], [s + 1, 1]),
        Method::Webster { first_divisor } => match (s, first_divisor) {
            (0, Some((p, q))) => Priority::frac([w, q as u128], [p as u128, 1]),
            _ => Priority::frac([w, 1], [2 * s + 1, 1]),
        },
        Method::Adams => {
            if s == 0 {
                Priority::Infinite
            } else {
                Priority::frac([w, 1], [s, 1])
            }
        }
        Method::Dean => {
            if s == 0 {
                Priority::Infinite
            } else {
                Priority::frac([w, 2 * s + 1], [2 * s, s + 1])
            }
        }
        Method::HuntingtonHill => {
            if s == 0 {
                Priority::Infinite
            } else {
                Priority::frac([w, w], [s, s + 1])
            }
        }
        Method::Hamilton => unreachable!("Hamilton has no priorities"),
    }
}

/// Whether signpost `d(s) <= a / b` (the unit with quotient `a / b` earns seat `s + 1`).
fn signpost_reached(method: Method, s: u128, a: u128, b: u128) -> bool {
    match method {
        Method::Jefferson | Method::Quota => cmp_products(&[s + 1, b], &[a]) != Ordering::Greater,
        Method::Webster { first_divisor } => match (s, first_divisor) {
            // d(0) = p / (2q)
            (0, Some((p, q))) => cmp_products(&[p as u128, b], &[2, q as u128, a]) != Ordering::Greater,
            _ => cmp_products(&[2 * s + 1, b], &[2, a]) != Ordering::Greater,
        },
        Method::Adams => cmp_products(&[s, b], &[a]) != Ordering::Greater,
        Method::Dean => cmp_products(&[2, s, s + 1, b], &[a, 2 * s + 1]) != Ordering::Greater,
        Method::HuntingtonHill => cmp_products(&[s, s + 1, b, b], &[a, a]) != Ordering::Greater,
        Method::Hamilton => unreachable!(),
    }
}

/// A unit in a heap, ordered by priority (then larger weight, then earlier unit).
struct Entry {
    prio: Priority,
    weight: u128,
    unit: usize,
    /// `true` in a min-heap of seats to remove.
    reverse: bool,
}

impl Entry {
    fn key_cmp(&self, other: &Entry) -> Ordering {
        self.prio.cmp(&other.prio).then(self.weight.cmp(&other.weight)).then(other.unit.cmp(&self.unit))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        let o = self.key_cmp(other);
        if self.reverse { o.reverse() } else { o }
    }
}

// ---- Divisor methods --------------------------------------------------------------------

fn divisor(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    let m = req.method;
    let w = req.weights;
    let n = w.len();
    let h = req.seats;
    let total: u128 = w.iter().sum();
    // Jump: the allocation at divisor W / H, with the method's own signposts.
    let mut s = vec![0u64; n];
    if total > 0 {
        for i in 0..n {
            if w[i] == 0 {
                continue;
            }
            let (f, _) = mul_div_rem(w[i], h as u128, total);
            s[i] = jump_seats(m, w[i], h as u128, total, f).min(u64::MAX as u128) as u64;
        }
    }
    for i in 0..n {
        s[i] = s[i].clamp(min[i], max[i]);
    }
    let mut sum: u128 = s.iter().map(|&x| x as u128).sum();
    // Step: add seats by highest priority, or remove by lowest last-seat priority.
    if sum < h as u128 {
        let mut heap: BinaryHeap<Entry> = (0..n)
            .filter(|&i| s[i] < max[i])
            .map(|i| Entry { prio: priority(m, w[i], s[i]), weight: w[i], unit: i, reverse: false })
            .collect();
        while sum < h as u128 {
            let e = heap.pop().expect("feasibility checked: some unit can take a seat");
            s[e.unit] += 1;
            sum += 1;
            if s[e.unit] < max[e.unit] {
                heap.push(Entry { prio: priority(m, w[e.unit], s[e.unit]), ..e });
            }
        }
    } else if sum > h as u128 {
        let mut heap: BinaryHeap<Entry> = (0..n)
            .filter(|&i| s[i] > min[i])
            .map(|i| Entry { prio: priority(m, w[i], s[i] - 1), weight: w[i], unit: i, reverse: true })
            .collect();
        while sum > h as u128 {
            let e = heap.pop().expect("feasibility checked: some unit can give a seat");
            s[e.unit] -= 1;
            sum -= 1;
            if s[e.unit] > min[e.unit] {
                heap.push(Entry { prio: priority(m, w[e.unit], s[e.unit] - 1), ..e });
            }
        }
    }
    settle_boundary_tie(req, min, max, &mut s, |i, k| priority(m, w[i], k))
}

/// Seats at the divisor `total / h` for weight `w`: the number of signposts `d(k) <= w h /
/// total`. Since every signpost lies in `[k, k + 1]`, this is `f` or `f + 1` with
/// `f = floor(w h / total)`.
fn jump_seats(m: Method, w: u128, h: u128, total: u128, f: u128) -> u128 {
    // x = w h / total; test d(f) <= x without forming w h when it overflows.
    let reached = match w.checked_mul(h) {
        Some(a) => signpost_reached(m, f, a, total),
        None => {
            // Scale the comparison: d(f) <= w h / total  <=>  d(f) * total <= w h.
            // Use the exact product comparison through a reduced fraction w / (total / h).
            let g = gcd(h, total);
            signpost_reached_scaled(m, f, w, h / g, total / g)
        }
    };
    if reached { f + 1 } else { f }
}

fn signpost_reached_scaled(m: Method, s: u128, w: u128, hg: u128, tg: u128) -> bool {
    // Compare d(s) <= w * hg / tg with products of at most four factors.
    match m {
        Method::Jefferson | Method::Quota => cmp_products(&[s + 1, tg], &[w, hg]) != Ordering::Greater,
        Method::Webster { first_divisor } => match (s, first_divisor) {
            (0, Some((p, q))) => cmp_products(&[p as u128, tg], &[2, q as u128, w, hg]) != Ordering::Greater,
            _ => cmp_products(&[2 * s + 1, tg], &[2, w, hg]) != Ordering::Greater,
        },
        Method::Adams => cmp_products(&[s, tg], &[w, hg]) != Ordering::Greater,
        Method::Dean => cmp_products(&[2, s, s + 1, tg], &[w, hg, 2 * s + 1]) != Ordering::Greater,
        Method::HuntingtonHill => cmp_products(&[s, s + 1, tg, tg], &[w, hg, w, hg]) != Ordering::Greater,
        Method::Hamilton => unreachable!(),
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// After the total is reached: if the weakest seat held equals the strongest seat wanted, the
/// result is a tie. Under [`TieRule::Error`] that is an error; otherwise the contested seats go
/// to the larger weights (then earlier units) and the tie is reported.
fn settle_boundary_tie(
    req: &Request<'_>,
    min: &[u64],
    max: &[u64],
    s: &mut [u64],
    prio: impl Fn(usize, u64) -> Priority,
) -> Result<Outcome> {
    let n = s.len();
    let w = req.weights;
    let holders: Vec<usize> = (0..n).filter(|&i| s[i] > min[i] && w[i] > 0).collect();
    let wanters: Vec<usize> = (0..n).filter(|&i| s[i] < max[i] && w[i] > 0).collect();
    let weakest = holders.iter().map(|&i| prio(i, s[i] - 1)).min_by(|a, b| a.cmp(b));
    let strongest = wanters.iter().map(|&i| prio(i, s[i])).max_by(|a, b| a.cmp(b));
    let (Some(weak), Some(strong)) = (weakest, strongest) else {
        return Ok(Outcome { seats: s.to_vec(), ties: vec![] });
    };
    if weak.cmp(&strong) != Ordering::Equal {
        return Ok(Outcome { seats: s.to_vec(), ties: vec![] });
    }
    let tied_holders: Vec<usize> =
        holders.iter().copied().filter(|&i| prio(i, s[i] - 1).cmp(&weak) == Ordering::Equal).collect();
    let tied_wanters: Vec<usize> =
        wanters.iter().copied().filter(|&i| prio(i, s[i]).cmp(&strong) == Ordering::Equal).collect();
    let mut units: Vec<usize> = tied_holders.iter().chain(&tied_wanters).copied().collect();
    units.sort_unstable();
    units.dedup();
    let contested = tied_holders.len() as u64;
    match req.ties {
        TieRule::Error => Err(ApportionError::Tie { units, seats: contested, at_house: req.seats }),
        TieRule::LargerWeightThenOrder => {
            for &i in &tied_holders {
                s[i] -= 1;
            }
            let mut order = units.clone();
            order.sort_by(|&a, &b| w[b].cmp(&w[a]).then(a.cmp(&b)));
            let mut left = contested;
            for &i in &order {
                if left == 0 {
                    break;
                }
                // A unit holding a contested seat can take it back; a wanter can take one.
                if s[i] < max[i] {
                    s[i] += 1;
                    left -= 1;
                }
            }
            Ok(Outcome { seats: s.to_vec(), ties: vec![Tie { units, seats: contested, at_house: req.seats }] })
        }
    }
}

// ---- Hamilton -----------------------------------------------------------------------------

fn hamilton(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    let w = req.weights;
    let n = w.len();
    let mut fixed: Vec<Option<u64>> = vec![None; n];
    // Units whose proportional share violates a bound are fixed at it, and the rest is
    // re-apportioned among the others, until no bound is violated (at most n rounds; maximums
    // are settled before minimums).
    loop {
        let free: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
        let fixed_seats: u64 = fixed.iter().flatten().sum();
        let h = req.seats - fixed_seats;
        let total: u128 = free.iter().map(|&i| w[i]).sum();
        let mut s = vec![0u64; n];
        for i in 0..n {
            if let Some(v) = fixed[i] {
                s[i] = v;
            }
        }
        let mut rems: Vec<(u128, usize)> = Vec::with_capacity(free.len());
        let mut given = 0u64;
        if total > 0 {
            for &i in &free {
                let (q, r) = mul_div_rem(w[i], h as u128, total);
                s[i] = q as u64;
                given += q as u64;
                rems.push((r, i));
            }
        } else if h > 0 {
            // Only zero weights are free: seats must come from minimums elsewhere.
            return Err(ApportionError::Infeasible {
                constraint: "seats",
                message: "no free unit has weight to receive the remaining seats".into(),
            });
        }
        let left = (h - given) as usize;
        rems.sort_by(|a, b| b.0.cmp(&a.0).then(w[b.1].cmp(&w[a.1])).then(a.1.cmp(&b.1)));
        let mut ties = Vec::new();
        if left > 0 && left < rems.len() && rems[left - 1].0 == rems[left].0 {
            let boundary = rems[left].0;
            let units: Vec<usize> = rems.iter().filter(|r| r.0 == boundary).map(|r| r.1).collect();
            let seats = rems[..left].iter().filter(|r| r.0 == boundary).count() as u64;
            match req.ties {
                TieRule::Error => {
                    let mut units = units;
                    units.sort_unstable();
                    return Err(ApportionError::Tie { units, seats, at_house: req.seats });
                }
                TieRule::LargerWeightThenOrder => {
                    let mut units = units;
                    units.sort_unstable();
                    ties.push(Tie { units, seats, at_house: req.seats });
                }
            }
        }
        for r in rems.iter().take(left) {
            s[r.1] += 1;
        }
        // Maximums first: capping a unit raises the others' shares, which may lift them above
        // their minimums; minimums are fixed only when no maximum is violated.
        let over: Vec<usize> = free.iter().copied().filter(|&i| s[i] > max[i]).collect();
        if !over.is_empty() {
            for i in over {
                fixed[i] = Some(max[i]);
            }
            continue;
        }
        let under: Vec<usize> = free.iter().copied().filter(|&i| s[i] < min[i]).collect();
        if !under.is_empty() {
            for i in under {
                fixed[i] = Some(min[i]);
            }
            continue;
        }
        return Ok(Outcome { seats: s, ties });
    }
}

// ---- Quota method -------------------------------------------------------------------------

/// Balinski and Young's quota method: house sizes 1, 2, ..., H; at each step the seat goes to
/// the unit with the highest Jefferson priority `w / (s + 1)` among those for which `s + 1` does
/// not exceed the upper quota `ceil(w (k + 1) / W)` at the new house size `k + 1`. Units at
/// their minimum are filled first; maximums exclude units. Ties are checked at every step.
fn quota_method(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    match quota_method_by_tokens(req, min, max) {
        Some(r) => r,
        None => quota_method_by_steps(req, min, max),
    }
}

/// The quota method as a schedule (same result as [`quota_method_by_steps`], tested against it).
///
/// Unit i's seat j is a *token* with priority `w_i / j` that may be taken from house size
/// `r = floor((j - 1) W / w_i) + 1` on (its upper quota allows it from there). The method gives
/// each house size the best token released by then: a list schedule of unit jobs with release
/// times. Such a schedule is also obtained by taking the tokens in priority order and putting
/// each into the earliest free house size at or after its release (a higher-priority token never
/// depends on a lower one, and a token runs at the first free time it is released). That needs
/// the tokens sorted once, not a priority queue per seat: they are bucketed by their key
/// `j / w` in floating point (monotone in the exact value, as weights and seat numbers are exact
/// in an f64; the keys are evenly spread, so buckets hold a few tokens), a cache-sized chunk of
/// buckets at a time, each bucket sorted exactly, and the free house sizes found with a
/// union-find.
/// Returns `None` (use the step-by-step method) where this form is not exact or not worth it:
/// weights above 2^53, more than 2^31 seats, or groups of more than 64 exactly equal priorities.
fn quota_method_by_tokens(req: &Request<'_>, min: &[u64], max: &[u64]) -> Option<Result<Outcome>> {
    let n = req.weights.len();
    let total: u128 = req.weights.iter().sum();
    let h = req.seats;
    let start: u64 = min.iter().sum();
    if total == 0 || h > (1 << 31) || n > (1 << 31) || req.weights.iter().any(|&w| w > (1 << 53)) {
        return None;
    }
    // Tokens of unit i: seats min_i + 1 ..= min(max_i, upper quota at h) (later seats are not
    // released by house size h).
    let last_token = |i: usize| -> u64 {
        let w = req.weights[i];
        if w == 0 {
            return min[i];
        }
        let (q, r) = mul_div_rem(h as u128, w, total);
        let upper = (q + u128::from(r > 0)).min(u64::MAX as u128) as u64;
        upper.min(max[i]).max(min[i])
    };
    let last: Vec<u64> = (0..n).map(last_token).collect();
    let n_tokens: u64 = (0..n).map(|i| last[i] - min[i]).sum();
    // A token's key is the inverse of its priority, x = j / w (correctly rounded, so monotone in
    // the exact value): tokens are spread evenly in x (about W x of them have a key below x), so
    // equal-width buckets in x hold a few tokens each.
    let inv = |i: usize, j: u64| j as f64 / req.weights[i] as f64;
    let mut x_max = 0f64;
    for i in 0..n {
        if last[i] > min[i] {
            x_max = x_max.max(inv(i, last[i]));
        }
    }
    let mut seats: Vec<u64> = min.to_vec();
    let slots = h - start;
    if n_tokens == 0 {
        return (slots == 0).then(|| Ok(Outcome { seats, ties: Vec::new() }));
    }
    let n_buckets = n_tokens.clamp(1, 1 << 24) as usize;
    let scale = (n_buckets - 1) as f64 / x_max;
    let bucket_of = |x: f64| ((x * scale) as usize).min(n_buckets - 1);
    #[derive(Clone, Copy)]
    struct Token {
        x: f64,
        unit: u32,
        j: u32,
    }
    let w = |t: &Token| req.weights[t.unit as usize];
    // Exact comparison of the keys j_a / w_a and j_b / w_b: the products fit in a u128 (weights
    // below 2^53, seat numbers below 2^32); differing floats already order as the exact values.
    let exact = |a: &Token, b: &Token| -> Ordering {
        if a.x != b.x {
            return a.x.partial_cmp(&b.x).unwrap_or(Ordering::Equal);
        }
        (a.j as u128 * w(b)).cmp(&(b.j as u128 * w(a)))
    };
    // The order of the step-by-step method: higher priority (smaller key), then larger weight,
    // then the earlier unit.
    let order = |a: &Token, b: &Token| -> Ordering {
        exact(a, b).then_with(|| w(b).cmp(&w(a))).then_with(|| a.unit.cmp(&b.unit))
    };
    let same = |a: &Token, b: &Token| exact(a, b) == Ordering::Equal;
    // Release (first house size) of a token: floor((j - 1) W / w) + 1.
    let total64 = u64::try_from(total).unwrap_or(u64::MAX);
    let release = |t: &Token| -> u64 {
        if let Some(a) = ((t.j - 1) as u64).checked_mul(total64) {
            return a / w(t) as u64 + 1;
        }
        (mul_div_rem((t.j - 1) as u128, total, w(t)).0 + 1).min(u64::MAX as u128) as u64
    };
    // next[k]: a free slot at or after slot k (slot k is house size start + 1 + k); slots == none.
    let mut next: Vec<u32> = (0..=slots as u32).collect();
    fn find(next: &mut [u32], mut k: u32) -> u32 {
        while next[k as usize] != k {
            let up = next[next[k as usize] as usize];
            next[k as usize] = up;
            k = up;
        }
        k
    }
    let mut filled = 0u64;
    let mut frontier = 0u32;
    let mut ties = Vec::new();
    let mut group: Vec<(u32, u64, Option<u64>)> = Vec::new();
    // The buckets are handled a chunk at a time (about 2^17 tokens, which stay in cache): each
    // unit's tokens of the chunk are generated from its cursor, counted into the chunk's
    // buckets, placed in bucket order, sorted within buckets, and scheduled.
    let per_chunk = 1usize << 17;
    let chunk_buckets = per_chunk.min(n_buckets);
    let mut cursor: Vec<u64> = (0..n).map(|i| min[i] + 1).collect();
    let mut raw: Vec<Token> = Vec::with_capacity(2 * per_chunk);
    let mut tokens: Vec<Token> = Vec::with_capacity(2 * per_chunk);
    let mut offsets = vec![0u32; chunk_buckets + 1];
    let mut fill = vec![0u32; chunk_buckets + 1];
    let mut b0 = 0usize;
    while b0 < n_buckets && filled < slots {
        let b1 = (b0 + chunk_buckets).min(n_buckets);
        raw.clear();
        for i in 0..n {
            let mut j = cursor[i];
            while j <= last[i] {
                let x = inv(i, j);
                if bucket_of(x) >= b1 {
                    break;
                }
                raw.push(Token { x, unit: i as u32, j: j as u32 });
                j += 1;
            }
            cursor[i] = j;
        }
        let nb = b1 - b0;
        offsets[..=nb].fill(0);
        for t in &raw {
            offsets[bucket_of(t.x) - b0 + 1] += 1;
        }
        for b in 0..nb {
            offsets[b + 1] += offsets[b];
        }
        fill[..=nb].copy_from_slice(&offsets[..=nb]);
        tokens.clear();
        tokens.resize(raw.len(), Token { x: 0.0, unit: 0, j: 0 });
        for t in &raw {
            let b = bucket_of(t.x) - b0;
            tokens[fill[b] as usize] = *t;
            fill[b] += 1;
        }
        for b in 0..nb {
            let bucket = &mut tokens[offsets[b] as usize..offsets[b + 1] as usize];
            // Buckets hold one or two tokens on average: insertion sort.
            for k in 1..bucket.len() {
                let mut m = k;
                while m > 0 && order(&bucket[m - 1], &bucket[m]) == Ordering::Greater {
                    bucket.swap(m - 1, m);
                    m -= 1;
                }
            }
            let bucket = &*bucket;
            let mut k = 0;
            while k < bucket.len() {
                // A group of tokens of exactly equal priority (usually one).
                let mut e = k + 1;
                while e < bucket.len() && same(&bucket[k], &bucket[e]) {
                    e += 1;
                }
                if e - k > 64 {
                    return None;
                }
                group.clear();
                let alone = e - k == 1;
                for t in &bucket[k..e] {
                    // Every slot before `frontier` is taken: a token released by then (most are)
                    // starts its search there; that needs two products, not the division of
                    // `release` (whose exact value only a tie needs).
                    let at_frontier = start + 1 + frontier as u64;
                    let released = match (((t.j - 1) as u64).checked_mul(total64), at_frontier.checked_mul(w(t) as u64))
                    {
                        (Some(a), Some(b)) => a < b,
                        _ => false,
                    };
                    let r = if released && alone { at_frontier } else { release(t) };
                    let first = (r.saturating_sub(start + 1).min(slots) as u32).max(frontier);
                    let slot = find(&mut next, first);
                    let house = if (slot as u64) < slots {
                        next[slot as usize] = slot + 1;
                        if slot == frontier {
                            frontier = find(&mut next, frontier);
                        }
                        filled += 1;
                        seats[t.unit as usize] += 1;
                        Some(start + 1 + slot as u64)
                    } else {
                        None
                    };
                    group.push((t.unit, r, house));
                }
                // A tie: at the house size where a token of the group was taken, another of the
                // group was released and still waiting.
                if group.len() > 1 {
                    for (a, _, house_a) in &group {
                        let Some(ha) = *house_a else { continue };
                        let mut units: Vec<usize> = group
                            .iter()
                            .filter(|(o, r, ho)| o != a && *r <= ha && ho.is_none_or(|x| x > ha))
                            .map(|(o, _, _)| *o as usize)
                            .collect();
                        if !units.is_empty() {
                            units.push(*a as usize);
                            units.sort_unstable();
                            ties.push(Tie { units, seats: 1, at_house: ha });
                        }
                    }
                }
                k = e;
            }
        }
        b0 = b1;
    }
    ties.sort_by_key(|t| t.at_house);
    // The first house size where the seat-by-seat method would stop: a tie it may not break, or
    // no token to take.
    let empty = (filled < slots).then(|| start + 1 + find(&mut next, 0) as u64);
    if let (TieRule::Error, Some(t)) = (req.ties, ties.first())
        && empty.is_none_or(|e| t.at_house < e)
    {
        return Some(Err(ApportionError::Tie { units: t.units.clone(), seats: 1, at_house: t.at_house }));
    }
    if let Some(e) = empty {
        return Some(Err(ApportionError::Infeasible {
            constraint: "upper quota",
            message: format!("at house size {e} no unit can take a seat within its upper quota and maximum"),
        }));
    }
    Some(Ok(Outcome { seats, ties }))
}

/// The quota method computed seat by seat, without minimums or maximums: the definition, kept
/// public so that benchmarks can check the fast form against it at full size.
pub fn quota_method_seat_by_seat(weights: &[u128], seats: u64, ties: TieRule) -> Result<Outcome> {
    let n = weights.len();
    let max: Vec<u64> = weights.iter().map(|&w| if w == 0 { 0 } else { u64::MAX }).collect();
    quota_method_by_steps(&Request::new(weights, seats, Method::Quota).ties(ties), &vec![0; n], &max)
}

/// The quota method seat by seat (the definition; used where the schedule form does not apply).
fn quota_method_by_steps(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    let n = req.weights.len();
    let total: u128 = req.weights.iter().sum();
    // One record per unit, so that the winner of a step costs one cache miss, not three.
    #[derive(Clone, Copy)]
    struct Unit {
        w: u128,
        s: u64,
        max: u64,
    }
    let mut units: Vec<Unit> = (0..n).map(|i| Unit { w: req.weights[i], s: min[i], max: max[i] }).collect();
    let start: u64 = min.iter().sum();
    // Unit i may take seat s + 1 at house size k + 1 when s + 1 <= ceil(w (k + 1) / W), i.e.
    // s W < w (k + 1). It becomes eligible from house floor(s W / w) + 1.
    let eligible_from = |u: &Unit| -> u64 { (floor_mul_div(u.s as u128, total, u.w) + 1).min(u64::MAX as u128) as u64 };
    // Priority order: Jefferson priority w / (s + 1), exactly (floats decide only when clearly
    // apart), then larger weight, then earlier unit. Entries carry the float key so that most
    // comparisons read no unit record.
    let prio_cmp = |a: &(f64, u32), b: &(f64, u32), units: &[Unit]| -> Ordering {
        if (a.0 - b.0).abs() > 1e-9 * a.0.max(b.0) {
            return a.0.partial_cmp(&b.0).unwrap_or(Ordering::Equal);
        }
        let (x, y) = (&units[a.1 as usize], &units[b.1 as usize]);
        cmp_products(&[x.w, y.s as u128 + 1], &[y.w, x.s as u128 + 1])
    };
    let full_cmp = |a: &(f64, u32), b: &(f64, u32), units: &[Unit]| -> Ordering {
        prio_cmp(a, b, units)
            .then_with(|| units[a.1 as usize].w.cmp(&units[b.1 as usize].w))
            .then_with(|| b.1.cmp(&a.1))
    };
    let key = |u: &Unit, i: u32| (u.w as f64 / (u.s as f64 + 1.0), i);
    let mut ready = queues::PriorityHeap::with_capacity(n);
    // Waiting units by the house size from which they are eligible, with their priority key
    // (a waiting unit's seats do not change).
    let mut waiting = queues::RadixHeap::new();
    for (i, u) in units.iter().enumerate() {
        if u.s < u.max && u.w > 0 {
            waiting.push(eligible_from(u), key(u, i as u32));
        }
    }
    let mut ties = Vec::new();
    let mut house = start;
    // Entries not (yet) in the heap: this step's arrivals from the waiting queue and the last
    // winner if it may take another seat at once. About half of the steps are won by one of
    // them (a large unit whose upper quota has just let it in), without touching the heap.
    let mut pending: Vec<(f64, u32)> = Vec::new();
    while house < req.seats {
        let next = house + 1;
        let cmp = |a: &(f64, u32), b: &(f64, u32)| full_cmp(a, b, &units);
        while let Some((_, e)) = waiting.pop_at_most(next) {
            pending.push(e);
        }
        // The best pending entry, if it beats the heap's top.
        let best = (0..pending.len()).max_by(|&a, &b| cmp(&pending[a], &pending[b]));
        let from_pending = match (best, ready.top()) {
            (Some(b), Some(t)) => (cmp(&pending[b], &t) == Ordering::Greater).then_some(b),
            (Some(b), None) => Some(b),
            (None, _) => None,
        };
        let winner = match from_pending {
            Some(b) => pending.swap_remove(b),
            None => match ready.top() {
                Some(t) => t,
                None => {
                    return Err(ApportionError::Infeasible {
                        constraint: "upper quota",
                        message: format!(
                            "at house size {next} no unit can take a seat within its upper quota and maximum"
                        ),
                    });
                }
            },
        };
        // Mid-process tie: another eligible unit with the winner's priority (the runner-up is
        // pending, the heap's top, or a child of the top).
        let same = |o: &(f64, u32)| o.1 != winner.1 && prio_cmp(o, &winner, &units) == Ordering::Equal;
        let tied = pending.iter().any(same)
            || ready.top().is_some_and(|t| same(&t))
            || (from_pending.is_none() && ready.children_of_top().iter().any(same));
        for e in pending.drain(..) {
            ready.push(e, &cmp);
        }
        if tied {
            let mut tied_units = vec![winner.1 as usize];
            let mut buf = Vec::new();
            if from_pending.is_none() {
                buf.push(ready.pop(&cmp).expect("winner is the top"));
            }
            while let Some(o) = ready.top() {
                if prio_cmp(&o, &winner, &units) != Ordering::Equal {
                    break;
                }
                tied_units.push(o.1 as usize);
                buf.push(ready.pop(&cmp).expect("top exists"));
            }
            for e in buf {
                ready.push(e, &cmp);
            }
            tied_units.sort_unstable();
            match req.ties {
                TieRule::Error => return Err(ApportionError::Tie { units: tied_units, seats: 1, at_house: next }),
                TieRule::LargerWeightThenOrder => ties.push(Tie { units: tied_units, seats: 1, at_house: next }),
            }
        }
        if from_pending.is_none() {
            ready.pop(&cmp);
        }
        // The winner takes the seat; it stays a candidate when its upper quota allows another
        // seat at the next house size, and waits otherwise.
        house = next;
        let unit = winner.1;
        let u = &mut units[unit as usize];
        u.s += 1;
        if u.s >= u.max {
            continue;
        }
        // Eligible at house + 1 when s W < w (house + 1); the division that finds the first
        // eligible house is done only when it is not.
        let eligible_next = match (u.s as u128).checked_mul(total).zip(u.w.checked_mul(house as u128 + 1)) {
            Some((a, b)) => a < b,
            None => eligible_from(u) <= house + 1,
        };
        if eligible_next {
            pending.push(key(u, unit));
        } else {
            let from = eligible_from(u);
            waiting.push(from, key(u, unit));
        }
    }
    let seats = units.iter().map(|u| u.s).collect();
    Ok(Outcome { seats, ties })
}

/// Lower and upper quota of each unit at house size `h`: `floor` and `ceil` of `w h / W`.
pub fn quotas(weights: &[u128], h: u64) -> Vec<(u64, u64)> {
    let total: u128 = weights.iter().sum();
    weights
        .iter()
        .map(|&w| {
            if total == 0 {
                return (0, 0);
            }
            let (q, r) = mul_div_rem(w, h as u128, total);
            (q as u64, if r > 0 { q as u64 + 1 } else { q as u64 })
        })
        .collect()
}

#[cfg(test)]
mod tests;
