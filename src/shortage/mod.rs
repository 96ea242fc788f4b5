//! Where the shortage is real, how large it is, and why.
//!
//! - **Stock-flow accounting** (Canada's COPS, Cedefop) per region x OKED section for the target
//!   year: openings = expansion demand (employment growth; its national level per section from
//!   the output elasticity model, `elasticity`) + replacement demand (retirements, with the
//!   pension-age steps) + unfilled vacancies; domestic supply = unemployed above the frictional
//!   rate matched to the section + new entrants + net internal migration; gap = openings -
//!   supply.
//! - **Indicators** of current conditions (`indicators`), normalised and weighted into a
//!   **composite score** (`score`).
//! - **Rating**: shortage when the score reaches the cut-off *and* openings exceed domestic
//!   supply; surplus when the score is at or below the surplus cut-off and they do not;
//!   undetermined when the cell is too small or an indicator is missing — with the reason, never
//!   a made-up rating.
//! - A **classifier** trained on the history of ratings flags unstable cells (`classifier`);
//!   the rule is **back-tested** on past years (`backtest`; the window is a scenario setting).
//! - Planners may **override** a rating with a reason; overrides stay visible in the output.

pub mod assess;
pub mod backtest;
pub mod classifier;
pub mod elasticity;
pub mod indicators;
pub mod score;

use std::collections::BTreeMap;
use std::fmt;

use crate::codes::{OkedSection, Region};
use crate::evidence::Evidence;
use indicators::{Bases, Indicator, National, Values};
use score::{RuleConfig, Undetermined};

pub use assess::{Assessment, Settings, ShortageModel, assess};

/// The rating of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Shortage,
    Balanced,
    Surplus,
    Undetermined,
}

impl Rating {
    pub fn code(self) -> &'static str {
        match self {
            Rating::Shortage => "shortage",
            Rating::Balanced => "balanced",
            Rating::Surplus => "surplus",
            Rating::Undetermined => "undetermined",
        }
    }

    pub fn parse(s: &str) -> Option<Rating> {
        [Rating::Shortage, Rating::Balanced, Rating::Surplus, Rating::Undetermined]
            .into_iter()
            .find(|r| r.code() == s.trim())
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Demand-side inputs of one cell for the year rated (persons).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellInputs {
    pub region: Region,
    pub section: OkedSection,
    /// Employment in the year before the one rated (the last observed year for a forecast).
    pub employed_last: f64,
    /// Employment in the year rated.
    pub employed: f64,
    pub retirements: f64,
    pub vacancies: f64,
    pub new_entrants: f64,
    /// What the cell's panel values rest on (`panel::CELL_COLUMNS` order), in the last year
    /// observed.
    pub sources: [Evidence; 5],
}

/// Supply-side inputs of one region for the year rated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionInputs {
    pub region: Region,
    pub unemployed: f64,
    /// Labour force, for the frictional level of unemployment.
    pub labour_force: f64,
    /// Net internal migration (persons, signed).
    pub net_migration: f64,
    /// Labour force / population, applied to migrants.
    pub activity_rate: f64,
    /// What the region's panel values rest on (`panel::REGION_COLUMNS` order).
    pub sources: [Evidence; 5],
}

/// Openings, supply and gap of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Flows {
    pub expansion: f64,
    pub replacement: f64,
    pub vacancies: f64,
    pub openings: f64,
    pub unemployed_matched: f64,
    pub unemployed_available: f64,
    pub new_entrants: f64,
    pub migration: f64,
    pub supply: f64,
    pub gap: f64,
}

/// Stock-flow accounting for every cell (same order as `cells`). Unemployment above the
/// frictional rate and migration are split over a region's sections by employment share, so
/// they add up to the regional totals. Vacancies that rest on synthetic values count in the
/// openings only when `cfg.count_synthetic_vacancies`.
pub fn stock_flow(cells: &[CellInputs], regions: &[RegionInputs], frictional_pct: f64, cfg: &RuleConfig) -> Vec<Flows> {
    let mut region_employed: BTreeMap<Region, f64> = BTreeMap::new();
    for c in cells {
        *region_employed.entry(c.region).or_default() += c.employed_last;
    }
    let frictional = frictional_pct / 100.0;
    cells
        .iter()
        .map(|c| {
            let reg = regions.iter().find(|r| r.region == c.region).expect("every cell's region has inputs");
            let re = region_employed[&c.region];
            let share = if re > 0.0 { c.employed_last / re } else { 0.0 };
            let expansion = (c.employed - c.employed_last).max(0.0);
            let vacancies =
                if c.sources[1] == Evidence::Synthetic && !cfg.count_synthetic_vacancies { 0.0 } else { c.vacancies };
            let openings = expansion + c.retirements + vacancies;
            let unemployed_matched = reg.unemployed * share;
            let unemployed_available = (reg.unemployed - frictional * reg.labour_force).max(0.0) * share;
            let migration = reg.net_migration * reg.activity_rate * share;
            let supply = unemployed_available + c.new_entrants + migration;
            Flows {
                expansion,
                replacement: c.retirements,
                vacancies,
                openings,
                unemployed_matched,
                unemployed_available,
                new_entrants: c.new_entrants,
                migration,
                supply,
                gap: openings - supply,
            }
        })
        .collect()
}

/// A planner's override of a cell's rating.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub region: Region,
    pub section: OkedSection,
    pub rating: Rating,
    pub reason: String,
}

/// Demand, supply, indicators, score and rating of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellOutlook {
    pub region: Region,
    pub section: OkedSection,
    pub employed_last: f64,
    pub employed: f64,
    pub flows: Flows,
    /// Indicator values (current conditions, last observed year).
    pub indicators: Values,
    /// Normalised indicators (robust z, oriented: higher = tighter).
    pub z: Values,
    pub score: Option<f64>,
    /// The rule's rating.
    pub rating_model: Rating,
    /// The rating used: the rule's, or the override's.
    pub rating: Rating,
    pub override_reason: Option<String>,
    /// Logistic classifier's probability that the rule rates the cell shortage.
    pub p_shortage: Option<f64>,
    /// The rating sits near the classifier's boundary or the tree disagrees with it.
    pub unstable: bool,
    /// The facts behind the rating ([`CellOutlook::reason_text`] says them in a language).
    pub reason: Reason,
    /// What each indicator value rests on.
    pub bases: Bases,
    /// How much of the rating and the gap rests on estimated and synthetic values.
    pub evidence: CellEvidence,
}

/// How much of a cell's rating and gap rests on estimated and synthetic values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellEvidence {
    /// The weakest basis among the weighted indicators and the flows behind the gap.
    pub grade: Evidence,
    /// Share of the score's weight on indicators that rest on synthetic / estimated values.
    pub score_synthetic: f64,
    pub score_estimated: f64,
    /// Share of the openings that rests on synthetic / estimated values.
    pub openings_synthetic: f64,
    pub openings_estimated: f64,
    /// Share of the domestic supply that rests on synthetic values.
    pub supply_synthetic: f64,
}

impl Default for CellEvidence {
    fn default() -> Self {
        CellEvidence {
            grade: Evidence::Official,
            score_synthetic: 0.0,
            score_estimated: 0.0,
            openings_synthetic: 0.0,
            openings_estimated: 0.0,
            supply_synthetic: 0.0,
        }
    }
}

/// The evidence of a rated cell: the bases of its weighted indicators and of its flows.
pub fn cell_evidence(
    c: &CellInputs,
    reg: &RegionInputs,
    f: &Flows,
    bases: &Bases,
    z: &Values,
    cfg: &RuleConfig,
) -> CellEvidence {
    let mut grade = Evidence::Official;
    let (mut w_all, mut w_syn, mut w_est) = (0.0, 0.0, 0.0);
    for i in Indicator::ALL {
        let w = cfg.weights.0[i.index()];
        if w <= 0.0 || z[i.index()].is_none() {
            continue;
        }
        let b = bases[i.index()].unwrap_or(Evidence::Official);
        grade = grade.max(b);
        w_all += w;
        match b {
            Evidence::Synthetic => w_syn += w,
            Evidence::Estimated => w_est += w,
            _ => {}
        }
    }
    let share = |part: f64, all: f64| if all > 0.0 { part / all } else { 0.0 };
    let openings = [(f.expansion, c.sources[0]), (f.replacement, c.sources[4]), (f.vacancies, c.sources[1])];
    let supply =
        [(f.unemployed_available, reg.sources[3]), (f.new_entrants, c.sources[3]), (f.migration.abs(), reg.sources[4])];
    let sum = |parts: &[(f64, Evidence)], e: Evidence| parts.iter().filter(|p| p.1 == e).map(|p| p.0).sum::<f64>();
    for (v, b) in openings.iter().chain(&supply) {
        if *v > 0.0 {
            grade = grade.max(*b);
        }
    }
    let (o_all, s_all) = (openings.iter().map(|p| p.0).sum::<f64>(), supply.iter().map(|p| p.0).sum::<f64>());
    CellEvidence {
        grade,
        score_synthetic: share(w_syn, w_all),
        score_estimated: share(w_est, w_all),
        openings_synthetic: share(sum(&openings, Evidence::Synthetic), o_all),
        openings_estimated: share(sum(&openings, Evidence::Estimated), o_all),
        supply_synthetic: share(sum(&supply, Evidence::Synthetic), s_all),
    }
}

impl CellOutlook {
    /// Whole persons of positive gap in cells rated shortage: the quota-relevant shortage.
    pub fn shortage_persons(&self) -> u64 {
        if self.rating == Rating::Shortage && self.flows.gap >= 1.0 { self.flows.gap.floor() as u64 } else { 0 }
    }
}

/// What decided a determined cell's rating.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Shortage {
        gap: f64,
        score: f64,
        cutoff: f64,
    },
    Surplus {
        gap: f64,
        score: f64,
        cutoff: f64,
    },
    /// Tight signals, but domestic supply covers the openings.
    BalancedTight {
        score: f64,
    },
    /// Slack signals, but openings exceed domestic supply.
    BalancedSlack {
        score: f64,
        gap: f64,
    },
    Balanced {
        score: f64,
        surplus_cutoff: f64,
        shortage_cutoff: f64,
    },
}

/// The facts behind a cell's rating; [`CellOutlook::reason_text`] says them in a language.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Reason {
    /// No sentence (the simulation's re-rated cells).
    #[default]
    None,
    TooSmall {
        employed: f64,
        needed: f64,
    },
    Missing(Vec<Indicator>),
    Rated {
        /// The two indicators that pushed the score most: value and national reference.
        signals: Vec<(Indicator, f64, Option<f64>)>,
        openings: f64,
        supply: f64,
        verdict: Verdict,
        /// (regional indicators, weighted indicators) when some weighted indicators are of the
        /// whole region rather than of the cell.
        regional: Option<(usize, usize)>,
    },
}

/// The facts of a cell's sentence: the two indicators that pushed its score most, the flows,
/// and the verdict; in English, e.g. "KZ-23 / F: vacancies per job-seeker 2.40 (national 0.90),
/// real wages +6.1 % a year over 3 years (national +2.0 %); 1,830 openings vs 1,120 domestic
/// supply: shortage of 710 (score 0.84 >= 0.50)".
#[allow(clippy::too_many_arguments)]
pub fn explain(
    values: &Values,
    z: &Values,
    score: &Result<f64, Vec<Indicator>>,
    flows: &Flows,
    rating: Rating,
    undetermined: Option<&Undetermined>,
    national: &National,
    cfg: &RuleConfig,
) -> Reason {
    if let Some(u) = undetermined {
        return match u {
            Undetermined::TooSmall { employed, needed } => Reason::TooSmall { employed: *employed, needed: *needed },
            Undetermined::Missing(m) => Reason::Missing(m.clone()),
        };
    }
    let s = *score.as_ref().expect("determined cells have a score");
    // The two largest contributions in the direction of the verdict.
    let mut contrib: Vec<(Indicator, f64)> = Indicator::ALL
        .into_iter()
        .filter_map(|i| z[i.index()].map(|zz| (i, cfg.weights.0[i.index()] * zz)))
        .filter(|(_, c)| *c != 0.0)
        .collect();
    let sign = if s >= 0.0 { -1.0 } else { 1.0 };
    contrib.sort_by(|a, b| (sign * a.1).total_cmp(&(sign * b.1)));
    let signals =
        contrib.iter().take(2).filter_map(|(i, _)| values[i.index()].map(|v| (*i, v, national.of(*i)))).collect();
    let verdict = match rating {
        Rating::Shortage => Verdict::Shortage { gap: flows.gap, score: s, cutoff: cfg.shortage_cutoff },
        Rating::Surplus => Verdict::Surplus { gap: -flows.gap, score: s, cutoff: cfg.surplus_cutoff },
        _ if s >= cfg.shortage_cutoff => Verdict::BalancedTight { score: s },
        _ if s <= cfg.surplus_cutoff => Verdict::BalancedSlack { score: s, gap: flows.gap },
        _ => Verdict::Balanced { score: s, surplus_cutoff: cfg.surplus_cutoff, shortage_cutoff: cfg.shortage_cutoff },
    };
    // Say when the rating rests on evidence of the region rather than of the cell.
    let weighted: Vec<Indicator> =
        Indicator::ALL.into_iter().filter(|i| cfg.weights.0[i.index()] > 0.0 && z[i.index()].is_some()).collect();
    let regional = weighted.iter().filter(|i| i.is_regional()).count();
    Reason::Rated {
        signals,
        openings: flows.openings,
        supply: flows.supply,
        verdict,
        regional: (regional > 0).then_some((regional, weighted.len())),
    }
}

impl CellOutlook {
    /// The sentence behind the rating in the language of `t`, generated from the numbers; an
    /// override is said at its end.
    pub fn reason_text(&self, t: &crate::i18n::Texts) -> String {
        let say = |key: &str, args: &[(&str, String)]| t.fs(key, args);
        let n = |x: f64| t.count(x.round().max(0.0) as u64);
        let f2 = |x: f64| t.fixed(x, 2);
        let mut out = format!("{} / {}: ", self.region.iso(), self.section.code());
        match &self.reason {
            Reason::None => return String::new(),
            Reason::TooSmall { employed, needed } => {
                out.push_str(&say("reason-too-small", &[("employed", n(*employed)), ("needed", n(*needed))]))
            }
            Reason::Missing(m) => {
                let names: Vec<String> = m.iter().map(|i| t.name("ind-name", i.name())).collect();
                out.push_str(&say("reason-missing", &[("names", names.join(", "))]))
            }
            Reason::Rated { signals, openings, supply, verdict, regional } => {
                let signals: Vec<String> = signals.iter().map(|(i, v, nat)| i.describe(*v, *nat, t)).collect();
                let verdict = match verdict {
                    Verdict::Shortage { gap, score, cutoff } => {
                        say("verdict-shortage", &[("gap", n(*gap)), ("score", f2(*score)), ("cutoff", f2(*cutoff))])
                    }
                    Verdict::Surplus { gap, score, cutoff } => {
                        say("verdict-surplus", &[("gap", n(*gap)), ("score", f2(*score)), ("cutoff", f2(*cutoff))])
                    }
                    Verdict::BalancedTight { score } => say("verdict-balanced-tight", &[("score", f2(*score))]),
                    Verdict::BalancedSlack { score, gap } => {
                        say("verdict-balanced-slack", &[("score", f2(*score)), ("gap", n(*gap))])
                    }
                    Verdict::Balanced { score, surplus_cutoff, shortage_cutoff } => say(
                        "verdict-balanced",
                        &[("score", f2(*score)), ("lo", f2(*surplus_cutoff)), ("hi", f2(*shortage_cutoff))],
                    ),
                };
                let level = regional.map_or(String::new(), |(r, w)| {
                    say("reason-regional", &[("regional", r.to_string()), ("weighted", w.to_string())])
                });
                out.push_str(&say(
                    "reason-rated",
                    &[
                        ("signals", signals.join(", ")),
                        ("openings", n(*openings)),
                        ("supply", n(*supply)),
                        ("verdict", verdict),
                        ("level", level),
                    ],
                ));
            }
        }
        if let Some(why) = &self.override_reason {
            out.push_str(&say(
                "reason-overridden",
                &[("rating", t.name("rating", self.rating.code())), ("reason", why.clone())],
            ));
        }
        out
    }
}

/// Rates the cells of one year: flows, indicators (already computed), normalisation over the
/// cells large enough to judge, score, rule, explanation. Overrides and the classifier are
/// applied by the caller.
pub fn rate_cells(
    cells: &[CellInputs],
    regions: &[RegionInputs],
    indicators: &indicators::YearIndicators,
    cfg: &RuleConfig,
    frictional_pct: f64,
) -> Vec<CellOutlook> {
    let flows = stock_flow(cells, regions, frictional_pct, cfg);
    let size: BTreeMap<(Region, OkedSection), f64> =
        cells.iter().map(|c| ((c.region, c.section), c.employed_last)).collect();
    let z = score::normalise(&indicators.cells, |k| size.get(k).is_some_and(|e| *e >= cfg.min_cell_employment));
    cells
        .iter()
        .zip(flows)
        .map(|(c, f)| {
            let key = (c.region, c.section);
            let values = indicators.cells.get(&key).copied().unwrap_or([None; indicators::N]);
            let zz = z.get(&key).copied().unwrap_or([None; indicators::N]);
            let bases = indicators.bases.get(&key).copied().unwrap_or([None; indicators::N]);
            let reg = regions.iter().find(|r| r.region == c.region).expect("every cell's region has inputs");
            let evidence = cell_evidence(c, reg, &f, &bases, &zz, cfg);
            let sc = score::composite(&zz, &cfg.weights);
            let (rating, und) = score::rate(c.employed_last, &sc, f.gap, cfg);
            let reason = explain(&values, &zz, &sc, &f, rating, und.as_ref(), &indicators.national, cfg);
            let mut o = outlook(c, f, values, zz, sc.ok(), rating, reason);
            o.bases = bases;
            o.evidence = evidence;
            o
        })
        .collect()
}

/// A rated cell before overrides and the classifier.
fn outlook(
    c: &CellInputs,
    flows: Flows,
    indicators: Values,
    z: Values,
    score: Option<f64>,
    rating: Rating,
    reason: Reason,
) -> CellOutlook {
    CellOutlook {
        region: c.region,
        section: c.section,
        employed_last: c.employed_last,
        employed: c.employed,
        flows,
        indicators,
        z,
        score,
        rating_model: rating,
        rating,
        override_reason: None,
        p_shortage: None,
        unstable: false,
        reason,
        bases: [None; indicators::N],
        evidence: CellEvidence::default(),
    }
}

/// Re-rates cells whose flows changed but whose indicators and last-year employment did not
/// (each draw of the uncertainty simulation): the normalised indicators of `base` are kept,
/// the flows, the composite and the rule's rating are recomputed, and no explanation is
/// written. Equal to [`rate_cells`] on the same inputs but for the `reason` sentence.
pub fn rerate_flows(
    base: &[CellOutlook],
    cells: &[CellInputs],
    regions: &[RegionInputs],
    cfg: &RuleConfig,
    frictional_pct: f64,
) -> Vec<CellOutlook> {
    let flows = stock_flow(cells, regions, frictional_pct, cfg);
    base.iter()
        .zip(cells)
        .zip(flows)
        .map(|((b, c), f)| {
            debug_assert!(b.region == c.region && b.section == c.section && b.employed_last == c.employed_last);
            let sc = score::composite(&b.z, &cfg.weights);
            let (rating, _) = score::rate(c.employed_last, &sc, f.gap, cfg);
            let mut o = outlook(c, f, b.indicators, b.z, sc.ok(), rating, Reason::None);
            o.bases = b.bases;
            o.evidence = b.evidence;
            o
        })
        .collect()
}

/// Applies overrides (each names a cell; the reason is kept and the sentence says so).
pub fn apply_overrides(outlooks: &mut [CellOutlook], overrides: &[Override]) {
    for o in overrides {
        if let Some(c) = outlooks.iter_mut().find(|c| c.region == o.region && c.section == o.section) {
            c.rating = o.rating;
            c.override_reason = Some(o.reason.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(section: char, last: f64, fc: f64, vac: f64) -> CellInputs {
        CellInputs {
            region: Region::PAVLODAR,
            section: OkedSection::from_letter(section).unwrap(),
            employed_last: last,
            employed: fc,
            retirements: 100.0,
            vacancies: vac,
            new_entrants: 50.0,
            sources: [Evidence::Official; 5],
        }
    }

    #[test]
    fn supply_is_split_by_employment_share_and_adds_up() {
        let cells = [cell('A', 30_000.0, 31_000.0, 900.0), cell('F', 10_000.0, 9_000.0, 50.0)];
        let regions = [RegionInputs {
            region: Region::PAVLODAR,
            unemployed: 2_000.0,
            labour_force: 40_000.0,
            net_migration: -400.0,
            activity_rate: 0.5,
            sources: [Evidence::Official; 5],
        }];
        let cfg = RuleConfig {
            weights: score::Weights([1.0; indicators::N]),
            shortage_cutoff: 0.5,
            surplus_cutoff: -0.5,
            min_cell_employment: 0.0,
            count_synthetic_vacancies: false,
        };
        let out = stock_flow(&cells, &regions, 2.5, &cfg);
        let matched: f64 = out.iter().map(|c| c.unemployed_matched).sum();
        assert!((matched - 2_000.0).abs() < 1e-9);
        // 1,000 of the 2,000 unemployed are above the 2.5 % frictional level.
        let available: f64 = out.iter().map(|c| c.unemployed_available).sum();
        assert!((available - 1_000.0).abs() < 1e-9);
        let mig: f64 = out.iter().map(|c| c.migration).sum();
        assert!((mig + 200.0).abs() < 1e-9);
        // A: openings 1000 + 100 + 900 = 2000; supply 750 + 50 - 150 = 650 -> gap 1350.
        assert_eq!(out[0].openings, 2000.0);
        assert!((out[0].gap - 1350.0).abs() < 1e-9);
        // F: openings 0 + 100 + 50 = 150; supply 250 + 50 - 50 = 250 -> gap -100 (no expansion
        // demand from falling employment).
        assert!((out[1].gap + 100.0).abs() < 1e-9);
        assert_eq!(out[1].expansion, 0.0);
    }
}
