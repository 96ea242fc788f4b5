//! Average monthly wage by region x section: the official national average wage of the year,
//! times the official relative of the region and the official relative of the section, both
//! from the BNS SDG platform's average hourly earnings (indicator 8.5.1, by region and by
//! activity, 2018 on), normalised so that the employment-weighted mean is the national wage.
//! Outside the years the relatives are published they are held at the nearest published year.
//! The platform publishes industry (B-E) as one activity: its sections are split by the
//! relatives of `build/assumptions.toml [wages] section_relative`, keeping the group's
//! employment-weighted mean. No region x section interaction is observed, so none is modelled.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Ctx, NR, NS, PANEL_SECTIONS, per_section};
use crate::codes::Region;
use crate::error::{Error, Result};
use crate::ingest::{Format, LongRow};

/// Relatives (hourly earnings / national hourly earnings) by year.
pub struct WageRelatives {
    pub region: BTreeMap<i32, [f64; NR]>,
    pub section: BTreeMap<i32, [f64; NS]>,
}

impl WageRelatives {
    /// The relatives of the published year nearest to `y`.
    fn at(&self, y: i32) -> ([f64; NR], [f64; NS]) {
        let near = |m: &BTreeMap<i32, [f64; NR]>| -> [f64; NR] {
            let k = m.keys().copied().min_by_key(|k| ((k - y).abs(), -k)).expect("published years");
            m[&k]
        };
        let near_s = |m: &BTreeMap<i32, [f64; NS]>| -> [f64; NS] {
            let k = m.keys().copied().min_by_key(|k| ((k - y).abs(), -k)).expect("published years");
            m[&k]
        };
        (near(&self.region), near_s(&self.section))
    }
}

/// Reads the SDG 8.5.1 file; industry (B-E) is split over B, C, D, E by the assumed relatives,
/// weighted by national employment by section of the year.
pub fn read_relatives(
    ctx: &Ctx,
    path: &Path,
    national_by_section: &BTreeMap<(char, i32), f64>,
) -> Result<WageRelatives> {
    let got = crate::ingest::read(Format::BnsSdg, path, None)?.into_strict()?;
    let rows: Vec<&LongRow> = got.rows.iter().filter(|r| r.value.is_some()).collect();
    let year = |r: &LongRow| r.period.year();
    let national: BTreeMap<i32, f64> = rows
        .iter()
        .filter(|r| r.region_code == "KZ" && r.oked_section.is_none())
        .map(|r| (year(r), r.value.expect("filtered")))
        .collect();
    let assumed = per_section(ctx, &ctx.a.wages.section_relative, "wages.section_relative")?;
    let mut region: BTreeMap<i32, [f64; NR]> = BTreeMap::new();
    let mut section: BTreeMap<i32, [f64; NS]> = BTreeMap::new();
    for (&y, &nat) in &national {
        let of_region = |r: Region| {
            rows.iter()
                .find(|x| year(x) == y && x.oked_section.is_none() && x.region_code == r.iso())
                .and_then(|x| x.value)
        };
        let mut reg = [f64::NAN; NR];
        for r in Region::all() {
            reg[r.index()] = of_region(r).map_or(f64::NAN, |v| v / nat);
        }
        // Regions formed in 2022 take their parent's relative before they are published.
        for (parent, child) in crate::codes::RegionChange::splits_of_current_regions() {
            if reg[child.index()].is_nan() {
                reg[child.index()] = reg[parent.index()];
            }
        }
        if reg.iter().all(|v| v.is_finite()) {
            region.insert(y, reg);
        }
        let of_section = |code: &str| {
            rows.iter()
                .find(|x| year(x) == y && x.region_code == "KZ" && x.oked_section.as_deref() == Some(code))
                .and_then(|x| x.value)
        };
        let mut sec = [f64::NAN; NS];
        for (s, letter) in PANEL_SECTIONS.chars().enumerate() {
            sec[s] = of_section(&letter.to_string()).map_or(f64::NAN, |v| v / nat);
        }
        if let Some(ind) = of_section("B-E") {
            let members: Vec<usize> = "BCDE".chars().filter_map(|c| PANEL_SECTIONS.find(c)).collect();
            let weight =
                |s: usize| national_by_section.get(&(PANEL_SECTIONS.as_bytes()[s] as char, y)).copied().unwrap_or(0.0);
            let total: f64 = members.iter().map(|&s| weight(s)).sum();
            let mean: f64 = members.iter().map(|&s| weight(s) * assumed[s]).sum::<f64>() / total.max(1e-9);
            for &s in &members {
                if sec[s].is_nan() {
                    sec[s] = ind / nat * assumed[s] / mean;
                }
            }
        }
        if sec.iter().all(|v| v.is_finite()) {
            section.insert(y, sec);
        }
    }
    if region.is_empty() || section.is_empty() {
        return Err(Error::Dataset(crate::error::Msg::new("ds-no-hourly").arg("file", path.display())));
    }
    Ok(WageRelatives { region, section })
}

/// Cell wages of every panel year (tenge a month).
pub fn estimated_wages(
    ctx: &Ctx,
    rel: &WageRelatives,
    national_wage: &[f64],
    cell_employed: &[[[i64; NS]; NR]],
) -> Vec<[[i64; NS]; NR]> {
    let mut out = Vec::with_capacity(ctx.ny());
    for (t, &y) in ctx.years.iter().enumerate() {
        let (reg, sec) = rel.at(y);
        let e = &cell_employed[t];
        let (mut bill, mut emp) = (0.0, 0.0);
        for r in 0..NR {
            for s in 0..NS {
                bill += e[r][s] as f64 * reg[r] * sec[s];
                emp += e[r][s] as f64;
            }
        }
        let k = national_wage[t] / (bill / emp);
        let mut m = [[0i64; NS]; NR];
        for r in 0..NR {
            for s in 0..NS {
                m[r][s] = (reg[r] * sec[s] * k).round() as i64;
            }
        }
        out.push(m);
    }
    out
}

/// The years the relatives are published (first, last).
pub fn published_years(rel: &WageRelatives) -> (i32, i32) {
    let first = *rel.region.keys().next().expect("years").max(rel.section.keys().next().expect("years"));
    let last = *rel.region.keys().last().expect("years").min(rel.section.keys().last().expect("years"));
    (first, last)
}
