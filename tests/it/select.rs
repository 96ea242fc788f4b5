//! `kvota select` and `kvota contract`: hand-computed cases for both rules files at the edges
//! of bands and gates, ranking and cut-offs, bad rows, personal data, and the ledger.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kvota::rules::Rules;
use kvota::select::{self, Outcome, Quota};

use crate::support::{kvota, parquet_batches, repo, stderr};

const KZ_FIELDS: [&str; 15] = [
    "kz_test_listening",
    "kz_test_reading",
    "age",
    "education",
    "kazakh_level",
    "russian_level",
    "english_level",
    "work_experience_years",
    "study_experience_years",
    "professional_competence",
    "health",
    "relatives_in_kazakhstan",
    "lived_in_kazakhstan",
    "checks_passed",
    "interview_passed",
];

/// A KZ applicant scoring 390: age 35 (120), higher education (180), Kazakh B1 (90), no other
/// points; test passed, checks and interview passed.
fn kz_base() -> BTreeMap<&'static str, String> {
    let v = [
        "0.5", "0.5", "35", "higher", "b1", "none", "none", "0", "0", "none", "limited", "false", "false", "true",
        "true",
    ];
    KZ_FIELDS.iter().copied().zip(v.iter().map(|s| s.to_string())).collect()
}

fn write_applicants(
    dir: &Path,
    name: &str,
    fields: &[&str],
    rows: &[(String, String, BTreeMap<&str, String>)],
) -> PathBuf {
    let mut s = String::from("applicant_id,submitted_at,route,region");
    for f in fields {
        s.push(',');
        s.push_str(f);
    }
    s.push('\n');
    for (id, ts, m) in rows {
        s.push_str(&format!("{id},{ts},kandas,{}", m.get("region").cloned().unwrap_or_else(|| "KZ-55".into())));
        for f in fields {
            s.push(',');
            s.push_str(m.get(f).map(String::as_str).unwrap_or(""));
        }
        s.push('\n');
    }
    let p = dir.join(name);
    fs::write(&p, s).unwrap();
    p
}

fn kz_rules() -> Rules {
    Rules::load(&repo().join("data/rules/kz_2026_pilot.toml")).unwrap()
}

fn au_rules() -> Rules {
    Rules::load(&repo().join("data/rules/au_points_test.toml")).unwrap()
}

#[test]
fn kz_pilot_hand_computed_cases_at_the_edges() {
    let dir = tempfile::tempdir().unwrap();
    let with = |changes: &[(&'static str, &str)]| {
        let mut m = kz_base();
        for (k, v) in changes {
            m.insert(k, v.to_string());
        }
        m
    };
    let cases: Vec<(&str, BTreeMap<&str, String>, Outcome, Option<f64>)> = vec![
        // 390 < 400: rejected at the questionnaire.
        ("base", with(&[]), Outcome::Rejected, Some(390.0)),
        // + Russian A1 (10) = exactly 400: passes (the pass mark is inclusive).
        ("exactly_400", with(&[("russian_level", "a1")]), Outcome::Eligible, Some(400.0)),
        // Test blocks: exactly 30 % passes, 29.99 % fails (then no score).
        ("test_0.30", with(&[("kz_test_reading", "0.30"), ("health", "fit")]), Outcome::Eligible, Some(440.0)),
        ("test_0.2999", with(&[("kz_test_reading", "0.2999"), ("health", "fit")]), Outcome::Rejected, None),
        // Age bands [18, 30) 150, [30, 40) 120: 30 is in the second band, 29.99 in the first.
        ("age_30", with(&[("age", "30"), ("health", "fit")]), Outcome::Eligible, Some(440.0)),
        ("age_29.99", with(&[("age", "29.99"), ("health", "fit")]), Outcome::Eligible, Some(470.0)),
        // Below 18 and from 60: no age points. 17.9: 0 + 180 + 90 + 50 = 320.
        ("age_17.9", with(&[("age", "17.9"), ("health", "fit")]), Outcome::Rejected, Some(320.0)),
        ("age_60", with(&[("age", "60"), ("health", "fit")]), Outcome::Rejected, Some(320.0)),
        // Languages capped at 250: C1 x 3 = 150 + 60 + 60 = 270 -> 250; 120 + 180 + 250 = 550.
        (
            "languages_cap",
            with(&[("kazakh_level", "c1"), ("russian_level", "c1"), ("english_level", "c1")]),
            Outcome::Eligible,
            Some(550.0),
        ),
        // Experience capped at 150: 10 years work (130) + 4 years study (60) = 190 -> 150.
        (
            "experience_cap",
            with(&[("work_experience_years", "10"), ("study_experience_years", "4")]),
            Outcome::Eligible,
            Some(540.0),
        ),
        // Work band edges: 9.99 years -> 110, 10 -> 130.
        ("work_9.99", with(&[("work_experience_years", "9.99")]), Outcome::Eligible, Some(500.0)),
        // Adaptability 30 + 20 = 50 -> cap 40.
        (
            "adaptability_cap",
            with(&[("relatives_in_kazakhstan", "true"), ("lived_in_kazakhstan", "yes")]),
            Outcome::Eligible,
            Some(430.0),
        ),
        // Checks and interview are gates after the questionnaire.
        ("checks_failed", with(&[("health", "fit"), ("checks_passed", "false")]), Outcome::Rejected, Some(440.0)),
        ("interview_failed", with(&[("health", "fit"), ("interview_passed", "0")]), Outcome::Rejected, Some(440.0)),
    ];
    let rows: Vec<(String, String, BTreeMap<&str, String>)> =
        cases.iter().map(|(id, m, _, _)| (id.to_string(), "2026-03-01T10:00:00Z".to_string(), m.clone())).collect();
    let p = write_applicants(dir.path(), "a.csv", &KZ_FIELDS, &rows);
    let rules = kz_rules();
    let apps = select::read_applicants(&p, &rules).unwrap();
    let d = select::evaluate(&rules, &apps);
    for (k, (id, _, outcome, score)) in cases.iter().enumerate() {
        assert_eq!(d[k].outcome, *outcome, "{id}: {:?}", d[k]);
        assert_eq!(d[k].score, *score, "{id}: {:?}", d[k]);
    }
    let stage = |id: &str| {
        rules.stages[d[cases.iter().position(|c| c.0 == id).unwrap()].stage_reached.unwrap()].id().to_string()
    };
    assert_eq!(stage("test_0.2999"), "kazakh_test");
    assert_eq!(stage("checks_failed"), "checks");
    assert_eq!(stage("interview_failed"), "interview");
    // Why, in each language, with the applicant's own figures (decimal comma in ru and kk).
    let why = |id: &str, lang: kvota::i18n::Lang| {
        d[cases.iter().position(|c| c.0 == id).unwrap()].reason.as_ref().map(|r| r.text(lang.texts()))
    };
    use kvota::i18n::Lang::{En, Kk, Ru};
    assert_eq!(why("base", En).unwrap(), "questionnaire: 390 points, below the pass mark 400");
    assert_eq!(why("base", Ru).unwrap(), "questionnaire: баллов: 390, ниже проходного 400");
    assert_eq!(why("base", Kk).unwrap(), "questionnaire: 390 балл, өту балы 400 мәнінен төмен");
    assert_eq!(why("test_0.2999", En).unwrap(), "kazakh_test: `kz_test_reading` 0.2999 is below the minimum 0.3");
    assert_eq!(why("test_0.2999", Ru).unwrap(), "kazakh_test: `kz_test_reading` 0,2999 ниже минимума 0,3");
    assert_eq!(why("test_0.2999", Kk).unwrap(), "kazakh_test: `kz_test_reading` 0,2999 ең төменгі 0,3 мәнінен төмен");
    assert_eq!(why("checks_failed", Ru).unwrap(), "checks: не пройден");
    assert_eq!(why("exactly_400", En), None);
    // Points per factor are kept: the capped languages group scales 150/60/60 to 250 in all.
    let factors = rules.factor_ids();
    let lang: f64 = d[8]
        .points
        .iter()
        .zip(&factors)
        .filter(|(_, (_, f))| ["kazakh", "russian", "english"].contains(&f.as_str()))
        .map(|(p, _)| *p)
        .sum();
    assert!((lang - 250.0).abs() < 1e-9);
}

#[test]
fn australian_points_test_hand_computed_cases() {
    let dir = tempfile::tempdir().unwrap();
    let fields = [
        "age",
        "english",
        "overseas_employment_years",
        "australian_employment_years",
        "qualification",
        "community_language",
        "professional_year",
        "partner",
    ];
    let row = |v: [&str; 8]| -> BTreeMap<&str, String> {
        fields.iter().copied().zip(v.iter().map(|s| s.to_string())).collect()
    };
    let cases: Vec<(&str, BTreeMap<&str, String>, Outcome, Option<f64>)> = vec![
        // 30 + 10 + 0 + 0 + 15 + 0 + 0 + 10 = 65: exactly the pass mark.
        (
            "pass_65",
            row(["28", "proficient", "0", "0", "bachelor", "false", "false", "single"]),
            Outcome::Eligible,
            Some(65.0),
        ),
        // Same at 33 (band [33, 40) = 25): 60, below 65.
        (
            "age_33",
            row(["33", "proficient", "0", "0", "bachelor", "false", "false", "single"]),
            Outcome::Rejected,
            Some(60.0),
        ),
        // 44.9 still eligible (15 points); 45 fails the age gate.
        (
            "age_44.9",
            row(["44.9", "superior", "8", "0", "doctorate", "true", "true", "single"]),
            Outcome::Eligible,
            Some(90.0),
        ),
        ("age_45", row(["45", "superior", "8", "0", "doctorate", "true", "true", "single"]), Outcome::Rejected, None),
        ("age_17", row(["17", "superior", "8", "0", "doctorate", "true", "true", "single"]), Outcome::Rejected, None),
        // Employment: overseas 8 years (15) + Australian 8 years (20) = 35, capped at 20.
        // 25 + 20 + 20 + 20 + 0 + 0 + 10 = 95.
        (
            "employment_cap",
            row(["24", "superior", "8", "8", "doctorate", "false", "false", "skilled_partner"]),
            Outcome::Eligible,
            Some(95.0),
        ),
        // Band edges: 3 years overseas = 5, 2.99 = 0; Australian 1 year = 5.
        (
            "overseas_3",
            row(["25", "competent", "3", "1", "diploma_trade", "false", "false", "other"]),
            Outcome::Rejected,
            Some(50.0),
        ),
        (
            "overseas_2.99",
            row(["25", "competent", "2.99", "0.99", "diploma_trade", "false", "false", "other"]),
            Outcome::Rejected,
            Some(40.0),
        ),
    ];
    let mut s = format!("applicant_id,submitted_at,{}\n", fields.join(","));
    for (id, m, _, _) in &cases {
        s.push_str(&format!(
            "{id},2026-01-01T00:00:00Z,{}\n",
            fields.iter().map(|f| m[f].clone()).collect::<Vec<_>>().join(",")
        ));
    }
    let p = dir.path().join("au.csv");
    fs::write(&p, s).unwrap();
    let rules = au_rules();
    let apps = select::read_applicants(&p, &rules).unwrap();
    let d = select::evaluate(&rules, &apps);
    for (k, (id, _, outcome, score)) in cases.iter().enumerate() {
        assert_eq!(d[k].outcome, *outcome, "{id}: {:?}", d[k]);
        assert_eq!(d[k].score, *score, "{id}: {:?}", d[k]);
    }
}

/// Eligible KZ applicants with scores 400 + 10 k and chosen timestamps, in region KZ-55.
fn ranking_rows() -> Vec<(String, String, BTreeMap<&'static str, String>)> {
    // (id, timestamp, extra work years giving points): scores 440 (health fit) + work points.
    let spec: [(&str, &str, &str); 6] = [
        ("e1", "2026-03-01T10:00:00Z", "5"),      // 440 + 110 = 550
        ("e2", "2026-03-01T09:00:00Z", "3"),      // 440 + 80 = 520
        ("e3", "2026-03-01T08:00:00Z", "3"),      // 520, earlier than e2
        ("e4", "2026-03-01T08:00:00Z", "3"),      // 520, same time as e3: id decides (e3 before e4)
        ("e5", "2026-02-01T08:00:00Z", "1"),      // 440 + 50 = 490
        ("e6", "2026-03-02T08:00:00+05:00", "0"), // 440 (03:00 UTC)
    ];
    spec.iter()
        .map(|(id, ts, w)| {
            let mut m = kz_base();
            m.insert("health", "fit".into());
            m.insert("work_experience_years", w.to_string());
            (id.to_string(), ts.to_string(), m)
        })
        .collect()
}

#[test]
fn ranking_is_deterministic_ties_go_by_time_and_cutoffs_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let rules = kz_rules();
    let rows = ranking_rows();
    let mut shuffled = rows.clone();
    shuffled.reverse();
    shuffled.swap(1, 4);
    let quota = Quota {
        slots: [(("kandas".to_string(), kvota::codes::Region::PAVLODAR, None), 3)].into_iter().collect(),
        by_section: Default::default(),
    };
    let mut results = Vec::new();
    for (name, rs) in [("a.csv", &rows), ("b.csv", &shuffled)] {
        let p = write_applicants(dir.path(), name, &KZ_FIELDS, rs);
        let apps = select::read_applicants(&p, &rules).unwrap();
        let mut d = select::evaluate(&rules, &apps);
        let cells = select::allocate(&rules, &apps, &mut d, &quota);
        let by_id: BTreeMap<String, (Outcome, Option<u64>)> =
            apps.iter().zip(&d).map(|(a, x)| (a.id.clone(), (x.outcome, x.rank))).collect();
        results.push((by_id, cells));
    }
    assert_eq!(results[0].0, results[1].0, "same decisions whatever the input order");
    assert_eq!(results[0].1, results[1].1);
    let (by_id, cells) = &results[0];
    // 550 first; then 520 x 3 ordered by time: e3 (08:00) and e4 (08:00, id after e3), e2 (09:00).
    let rank = |id: &str| by_id[id].1.unwrap();
    assert_eq!([rank("e1"), rank("e3"), rank("e4"), rank("e2"), rank("e5"), rank("e6")], [1, 2, 3, 4, 5, 6]);
    assert_eq!(by_id["e4"].0, Outcome::Selected);
    assert_eq!(by_id["e2"].0, Outcome::Waitlisted);
    let c = &cells[0];
    assert_eq!((c.slots, c.eligible, c.selected), (3, 6, 3));
    assert_eq!(c.cutoff_score, Some(520.0));
    assert_eq!(c.cutoff_timestamp.unwrap().to_string(), "2026-03-01 08:00:00");
}

#[test]
fn a_changed_score_resets_the_time_only_where_the_rules_say_so() {
    // Two Australian applicants with 65 points: A submitted first but changed its answers later.
    let dir = tempfile::tempdir().unwrap();
    let s = "applicant_id,submitted_at,updated_at,route,region,age,english,overseas_employment_years,australian_employment_years,qualification,community_language,professional_year,partner\n\
             A,2026-01-01T00:00:00Z,2026-02-01T00:00:00Z,skilled,KZ-55,28,proficient,0,0,bachelor,false,false,single\n\
             B,2026-01-15T00:00:00Z,,skilled,KZ-55,28,proficient,0,0,bachelor,false,false,single\n";
    let p = dir.path().join("au.csv");
    fs::write(&p, s).unwrap();
    let quota = Quota {
        slots: [(("skilled".to_string(), kvota::codes::Region::PAVLODAR, None), 1)].into_iter().collect(),
        by_section: Default::default(),
    };
    let mut rules = au_rules();
    let apps = select::read_applicants(&p, &rules).unwrap();
    let mut d = select::evaluate(&rules, &apps);
    select::allocate(&rules, &apps, &mut d, &quota);
    assert_eq!((d[0].outcome, d[1].outcome), (Outcome::Waitlisted, Outcome::Selected), "Australia: A's time reset");
    rules.reset_timestamp_on_change = false;
    let mut d = select::evaluate(&rules, &apps);
    select::allocate(&rules, &apps, &mut d, &quota);
    assert_eq!((d[0].outcome, d[1].outcome), (Outcome::Selected, Outcome::Waitlisted), "no reset: A keeps its time");
}

#[test]
fn bad_rows_get_a_reason_and_personal_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    let mut add = |id: &str, ts: &str, changes: &[(&'static str, &str)]| {
        let mut m = kz_base();
        m.insert("health", "fit".into());
        for (k, v) in changes {
            m.insert(k, v.to_string());
        }
        rows.push((id.to_string(), ts.to_string(), m));
    };
    add("ok", "2026-03-01T10:00:00Z", &[]);
    add("missing", "2026-03-01T10:00:00Z", &[("education", "")]);
    add("range", "2026-03-01T10:00:00Z", &[("kz_test_reading", "1.5")]);
    add("time", "yesterday", &[]);
    add("region", "2026-03-01T10:00:00Z", &[("region", "Atlantis")]);
    add("dup", "2026-03-01T10:00:00Z", &[]);
    add("dup", "2026-03-02T10:00:00Z", &[]);
    // A missing answer the applicant never got to (failed the test first) is not a problem.
    add("failed_early", "2026-03-01T10:00:00Z", &[("kz_test_listening", "0.1"), ("education", "")]);
    let p = write_applicants(dir.path(), "bad.csv", &KZ_FIELDS, &rows);
    let rules = kz_rules();
    let apps = select::read_applicants(&p, &rules).unwrap();
    let d = select::evaluate(&rules, &apps);
    let reason = |k: usize| d[k].reason.as_ref().map(|r| r.to_string()).unwrap_or_default();
    assert_eq!(d[0].outcome, Outcome::Eligible);
    assert_eq!(d[1].outcome, Outcome::Invalid);
    assert!(reason(1).contains("row 3") && reason(1).contains("missing answer `education`"), "{}", reason(1));
    assert!(reason(2).contains("column `kz_test_reading`: 1.5 is outside 0..1"), "{}", reason(2));
    assert!(reason(3).contains("`yesterday` is not a timestamp"), "{}", reason(3));
    assert!(reason(4).contains("column `region`") && reason(4).contains("Atlantis"), "{}", reason(4));
    for k in [5, 6] {
        assert_eq!(d[k].outcome, Outcome::Invalid);
        assert!(reason(k).contains("duplicate applicant_id (rows 7, 8)"), "{}", reason(k));
    }
    assert_eq!(d[7].outcome, Outcome::Rejected);
    // The reasons of the rows that could not be read are said in Russian and Kazakh too, with
    // nothing left in English but the columns' names and the values written.
    for lang in [kvota::i18n::Lang::Ru, kvota::i18n::Lang::Kk] {
        for k in [2, 3, 4, 5] {
            let said = d[k].reason.as_ref().unwrap().text(lang.texts());
            assert_ne!(said, reason(k), "{lang}: {said}");
            let words: Vec<String> =
                crate::text::english_words(&said).into_iter().filter(|w| w != "Atlantis").collect();
            assert!(words.is_empty(), "{lang}: English words {words:?} in `{said}`");
        }
    }

    // The CLI writes every row with its reason, and refuses a column of personal data.
    let out = dir.path().join("out");
    let o = kvota(&[
        "select",
        "--rules",
        repo().join("data/rules/kz_2026_pilot.toml").to_str().unwrap(),
        "--applicants",
        p.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n: usize = parquet_batches(&out.join("selection.parquet")).iter().map(|b| b.num_rows()).sum();
    assert_eq!(n, 8);
    // The funnel is printed by route and stage: all 8 enter the first stage, and each later
    // stage is entered by those who passed the one before.
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("route"))
        .skip(1)
        .take_while(|l| !l.starts_with("wrote"))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(!rows.is_empty(), "{stdout}");
    assert_eq!((rows[0][0], rows[0][2]), ("kandas", "8"), "{stdout}");
    for w in rows.windows(2) {
        assert_eq!(w[1][2], w[0][3], "entered = passed before: {stdout}");
    }
    assert!(!stdout.contains("missing") && !stdout.contains("dup"), "no applicant ids on the terminal: {stdout}");
    let text = fs::read_to_string(&p).unwrap();
    let with_name: String = text
        .lines()
        .enumerate()
        .map(|(k, l)| {
            let (a, b) = l.split_once(',').unwrap();
            if k == 0 { format!("{a},full_name,{b}\n") } else { format!("{a},Jane Doe,{b}\n") }
        })
        .collect();
    let pii = dir.path().join("pii.csv");
    fs::write(&pii, with_name).unwrap();
    let o = kvota(&[
        "select",
        "--rules",
        repo().join("data/rules/kz_2026_pilot.toml").to_str().unwrap(),
        "--applicants",
        pii.to_str().unwrap(),
        "--out",
        dir.path().join("out2").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`full_name`") && stderr(&o).contains("personal data"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("Jane"), "no personal data in messages");
}

#[test]
fn ledger_repayments_and_mci_of_the_year_paid() {
    let dir = tempfile::tempdir().unwrap();
    let w = |n: &str, s: &str| {
        let p = dir.path().join(n);
        fs::write(&p, s).unwrap();
        p
    };
    // Three families of 4 arriving in March 2025 in Pavlodar; relocation (70 MCI x 4 = 280 MCI)
    // paid in 2025 at 3,932 tenge, rent for January 2026 (30 MCI) at 4,325 tenge, a housing
    // certificate in tenge.
    let fam = w(
        "f.csv",
        "family_id,arrival_date,host_region,members\nleaves,2025-03-01,KZ-55,4\nstays,2025-03-01,KZ-55,4\nnew,2026-06-01,KZ-39,3\n",
    );
    let pay = w(
        "p.csv",
        "family_id,item,paid_date,amount_mci,amount_kzt\n\
         leaves,relocation,2025-03-10,280,\n\
         leaves,rent,2026-01-10,30,\n\
         leaves,housing_certificate,2025-06-01,,4560000\n\
         stays,relocation,2025-03-10,280,\n\
         stays,rent,2026-01-10,30,\n\
         new,relocation,2026-06-05,210,\n",
    );
    let mv = w("m.csv", "family_id,move_date,to_region\nleaves,2027-03-15,KZ-71\n");
    let params = repo().join("data/params");
    // Two years on: the leaver owes all it received; the stayer is in force.
    let (families, payments, moves) = (
        kvota::ingest::people::read_families(&fam).unwrap(),
        kvota::ingest::people::read_payments(&pay, &kvota::params::Params::load(&params).unwrap()).unwrap(),
        kvota::ingest::people::read_moves(&mv).unwrap(),
    );
    let terms = kvota::contract::Terms { years: 5, repayment_share: 1.0 };
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (rows, _) = kvota::contract::ledger(&families, &payments, &moves, terms, day("2027-06-01")).unwrap();
    let expected = 280.0 * 3932.0 + 30.0 * 4325.0 + 4_560_000.0;
    assert_eq!(rows[0].status, kvota::contract::Status::Breached);
    assert!((rows[0].owed_kzt - expected).abs() < 1e-6, "{}", rows[0].owed_kzt);
    assert!((rows[0].mci[3] - 4_560_000.0 / 3932.0).abs() < 1e-9, "certificate in MCI of 2025");
    assert_eq!(rows[1].status, kvota::contract::Status::InForce);
    assert_eq!(rows[1].owed_kzt, 0.0);
    // Five years on, the stayer has fulfilled the contract and owes nothing.
    let (rows, _) = kvota::contract::ledger(&families, &payments, &moves, terms, day("2030-03-01")).unwrap();
    assert_eq!(rows[1].status, kvota::contract::Status::Fulfilled);
    assert_eq!(rows[1].owed_kzt, 0.0);
    assert_eq!(rows[0].status, kvota::contract::Status::Breached);

    // The CLI uses the dated parameters (5 years, full repayment) and writes the ledger.
    let out = dir.path().join("out");
    let o = kvota(&[
        "contract",
        "--families",
        fam.to_str().unwrap(),
        "--payments",
        pay.to_str().unwrap(),
        "--moves",
        mv.to_str().unwrap(),
        "--as-of",
        "2027-06-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["terms"]["years"], 5);
    assert_eq!(m["by_status"]["breached"], 1);
    assert!((m["owed_kzt"].as_f64().unwrap() - expected).abs() < 1e-3);
    // Bad input: an unparsable date names file, row and column.
    let bad = w("bad.csv", "family_id,arrival_date,host_region,members\nx,01/03/2025,KZ-55,4\n");
    let o = kvota(&[
        "contract",
        "--families",
        bad.to_str().unwrap(),
        "--payments",
        pay.to_str().unwrap(),
        "--as-of",
        "2027-01-01",
        "--out",
        dir.path().join("o2").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("bad.csv, row 2, column `arrival_date`"), "{}", stderr(&o));
}

/// Column -> Arrow type per file under the `####` headings of docs/outputs.md.
fn documented() -> BTreeMap<String, Vec<(String, String)>> {
    let text = fs::read_to_string(repo().join("docs/outputs.md")).unwrap();
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            current = line
                .strip_prefix("#### ")
                .and_then(|h| h.split_whitespace().next())
                .map(|n| n.trim_matches('`').to_string())
                .filter(|n| n.ends_with(".parquet"));
            continue;
        }
        let Some(file) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 4 && cells[1].starts_with('`') {
            let ty = match cells[2] {
                "string" => "Utf8",
                "int64" => "Int64",
                "float64" => "Float64",
                "bool" => "Boolean",
                other => panic!("unknown type {other}"),
            };
            out.entry(file.clone()).or_default().push((cells[1].trim_matches('`').to_string(), ty.to_string()));
        }
    }
    out
}

#[test]
fn select_and_contract_outputs_match_the_documented_contract() {
    let dir = tempfile::tempdir().unwrap();
    let rows = ranking_rows();
    let p = write_applicants(dir.path(), "a.csv", &KZ_FIELDS, &rows);
    let q = dir.path().join("q.csv");
    fs::write(&q, "route,region,slots\nkandas,KZ-55,2\n").unwrap();
    let out = dir.path().join("sel");
    let rules_path = repo().join("data/rules/kz_2026_pilot.toml");
    kvota::pipeline::jobs::select(&rules_path, &p, Some(&q), &out).unwrap();
    let fam = dir.path().join("f.csv");
    fs::write(&fam, "family_id,arrival_date,host_region,members\nf1,2025-03-01,KZ-55,4\n").unwrap();
    let pay = dir.path().join("p.csv");
    fs::write(&pay, "family_id,item,paid_date,amount_mci\nf1,relocation,2025-03-10,280\n").unwrap();
    let cout = dir.path().join("con");
    kvota::pipeline::jobs::contract(
        &fam,
        &pay,
        None,
        &repo().join("data/params"),
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        &cout,
    )
    .unwrap();
    let docs = documented();
    assert_eq!(docs.len(), 6);
    let rules = kz_rules();
    for (file, cols) in &docs {
        let dir = if file.starts_with("contract") || file.starts_with("retention") { &cout } else { &out };
        let (schema, _, rows) = crate::support::parquet_schema(&dir.join(file));
        assert!(rows > 0, "{file}");
        // Expand the documented points_<factor> pattern with the rules' factors.
        let mut want = Vec::new();
        for (name, ty) in cols {
            if name == "points_<factor>" {
                for (_, f) in rules.factor_ids() {
                    want.push((format!("points_{f}"), ty.clone()));
                }
            } else {
                want.push((name.clone(), ty.clone()));
            }
        }
        assert_eq!(&schema, &want, "{file}: schema differs from docs/outputs.md");
    }
}

/// A rules file with a defect is refused with the file and what is wrong, in the reader's
/// language: each edit below breaks the pilot's rules in one way.
#[test]
fn defective_rules_are_refused_in_the_users_language() {
    let path = repo().join("data/rules/kz_2026_pilot.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    assert!(Rules::parse(&path, &good).is_ok());
    let cases = [
        ("{ from = 30, to = 40, points = 120 }", "{ from = 25, to = 40, points = 120 }", "overlap"),
        ("{ field = \"kz_test_reading\", min = 0.30 }", "{ field = \"kz_reading\", min = 0.30 }", "not declared"),
        ("higher = 180,", "doctorate = 180,", "is not a value of field"),
        (
            "age = { type = \"number\", min = 14, max = 100 }",
            "age = { type = \"number\", min = 100, max = 14 }",
            "min < max",
        ),
    ];
    for (from, to, english) in cases {
        assert!(good.contains(from), "{from}");
        let e = Rules::parse(&path, &good.replacen(from, to, 1)).unwrap_err();
        let en = e.to_string();
        assert!(en.contains("kz_2026_pilot.toml") && en.contains(english), "{en}");
        for lang in [kvota::i18n::Lang::Ru, kvota::i18n::Lang::Kk] {
            let said = e.say(lang.texts());
            let words = crate::text::english_words(&said);
            assert!(said.contains("kz_2026_pilot.toml") && words.is_empty(), "{lang}: {words:?} in `{said}`");
        }
    }
}
