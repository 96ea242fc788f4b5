//! The composite shortage score: indicators normalised across cells, weighted, averaged; the
//! rating from the score and the gap; and the sensitivity of the ratings to the weights.

use std::collections::BTreeMap;

use super::Rating;
use super::indicators::{Indicator, N, Values};
use crate::codes::{OkedSection, Region};

/// Weights of the indicators (non-negative, not all zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights(pub [f64; N]);

impl Weights {
    /// Reads `name = weight` pairs; indicators not named get weight 0. Fails on unknown names,
    /// negative or non-finite weights, and all-zero weights.
    pub fn from_map(map: &BTreeMap<String, f64>) -> Result<Weights, String> {
        let mut w = [0.0; N];
        for (k, v) in map {
            let i = Indicator::from_name(k).ok_or_else(|| {
                format!(
                    "unknown indicator `{k}` (known: {})",
                    Indicator::ALL.iter().map(|i| i.name()).collect::<Vec<_>>().join(", ")
                )
            })?;
            if !v.is_finite() || *v < 0.0 {
                return Err(format!("weight of `{k}` is {v}; weights must be non-negative numbers"));
            }
            w[i.index()] = *v;
        }
        if w.iter().all(|x| *x == 0.0) {
            return Err("all weights are zero: the score would be undefined".into());
        }
        Ok(Weights(w))
    }
}

/// Rating rule settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleConfig {
    pub weights: Weights,
    pub shortage_cutoff: f64,
    pub surplus_cutoff: f64,
    pub min_cell_employment: f64,
    /// Count vacancies that rest on synthetic values in the openings.
    pub count_synthetic_vacancies: bool,
}

/// Robust z-scores across the eligible cells: `(x - median) / (1.4826 MAD)`, oriented so that
/// higher means tighter, clipped to [-3, 3]. A spread of zero gives 0 for everyone.
pub fn normalise(
    values: &BTreeMap<(Region, OkedSection), Values>,
    eligible: impl Fn(&(Region, OkedSection)) -> bool,
) -> BTreeMap<(Region, OkedSection), Values> {
    let mut out: BTreeMap<(Region, OkedSection), Values> = values.keys().map(|k| (*k, [None; N])).collect();
    for ind in Indicator::ALL {
        let k = ind.index();
        let mut xs: Vec<f64> = values.iter().filter(|(c, _)| eligible(c)).filter_map(|(_, v)| v[k]).collect();
        if xs.is_empty() {
            continue;
        }
        let med = median(&mut xs);
        let mut dev: Vec<f64> = xs.iter().map(|x| (x - med).abs()).collect();
        let mad = 1.4826 * median(&mut dev);
        for (c, v) in values {
            if let Some(x) = v[k] {
                let z = if mad > 0.0 { (x - med) / mad } else { 0.0 };
                out.get_mut(c).expect("same keys")[k] = Some((ind.direction() * z).clamp(-3.0, 3.0));
            }
        }
    }
    out
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { 0.5 * (v[n / 2 - 1] + v[n / 2]) }
}

/// Weighted mean of the normalised indicators, or the indicators with weight that are missing.
pub fn composite(z: &Values, w: &Weights) -> Result<f64, Vec<Indicator>> {
    let missing: Vec<Indicator> =
        Indicator::ALL.into_iter().filter(|i| w.0[i.index()] > 0.0 && z[i.index()].is_none()).collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let total: f64 = w.0.iter().sum();
    Ok(Indicator::ALL.iter().map(|i| w.0[i.index()] * z[i.index()].unwrap_or(0.0)).sum::<f64>() / total)
}

/// Why a cell is undetermined, if it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Undetermined {
    TooSmall { employed: f64, needed: f64 },
    Missing(Vec<Indicator>),
}

/// The rating rule: undetermined when the cell is too small or an indicator with weight is
/// missing; shortage when the score reaches the shortage cut-off and openings exceed domestic
/// supply; surplus when the score is at or below the surplus cut-off and they do not; balanced
/// otherwise.
pub fn rate(
    employed_last: f64,
    score: &Result<f64, Vec<Indicator>>,
    gap: f64,
    cfg: &RuleConfig,
) -> (Rating, Option<Undetermined>) {
    if employed_last < cfg.min_cell_employment {
        return (
            Rating::Undetermined,
            Some(Undetermined::TooSmall { employed: employed_last, needed: cfg.min_cell_employment }),
        );
    }
    match score {
        Err(missing) => (Rating::Undetermined, Some(Undetermined::Missing(missing.clone()))),
        Ok(s) if *s >= cfg.shortage_cutoff && gap > 0.0 => (Rating::Shortage, None),
        Ok(s) if *s <= cfg.surplus_cutoff && gap <= 0.0 => (Rating::Surplus, None),
        Ok(_) => (Rating::Balanced, None),
    }
}

/// How the ratings move when one weight changes by a factor.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityRow {
    pub indicator: Indicator,
    pub factor: f64,
    pub changed: usize,
    pub shortage: usize,
    pub surplus: usize,
    /// The cells that changed, `KZ-23/F shortage->balanced`.
    pub changes: Vec<String>,
}

/// One cell as the sensitivity analysis needs it.
pub struct SensitivityCell {
    pub region: Region,
    pub section: OkedSection,
    pub employed_last: f64,
    pub z: Values,
    pub gap: f64,
    pub rating: Rating,
}

/// Re-rates every cell with each weight multiplied by each factor (0.8 and 1.2 in the run).
pub fn sensitivity(cells: &[SensitivityCell], cfg: &RuleConfig, factors: &[f64]) -> Vec<SensitivityRow> {
    let mut rows = Vec::new();
    for ind in Indicator::ALL {
        if cfg.weights.0[ind.index()] == 0.0 {
            continue;
        }
        for &f in factors {
            let mut w = cfg.weights;
            w.0[ind.index()] *= f;
            let c2 = RuleConfig { weights: w, ..*cfg };
            let mut changes = Vec::new();
            let (mut shortage, mut surplus) = (0, 0);
            for c in cells {
                let (r, _) = rate(c.employed_last, &composite(&c.z, &w), c.gap, &c2);
                match r {
                    Rating::Shortage => shortage += 1,
                    Rating::Surplus => surplus += 1,
                    _ => {}
                }
                if r != c.rating {
                    changes.push(format!("{}/{} {}->{}", c.region.iso(), c.section.code(), c.rating, r));
                }
            }
            rows.push(SensitivityRow { indicator: ind, factor: f, changed: changes.len(), shortage, surplus, changes });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_weights() -> BTreeMap<String, f64> {
        Indicator::ALL.iter().map(|i| (i.name().to_string(), 1.0)).collect()
    }

    #[test]
    fn weights_validate() {
        assert!(Weights::from_map(&test_weights()).is_ok());
        let bad = |k: &str, v: f64| Weights::from_map(&[(k.to_string(), v)].into_iter().collect()).unwrap_err();
        assert!(bad("tightness", -0.1).contains("non-negative"));
        assert!(bad("tightness", 0.0).contains("all weights are zero"));
        assert!(bad("tightnes", 1.0).contains("unknown indicator `tightnes`"));
        assert!(bad("tightness", f64::NAN).contains("non-negative"));
    }

    #[test]
    fn composite_names_missing_indicators_and_rule_needs_a_gap() {
        let w = Weights::from_map(&test_weights()).unwrap();
        let mut z: Values = [Some(1.0); N];
        assert!((composite(&z, &w).unwrap() - 1.0).abs() < 1e-12);
        z[Indicator::RealWageGrowth3y.index()] = None;
        assert_eq!(composite(&z, &w).unwrap_err(), vec![Indicator::RealWageGrowth3y]);
        let cfg = RuleConfig {
            weights: w,
            shortage_cutoff: 0.5,
            surplus_cutoff: -0.5,
            min_cell_employment: 1000.0,
            count_synthetic_vacancies: true,
        };
        assert_eq!(rate(5000.0, &Ok(0.8), 10.0, &cfg).0, Rating::Shortage);
        // Tight signals but domestic supply covers the openings: balanced, not shortage.
        assert_eq!(rate(5000.0, &Ok(0.8), -10.0, &cfg).0, Rating::Balanced);
        assert_eq!(rate(5000.0, &Ok(-0.8), -10.0, &cfg).0, Rating::Surplus);
        assert_eq!(rate(500.0, &Ok(0.8), 10.0, &cfg).0, Rating::Undetermined);
        assert!(matches!(
            rate(5000.0, &Err(vec![Indicator::Tightness]), 10.0, &cfg),
            (Rating::Undetermined, Some(Undetermined::Missing(_)))
        ));
    }

    #[test]
    fn normalisation_is_robust_and_oriented() {
        let cells: BTreeMap<(Region, OkedSection), Values> = (0..5)
            .map(|k| {
                let mut v: Values = [None; N];
                v[Indicator::UnemploymentRate.index()] = Some(k as f64);
                v[Indicator::Tightness.index()] = Some(if k == 4 { 1000.0 } else { k as f64 });
                ((Region::all().nth(k).unwrap(), OkedSection::from_letter('A').unwrap()), v)
            })
            .collect();
        let z = normalise(&cells, |_| true);
        let first = z.values().next().unwrap();
        // Lowest unemployment is the tightest: positive after orientation.
        assert!(first[Indicator::UnemploymentRate.index()].unwrap() > 0.0);
        // The outlier is clipped at 3.
        let last = z.values().nth(4).unwrap();
        assert_eq!(last[Indicator::Tightness.index()], Some(3.0));
    }
}
