//! Hamilton (largest remainder, Hare quota) with minimum and maximum seats, under either
//! convention for minimums ([`MinRule`]).

use crate::exact::mul_div_rem;
use crate::{ApportionError, MinRule, Outcome, Request, Result, Tie, TieRule};

pub(crate) fn hamilton(req: &Request<'_>, min: &[u64], max: &[u64]) -> Result<Outcome> {
    let n = req.weights.len();
    let mut fixed: Vec<Option<u64>> = vec![None; n];
    // Units whose share violates a bound are fixed at it, and the rest is re-apportioned among
    // the others, until no bound is violated (at most n rounds; maximums are settled before
    // minimums). Under `RaiseFromPool` a round itself raises the units below their minimum.
    loop {
        let (s, ties) = round(req, &fixed, min)?;
        let free = (0..n).filter(|&i| fixed[i].is_none());
        let over: Vec<usize> = free.clone().filter(|&i| s[i] > max[i]).collect();
        if !over.is_empty() {
            for i in over {
                fixed[i] = Some(max[i]);
            }
            continue;
        }
        let under: Vec<usize> = free.filter(|&i| s[i] < min[i]).collect();
        if !under.is_empty() {
            for i in under {
                fixed[i] = Some(min[i]);
            }
            continue;
        }
        return Ok(Outcome { seats: s, ties });
    }
}

/// One round: the fixed units keep their seats, the rest of the house goes to the free units
/// by quota floors and largest remainders (larger remainder, then larger weight, then earlier
/// unit), with the minimums met as the rule says.
fn round(req: &Request<'_>, fixed: &[Option<u64>], min: &[u64]) -> Result<(Vec<u64>, Vec<Tie>)> {
    let w = req.weights;
    let n = w.len();
    let free: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
    let fixed_seats: u64 = fixed.iter().flatten().sum();
    let h = req.seats - fixed_seats;
    let total: u128 = free.iter().map(|&i| w[i]).sum();
    let mut s: Vec<u64> = fixed.iter().map(|f| f.unwrap_or(0)).collect();
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
        return Err(ApportionError::Infeasible { constraint: "seats", why: crate::Infeasibility::NoWeight });
    }
    let mut pool = h - given;
    if req.min_rule == MinRule::RaiseFromPool {
        let need: u64 = free.iter().map(|&i| min[i].saturating_sub(s[i])).sum();
        if need > pool {
            return Err(ApportionError::Infeasible {
                constraint: "minimum seats (raise-from-pool)",
                why: crate::Infeasibility::RaiseFromPool { need, pool },
            });
        }
        pool -= need;
        for &i in &free {
            s[i] = s[i].max(min[i]);
        }
        // Raised units take no remainder seat.
        rems.retain(|&(_, i)| {
            let (q, _) = mul_div_rem(w[i], h as u128, total.max(1));
            min[i] <= q as u64
        });
    }
    let ties = largest_remainders(req, &mut rems, pool as usize, &mut s)?;
    Ok((s, ties))
}

/// Gives `left` seats by largest remainder; a tie at the boundary is an error or broken and
/// reported, by the request's rule.
fn largest_remainders(req: &Request<'_>, rems: &mut [(u128, usize)], left: usize, s: &mut [u64]) -> Result<Vec<Tie>> {
    let w = req.weights;
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(w[b.1].cmp(&w[a.1])).then(a.1.cmp(&b.1)));
    let mut ties = Vec::new();
    if left > 0 && left < rems.len() && rems[left - 1].0 == rems[left].0 {
        let boundary = rems[left].0;
        let mut units: Vec<usize> = rems.iter().filter(|r| r.0 == boundary).map(|r| r.1).collect();
        let seats = rems[..left].iter().filter(|r| r.0 == boundary).count() as u64;
        units.sort_unstable();
        match req.ties {
            TieRule::Error => return Err(ApportionError::Tie { units, seats, at_house: req.seats }),
            TieRule::LargerWeightThenOrder => ties.push(Tie { units, seats, at_house: req.seats }),
        }
    }
    for r in rems.iter().take(left) {
        s[r.1] += 1;
    }
    Ok(ties)
}
