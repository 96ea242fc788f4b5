//! Exact apportionment: splitting an integer total in proportion to weights.
//!
//! The largest-remainder (Hamilton) method works on integer weights with exact integer
//! arithmetic (`u128`), so remainders are compared exactly and ties are found, not guessed.

use crate::error::{Error, Result};

/// How remainders that compare equal are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieBreak {
    /// Refuse: a tie for the last seat is an error for a human to decide.
    Error,
    /// The larger weight first, then the earlier unit in input order.
    LargerWeightThenOrder,
}

/// The result of an apportionment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apportionment {
    pub seats: Vec<u64>,
    /// Units whose last seat was decided by the tie-break rule.
    pub tie_broken: Vec<usize>,
}

/// Hamilton / largest remainder with exact arithmetic.
///
/// Each unit first gets `floor(total * w_i / W)`; the remaining seats go to the largest
/// remainders `total * w_i mod W`. A tie that decides who gets the last seat is resolved by
/// `tie` (or reported as an error).
///
/// ```
/// use kvota::allocate::apportion::{hamilton, TieBreak};
/// let a = hamilton(10, &[5, 3, 2], TieBreak::Error).unwrap();
/// assert_eq!(a.seats, vec![5, 3, 2]);
/// ```
pub fn hamilton(total: u64, weights: &[u64], tie: TieBreak) -> Result<Apportionment> {
    let sum: u128 = weights.iter().map(|&w| w as u128).sum();
    if weights.is_empty() {
        return Err(Error::Model("apportionment over no units".into()));
    }
    if sum == 0 {
        if total == 0 {
            return Ok(Apportionment { seats: vec![0; weights.len()], tie_broken: vec![] });
        }
        return Err(Error::Model(format!("cannot apportion {total} over units whose weights are all zero")));
    }
    let t = total as u128;
    let mut seats: Vec<u64> = Vec::with_capacity(weights.len());
    let mut rems: Vec<(u128, u64, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let p = t * w as u128;
        seats.push((p / sum) as u64);
        rems.push((p % sum, w, i));
    }
    let given: u64 = seats.iter().sum();
    let left = (total - given) as usize;
    // Largest remainder first; among equal remainders the tie rule orders them.
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut tie_broken = Vec::new();
    if left > 0 && left < rems.len() && rems[left - 1].0 == rems[left].0 {
        let boundary = rems[left].0;
        let tied: Vec<usize> = rems.iter().filter(|r| r.0 == boundary).map(|r| r.2).collect();
        match tie {
            TieBreak::Error => {
                return Err(Error::Model(format!(
                    "tie for the last seat between units {tied:?}: equal remainders; a human must decide"
                )));
            }
            TieBreak::LargerWeightThenOrder => tie_broken = tied,
        }
    }
    for r in rems.iter().take(left) {
        seats[r.2] += 1;
    }
    tie_broken.sort_unstable();
    Ok(Apportionment { seats, tie_broken })
}

/// Largest remainder over real-valued weights, for estimation work (building the default
/// dataset), where exact ties do not matter. Ties go to the earlier unit. Non-finite or
/// negative weights are treated as zero.
pub fn largest_remainder_f64(total: i64, weights: &[f64]) -> Vec<i64> {
    let w: Vec<f64> = weights.iter().map(|&x| if x.is_finite() && x > 0.0 { x } else { 0.0 }).collect();
    let sum: f64 = w.iter().sum();
    if total <= 0 || sum <= 0.0 {
        return vec![0; w.len()];
    }
    let mut out = Vec::with_capacity(w.len());
    let mut rems = Vec::with_capacity(w.len());
    for (i, x) in w.iter().enumerate() {
        let q = total as f64 * x / sum;
        let f = q.floor();
        out.push(f as i64);
        rems.push((q - f, i));
    }
    let mut left = total - out.iter().sum::<i64>();
    rems.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut k = 0;
    while left > 0 && !rems.is_empty() {
        out[rems[k % rems.len()].1] += 1;
        left -= 1;
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamilton_exact_and_ties() {
        let a = hamilton(7, &[1, 1, 1, 1], TieBreak::LargerWeightThenOrder).unwrap();
        assert_eq!(a.seats.iter().sum::<u64>(), 7);
        assert_eq!(a.seats, vec![2, 2, 2, 1]);
        assert_eq!(a.tie_broken, vec![0, 1, 2, 3]);
        assert!(hamilton(7, &[1, 1, 1, 1], TieBreak::Error).is_err());
        assert!(hamilton(5, &[0, 0], TieBreak::Error).is_err());
    }

    #[test]
    fn f64_sums_exactly() {
        let v = largest_remainder_f64(1000, &[0.3, 0.3, 0.4, f64::NAN]);
        assert_eq!(v.iter().sum::<i64>(), 1000);
        assert_eq!(v[3], 0);
    }
}
