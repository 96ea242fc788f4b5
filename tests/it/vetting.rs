//! Employers' request lines: every vetting rule and every integrity flag, each with a request
//! that trips it and one that does not; the quota is the sum of approved requests under the
//! ceiling and an exact apportionment of it over the ceiling; the reader refuses bad tables.

use std::collections::BTreeMap;
use std::fs;

use chrono::NaiveDate;
use kvota::allocate::foreign::{self, CellDemand};
use kvota::allocate::vetting::{self, Decision, Vetting, VettingContext, VettingRules};
use kvota::codes::{OkedSection, Region, WorkerCategory};
use kvota::evidence::Evidence;
use kvota::ingest::request_lines::{OccupationWages, Project, ProjectStatus, RequestLine, RequestLines};
use kvota::ingest::requests::RequestCategory;
use kvota::params::Params;
use kvota::shortage::Rating;

use crate::support::repo;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn sec(c: char) -> OkedSection {
    OkedSection::from_letter(c).unwrap()
}

fn rules() -> VettingRules {
    let params = Params::load(&repo().join("data/params")).unwrap();
    VettingRules::from_params(&params, d("2026-12-31")).unwrap()
}

/// A request that passes every rule: 5 specialists in Atyrau construction at twice the
/// regional wage, posted 60 days before, with 100 citizens in the category.
fn line(id: &str, employer: &str) -> RequestLine {
    RequestLine {
        row: 2,
        request_id: id.into(),
        employer_id: employer.into(),
        region: Region::from_iso("KZ-23").unwrap(),
        section: sec('F'),
        occupation: "2142".into(),
        category: RequestCategory::Worker(WorkerCategory::Cat3),
        workers: 5,
        employer_staff: 400,
        citizen_staff: 100,
        wage_kzt: 600_000.0,
        posting_id: Some(format!("V-{id}")),
        posting_date: Some(d("2025-07-01")),
        citizen_applicants: 0,
        submitted: d("2025-08-30"),
        project_id: None,
        prior_quota: None,
        prior_used: None,
        director_id: None,
        address_id: None,
        evidence: Evidence::Ingested,
    }
}

/// Wages of 300,000 tenge in every group and region (a floor the base line clears).
fn wages() -> OccupationWages {
    OccupationWages { path: "w.csv".into(), year: 2022, national: [300_000.0; 10], regions: BTreeMap::new() }
}

struct World {
    ratings: BTreeMap<(Region, OkedSection), Rating>,
    wages: OccupationWages,
    projects: Vec<Project>,
}

impl World {
    fn new() -> World {
        let mut ratings = BTreeMap::new();
        for r in Region::all() {
            for s in OkedSection::all() {
                ratings.insert((r, s), Rating::Balanced);
            }
        }
        let projects = vec![
            Project {
                project_id: "P-ACTIVE".into(),
                region: Region::from_iso("KZ-23").unwrap(),
                section: sec('F'),
                start: d("2024-01-01"),
                end: d("2028-12-31"),
                foreign_planned: 100,
                status: ProjectStatus::Active,
            },
            Project {
                project_id: "P-DONE".into(),
                region: Region::from_iso("KZ-23").unwrap(),
                section: sec('F'),
                start: d("2019-01-01"),
                end: d("2023-12-31"),
                foreign_planned: 100,
                status: ProjectStatus::Finished,
            },
        ];
        World { ratings, wages: wages(), projects }
    }

    fn ctx(&self) -> VettingContext<'_> {
        VettingContext {
            ratings: &self.ratings,
            wages: &self.wages,
            wage_scale: 1.0,
            projects: Some(&self.projects),
            target_year: 2026,
        }
    }

    fn vet(&self, lines: &[RequestLine]) -> Vetting {
        vetting::vet(lines, &rules(), &self.ctx()).unwrap()
    }
}

fn one(w: &World, l: RequestLine) -> vetting::VettedRequest {
    w.vet(&[l]).requests.remove(0)
}

fn flagged(v: &vetting::VettedRequest, flag: &str) -> bool {
    v.flags.contains(&flag)
}

#[test]
fn a_clean_request_passes_every_rule() {
    let v = one(&World::new(), line("R1", "E1"));
    assert_eq!(v.justified, 5);
    assert!(v.rules.is_empty(), "{:?}", v.rules);
    assert!(v.flags.is_empty(), "{:?}", v.flags);
}

#[test]
fn oversized_request() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.workers = 30;
    l.employer_staff = 50;
    l.citizen_staff = 45;
    let v = one(&w, l.clone());
    assert!(flagged(&v, "oversized_request"));
    l.employer_staff = 61;
    l.citizen_staff = 60;
    assert!(!flagged(&one(&w, l), "oversized_request"), "30 workers on 61 staff is under half");
}

#[test]
fn labour_market_test_and_its_flags() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.posting_id = None;
    l.posting_date = None;
    let v = one(&w, l);
    assert_eq!(v.justified, 0);
    assert!(flagged(&v, "no_labour_market_test"));
    assert_eq!(v.rules, ["labour_market_test"]);

    let mut l = line("R2", "E1");
    l.posting_date = Some(d("2025-09-02"));
    let v = one(&w, l);
    assert!(flagged(&v, "posting_after_request") && v.justified == 0, "posted after the request");
    let mut l = line("R3", "E1");
    l.posting_date = Some(d("2025-08-20"));
    let v = one(&w, l);
    assert!(flagged(&v, "posting_after_request"), "10 days is shorter than the test period");
    let mut l = line("R4", "E1");
    l.posting_date = Some(d("2025-07-31"));
    let v = one(&w, l);
    assert!(!flagged(&v, "posting_after_request") && v.justified == 5, "30 days meets the test: {:?}", v.rules);
}

#[test]
fn citizens_available() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.citizen_applicants = 5;
    let v = one(&w, l.clone());
    assert!(flagged(&v, "citizens_available"));
    assert_eq!(v.justified, 0);
    l.citizen_applicants = 2;
    let v = one(&w, l);
    assert!(!flagged(&v, "citizens_available"));
    assert_eq!(v.justified, 3, "two suitable citizens are deducted");
    assert_eq!(v.rules, ["citizens_available"]);
}

#[test]
fn wage_floor() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.wage_kzt = 299_999.0;
    let v = one(&w, l.clone());
    assert!(flagged(&v, "wage_below_median") && v.justified == 0);
    assert_eq!(v.rules, ["wage_floor"]);
    l.wage_kzt = 300_000.0;
    assert!(!flagged(&one(&w, l), "wage_below_median"), "at the regional average the wage passes");
    // The minimum wage is a floor of its own.
    let mut low = World::new();
    low.wages = OccupationWages { national: [50_000.0; 10], ..wages() };
    let mut l = line("R2", "E1");
    l.wage_kzt = 80_000.0;
    assert!(flagged(&one(&low, l.clone()), "wage_below_median"), "below the minimum wage of 85,000");
    l.wage_kzt = 85_000.0;
    assert!(!flagged(&one(&low, l), "wage_below_median"));
}

#[test]
fn category_follows_the_occupation() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.category = RequestCategory::Worker(WorkerCategory::Cat4);
    let v = one(&w, l);
    assert!(flagged(&v, "category_occupation_mismatch"));
    assert_eq!(v.category, RequestCategory::Worker(WorkerCategory::Cat3), "a civil engineer counts as a specialist");
    assert_eq!(v.justified, 5);
    let mut l = line("R2", "E1");
    l.occupation = "9313".into();
    l.category = RequestCategory::Worker(WorkerCategory::Cat4);
    let v = one(&w, l);
    assert!(flagged(&v, "category_occupation_mismatch"));
    assert_eq!(v.justified, 0, "elementary work is not admitted in categories 1-4");
    assert!(!flagged(&one(&w, line("R3", "E1")), "category_occupation_mismatch"));
}

#[test]
fn local_content() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.workers = 20;
    l.citizen_staff = 90; // 90 citizens allow 10 specialists at >= 90 %
    let v = one(&w, l.clone());
    assert!(flagged(&v, "local_content"));
    assert_eq!(v.justified, 10);
    assert_eq!(v.rules, ["local_content"]);
    l.citizen_staff = 180;
    let v = one(&w, l);
    assert!(!flagged(&v, "local_content"));
    assert_eq!(v.justified, 20);
}

#[test]
fn ict_is_outside_the_quota_within_half_the_citizen_staff() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.category = RequestCategory::Ict;
    l.workers = 10;
    l.citizen_staff = 12;
    l.posting_id = None;
    l.posting_date = None;
    let mut v = w.vet(&[l]);
    v.share_quota(&[]).unwrap();
    let r = &v.requests[0];
    assert_eq!((r.justified, r.quota, r.decision), (6, 0, Decision::OutsideQuota));
    assert_eq!(r.rules, ["ict_limit"]);
    assert!(!flagged(r, "no_labour_market_test"), "ICT needs no labour-market test");
}

#[test]
fn shared_posting_across_employers_only() {
    let w = World::new();
    let a = line("R1", "E1");
    let mut b = line("R2", "E2");
    b.posting_id = a.posting_id.clone();
    let v = w.vet(&[a.clone(), b]);
    assert!(v.requests.iter().all(|r| flagged(r, "shared_posting")));
    let mut c = line("R3", "E1");
    c.posting_id = a.posting_id.clone();
    let v = w.vet(&[a, c]);
    assert!(v.requests.iter().all(|r| !flagged(r, "shared_posting")), "one employer may cite its posting twice");
}

#[test]
fn linked_employers() {
    let w = World::new();
    let mut a = line("R1", "E1");
    let mut b = line("R2", "E2");
    a.director_id = Some("D-1".into());
    b.director_id = Some("D-1".into());
    b.occupation = "2144".into(); // same major group 2
    let v = w.vet(&[a.clone(), b.clone()]);
    assert!(v.requests.iter().all(|r| flagged(r, "linked_employers")));
    let flags: Vec<_> = v.employer_flags.iter().filter(|f| f.flag == "linked_employers").collect();
    assert_eq!(flags.len(), 2);
    assert!(flags[0].evidence.contains("E1, E2"), "{}", flags[0].evidence);
    // Through an address as well, transitively: E1 -D- E2 -A- E3.
    let mut c = line("R3", "E3");
    b.address_id = Some("A-1".into());
    c.address_id = Some("A-1".into());
    let v = w.vet(&[a.clone(), b.clone(), c]);
    assert!(v.requests.iter().all(|r| flagged(r, "linked_employers")));
    // Another region: not the same filing.
    b.region = Region::from_iso("KZ-75").unwrap();
    let v = w.vet(&[a, b]);
    assert!(v.requests.iter().all(|r| !flagged(r, "linked_employers")));
}

#[test]
fn low_prior_use() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.prior_quota = Some(40);
    l.prior_used = Some(4);
    assert!(flagged(&one(&w, l.clone()), "low_prior_use"));
    l.prior_used = Some(30);
    assert!(!flagged(&one(&w, l), "low_prior_use"));
}

#[test]
fn seasonal_only_in_agriculture() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.category = RequestCategory::Worker(WorkerCategory::Seasonal);
    l.occupation = "9211".into();
    l.wage_kzt = 400_000.0;
    let v = one(&w, l.clone());
    assert!(flagged(&v, "seasonal_outside_agriculture"));
    assert_eq!(v.justified, 0);
    l.section = sec('A');
    let v = one(&w, l);
    assert!(!flagged(&v, "seasonal_outside_agriculture"));
    assert_eq!(v.justified, 5);
}

#[test]
fn surplus_cell_with_the_project_exception() {
    let mut w = World::new();
    w.ratings.insert((Region::from_iso("KZ-23").unwrap(), sec('F')), Rating::Surplus);
    let v = one(&w, line("R1", "E1"));
    assert!(flagged(&v, "surplus_cell") && v.justified == 0);
    let mut l = line("R2", "E1");
    l.project_id = Some("P-ACTIVE".into());
    let v = one(&w, l);
    assert!(!flagged(&v, "surplus_cell") && v.justified == 5, "a current project is the exception");
    let mut l = line("R3", "E1");
    l.project_id = Some("P-DONE".into());
    let v = one(&w, l);
    assert!(flagged(&v, "surplus_cell") && flagged(&v, "unknown_project"), "a finished project is no exception");
    let w = World::new();
    assert!(!flagged(&one(&w, line("R4", "E1")), "surplus_cell"), "a balanced cell is not refused");
}

#[test]
fn unknown_project() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.project_id = Some("P-NOWHERE".into());
    let v = one(&w, l.clone());
    assert!(flagged(&v, "unknown_project"));
    assert_eq!(v.justified, 5, "the flag alone does not reject");
    l.project_id = Some("P-ACTIVE".into());
    assert!(!flagged(&one(&w, l), "unknown_project"));
}

#[test]
fn closed_sections_and_occupations() {
    let w = World::new();
    let mut l = line("R1", "E1");
    l.section = sec('O');
    let v = one(&w, l);
    assert_eq!((v.justified, v.rules.clone()), (0, vec!["closed_section"]));
    let mut l = line("R2", "E1");
    l.occupation = "1111".into();
    l.category = RequestCategory::Worker(WorkerCategory::Cat1);
    let v = one(&w, l);
    assert_eq!((v.justified, v.rules.clone()), (0, vec!["closed_occupation"]));
    let mut l = line("R3", "E1");
    l.occupation = "1120".into();
    l.category = RequestCategory::Worker(WorkerCategory::Cat1);
    let v = one(&w, l);
    assert_eq!(v.justified, 5, "managing directors are not senior officials: {:?}", v.rules);
}

#[test]
fn seasonal_limit_is_shared_exactly() {
    let w = World::new();
    let limit = rules().seasonal_limit.unwrap();
    let lines: Vec<RequestLine> = (0..3)
        .map(|i| {
            let mut l = line(&format!("S{i}"), &format!("F{i}"));
            l.section = sec('A');
            l.category = RequestCategory::Worker(WorkerCategory::Seasonal);
            l.occupation = "9211".into();
            l.workers = [3000, 2000, 1001][i];
            l.citizen_staff = 10_000;
            l.employer_staff = 20_000;
            l
        })
        .collect();
    let v = w.vet(&lines);
    let got: Vec<u64> = v.requests.iter().map(|r| r.justified).collect();
    assert_eq!(got.iter().sum::<u64>(), limit);
    // Hamilton: each within one of its exact share.
    for (g, l) in got.iter().zip(&lines) {
        let exact = limit as f64 * l.workers as f64 / 6001.0;
        assert!((*g as f64 - exact).abs() < 1.0, "{g} vs {exact}");
    }
    assert!(v.requests.iter().all(|r| r.rules == ["seasonal_limit"]));
}

/// Demand cells for the allocation: every cell balanced, not in shortage.
fn cells() -> Vec<CellDemand> {
    let mut v = Vec::new();
    for r in Region::all() {
        for s in OkedSection::all() {
            v.push(CellDemand { region: r, section: s, gap: 0, in_shortage: false, severity: 0.0, employed: 10_000.0 });
        }
    }
    v
}

fn allocate(v: &mut Vetting, labour_force: u64) -> (Vec<foreign::QuotaCell>, foreign::ForeignSummary) {
    let params = Params::load(&repo().join("data/params")).unwrap();
    let choices =
        kvota::config::Config::load(&repo().join("scenarios/baseline.toml"), &Default::default()).unwrap().foreign;
    let (s, _) = foreign::ForeignSettings::from_params(&params, d("2026-12-31"), labour_force, &choices).unwrap();
    let req = v.justified_by_cell(std::path::Path::new("r.csv"));
    let out = foreign::allocate(&cells(), Some(&req), &s).unwrap();
    v.share_quota(&out.0).unwrap();
    out
}

fn many() -> Vec<RequestLine> {
    let regions = ["KZ-23", "KZ-75", "KZ-47", "KZ-71"];
    (0..40)
        .map(|i| {
            let mut l = line(&format!("R{i}"), &format!("E{}", i % 13));
            l.region = Region::from_iso(regions[i % 4]).unwrap();
            l.section = sec(['F', 'B', 'C'][i % 3]);
            l.occupation = ["2142", "7212", "1321"][i % 3].into();
            l.category =
                RequestCategory::Worker([WorkerCategory::Cat3, WorkerCategory::Cat4, WorkerCategory::Cat2][i % 3]);
            l.workers = 7 + (i as u64 * 37) % 60;
            l.citizen_staff = 5_000;
            l.employer_staff = 9_000;
            l
        })
        .collect()
}

fn sums(v: &Vetting) -> BTreeMap<(Region, WorkerCategory), u64> {
    let mut m = BTreeMap::new();
    for r in &v.requests {
        if let RequestCategory::Worker(c) = r.category {
            *m.entry((r.region, c)).or_default() += r.quota;
        }
    }
    m
}

fn by_region_category(rows: &[foreign::QuotaCell]) -> BTreeMap<(Region, WorkerCategory), u64> {
    let mut m = BTreeMap::new();
    for r in rows {
        if r.quota > 0 {
            *m.entry((r.region, r.category)).or_default() += r.quota;
        }
    }
    m
}

#[test]
fn under_the_ceiling_the_quota_is_the_sum_of_approved_requests() {
    let w = World::new();
    let mut v = w.vet(&many());
    let (rows, sum) = allocate(&mut v, 10_000_000);
    assert!(v.requests.iter().all(|r| r.decision == Decision::Approved && r.quota == r.workers));
    let approved: u64 = v.requests.iter().map(|r| r.workers).sum();
    assert_eq!(sum.distributed, approved);
    assert_eq!(by_region_category(&rows), sums(&v));
}

#[test]
fn over_the_ceiling_the_quota_is_an_exact_apportionment() {
    let w = World::new();
    let mut v = w.vet(&many());
    let justified: u64 = v.requests.iter().map(|r| r.justified).sum();
    // A labour force whose 0.25 % ceiling, less the reserve, is well below the requests.
    let (rows, sum) = allocate(&mut v, 400_000);
    assert!(justified > sum.distributable, "{justified} <= {}", sum.distributable);
    assert_eq!(sum.distributed, sum.distributable);
    assert_eq!(v.requests.iter().map(|r| r.quota).sum::<u64>(), sum.distributable);
    assert_eq!(by_region_category(&rows), sums(&v), "the regional quota by category is the sum of its requests");
    // Hamilton over the cells: every cell within one person of its exact share.
    let mut cell: BTreeMap<(Region, OkedSection), (u64, u64)> = BTreeMap::new();
    for r in &v.requests {
        let e = cell.entry((r.region, r.section)).or_default();
        e.0 += r.justified;
        e.1 += r.quota;
    }
    for (k, (j, q)) in cell {
        let exact = sum.distributable as f64 * j as f64 / justified as f64;
        assert!((q as f64 - exact).abs() < 1.0, "{k:?}: {q} vs {exact}");
    }
    assert!(v.requests.iter().any(|r| r.decision == Decision::Reduced && r.rules.contains(&"ceiling")));
}

#[test]
fn the_reader_refuses_bad_tables_naming_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let header = "request_id,employer_id,region,oked,occupation,category,workers,employer_staff,citizen_staff,wage_kzt,posting_id,posting_date,citizen_applicants,submitted\n";
    let good = "R1,E-1,KZ-23,41.20,2142,3,5,400,100,600000,V1,2025-07-01,0,2025-08-30\n";
    let cases = [
        (
            format!("{header}{good}R1,E-2,KZ-23,F,2142,3,5,400,100,600000,V2,2025-07-01,0,2025-08-30\n"),
            "row 3, column `request_id`",
            "duplicate request id",
        ),
        (
            format!("{header}R1,123456789012,KZ-23,F,2142,3,5,400,100,600000,V1,2025-07-01,0,2025-08-30\n"),
            "column `employer_id`",
            "BIN",
        ),
        (
            format!("{header}R1,E-1,KZ-23,04.10,2142,3,5,400,100,600000,V1,2025-07-01,0,2025-08-30\n"),
            "column `oked`",
            "division 4",
        ),
        (
            format!("{header}R1,E-1,KZ-23,F,21420,3,5,400,100,600000,V1,2025-07-01,0,2025-08-30\n"),
            "column `occupation`",
            "ISCO",
        ),
        (
            format!("{header}R1,E-1,KZ-23,F,2142,3,5,40,100,600000,V1,2025-07-01,0,2025-08-30\n"),
            "column `citizen_staff`",
            "staff",
        ),
        (
            format!("{header}R1,E-1,KZ-23,F,2142,3,5,400,100,600000,V1,,0,2025-08-30\n"),
            "column `posting_date`",
            "without its date",
        ),
        (header.replace("employer_id", "employer_name") + good, "column `employer_name`", "pseudonymous"),
        (header.replace("submitted", "submitted,iin") + &good.replace("\n", ",1\n"), "column `iin`", "personal data"),
    ];
    for (i, (text, loc, msg)) in cases.iter().enumerate() {
        let p = dir.path().join(format!("r{i}.csv"));
        fs::write(&p, text).unwrap();
        let e = RequestLines::load(&p).unwrap_err().to_string();
        assert!(e.contains(loc) && e.contains(msg), "case {i}: {e}");
        assert!(!e.contains("123456789012"), "a BIN-like value never appears in a message: {e}");
    }
    let p = dir.path().join("ok.csv");
    fs::write(&p, format!("{header}{good}")).unwrap();
    let r = RequestLines::load(&p).unwrap();
    assert_eq!(r.lines[0].section, sec('F'), "OKED class 41.20 is construction");
}

/// The uncertainty simulation re-rates the cells in every draw; a vetted line in a cell a draw
/// rates surplus is then refused, as the vetting refuses it under the run's ratings (rule 4,
/// with its project exception), and the seasonal limit is shared again over what is left.
/// [`vetting::RatingAlternatives`] must give, under any ratings, what a fresh vetting under
/// those ratings gives.
#[test]
fn requests_under_other_ratings_are_those_a_fresh_vetting_gives() {
    let atyrau_f = (Region::from_iso("KZ-23").unwrap(), sec('F'));
    let akmola_a = (Region::from_iso("KZ-11").unwrap(), sec('A'));
    let limit = rules().seasonal_limit.unwrap();
    let mut lines = vec![line("R1", "E1")];
    let mut l = line("R2", "E2");
    l.project_id = Some("P-ACTIVE".into());
    lines.push(l);
    let mut l = line("R3", "E3");
    l.region = akmola_a.0;
    l.section = akmola_a.1;
    lines.push(l);
    // Seasonal lines in two agricultural cells, together above the limit, so that whether one
    // cell is surplus changes what the other's lines keep.
    for (i, (region, workers)) in
        [(akmola_a.0, limit), (Region::from_iso("KZ-55").unwrap(), limit / 2 + 7)].into_iter().enumerate()
    {
        let mut l = line(&format!("S{i}"), &format!("F{i}"));
        l.region = region;
        l.section = sec('A');
        l.category = RequestCategory::Worker(WorkerCategory::Seasonal);
        l.occupation = "9211".into();
        l.workers = workers;
        l.citizen_staff = 100_000;
        l.employer_staff = 200_000;
        lines.push(l);
    }
    let mut w = World::new();
    w.ratings.insert(akmola_a, Rating::Shortage);
    let path = std::path::Path::new("r.csv");
    let alt = vetting::RatingAlternatives::new(path, &lines, &rules(), &w.ctx());
    let total = |r: &kvota::ingest::requests::EmployerRequests| r.rows.iter().map(|x| x.requested).sum::<u64>();
    let mut seen = Vec::new();
    for surplus in [vec![], vec![atyrau_f], vec![akmola_a], vec![atyrau_f, akmola_a]] {
        let mut ratings = w.ratings.clone();
        for c in &surplus {
            ratings.insert(*c, Rating::Surplus);
        }
        let fresh = World { ratings, ..World::new() }.vet(&lines).justified_by_cell(path);
        let got = alt.justified_by_cell(|r, s| surplus.contains(&(r, s))).unwrap();
        assert_eq!(got.rows, fresh.rows, "surplus cells {surplus:?}");
        assert!(got.vetted);
        seen.push(total(&got));
    }
    // The four ratings give four different totals: Atyrau's line without a project goes with its
    // cell (the project line stays), Akmola's two lines go and the seasonal limit no longer binds.
    assert_eq!(seen[0] - seen[1], 5, "{seen:?}");
    assert!(seen[2] < seen[0] && seen[3] < seen[1], "{seen:?}");
    assert_eq!(seen[0], 5 + 5 + 5 + limit, "the limit binds while both seasonal lines are in: {seen:?}");
    assert_eq!(seen[2], 5 + 5 + limit / 2 + 7, "{seen:?}");
}
