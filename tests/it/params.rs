use chrono::NaiveDate;
use kvota::codes::Region;
use kvota::params::{Params, Status};

use crate::support::repo;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn params() -> Params {
    Params::load(&repo().join("data/params")).expect("data/params loads")
}

#[test]
fn ceiling_changes_between_2025_and_2026() {
    let p = params();
    let v25 = p.number("foreign_labour.ceiling_pct", d(2025, 6, 30)).unwrap();
    let v26 = p.number("foreign_labour.ceiling_pct", d(2026, 6, 30)).unwrap();
    assert_eq!(v25.value, 0.2);
    assert_eq!(v26.value, 0.25);
    assert!(v26.reference.contains("12 Dec 2025"));
    // The 2026 order took effect on 2 January: on 1 January the 2025 value was still in force.
    assert_eq!(p.number("foreign_labour.ceiling_pct", d(2026, 1, 1)).unwrap().value, 0.2);
    assert_eq!(p.number("foreign_labour.ceiling_pct", d(2026, 1, 2)).unwrap().value, 0.25);
    // Before the first value nothing is in force.
    let e = p.number("foreign_labour.ceiling_pct", d(2018, 6, 1)).unwrap_err().to_string();
    assert!(e.contains("no value in force on 2018-06-01"), "{e}");
}

#[test]
fn mci_and_support_amounts() {
    let p = params();
    assert_eq!(p.number("mci.kzt", d(2025, 3, 1)).unwrap().value, 3932.0);
    assert_eq!(p.number("mci.kzt", d(2026, 3, 1)).unwrap().value, 4325.0);
    // The 2022 mid-year change.
    assert_eq!(p.number("mci.kzt", d(2022, 3, 31)).unwrap().value, 3063.0);
    assert_eq!(p.number("mci.kzt", d(2022, 4, 1)).unwrap().value, 3180.0);
    assert_eq!(p.number("mci.kzt", d(2022, 4, 1)).unwrap().status, Status::Unverified);
    // 70 MCI per member in 2026 = 302,750 tenge, as reported.
    let reloc = p.number("kandas.relocation_mci_per_member", d(2026, 1, 1)).unwrap().value;
    assert_eq!(reloc * 4325.0, 302_750.0);
    let rent = p.table("kandas.rent_mci_per_month", d(2026, 1, 1)).unwrap().value;
    assert_eq!((rent["min"], rent["max"]), (15.0, 30.0));
    let contract = p.number("kandas.social_contract_years", d(2026, 6, 1)).unwrap();
    assert_eq!(contract.value, 5.0);
    assert_eq!(contract.status, Status::Reported);
}

#[test]
fn local_content_regions_and_scoring() {
    let p = params();
    let lc = p.table("foreign_labour.local_content_min_citizen_share", d(2026, 1, 1)).unwrap().value;
    assert_eq!((lc["1"], lc["2"], lc["3"], lc["4"]), (0.7, 0.7, 0.9, 0.9));
    let regions = p.regions("kandas.resettlement_regions", d(2026, 1, 1)).unwrap().value;
    assert_eq!(regions.len(), 8);
    for r in [
        Region::AKMOLA,
        Region::ABAI,
        Region::KOSTANAY,
        Region::PAVLODAR,
        Region::ATYRAU,
        Region::WEST_KAZAKHSTAN,
        Region::EAST_KAZAKHSTAN,
        Region::NORTH_KAZAKHSTAN,
    ] {
        assert!(regions.contains(&r), "{r}");
    }
    assert!(!regions.contains(&Region::ALMATY_CITY));
    assert_eq!(p.number("selection.kazakh_test_min_share_per_block", d(2026, 3, 1)).unwrap().value, 0.3);
    assert_eq!(p.number("selection.questionnaire_pass_points", d(2026, 3, 1)).unwrap().value, 400.0);
    // The pilot started on 13 February 2026.
    assert!(p.number("selection.questionnaire_pass_points", d(2026, 2, 1)).is_err());
}

#[test]
fn every_value_has_a_reference_and_lookups_are_logged() {
    let p = params();
    for param in p.all() {
        for v in &param.values {
            assert!(!v.reference.trim().is_empty(), "{}", param.name);
        }
    }
    let _ = p.number("mci.kzt", d(2026, 1, 1)).unwrap();
    let used = p.used();
    assert_eq!(used.len(), 1);
    assert_eq!(used[0].name, "mci.kzt");
    let e = p.number("mci.kztt", d(2026, 1, 1)).unwrap_err().to_string();
    assert!(e.contains("did you mean mci.kzt"), "{e}");
}

#[test]
fn malformed_parameter_files_are_rejected_with_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.toml"),
        "[a]\ndescription = \"d\"\nunit = \"share\"\n[[a.values]]\neffective = 2020-01-01\nvalue = 1.5\nstatus = \"verified\"\nreference = \"r\"\n",
    )
    .unwrap();
    let e = Params::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("x.toml") && e.contains("outside 0..1"), "{e}");
    std::fs::write(dir.path().join("x.toml"), "[a]\ndescription = \"d\"\nunit = \"furlongs\"\nvalues = []\n").unwrap();
    let e = Params::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("x.toml, row 3") && e.contains("furlongs"), "{e}");
}
