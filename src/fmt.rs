//! Number formatting for what a person reads (explanations, the report, the CLI). Below every
//! stage: anything may use it, it uses nothing of kvota.

/// `21980` -> `21,980`, for generated explanations.
pub fn thousands(v: u64) -> String {
    group_digits(v, ',')
}

/// A count held as a float, rounded to whole persons (negative values as 0), with commas.
pub fn thousands_f64(v: f64) -> String {
    thousands(v.round().max(0.0) as u64)
}

/// The digits of `v` in groups of three, `sep` between groups.
pub fn group_digits(v: u64, sep: char) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A signed integer with narrow no-break spaces between groups and a true minus sign (the
/// report's style).
pub fn signed_grouped(n: i64) -> String {
    let out = group_digits(n.unsigned_abs(), '\u{202f}');
    if n < 0 { format!("−{out}") } else { out }
}

/// `80.0` -> `80`, `97.5` -> `97.5`: an interval level as it appears in column names.
pub fn level(l: f64) -> String {
    if l.fract() == 0.0 { format!("{}", l as i64) } else { format!("{l}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(21_980), "21,980");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands_f64(-3.0), "0");
        assert_eq!(signed_grouped(-1234), "−1\u{202f}234");
        assert_eq!(level(80.0), "80");
        assert_eq!(level(97.5), "97.5");
    }
}
