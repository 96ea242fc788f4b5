//! The run's report and charts: one self-contained HTML file with inline SVG, generated from
//! the run's numbers; SVG charts always, PNG on request, drawn with the compiled-in font.

use std::fs;

use crate::support::{kvota, parquet_batches, repo, stderr, thousands};

/// `n` printed as the report prints integers (narrow no-break space between thousands).
fn grouped(n: i64) -> String {
    thousands(n, '\u{202f}')
}

/// `n` as the docs print it: 18451 -> "18,451".
fn grouped_en(n: i64) -> String {
    thousands(n, ',')
}

#[test]
fn report_is_self_contained_and_states_the_run_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // No font configuration, no home: the charts must not need system fonts.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kvota"))
        .args(["run", "--out", out.to_str().unwrap(), "--png", "-q", "--lang", "en,kk,ru"])
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
    // The default run's justified demand lies below the draws' P10: the report says so and
    // names the cell whose draws' median quota is farthest from the run's quota.
    let d = &s["uncertainty"]["justified_demand_p10_p50_p90"];
    let point = s["justified_demand"].as_i64().unwrap();
    assert!(point < d[0].as_i64().unwrap(), "the default run's justified demand {point} is inside the draws' {d}");
    let mut run_quota: std::collections::BTreeMap<(String, String), i64> = Default::default();
    // Per cell, the category of its row with the largest quota (the first of equals).
    let mut top_category: std::collections::BTreeMap<String, (i64, String)> = Default::default();
    for b in parquet_batches(&run.join("quota_foreign.parquet")) {
        use arrow::array::AsArray;
        let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
        let (r, sec, cat) = (col("region_code"), col("oked_section"), col("category"));
        let q = b.column_by_name("quota").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        for i in 0..b.num_rows() {
            *run_quota.entry((r.value(i).to_string(), sec.value(i).to_string())).or_default() += q.value(i);
            let top = top_category.entry(format!("{} x {}:", r.value(i), sec.value(i))).or_insert((-1, String::new()));
            if q.value(i) > top.0 {
                *top = (q.value(i), cat.value(i).to_string());
            }
        }
    }
    let mut apart = (0, String::new(), 0.0, 0);
    for b in parquet_batches(&run.join("uncertainty.parquet")) {
        use arrow::array::AsArray;
        let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
        let (r, sec, name) = (col("region_code"), col("oked_section"), col("region_name_en"));
        let p50 = b.column_by_name("quota_p50").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        let sur = b.column_by_name("share_surplus").unwrap().as_primitive::<arrow::datatypes::Float64Type>();
        for i in 0..b.num_rows() {
            let q = run_quota.get(&(r.value(i).to_string(), sec.value(i).to_string())).copied().unwrap_or(0);
            if (p50.value(i) - q).abs() > apart.0 {
                let cell = format!("{} x {}", name.value(i), sec.value(i));
                apart = ((p50.value(i) - q).abs(), cell, sur.value(i), p50.value(i));
            }
        }
    }
    let said = format!(
        "lies outside this range because the draws do not rate every cell as the run does. The largest difference is {}",
        apart.1
    );
    assert!(summary.contains(&said), "{said}\n{summary}");
    assert!(
        summary.contains(&format!("surplus in {}", kvota::i18n::Lang::En.texts().pct(apart.2, 0))),
        "{apart:?} {summary}"
    );
    // Each of the largest shortages says what its gap rests on: its cell's grade in shortage.parquet.
    let mut grades = std::collections::BTreeMap::new();
    for b in parquet_batches(&run.join("shortage.parquet")) {
        use arrow::array::AsArray;
        let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
        let (r, sec, g) = (col("region_code"), col("oked_section"), col("evidence_grade"));
        for i in 0..b.num_rows() {
            grades.insert(format!("{} x {}:", r.value(i), sec.value(i)), g.value(i).to_string());
        }
    }
    let table = summary.split("Largest shortages").nth(1).unwrap().split("</table>").next().unwrap();
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 10, "{table}");
    for row in rows {
        let (cell, grade) = grades.iter().find(|(c, _)| row.contains(c.as_str())).expect(row);
        assert!(row.contains(&format!("<td>{grade}</td>")), "{cell} rests on {grade}: {row}");
        // Its sentence is the one of the cell's row with the largest quota, not a category
        // nobody asked for.
        let category = &top_category[cell].1;
        assert!(row.contains(&format!("category {category}: ")), "{cell}: category {category}: {row}");
    }
    // The uncertainty ranges say what they rest on: the 80 % intervals, as the run's back-test
    // measured them (the lowest and highest coverage over the forecast variables).
    let cov: Vec<f64> = s["evidence"]["forecast_skill"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (100.0 * r["coverage_80"].as_f64().unwrap()).round())
        .collect();
    let (lo, hi) = (cov.iter().copied().fold(f64::MAX, f64::min), cov.iter().copied().fold(f64::MIN, f64::max));
    assert!(lo < hi, "the default panel's variables differ in coverage: {cov:?}");
    assert!(summary.contains(&format!("back-test held {lo}\u{a0}% to {hi}\u{a0}% of the later values")), "{summary}");
    assert!(summary.contains("independent across series"), "the draws' independence is said first: {summary}");
    // The coverage on the observed (official) variables is said apart from the synthetic ones.
    let observed: Vec<f64> = s["evidence"]["forecast_skill"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == "official")
        .map(|r| (100.0 * r["coverage_80"].as_f64().unwrap()).round())
        .collect();
    let (olo, ohi) =
        (observed.iter().copied().fold(f64::MAX, f64::min), observed.iter().copied().fold(f64::MIN, f64::max));
    assert!(
        summary.contains(&format!(
            "On the observed series (official or user-supplied) they held {olo}\u{a0}% to {ohi}\u{a0}%."
        )),
        "{summary}"
    );
    // ... and by how much that understates the spread of a sum, from the back-test's correlation
    // of one year's errors across a variable's series.
    let skill = s["evidence"]["forecast_skill"].as_array().unwrap();
    let rho: Vec<f64> = skill.iter().map(|r| r["error_correlation"].as_f64().unwrap()).collect();
    assert!(rho.iter().all(|r| (0.0..1.0).contains(r)), "{rho:?}");
    let factor = |r: &serde_json::Value| {
        (1.0 + (r["series"].as_f64().unwrap() - 1.0) * r["error_correlation"].as_f64().unwrap()).sqrt()
    };
    let top = skill.iter().max_by(|a, b| factor(a).total_cmp(&factor(b))).unwrap();
    let expected = format!(
        "correlated across a variable's series at {:.2} to {:.2}; for {} ({}; {} series, correlation {:.2}) the spread of their sum would be about {:.1} times",
        rho.iter().copied().fold(f64::MAX, f64::min),
        rho.iter().copied().fold(f64::MIN, f64::max),
        top["variable"].as_str().unwrap(),
        top["status"].as_str().unwrap(),
        top["series"],
        top["error_correlation"].as_f64().unwrap(),
        factor(top)
    );
    assert!(summary.contains(&expected), "{expected}\n{summary}");
    // docs/methods.md §3 and §11 quote these figures.
    let methods = fs::read_to_string(repo().join("docs/methods.md")).unwrap().replace('\n', " ");
    let r: Vec<String> = rho.iter().map(|x| format!("{x:.2}")).collect();
    let quoted = [
        format!(
            "it is {} on the labour force, {} on the unemployed, {} on employment, {} on vacancies, {} on retirements and {} on new entrants by cell",
            r[0], r[1], r[2], r[3], r[4], r[5]
        ),
        format!(
            "{:.1}, for {} ({} series, {:.2})",
            factor(top),
            top["variable"].as_str().unwrap(),
            top["series"],
            top["error_correlation"].as_f64().unwrap()
        ),
    ];
    let en = kvota::i18n::Lang::En.texts();
    let quoted = [
        quoted[0].clone(),
        quoted[1].clone(),
        format!(
            "the run's justified demand, {}, lies below the draws' P10, {}: {} (agriculture) is rated surplus by the run",
            grouped_en(point),
            grouped_en(d[0].as_i64().unwrap()),
            apart.1
        ),
        format!(
            "the draws rate it surplus in {} of them, and their median quota there is {}.",
            en.pct(apart.2, 0).replace('\u{a0}', " "),
            apart.3
        ),
    ];
    let order: Vec<&str> = skill.iter().map(|r| r["variable"].as_str().unwrap()).collect();
    assert_eq!(order, ["labour_force", "unemployed", "employed", "vacancies", "retirements", "new_entrants"]);
    for q in quoted {
        assert!(methods.contains(&q), "docs/methods.md does not quote the run: {q}");
    }
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
    // Forecast fans: by default the four largest shortages, each a panel titled with its cell.
    let fans = fs::read_to_string(run.join("charts/forecast_fans.svg")).unwrap();
    assert!(html.contains(&fans), "the fans are inline in the report");
    let sh = crate::support::parquet_batches(&run.join("shortage.parquet"));
    let mut top: Vec<(i64, String)> = Vec::new();
    for b in &sh {
        use arrow::array::AsArray;
        let rn = b.column_by_name("region_name_en").unwrap().as_string::<i32>();
        let sn = b.column_by_name("section_name_en").unwrap().as_string::<i32>();
        let sc = b.column_by_name("oked_section").unwrap().as_string::<i32>();
        let p = b.column_by_name("shortage_persons").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        for i in 0..b.num_rows() {
            top.push((p.value(i), format!("{}, {} {}: employed", rn.value(i), sc.value(i), sn.value(i))));
        }
    }
    top.sort_by_key(|t| std::cmp::Reverse(t.0));
    for (_, title) in &top[..4] {
        assert!(fans.contains(title.as_str()), "fan `{title}` missing");
    }
    assert!(!fans.contains(top[4].1.as_str()), "only four fans by default");
    // The map: every region drawn, labelled with its quota, the attribution printed.
    let map = fs::read_to_string(run.join("charts/quota_map.svg")).unwrap();
    assert!(html.contains(&map), "the map is inline in the report");
    assert!(map.contains("© OpenStreetMap contributors") && map.matches("<polygon").count() >= 20);
    let mut by_region: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for b in crate::support::parquet_batches(&run.join("quota_foreign.parquet")) {
        use arrow::array::AsArray;
        let r = b.column_by_name("region_code").unwrap().as_string::<i32>();
        let q = b.column_by_name("quota").unwrap().as_primitive::<arrow::datatypes::Int64Type>();
        for i in 0..b.num_rows() {
            *by_region.entry(r.value(i).to_string()).or_default() += q.value(i);
        }
    }
    assert!(by_region.len() >= 10);
    for (code, q) in &by_region {
        let label = if ["KZ-71", "KZ-75", "KZ-79"].contains(&code.as_str()) {
            format!(">\n{} {}\n<", kvota::codes::Region::from_iso(code).unwrap().name_en(), grouped(*q))
        } else {
            format!(">\n{}\n<", grouped(*q))
        };
        assert!(map.contains(&label), "{code}: `{label}` not on the map");
    }
    assert!(fans.contains("80 % and 95 % intervals") && fans.matches("<polygon").count() >= 8, "two bands per fan");
    let fan_png = fs::read(run.join("charts/forecast_fans.png")).unwrap();
    assert_eq!(&fan_png[..8], b"\x89PNG\r\n\x1a\n");
    let png = fs::read(run.join("charts/quota_by_region.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((w, h), (760, 560));
    assert!(png.len() > 8_000, "the PNG has text and bars, not a blank canvas ({} bytes)", png.len());
    // Same inputs, same report.
    let out2 = dir.path().join("out2");
    let o = kvota(&["run", "--out", out2.to_str().unwrap(), "--png", "-q", "--lang", "en,kk,ru"]);
    assert!(o.status.success());
    for f in [
        "report.html",
        "charts/quota_by_region.svg",
        "charts/shortage_heatmap.svg",
        "charts/forecast_fans.svg",
        "charts/quota_by_region.png",
        "charts/forecast_fans.png",
        "report.kk.html",
        "report.ru.html",
        "order.kk.docx",
        "order.ru.docx",
        "order.en.docx",
        "order.kk.html",
    ] {
        assert_eq!(fs::read(run.join(f)).unwrap(), fs::read(out2.join("baseline").join(f)).unwrap(), "{f}");
    }
}

#[test]
fn fan_cells_choose_the_fans_and_a_wrong_cell_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sc = dir.path().join("fans.toml");
    let base = repo().join("scenarios/baseline.toml");
    fs::write(
        &sc,
        format!(
            "extends = \"{}\"\nid = \"fans\"\n[output]\nfan_cells = [\"KZ-71/J\", \"KZ-55/C\"]\nlang = [\"en\", \"ru\"]\n",
            base.display()
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = kvota(&["run", "-q", "--scenario", sc.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fans = fs::read_to_string(out.join("fans/charts/forecast_fans.svg")).unwrap();
    assert!(fans.contains("Astana, J Information and communication: employed"), "{}", &fans[..2000.min(fans.len())]);
    assert!(fans.contains("Pavlodar Region, C Manufacturing: employed"));
    assert_eq!(fans.matches(": employed").count(), 2);
    // `[output] lang` chooses the languages: English first (report.html), then Russian only.
    let ru = fs::read_to_string(out.join("fans/report.ru.html")).unwrap();
    assert!(ru.contains("г. Астана, J Информация и связь: занятые"), "the Russian report draws its fans in Russian");
    assert!(!out.join("fans/report.kk.html").exists() && !out.join("fans/order.kk.docx").exists());
    assert!(
        fs::read_to_string(out.join("fans/report.html")).unwrap().starts_with("<!DOCTYPE html>\n<html lang=\"en\">")
    );
    fs::write(&sc, format!("extends = \"{}\"\nid = \"bad\"\n[output]\nlang = [\"de\"]\n", base.display())).unwrap();
    let o = kvota(&["run", "-q", "--scenario", sc.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`de` is not a language kvota writes"), "{}", stderr(&o));
    // A cell that does not exist: exit 1, the scenario file named, nothing written.
    fs::write(&sc, format!("extends = \"{}\"\nid = \"bad\"\n[output]\nfan_cells = [\"KZ-99/P\"]\n", base.display()))
        .unwrap();
    let o = kvota(&["run", "-q", "--scenario", sc.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("fans.toml") && e.contains("KZ-99/P"), "{e}");
    assert!(!out.join("bad").exists());
}

/// Ray casting: is `p` inside the ring?
fn inside(p: (f64, f64), ring: &[(f64, f64)]) -> bool {
    let mut c = false;
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + ring.len() - 1) % ring.len()]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            c = !c;
        }
    }
    c
}

/// Shoelace area of a ring, in square units of the map plane.
fn area(ring: &[(f64, f64)]) -> f64 {
    (0..ring.len())
        .map(|i| {
            let (a, b) = (ring[(i + ring.len() - 1) % ring.len()], ring[i]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

#[test]
fn region_outlines_cover_the_twenty_regions() {
    let shapes = kvota::report::region_shapes().unwrap();
    let mut codes: Vec<&str> = shapes.iter().map(|s| s.region.iso()).collect();
    codes.sort_unstable();
    let all: Vec<&str> = kvota::codes::Region::all().map(|r| r.iso()).collect();
    assert_eq!(codes, all, "each of the 20 regions once");
    // Cities last, so that they are drawn over the holes of the oblasts around them.
    let cities: Vec<bool> = shapes.iter().map(|s| s.region.is_city()).collect();
    assert_eq!(cities.iter().filter(|c| **c).count(), 3);
    assert!(cities[17..].iter().all(|c| *c));
    for s in &shapes {
        for ring in &s.rings {
            assert!(
                ring.iter().all(|p| (0.0..=1000.0).contains(&p.0) && (0.0..=568.0).contains(&p.1)),
                "{:?}",
                s.region
            );
        }
        assert!(inside(s.label_at, &s.rings[0]), "{:?}: label outside its outline", s.region);
    }
    // Equal-area plane: Aktobe is the largest region, the three cities the three smallest units.
    let mut by_area: Vec<(f64, &str)> = shapes.iter().map(|s| (area(&s.rings[0]), s.region.iso())).collect();
    by_area.sort_by(|a, b| b.0.total_cmp(&a.0));
    assert_eq!(by_area[0].1, "KZ-15", "{by_area:?}");
    let mut smallest: Vec<&str> = by_area[17..].iter().map(|x| x.1).collect();
    smallest.sort_unstable();
    assert_eq!(smallest, ["KZ-71", "KZ-75", "KZ-79"]);
    // Astana sits in Akmola's hole, Almaty in Almaty Region's.
    let find = |c: &str| shapes.iter().find(|s| s.region.iso() == c).unwrap();
    assert!(inside(find("KZ-71").label_at, &find("KZ-11").rings[1]));
    assert!(inside(find("KZ-75").label_at, &find("KZ-19").rings[1]));
}
