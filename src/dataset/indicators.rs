//! Official regional labour indicators of the BNS SDG platform, by region and year, for the
//! shortage score: the LFS unemployment rate (8.5.2), the share of informal employment (8.3.1),
//! the share of youth not in employment, education or training (8.6.1) and average hourly
//! earnings (8.5.1). Regions formed in 2022 take their parent's value before they are
//! published (`estimated`); a missing year is left empty.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::{Ctx, NR};
use crate::codes::{Area, Region, RegionChange};
use crate::error::Result;
use crate::evidence::Evidence;
use crate::ingest::Format;

/// The indicators: (column of `region_indicators.csv`, raw file).
pub const INDICATORS: [(&str, &str); 4] = [
    ("unemployment_rate_pct", "bns_sdg_indicator_8-5-2.csv"),
    ("informal_share_pct", "bns_sdg_indicator_8-3-1.csv"),
    ("neet_share_pct", "bns_sdg_indicator_8-6-1.csv"),
    ("hourly_earnings_kzt", "bns_sdg_indicator_8-5-1.csv"),
];

/// Per indicator: (year, region) -> (value, evidence).
pub type RegionIndicators = Vec<BTreeMap<(i32, usize), (f64, Evidence)>>;

pub fn read(ctx: &Ctx, raw_dir: &Path) -> Result<RegionIndicators> {
    let mut out = Vec::new();
    for (_, file) in INDICATORS {
        let got = crate::ingest::read(Format::BnsSdg, &raw_dir.join(file), None)?.into_strict()?;
        let mut m: BTreeMap<(i32, usize), (f64, Evidence)> = BTreeMap::new();
        for r in got.rows.iter().filter(|r| r.oked_section.is_none()) {
            if let (Some(reg), Some(v)) = (Region::from_iso(&r.region_code), r.value) {
                m.insert((r.period.year(), reg.index()), (v, Evidence::Official));
            }
        }
        for &y in ctx.years {
            for (parent, child) in RegionChange::splits_of_current_regions() {
                if !m.contains_key(&(y, child.index()))
                    && let Some(&(v, _)) = m.get(&(y, parent.index()))
                {
                    m.insert((y, child.index()), (v, Evidence::Estimated));
                }
            }
        }
        out.push(m);
    }
    Ok(out)
}

/// The official LFS unemployment rate (SDG 8.5.2, percent) of every current region in `year`,
/// in region order: the region's own value, else that of the unit it was split from (South
/// Kazakhstan for Turkistan and Shymkent before 2018, the 2022 parents for Abai, Jetisu and
/// Ulytau). `None` where neither is published.
pub fn unemployment_rates(raw_dir: &Path, year: i32) -> Result<Vec<Option<f64>>> {
    let file = raw_dir.join(INDICATORS[0].1);
    let got = crate::ingest::read(Format::BnsSdg, &file, None)?.into_strict()?;
    let (mut own, mut inherited) = (vec![None; NR], vec![None; NR]);
    for r in got.rows.iter().filter(|r| r.oked_section.is_none() && r.period.year() == year) {
        let (Some(v), Ok(area)) = (r.value, crate::ingest::region_code(&r.region_code)) else { continue };
        match area {
            Area::Republic => continue,
            Area::Region(region) => own[region.index()] = Some(v),
            Area::Historical(_) => {}
        }
        for region in area.territory_in(year) {
            inherited[region.index()].get_or_insert(v);
        }
    }
    Ok(own.into_iter().zip(inherited).map(|(o, i)| o.or(i)).collect())
}

/// `region_indicators.csv`: one row per region and panel year, a value and its source per
/// indicator (empty where the platform publishes none).
pub fn csv(ctx: &Ctx, ind: &RegionIndicators) -> String {
    let mut s = String::from("region_code,year");
    for (name, _) in INDICATORS {
        let _ = write!(s, ",{name},{name}_source");
    }
    s.push('\n');
    for &y in ctx.years {
        for (r, region) in Region::all().enumerate() {
            let _ = write!(s, "{},{y}", region.iso());
            for m in ind {
                match m.get(&(y, r)) {
                    Some((v, e)) => {
                        let _ = write!(s, ",{v},{e}");
                    }
                    None => s.push_str(",,"),
                }
            }
            s.push('\n');
        }
    }
    s
}
