//! The committed default panel is exactly what `kvota dataset build` produces from
//! `data/raw` and `data/build/assumptions.toml`.

use crate::support::{hashes, repo};

#[test]
fn committed_panel_is_reproducible() {
    let out = tempfile::tempdir().unwrap();
    let root = repo();
    let report =
        kvota::dataset::build(&root.join("data/raw"), &root.join("data/build/assumptions.toml"), out.path()).unwrap();
    assert_eq!(report.files.len(), 6);
    assert_eq!(
        hashes(out.path()),
        hashes(&root.join("data/panel")),
        "data/panel differs from a fresh build: run `kvota dataset build`"
    );
}

#[test]
fn panel_identities_hold() {
    let (panel, report) = kvota::panel::Panel::load(&repo().join("data/panel")).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(panel.years.first(), Some(&2010));
    assert_eq!(panel.years.last(), Some(&2025));
    assert_eq!(panel.sections.len(), 19);
    for &y in &panel.years {
        let national = panel.national[&y];
        let lf: i64 = kvota::codes::Region::all().map(|r| panel.regions[&(r, y)].labour_force).sum();
        let e: i64 = kvota::codes::Region::all().map(|r| panel.regions[&(r, y)].employed).sum();
        assert_eq!(lf, national.labour_force, "{y}");
        assert_eq!(e, national.employed, "{y}");
        for r in kvota::codes::Region::all() {
            let cells: i64 = panel.sections.iter().map(|s| panel.cells[&(r, *s, y)].employed).sum();
            assert_eq!(cells, panel.regions[&(r, y)].employed, "{r} {y}");
        }
    }
    // Official BNS figures survive the build (thousand persons x 1000): employed 2025, LF 2021.
    assert_eq!(panel.national[&2025].employed, 9_320_639);
    assert_eq!(panel.national[&2021].labour_force, 9_256_757);
    // Enbek calibration: 1,328k postings in 2025 open one month on average.
    let v2025: i64 = panel.cells.iter().filter(|(k, _)| k.2 == 2025).map(|(_, c)| c.vacancies).sum();
    assert_eq!(v2025, 110_667);
}
