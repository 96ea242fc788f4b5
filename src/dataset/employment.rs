//! Employment by region x OKED section: iterative proportional fitting of a seed matrix to
//! official margins. Every year: the regional totals (LFS, met exactly) and the national
//! employment by section. From the first year of the BNS region x activity-group table
//! (`A`, `B-F`, `G-S`; 2016) also the region x group totals: the fit is done per group, so each
//! region's agriculture, industry-and-construction and services employment is the official
//! figure, and only the split of a group over its sections is estimated. Before that year the
//! region x group totals are themselves estimated: each region's group shares of the first
//! year, fitted to the national group totals of the year.
// Region x group x section arrays are indexed in step; index loops read as the formulas.
#![allow(clippy::needless_range_loop)]

use std::collections::BTreeMap;
use std::path::Path;

use super::{Ctx, Lfs, NR, NS, PANEL_SECTIONS, ipf_dyn, largest_remainder_f64};
use crate::codes::{Area, HistoricalRegion, Region, RegionChange, RegionResolver};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::table::TextTable;

/// One year's region x section values.
type CellMatrix = [[i64; NS]; NR];

/// The activity groups of the BNS region table, and the sections in each.
pub const GROUPS: [(&str, &str); 3] = [("A", "A"), ("IND_CONSTR", "BCDEF"), ("SERVICES", "GHIJKLMNOPQRS")];

/// Group index of a panel section (by its position in `PANEL_SECTIONS`).
fn group_of(s: usize) -> usize {
    let letter = PANEL_SECTIONS.as_bytes()[s] as char;
    GROUPS.iter().position(|(_, secs)| secs.contains(letter)).expect("every panel section is in a group")
}

/// Official employed persons by (area, year, group).
pub type GroupMargins = BTreeMap<(Area, i32, usize), f64>;

/// Reads `bns_employed_by_region_sector_group.csv` (`region_code, year, sector_group,
/// oked_sections, employed_persons`).
pub fn read_group_margins(path: &Path, resolver: &RegionResolver) -> Result<GroupMargins> {
    let t = TextTable::read(path)?;
    t.require(&["region_code", "year", "sector_group", "employed_persons"])?;
    let codes = t.text("region_code")?;
    let years = t.parse("year", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let groups = t.parse("sector_group", "A, IND_CONSTR or SERVICES", |s| {
        GROUPS.iter().position(|(g, _)| *g == s.trim()).ok_or_else(|| format!("`{s}` is not A, IND_CONSTR or SERVICES"))
    })?;
    let values = t.numbers("employed_persons")?;
    let mut out = BTreeMap::new();
    for i in 0..t.height() {
        let code = codes[i].unwrap_or("");
        let area =
            resolver.resolve(code).map_err(|e| Error::input(Location::cell(path, t.line(i), "region_code"), e))?;
        out.insert((area, years[i], groups[i]), values[i]);
    }
    Ok(out)
}

/// Region x group employment of year `y` on current borders, or `None` when the table has no
/// year `y`: regions split in 2022 take their 2022 group shares before it; Turkistan in
/// 2016-2017 is South Kazakhstan minus Shymkent (both published).
fn official_groups(m: &GroupMargins, y: i32) -> Option<[[f64; 3]; NR]> {
    let get = |a: Area, yy: i32, g: usize| m.get(&(a, yy, g)).copied();
    get(Area::Republic, y, 0)?;
    let mut out = [[0.0; 3]; NR];
    for r in Region::all() {
        for g in 0..3 {
            out[r.index()][g] = get(Area::Region(r), y, g).unwrap_or(0.0);
        }
    }
    for g in 0..3 {
        if out[Region::TURKISTAN.index()][g] == 0.0 {
            let south = get(Area::Historical(HistoricalRegion::SouthKazakhstan), y, g).unwrap_or(0.0);
            out[Region::TURKISTAN.index()][g] = (south - out[Region::SHYMKENT.index()][g]).max(0.0);
        }
    }
    for (parent, child) in RegionChange::splits_of_current_regions() {
        if out[child.index()].iter().sum::<f64>() > 0.0 {
            continue;
        }
        for g in 0..3 {
            let p22 = get(Area::Region(parent), 2022, g).unwrap_or(0.0);
            let c22 = get(Area::Region(child), 2022, g).unwrap_or(0.0);
            if p22 + c22 > 0.0 {
                let whole = out[parent.index()][g];
                out[child.index()][g] = whole * c22 / (p22 + c22);
                out[parent.index()][g] = whole * p22 / (p22 + c22);
            }
        }
    }
    Some(out)
}

/// Employment by region x section for every panel year (persons; each region's row adds up to
/// its official total), and whether the year rests on official region x group margins.
pub fn cell_employment(
    ctx: &Ctx,
    lfs: &Lfs,
    seed: &[[f64; NS]; NR],
    margins: &GroupMargins,
    notes: &mut Vec<Msg>,
) -> Result<(Vec<CellMatrix>, Vec<bool>)> {
    let (years, ny) = (ctx.years, ctx.ny());
    let (employed_p, sections_k) = (&lfs.employed_p, &lfs.sections_k);
    for &y in years {
        if let Some(g) = official_groups(margins, y)
            && let Some(r) = Region::all().find(|r| g[r.index()].iter().sum::<f64>() <= 0.0)
        {
            return Err(Error::Dataset(Msg::new("ds-no-group-row").arg("region", r).arg("year", y)));
        }
    }
    let first = years.iter().copied().find(|&y| official_groups(margins, y).is_some());
    let first_shares = first.and_then(|y| official_groups(margins, y));
    let mut out = Vec::with_capacity(ny);
    let mut official = Vec::with_capacity(ny);
    let mut max_col_dev = 0i64;
    for t in 0..ny {
        let y = years[t];
        let col: Vec<f64> = PANEL_SECTIONS
            .chars()
            .map(|s| {
                sections_k.get(&(s, y)).copied().ok_or_else(|| {
                    Error::Dataset(Msg::new("ds-no-section-employment").arg("section", s).arg("year", y))
                })
            })
            .collect::<Result<_>>()?;
        // Section margins in persons, rescaled to the regional national total.
        let col_p = largest_remainder_f64(employed_p[t].iter().sum(), &col);
        let groups = match official_groups(margins, y) {
            Some(g) => {
                official.push(true);
                g
            }
            None => {
                official.push(false);
                estimated_groups(first_shares.as_ref(), &employed_p[t], &col_p)
            }
        };
        let fitted = fit_by_group(seed, &employed_p[t], &groups, &col_p);
        let mut m = [[0i64; NS]; NR];
        for r in 0..NR {
            let row = largest_remainder_f64(employed_p[t][r], &fitted[r]);
            m[r].copy_from_slice(&row);
        }
        for s in 0..NS {
            let dev = (0..NR).map(|r| m[r][s]).sum::<i64>() - col_p[s];
            max_col_dev = max_col_dev.max(dev.abs());
        }
        out.push(m);
    }
    let n_official = official.iter().filter(|o| **o).count();
    notes.push(Msg::new("ds-ipf").arg("deviation", max_col_dev).arg("official", n_official).arg("years", ny));
    Ok((out, official))
}

/// Region x group totals for a year without the official table: each region's group shares of
/// the first official year (or equal shares), fitted to the regional totals and the national
/// group totals of the year.
fn estimated_groups(first: Option<&[[f64; 3]; NR]>, employed: &[i64; NR], col_p: &[i64]) -> [[f64; 3]; NR] {
    let seed: Vec<Vec<f64>> = (0..NR)
        .map(|r| match first {
            Some(f) => f[r].to_vec(),
            None => vec![1.0; 3],
        })
        .collect();
    let mut national = [0.0; 3];
    for (s, &c) in col_p.iter().enumerate() {
        national[group_of(s)] += c as f64;
    }
    let rows: Vec<f64> = employed.iter().map(|&v| v as f64).collect();
    let fitted = ipf_dyn(&seed, &rows, &national);
    let mut out = [[0.0; 3]; NR];
    for r in 0..NR {
        out[r].copy_from_slice(&fitted[r]);
    }
    out
}

/// The region x section fit: per group, the seed's cells of the group's sections fitted to the
/// region x group totals (rows, rescaled to the region's total) and the national section
/// totals (columns, rescaled to the group's total).
fn fit_by_group(seed: &[[f64; NS]; NR], employed: &[i64; NR], groups: &[[f64; 3]; NR], col_p: &[i64]) -> Vec<Vec<f64>> {
    // Rows of the group table rescaled to the official regional totals.
    let mut g = *groups;
    for r in 0..NR {
        let s: f64 = g[r].iter().sum();
        if s > 0.0 {
            let k = employed[r] as f64 / s;
            g[r].iter_mut().for_each(|v| *v *= k);
        }
    }
    let mut out = vec![vec![0.0; NS]; NR];
    for gi in 0..3 {
        let secs: Vec<usize> = (0..NS).filter(|&s| group_of(s) == gi).collect();
        let rows: Vec<f64> = (0..NR).map(|r| g[r][gi]).collect();
        let total: f64 = rows.iter().sum();
        let raw: f64 = secs.iter().map(|&s| col_p[s] as f64).sum();
        let cols: Vec<f64> =
            secs.iter().map(|&s| if raw > 0.0 { col_p[s] as f64 * total / raw } else { 0.0 }).collect();
        let sub: Vec<Vec<f64>> = (0..NR).map(|r| secs.iter().map(|&s| seed[r][s]).collect()).collect();
        let fitted = ipf_dyn(&sub, &rows, &cols);
        for r in 0..NR {
            for (k, &s) in secs.iter().enumerate() {
                out[r][s] = fitted[r][k];
            }
        }
    }
    out
}
