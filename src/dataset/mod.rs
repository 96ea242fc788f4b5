//! Builds the default panel in `data/panel/` from the official series copied into `data/raw/`
//! and the documented assumptions in `data/build/assumptions.toml`.
//!
//! What is official, what is estimated and what is synthetic is stated per column in
//! `data/README.md`; the methods are in `docs/methods.md` ("The default dataset"). The build
//! is deterministic: the same raw files and assumptions give byte-identical CSVs.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod employment;
mod indicators;
pub mod requests;
pub mod sources;
mod wages;

use crate::codes::{Area, Region, RegionChange, RegionResolver};
use crate::error::{Error, Location, Msg, Result};
use crate::evidence::Evidence;
use crate::ingest::table::TextTable;

/// Sections present in the BNS employment-by-section table (T and U are not published).
pub const PANEL_SECTIONS: &str = "ABCDEFGHIJKLMNOPQRS";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Assumptions {
    first_year: i32,
    last_year: i32,
    vacancies: VacancyAssumptions,
    tightness: TightnessWeights,
    wages: WageAssumptions,
    new_entrants: EntrantAssumptions,
    retirements: RetirementAssumptions,
    seed: SeedAssumptions,
    skill_needs: SkillNeedsAssumptions,
    population: PopulationAssumptions,
    /// The generator of the demonstration requests table, relative to the assumptions file
    /// (`requests.rs`); absent: none is built.
    #[serde(default)]
    demo_requests: Option<PathBuf>,
}

/// Published national population totals the extrapolated regional population is scaled to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PopulationAssumptions {
    /// Persons on 1 January, by year (as a string key).
    national_1jan: BTreeMap<String, f64>,
}

/// How the skill needs of each OKED section are read off the US OEWS staffing matrix: which
/// SOC major groups need which education tier, and which NAICS sectors stand for which section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillNeedsAssumptions {
    higher: Vec<String>,
    vocational: Vec<String>,
    general: Vec<String>,
    sections: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VacancyAssumptions {
    postings_2025: f64,
    mean_open_months: f64,
    beveridge_elasticity: f64,
    tightness_effect: f64,
    section_base: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TightnessWeights {
    unemployment: f64,
    population_decline: f64,
    old_age: f64,
    out_migration: f64,
    section_growth: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WageAssumptions {
    section_relative: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntrantAssumptions {
    per_year_2025: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RetirementAssumptions {
    base_rate: f64,
    section_tilt: BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedAssumptions {
    agriculture_floor: f64,
    multipliers: BTreeMap<String, BTreeMap<String, f64>>,
}

const NR: usize = 20;
const NS: usize = 19;

/// Dense region x year table over the panel years.
type RegionYears = Vec<[f64; NR]>;

/// What the build wrote and what it noticed.
#[derive(Debug)]
pub struct BuildReport {
    pub files: Vec<PathBuf>,
    pub notes: Vec<Msg>,
}

/// Reads `raw_dir`, `assumptions` and the source map `sources`, writes the panel CSVs into
/// `out_dir`.
pub fn build(raw_dir: &Path, assumptions: &Path, sources: &Path, out_dir: &Path) -> Result<BuildReport> {
    let text = crate::ingest::read_text(assumptions)?;
    let a: Assumptions = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].lines().count().max(1));
        Error::input(Location { file: assumptions.to_path_buf(), row: line, column: None }, e.message().to_string())
    })?;
    let map = sources::SourceMap::load(sources)?;
    let years: Vec<i32> = (a.first_year..=a.last_year).collect();
    let ctx = Ctx { a: &a, assumptions, raw_dir, years: &years };
    let mut notes = Vec::new();
    let resolver = RegionResolver::global();
    let mut lfs = regional_lfs(&ctx, &mut notes)?;
    let (population, pop_notes) =
        population_panel(&raw_dir.join("bns_population_by_region.csv"), &years, &a.population, resolver)?;
    notes.extend(pop_notes);
    // Age structure (egov snapshot, pre-2022 borders).
    let age = age_structure(&raw_dir.join("egov_population_age_sex.csv"), resolver)?;
    let (migration, migration_official) = migration_panel(raw_dir, &years, &population, resolver)?;
    // National wages and prices.
    let national = read_national(&raw_dir.join("bns_national_wage_cpi.csv"), &years)?;
    let rural = rural_shares(&raw_dir.join("bns_population_urban_rural_2023.csv"), resolver)?;
    let seed = employment_seed(&a.seed, &rural)?;
    let margins = employment::read_group_margins(&raw_dir.join(GROUP_SOURCE), resolver)?;
    let (cell_employed, _) = employment::cell_employment(&ctx, &lfs, &seed, &margins, &mut notes)?;
    let mut demo = Demography { population, age, migration, migration_official };
    let tight = Tightness::new(&ctx, &lfs, &demo, &cell_employed);
    let vacancies = synthetic_vacancies(&ctx, &lfs, &cell_employed, &tight)?;
    let rel = wages::read_relatives(&ctx, &raw_dir.join(HOURLY_SOURCE), &lfs.sections_k)?;
    let (w0, w1) = wages::published_years(&rel);
    notes.push(Msg::new("ds-cell-wages").arg("first", w0).arg("last", w1));
    let wages = wages::estimated_wages(&ctx, &rel, &national.wage, &cell_employed);
    let (entrants, retirements) = entrants_and_retirements(&ctx, &demo, &cell_employed)?;
    let mut cells = CellColumns { employed: cell_employed, vacancies, wages, entrants, retirements };
    let mut status = Statuses::new(&map, &ctx, &lfs, &demo);
    apply_tables(&map, &ctx, &mut cells, &mut lfs, &mut demo, &mut status, &mut notes)?;
    let indicators = indicators::read(&ctx, raw_dir)?;
    let mut files = write_panel(&ctx, out_dir, &lfs, &demo, &national, &cells, &status, &indicators, &map, &mut notes)?;
    if let Some(d) = &a.demo_requests {
        let config = assumptions.parent().unwrap_or(Path::new(".")).join(d);
        files.extend(requests::generate(&config, out_dir, out_dir)?);
        notes.push(Msg::new("ds-demo-requests").arg("file", d.display()));
    }
    Ok(BuildReport { files, notes })
}

/// Official employment by region x activity group (BNS LFS, 2016 on).
const GROUP_SOURCE: &str = "bns_employed_by_region_sector_group.csv";
/// Average hourly earnings by region and by activity (BNS SDG 8.5.1).
const HOURLY_SOURCE: &str = "bns_sdg_indicator_8-5-1.csv";

/// What every value of the panel rests on: per cell column `[t][r][s]`, per region column
/// `[t][r]` (the order of `sources::CELL_COLUMNS` and `sources::REGION_COLUMNS`).
struct Statuses {
    cells: Vec<Vec<[[Evidence; NS]; NR]>>,
    regions: Vec<Vec<[Evidence; NR]>>,
}

impl Statuses {
    /// The map's status for every cell value; region values official but where the build
    /// estimated them (interpolated, split at the 2022 reform, extrapolated).
    fn new(map: &sources::SourceMap, ctx: &Ctx, lfs: &Lfs, demo: &Demography) -> Statuses {
        let ny = ctx.ny();
        let cells =
            sources::CELL_COLUMNS.iter().map(|c| vec![[[map.region_section_year[*c].status; NS]; NR]; ny]).collect();
        let mut regions: Vec<Vec<[Evidence; NR]>> = vec![vec![[Evidence::Official; NR]; ny]; 5];
        for (t, &y) in ctx.years.iter().enumerate() {
            for r in Region::all() {
                let q = quality_flags(y, r, lfs.interpolated_2015, demo.migration_official[t]);
                let est = |flags: &[&str]| q.iter().any(|f| flags.contains(f));
                let i = r.index();
                if est(&["split_2022_shares", "population_split_2017_shares", "population_extrapolated"]) {
                    regions[0][t][i] = Evidence::Estimated;
                }
                if est(&["lfs_interpolated", "split_2022_shares"]) {
                    for column in &mut regions[1..4] {
                        column[t][i] = Evidence::Estimated;
                    }
                }
                if est(&["migration_estimated"]) {
                    regions[4][t][i] = Evidence::Estimated;
                }
            }
        }
        Statuses { cells, regions }
    }
}

/// The quality flags of a region-year of `region_year.csv`.
fn quality_flags(y: i32, region: Region, interpolated_2015: bool, migration_official: bool) -> Vec<&'static str> {
    let mut q: Vec<&str> = Vec::new();
    if y == 2015 && interpolated_2015 {
        q.push("lfs_interpolated");
    }
    if y < 2022 && RegionChange::splits_of_current_regions().iter().any(|&(p, c)| p == region || c == region) {
        q.push("split_2022_shares");
    }
    if y < 2017 && [Region::TURKISTAN, Region::SHYMKENT].contains(&region) {
        q.push("population_split_2017_shares");
    }
    if y > 2023 {
        q.push("population_extrapolated");
    }
    if !migration_official {
        q.push("migration_estimated");
    }
    q
}

/// Replaces the columns the source map gives a table for.
fn apply_tables(
    map: &sources::SourceMap,
    ctx: &Ctx,
    cells: &mut CellColumns,
    lfs: &mut Lfs,
    demo: &mut Demography,
    status: &mut Statuses,
    notes: &mut Vec<Msg>,
) -> Result<()> {
    for (k, col) in sources::CELL_COLUMNS.iter().enumerate() {
        let src = &map.region_section_year[*col];
        let Some(table) = &src.table else { continue };
        let data = sources::read_table(src, table)?;
        let weights = cells.employed.clone();
        let values = match k {
            0 => &mut cells.employed,
            1 => &mut cells.vacancies,
            2 => &mut cells.wages,
            3 => &mut cells.entrants,
            _ => &mut cells.retirements,
        };
        let n = sources::replace_cells(ctx.years, &data, values, &mut status.cells[k], &weights);
        notes.push(
            Msg::new("ds-values-from")
                .arg("column", format!("region_section_year.{col}"))
                .arg("count", n)
                .arg("table", table.display()),
        );
    }
    for (k, col) in sources::REGION_COLUMNS.iter().enumerate() {
        let src = &map.region_year[*col];
        let Some(table) = &src.table else { continue };
        let mut data = sources::read_table(src, table)?;
        if src.percent_of_labour_force {
            if k != 3 {
                return Err(Error::input(Location::file(table), Msg::new("src-percent").arg("column", col)));
            }
            for (y, level) in data.iter_mut() {
                let (sources::Level::Regions(m), Some(t)) = (level, ctx.years.iter().position(|x| x == y)) else {
                    continue;
                };
                for (r, v) in m.iter_mut() {
                    if !(0.0..100.0).contains(v) {
                        return Err(Error::input(
                            Location::file(table),
                            Msg::new("src-rate")
                                .arg("year", y)
                                .arg("region", Region::all().nth(*r).map_or("?", |x| x.iso()))
                                .arg("value", v),
                        ));
                    }
                    *v = lfs.employed_p[t][*r] as f64 * *v / (100.0 - *v);
                }
            }
        }
        let mut unemployed: Vec<[i64; NR]> =
            lfs.lf_p.iter().zip(&lfs.employed_p).map(|(l, e)| std::array::from_fn(|r| l[r] - e[r])).collect();
        let values = match k {
            0 => &mut demo.population,
            1 => &mut lfs.lf_p,
            2 => &mut lfs.employed_p,
            3 => &mut unemployed,
            _ => &mut demo.migration,
        };
        let n = sources::replace_regions(ctx.years, &data, values, &mut status.regions[k])
            .map_err(|m| Error::input(Location::file(table), m))?;
        if k == 3 {
            // The LFS identity: the labour force is the employed plus the unemployed.
            for (t, u) in unemployed.iter().enumerate() {
                for (r, ur) in u.iter().enumerate() {
                    if status.regions[3][t][r] == Evidence::Ingested {
                        lfs.lf_p[t][r] = lfs.employed_p[t][r] + ur;
                        status.regions[1][t][r] = Evidence::Estimated;
                    }
                }
            }
        }
        notes.push(
            Msg::new("ds-values-from")
                .arg("column", format!("region_year.{col}"))
                .arg("count", n)
                .arg("table", table.display()),
        );
    }
    Ok(())
}

/// What every stage of the build reads.
struct Ctx<'a> {
    a: &'a Assumptions,
    assumptions: &'a Path,
    raw_dir: &'a Path,
    years: &'a [i32],
}

impl Ctx<'_> {
    fn yi(&self, y: i32) -> usize {
        (y - self.a.first_year) as usize
    }
    fn ny(&self) -> usize {
        self.years.len()
    }
}

/// Regional employment and labour force in persons (regions add up to the national totals).
struct Lfs {
    employed_p: Vec<[i64; NR]>,
    lf_p: Vec<[i64; NR]>,
    national_e: Vec<f64>,
    national_lf: Vec<f64>,
    interpolated_2015: bool,
    /// Employment by section, thousand persons (`T` = total).
    sections_k: BTreeMap<(char, i32), f64>,
}

/// Population, age structure and net internal migration by region.
struct Demography {
    population: Vec<[i64; NR]>,
    age: [AgeShares; NR],
    migration: Vec<[i64; NR]>,
    migration_official: Vec<bool>,
}

/// A region x section matrix per panel year.
type CellYears = Vec<[[i64; NS]; NR]>;

/// The cell columns of `region_section_year.csv`.
struct CellColumns {
    employed: CellYears,
    vacancies: CellYears,
    wages: CellYears,
    entrants: CellYears,
    retirements: CellYears,
}

/// Regional employed and labour force (BNS LFS, thousand persons), to persons.
fn regional_lfs(ctx: &Ctx, notes: &mut Vec<Msg>) -> Result<Lfs> {
    let (raw_dir, years) = (ctx.raw_dir, ctx.years);
    let ny = ctx.ny();
    let yi = |y: i32| ctx.yi(y);
    let resolver = RegionResolver::global();
    let employed_k =
        read_region_series(&raw_dir.join("bns_employed_by_region.csv"), "employed_thousand_persons", resolver)?;
    let lf_k =
        read_region_series(&raw_dir.join("bns_labour_force_by_region.csv"), "labour_force_thousand_persons", resolver)?;
    let national_employed_k = national_series(&employed_k);
    let national_lf_k = national_series(&lf_k);
    let sections_k = read_section_series(&raw_dir.join("bns_employed_by_section.csv"))?;

    let mut employed = regional_panel(&employed_k, years, notes, "what-employed")?;
    let mut lf = regional_panel(&lf_k, years, notes, "what-labour-force")?;
    // 2015 is missing from the regional tables: employed is interpolated (geometric mean of
    // 2014 and 2016) and rescaled to the section table's national total for that year; the
    // labour force is employed / (1 - u) with u the region's official 2015 LFS unemployment
    // rate (SDG 8.5.2), so that the unemployed, labour force minus employed, keep the published
    // rate. (Interpolating the labour force on its own put the unemployed of 2015 22 % above
    // both neighbouring years, against a published national rate of 5.1 %.)
    let mut interpolated_2015 = false;
    if years.contains(&2015) && !national_employed_k.contains_key(&2015) {
        interpolated_2015 = true;
        let total_e =
            sections_k.get(&('T', 2015)).copied().ok_or_else(|| Error::Dataset(Msg::new("ds-no-2015-total")))?;
        scale_row(&mut employed[yi(2015)], total_e);
        let rates = indicators::unemployment_rates(ctx.raw_dir, 2015)?;
        for (r, rate) in rates.iter().enumerate() {
            let region = Region::all().nth(r).expect("region index");
            let u = rate.ok_or_else(|| Error::Dataset(Msg::new("ds-no-2015-rate").arg("region", region)))?;
            lf[yi(2015)][r] = employed[yi(2015)][r] / (1.0 - u / 100.0);
        }
        notes.push(Msg::new("ds-2015"));
    }
    let national_e: Vec<f64> = years
        .iter()
        .map(|y| national_employed_k.get(y).copied().unwrap_or_else(|| employed[yi(*y)].iter().sum()))
        .collect();
    let national_lf: Vec<f64> =
        years.iter().map(|y| national_lf_k.get(y).copied().unwrap_or_else(|| lf[yi(*y)].iter().sum())).collect();
    // Persons, rounded so that regions add up exactly to the national total.
    let employed_p: Vec<[i64; NR]> = (0..ny).map(|t| to_persons(&employed[t], national_e[t])).collect();
    let lf_p: Vec<[i64; NR]> = (0..ny).map(|t| to_persons(&lf[t], national_lf[t])).collect();
    for t in 0..ny {
        for r in 0..NR {
            if lf_p[t][r] < employed_p[t][r] {
                return Err(Error::Dataset(
                    Msg::new("ds-lf-below").arg("region", Region::all().nth(r).unwrap()).arg("year", years[t]),
                ));
            }
        }
    }

    Ok(Lfs { employed_p, lf_p, national_e, national_lf, interpolated_2015, sections_k })
}

/// Latent tightness of a cell in a year: a weighted sum of standardised official signals (it
/// drives the synthetic vacancies and the wage drift).
struct Tightness<'a> {
    w: &'a TightnessWeights,
    unemp_rate: Vec<[f64; NR]>,
    national_u: Vec<f64>,
    z_pop: Vec<f64>,
    z_old: Vec<f64>,
    z_mig: Vec<f64>,
    section_growth: Vec<[f64; NS]>,
}

impl<'a> Tightness<'a> {
    fn new(ctx: &'a Ctx, lfs: &Lfs, demo: &Demography, cell_employed: &CellYears) -> Self {
        let ny = ctx.ny();
        let yi = |y: i32| ctx.yi(y);
        let (lf_p, employed_p, national_lf, national_e) =
            (&lfs.lf_p, &lfs.employed_p, &lfs.national_lf, &lfs.national_e);
        let (population, age, migration, migration_official) =
            (&demo.population, &demo.age, &demo.migration, &demo.migration_official);
        let unemp_rate: Vec<[f64; NR]> = (0..ny)
            .map(|t| {
                let mut u = [0.0; NR];
                for r in 0..NR {
                    u[r] = 100.0 * (lf_p[t][r] - employed_p[t][r]) as f64 / lf_p[t][r] as f64;
                }
                u
            })
            .collect();
        let national_u: Vec<f64> = (0..ny).map(|t| 100.0 * (national_lf[t] - national_e[t]) / national_lf[t]).collect();
        let pop_growth: [f64; NR] = {
            let (t0, t1) = (yi(2013), yi(2023));
            let mut g = [0.0; NR];
            for r in 0..NR {
                g[r] = (population[t1][r] as f64 / population[t0][r] as f64).ln() / 10.0;
            }
            g
        };
        let mig_rate: [f64; NR] = {
            let mut m = [0.0; NR];
            for r in 0..NR {
                let mut acc = 0.0;
                let mut n = 0.0;
                for (t, official) in migration_official.iter().enumerate() {
                    if *official {
                        acc += migration[t][r] as f64 / population[t][r] as f64;
                        n += 1.0;
                    }
                }
                m[r] = acc / n;
            }
            m
        };
        let z_pop = zscores(&pop_growth.map(|g| -g));
        let z_old = zscores(&age.map(|a| a.pension));
        let z_mig = zscores(&mig_rate.map(|m| -m));
        let section_growth: Vec<[f64; NS]> = (0..ny)
            .map(|t| {
                let mut g = [0.0; NS];
                let t0 = t.saturating_sub(3);
                for s in 0..NS {
                    let c = |tt: usize| (0..NR).map(|r| cell_employed[tt][r][s] as f64).sum::<f64>();
                    g[s] = if t > t0 { (c(t) / c(t0)).ln() / (t - t0) as f64 } else { 0.0 };
                }
                let z = zscores(&g);
                let mut out = [0.0; NS];
                out.copy_from_slice(&z);
                out
            })
            .collect();
        Tightness { w: &ctx.a.tightness, unemp_rate, national_u, z_pop, z_old, z_mig, section_growth }
    }

    fn at(&self, t: usize, r: usize, s: usize) -> f64 {
        let w = self.w;
        w.unemployment * (-(self.unemp_rate[t][r] - self.national_u[t]))
            + w.population_decline * self.z_pop[r]
            + w.old_age * self.z_old[r]
            + w.out_migration * self.z_mig[r]
            + w.section_growth * self.section_growth[t][s]
    }
}

/// A per-section table of the assumptions, complete for the panel sections.
fn per_section(ctx: &Ctx, map: &BTreeMap<String, f64>, what: &str) -> Result<[f64; NS]> {
    let mut out = [0.0; NS];
    for (i, s) in PANEL_SECTIONS.chars().enumerate() {
        out[i] = *map.get(&s.to_string()).ok_or_else(|| {
            Error::input(
                Location::file(ctx.assumptions),
                Msg::new("ds-no-section-value").arg("what", what).arg("section", s),
            )
        })?;
    }
    Ok(out)
}

/// Vacancies (synthetic, calibrated to Enbek 2025).
fn synthetic_vacancies(ctx: &Ctx, lfs: &Lfs, cell_employed: &CellYears, tight: &Tightness) -> Result<CellYears> {
    let (a, ny) = (ctx.a, ctx.ny());
    let vbase = per_section(ctx, &a.vacancies.section_base, "vacancies.section_base")?;
    let v2025 = a.vacancies.postings_2025 * a.vacancies.mean_open_months / 12.0;
    let national_u = &tight.national_u;
    let u2025 = national_u[ctx.yi(2025)];
    let _ = lfs;
    let mut vacancies: Vec<[[i64; NS]; NR]> = Vec::with_capacity(ny);
    for t in 0..ny {
        let total = (v2025 * (u2025 / national_u[t]).powf(a.vacancies.beveridge_elasticity)).round() as i64;
        let mut weights = Vec::with_capacity(NR * NS);
        for (r, row) in cell_employed[t].iter().enumerate() {
            for (s, &e) in row.iter().enumerate() {
                weights.push(e as f64 * vbase[s] * (a.vacancies.tightness_effect * tight.at(t, r, s)).exp());
            }
        }
        let v = largest_remainder_f64(total, &weights);
        let mut m = [[0i64; NS]; NR];
        for r in 0..NR {
            m[r].copy_from_slice(&v[r * NS..(r + 1) * NS]);
        }
        vacancies.push(m);
    }

    Ok(vacancies)
}

/// New entrants (official population, assumed rate) and retirements (assumed rates by age
/// structure and section).
fn entrants_and_retirements(ctx: &Ctx, demo: &Demography, cell_employed: &CellYears) -> Result<(CellYears, CellYears)> {
    let (a, ny) = (ctx.a, ctx.ny());
    let yi = |y: i32| ctx.yi(y);
    let (population, age) = (&demo.population, &demo.age);
    let rtilt = per_section(ctx, &a.retirements.section_tilt, "retirements.section_tilt")?;
    let pop_national: Vec<f64> = (0..ny).map(|t| population[t].iter().sum::<i64>() as f64).collect();
    let mut entrants: Vec<[[i64; NS]; NR]> = Vec::with_capacity(ny);
    let mut retirements: Vec<[[i64; NS]; NR]> = Vec::with_capacity(ny);
    let old_nat = {
        let pop = &population[yi(2021)];
        (0..NR).map(|r| age[r].pension * pop[r] as f64).sum::<f64>() / pop.iter().sum::<i64>() as f64
    };
    for t in 0..ny {
        let total = (a.new_entrants.per_year_2025 * pop_national[t] / pop_national[yi(2025)]).round() as i64;
        let rw: Vec<f64> = (0..NR).map(|r| population[t][r] as f64 * age[r].young).collect();
        let by_region = largest_remainder_f64(total, &rw);
        let mut m = [[0i64; NS]; NR];
        let mut rt = [[0i64; NS]; NR];
        for r in 0..NR {
            let ew: Vec<f64> = cell_employed[t][r].iter().map(|&v| v as f64).collect();
            m[r].copy_from_slice(&largest_remainder_f64(by_region[r], &ew));
            for s in 0..NS {
                let rate = a.retirements.base_rate * (age[r].pension / old_nat) * rtilt[s];
                rt[r][s] = (cell_employed[t][r][s] as f64 * rate).round() as i64;
            }
        }
        entrants.push(m);
        retirements.push(rt);
    }

    Ok((entrants, retirements))
}

/// Writes the panel CSVs.
#[allow(clippy::too_many_arguments)]
fn write_panel(
    ctx: &Ctx,
    out_dir: &Path,
    lfs: &Lfs,
    demo: &Demography,
    national: &National,
    cells: &CellColumns,
    status: &Statuses,
    indicators: &indicators::RegionIndicators,
    map: &sources::SourceMap,
    notes: &mut Vec<Msg>,
) -> Result<Vec<PathBuf>> {
    let (a, years, raw_dir) = (ctx.a, ctx.years, ctx.raw_dir);
    let (lf_p, employed_p, sections_k) = (&lfs.lf_p, &lfs.employed_p, &lfs.sections_k);
    let age = &demo.age;
    let mut set = crate::export::OutputSet::new(out_dir)?;

    set.write_bytes("region_year.csv", region_year_csv(ctx, lfs, demo, status).as_bytes())?;
    set.write_bytes("region_section_year.csv", cells_csv(ctx, cells, status).as_bytes())?;
    set.write_bytes(crate::panel::INDICATOR_FILE, indicators::csv(ctx, indicators).as_bytes())?;
    set.write_bytes(crate::panel::SOURCES_FILE, sources_csv(map).as_bytes())?;

    let mut s = String::from("year,avg_wage_kzt,cpi_yoy_avg_pct,labour_force,employed,quality\n");
    for (t, &y) in years.iter().enumerate() {
        let quality = if national.wage_official[t] { "official" } else { "wage_backcast" };
        writeln!(
            s,
            "{},{},{},{},{},{}",
            y,
            national.wage[t].round() as i64,
            national.cpi[t],
            lf_p[t].iter().sum::<i64>(),
            employed_p[t].iter().sum::<i64>(),
            quality
        )
        .expect("write to string");
    }
    set.write_bytes("national_year.csv", s.as_bytes())?;

    let mut s = String::from("region_code,share_0_15,share_working_age,share_pension_age\n");
    for (r, region) in Region::all().enumerate() {
        writeln!(s, "{},{:.6},{:.6},{:.6}", region.iso(), age[r].young, age[r].working, age[r].pension)
            .expect("write to string");
    }
    set.write_bytes("region_age.csv", s.as_bytes())?;

    let s = skill_needs(&raw_dir.join(SKILL_SOURCE), &a.skill_needs, notes)?;
    set.write_bytes(crate::panel::SKILL_FILE, s.as_bytes())?;

    // National employment by section (official, persons) and real GVA growth by section: the
    // history the elasticity model of expansion demand is fitted on.
    let gva = read_gva(&raw_dir.join(GVA_SOURCE))?;
    let mut s = String::from("oked_section,year,employed,gva_volume_index_pct\n");
    for sec in PANEL_SECTIONS.chars() {
        for &y in years {
            let e = sections_k.get(&(sec, y)).ok_or_else(|| {
                Error::input(
                    Location::file(raw_dir.join("bns_employed_by_section.csv")),
                    Msg::new("ds-no-section-year").arg("section", sec).arg("year", y),
                )
            })?;
            let g = gva.get(&(sec, y)).ok_or_else(|| {
                Error::input(
                    Location::file(raw_dir.join(GVA_SOURCE)),
                    Msg::new("ds-no-index").arg("section", sec).arg("year", y),
                )
            })?;
            writeln!(s, "{sec},{y},{},{g}", (e * 1000.0).round() as i64).expect("write to string");
        }
    }
    set.write_bytes(crate::panel::NATIONAL_SECTION_FILE, s.as_bytes())?;

    set.commit()
}

/// `sources.csv`: the source map as the panel carries it (file, column, status, method), so that
/// a run can say what every input rests on.
fn sources_csv(map: &sources::SourceMap) -> String {
    let mut s = String::from("file,column,status,method\n");
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    for (file, cols) in [("region_year.csv", &map.region_year), ("region_section_year.csv", &map.region_section_year)] {
        for (c, src) in cols {
            let method = match &src.table {
                Some(t) => format!("{} (replaced where given by {})", src.method, t.display()),
                None => src.method.clone(),
            };
            let _ = writeln!(s, "{file},{c},{},{}", src.status, quote(&method));
        }
    }
    s
}

/// `region_year.csv`: the regional LFS, population and migration, with the quality flags and
/// the basis of every column.
fn region_year_csv(ctx: &Ctx, lfs: &Lfs, demo: &Demography, status: &Statuses) -> String {
    let mut s =
        String::from("region_code,year,population,labour_force,employed,unemployed,net_internal_migration,quality");
    for c in sources::REGION_COLUMNS {
        let _ = write!(s, ",{c}_source");
    }
    s.push('\n');
    for (t, &y) in ctx.years.iter().enumerate() {
        for (r, region) in Region::all().enumerate() {
            let q = quality_flags(y, region, lfs.interpolated_2015, demo.migration_official[t]);
            let quality = if q.is_empty() { "official".to_string() } else { q.join(";") };
            let (lf, e) = (lfs.lf_p[t][r], lfs.employed_p[t][r]);
            let _ = write!(
                s,
                "{},{},{},{},{},{},{},{}",
                region.iso(),
                y,
                demo.population[t][r],
                lf,
                e,
                lf - e,
                demo.migration[t][r],
                quality
            );
            for k in 0..sources::REGION_COLUMNS.len() {
                let _ = write!(s, ",{}", status.regions[k][t][r]);
            }
            s.push('\n');
        }
    }
    s
}

/// `region_section_year.csv`: the cell columns and the basis of every value.
fn cells_csv(ctx: &Ctx, cells: &CellColumns, status: &Statuses) -> String {
    let mut s = String::from("region_code,oked_section,year,employed,vacancies,avg_wage_kzt,new_entrants,retirements");
    for c in sources::CELL_COLUMNS {
        let _ = write!(s, ",{c}_source");
    }
    s.push('\n');
    let cols = [&cells.employed, &cells.vacancies, &cells.wages, &cells.entrants, &cells.retirements];
    for (t, &y) in ctx.years.iter().enumerate() {
        for (r, region) in Region::all().enumerate() {
            for (si, sc) in PANEL_SECTIONS.chars().enumerate() {
                let _ = write!(s, "{},{sc},{y}", region.iso());
                for c in cols {
                    let _ = write!(s, ",{}", c[t][r][si]);
                }
                for st in &status.cells {
                    let _ = write!(s, ",{}", st[t][r][si]);
                }
                s.push('\n');
            }
        }
    }
    s
}

/// BNS real GVA growth by section (volume index, % of the previous year).
const GVA_SOURCE: &str = "bns_gva_volume_index_by_section.csv";

fn read_gva(path: &Path) -> Result<BTreeMap<(char, i32), f64>> {
    let t = TextTable::read(path)?;
    t.require(&["oked_section", "year", "gva_volume_index_pct"])?;
    let codes = t.parse("oked_section", "a panel section letter", |s| {
        s.chars()
            .next()
            .filter(|c| s.len() == 1 && PANEL_SECTIONS.contains(*c))
            .ok_or_else(|| format!("`{s}` is not a panel section"))
    })?;
    let years = t.parse("year", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let values = t.parse("gva_volume_index_pct", "an index between 10 and 400", |s| match s.parse::<f64>() {
        Ok(v) if (10.0..=400.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}` is not a volume index in % of the previous year")),
    })?;
    Ok((0..t.height()).map(|i| ((codes[i], years[i]), values[i])).collect())
}

/// US OEWS May 2025, national employment by NAICS sector x SOC major group.
const SKILL_SOURCE: &str = "us_oews2025_national_sector_x_major_occupation.csv";

/// Share of each section's jobs by the education they need (higher, vocational, general),
/// from the OEWS staffing matrix: employment of the SOC major groups of each tier in the NAICS
/// sectors that stand for the section, over the employment of all tiered groups. Kazakhstan
/// publishes no occupation-by-section matrix (BNS establishment reports do not collect
/// occupation, domain.md §4.2), so the US structure is the proxy; data/README.md says so.
fn skill_needs(path: &Path, a: &SkillNeedsAssumptions, notes: &mut Vec<Msg>) -> Result<String> {
    let t = TextTable::read(path)?;
    t.require(&["industry_code", "occupation_code", "employment"])?;
    let ind = t.text("industry_code")?;
    let occ = t.text("occupation_code")?;
    let emp = t.text("employment")?;
    let tier_of = |soc: &str| -> Option<usize> {
        [&a.higher, &a.vocational, &a.general].iter().position(|list| list.iter().any(|c| c == soc))
    };
    // employment by (industry, tier)
    let mut by: BTreeMap<(String, usize), f64> = BTreeMap::new();
    let mut suppressed = 0;
    for i in 0..t.height() {
        let (Some(ind), Some(occ)) = (ind[i], occ[i]) else { continue };
        let Some(tier) = tier_of(occ) else { continue };
        let v = match emp[i] {
            Some("-") | None => {
                suppressed += 1;
                continue;
            }
            Some(v) => crate::ingest::table::parse_number(v)
                .map_err(|m| Error::input(Location::cell(path, t.line(i), "employment"), m))?,
        };
        *by.entry((ind.to_string(), tier)).or_default() += v;
    }
    if suppressed > 0 {
        notes.push(Msg::new("ds-oews-suppressed").arg("count", suppressed));
    }
    let mut s = String::from("oked_section,share_higher,share_vocational,share_general,oews_sectors\n");
    for (sec, industries) in &a.sections {
        let mut tiers = [0.0f64; 3];
        for industry in industries {
            let mut found = false;
            for (k, v) in tiers.iter_mut().enumerate() {
                if let Some(e) = by.get(&(industry.clone(), k)) {
                    *v += e;
                    found = true;
                }
            }
            if !found {
                return Err(Error::input(
                    Location::file(path),
                    Msg::new("ds-no-industry").arg("industry", industry).arg("section", sec),
                ));
            }
        }
        let total: f64 = tiers.iter().sum();
        writeln!(
            s,
            "{},{:.6},{:.6},{:.6},{}",
            sec,
            tiers[0] / total,
            tiers[1] / total,
            1.0 - (tiers[0] / total * 1e6).round() / 1e6 - (tiers[1] / total * 1e6).round() / 1e6,
            industries.join(" ")
        )
        .expect("write to string");
    }
    Ok(s)
}

// ---- Readers ------------------------------------------------------------------------------

/// Values by (area code as in the file, year). Keeps `national`, historical and current areas.
fn read_region_series(path: &Path, value_col: &str, resolver: &RegionResolver) -> Result<BTreeMap<(Area, i32), f64>> {
    let t = TextTable::read(path)?;
    t.require(&["region_code", "year", value_col])?;
    let codes = t.text("region_code")?;
    let years = t.parse("year", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let values = t.numbers(value_col)?;
    let mut out = BTreeMap::new();
    for (i, code) in codes.iter().enumerate() {
        let code = code.ok_or_else(|| {
            Error::input(Location::cell(path, t.line(i), "region_code"), Msg::new("err-region-code-empty"))
        })?;
        let area =
            resolver.resolve(code).map_err(|e| Error::input(Location::cell(path, t.line(i), "region_code"), e))?;
        if out.insert((area, years[i]), values[i]).is_some() {
            return Err(Error::input(
                Location::row(path, t.line(i)),
                Msg::new("ds-duplicate-row").arg("code", code).arg("year", years[i]),
            ));
        }
    }
    Ok(out)
}

fn national_series(m: &BTreeMap<(Area, i32), f64>) -> BTreeMap<i32, f64> {
    m.iter().filter(|((a, _), _)| *a == Area::Republic).map(|((_, y), v)| (*y, *v)).collect()
}

/// Section (A..S, and `T` standing for TOTAL) x year, thousand persons.
fn read_section_series(path: &Path) -> Result<BTreeMap<(char, i32), f64>> {
    let t = TextTable::read(path)?;
    t.require(&["oked_section", "year", "employed_thousand_persons"])?;
    let codes = t.text("oked_section")?;
    let years = t.parse("year", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let values = t.numbers("employed_thousand_persons")?;
    let mut out = BTreeMap::new();
    for (i, c) in codes.iter().enumerate() {
        let key = match c.unwrap_or("") {
            "TOTAL" => 'T',
            "IND" => continue,
            s if s.len() == 1 && PANEL_SECTIONS.contains(s) => s.chars().next().expect("one char"),
            other => {
                return Err(Error::input(
                    Location::cell(path, t.line(i), "oked_section"),
                    Msg::new("ds-unexpected-section").arg("section", other),
                ));
            }
        };
        out.insert((key, years[i]), values[i]);
    }
    Ok(out)
}

/// Current-border regional panel (thousand persons): parents of the 2022 splits are split
/// back to 2010 by their 2022 shares; missing years are left at zero for the caller.
fn regional_panel(
    src: &BTreeMap<(Area, i32), f64>,
    years: &[i32],
    notes: &mut Vec<Msg>,
    what: &'static str,
) -> Result<RegionYears> {
    let mut out = vec![[0.0f64; NR]; years.len()];
    let splits = RegionChange::splits_of_current_regions();
    for (t, &y) in years.iter().enumerate() {
        let available = src.keys().any(|(a, yy)| *yy == y && *a != Area::Republic);
        if !available {
            if y == 2015 {
                // Filled by interpolation below.
                for r in Region::all() {
                    let (a, b) = (src.get(&(Area::Region(r), 2014)), src.get(&(Area::Region(r), 2016)));
                    out[t][r.index()] = match (a, b) {
                        (Some(a), Some(b)) => (a * b).sqrt(),
                        _ => 0.0,
                    };
                }
                // Children of 2022 are split later with the others.
            } else {
                return Err(Error::Dataset(Msg::new("ds-no-regional").arg_msg("what", Msg::new(what)).arg("year", y)));
            }
        } else {
            for r in Region::all() {
                if let Some(v) = src.get(&(Area::Region(r), y)) {
                    out[t][r.index()] = *v;
                }
            }
        }
        if y < 2022 {
            for &(parent, child) in &splits {
                let p22 = src.get(&(Area::Region(parent), 2022)).copied().unwrap_or(0.0);
                let c22 = src.get(&(Area::Region(child), 2022)).copied().unwrap_or(0.0);
                if p22 + c22 <= 0.0 {
                    return Err(Error::Dataset(Msg::new("ds-no-2022").arg("region", parent)));
                }
                let share = c22 / (p22 + c22);
                let whole = out[t][parent.index()];
                out[t][child.index()] = whole * share;
                out[t][parent.index()] = whole * (1.0 - share);
            }
        }
        for r in Region::all() {
            if out[t][r.index()] <= 0.0 {
                return Err(Error::Dataset(
                    Msg::new("ds-no-value").arg_msg("what", Msg::new(what)).arg("region", r).arg("year", y),
                ));
            }
        }
    }
    notes.push(Msg::new("ds-2022-split").arg_msg("what", Msg::new(what)));
    Ok(out)
}

fn scale_row(row: &mut [f64; NR], total: f64) {
    let sum: f64 = row.iter().sum();
    for v in row.iter_mut() {
        *v *= total / sum;
    }
}

fn to_persons(row_k: &[f64; NR], national_k: f64) -> [i64; NR] {
    let total = (national_k * 1000.0).round() as i64;
    let v = largest_remainder_f64(total, row_k);
    let mut out = [0i64; NR];
    out.copy_from_slice(&v);
    out
}

/// Population on current borders: 2010-2016 Turkistan = South Kazakhstan incl. Shymkent
/// (the file's `Туркестанская 1`), split by 2017 shares; 2022 splits back by 2022 shares;
/// years after the last published one extrapolated with each region's 2021-2023 growth and
/// scaled to the national totals of 1 Jan 2025 and 2026 (domain.md §4.1 [S1]).
fn population_panel(
    path: &Path,
    years: &[i32],
    targets: &PopulationAssumptions,
    resolver: &RegionResolver,
) -> Result<(Vec<[i64; NR]>, Vec<Msg>)> {
    let t = TextTable::read(path)?;
    t.require(&["Область", "Год", "Население"])?;
    let names = t.text("Область")?;
    let ys = t.parse("Год", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let vals = t.numbers("Население")?;
    let mut src: BTreeMap<(Area, i32), f64> = BTreeMap::new();
    for i in 0..names.len() {
        let name = names[i].unwrap_or("");
        let area = resolver.resolve(name).map_err(|e| Error::input(Location::cell(path, t.line(i), "Область"), e))?;
        src.insert((area, ys[i]), vals[i]);
    }
    let last_official = *ys.iter().max().expect("rows");
    let mut out = vec![[0.0f64; NR]; years.len()];
    for (ti, &y) in years.iter().enumerate() {
        if y > last_official {
            continue;
        }
        for r in Region::all() {
            out[ti][r.index()] = src.get(&(Area::Region(r), y)).copied().unwrap_or(0.0);
        }
        if y < 2017 {
            let (t17, s17) =
                (src[&(Area::Region(Region::TURKISTAN), 2017)], src[&(Area::Region(Region::SHYMKENT), 2017)]);
            let whole = out[ti][Region::TURKISTAN.index()];
            out[ti][Region::SHYMKENT.index()] = whole * s17 / (t17 + s17);
            out[ti][Region::TURKISTAN.index()] = whole * t17 / (t17 + s17);
        }
        if y < 2022 {
            for (parent, child) in RegionChange::splits_of_current_regions() {
                let p22 = src[&(Area::Region(parent), 2022)];
                let c22 = src[&(Area::Region(child), 2022)];
                let whole = out[ti][parent.index()];
                out[ti][child.index()] = whole * c22 / (p22 + c22);
                out[ti][parent.index()] = whole * p22 / (p22 + c22);
            }
        }
    }
    // Extrapolation: scaled to the published national totals (data/build/assumptions.toml).
    let mut national_targets: BTreeMap<i32, f64> = BTreeMap::new();
    for (y, v) in &targets.national_1jan {
        let y: i32 = y.parse().map_err(|_| Error::Dataset(Msg::new("ds-population-year").arg("value", y)))?;
        national_targets.insert(y, *v);
    }
    let base = years
        .iter()
        .position(|&y| y == last_official)
        .ok_or_else(|| Error::Dataset(Msg::new("ds-population-years").arg("year", last_official)))?;
    for ti in base + 1..years.len() {
        let y = years[ti];
        let mut row = [0.0; NR];
        for r in 0..NR {
            let g = (out[base][r] / out[base - 2][r]).powf(0.5);
            row[r] = out[ti - 1][r] * g;
        }
        if let Some(target) = national_targets.get(&y) {
            scale_row(&mut row, *target);
        } else if let Some(next) = national_targets.get(&(y + 1)) {
            // Geometric midpoint between the last official national total and the next target.
            let last: f64 = out[ti - 1].iter().sum();
            scale_row(&mut row, (last * next).sqrt());
        }
        out[ti] = row;
    }
    let mut persons = Vec::with_capacity(years.len());
    for row in &out {
        let total = row.iter().sum::<f64>().round() as i64;
        let v = largest_remainder_f64(total, row);
        let mut a = [0i64; NR];
        a.copy_from_slice(&v);
        persons.push(a);
    }
    let notes = vec![
        Msg::new("ds-population-south"),
        Msg::new("ds-population-extrapolated")
            .arg("year", last_official)
            .arg("targets", national_targets.keys().map(|y| y.to_string()).collect::<Vec<_>>().join("/")),
    ];
    Ok((persons, notes))
}

#[derive(Debug, Clone, Copy, Default)]
struct AgeShares {
    young: f64,
    working: f64,
    pension: f64,
}

/// Shares of the population aged 0-15, of working age (men 16-62, women 16-58) and of pension
/// age (men 63+, women 59+) from the egov snapshot; the 2022 regions inherit their parent's.
fn age_structure(path: &Path, resolver: &RegionResolver) -> Result<[AgeShares; NR]> {
    let t = TextTable::read(path)?;
    let cols = ["region", "men_0-15", "women_0-15", "men_16-62", "women_16-58", "men_63+", "women_59+"];
    t.require(&cols)?;
    let names = t.text("region")?;
    let get = |c: &str| t.counts(c);
    let (m0, w0, mw, ww, mp, wp) =
        (get(cols[1])?, get(cols[2])?, get(cols[3])?, get(cols[4])?, get(cols[5])?, get(cols[6])?);
    let mut out: [Option<AgeShares>; NR] = [None; NR];
    for i in 0..names.len() {
        let area = resolver
            .resolve(names[i].unwrap_or(""))
            .map_err(|e| Error::input(Location::cell(path, t.line(i), "region"), e))?;
        let Area::Region(r) = area else { continue };
        let total = (m0[i] + w0[i] + mw[i] + ww[i] + mp[i] + wp[i]) as f64;
        out[r.index()] = Some(AgeShares {
            young: (m0[i] + w0[i]) as f64 / total,
            working: (mw[i] + ww[i]) as f64 / total,
            pension: (mp[i] + wp[i]) as f64 / total,
        });
    }
    for (parent, child) in RegionChange::splits_of_current_regions() {
        if out[child.index()].is_none() {
            out[child.index()] = out[parent.index()];
        }
    }
    let mut res = [AgeShares::default(); NR];
    for r in Region::all() {
        res[r.index()] = out[r.index()].ok_or_else(|| Error::Dataset(Msg::new("ds-no-age").arg("region", r)))?;
    }
    Ok(res)
}

/// Net internal migration: official for the years with a file, otherwise each region's
/// 2022-2024 average rate per inhabitant applied to its population, re-centred to sum to zero.
fn migration_panel(
    raw: &Path,
    years: &[i32],
    pop: &[[i64; NR]],
    resolver: &RegionResolver,
) -> Result<(Vec<[i64; NR]>, Vec<bool>)> {
    let mut official: BTreeMap<i32, [i64; NR]> = BTreeMap::new();
    for &y in years {
        let path = raw.join(format!("internal_migration_{y}.csv"));
        if !crate::builtin::is_file(&path) {
            continue;
        }
        let t = TextTable::read(&path)?;
        t.require(&["region", "net"])?;
        let names = t.text("region")?;
        let net = t.parse("net", "an integer", |s| s.parse::<i64>().map_err(|_| format!("`{s}` is not an integer")))?;
        let mut row = [0i64; NR];
        for i in 0..names.len() {
            let area = resolver
                .resolve(names[i].unwrap_or(""))
                .map_err(|e| Error::input(Location::cell(&path, t.line(i), "region"), e))?;
            let Area::Region(r) = area else {
                return Err(Error::input(Location::cell(&path, t.line(i), "region"), Msg::new("ds-expected-region")));
            };
            row[r.index()] += net[i];
        }
        official.insert(y, row);
    }
    if official.is_empty() {
        return Err(Error::Dataset(Msg::new("ds-no-migration")));
    }
    let mut rate = [0.0f64; NR];
    for (y, row) in &official {
        let t = years.iter().position(|yy| yy == y).expect("year in range");
        for r in 0..NR {
            rate[r] += row[r] as f64 / pop[t][r] as f64 / official.len() as f64;
        }
    }
    let mut out = Vec::with_capacity(years.len());
    let mut flags = Vec::with_capacity(years.len());
    for (t, y) in years.iter().enumerate() {
        if let Some(row) = official.get(y) {
            out.push(*row);
            flags.push(true);
            continue;
        }
        let mut est: Vec<f64> = (0..NR).map(|r| rate[r] * pop[t][r] as f64).collect();
        let total_pop: f64 = pop[t].iter().sum::<i64>() as f64;
        let resid: f64 = est.iter().sum();
        for r in 0..NR {
            est[r] -= resid * pop[t][r] as f64 / total_pop;
        }
        let mut row = [0i64; NR];
        for r in 0..NR {
            row[r] = est[r].round() as i64;
        }
        let fix: i64 = row.iter().sum();
        let largest = (0..NR).max_by_key(|&r| pop[t][r]).expect("regions");
        row[largest] -= fix;
        out.push(row);
        flags.push(false);
    }
    Ok((out, flags))
}

struct National {
    wage: Vec<f64>,
    wage_official: Vec<bool>,
    cpi: Vec<f64>,
}

/// National average wage (official from 2012; earlier years back-cast with the 2012-2014
/// average growth) and average annual CPI change.
fn read_national(path: &Path, years: &[i32]) -> Result<National> {
    let t = TextTable::read(path)?;
    t.require(&["year", "avg_wage_kzt", "cpi_yoy_avg_pct"])?;
    let ys = t.parse("year", "a year", |s| s.parse::<i32>().map_err(|_| format!("`{s}` is not a year")))?;
    let wage_raw = t.text("avg_wage_kzt")?;
    let cpi_raw = t.numbers("cpi_yoy_avg_pct")?;
    let mut wage: BTreeMap<i32, f64> = BTreeMap::new();
    let mut cpi: BTreeMap<i32, f64> = BTreeMap::new();
    for i in 0..ys.len() {
        if let Some(w) = wage_raw[i] {
            wage.insert(
                ys[i],
                crate::ingest::table::parse_number(w)
                    .map_err(|m| Error::input(Location::cell(path, t.line(i), "avg_wage_kzt"), m))?,
            );
        }
        cpi.insert(ys[i], cpi_raw[i]);
    }
    let first = *wage.keys().next().ok_or_else(|| Error::Dataset(Msg::new("ds-no-wages")))?;
    let g = (wage[&(first + 2)] / wage[&first]).powf(0.5);
    let mut w_out = Vec::new();
    let mut official = Vec::new();
    let mut c_out = Vec::new();
    for &y in years {
        match wage.get(&y) {
            Some(w) => {
                w_out.push(*w);
                official.push(true);
            }
            None if y < first => {
                w_out.push(wage[&first] / g.powi(first - y));
                official.push(false);
            }
            None => return Err(Error::Dataset(Msg::new("ds-no-national-wage").arg("year", y))),
        }
        // CPI before its first year: take the first available.
        c_out.push(cpi.get(&y).copied().unwrap_or_else(|| *cpi.values().next().expect("cpi")));
    }
    Ok(National { wage: w_out, wage_official: official, cpi: c_out })
}

fn rural_shares(path: &Path, resolver: &RegionResolver) -> Result<[f64; NR]> {
    let t = TextTable::read(path)?;
    t.require(&["region_kk", "total", "rural"])?;
    let names = t.text("region_kk")?;
    let total = t.counts("total")?;
    let rural = t.counts("rural")?;
    let mut out = [f64::NAN; NR];
    for i in 0..names.len() {
        let name = names[i].unwrap_or("");
        // In this Kazakh-language bulletin a bare "Алматы" row is the oblast (the city row
        // says "қаласы").
        let name = if name == "Алматы" { "Алматы облысы" } else { name };
        if let Area::Region(r) =
            resolver.resolve(name).map_err(|e| Error::input(Location::cell(path, t.line(i), "region_kk"), e))?
        {
            out[r.index()] = rural[i] as f64 / total[i] as f64
        }
    }
    if out.iter().any(|v| v.is_nan()) {
        return Err(Error::Dataset(Msg::new("ds-rural-region")));
    }
    Ok(out)
}

fn employment_seed(seed: &SeedAssumptions, rural: &[f64; NR]) -> Result<[[f64; NS]; NR]> {
    let mean_rural = rural.iter().sum::<f64>() / NR as f64;
    let mut m = [[1.0f64; NS]; NR];
    for r in 0..NR {
        m[r][0] = (rural[r] / mean_rural).max(seed.agriculture_floor);
    }
    for (sec, map) in &seed.multipliers {
        let si = PANEL_SECTIONS
            .find(sec.as_str())
            .ok_or_else(|| Error::Dataset(Msg::new("ds-seed-section").arg("section", sec)))?;
        for (code, v) in map {
            let r =
                Region::from_iso(code).ok_or_else(|| Error::Dataset(Msg::new("ds-seed-region").arg("region", code)))?;
            m[r.index()][si] = *v;
        }
    }
    Ok(m)
}

// ---- Numerics -----------------------------------------------------------------------------

/// Iterative proportional fitting (RAS): scales rows and columns of `seed` alternately until
/// both margins are met (relative error below 1e-12 or 10,000 sweeps).
pub fn ipf<const R: usize, const C: usize>(seed: &[[f64; C]; R], rows: &[f64], cols: &[f64]) -> Vec<Vec<f64>> {
    let m: Vec<Vec<f64>> = seed.iter().map(|r| r.to_vec()).collect();
    ipf_dyn(&m, rows, cols)
}

/// [`ipf`] on a matrix of any shape.
pub fn ipf_dyn(seed: &[Vec<f64>], rows: &[f64], cols: &[f64]) -> Vec<Vec<f64>> {
    let mut m: Vec<Vec<f64>> = seed.to_vec();
    for _ in 0..10_000 {
        for (i, row) in m.iter_mut().enumerate() {
            let s: f64 = row.iter().sum();
            if s > 0.0 {
                let k = rows[i] / s;
                row.iter_mut().for_each(|v| *v *= k);
            }
        }
        let mut worst = 0.0f64;
        for (j, &c) in cols.iter().enumerate() {
            let s: f64 = m.iter().map(|r| r[j]).sum();
            if s > 0.0 {
                let k = c / s;
                worst = worst.max((k - 1.0).abs());
                m.iter_mut().for_each(|r| r[j] *= k);
            }
        }
        if worst < 1e-12 {
            break;
        }
    }
    m
}

fn zscores(v: &[f64]) -> Vec<f64> {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
    if sd == 0.0 { vec![0.0; v.len()] } else { v.iter().map(|x| (x - mean) / sd).collect() }
}

/// Largest remainder over real-valued weights, for estimation work (building the default
/// dataset), where exact ties do not matter. Ties go to the earlier unit. Non-finite or
/// negative weights are treated as zero.
fn largest_remainder_f64(total: i64, weights: &[f64]) -> Vec<i64> {
    let w: Vec<f64> = weights.iter().map(|&x| if x.is_finite() && x > 0.0 { x } else { 0.0 }).collect();
    let sum: f64 = w.iter().sum();
    if total <= 0 || sum <= 0.0 {
        return vec![0; w.len()];
    }
    let mut out = Vec::with_capacity(w.len());
    let mut rems = Vec::with_capacity(w.len());
    for (i, x) in w.iter().enumerate() {
        let q = total as f64 * x / sum;
        let f = q.floor();
        out.push(f as i64);
        rems.push((q - f, i));
    }
    let mut left = total - out.iter().sum::<i64>();
    rems.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut k = 0;
    while left > 0 && !rems.is_empty() {
        out[rems[k % rems.len()].1] += 1;
        left -= 1;
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipf_meets_margins() {
        let seed = [[1.0, 2.0], [3.0, 4.0]];
        let m = ipf(&seed, &[10.0, 20.0], &[12.0, 18.0]);
        assert!((m[0][0] + m[0][1] - 10.0).abs() < 1e-9);
        assert!((m[0][0] + m[1][0] - 12.0).abs() < 1e-9);
    }

    #[test]
    fn largest_remainder_sums_exactly() {
        let v = largest_remainder_f64(1000, &[0.3, 0.3, 0.4, f64::NAN]);
        assert_eq!(v.iter().sum::<i64>(), 1000);
        assert_eq!(v[3], 0);
    }
}
