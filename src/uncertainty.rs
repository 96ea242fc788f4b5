//! Uncertainty of the shortage gaps and quotas: the forecast intervals are propagated through
//! the stock-flow gap, the rating and the allocation by seeded simulation.
//!
//! Each draw takes, for every forecast series the rating uses (employment, vacancies,
//! retirements and new entrants per cell; unemployment and labour force per region), a value
//! from a normal distribution with the forecast's mean and the standard deviation implied by
//! its calibrated 80 % interval, `sd = (hi_80 - lo_80) / (2 z_0.9)`, cut at zero; rates the
//! cells with the scenario's rule and overrides; and allocates the foreign-labour ceiling with
//! the scenario's method; vetted request lines are refused in the cells a draw rates surplus.
//! By default the draws are independent across series, so the spread of totals is understated;
//! with `common_shocks` each variable's series share a shock at the correlation the run's
//! back-test measured. Draw `d` uses its own random stream seeded from `(seed, d)`, so the
//! result does not depend on the number of threads.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::allocate::foreign::{self, ForeignSettings};
use crate::allocate::vetting::RatingAlternatives;
use crate::codes::{OkedSection, Region};
use crate::ingest::requests::EmployerRequests;
use crate::series::{LEVELS, PanelForecasts};
use crate::shortage::{self, Assessment, CellInputs, Rating, RegionInputs};

/// The simulation's settings (resolved from the scenario).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Number of draws; 0 switches the simulation off.
    pub draws: usize,
    /// Seed of the random streams.
    pub seed: u64,
    /// The draws of each variable's series share a shock, correlated as the run's back-test
    /// measured (`VariableSkill::error_correlation`); otherwise they are independent.
    pub common_shocks: bool,
}

/// `z` with P(Z <= z) = 0.9: the half-width of an 80 % normal interval in standard deviations.
pub const Z80: f64 = 1.2815515655446004;

/// A reproducible random stream (SplitMix64) with normal draws by Box-Muller.
pub struct Stream(u64);

impl Stream {
    /// The stream of draw `d` under `seed`.
    pub fn new(seed: u64, d: u64) -> Stream {
        let mut s = Stream(seed ^ d.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        s.next_u64();
        s
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal.
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// Mean and standard deviation of a forecast at the rated step.
#[derive(Debug, Clone, Copy)]
pub struct Dist {
    pub mean: f64,
    pub sd: f64,
}

impl Dist {
    pub fn from_interval(mean: f64, lo80: f64, hi80: f64) -> Dist {
        Dist { mean, sd: ((hi80 - lo80) / (2.0 * Z80)).max(0.0) }
    }
    pub fn draw(&self, s: &mut Stream) -> f64 {
        self.at(s.normal())
    }
    /// The value `z` standard deviations from the mean, cut at 0.
    pub fn at(&self, z: f64) -> f64 {
        (self.mean + self.sd * z).max(0.0)
    }
}

/// What one draw produced for a cell.
#[derive(Debug, Clone, Copy, Default)]
pub struct CellDraw {
    pub gap: u64,
    pub quota: u64,
    pub shortage: bool,
    pub surplus: bool,
}

/// One draw: per cell (in the caller's order) and the totals (justified demand, distributed).
pub struct Draw {
    pub cells: Vec<CellDraw>,
    pub demand: u64,
    pub distributed: u64,
}

/// Quantiles P10, P50, P90 by the nearest-rank rule (an observed value, no interpolation).
pub fn p10_50_90(values: &mut [u64]) -> [u64; 3] {
    if values.is_empty() {
        return [0; 3];
    }
    values.sort_unstable();
    let n = values.len();
    let rank = |p: f64| values[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
    [rank(0.1), rank(0.5), rank(0.9)]
}

/// The summary written to the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct UncertaintySummary {
    pub draws: usize,
    pub seed: u64,
    /// Draws the allocation could not solve (e.g. an LP made infeasible by a draw); left out.
    pub failed: usize,
    pub justified_demand_p10_p50_p90: [u64; 3],
    pub distributed_p10_p50_p90: [u64; 3],
    pub method: &'static str,
    /// The draws of each variable's series shared a shock ([`Settings::common_shocks`]).
    pub common_shocks: bool,
}

/// Per-cell quantiles.
#[derive(Debug, Clone)]
pub struct CellQuantiles {
    pub region: Region,
    pub section: OkedSection,
    pub gap: [u64; 3],
    pub quota: [u64; 3],
    pub share_shortage: f64,
    pub share_surplus: f64,
}

/// Runs `draws` draws of `one` (given the draw's stream) in parallel and summarises them.
pub fn simulate<F>(keys: &[(Region, OkedSection)], s: Settings, one: F) -> (Vec<CellQuantiles>, UncertaintySummary)
where
    F: Fn(&mut Stream) -> Option<Draw> + Sync,
{
    let Settings { draws, seed, common_shocks } = s;
    let results: Vec<Option<Draw>> =
        (0..draws as u64).into_par_iter().map(|d| one(&mut Stream::new(seed, d))).collect();
    let ok: Vec<&Draw> = results.iter().flatten().collect();
    let failed = draws - ok.len();
    let mut cells = Vec::with_capacity(keys.len());
    for (i, &(region, section)) in keys.iter().enumerate() {
        let mut gaps: Vec<u64> = ok.iter().map(|d| d.cells[i].gap).collect();
        let mut quotas: Vec<u64> = ok.iter().map(|d| d.cells[i].quota).collect();
        let short = ok.iter().filter(|d| d.cells[i].shortage).count();
        let surplus = ok.iter().filter(|d| d.cells[i].surplus).count();
        let share = |n: usize| if ok.is_empty() { 0.0 } else { n as f64 / ok.len() as f64 };
        cells.push(CellQuantiles {
            region,
            section,
            gap: p10_50_90(&mut gaps),
            quota: p10_50_90(&mut quotas),
            share_shortage: share(short),
            share_surplus: share(surplus),
        });
    }
    let mut demand: Vec<u64> = ok.iter().map(|d| d.demand).collect();
    let mut dist: Vec<u64> = ok.iter().map(|d| d.distributed).collect();
    let summary = UncertaintySummary {
        draws,
        seed,
        failed,
        justified_demand_p10_p50_p90: p10_50_90(&mut demand),
        distributed_p10_p50_p90: p10_50_90(&mut dist),
        method: if common_shocks {
            "normal draws from the calibrated 80 % forecast intervals, cut at 0, each variable's series sharing a shock correlated as the run's back-test measured; each draw rated by the scenario's rule and overrides, vetted request lines refused in the cells it rates surplus, allocated as the scenario allocates; nearest-rank quantiles"
        } else {
            "independent normal draws from the calibrated 80 % forecast intervals, cut at 0; each draw rated by the scenario's rule and overrides, vetted request lines refused in the cells it rates surplus, allocated as the scenario allocates; nearest-rank quantiles"
        },
        common_shocks,
    };
    (cells, summary)
}

/// What the allocation needs of a rated cell.
pub fn cell_demand(o: &shortage::CellOutlook) -> foreign::CellDemand {
    foreign::CellDemand {
        region: o.region,
        section: o.section,
        gap: o.shortage_persons(),
        in_shortage: o.rating == Rating::Shortage,
        // Persons missing per employed person: the LP's value of a permit in the cell.
        severity: if o.employed > 0.0 { o.flows.gap.max(0.0) / o.employed } else { 0.0 },
        employed: o.employed,
    }
}

/// The forecast intervals through the gap, the rating and the allocation to the quota: `draws`
/// draws of every series the rating uses, each rated with the run's rule and overrides and
/// allocated with its settings. `None` when the settings switch the simulation off.
pub fn simulate_quotas(
    a: &Assessment,
    forecasts: &PanelForecasts,
    shortage: &shortage::Settings,
    requests: Option<&EmployerRequests>,
    alternatives: Option<&RatingAlternatives>,
    foreign: &ForeignSettings,
    s: Settings,
) -> Option<(Vec<CellQuantiles>, UncertaintySummary)> {
    if s.draws == 0 {
        return None;
    }
    let h = forecasts.horizon;
    let dists: BTreeMap<(Region, Option<OkedSection>, &str), Dist> = forecasts
        .series
        .iter()
        .map(|f| {
            let i80 = f.fc.intervals.iter().find(|iv| iv.level == LEVELS[0]).expect("the 80 % interval");
            (
                (f.region, f.section, f.variable),
                Dist::from_interval(f.fc.point[h - 1], i80.lower[h - 1], i80.upper[h - 1]),
            )
        })
        .collect();
    // Looked up once, in the order the draws take them.
    let cell_dists: Vec<([Dist; 4], f64)> = a
        .cells
        .iter()
        .map(|c| {
            let d = |v: &str| dists[&(c.region, Some(c.section), v)];
            let adj = a.adjust.get(&(c.section, h)).copied().unwrap_or(1.0);
            ([d("employed"), d("retirements"), d("vacancies"), d("new_entrants")], adj)
        })
        .collect();
    let region_dists: Vec<[Dist; 2]> = a
        .regions
        .iter()
        .map(|g| [dists[&(g.region, None, "unemployed")], dists[&(g.region, None, "labour_force")]])
        .collect();
    let keys: Vec<(Region, OkedSection)> = a.cells.iter().map(|c| (c.region, c.section)).collect();
    let pension_factor = a.model.pension_factor;
    // With common shocks, a series' standard normal is sqrt(rho) c + sqrt(1 - rho) e: c shared by
    // the variable's series in the draw, e its own, rho the variable's measured correlation.
    // A variable whose correlation could not be measured (NaN) draws independently.
    let rho = |v: &str| {
        let r = forecasts.skill.iter().find(|k| k.variable == v).map_or(0.0, |k| k.measured.error_correlation);
        if r.is_finite() { r.clamp(0.0, 1.0) } else { 0.0 }
    };
    let weights = |v: &str| if s.common_shocks { (rho(v).sqrt(), (1.0 - rho(v)).sqrt()) } else { (0.0, 1.0) };
    let cell_w = ["employed", "retirements", "vacancies", "new_entrants"].map(weights);
    let region_w = ["unemployed", "labour_force"].map(weights);
    Some(simulate(&keys, s, |st| {
        let (cell_c, region_c): ([f64; 4], [f64; 2]) = if s.common_shocks {
            (std::array::from_fn(|_| st.normal()), std::array::from_fn(|_| st.normal()))
        } else {
            ([0.0; 4], [0.0; 2])
        };
        let cells_d: Vec<CellInputs> = a
            .cells
            .iter()
            .zip(&cell_dists)
            .map(|(c, (d, adj))| {
                let mut z = |k: usize| cell_w[k].0 * cell_c[k] + cell_w[k].1 * st.normal();
                let employed = d[0].at(z(0)) * adj;
                let retirements = d[1].at(z(1)) * pension_factor;
                let vacancies = d[2].at(z(2));
                let new_entrants = d[3].at(z(3));
                CellInputs { employed, retirements, vacancies, new_entrants, ..*c }
            })
            .collect();
        let regions_d: Vec<RegionInputs> = a
            .regions
            .iter()
            .zip(&region_dists)
            .map(|(g, d)| {
                let mut z = |k: usize| region_w[k].0 * region_c[k] + region_w[k].1 * st.normal();
                let unemployed = d[0].at(z(0));
                let labour_force = d[1].at(z(1));
                RegionInputs { unemployed, labour_force, ..*g }
            })
            .collect();
        // Rated in the order of `cells` (= `keys`).
        let mut o = shortage::rerate_flows(
            &a.outlooks,
            &cells_d,
            &regions_d,
            &shortage.rule,
            shortage.frictional_unemployment_pct,
        );
        shortage::apply_overrides(&mut o, &shortage.overrides);
        let demands_d: Vec<foreign::CellDemand> = o.iter().map(cell_demand).collect();
        // Vetted request lines in a cell this draw rates surplus are rejected, as the vetting
        // rejects them under the run's own ratings.
        let redone = match alternatives {
            Some(alt) => {
                let surplus: BTreeSet<(Region, OkedSection)> =
                    o.iter().filter(|x| x.rating == Rating::Surplus).map(|x| (x.region, x.section)).collect();
                Some(alt.justified_by_cell(|r, s| surplus.contains(&(r, s))).ok()?)
            }
            None => None,
        };
        let (rows, sum) = foreign::allocate(&demands_d, redone.as_ref().or(requests), foreign).ok()?;
        let mut quota: BTreeMap<(Region, OkedSection), u64> = BTreeMap::new();
        for r in &rows {
            *quota.entry((r.region, r.section)).or_default() += r.quota;
        }
        Some(Draw {
            cells: o
                .iter()
                .map(|x| CellDraw {
                    gap: x.shortage_persons(),
                    quota: quota.get(&(x.region, x.section)).copied().unwrap_or(0),
                    shortage: x.rating == Rating::Shortage,
                    surplus: x.rating == Rating::Surplus,
                })
                .collect(),
            demand: sum.demand,
            distributed: sum.distributed,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_normal() {
        let a: Vec<f64> = (0..5).map(|_| 0.0).scan(Stream::new(7, 3), |s, _| Some(s.normal())).collect();
        let b: Vec<f64> = (0..5).map(|_| 0.0).scan(Stream::new(7, 3), |s, _| Some(s.normal())).collect();
        assert_eq!(a, b);
        let mut s = Stream::new(1, 0);
        let x: Vec<f64> = (0..200_000).map(|_| s.normal()).collect();
        let mean = x.iter().sum::<f64>() / x.len() as f64;
        let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / x.len() as f64;
        assert!(mean.abs() < 0.01 && (var - 1.0).abs() < 0.01, "mean {mean}, var {var}");
        let within = x.iter().filter(|v| v.abs() <= Z80).count() as f64 / x.len() as f64;
        assert!((within - 0.8).abs() < 0.005, "{within}");
    }

    #[test]
    fn nearest_rank_quantiles() {
        let mut v: Vec<u64> = (1..=10).rev().collect();
        assert_eq!(p10_50_90(&mut v), [1, 5, 9]);
        assert_eq!(p10_50_90(&mut [4]), [4, 4, 4]);
        let d = Dist::from_interval(100.0, 80.0, 120.0);
        assert!((d.sd - 20.0 / Z80).abs() < 1e-12);
    }
}
