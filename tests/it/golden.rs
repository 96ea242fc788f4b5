//! The output bytes of the main jobs, pinned: the default run, `scenarios/lp_amended.toml`, a
//! scenario batch, and `kvota select` / `kvota contract` on the fixtures in `tests/data/people/`.
//!
//! A refactor must leave every hash unchanged. A change that is meant to change outputs shows
//! here as a snapshot diff (review it, then `cargo insta accept` or `INSTA_UPDATE=always`).
//! The commands run in the repository root with relative paths, as a user types them, so the
//! manifests do not depend on where the repository is checked out.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::{kvota, stderr};

/// `relative/path  sha256` of every file under `dir`, sorted.
fn listing(dir: &Path) -> String {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = String::new();
    for p in files {
        let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        writeln!(out, "{rel}  {}", &kvota::export::sha256_file(&p).unwrap()[..16]).unwrap();
    }
    out
}

/// Runs kvota; its standard output, for the snapshot of what the commands print.
fn ok(args: &[&str]) -> String {
    let o = kvota(args);
    assert!(o.status.success(), "kvota {}: {}", args.join(" "), stderr(&o));
    format!("$ kvota {}\n{}", args.join(" "), String::from_utf8_lossy(&o.stdout))
}

/// The text a reader sees in the report: headings, paragraphs, table rows and list items, one
/// per line, without the charts.
fn report_text(html: &str) -> String {
    let mut s = html.to_string();
    while let (Some(a), Some(b)) = (s.find("<svg"), s.find("</svg>")) {
        s.replace_range(a..b + 6, "[chart]");
    }
    for block in ["</h1>", "</h2>", "</h3>", "</p>", "</tr>", "</li>", "<br>"] {
        s = s.replace(block, &format!("{block}\n"));
    }
    s = s.replace("</td>", " | ").replace("</th>", " | ");
    let mut out = String::new();
    let mut in_tag = false;
    let mut in_style = false;
    for (i, c) in s.char_indices() {
        if s[i..].starts_with("<style") {
            in_style = true;
        }
        if s[i..].starts_with("</style>") {
            in_style = false;
        }
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag && !in_style => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n") + "\n"
}

#[test]
fn output_bytes_of_the_main_jobs_are_pinned() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = |name: &str| tmp.path().join(name).to_string_lossy().into_owned();
    let (single, batch, sel, con) = (dir("single"), dir("batch"), dir("select"), dir("contract"));
    let mut printed = ok(&["run", "--out", &single]);
    printed += &ok(&["run", "--scenario", "scenarios/lp_amended.toml", "--out", &single]);
    printed += &ok(&["scenario", "run", "scenarios/baseline.toml", "scenarios/lp_amended.toml", "--out", &batch]);
    printed += &ok(&[
        "select",
        "--rules",
        "data/rules/kz_2026_pilot.toml",
        "--applicants",
        "tests/data/people/applicants.csv",
        "--quota",
        "tests/data/people/quota.csv",
        "--out",
        &sel,
    ]);
    printed += &ok(&[
        "contract",
        "--families",
        "tests/data/people/families.csv",
        "--payments",
        "tests/data/people/payments.csv",
        "--moves",
        "tests/data/people/moves.csv",
        "--as-of",
        "2026-12-31",
        "--out",
        &con,
    ]);
    // A batch writes the same bytes as separate runs.
    let (a, b) = (listing(Path::new(&single)), listing(Path::new(&batch)));
    assert_eq!(a, b, "a batch of scenarios differs from separate runs");
    crate::scenario::dataset_partitions_read_as_one_table(Path::new(&batch));
    insta::assert_snapshot!("single_runs", a);
    insta::assert_snapshot!("select", listing(Path::new(&sel)));
    insta::assert_snapshot!("contract", listing(Path::new(&con)));
    // What the commands print and what the report says, for a person to review.
    insta::assert_snapshot!("summaries", crate::text::redact(&printed, tmp.path()));
    // The report as a reader sees it, in English and in Kazakh (report.html is the Kazakh one).
    let html = std::fs::read_to_string(Path::new(&single).join("baseline/report.en.html")).unwrap();
    insta::assert_snapshot!("report_text", report_text(&html));
    let html = std::fs::read_to_string(Path::new(&single).join("baseline/report.kk.html")).unwrap();
    insta::assert_snapshot!("report_text_kk", report_text(&html));
    // The same bytes from the installed binary in an empty directory.
    crate::anywhere::same_outputs_from_an_empty_directory(
        Path::new(&single),
        Path::new(&sel),
        Path::new(&con),
        listing,
    );
}
