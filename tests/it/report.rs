//! The run's report and charts: one self-contained HTML file with inline SVG, generated from
//! the run's numbers; SVG charts always, PNG on request, drawn with the compiled-in font.

use std::fs;

use crate::support::{kvota, repo, stderr};

/// `n` printed as the report prints integers (narrow no-break space between thousands).
fn grouped(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[test]
fn report_is_self_contained_and_states_the_run_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // No font configuration, no home: the charts must not need system fonts.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
        .args(["run", "--out", out.to_str().unwrap(), "--png", "-q"])
        .current_dir(repo())
        .env("FONTCONFIG_FILE", "/nonexistent")
        .env("FONTCONFIG_PATH", "/nonexistent")
        .env("XDG_DATA_DIRS", "/nonexistent")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let run = out.join("baseline");
    let html = fs::read_to_string(run.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Self-contained: inline SVG, nothing fetched.
    assert!(html.matches("<svg").count() >= 2);
    for banned in ["<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(banned), "the report must not load anything: found `{banned}`");
    }
    // The summary states the manifest's numbers.
    let m: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();
    let s = &m["summary"];
    for key in ["ceiling", "reserve", "distributed", "justified_demand", "kandas_families", "kandas_persons"] {
        let n = s[key].as_i64().unwrap();
        assert!(html.contains(&grouped(n)), "{key} = {n} is not in the report");
    }
    let summary = html.split("<h2>Summary</h2>").nth(1).unwrap().split("<h2>").next().unwrap();
    assert!(summary.contains(&format!("<b>{}</b> permits", grouped(s["ceiling"].as_i64().unwrap()))), "{summary}");
    assert!(summary.contains("Largest shortages"));
    // Parameters with their legal references, and the warnings.
    assert!(html.contains("foreign_labour.ceiling_pct") && html.contains("MLSPP order"), "parameters table");
    assert!(html.contains("<h2>Data warnings</h2>"));
    // Charts: SVG with region names; a PNG of the stated size with drawn content.
    let svg = fs::read_to_string(run.join("charts/quota_by_region.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("Pavlodar Region") && svg.contains("Foreign-labour quota by region")
    );
    let heat = fs::read_to_string(run.join("charts/shortage_heatmap.svg")).unwrap();
    assert!(heat.contains("<rect") && heat.matches("<rect").count() > 300, "one rectangle per cell");
    let png = fs::read(run.join("charts/quota_by_region.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((w, h), (760, 560));
    assert!(png.len() > 8_000, "the PNG has text and bars, not a blank canvas ({} bytes)", png.len());
    // Same inputs, same report.
    let out2 = dir.path().join("out2");
    let o = kvota(&["run", "--out", out2.to_str().unwrap(), "--png", "-q"]);
    assert!(o.status.success());
    for f in ["report.html", "charts/quota_by_region.svg", "charts/shortage_heatmap.svg", "charts/quota_by_region.png"]
    {
        assert_eq!(fs::read(run.join(f)).unwrap(), fs::read(out2.join("baseline").join(f)).unwrap(), "{f}");
    }
}
