//! Shortage indicators per region x section cell and year, from the panel alone (so that the
//! same code rates the target year and every past year of the back-test). Formulas in
//! `docs/methods.md` §5; the catalogue follows `domain.md` §1.10.

use std::collections::BTreeMap;

use crate::codes::{OkedSection, Region};
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
}

pub const N: usize = 8;

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
            Indicator::UnemploymentRate => -1.0,
            _ => 1.0,
        }
    }

    /// Words for explanations.
    pub fn describe(self, v: f64, national: Option<f64>) -> String {
        let nat = |f: &dyn Fn(f64) -> String| national.map_or(String::new(), |n| format!(" (national {})", f(n)));
        let pct = |x: f64| format!("{:.1} %", 100.0 * x);
        let signed = |x: f64| format!("{:+.1} %", 100.0 * x);
        match self {
            Indicator::VacancyRate => format!("vacancy rate {}{}", pct(v), nat(&pct)),
            Indicator::Tightness => {
                format!("vacancies per job-seeker {:.2}{}", v, nat(&|x: f64| format!("{x:.2}")))
            }
            Indicator::WageRelative => format!("wage {:.2} x the national median", v),
            Indicator::RealWageGrowth1y => format!("real wages {} over 1 year{}", signed(v), nat(&signed)),
            Indicator::RealWageGrowth3y => format!("real wages {} a year over 3 years{}", signed(v), nat(&signed)),
            Indicator::EmploymentGrowth3y => format!("employment {} a year over 3 years", signed(v)),
            Indicator::UnemploymentRate => format!("regional unemployment {}{}", pct(v), nat(&pct)),
            Indicator::VacancyPersistence => {
                format!("vacancy rate above the national in {:.0} of the last 3 years", 3.0 * v)
            }
        }
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

#[derive(Debug, Clone, PartialEq)]
pub struct YearIndicators {
    pub year: i32,
    pub cells: BTreeMap<(Region, OkedSection), Values>,
    pub national: National,
}

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
    YearIndicators { year, cells, national }
}
