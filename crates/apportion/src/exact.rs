//! Exact products and decimal weights.

use std::cmp::Ordering;

use num_bigint::BigUint;

/// Compares `a[0] * a[1] * ...` with `b[0] * b[1] * ...` exactly (u128 when the products fit,
/// arbitrary precision otherwise).
pub fn cmp_products(a: &[u128], b: &[u128]) -> Ordering {
    match (checked_product(a), checked_product(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => big_product(a).cmp(&big_product(b)),
    }
}

fn checked_product(v: &[u128]) -> Option<u128> {
    v.iter().try_fold(1u128, |acc, x| acc.checked_mul(*x))
}

fn big_product(v: &[u128]) -> BigUint {
    v.iter().fold(BigUint::from(1u32), |acc, x| acc * BigUint::from(*x))
}

/// `floor(a * b / c)` exactly: a float estimate corrected with multiplications, because a
/// 128-bit division costs more than the rest of a quota-method step.
pub fn floor_mul_div(a: u128, b: u128, c: u128) -> u128 {
    let est = (a as f64 * b as f64 / c as f64) as u128;
    let (Some(p), Some(lo), Some(hi)) = (a.checked_mul(b), est.checked_mul(c), (est + 1).checked_mul(c)) else {
        return mul_div_rem(a, b, c).0;
    };
    // est * c <= p < (est + 1) * c, nudged when the estimate is one off either way.
    if lo > p {
        return if est > 0 && (est - 1) * c <= p { est - 1 } else { mul_div_rem(a, b, c).0 };
    }
    if hi <= p {
        return match (est + 2).checked_mul(c) {
            Some(h) if h > p => est + 1,
            _ => mul_div_rem(a, b, c).0,
        };
    }
    est
}

/// `(a * b) / c` and `(a * b) % c` exactly.
pub fn mul_div_rem(a: u128, b: u128, c: u128) -> (u128, u128) {
    match a.checked_mul(b) {
        Some(p) => (p / c, p % c),
        None => {
            let p = BigUint::from(a) * BigUint::from(b);
            let c = BigUint::from(c);
            let q: u128 = (&p / &c).try_into().expect("quotient fits: it is at most a or b");
            let r: u128 = (&p % &c).try_into().expect("remainder below c");
            (q, r)
        }
    }
}

/// Parses non-negative decimal weights (`123`, `4.56`, `1e3` is refused) and scales them to
/// integers with a common power of ten, so that every comparison is exact. Returns the integer
/// weights; fails on negative, non-numeric or too-precise input with the index of the bad value.
pub fn scale_decimals(values: &[&str]) -> Result<Vec<u128>, (usize, String)> {
    let mut parts = Vec::with_capacity(values.len());
    let mut decimals = 0usize;
    for (i, raw) in values.iter().enumerate() {
        let s = raw.trim();
        if s.is_empty() {
            return Err((i, "empty weight".into()));
        }
        if s.starts_with('-') {
            return Err((i, format!("negative weight `{s}`")));
        }
        let s = s.strip_prefix('+').unwrap_or(s);
        let (int, frac) = match s.split_once('.') {
            Some((a, b)) => (a, b),
            None => (s, ""),
        };
        if int.is_empty() && frac.is_empty()
            || !int.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err((i, format!("`{s}` is not a plain decimal number")));
        }
        let frac = frac.trim_end_matches('0');
        decimals = decimals.max(frac.len());
        parts.push((int.trim_start_matches('0').to_string(), frac.to_string()));
    }
    if decimals > 18 {
        return Err((0, format!("weights with {decimals} decimals; at most 18 are supported")));
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(i, (int, frac))| {
            let digits = format!("{int}{frac}{}", "0".repeat(decimals - frac.len()));
            let digits = digits.trim_start_matches('0');
            if digits.is_empty() {
                return Ok(0);
            }
            digits
                .parse::<u128>()
                .map_err(|_| (i, "weight too large for exact arithmetic (more than 38 digits)".to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_and_decimals() {
        assert_eq!(cmp_products(&[u128::MAX, 2], &[u128::MAX, 3]), Ordering::Less);
        assert_eq!(cmp_products(&[6, 7], &[42]), Ordering::Equal);
        assert_eq!(mul_div_rem(u128::MAX, 10, 20), (u128::MAX / 2, 10));
        assert_eq!(scale_decimals(&["1.5", "2", "0.25"]).unwrap(), vec![150, 200, 25]);
        assert_eq!(scale_decimals(&["007", "0.10"]).unwrap(), vec![70, 1]);
        assert!(scale_decimals(&["-1"]).is_err());
        assert!(scale_decimals(&["1e3"]).is_err());
        assert_eq!(scale_decimals(&["x", "1"]).unwrap_err().0, 0);
    }
}
