//! Priorities of the divisor methods: `w / d(s)` as exact fractions, the signposts `d(s)`, and
//! heap entries ordered by priority, then larger weight, then earlier unit.

use std::cmp::Ordering;

use crate::Method;
use crate::exact::cmp_products;

/// The priority of a unit's next seat, `w / d(s)`, as an exact fraction of small products.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Priority {
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

    pub(crate) fn cmp(&self, other: &Priority) -> Ordering {
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
pub(crate) fn priority(method: Method, w: u128, s: u64) -> Priority {
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
pub(crate) fn signpost_reached(method: Method, s: u128, a: u128, b: u128) -> bool {
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
pub(crate) struct Entry {
    pub(crate) prio: Priority,
    pub(crate) weight: u128,
    pub(crate) unit: usize,
    /// `true` in a min-heap of seats to remove.
    pub(crate) reverse: bool,
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
