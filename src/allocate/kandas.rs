//! The kandas regional quota: how many families the support budget pays for, split over the
//! regions designated for the year — by the shares of the regional quota order of the year
//! before (`Split::PreviousOrder`, official), or by the labour shortage their arrivals can
//! actually fill (`Split::Shortage`, resting on the shortage cells' data). Both splits are
//! computed; the scenario's `[kandas] split` says which is the quota, the other stands beside it.
//!
//! - **Budget**: families = floor(budget / cost of one family), the cost built from the support
//!   rules in force (relocation per member, rent for 12 months, employer subsidy per working
//!   member, optionally the housing certificate at its cap).
//! - **Previous order**: the region's persons in the order in force before the target year are
//!   its weight (a designated region the order did not name weighs 0).
//! - **Skill matching**: a region's shortage gap is split by the education its jobs need (per
//!   section, `panel/section_skill_needs.csv`) into higher / vocational / general jobs J. The
//!   arrivals' education profile p (2025: 15 % higher, 27.5 % specialised secondary, 57.5 %
//!   general secondary or none) can fill a job of their own tier or a lower one, so by Hall's
//!   condition on these nested sets the region can absorb at most
//!   `A = min(J_g / p_g, (J_g + J_v) / (p_g + p_v), (J_g + J_v + J_h) / 1)` working arrivals.
//!   A is the region's weight; A / working members per family caps its families (jobs).
//! - **Housing capacity** (scenario, families) caps a region in both splits; job capacity only
//!   in the split by shortage.
//! - Families are apportioned by Hamilton's method within the caps; what the caps cannot take
//!   stays in the budget and is reported.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::allocate::{apportion, apportion_counts, tied_units};
use crate::codes::{OkedSection, Region};
use crate::error::{Error, Msg, Result};
use crate::evidence::Evidence;
use crate::panel::SkillNeeds;
use crate::params::Params;
use crate::shortage::CellOutlook;

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

impl SupportRules {
    /// The support amounts in force on `date`.
    pub fn from_params(params: &Params, date: NaiveDate) -> Result<SupportRules> {
        let rent = params.table("kandas.rent_mci_per_month", date)?.value;
        Ok(SupportRules {
            mci_kzt: params.number("mci.kzt", date)?.value,
            relocation_mci_per_member: params.number("kandas.relocation_mci_per_member", date)?.value,
            rent_mci_min: *rent
                .get("min")
                .ok_or_else(|| Error::param("kandas.rent_mci_per_month", Msg::new("kq-no-key").arg("key", "min")))?,
            rent_mci_max: *rent
                .get("max")
                .ok_or_else(|| Error::param("kandas.rent_mci_per_month", Msg::new("kq-no-key").arg("key", "max")))?,
            rent_months: params.number("kandas.rent_months", date)?.value,
            employer_subsidy_mci: params.number("kandas.employer_subsidy_mci", date)?.value,
            housing_certificate_cap_kzt: params.number("kandas.housing_certificate_cap_kzt", date)?.value,
        })
    }
}

/// Education of working-age arrivals, shares adding up to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EducationProfile {
    pub higher: f64,
    pub vocational: f64,
    /// General secondary or less.
    pub general: f64,
}

impl EducationProfile {
    /// The arrivals' education profile in force on `date` (`kandas.education_profile`).
    pub fn from_params(params: &Params, date: NaiveDate) -> Result<EducationProfile> {
        let t = params.table("kandas.education_profile", date)?.value;
        let get = |key: &str| {
            t.get(key)
                .copied()
                .ok_or_else(|| Error::param("kandas.education_profile", Msg::new("kq-no-key").arg("key", key)))
        };
        let p = EducationProfile {
            higher: get("higher")?,
            vocational: get("specialised_secondary")?,
            general: get("general_secondary")? + get("none")?,
        };
        let sum = p.higher + p.vocational + p.general;
        if (sum - 1.0).abs() > 1e-3 {
            return Err(Error::param(
                "kandas.education_profile",
                Msg::new("pnl-shares-sum").arg("sum", format!("{sum:.4}")),
            ));
        }
        Ok(p)
    }
}

/// The shortage gaps of each region's shortage cells, by section, and the weakest basis of the
/// region's cells (every cell's rating decides whether it has a gap, so a region's zero rests on
/// its cells' data as much as a gap does).
pub fn region_shortages(outlooks: &[CellOutlook]) -> Vec<RegionShortage> {
    let mut regions: BTreeMap<Region, RegionShortage> = BTreeMap::new();
    for o in outlooks {
        let r = regions.entry(o.region).or_insert_with(|| RegionShortage {
            region: o.region,
            gaps: BTreeMap::new(),
            grade: Evidence::Official,
        });
        r.grade = r.grade.max(o.evidence.grade);
        let g = o.shortage_persons();
        if g > 0 {
            r.gaps.insert(o.section, g);
        }
    }
    regions.into_values().collect()
}

/// How the families are split over the designated regions (`[kandas] split`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// By the shares of the regional quota order in force before the target year.
    PreviousOrder,
    /// By the shortage the arrivals' education can fill, capped by the jobs.
    Shortage,
}

impl Split {
    pub fn code(self) -> &'static str {
        match self {
            Split::PreviousOrder => "previous_order",
            Split::Shortage => "shortage",
        }
    }

    pub fn parse(s: &str) -> Option<Split> {
        [Split::PreviousOrder, Split::Shortage].into_iter().find(|x| x.code() == s)
    }
}

/// The regional quota order in force before the target year (`kandas.regional_quota`).
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousOrder {
    /// The year the order was for.
    pub year: i32,
    /// Persons by region.
    pub persons: BTreeMap<Region, u64>,
}

/// The scenario's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct KandasSettings {
    pub budget_kzt: f64,
    pub family_size: u32,
    pub working_members_per_family: u32,
    pub rent_mci_per_month: f64,
    pub include_housing_certificate: bool,
    /// Housing the region can offer (families); regions not listed are not capped by housing.
    pub housing_capacity: BTreeMap<Region, u64>,
    /// Weight regions by the shortage jobs the arrivals' education fits; `false`: by the
    /// plain shortage gaps.
    pub skill_matching: bool,
    /// Which split is the quota.
    pub split: Split,
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

/// The shortage of one region, by section (persons, shortage cells only), and the weakest
/// basis of its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionShortage {
    pub region: Region,
    pub gaps: BTreeMap<OkedSection, u64>,
    pub grade: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KandasRow {
    pub region: Region,
    pub families: u64,
    pub persons: u64,
    /// Shortage gap of the region (persons).
    pub shortage_gap: u64,
    /// Shortage jobs by the education they need: higher, vocational, general (persons).
    pub jobs_by_tier: [u64; 3],
    /// Working arrivals the region's shortage can absorb given their education (the weight).
    pub weight: u64,
    /// Families the jobs can take: weight / working members per family.
    pub job_capacity: u64,
    pub housing_capacity: Option<u64>,
    /// What decided the region's number: `share`, `job capacity` or `housing capacity`.
    pub binding: String,
    /// The split that is the quota.
    pub split: Split,
    /// What the families rest on: official (the previous order) or the weakest basis of the
    /// region's cells (the split by shortage).
    pub basis: Evidence,
    /// The weakest basis of the region's cells, behind its shortage gap and weight.
    pub shortage_grade: Evidence,
    /// The previous order: its year and the region's persons in it (0: not named).
    pub previous_order: Option<(i32, u64)>,
    /// Families by each split (`None`: the split is undefined — no previous order, or no
    /// shortage the arrivals could fill in any designated region).
    pub families_by_previous_order: Option<u64>,
    pub families_by_shortage: Option<u64>,
    pub tie_broken: bool,
    /// The cap that held the region (families), when `binding` is a capacity.
    pub cap: u64,
    /// Families allotted over all regions (the sentence's "its share of").
    pub families_total: u64,
}

impl KandasRow {
    /// Why the region has its families, in the language of `t`, generated from the numbers: the
    /// split that is the quota, then what the other split would give.
    pub fn explanation(&self, t: &crate::i18n::Texts) -> String {
        let n = |v: u64| t.count(v);
        let say = |key: &str, args: &[(&str, String)]| t.fs(key, args);
        let how = if self.binding == "share" {
            say("kandas-why-share", &[("families", n(self.families_total))])
        } else {
            say("kandas-why-capped", &[("binding", t.name("binding", &self.binding)), ("cap", n(self.cap))])
        };
        let by_shortage = || match self.families_by_shortage {
            Some(f) => say(
                "kandas-why-alt-shortage",
                &[("weight", n(self.weight)), ("basis", t.name("evidence", self.shortage_grade.code())), ("alt", n(f))],
            ),
            None => t.t("kandas-why-alt-shortage-none"),
        };
        match (self.split, self.previous_order) {
            (Split::PreviousOrder, Some((year, prev))) => say(
                "kandas-why-order",
                &[
                    ("region", self.region.iso().to_string()),
                    ("prev", n(prev)),
                    ("year", year.to_string()),
                    ("families", n(self.families)),
                    ("persons", n(self.persons)),
                    ("how", how),
                    ("alt", by_shortage()),
                ],
            ),
            _ => {
                let alt = match (self.previous_order, self.families_by_previous_order) {
                    (Some((year, _)), Some(f)) => {
                        say("kandas-why-alt-order", &[("year", year.to_string()), ("alt", n(f))])
                    }
                    _ => String::new(),
                };
                say(
                    "kandas-why",
                    &[
                        ("region", self.region.iso().to_string()),
                        ("gap", n(self.shortage_gap)),
                        ("higher", n(self.jobs_by_tier[0])),
                        ("vocational", n(self.jobs_by_tier[1])),
                        ("general", n(self.jobs_by_tier[2])),
                        ("weight", n(self.weight)),
                        ("families", n(self.families)),
                        ("persons", n(self.persons)),
                        ("how", how),
                        ("alt", alt),
                    ],
                )
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct KandasSummary {
    pub family_cost: FamilyCost,
    /// Families the budget pays for.
    pub families_funded: u64,
    /// Families allotted (fewer when the regions' capacities cannot take them all).
    pub families: u64,
    pub persons: u64,
    pub cost_kzt: f64,
    pub budget_kzt: f64,
    pub unspent_kzt: f64,
    /// Whether weights are skill-matched (false: plain shortage gaps).
    pub skill_matched: bool,
    /// The split that is the quota, and the year of the previous order (when one is in force).
    pub split: Split,
    pub previous_order_year: Option<i32>,
    /// What the quota's split rests on: official (the previous order) or the weakest basis of
    /// the designated regions' cells (the split by shortage).
    pub basis: Evidence,
    /// The weakest basis of the designated regions' cells, behind the split by shortage.
    pub shortage_grade: Evidence,
    /// Families the other split would place in regions beyond what the quota gives them
    /// (`None`: the other split is undefined).
    pub moved_by_other_split: Option<u64>,
}

/// Cost of one family under the rules and settings.
pub fn family_cost(r: &SupportRules, s: &KandasSettings) -> Result<FamilyCost> {
    if s.rent_mci_per_month < r.rent_mci_min || s.rent_mci_per_month > r.rent_mci_max {
        return Err(Error::Infeasible {
            constraint: "kandas.rent_mci_per_month".into(),
            message: Msg::new("kq-rent-range")
                .arg("value", s.rent_mci_per_month)
                .arg("min", r.rent_mci_min)
                .arg("max", r.rent_mci_max),
        });
    }
    Ok(FamilyCost {
        relocation_kzt: r.relocation_mci_per_member * s.family_size as f64 * r.mci_kzt,
        rent_kzt: s.rent_mci_per_month * r.rent_months * r.mci_kzt,
        employer_subsidy_kzt: r.employer_subsidy_mci * s.working_members_per_family as f64 * r.mci_kzt,
        housing_certificate_kzt: if s.include_housing_certificate { r.housing_certificate_cap_kzt } else { 0.0 },
    })
}

/// Shortage jobs by tier and the working arrivals they can absorb (see the module docs).
pub fn absorption(
    gaps: &BTreeMap<OkedSection, u64>,
    needs: &BTreeMap<OkedSection, SkillNeeds>,
    p: &EducationProfile,
) -> ([f64; 3], f64) {
    let mut j = [0.0; 3];
    for (sec, g) in gaps {
        let n = needs.get(sec).copied().unwrap_or(SkillNeeds { higher: 0.0, vocational: 0.0, general: 1.0 });
        j[0] += *g as f64 * n.higher;
        j[1] += *g as f64 * n.vocational;
        j[2] += *g as f64 * n.general;
    }
    // Nested from the lowest tier: general, general + vocational, all.
    let mut best = f64::INFINITY;
    let (mut jobs, mut share) = (0.0, 0.0);
    for (jt, pt) in [(j[2], p.general), (j[1], p.vocational), (j[0], p.higher)] {
        jobs += jt;
        share += pt;
        if share > 0.0 {
            best = best.min(jobs / share);
        }
    }
    (j, if best.is_finite() { best } else { 0.0 })
}

/// Splits the families the budget pays for over the designated regions, by the split the
/// settings name; the other split is computed too and stands beside it in each row. For the
/// split by shortage, with `needs` and `profile` the weights are the skill-matched absorption;
/// without, the plain shortage gaps.
pub fn allocate(
    designated: &[Region],
    shortage: &[RegionShortage],
    skills: Option<(&BTreeMap<OkedSection, SkillNeeds>, &EducationProfile)>,
    previous: Option<&PreviousOrder>,
    rules: &SupportRules,
    s: &KandasSettings,
) -> Result<(Vec<KandasRow>, KandasSummary)> {
    let (cost, funded) = funded_families(designated, rules, s)?;
    let per_family = cost.total();
    let working = s.working_members_per_family.max(1) as f64;
    let housing: Vec<Option<u64>> = designated.iter().map(|r| s.housing_capacity.get(r).copied()).collect();
    // The split by shortage: weights, and caps by jobs and housing.
    let mut gap = Vec::new();
    let mut tiers = Vec::new();
    let mut weights = Vec::new();
    let mut job_caps = Vec::new();
    let mut grades = Vec::new();
    for r in designated {
        let region = shortage.iter().find(|x| x.region == *r);
        let g = region.map(|x| &x.gaps);
        let total: u64 = g.map_or(0, |g| g.values().sum());
        let (j, a) = match (skills, g) {
            (Some((needs, p)), Some(g)) => absorption(g, needs, p),
            (Some(_), None) => ([0.0; 3], 0.0),
            (None, _) => ([0.0, 0.0, total as f64], total as f64),
        };
        let weight = (a + 1e-9).floor() as u64;
        gap.push(total);
        tiers.push([j[0].round() as u64, j[1].round() as u64, j[2].round() as u64]);
        weights.push(weight);
        job_caps.push((weight as f64 / working + 1e-9).floor() as u64);
        grades.push(region.map_or(Evidence::Official, |x| x.grade));
    }
    let shortage_caps: Vec<u64> = job_caps.iter().zip(&housing).map(|(j, h)| h.map_or(*j, |h| (*j).min(h))).collect();
    let by_shortage = split_families(funded, &weights, &shortage_caps)?;
    // The split by the previous order: its persons, capped by housing only.
    let prev: Option<Vec<u64>> =
        previous.map(|p| designated.iter().map(|r| p.persons.get(r).copied().unwrap_or(0)).collect());
    // A region the order did not name takes none (its cap is 0), whatever the others' caps.
    let order_caps: Vec<u64> = match &prev {
        Some(w) => w.iter().zip(&housing).map(|(w, h)| if *w == 0 { 0 } else { h.unwrap_or(funded) }).collect(),
        None => vec![0; designated.len()],
    };
    let by_order = match &prev {
        Some(w) => split_families(funded, w, &order_caps)?,
        None => None,
    };
    let (o, caps) = match s.split {
        Split::Shortage => (by_shortage.clone(), &shortage_caps),
        Split::PreviousOrder => (by_order.clone(), &order_caps),
    };
    let o = o.ok_or_else(|| undefined_split(s.split, previous))?;
    let families: u64 = o.seats.iter().sum();
    let ties = tied_units(&o);
    let rows: Vec<KandasRow> = designated
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = o.seats[i];
            // At its cap (and the cap mattered: it is positive, or families were left over).
            let at_cap = |cap: u64| f == cap && (cap > 0 || families < funded);
            let binding = match s.split {
                Split::Shortage if at_cap(caps[i]) => {
                    if housing[i].is_some_and(|h| h < job_caps[i]) {
                        "housing capacity"
                    } else {
                        "job capacity"
                    }
                }
                Split::PreviousOrder if housing[i].is_some_and(at_cap) => "housing capacity",
                _ => "share",
            };
            KandasRow {
                region: *r,
                families: f,
                persons: f * s.family_size as u64,
                shortage_gap: gap[i],
                jobs_by_tier: tiers[i],
                weight: weights[i],
                job_capacity: job_caps[i],
                housing_capacity: housing[i],
                binding: binding.into(),
                split: s.split,
                basis: match s.split {
                    Split::PreviousOrder => Evidence::Official,
                    Split::Shortage => grades[i],
                },
                shortage_grade: grades[i],
                previous_order: previous.zip(prev.as_ref()).map(|(p, w)| (p.year, w[i])),
                families_by_previous_order: by_order.as_ref().map(|x| x.seats[i]),
                families_by_shortage: by_shortage.as_ref().map(|x| x.seats[i]),
                tie_broken: ties.contains(&i),
                cap: caps[i],
                families_total: families,
            }
        })
        .collect();
    let persons = families * s.family_size as u64;
    let cost_kzt = families as f64 * per_family;
    let shortage_grade = grades.iter().copied().max().unwrap_or(Evidence::Official);
    let other = match s.split {
        Split::PreviousOrder => &by_shortage,
        Split::Shortage => &by_order,
    };
    let moved_by_other_split =
        other.as_ref().map(|x| x.seats.iter().zip(&o.seats).map(|(b, a)| b.saturating_sub(*a)).sum());
    let summary = KandasSummary {
        basis: match s.split {
            Split::PreviousOrder => Evidence::Official,
            Split::Shortage => shortage_grade,
        },
        shortage_grade,
        moved_by_other_split,
        cost_kzt,
        family_cost: cost,
        families_funded: funded,
        families,
        persons,
        budget_kzt: s.budget_kzt,
        unspent_kzt: s.budget_kzt - cost_kzt,
        skill_matched: skills.is_some(),
        split: s.split,
        previous_order_year: previous.map(|p| p.year),
    };
    Ok((rows, summary))
}

/// The cost of one family and the families the budget pays for, after checking the year's
/// designated regions and the housing capacities against them.
fn funded_families(designated: &[Region], rules: &SupportRules, s: &KandasSettings) -> Result<(FamilyCost, u64)> {
    if designated.is_empty() {
        return Err(Error::Infeasible {
            constraint: "kandas.resettlement_regions".into(),
            message: Msg::new("kq-no-region"),
        });
    }
    if let Some(r) = s.housing_capacity.keys().find(|r| !designated.contains(r)) {
        return Err(Error::Infeasible {
            constraint: "kandas.housing_capacity".into(),
            message: Msg::new("kq-not-designated").arg("region", r.iso()),
        });
    }
    let cost = family_cost(rules, s)?;
    let per_family = cost.total();
    let funded = (s.budget_kzt / per_family + 1e-9).floor() as u64;
    if funded == 0 {
        return Err(Error::Infeasible {
            constraint: "kandas.budget_kzt".into(),
            message: Msg::new("kq-budget")
                .arg("budget", format!("{:.0}", s.budget_kzt))
                .arg("cost", format!("{per_family:.0}")),
        });
    }
    Ok((cost, funded))
}

/// Why the split the scenario names cannot be computed, and what to do.
fn undefined_split(split: Split, previous: Option<&PreviousOrder>) -> Error {
    match (split, previous) {
        (Split::Shortage, _) => {
            Error::Infeasible { constraint: "kandas.shortage_weights".into(), message: Msg::new("kq-no-shortage") }
        }
        (Split::PreviousOrder, None) => {
            Error::Infeasible { constraint: "kandas.regional_quota".into(), message: Msg::new("kq-no-order") }
        }
        (Split::PreviousOrder, Some(p)) => Error::Infeasible {
            constraint: "kandas.regional_quota".into(),
            message: Msg::new("kq-order-regions").arg("year", p.year),
        },
    }
}

/// `min(funded, sum of caps)` families apportioned by weight within the caps (Hamilton);
/// `None` when every weight is 0 (the split is undefined).
fn split_families(funded: u64, weights: &[u64], caps: &[u64]) -> Result<Option<apportion::Outcome>> {
    if weights.iter().all(|&w| w == 0) {
        return Ok(None);
    }
    let families = funded.min(caps.iter().sum());
    apportion_counts("kandas families", families, weights, apportion::Method::Hamilton, Some(caps)).map(Some)
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
            skill_matching: true,
            budget_kzt: budget,
            family_size: 4,
            working_members_per_family: 1,
            rent_mci_per_month: 30.0,
            include_housing_certificate: true,
            housing_capacity: BTreeMap::new(),
            split: Split::Shortage,
        }
    }

    fn shortage(r: Region, pairs: &[(char, u64)]) -> RegionShortage {
        RegionShortage {
            region: r,
            gaps: pairs.iter().map(|(c, g)| (OkedSection::from_letter(*c).unwrap(), *g)).collect(),
            grade: Evidence::Synthetic,
        }
    }

    #[test]
    fn cost_and_split() {
        // 70*4 + 30*12 + 400 = 1,040 MCI = 4,498,000 tenge, + 4,560,000 certificate.
        let c = family_cost(&rules(), &settings(0.0)).unwrap();
        assert_eq!(c.total(), 9_058_000.0);
        let sh = vec![shortage(Region::PAVLODAR, &[('F', 300)]), shortage(Region::KOSTANAY, &[('C', 100)])];
        let (rows, s) = allocate(
            &[Region::PAVLODAR, Region::KOSTANAY, Region::ATYRAU],
            &sh,
            None,
            None,
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
    fn absorption_follows_halls_condition() {
        let needs: BTreeMap<OkedSection, SkillNeeds> = [
            (OkedSection::from_letter('P').unwrap(), SkillNeeds { higher: 1.0, vocational: 0.0, general: 0.0 }),
            (OkedSection::from_letter('G').unwrap(), SkillNeeds { higher: 0.0, vocational: 0.0, general: 1.0 }),
        ]
        .into_iter()
        .collect();
        let p = EducationProfile { higher: 0.15, vocational: 0.275, general: 0.575 };
        // 1,000 teaching jobs only: the 57.5 % + 27.5 % without higher education cannot take
        // them; everyone can only be placed if the total fits: min(0/0.575, 0/0.85, 1000/1) = 0.
        let g: BTreeMap<OkedSection, u64> = [(OkedSection::from_letter('P').unwrap(), 1000)].into_iter().collect();
        assert_eq!(absorption(&g, &needs, &p).1, 0.0);
        // 1,000 trade jobs: general arrivals bind: 1,000 / 1 = 1,000 (anyone can take them).
        let g: BTreeMap<OkedSection, u64> = [(OkedSection::from_letter('G').unwrap(), 1000)].into_iter().collect();
        assert!((absorption(&g, &needs, &p).1 - 1000.0).abs() < 1e-9);
        // 575 trade + 425 teaching: general 575 / 0.575 = 1,000; all 1,000 / 1 = 1,000; the
        // vocational step 575 / 0.85 = 676 binds.
        let g: BTreeMap<OkedSection, u64> =
            [(OkedSection::from_letter('G').unwrap(), 575), (OkedSection::from_letter('P').unwrap(), 425)]
                .into_iter()
                .collect();
        assert!((absorption(&g, &needs, &p).1 - 575.0 / 0.85).abs() < 1e-9);
    }

    #[test]
    fn capacities_cap_and_the_rest_stays_in_the_budget() {
        let sh = vec![shortage(Region::PAVLODAR, &[('F', 300)]), shortage(Region::KOSTANAY, &[('C', 100)])];
        let mut st = settings(9_058_000.0 * 50.0);
        st.housing_capacity.insert(Region::PAVLODAR, 20);
        let (rows, s) = allocate(&[Region::PAVLODAR, Region::KOSTANAY], &sh, None, None, &rules(), &st).unwrap();
        assert_eq!(s.families_funded, 50);
        assert_eq!(rows[0].families, 20);
        assert_eq!(rows[0].binding, "housing capacity");
        assert_eq!(rows[1].families, 30);
        assert_eq!(s.families, 50);
        // Job capacity: Kostanay's 100 jobs take at most 100 families of one worker.
        let st = settings(9_058_000.0 * 500.0);
        let (rows, s) = allocate(&[Region::PAVLODAR, Region::KOSTANAY], &sh, None, None, &rules(), &st).unwrap();
        assert_eq!((rows[0].families, rows[1].families), (300, 100));
        assert_eq!(s.families, 400);
        assert!(s.unspent_kzt > 0.0 && (s.unspent_kzt - 100.0 * 9_058_000.0).abs() < 1.0);
        assert!(rows.iter().all(|r| r.binding == "job capacity"));
    }

    #[test]
    fn budget_below_one_family_is_infeasible() {
        let sh = vec![shortage(Region::PAVLODAR, &[('F', 1)])];
        let e = allocate(&[Region::PAVLODAR], &sh, None, None, &rules(), &settings(1000.0)).unwrap_err().to_string();
        assert!(e.contains("kandas.budget_kzt"), "{e}");
        let mut s = settings(1e9);
        s.rent_mci_per_month = 40.0;
        let e = allocate(&[Region::PAVLODAR], &sh, None, None, &rules(), &s).unwrap_err().to_string();
        assert!(e.contains("rent_mci_per_month"), "{e}");
        let mut s = settings(1e9);
        s.housing_capacity.insert(Region::ASTANA, 10);
        let e = allocate(&[Region::PAVLODAR], &sh, None, None, &rules(), &s).unwrap_err().to_string();
        assert!(e.contains("kandas.housing_capacity") && e.contains("KZ-71"), "{e}");
    }

    fn order(year: i32, pairs: &[(Region, u64)]) -> PreviousOrder {
        PreviousOrder { year, persons: pairs.iter().copied().collect() }
    }

    #[test]
    fn split_by_the_previous_order_follows_its_shares() {
        // Order 2025: Pavlodar 977, Kostanay 200, Akmola 450 persons (1,627). 10 families by
        // Hamilton: quotas 6.005, 1.229, 2.766 -> floors 6, 1, 2 (9); the largest remainder
        // (Akmola .766) takes the tenth: 6, 1, 3. Atyrau, not in the order, takes none.
        let prev = order(2025, &[(Region::PAVLODAR, 977), (Region::KOSTANAY, 200), (Region::AKMOLA, 450)]);
        let sh = vec![shortage(Region::KOSTANAY, &[('C', 100)]), shortage(Region::ATYRAU, &[('F', 900)])];
        let designated = [Region::PAVLODAR, Region::KOSTANAY, Region::AKMOLA, Region::ATYRAU];
        let mut st = settings(9_058_000.0 * 10.5);
        st.split = Split::PreviousOrder;
        let (rows, s) = allocate(&designated, &sh, None, Some(&prev), &rules(), &st).unwrap();
        let f: Vec<u64> = rows.iter().map(|r| r.families).collect();
        assert_eq!(f, vec![6, 1, 3, 0]);
        assert!(rows.iter().all(|r| r.basis == Evidence::Official && r.binding == "share"));
        assert_eq!(rows[0].previous_order, Some((2025, 977)));
        assert_eq!(rows[3].previous_order, Some((2025, 0)));
        // The split by shortage stands beside it: gaps 100 (Kostanay) and 900 (Atyrau), one
        // worker per family, so 1 and 9 families; it would move 9 families to Atyrau.
        let alt: Vec<Option<u64>> = rows.iter().map(|r| r.families_by_shortage).collect();
        assert_eq!(alt, vec![Some(0), Some(1), Some(0), Some(9)]);
        assert_eq!(s.moved_by_other_split, Some(9));
        assert_eq!(
            (s.split, s.previous_order_year, s.basis, s.shortage_grade),
            (Split::PreviousOrder, Some(2025), Evidence::Official, Evidence::Synthetic)
        );
        // The same inputs split by shortage: the quota is the other column, resting on the cells.
        st.split = Split::Shortage;
        let (rows2, s2) = allocate(&designated, &sh, None, Some(&prev), &rules(), &st).unwrap();
        assert_eq!(rows2.iter().map(|r| r.families).collect::<Vec<_>>(), vec![0, 1, 0, 9]);
        assert_eq!(
            rows2.iter().map(|r| r.families_by_previous_order).collect::<Vec<_>>(),
            vec![Some(6), Some(1), Some(3), Some(0)]
        );
        assert_eq!(s2.basis, Evidence::Synthetic);
        assert_eq!(s2.moved_by_other_split, Some(9)); // 6 to Pavlodar and 3 to Akmola
        let en = crate::i18n::Lang::En.texts();
        let why = rows[0].explanation(en);
        assert!(why.contains("977") && why.contains("2025"), "{why}");
    }

    #[test]
    fn split_by_the_previous_order_is_capped_by_housing_only() {
        // Housing holds Pavlodar to 2 families; the rest goes to Akmola although it has no
        // shortage (the split by order has no job cap).
        let prev = order(2025, &[(Region::PAVLODAR, 900), (Region::AKMOLA, 100)]);
        let mut st = settings(9_058_000.0 * 10.0);
        st.split = Split::PreviousOrder;
        st.housing_capacity.insert(Region::PAVLODAR, 2);
        let (rows, s) = allocate(&[Region::PAVLODAR, Region::AKMOLA], &[], None, Some(&prev), &rules(), &st).unwrap();
        assert_eq!((rows[0].families, rows[1].families), (2, 8));
        assert_eq!(rows[0].binding, "housing capacity");
        assert_eq!(rows[1].binding, "share");
        assert_eq!(s.families, 10);
        // No shortage anywhere: the split by shortage is undefined, and says so.
        assert!(rows.iter().all(|r| r.families_by_shortage.is_none()));
        assert_eq!(s.moved_by_other_split, None);
    }

    #[test]
    fn split_by_the_previous_order_needs_an_order() {
        let sh = vec![shortage(Region::PAVLODAR, &[('F', 10)])];
        let mut st = settings(1e9);
        st.split = Split::PreviousOrder;
        let e = allocate(&[Region::PAVLODAR], &sh, None, None, &rules(), &st).unwrap_err().to_string();
        assert!(e.contains("kandas.regional_quota") && e.contains("split"), "{e}");
        let prev = order(2025, &[(Region::ATYRAU, 100)]);
        let e = allocate(&[Region::PAVLODAR], &sh, None, Some(&prev), &rules(), &st).unwrap_err().to_string();
        assert!(e.contains("names none") && e.contains("2025"), "{e}");
        assert_eq!(Split::parse("previous_order"), Some(Split::PreviousOrder));
        assert_eq!(Split::parse("shortage"), Some(Split::Shortage));
        assert_eq!(Split::parse("order"), None);
    }
}
