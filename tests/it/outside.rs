//! The run's outputs opened by tools outside Rust: the report in headless Chromium (nothing
//! loaded besides the page, no console error, a screenshot kept as an artefact) and the notebook
//! executed headlessly with Jupyter against the run's Parquet. `.ci/run` installs both tools;
//! elsewhere a missing tool makes the check print `SKIPPED` (see `support::tool`).

use std::ffi::OsStr;
use std::fs;
use std::path::PathBuf;

use crate::support::{kvota, python, repo, run_tool, stderr, tool};

/// Where test artefacts are kept after the run (`target/tmp/artefacts`).
fn artefacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("artefacts");
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn report_opens_in_chromium_and_notebook_executes_on_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = kvota(&["run", "--out", out.to_str().unwrap(), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let run = out.join("baseline");
    let m: serde_json::Value = serde_json::from_str(&fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();

    // The report in headless Chromium.
    let chromium = tool("KVOTA_TEST_CHROMIUM", "/usr/bin/chromium");
    let py = python();
    if !chromium.program.exists() && !chromium.required {
        eprintln!("SKIPPED the report in Chromium: {} not found (apt install chromium)", chromium.program.display());
    } else {
        let shot = artefacts().join("report-baseline.png");
        let script = repo().join("tests/browser/open_in_chromium.py");
        let page = run.join("report.en.html");
        let args: Vec<&OsStr> = vec![
            script.as_os_str(),
            page.as_os_str(),
            shot.as_os_str(),
            OsStr::new("--chromium"),
            chromium.program.as_os_str(),
        ];
        let o = run_tool(&py, "the report in Chromium", &args, &[]).expect("python3 runs the Chromium check");
        let got: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", String::from_utf8_lossy(&o.stdout), stderr(&o)));
        assert!(o.status.success(), "the report in Chromium: {got:#}\n{}", stderr(&o));
        assert_eq!(got["errors"], serde_json::json!([]), "{got:#}");
        // Only the page itself: no http(s), no other file.
        let requests = got["requests"].as_array().unwrap();
        assert_eq!(requests.len(), 1, "{got:#}");
        assert!(requests[0].as_str().unwrap().starts_with("file://"), "{got:#}");
        let title = format!("kvota report: baseline ({})", m["scenario"]["target_year"]);
        assert_eq!(got["title"].as_str(), Some(title.as_str()));
        assert!(got["svg"].as_i64().unwrap() >= 2 && got["tables"].as_i64().unwrap() >= 3, "{got:#}");
        // The screenshot is the whole page, with something drawn on it.
        let png = fs::read(&shot).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(got["screenshot"]["width"].as_i64(), Some(1280));
        assert!(got["screenshot"]["height"].as_i64().unwrap() > 2000, "{got:#}");
        assert!(png.len() > 100_000, "a rendered report, not a blank page ({} bytes)", png.len());
        eprintln!("report screenshot: {}", shot.display());

        // The Kazakh and Russian reports: every character drawn with a font that has it (Debian's
        // fonts), the title in the language, a screenshot kept.
        for lang in [kvota::i18n::Lang::Kk, kvota::i18n::Lang::Ru] {
            let shot = artefacts().join(format!("report-baseline-{}.png", lang.code()));
            let page = run.join(format!("report.{}.html", lang.code()));
            let args = [
                script.as_os_str(),
                page.as_os_str(),
                shot.as_os_str(),
                OsStr::new("--chromium"),
                chromium.program.as_os_str(),
                OsStr::new("--glyphs"),
            ];
            let o = run_tool(&py, "the report in Chromium", &args, &[]).expect("python3 runs the Chromium check");
            let got: serde_json::Value = serde_json::from_slice(&o.stdout)
                .unwrap_or_else(|e| panic!("{e}: {}\n{}", String::from_utf8_lossy(&o.stdout), stderr(&o)));
            assert!(o.status.success(), "{lang}: {got:#}\n{}", stderr(&o));
            assert_eq!(got["glyphs"]["missing"], serde_json::json!([]), "{got:#}");
            assert!(got["glyphs"]["characters"].as_i64().unwrap() > 60, "{got:#}");
            let title = lang.texts().f(
                "report-title",
                &[
                    ("scenario", kvota::i18n::Arg::Str("baseline")),
                    ("year", kvota::i18n::Arg::Str(&m["scenario"]["target_year"].to_string())),
                ],
            );
            assert_eq!(got["title"].as_str(), Some(title.as_str()));
            assert!(fs::read(&shot).unwrap().len() > 100_000, "{lang}: a rendered report");
            eprintln!("report screenshot ({lang}): {}", shot.display());
        }
        // The glyph check finds a character no installed font has.
        let bad = repo().join("tests/browser/missing_glyph.html");
        let bad_shot = artefacts().join("missing_glyph.png");
        let args = [
            script.as_os_str(),
            bad.as_os_str(),
            bad_shot.as_os_str(),
            OsStr::new("--chromium"),
            chromium.program.as_os_str(),
            OsStr::new("--glyphs"),
        ];
        let o = run_tool(&py, "the glyph check on a bad page", &args, &[]).unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
        assert!(String::from_utf8_lossy(&o.stdout).contains("missing glyphs"));

        // The check itself refuses a page that loads from the web, logs an error or throws.
        let bad = repo().join("tests/browser/bad_page.html");
        let bad_shot = artefacts().join("bad_page.png");
        let args = [
            script.as_os_str(),
            bad.as_os_str(),
            bad_shot.as_os_str(),
            OsStr::new("--chromium"),
            chromium.program.as_os_str(),
        ];
        let o = run_tool(&py, "the Chromium check on a bad page", &args, &[]).unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
        let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let errors = got["errors"].to_string();
        for e in
            ["console: boom", "notDefined is not defined", "requested 1 resource(s) besides itself", "broken image"]
        {
            assert!(errors.contains(e), "`{e}` not caught: {errors}");
        }
    }

    // The notebook, executed headlessly against this run.
    let executed = artefacts().join("notebook");
    let _ = fs::remove_dir_all(&executed);
    let script = repo().join("notebooks/execute.sh");
    let o = std::process::Command::new("bash")
        .arg(&script)
        .arg(&run)
        .arg(&executed)
        .env("PYTHON", &py.program)
        .current_dir(repo())
        .output()
        .unwrap();
    let err = stderr(&o);
    if !o.status.success() && !py.required && err.contains("No module named") {
        eprintln!("SKIPPED the notebook: {}", err.lines().last().unwrap_or(""));
        return;
    }
    assert!(o.status.success(), "notebooks/execute.sh failed:\n{err}");
    let nb: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(executed.join("headline.ipynb")).unwrap()).unwrap();
    let text: String = nb["cells"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["outputs"].as_array().cloned().unwrap_or_default())
        .flat_map(|o| o["text"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    let s = &m["summary"];
    let headline = format!(
        "foreign-labour quota: ceiling {} ({} % of {} labour force in {}), reserve {}, distributed {} of {} justified demand",
        s["ceiling"],
        s["ceiling_pct"],
        s["labour_force_basis"],
        s["labour_force_year"],
        s["reserve"],
        s["distributed"],
        s["justified_demand"]
    );
    assert!(text.contains(&headline), "the notebook reproduces the headline:\n{text}");
    assert!(
        text.contains(&format!("kandas quota: {} families, {} persons", s["kandas_families"], s["kandas_persons"]))
    );
    assert!(
        text.contains(&format!("baseline {}: {} permits distributed", m["scenario"]["target_year"], s["distributed"]))
    );
    let chart = fs::read(executed.join("quota_by_region.png")).unwrap();
    assert_eq!(&chart[..8], b"\x89PNG\r\n\x1a\n");
}
