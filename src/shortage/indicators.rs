//! Shortage indicators per region x section cell and year, from the panel alone (so that the
//! same code rates the target year and every past year of the back-test). Formulas in
//! `docs/methods.md` §5; the catalogue follows `domain.md` §1.10.

use std::collections::BTreeMap;

use crate::codes::{OkedSection, Region};
use crate::evidence::Evidence;
use crate::panel::Panel;

/// The indicators of the composite score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Indicator {
    VacancyRate,
    Tightness,
    WageRelative,
    RealWageGrowth1y,
    RealWageGrowth3y,
    EmploymentGrowth3y,
    UnemploymentRate,
    VacancyPersistence,
    InformalShare,
    NetMigrationRate,
    NeetShare,
}

pub const N: usize = 11;

impl Indicator {
    pub const ALL: [Indicator; N] = [
        Indicator::VacancyRate,
        Indicator::Tightness,
        Indicator::WageRelative,
        Indicator::RealWageGrowth1y,
        Indicator::RealWageGrowth3y,
        Indicator::EmploymentGrowth3y,
        Indicator::UnemploymentRate,
        Indicator::VacancyPersistence,
        Indicator::InformalShare,
        Indicator::NetMigrationRate,
        Indicator::NeetShare,
    ];

    /// Name in scenario files and output columns.
    pub fn name(self) -> &'static str {
        match self {
            Indicator::VacancyRate => "vacancy_rate",
            Indicator::Tightness => "tightness",
            Indicator::WageRelative => "wage_relative",
            Indicator::RealWageGrowth1y => "real_wage_growth_1y",
            Indicator::RealWageGrowth3y => "real_wage_growth_3y",
            Indicator::EmploymentGrowth3y => "employment_growth_3y",
            Indicator::UnemploymentRate => "unemployment_rate",
            Indicator::VacancyPersistence => "vacancy_persistence",
            Indicator::InformalShare => "informal_share",
            Indicator::NetMigrationRate => "net_migration_rate",
            Indicator::NeetShare => "neet_share",
        }
    }

    pub fn from_name(s: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.name() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// +1 when a higher value signals shortage, -1 when it signals slack.
    pub fn direction(self) -> f64 {
        match self {
            // Slack: people out of work, in informal jobs, young people idle, and arrivals.
            Indicator::UnemploymentRate
            | Indicator::InformalShare
            | Indicator::NeetShare
            | Indicator::NetMigrationRate => -1.0,
            _ => 1.0,
        }
    }

    /// The level at which the indicator is observed: the region, or the cell.
    pub fn is_regional(self) -> bool {
        matches!(
            self,
            Indicator::UnemploymentRate | Indicator::InformalShare | Indicator::NetMigrationRate | Indicator::NeetShare
        )
    }

    /// Words for explanations.
    pub fn describe(self, v: f64, national: Option<f64>, t: &crate::i18n::Texts) -> String {
        use crate::i18n::Arg;
        let pct = |x: f64| format!("{} %", t.fixed(100.0 * x, 1));
        let signed = |x: f64| format!("{} %", t.signed(100.0 * x, 1));
        let ratio = |x: f64| t.fixed(x, 2);
        let (key, value, nat): (&str, String, Option<String>) = match self {
            Indicator::VacancyRate => ("ind-vacancy-rate", pct(v), national.map(pct)),
            Indicator::Tightness => ("ind-tightness", ratio(v), national.map(ratio)),
            Indicator::WageRelative => ("ind-wage-relative", ratio(v), None),
            Indicator::RealWageGrowth1y => ("ind-real-wage-growth-1y", signed(v), national.map(signed)),
            Indicator::RealWageGrowth3y => ("ind-real-wage-growth-3y", signed(v), national.map(signed)),
            Indicator::EmploymentGrowth3y => ("ind-employment-growth-3y", signed(v), None),
            Indicator::UnemploymentRate => ("ind-unemployment-rate", pct(v), national.map(pct)),
            Indicator::VacancyPersistence => ("ind-vacancy-persistence", t.fixed(3.0 * v, 0), None),
            Indicator::InformalShare => ("ind-informal-share", pct(v), None),
            Indicator::NetMigrationRate => ("ind-net-migration-rate", t.signed(1000.0 * v, 1), None),
            Indicator::NeetShare => ("ind-neet-share", pct(v), None),
        };
        let nat = nat.map_or(String::new(), |n| t.f("ind-national", &[("v", Arg::Str(&n))]));
        t.f(key, &[("v", Arg::Str(&value)), ("national", Arg::Str(&nat))])
    }
}

/// Indicator values of one cell; `None` where the data do not allow the indicator (e.g. no
/// wage three years earlier).
pub type Values = [Option<f64>; N];

/// National reference values of a year, for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct National {
    pub vacancy_rate: f64,
    pub tightness: f64,
    pub real_wage_growth_1y: Option<f64>,
    pub real_wage_growth_3y: Option<f64>,
    pub unemployment_rate: f64,
}

impl National {
    pub fn of(&self, i: Indicator) -> Option<f64> {
        match i {
            Indicator::VacancyRate => Some(self.vacancy_rate),
            Indicator::Tightness => Some(self.tightness),
            Indicator::RealWageGrowth1y => self.real_wage_growth_1y,
            Indicator::RealWageGrowth3y => self.real_wage_growth_3y,
            Indicator::UnemploymentRate => Some(self.unemployment_rate),
            _ => None,
        }
    }
}

/// What each indicator value of a cell rests on (the weakest of its inputs).
pub type Bases = [Option<Evidence>; N];

#[derive(Debug, Clone, PartialEq)]
pub struct YearIndicators {
    pub year: i32,
    pub cells: BTreeMap<(Region, OkedSection), Values>,
    pub bases: BTreeMap<(Region, OkedSection), Bases>,
    pub national: National,
}

/// How many years back a regional indicator may be taken from when the year itself is not yet
/// published (structural indicators such as informality change slowly).
pub const REGIONAL_LOOKBACK: i32 = 3;

/// A nominal ratio deflated by the CPI of the years it spans (the panel's `cpi_yoy_avg_pct` is
/// the annual-average index, % of the previous year: 108.7 = +8.7 %).
fn real(ratio: f64, cpi: &[f64]) -> f64 {
    let deflator: f64 = cpi.iter().map(|c| c / 100.0).product();
    ratio / deflator
}

/// Computes the indicators of every cell for `year` from the panel.
pub fn compute(panel: &Panel, year: i32) -> YearIndicators {
    let has = |y: i32| panel.years.contains(&y);
    let cpi = |y: i32| panel.national.get(&y).map(|n| n.cpi_yoy_avg_pct);
    let national_vr = |y: i32| -> Option<f64> {
        if !has(y) {
            return None;
        }
        let (mut v, mut e) = (0.0, 0.0);
        for ((_, _, yy), c) in &panel.cells {
            if *yy == y {
                v += c.vacancies as f64;
                e += c.employed as f64;
            }
        }
        (e + v > 0.0).then(|| v / (e + v))
    };
    let nat_vr: BTreeMap<i32, f64> = (year - 2..=year).filter_map(|y| national_vr(y).map(|v| (y, v))).collect();

    // Employment-weighted median wage of the year.
    let mut wages: Vec<(f64, f64)> = panel
        .cells
        .iter()
        .filter(|(k, _)| k.2 == year)
        .map(|(_, c)| (c.avg_wage_kzt as f64, c.employed as f64))
        .collect();
    wages.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total_e: f64 = wages.iter().map(|w| w.1).sum();
    let median_wage = {
        let mut acc = 0.0;
        let mut m = f64::NAN;
        for (w, e) in &wages {
            acc += e;
            if acc >= total_e / 2.0 {
                m = *w;
                break;
            }
        }
        m
    };

    let mut cells = BTreeMap::new();
    let mut bases = BTreeMap::new();
    let (mut v_all, mut u_all, mut lf_all) = (0.0, 0.0, 0.0);
    for r in Region::all() {
        let Some(ry) = panel.regions.get(&(r, year)) else { continue };
        u_all += ry.unemployed as f64;
        lf_all += ry.labour_force as f64;
        let region_e: f64 = panel.sections.iter().map(|s| panel.cells[&(r, *s, year)].employed as f64).sum();
        for &s in &panel.sections {
            let c = panel.cells[&(r, s, year)];
            let (e, v, w) = (c.employed as f64, c.vacancies as f64, c.avg_wage_kzt as f64);
            v_all += v;
            let prev = |k: i32| panel.cells.get(&(r, s, year - k));
            let mut x: Values = [None; N];
            x[Indicator::VacancyRate.index()] = (e + v > 0.0).then(|| v / (e + v));
            let matched = ry.unemployed as f64 * if region_e > 0.0 { e / region_e } else { 0.0 };
            x[Indicator::Tightness.index()] = (matched > 0.0).then(|| v / matched);
            x[Indicator::WageRelative.index()] = (median_wage > 0.0 && w > 0.0).then(|| w / median_wage);
            x[Indicator::RealWageGrowth1y.index()] = match (prev(1), cpi(year)) {
                (Some(p), Some(c1)) if p.avg_wage_kzt > 0 && w > 0.0 => {
                    Some(real(w / p.avg_wage_kzt as f64, &[c1]) - 1.0)
                }
                _ => None,
            };
            x[Indicator::RealWageGrowth3y.index()] = match (prev(3), cpi(year), cpi(year - 1), cpi(year - 2)) {
                (Some(p), Some(c1), Some(c2), Some(c3)) if p.avg_wage_kzt > 0 && w > 0.0 => {
                    Some(real(w / p.avg_wage_kzt as f64, &[c1, c2, c3]).powf(1.0 / 3.0) - 1.0)
                }
                _ => None,
            };
            x[Indicator::EmploymentGrowth3y.index()] = match prev(3) {
                Some(p) if p.employed > 0 && e > 0.0 => Some((e / p.employed as f64).powf(1.0 / 3.0) - 1.0),
                _ => None,
            };
            x[Indicator::UnemploymentRate.index()] =
                (ry.labour_force > 0).then(|| ry.unemployed as f64 / ry.labour_force as f64);
            x[Indicator::VacancyPersistence.index()] = if nat_vr.len() == 3 {
                let above = (year - 2..=year)
                    .filter(|y| {
                        panel.cells.get(&(r, s, *y)).is_some_and(|c| {
                            let t = c.employed as f64 + c.vacancies as f64;
                            t > 0.0 && c.vacancies as f64 / t > nat_vr[y]
                        })
                    })
                    .count();
                Some(above as f64 / 3.0)
            } else {
                None
            };
            let regional = regional_indicators(panel, r, year);
            for (k, ind) in
                [Indicator::InformalShare, Indicator::NetMigrationRate, Indicator::NeetShare].iter().enumerate()
            {
                x[ind.index()] = regional[k].map(|v| v.0);
            }
            bases.insert((r, s), bases_of(panel, r, s, year, &x, &regional));
            cells.insert((r, s), x);
        }
    }
    // National references: vacancy rate and tightness of all cells, real growth of the
    // official national average wage, the national unemployment rate.
    let nat_wage = |y: i32| panel.national.get(&y).map(|n| n.avg_wage_kzt as f64);
    let real_nat = |k: i32| -> Option<f64> {
        let (w1, w0) = (nat_wage(year)?, nat_wage(year - k)?);
        let c: Option<Vec<f64>> = (0..k).map(|j| cpi(year - j)).collect();
        Some(real(w1 / w0, &c?).powf(1.0 / k as f64) - 1.0)
    };
    let national = National {
        vacancy_rate: nat_vr.get(&year).copied().unwrap_or(f64::NAN),
        tightness: if u_all > 0.0 { v_all / u_all } else { f64::NAN },
        real_wage_growth_1y: real_nat(1),
        real_wage_growth_3y: real_nat(3),
        unemployment_rate: if lf_all > 0.0 { u_all / lf_all } else { f64::NAN },
    };
    YearIndicators { year, cells, bases, national }
}

/// Informal share, net migration rate and NEET share of a region in `year` (the informal and
/// NEET shares from the latest published year within [`REGIONAL_LOOKBACK`]), with their basis.
fn regional_indicators(panel: &Panel, r: Region, year: i32) -> [Option<(f64, Evidence)>; 3] {
    let published = |k: usize| -> Option<(f64, Evidence)> {
        let ind = panel.indicators.as_ref()?;
        (0..=REGIONAL_LOOKBACK).find_map(|back| ind.get(&(r, year - back)).and_then(|row| row.values[k]))
    };
    let migration = panel.regions.get(&(r, year)).and_then(|ry| {
        (ry.population > 0)
            .then(|| (ry.net_internal_migration as f64 / ry.population as f64, ry.sources[4].max(ry.sources[0])))
    });
    [published(1).map(|(v, e)| (v / 100.0, e)), migration, published(2).map(|(v, e)| (v / 100.0, e))]
}

/// The basis of every indicator of a cell: the weakest of the panel values it is computed
/// from.
fn bases_of(
    panel: &Panel,
    r: Region,
    s: OkedSection,
    year: i32,
    x: &Values,
    regional: &[Option<(f64, Evidence)>; 3],
) -> Bases {
    let cell = |y: i32| panel.cells.get(&(r, s, y)).map(|c| c.sources);
    let region = |y: i32| panel.regions.get(&(r, y)).map(|c| c.sources);
    let worst = |parts: &[Option<Evidence>]| parts.iter().copied().collect::<Option<Vec<_>>>()?.into_iter().max();
    let (emp, vac, wage) = (0, 1, 2);
    let c = |y: i32, k: usize| cell(y).map(|v| v[k]);
    let mut b: Bases = [None; N];
    b[Indicator::VacancyRate.index()] = worst(&[c(year, vac), c(year, emp)]);
    b[Indicator::Tightness.index()] = worst(&[c(year, vac), c(year, emp), region(year).map(|v| v[3])]);
    b[Indicator::WageRelative.index()] = worst(&[c(year, wage)]);
    b[Indicator::RealWageGrowth1y.index()] = worst(&[c(year, wage), c(year - 1, wage)]);
    b[Indicator::RealWageGrowth3y.index()] = worst(&[c(year, wage), c(year - 3, wage)]);
    b[Indicator::EmploymentGrowth3y.index()] = worst(&[c(year, emp), c(year - 3, emp)]);
    b[Indicator::UnemploymentRate.index()] = worst(&[region(year).map(|v| v[3]), region(year).map(|v| v[1])]);
    b[Indicator::VacancyPersistence.index()] = worst(&[c(year, vac), c(year - 1, vac), c(year - 2, vac)]);
    b[Indicator::InformalShare.index()] = regional[0].map(|v| v.1);
    b[Indicator::NetMigrationRate.index()] = regional[1].map(|v| v.1);
    b[Indicator::NeetShare.index()] = regional[2].map(|v| v.1);
    for (i, v) in x.iter().enumerate() {
        if v.is_none() {
            b[i] = None;
        }
    }
    b
}
