//! The demonstration table of employers' requests (synthetic), calibrated to published totals,
//! with planted grey-scheme cases. Everything it draws is stated in
//! `data/build/demo_requests.toml`; every line it writes says `evidence = synthetic`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use serde::Deserialize;

use crate::allocate::apportion::Method;
use crate::allocate::apportion_counts;
use crate::codes::{OkedSection, Region};
use crate::error::{Error, Location, Msg, Result};
use crate::ingest::request_lines::{OccupationWages, parse_oked};
use crate::panel::Panel;
use crate::params::{Params, year_end};
use crate::uncertainty::Stream;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    seed: u64,
    years: Vec<i32>,
    /// Relative to the configuration file.
    params: PathBuf,
    wages: PathBuf,
    wages_year: i32,
    oversubscription: BTreeMap<String, f64>,
    ict_share: f64,
    mean_line: BTreeMap<String, f64>,
    lines_per_employer: u32,
    share_without_posting: f64,
    share_late_posting: f64,
    share_low_wage: f64,
    share_over_local_content: f64,
    share_with_citizen_applicants: f64,
    share_citing_project: f64,
    share_with_prior_quota: f64,
    wage_factor: [f64; 2],
    low_wage_factor: [f64; 2],
    posting_days: [i64; 2],
    late_posting_days: i64,
    filing_start: [u32; 2],
    filing_days: i64,
    planted_filing: [u32; 2],
    citizen_staff_factor: [f64; 2],
    under_local_content_factor: [f64; 2],
    seasonal_citizens_per_worker: f64,
    staff_factor: [f64; 2],
    prior_quota_factor: [f64; 2],
    prior_used_share: [f64; 2],
    occupations: BTreeMap<String, Vec<String>>,
    section_stock: SectionStock,
    region_share: BTreeMap<String, f64>,
    projects: Vec<ProjectSpec>,
    planted: Vec<Planted>,
}

#[derive(Debug, Deserialize)]
struct SectionStock {
    #[serde(flatten)]
    listed: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectSpec {
    project_id: String,
    region: String,
    oked: String,
    start: toml::value::Datetime,
    end: toml::value::Datetime,
    foreign_planned: u64,
    status: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Planted {
    /// The check the case is planted for (documentation; the run finds it by itself).
    #[serde(rename = "flag")]
    _flag: String,
    employer_id: String,
    region: String,
    oked: String,
    occupation: String,
    category: String,
    workers: u64,
    employer_staff: u64,
    citizen_staff: u64,
    wage_factor: f64,
    posting: Option<i64>,
    posting_id: Option<String>,
    #[serde(default)]
    citizen_applicants: u64,
    project_id: Option<String>,
    prior_quota: Option<u64>,
    prior_used: Option<u64>,
    director_id: Option<String>,
    address_id: Option<String>,
}

/// One line as written.
struct Line {
    request_id: String,
    employer_id: String,
    region: Region,
    oked: String,
    occupation: String,
    category: String,
    workers: u64,
    employer_staff: u64,
    citizen_staff: u64,
    wage: f64,
    posting: Option<(String, NaiveDate)>,
    applicants: u64,
    submitted: NaiveDate,
    project: Option<String>,
    prior: Option<(u64, u64)>,
    director: Option<String>,
    address: Option<String>,
}

const HEADER: &str = "request_id,employer_id,region,oked,occupation,category,workers,employer_staff,citizen_staff,wage_kzt,posting_id,posting_date,citizen_applicants,submitted,project_id,prior_quota,prior_used,director_id,address_id,evidence\n";

fn bad(path: &Path, m: impl Into<Msg>) -> Error {
    Error::input(Location::file(path), m.into())
}

fn toml_date(path: &Path, d: &toml::value::Datetime) -> Result<NaiveDate> {
    crate::params::toml_date(d).ok_or_else(|| bad(path, Msg::new("err-not-date").arg("value", d)))
}

/// Writes `requests_<year>.csv` for every configured year and `projects.csv` into `out_dir`,
/// from the built panel in `panel_dir`. Returns the files written.
pub fn generate(config: &Path, panel_dir: &Path, out_dir: &Path) -> Result<Vec<PathBuf>> {
    let text = crate::ingest::read_text(config)?;
    let c: Config = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].lines().count().max(1));
        Error::input(Location { file: config.to_path_buf(), row: line, column: None }, e.message().to_string())
    })?;
    let base = config.parent().unwrap_or(Path::new("."));
    let params = Params::load(&base.join(&c.params))?;
    let wages = OccupationWages::load(&base.join(&c.wages), c.wages_year)?;
    let (panel, _) = Panel::load(panel_dir)?;
    let mut set = crate::export::OutputSet::new(out_dir)?;
    let mut written = Vec::new();
    let mut projects = String::from("project_id,region,oked,start,end,foreign_planned,status,evidence\n");
    for p in &c.projects {
        writeln!(
            projects,
            "{},{},{},{},{},{},{},synthetic",
            p.project_id,
            p.region,
            p.oked,
            toml_date(config, &p.start)?,
            toml_date(config, &p.end)?,
            p.foreign_planned,
            p.status
        )
        .expect("write to string");
    }
    set.write_bytes("projects.csv", projects.as_bytes())?;
    written.push(out_dir.join("projects.csv"));
    for &year in &c.years {
        let csv = year_table(&c, config, &params, &wages, &panel, year)?;
        let name = format!("requests_{year}.csv");
        set.write_bytes(&name, csv.as_bytes())?;
        written.push(out_dir.join(name));
    }
    set.commit()?;
    Ok(written)
}

/// Weights of categories 1-4 over the region x section cells: the section stock spread over
/// regions by employment, fitted to the published regional shares.
fn cell_weights(c: &Config, config: &Path, panel: &Panel, year: i32) -> Result<BTreeMap<(Region, OkedSection), f64>> {
    let emp = |r: Region, s: OkedSection| panel.cells.get(&(r, s, year)).map_or(0.0, |x| x.employed as f64);
    let national = |s: OkedSection| Region::all().map(|r| emp(r, s)).sum::<f64>();
    let mut target: BTreeMap<OkedSection, f64> = BTreeMap::new();
    let mut other = 0.0;
    let mut excluded: Vec<OkedSection> = Vec::new();
    for (k, v) in &c.section_stock.listed {
        match (k.as_str(), v) {
            ("other", v) => other = v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap_or(0.0),
            ("other_excluded", toml::Value::Array(a)) => {
                for x in a {
                    let s = x.as_str().unwrap_or_default().parse::<OkedSection>().map_err(|e| bad(config, e))?;
                    excluded.push(s);
                }
            }
            (s, v) => {
                let sec = s.parse::<OkedSection>().map_err(|e| bad(config, e))?;
                let n = v
                    .as_integer()
                    .ok_or_else(|| bad(config, Msg::new("dr-not-count").arg("key", format!("section_stock.{s}"))))?;
                target.insert(sec, n as f64);
            }
        }
    }
    let others: Vec<OkedSection> =
        panel.sections.iter().copied().filter(|s| !excluded.contains(s) && !target.contains_key(s)).collect();
    let others_emp: f64 = others.iter().map(|s| national(*s)).sum();
    for s in others {
        target.insert(s, other * national(s) / others_emp);
    }
    let total: f64 = target.values().sum();
    // Seed: employment scaled so each section's national total is its target.
    let mut w: BTreeMap<(Region, OkedSection), f64> = BTreeMap::new();
    for (&s, &t) in &target {
        let n = national(s);
        for r in Region::all() {
            if n > 0.0 {
                w.insert((r, s), emp(r, s) * t / n);
            }
        }
    }
    // Region targets: the published shares, the rest by the seed.
    let mut fixed: BTreeMap<Region, f64> = BTreeMap::new();
    for (k, v) in &c.region_share {
        let r = Region::from_iso(k).ok_or_else(|| bad(config, Msg::new("prm-not-region-code").arg("value", k)))?;
        fixed.insert(r, v * total);
    }
    let row = |w: &BTreeMap<(Region, OkedSection), f64>, r: Region| -> f64 {
        w.iter().filter(|(k, _)| k.0 == r).map(|(_, v)| v).sum()
    };
    let free_total = total - fixed.values().sum::<f64>();
    let free_seed: f64 = Region::all().filter(|r| !fixed.contains_key(r)).map(|r| row(&w, r)).sum();
    let region_target: BTreeMap<Region, f64> = Region::all()
        .map(|r| (r, fixed.get(&r).copied().unwrap_or_else(|| row(&w, r) * free_total / free_seed)))
        .collect();
    // Iterative proportional fitting to both margins.
    for _ in 0..200 {
        for r in Region::all() {
            let s = row(&w, r);
            if s > 0.0 {
                let f = region_target[&r] / s;
                for ((rr, _), v) in w.iter_mut() {
                    if *rr == r {
                        *v *= f;
                    }
                }
            }
        }
        for (&s, &t) in &target {
            let col: f64 = w.iter().filter(|(k, _)| k.1 == s).map(|(_, v)| v).sum();
            if col > 0.0 {
                for ((_, ss), v) in w.iter_mut() {
                    if *ss == s {
                        *v *= t / col;
                    }
                }
            }
        }
    }
    Ok(w)
}

/// Apportions `n` over weighted keys by Hamilton (whole persons, totals exact).
fn spread<K: Copy + Ord>(n: u64, w: &BTreeMap<K, f64>) -> Result<Vec<(K, u64)>> {
    let keys: Vec<K> = w.keys().copied().collect();
    let ws: Vec<u64> = w.values().map(|v| (v * 1e6).round().max(0.0) as u64).collect();
    let o = apportion_counts("the demonstration requests", n, &ws, Method::Hamilton, None)?;
    Ok(keys.into_iter().zip(o.seats).filter(|(_, s)| *s > 0).collect())
}

fn pick<'a>(s: &mut Stream, v: &'a [String]) -> &'a str {
    &v[((s.uniform() * v.len() as f64) as usize).min(v.len() - 1)]
}

fn between(s: &mut Stream, r: [f64; 2]) -> f64 {
    r[0] + (r[1] - r[0]) * s.uniform()
}

/// The panel's national wage of `py` over the occupation wages' year: what scales those wages.
fn wage_scale(config: &Path, panel: &Panel, wages: &OccupationWages, py: i32) -> Result<f64> {
    panel
        .wage_ratio(py, wages.year)
        .ok_or_else(|| bad(config, Msg::new("run-wage-scale").arg("year", wages.year).arg("filed", py)))
}

fn year_table(
    c: &Config,
    config: &Path,
    params: &Params,
    wages: &OccupationWages,
    panel: &Panel,
    year: i32,
) -> Result<String> {
    let filed = year - 1;
    let py = filed.min(panel.last_year());
    let order = params.table("foreign_labour.order_by_category", year_end(year))?.value;
    let lc = params.table("foreign_labour.local_content_min_citizen_share", year_end(year))?.value;
    let scale = wage_scale(config, panel, wages, py)?;
    let weights = cell_weights(c, config, panel, py)?;
    let mut stream = Stream::new(c.seed, year as u64);
    let s = &mut stream;
    let mut lines: Vec<Line> = Vec::new();
    let mut employer_seq = 0u64;
    let mut posting_seq = 0u64;
    let projects = current_projects(c, config)?;
    let seasonal_sections = params.sections("foreign_labour.seasonal_sections", year_end(year))?.value;
    let cells = requested_cells(c, &order, &weights, panel, py, &seasonal_sections)?;
    let day0 = NaiveDate::from_ymd_opt(filed, c.filing_start[0], c.filing_start[1])
        .ok_or_else(|| bad(config, Msg::new("dr-month-day").arg("key", "filing_start")))?;
    let ict_max = params.number("foreign_labour.ict_max_share_of_citizen_staff", year_end(year))?.value;
    // Lines, cell by cell; an employer files up to `lines_per_employer` lines in its cell.
    let mut current: Option<((Region, OkedSection), String, u32)> = None;
    for ((r, sec), cat, n) in cells {
        let mean = c.mean_line.get(cat).copied().unwrap_or(2.0).max(1.0);
        let mut left = n;
        while left > 0 {
            let size = if mean > 1.0 {
                let p = 1.0 / mean;
                1 + (s.uniform().ln() / (1.0 - p).ln()).floor() as u64
            } else {
                1
            };
            let workers = size.min(left);
            left -= workers;
            let new_employer = match &current {
                Some((cell, _, k)) => *cell != (r, sec) || *k > (s.uniform() * c.lines_per_employer as f64) as u32,
                None => true,
            };
            if new_employer {
                employer_seq += 1;
                current = Some(((r, sec), format!("E-{employer_seq:06}"), 0));
            }
            let (_, employer, k) = current.as_mut().expect("employer");
            *k += 1;
            let employer = employer.clone();
            let occupations = c
                .occupations
                .get(cat)
                .ok_or_else(|| bad(config, Msg::new("dr-no-occupations").arg("category", cat)))?;
            let occupation = pick(s, occupations).to_string();
            let need = match cat {
                "ict" => 1.0 / ict_max,
                "seasonal" => c.seasonal_citizens_per_worker,
                k => {
                    let m = lc.get(k).copied().unwrap_or(0.9);
                    m / (1.0 - m)
                }
            };
            let mut citizens = (workers as f64 * need * between(s, c.citizen_staff_factor)).ceil();
            if cat != "seasonal" && cat != "ict" && s.uniform() < c.share_over_local_content {
                citizens = (citizens * between(s, c.under_local_content_factor)).floor();
            }
            let major = (occupation.as_bytes()[0] - b'0') as usize;
            let mut wage = wages.wage(r, major) * scale * between(s, c.wage_factor);
            if s.uniform() < c.share_low_wage {
                wage *= between(s, c.low_wage_factor);
            }
            let submitted = day0 + Duration::days((s.uniform() * c.filing_days as f64) as i64);
            let u = s.uniform();
            let posting = if u < c.share_without_posting {
                None
            } else {
                let days = if u < c.share_without_posting + c.share_late_posting {
                    (s.uniform() * c.late_posting_days as f64) as i64
                } else {
                    c.posting_days[0] + (s.uniform() * (c.posting_days[1] - c.posting_days[0]) as f64) as i64
                };
                posting_seq += 1;
                Some((format!("V-{filed}-{posting_seq:06}"), submitted - Duration::days(days)))
            };
            let applicants = if cat != "ict" && s.uniform() < c.share_with_citizen_applicants {
                (s.uniform() * workers as f64) as u64
            } else {
                0
            };
            let project = projects
                .iter()
                .find(|(_, pr, ps)| *pr == r && *ps == sec)
                .filter(|_| s.uniform() < c.share_citing_project)
                .map(|(id, _, _)| id.clone());
            lines.push(Line {
                request_id: format!("R-{year}-{:06}", lines.len() + 1),
                employer_id: employer,
                region: r,
                oked: sec.code().to_string(),
                occupation,
                category: cat.to_string(),
                workers,
                employer_staff: 0,
                citizen_staff: citizens as u64,
                wage: wage.round(),
                posting,
                applicants,
                submitted,
                project,
                prior: None,
                director: None,
                address: None,
            });
        }
    }
    employer_figures(&mut lines, c, s);
    planted(c, config, wages, scale, year, &mut lines)?;
    let mut out = String::from(HEADER);
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    for l in &lines {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},synthetic",
            l.request_id,
            l.employer_id,
            l.region.iso(),
            l.oked,
            l.occupation,
            l.category,
            l.workers,
            l.employer_staff,
            l.citizen_staff,
            l.wage as i64,
            l.posting.as_ref().map(|p| p.0.clone()).unwrap_or_default(),
            l.posting.as_ref().map(|p| p.1.to_string()).unwrap_or_default(),
            l.applicants,
            l.submitted,
            o(&l.project),
            l.prior.map(|p| p.0.to_string()).unwrap_or_default(),
            l.prior.map(|p| p.1.to_string()).unwrap_or_default(),
            o(&l.director),
            o(&l.address),
        )
        .expect("write to string");
    }
    debug_assert!(lines.iter().all(|l| l.submitted.year() == filed));
    Ok(out)
}

/// Employer-level figures: staff and last year's quota.
fn employer_figures(lines: &mut [Line], c: &Config, s: &mut Stream) {
    let mut by_employer: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        by_employer.entry(l.employer_id.clone()).or_default().push(i);
    }
    for idx in by_employer.values() {
        let citizens: u64 = idx.iter().map(|&i| lines[i].citizen_staff).sum();
        let asked: u64 = idx.iter().map(|&i| lines[i].workers).sum();
        let staff = ((citizens + asked) as f64 * between(s, c.staff_factor)).ceil() as u64;
        let prior = if s.uniform() < c.share_with_prior_quota {
            let q = ((asked as f64) * between(s, c.prior_quota_factor)).round().max(1.0) as u64;
            let used = ((q as f64) * between(s, c.prior_used_share)).round() as u64;
            Some((q, used.min(q)))
        } else {
            None
        };
        for &i in idx {
            lines[i].employer_staff = staff;
            lines[i].prior = prior;
        }
    }
}

/// The planted grey-scheme cases, filed on 15 September.
fn planted(
    c: &Config,
    config: &Path,
    wages: &OccupationWages,
    scale: f64,
    year: i32,
    lines: &mut Vec<Line>,
) -> Result<()> {
    let filed = year - 1;
    for (k, p) in c.planted.iter().enumerate() {
        let region = Region::from_iso(&p.region)
            .ok_or_else(|| bad(config, Msg::new("prm-not-region-code").arg("value", &p.region)))?;
        let major = (p.occupation.as_bytes()[0] - b'0') as usize;
        let submitted = NaiveDate::from_ymd_opt(filed, c.planted_filing[0], c.planted_filing[1])
            .ok_or_else(|| bad(config, Msg::new("dr-month-day").arg("key", "planted_filing")))?;
        let posting = p.posting.map(|d| {
            let id = p.posting_id.clone().unwrap_or_else(|| format!("V-{filed}-G{:02}", k + 1));
            (id, submitted - Duration::days(d))
        });
        lines.push(Line {
            request_id: format!("R-{year}-G{:02}", k + 1),
            employer_id: p.employer_id.clone(),
            region,
            oked: p.oked.clone(),
            occupation: p.occupation.clone(),
            category: p.category.clone(),
            workers: p.workers,
            employer_staff: p.employer_staff,
            citizen_staff: p.citizen_staff,
            wage: (wages.wage(region, major) * scale * p.wage_factor).round(),
            posting,
            applicants: p.citizen_applicants,
            submitted,
            project: p.project_id.clone(),
            prior: p.prior_quota.zip(p.prior_used),
            director: p.director_id.clone(),
            address: p.address_id.clone(),
        });
    }
    Ok(())
}

/// Workers asked for per cell and category: categories 1-4 and ICT over the fitted cell weights,
/// seasonal over regions by farm employment (Hamilton; totals exact).
#[allow(clippy::type_complexity)]
fn requested_cells<'a>(
    c: &'a Config,
    order: &BTreeMap<String, f64>,
    weights: &BTreeMap<(Region, OkedSection), f64>,
    panel: &Panel,
    py: i32,
    seasonal_sections: &[OkedSection],
) -> Result<Vec<((Region, OkedSection), &'a str, u64)>> {
    // Seasonal requests over the cells of the seasonal sections, by their employment.
    let mut seasonal_w: BTreeMap<(Region, OkedSection), f64> = BTreeMap::new();
    for r in Region::all() {
        for &sec in seasonal_sections {
            seasonal_w.insert((r, sec), panel.cells.get(&(r, sec, py)).map_or(0.0, |x| x.employed as f64));
        }
    }
    let mut cells: Vec<((Region, OkedSection), &str, u64)> = Vec::new();
    let mut total14 = 0u64;
    for cat in ["1", "2", "3", "4"] {
        let n = (order.get(cat).copied().unwrap_or(0.0) * c.oversubscription.get(cat).copied().unwrap_or(1.0)).round()
            as u64;
        total14 += n;
        for (k, m) in spread(n, weights)? {
            cells.push((k, cat, m));
        }
    }
    let ict = (total14 as f64 * c.ict_share).round() as u64;
    for (k, m) in spread(ict, weights)? {
        cells.push((k, "ict", m));
    }
    let ns = (order.get("seasonal").copied().unwrap_or(0.0)
        * c.oversubscription.get("seasonal").copied().unwrap_or(1.0))
    .round() as u64;
    for (k, m) in spread(ns, &seasonal_w)? {
        cells.push((k, "seasonal", m));
    }
    cells.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(y.1)));
    Ok(cells)
}

/// The projects requests may cite: those not finished.
fn current_projects(c: &Config, config: &Path) -> Result<Vec<(String, Region, OkedSection)>> {
    c.projects
        .iter()
        .filter(|p| p.status != "finished")
        .map(|p| {
            let r = Region::from_iso(&p.region)
                .ok_or_else(|| bad(config, Msg::new("prm-not-region-code").arg("value", &p.region)))?;
            let sec = parse_oked(&p.oked).map_err(|e| bad(config, e))?;
            Ok((p.project_id.clone(), r, sec))
        })
        .collect::<Result<_>>()
}
