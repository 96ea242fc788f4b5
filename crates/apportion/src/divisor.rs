//! Divisor methods (Jefferson/D'Hondt, Webster/Sainte-Laguë, Huntington-Hill, Adams, Dean) by
//! "jump and step", and the tie at the boundary seat.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::exact::{cmp_products, mul_div_rem};
use crate::priority::{Entry, Priority, priority, signpost_reached};
use crate::{ApportionError, Method, Outcome, Request, Result, Tie, TieRule};

pub(crate) fn divisor(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
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
pub(crate) fn settle_boundary_tie(
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
