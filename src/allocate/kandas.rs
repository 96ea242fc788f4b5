//! The kandas regional quota: how many families the support budget pays for, split over the
//! regions designated for the year in proportion to their labour shortage.

use std::collections::BTreeMap;

use crate::allocate::apportion::{TieBreak, hamilton};
use crate::codes::Region;
use crate::error::{Error, Result};

/// Support amounts in force for the target year, resolved from the parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportRules {
    pub mci_kzt: f64,
    pub relocation_mci_per_member: f64,
    pub rent_mci_min: f64,
    pub rent_mci_max: f64,
    pub rent_months: f64,
    pub employer_subsidy_mci: f64,
    pub housing_certificate_cap_kzt: f64,
}

/// The scenario's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct KandasSettings {
    pub budget_kzt: f64,
    pub family_size: u32,
    pub working_members_per_family: u32,
    pub rent_mci_per_month: f64,
    pub include_housing_certificate: bool,
}

/// Cost of supporting one family, by item (tenge).
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyCost {
    pub relocation_kzt: f64,
    pub rent_kzt: f64,
    pub employer_subsidy_kzt: f64,
    pub housing_certificate_kzt: f64,
}

impl FamilyCost {
    pub fn total(&self) -> f64 {
        self.relocation_kzt + self.rent_kzt + self.employer_subsidy_kzt + self.housing_certificate_kzt
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KandasRow {
    pub region: Region,
    pub families: u64,
    pub persons: u64,
    /// Shortage gap used as the weight (persons).
    pub weight: u64,
    pub tie_broken: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KandasSummary {
    pub family_cost: FamilyCost,
    pub families: u64,
    pub persons: u64,
    pub cost_kzt: f64,
    pub budget_kzt: f64,
}

/// Cost of one family under the rules and settings.
pub fn family_cost(r: &SupportRules, s: &KandasSettings) -> Result<FamilyCost> {
    if s.rent_mci_per_month < r.rent_mci_min || s.rent_mci_per_month > r.rent_mci_max {
        return Err(Error::Infeasible {
            constraint: "kandas.rent_mci_per_month".into(),
            message: format!(
                "{} MCI a month is outside the legal range {}-{} MCI",
                s.rent_mci_per_month, r.rent_mci_min, r.rent_mci_max
            ),
        });
    }
    Ok(FamilyCost {
        relocation_kzt: r.relocation_mci_per_member * s.family_size as f64 * r.mci_kzt,
        rent_kzt: s.rent_mci_per_month * r.rent_months * r.mci_kzt,
        employer_subsidy_kzt: r.employer_subsidy_mci * s.working_members_per_family as f64 * r.mci_kzt,
        housing_certificate_kzt: if s.include_housing_certificate { r.housing_certificate_cap_kzt } else { 0.0 },
    })
}

/// Splits the families the budget pays for over the designated regions by shortage weight.
pub fn allocate(
    designated: &[Region],
    weights: &BTreeMap<Region, u64>,
    rules: &SupportRules,
    s: &KandasSettings,
) -> Result<(Vec<KandasRow>, KandasSummary)> {
    if designated.is_empty() {
        return Err(Error::Infeasible {
            constraint: "kandas.resettlement_regions".into(),
            message: "no region is designated for the year".into(),
        });
    }
    let cost = family_cost(rules, s)?;
    let per_family = cost.total();
    let families = (s.budget_kzt / per_family + 1e-9).floor() as u64;
    if families == 0 {
        return Err(Error::Infeasible {
            constraint: "kandas.budget_kzt".into(),
            message: format!(
                "the budget of {:.0} tenge is below the cost of one family ({:.0} tenge)",
                s.budget_kzt, per_family
            ),
        });
    }
    let w: Vec<u64> = designated.iter().map(|r| weights.get(r).copied().unwrap_or(0)).collect();
    if w.iter().all(|&x| x == 0) {
        return Err(Error::Infeasible {
            constraint: "kandas.shortage_weights".into(),
            message: "no labour shortage was found in any designated region, so the split by shortage is undefined"
                .into(),
        });
    }
    let a = hamilton(families, &w, TieBreak::LargerWeightThenOrder)?;
    let rows: Vec<KandasRow> = designated
        .iter()
        .enumerate()
        .map(|(i, r)| KandasRow {
            region: *r,
            families: a.seats[i],
            persons: a.seats[i] * s.family_size as u64,
            weight: w[i],
            tie_broken: a.tie_broken.contains(&i),
        })
        .collect();
    let persons = families * s.family_size as u64;
    let summary = KandasSummary {
        cost_kzt: families as f64 * per_family,
        family_cost: cost,
        families,
        persons,
        budget_kzt: s.budget_kzt,
    };
    Ok((rows, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> SupportRules {
        SupportRules {
            mci_kzt: 4325.0,
            relocation_mci_per_member: 70.0,
            rent_mci_min: 15.0,
            rent_mci_max: 30.0,
            rent_months: 12.0,
            employer_subsidy_mci: 400.0,
            housing_certificate_cap_kzt: 4_560_000.0,
        }
    }

    fn settings(budget: f64) -> KandasSettings {
        KandasSettings {
            budget_kzt: budget,
            family_size: 4,
            working_members_per_family: 1,
            rent_mci_per_month: 30.0,
            include_housing_certificate: true,
        }
    }

    #[test]
    fn cost_and_split() {
        // 70*4 + 30*12 + 400 = 1,040 MCI = 4,498,000 tenge, + 4,560,000 certificate.
        let c = family_cost(&rules(), &settings(0.0)).unwrap();
        assert_eq!(c.total(), 9_058_000.0);
        let w: BTreeMap<Region, u64> = [(Region::PAVLODAR, 300), (Region::KOSTANAY, 100)].into_iter().collect();
        let (rows, s) = allocate(
            &[Region::PAVLODAR, Region::KOSTANAY, Region::ATYRAU],
            &w,
            &rules(),
            &settings(9_058_000.0 * 10.5),
        )
        .unwrap();
        assert_eq!(s.families, 10);
        assert!(s.cost_kzt <= s.budget_kzt);
        assert_eq!(rows.iter().map(|r| r.families).sum::<u64>(), 10);
        assert_eq!(rows[0].families, 8); // 7.5 + remainder
        assert_eq!(rows[2].families, 0);
        assert!(rows.iter().all(|r| r.persons == 4 * r.families));
    }

    #[test]
    fn budget_below_one_family_is_infeasible() {
        let w: BTreeMap<Region, u64> = [(Region::PAVLODAR, 1)].into_iter().collect();
        let e = allocate(&[Region::PAVLODAR], &w, &rules(), &settings(1000.0)).unwrap_err().to_string();
        assert!(e.contains("kandas.budget_kzt"), "{e}");
        let mut s = settings(1e9);
        s.rent_mci_per_month = 40.0;
        let e = allocate(&[Region::PAVLODAR], &w, &rules(), &s).unwrap_err().to_string();
        assert!(e.contains("rent_mci_per_month"), "{e}");
    }
}
