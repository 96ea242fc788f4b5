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
mod divisor;
mod exact;
mod hamilton;
pub mod lp;
mod priority;
mod queues;
mod quota;

use exact::mul_div_rem;
pub use exact::{cmp_products, scale_decimals};
pub use quota::quota_method_seat_by_seat;

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

/// How Hamilton meets per-unit minimums. The law is silent on the convention, so it is a choice;
/// both are found in apportionment law. The divisor methods and the quota method have one
/// natural way (a unit's seats never fall below its minimum while the others compete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MinRule {
    /// The default. Units whose share falls below their minimum are given the minimum first,
    /// and the rest of the house is apportioned over the other units by largest remainder
    /// (repeated until no unit is below its minimum).
    #[default]
    MinimumFirst,
    /// The historical US House convention: quotas over all units at the full house size, each
    /// unit its floor; units below their minimum are raised to it with seats taken from the
    /// pool left after the floors; the rest of the pool by largest remainder among the other
    /// units. Infeasible when the pool cannot cover the raises.
    RaiseFromPool,
}

impl MinRule {
    /// Names accepted on the command line: `minimum-first`, `raise-from-pool`.
    pub fn parse(name: &str) -> std::result::Result<MinRule, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "minimum-first" => Ok(MinRule::MinimumFirst),
            "raise-from-pool" | "us-house" => Ok(MinRule::RaiseFromPool),
            other => Err(format!("unknown minimum rule `{other}` (minimum-first or raise-from-pool)")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MinRule::MinimumFirst => "minimum-first",
            MinRule::RaiseFromPool => "raise-from-pool",
        }
    }
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
    /// How Hamilton meets the minimums.
    pub min_rule: MinRule,
    pub ties: TieRule,
}

impl<'a> Request<'a> {
    pub fn new(weights: &'a [u128], seats: u64, method: Method) -> Self {
        Request { weights, seats, method, min: None, max: None, min_rule: MinRule::default(), ties: TieRule::Error }
    }
    pub fn min_rule(mut self, rule: MinRule) -> Self {
        self.min_rule = rule;
        self
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
    /// The bounds and the seats cannot all be met: `constraint` names the rule, `why` says how,
    /// typed so that a caller can say it in its reader's language.
    #[error("infeasible: {constraint}: {why}")]
    Infeasible { constraint: &'static str, why: Infeasibility },
    #[error(
        "tie for {seats} seat(s) between units {units:?} at house size {at_house}; the result is undefined and a human must decide"
    )]
    Tie { units: Vec<usize>, seats: u64, at_house: u64 },
    #[error("invalid input: {0}")]
    Invalid(String),
}

/// Why the bounds and the seats cannot all be met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Infeasibility {
    /// A unit's minimum is above its maximum.
    UnitBounds { unit: usize, min: u64, max: u64 },
    /// The minimums need more seats than there are.
    MinimumsAboveSeats { minimums: u128, seats: u64 },
    /// The maximums (and units without weight) allow fewer seats than there are.
    MaximumsBelowSeats { maximums: u128, seats: u64 },
    /// The method gives every unit with weight a seat first, and there are too few seats.
    SeatEach { method: String, units: u64, seats: u64 },
    /// At this house size no unit can take a seat within its upper quota and maximum.
    UpperQuota { house: u64 },
    /// Only units without weight are free to take the remaining seats.
    NoWeight,
    /// Raising the units below their minimum needs more seats than the remainders leave.
    RaiseFromPool { need: u64, pool: u64 },
}

impl std::fmt::Display for Infeasibility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Infeasibility::UnitBounds { unit, min, max } => write!(f, "unit {unit}: minimum {min} above maximum {max}"),
            Infeasibility::MinimumsAboveSeats { minimums, seats } => {
                write!(f, "the minimums add up to {minimums}, more than the {seats} seats")
            }
            Infeasibility::MaximumsBelowSeats { maximums, seats } => {
                write!(f, "the maximums (and zero-weight units) allow only {maximums} of the {seats} seats")
            }
            Infeasibility::SeatEach { method, units, seats } => write!(
                f,
                "{method} gives every unit with weight a seat first, but there are {units} such units and {seats} seats"
            ),
            Infeasibility::UpperQuota { house } => {
                write!(f, "at house size {house} no unit can take a seat within its upper quota and maximum")
            }
            Infeasibility::NoWeight => f.write_str("no free unit has weight to receive the remaining seats"),
            Infeasibility::RaiseFromPool { need, pool } => write!(
                f,
                "raising the units below their minimum needs {need} seats but the remainders leave {pool}; the minimum-first rule can meet the minimums"
            ),
        }
    }
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
                why: Infeasibility::UnitBounds { unit: i, min: min[i], max: max[i] },
            });
        }
    }
    let total_min: u128 = min.iter().map(|&x| x as u128).sum();
    let total_max: u128 = max.iter().map(|&x| x as u128).sum();
    if total_min > req.seats as u128 {
        return Err(ApportionError::Infeasible {
            constraint: "sum of minimums <= seats",
            why: Infeasibility::MinimumsAboveSeats { minimums: total_min, seats: req.seats },
        });
    }
    if total_max < req.seats as u128 {
        return Err(ApportionError::Infeasible {
            constraint: "sum of maximums >= seats",
            why: Infeasibility::MaximumsBelowSeats { maximums: total_max, seats: req.seats },
        });
    }
    if req.method.gives_everyone_a_seat() {
        let positive = req.weights.iter().filter(|w| **w > 0).count() as u64;
        let capped_out = (0..n).filter(|&i| req.weights[i] > 0 && max[i] == 0).count() as u64;
        if req.seats < positive - capped_out {
            return Err(ApportionError::Infeasible {
                constraint: "seats >= units with weight",
                why: Infeasibility::SeatEach {
                    method: format!("{:?}", req.method),
                    units: positive - capped_out,
                    seats: req.seats,
                },
            });
        }
    }
    match req.method {
        Method::Hamilton => hamilton::hamilton(req, &min, &max),
        Method::Quota => quota::quota_method(req, &min, &max),
        _ => divisor::divisor(req, &min, &max),
    }
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
