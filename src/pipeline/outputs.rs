//! Writing a run: the tables (staged, then moved into place together), the manifest, the report
//! and its charts, and the run's partition of the dashboard dataset.

use std::path::Path;

use super::{RunOutcome, RunResults};
use crate::error::{Error, Result};
use crate::export::{ColumnData, OutputSet, OutputTable, sha256_file};
use crate::manifest::{CeilingBasis, FileInfo, Manifest, ScenarioInfo, Summary};
use crate::progress::{Progress, Stage};
use crate::tables::run as t;

/// Writes everything a run produced to `out_root/<scenario id>/` and the dataset partition.
pub(crate) fn write(r: &RunResults, out_root: &Path, progress: &dyn Progress) -> Result<RunOutcome> {
    let cfg = r.cfg;
    let target = cfg.target_year;
    let last = r.panel.last_year();
    let out_dir = out_root.join(&cfg.id);
    let inputs = input_hashes(r)?;
    let run_id = run_id(&cfg.source.sha256, &inputs);
    let meta = vec![("scenario_id", cfg.id.clone()), ("run_id", run_id.clone()), ("target_year", target.to_string())];
    let mut set = OutputSet::new(&out_dir)?;
    let fmt = &cfg.output.formats;
    // Provenance: every row says which run wrote it (the dataset holds many runs).
    let prov = |tb: OutputTable| {
        let n = tb.len();
        tb.col("run_id", ColumnData::Str(vec![run_id.clone(); n]), "run that wrote the row (kvota.run_id)")
    };
    let h = r.forecasts.horizon;
    let a = &r.assessment;
    set.write_table("forecast", &prov(t::forecast_table(&r.forecasts.series, last, h)), &meta, fmt)?;
    set.write_table("shortage", &prov(t::shortage_table(&a.outlooks, target, last)), &meta, fmt)?;
    set.write_table("sensitivity", &prov(t::sensitivity_table(&a.sensitivity, target)), &meta, fmt)?;
    let final_edition = r.editions.last().expect("the order");
    let evidence = a.outlooks.iter().map(|o| ((o.region, o.section), o.evidence)).collect();
    let foreign = prov(t::foreign_table(&r.quota_rows, final_edition, r.issued.as_ref(), target, &evidence));
    let n = foreign.len();
    let foreign = foreign.col(
        "allocation_method",
        ColumnData::Str(vec![r.foreign.method.clone(); n]),
        "how the distributable quota was shared (summary.allocation_method)",
    );
    set.write_table("quota_foreign", &foreign, &meta, fmt)?;
    set.write_table("quota_kandas", &prov(t::kandas_table(&r.kandas_rows, &r.kandas, target)), &meta, fmt)?;
    if let Some((q, _)) = &r.simulation {
        set.write_table("uncertainty", &prov(t::uncertainty_table(q, target, cfg.uncertainty.draws)), &meta, fmt)?;
    }
    set.write_table("reality", &prov(t::reality_table(&r.reality)), &meta, fmt)?;
    if let Some(v) = &r.vetted {
        set.write_table("requests_vetted", &prov(t::requests_vetted_table(v, target)), &meta, fmt)?;
        set.write_table("employer_flags", &prov(t::employer_flags_table(v, target)), &meta, fmt)?;
    }
    let annex = crate::allocate::editions::by_region_category(&r.quota_rows);
    let basis = quota_basis(r);
    set.write_table("order_annex", &prov(t::order_annex_table(&annex, target, basis.1.code())), &meta, fmt)?;
    set.write_table("editions/editions", &prov(t::editions_table(&r.editions, target)), &meta, fmt)?;
    set.write_table("editions/changes", &prov(t::changes_table(&r.editions, target)), &meta, fmt)?;
    set.write_table("editions/quota_by_edition", &prov(t::quota_by_edition_table(&r.editions, target)), &meta, fmt)?;

    let manifest = manifest(r, &set, inputs, run_id)?;
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::output("manifest.json", e))?;
    set.write_bytes("manifest.json", format!("{json}\n").as_bytes())?;
    // The report and its charts, from the staged outputs: they describe exactly these files.
    progress.stage(Stage::WritingReport);
    let facts = order_facts(r, &manifest, annex, basis)?;
    write_report(r, &manifest, &facts, &mut set)?;
    let files = set.commit()?;
    // The dashboard dataset: the same tables, partitioned by scenario and year.
    for table in crate::export::DATASET_TABLES {
        if crate::export::OPTIONAL_DATASET_TABLES.contains(&table) && r.vetted.is_none() {
            continue;
        }
        crate::export::write_hive_partition(
            out_root,
            table,
            &cfg.id,
            target,
            &out_dir.join(format!("{table}.parquet")),
        )?;
    }
    Ok(RunOutcome { out_dir, files, manifest })
}

/// The panel files, the parameter files and the optional tables, with their hashes.
fn input_hashes(r: &RunResults) -> Result<Vec<FileInfo>> {
    let wages = r.vetted.as_ref().map(|_| &r.cfg.data.occupation_wages);
    let optional = [&r.cfg.data.employer_requests, &r.cfg.data.projects, &r.cfg.data.permits_issued]
        .into_iter()
        .flatten()
        .chain(wages);
    r.panel
        .files
        .iter()
        .chain(r.params.files())
        .chain(optional)
        .chain(r.reference_files.iter())
        .map(|f| Ok(FileInfo { path: f.display().to_string(), sha256: sha256_file(f)? }))
        .collect()
}

/// The deterministic id of a run: the tool version, the scenario and every input, hashed.
fn run_id(scenario_sha: &str, inputs: &[FileInfo]) -> String {
    use sha2::{Digest, Sha256};
    let mut hsh = Sha256::new();
    hsh.update(env!("CARGO_PKG_VERSION"));
    hsh.update(scenario_sha);
    for i in inputs {
        hsh.update(&i.sha256);
    }
    format!("{:x}", hsh.finalize())[..16].to_string()
}

/// The run's back-test per variable, with what the variable's panel column rests on.
fn forecast_skill(r: &RunResults) -> Vec<crate::manifest::ForecastSkill> {
    r.forecasts
        .skill
        .iter()
        .map(|s| {
            let file = if matches!(s.variable, "labour_force" | "unemployed") {
                crate::panel::REGION_FILE
            } else {
                crate::panel::CELL_FILE
            };
            let status = r
                .panel
                .column_sources
                .iter()
                .find(|c| c.file == file && c.column == s.variable)
                .map_or_else(|| "unknown".to_string(), |c| c.status.clone());
            crate::manifest::ForecastSkill { file: file.to_string(), status, skill: s.clone() }
        })
        .collect()
}

fn manifest(r: &RunResults, set: &OutputSet, inputs: Vec<FileInfo>, run_id: String) -> Result<Manifest> {
    let cfg = r.cfg;
    let last = r.panel.last_year();
    let mut summary = Summary::new(
        CeilingBasis { labour_force: r.labour_force, year: last, ceiling_pct: r.ceiling_pct },
        &r.foreign,
        &r.editions,
        r.utilisation,
        &r.assessment.outlooks,
        &r.designated,
        &r.kandas,
        r.simulation.as_ref().map(|s| &s.1),
        crate::manifest::evidence_summary(
            &r.assessment.outlooks,
            &quota_by_cell(r),
            &r.panel.column_sources,
            &cfg.shortage.rule.weights,
        ),
    );
    summary.evidence.forecast_skill = forecast_skill(r);
    summary.requests = r.vetted.as_ref().map(requests_summary);
    summary.reality = crate::reality::distances(&r.reality)
        .into_iter()
        .map(|(measure, distance, calibrated)| crate::manifest::RealityDistance { measure, distance, calibrated })
        .collect();
    let mut outputs = Vec::new();
    for name in set.names() {
        outputs.push(FileInfo { path: name.display().to_string(), sha256: sha256_file(&set.staged(name))? });
    }
    let mut warnings = r.panel.warnings.clone();
    warnings.extend(r.warnings.iter().cloned());
    for s in &summary.evidence.forecast_skill {
        let observed = crate::evidence::Evidence::parse(&s.status).is_some_and(|e| e.is_observed());
        if observed && s.skill.measured.mase >= s.skill.measured.naive_mase {
            warnings.push(crate::warning::Warning::ForecastNoBetterThanNaive {
                file: s.file.clone(),
                variable: s.skill.variable.to_string(),
                mase: s.skill.measured.mase,
                naive: s.skill.measured.naive_mase,
            });
        }
        // Coverage off its level by more than the tolerance, at either level: too narrow first.
        let tol = cfg.coverage_tolerance_points;
        let (a, b) = (100.0 * s.skill.measured.coverage_80 - 80.0, 100.0 * s.skill.measured.coverage_95 - 95.0);
        let wide = if a < -tol || b < -tol {
            Some(false)
        } else if a > tol || b > tol {
            Some(true)
        } else {
            None
        };
        if let (true, Some(wide)) = (observed, wide) {
            warnings.push(crate::warning::Warning::IntervalCoverage {
                file: s.file.clone(),
                variable: s.skill.variable.to_string(),
                coverage_80: s.skill.measured.coverage_80,
                coverage_95: s.skill.measured.coverage_95,
                wide,
            });
        }
    }
    for u in r.params.used() {
        if matches!(u.status, crate::params::Status::Unverified) {
            warnings.push(crate::warning::Warning::UnverifiedParameter {
                name: u.name.clone(),
                reference: u.reference.clone(),
            });
        }
    }
    // A parameter looked up on several dates warns once.
    let mut seen = std::collections::BTreeSet::new();
    warnings.retain(|w| seen.insert(w.to_string()));
    Ok(Manifest {
        tool: "kvota".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: crate::export::SCHEMA_VERSION.into(),
        run_id,
        scenario: ScenarioInfo {
            id: cfg.id.clone(),
            title: cfg.title.clone(),
            file: cfg.source.path.display().to_string(),
            sha256: cfg.source.sha256.clone(),
            target_year: cfg.target_year,
            last_data_year: last,
        },
        inputs,
        parameters: r.params.used(),
        overrides: r.overrides.clone(),
        summary,
        shortage_model: r.assessment.model.clone(),
        warnings,
        outputs,
    })
}

/// The distributed quota of the last edition by cell.
fn quota_by_cell(r: &RunResults) -> std::collections::BTreeMap<(crate::codes::Region, crate::codes::OkedSection), u64> {
    let mut m = std::collections::BTreeMap::new();
    for x in &r.quota_rows {
        *m.entry((x.row.region, x.row.section)).or_default() += x.row.quota;
    }
    m
}

/// What the quota rests on: the request lines (true) and their evidence, or without them the
/// weakest evidence of the cells that received permits.
fn quota_basis(r: &RunResults) -> (bool, crate::evidence::Evidence) {
    if let Some(v) = &r.vetted {
        return (true, v.evidence());
    }
    let quota = quota_by_cell(r);
    let weakest = r
        .assessment
        .outlooks
        .iter()
        .filter(|o| quota.get(&(o.region, o.section)).copied().unwrap_or(0) > 0)
        .map(|o| o.evidence.grade)
        .max()
        .unwrap_or(crate::evidence::Evidence::Official);
    (false, weakest)
}

/// The report in each language (`report.<lang>.html`, the first also as `report.html`), the
/// charts (SVG in the first language; PNG on request), and the draft order in each language
/// (`order.<lang>.docx`, `order.<lang>.html`), drawn from the staged tables.
fn write_report(
    r: &RunResults,
    manifest: &Manifest,
    facts: &crate::order::OrderFacts,
    set: &mut OutputSet,
) -> Result<()> {
    let data = crate::report::ReportData::read(&set.staged(Path::new("")))?;
    let fans = crate::report::fans(&r.cfg.output.fan_cells, r.panel, r.forecasts, &r.assessment.outlooks);
    for (k, lang) in r.cfg.output.langs.iter().enumerate() {
        let t = lang.texts();
        let charts = [
            crate::report::quota_by_region_svg(&data, t)?,
            crate::report::shortage_heatmap_svg(&data, t)?,
            crate::report::fans_svg(&fans, t)?,
            crate::report::quota_map_svg(&data, t)?,
        ];
        let html = crate::report::html(manifest, &data, &charts, t)?;
        set.write_bytes(&format!("report.{}.html", lang.code()), html.as_bytes())?;
        let order = crate::order::text(facts, t);
        set.write_bytes(&format!("order.{}.docx", lang.code()), &crate::order::docx(&order)?)?;
        set.write_bytes(
            &format!("order.{}.html", lang.code()),
            crate::order::html(&order, &t.t("order-html-note")).as_bytes(),
        )?;
        if k > 0 {
            continue;
        }
        set.write_bytes("report.html", html.as_bytes())?;
        set.write_bytes("charts/quota_by_region.svg", charts[0].as_bytes())?;
        set.write_bytes("charts/shortage_heatmap.svg", charts[1].as_bytes())?;
        set.write_bytes("charts/forecast_fans.svg", charts[2].as_bytes())?;
        set.write_bytes("charts/quota_map.svg", charts[3].as_bytes())?;
        if r.cfg.output.png {
            let p = set.stage_path("charts/quota_by_region.png")?;
            crate::report::quota_by_region_png(&data, &p, t)?;
            let p = set.stage_path("charts/forecast_fans.png")?;
            crate::report::fans_png(&fans, &p, t)?;
        }
    }
    Ok(())
}

/// The figures of the draft order, from the run, its manifest, the annex (quota by region and
/// category) and what the quota rests on, both computed once for `order_annex.parquet` too.
fn order_facts(
    r: &RunResults,
    m: &Manifest,
    annex: std::collections::BTreeMap<(crate::codes::Region, crate::codes::WorkerCategory), u64>,
    (from_requests, evidence): (bool, crate::evidence::Evidence),
) -> Result<crate::order::OrderFacts> {
    let s = &m.summary;
    let target = r.cfg.target_year;
    // The order enters into force with the ceiling it states: the date that value took effect
    // when it is in the quota year, else 1 January.
    let in_force = m
        .parameters
        .iter()
        .find(|p| p.name == "foreign_labour.ceiling_pct")
        .map(|p| p.effective)
        .filter(|d| chrono::Datelike::year(d) == target)
        .unwrap_or_else(|| crate::params::year_start(target));
    let last = r.editions.last().expect("the order");
    let edition_date =
        last.date.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).unwrap_or(in_force);
    let legal_basis = r.params.texts("foreign_labour.order_legal_basis", in_force)?.value;
    let kandas = r.kandas_rows.iter().map(|k| (k.region, k.families, k.persons)).collect();
    Ok(crate::order::OrderFacts {
        scenario: r.cfg.id.clone(),
        run_id: m.run_id.clone(),
        year: target,
        ceiling: s.ceiling,
        ceiling_pct: s.ceiling_pct,
        labour_force: s.labour_force_basis,
        labour_force_year: s.labour_force_year,
        reserve: last.reserve,
        distributed: last.distributed,
        annex,
        kandas,
        legal_basis,
        from_requests,
        evidence: evidence.code().to_string(),
        kandas_previous_order: s.kandas_previous_order_year.filter(|_| s.kandas_split == "previous_order"),
        kandas_grade: s.kandas_shortage_grade.clone(),
        edition: last.id.clone(),
        edition_date,
        in_force,
    })
}

fn requests_summary(v: &crate::allocate::vetting::Vetting) -> crate::manifest::RequestsSummary {
    use crate::ingest::requests::RequestCategory;
    let quota_lines = v.requests.iter().filter(|r| r.category != RequestCategory::Ict);
    let (mut workers, mut justified, mut quota) = (0, 0, 0);
    for r in quota_lines {
        workers += r.workers;
        justified += r.justified;
        quota += r.quota;
    }
    let employers: std::collections::BTreeSet<&str> = v.requests.iter().map(|r| r.employer_id.as_str()).collect();
    let mut flagged = std::collections::BTreeMap::new();
    for f in &v.employer_flags {
        *flagged.entry(f.flag.to_string()).or_insert(0) += 1;
    }
    crate::manifest::RequestsSummary {
        evidence: v.evidence().code().to_string(),
        lines: v.requests.len() as u64,
        employers: employers.len() as u64,
        workers,
        justified,
        quota,
        ict_admitted: v.requests.iter().filter(|r| r.category == RequestCategory::Ict).map(|r| r.justified).sum(),
        decisions: v.decisions().into_iter().map(|(d, n)| (d.code().to_string(), n)).collect(),
        flagged_employers: flagged,
    }
}
