//! What the command line prints: progress on a terminal, and the summary of each command. No
//! logic: every figure comes from the library's outcome.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use kvota::error::{Error, Input};
use kvota::i18n::{Lang, Texts};
use kvota::manifest::Summary;
use kvota::pipeline::jobs::{BacktestOutcome, ContractOutcome, ForecastOutcome, SelectOutcome};
use kvota::pipeline::{CompareOutcome, Progress, RunOutcome};

/// Progress on stderr when it is a terminal and not --quiet; nothing otherwise.
pub struct TerminalProgress {
    bar: Option<ProgressBar>,
}

impl TerminalProgress {
    /// Runs `f` (which prints) with the bar hidden.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            b.enable_steady_tick(Duration::from_millis(120));
            b
        });
        TerminalProgress { bar }
    }
}

impl Progress for TerminalProgress {
    fn stage(&self, name: &str) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("template"));
            b.set_length(0);
            b.set_message(name.to_string());
        }
    }
    fn start(&self, name: &str, total: u64) {
        if let Some(b) = &self.bar {
            b.set_style(ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}").expect("template"));
            b.set_length(total);
            b.set_position(0);
            b.set_message(name.to_string());
        }
    }
    fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }
}

impl Drop for TerminalProgress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

fn pairs<K: std::fmt::Display, V: std::fmt::Display>(it: impl IntoIterator<Item = (K, V)>, sep: &str) -> String {
    it.into_iter().map(|(k, v)| format!("{k}{sep}{v}")).collect::<Vec<_>>().join(", ")
}

/// `kvota run`: the headline figures, in the language of `KVOTA_LANG` or the locale (English by
/// default), from the message catalogue.
pub fn run(o: &RunOutcome) {
    let t = Lang::from_env().texts();
    let m = &o.manifest;
    let s: &Summary = &m.summary;
    let say = |key: &str, args: &[(&str, String)]| println!("{}", t.fs(key, args));
    let n = |x: u64| x.to_string();
    say(
        "cli-run-scenario",
        &[("scenario", m.scenario.id.clone()), ("run", m.run_id.clone()), ("year", m.scenario.target_year.to_string())],
    );
    let e = &m.summary.evidence;
    let pct = |x: f64| format!("{} %", t.dec(100.0 * x, 0));
    say(
        "cli-run-basis",
        &[
            ("open_syn", pct(e.distributed_openings_synthetic)),
            ("open_est", pct(e.distributed_openings_estimated)),
            ("supply_syn", pct(e.distributed_supply_synthetic)),
            ("score_syn", pct(e.distributed_score_synthetic)),
            ("score_est", pct(e.distributed_score_estimated)),
        ],
    );
    if let Some(r) = &s.requests {
        let d = |k: &str| n(r.decisions.get(k).copied().unwrap_or(0));
        say(
            "cli-run-requests",
            &[
                ("evidence", t.name("evidence", &r.evidence)),
                ("lines", n(r.lines)),
                ("employers", n(r.employers)),
                ("workers", n(r.workers)),
                ("justified", n(r.justified)),
                ("approved", d("approved")),
                ("reduced", d("reduced")),
                ("rejected", d("rejected")),
                ("ict", d("outside_quota")),
                ("flags", n(r.flagged_employers.values().sum::<u64>())),
            ],
        );
    }
    say(
        "cli-run-ceiling",
        &[
            ("ceiling", n(s.ceiling)),
            ("pct", t.dec(s.ceiling_pct, 2).trim_end_matches('0').trim_end_matches([',', '.']).to_string()),
            ("lf", n(s.labour_force_basis)),
            ("lf_year", s.labour_force_year.to_string()),
            ("reserve", n(s.reserve)),
            ("distributed", n(s.distributed)),
            ("justified", n(s.justified_demand)),
        ],
    );
    let cats: Vec<String> = s
        .foreign_by_category
        .iter()
        .map(|(k, v)| format!("{}: {v}", if k == "seasonal" { t.t("cli-category-seasonal") } else { k.clone() }))
        .collect();
    say("cli-run-categories", &[("list", cats.join(", ")), ("method", s.allocation_method.clone())]);
    if s.editions.len() > 1 {
        let last = s.editions.last().expect("editions");
        say(
            "cli-run-amendments",
            &[
                ("n", (s.editions.len() - 1).to_string()),
                ("id", last.id.clone()),
                ("ceiling", n(last.ceiling)),
                ("distributed", n(last.distributed)),
                ("reserve", n(last.reserve)),
            ],
        );
    }
    if let (Some(i), Some(u)) = (s.permits_issued, s.utilisation) {
        say("cli-run-issued", &[("issued", n(i)), ("pct", format!("{} %", t.dec(100.0 * u, 1)))]);
    }
    let capped = if s.kandas_families < s.kandas_families_funded {
        t.fs("cli-run-kandas-capped", &[("funded", n(s.kandas_families_funded)), ("families", n(s.kandas_families))])
    } else {
        String::new()
    };
    say(
        "cli-run-kandas",
        &[
            ("families", n(s.kandas_families)),
            ("persons", n(s.kandas_persons)),
            ("regions", s.kandas_regions.len().to_string()),
            // Adding 0.0 turns a negative zero into zero: no "-0" is printed.
            ("cost", format!("{:.0}", s.kandas_cost_kzt.round() + 0.0)),
            ("budget", format!("{:.0}", s.kandas_budget_kzt.round() + 0.0)),
            ("capped", capped),
        ],
    );
    let cells: Vec<String> = s.cells_by_rating.iter().map(|(k, v)| format!("{} {v}", t.name("rating", k))).collect();
    say("cli-run-cells", &[("list", cells.join(", "))]);
    if !s.reality.is_empty() {
        let d: Vec<String> = s
            .reality
            .iter()
            .map(|r| {
                let v = r.distance.map_or("-".to_string(), |x| t.dec(x, 2));
                let cal = if r.calibrated { format!(" {}", t.t("cli-calibrated")) } else { String::new() };
                format!("{} {v}{cal}", t.name("cli-measure", &r.measure))
            })
            .collect();
        say("cli-run-reality", &[("year", m.scenario.target_year.to_string()), ("list", d.join(", "))]);
    }
    for w in &m.warnings {
        say("cli-warning", &[("text", w.text(t))]);
    }
    say("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", o.out_dir.display().to_string())]);
}

/// One line per scenario of a batch (in the language of `KVOTA_LANG` or the locale).
pub fn batch_line(o: &RunOutcome) {
    let t = Lang::from_env().texts();
    let m = &o.manifest.summary;
    let args = [
        ("id", format!("{:<24}", o.manifest.scenario.id)),
        ("distributed", format!("{:>7}", m.distributed)),
        ("ceiling", format!("{:>7}", m.ceiling)),
        ("families", format!("{:>5}", m.kandas_families)),
        ("shortage", m.cells_by_rating.get("shortage").copied().unwrap_or(0).to_string()),
    ];
    println!("{}", t.fs("cli-batch-line", &args));
}

/// The last line of a batch.
pub fn batch_wrote(n: usize, out: &std::path::Path) {
    let t = Lang::from_env().texts();
    println!("{}", t.fs("cli-batch-wrote", &[("n", n.to_string()), ("dir", out.display().to_string())]));
}

/// `name: count` pairs with the names from the catalogue (`prefix-code`, else the code).
fn named_counts(t: &Texts, prefix: &str, counts: &std::collections::BTreeMap<String, u64>) -> String {
    counts.iter().map(|(k, v)| format!("{} {v}", t.name(prefix, k))).collect::<Vec<_>>().join(", ")
}

/// `kvota scenario compare`: the cells that differ and the totals.
pub fn compare(o: &CompareOutcome, a: &str, b: &str) {
    let t = Lang::from_env().texts();
    let cmp = &o.comparison;
    let changed: Vec<_> = cmp.cells.iter().filter(|c| c.changed()).collect();
    let n = |x: usize| x.to_string();
    let args =
        [("a", a.to_string()), ("b", b.to_string()), ("changed", n(changed.len())), ("cells", n(cmp.cells.len()))];
    println!("{}", t.fs("cli-compare-head", &args));
    let h = |k: &str| t.t(k);
    println!(
        "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
        h("cli-col-region"),
        h("cli-col-section"),
        h("cli-col-rating-a"),
        h("cli-col-rating-b"),
        h("cli-col-gap-a"),
        h("cli-col-gap-b"),
        h("cli-col-quota-a"),
        h("cli-col-quota-b")
    );
    let rating = |r: &Option<String>| r.as_deref().map_or("-".to_string(), |r| t.name("rating", r));
    for c in &changed {
        println!(
            "{:<7} {:<3} {:>13} {:>13} {:>8} {:>8} {:>8} {:>8}",
            c.region,
            c.section,
            rating(&c.rating_a),
            rating(&c.rating_b),
            c.gap_a,
            c.gap_b,
            c.quota_a,
            c.quota_b
        );
    }
    let tot = cmp.totals();
    let keys = ["gap_a", "gap_b", "quota_a", "quota_b", "families_a", "families_b"];
    let args: Vec<(&str, String)> = keys.iter().zip(tot).map(|(k, v)| (*k, v.to_string())).collect();
    println!("{}", t.fs("cli-compare-totals", &args));
    println!("{}", t.fs("cli-compare-wrote", &[("stem", o.stem.display().to_string())]));
}

/// The per-file report of `kvota ingest` and `kvota validate --format`.
pub fn ingest_report(r: &kvota::ingest::IngestReport) {
    println!("{} ({})", r.file.display(), r.format);
    println!("  rows read        {}", r.rows_read);
    println!("  rows normalised  {}", r.rows_normalised);
    let flags = pairs(&r.flags, " ");
    println!(
        "  cells flagged    {}{}",
        r.cells_flagged(),
        if flags.is_empty() { String::new() } else { format!(" ({flags})") }
    );
    for (label, lines) in
        [("region split", &r.splits), ("gap", &r.gaps), ("skipped", &r.skipped), ("footnote", &r.footnotes)]
    {
        for l in lines {
            println!("  {label:<16} {l}");
        }
    }
    for p in &r.problems {
        println!("  problem          {p}");
    }
}

/// `kvota validate`: the files and checks of the panel.
pub fn validation(report: &kvota::panel::ValidationReport) {
    for f in &report.files {
        println!("{}: {} rows", f.path.display(), f.rows);
        for c in &f.checks {
            println!("  ok  {c}");
        }
    }
    let t = Lang::from_env().texts();
    for w in &report.warnings {
        println!("{}", t.fs("cli-warning", &[("text", w.text(t))]));
    }
    println!("valid: {} files", report.files.len());
}

/// `kvota forecast backtest`: accuracy per model.
pub fn backtest(o: &BacktestOutcome, horizon: u32, origins: u32) {
    let t = Lang::from_env().texts();
    let n = o.table.series.len();
    let args = [
        ("series", n.to_string()),
        ("used", (n - o.skipped.len()).to_string()),
        ("horizon", horizon.to_string()),
        ("origins", origins.to_string()),
    ];
    println!("{}", t.fs("cli-backtest-head", &args));
    println!(
        "{:<14} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>11}",
        t.t("cli-col-model"),
        t.t("cli-col-forecasts"),
        "sMAPE",
        "MASE",
        "MSIS",
        "cov80",
        "cov95",
        t.t("cli-col-calibrated")
    );
    for r in &o.rows {
        let s = &r.summary;
        let calibrated = t.fs(
            "cli-backtest-calibrated",
            &[("n", r.calibrated.0.to_string()), ("origins", r.calibrated.1.to_string())],
        );
        println!(
            "{:<14} {:>9} {:>8.3} {:>8.3} {:>8.3} {:>7.1}% {:>7.1}% {:>11}",
            r.model.name(),
            r.forecasts,
            s.smape,
            s.mase,
            s.msis,
            100.0 * s.coverage_80,
            100.0 * s.coverage_95,
            calibrated
        );
    }
    println!("{}", t.t("cli-backtest-calibrated-note"));
    for s in &o.skipped {
        println!("{}", t.fs("cli-skipped", &[("id", s.id.clone()), ("reason", s.reason.clone())]));
    }
}

/// `kvota forecast`: what was forecast, how the intervals were made, what was skipped.
pub fn forecast(o: &ForecastOutcome, model: &str, horizon: usize, calibrate: bool, out: &std::path::Path) {
    let run = &o.run;
    let fallbacks = run.results.iter().filter(|(_, r)| r.fallback_reason.is_some()).count();
    println!(
        "forecast {} of {} series with {model} ({fallbacks} fell back to a simpler model), horizon {horizon}",
        run.results.len(),
        o.table.series.len(),
    );
    match &run.calibration {
        Some(c) => {
            println!("intervals calibrated on {} hold-out windows of {} series (rolling origins)", c.holdouts, c.series)
        }
        None if calibrate => println!("intervals: model-based (fewer than 5 series are long enough for a hold-out)"),
        None => println!("intervals: model-based (--no-calibrate)"),
    }
    if !run.skipped.is_empty() {
        println!("skipped {} series (reasons in {})", run.skipped.len(), o.skipped_path.display());
    }
    println!("wrote {}", out.display());
}

/// `kvota select`: outcomes and the funnel by route and stage.
pub fn select(o: &SelectOutcome, out: &std::path::Path) {
    let t = Lang::from_env().texts();
    let args = [
        ("n", o.counts.values().sum::<u64>().to_string()),
        ("counts", named_counts(t, "cli-outcome", &o.counts)),
        ("cells", o.cells.to_string()),
    ];
    println!("{}", t.fs("cli-select-summary", &args));
    let h = |k: &str| t.t(k);
    println!(
        "{:<16} {:<20} {:>10} {:>10} {:>10} {:>10}",
        h("cli-col-route"),
        h("cli-col-stage"),
        h("cli-col-entered"),
        h("cli-col-passed"),
        h("cli-col-rejected"),
        h("cli-col-invalid")
    );
    for (route, stage, c) in kvota::select::funnel_by_route_stage(&o.funnel) {
        println!("{route:<16} {stage:<20} {:>10} {:>10} {:>10} {:>10}", c[0], c[1], c[2], c[3]);
    }
    println!("{}", t.fs("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", out.display().to_string())]));
}

/// `kvota contract`: statuses, amounts owed and expected, retention.
pub fn contract(o: &ContractOutcome, as_of: chrono::NaiveDate, out: &std::path::Path) {
    let t = Lang::from_env().texts();
    let args = [
        ("n", o.by_status.values().sum::<u64>().to_string()),
        ("date", as_of.to_string()),
        ("statuses", named_counts(t, "cli-status", &o.by_status)),
    ];
    println!("{}", t.fs("cli-contract-summary", &args));
    // Plain digits (no separators) so that the figures can be copied; never "-0".
    let args = [
        ("owed", t.fixed(o.owed_kzt, 0)),
        ("expected", t.fixed(o.expected_repayments_kzt, 0)),
        ("retention", t.fixed(100.0 * o.retention_at_term, 1)),
    ];
    println!("{}", t.fs("cli-contract-amounts", &args));
    println!("{}", t.fs("cli-run-wrote", &[("n", o.files.len().to_string()), ("dir", out.display().to_string())]));
}

/// Ties broken by `kvota apportion --break-ties`, on stderr.
pub fn apportion_ties(res: &kvota::allocate::units::Apportioned) {
    for t in &res.ties {
        let names: Vec<&str> = t.units.iter().map(|&i| res.units[i].as_str()).collect();
        eprintln!("tie broken at house size {}: {} seat(s) among {}", t.at_house, t.seats, names.join(", "));
    }
}

/// An error as a person reads it, in the language of `KVOTA_LANG` or the locale: the message,
/// each cause on its own line and only once (a cause whose text the message already holds, such
/// as the OS error of a file the message names, is not repeated), and what to do next.
pub fn error(e: &anyhow::Error) -> String {
    let t = Lang::from_env().texts();
    let mut said = match e.downcast_ref::<Error>() {
        // A missing input is said wholly in the user's language (other messages are English).
        Some(Error::Missing { path, input }) => {
            let what = match input {
                Input::Scenario => t.t("missing-scenario"),
                Input::Panel => t.t("missing-panel"),
                Input::Params => t.t("missing-params"),
                Input::ScenarioFile(key) => t.fs("missing-data-file", &[("key", key.to_string())]),
            };
            t.fs("cli-missing", &[("path", path.display().to_string()), ("what", what)])
        }
        _ => e.to_string(),
    };
    let mut out = t.fs("cli-error", &[("text", said.clone())]) + "\n";
    for cause in e.chain().skip(1) {
        let c = cause.to_string();
        if !said.contains(&c) {
            out += &t.fs("cli-cause", &[("text", c.clone())]);
            out += "\n";
            said += &c;
        }
    }
    if let Some(h) = e.downcast_ref::<Error>().and_then(|k| hint(k, t)) {
        out += &t.fs("cli-hint", &[("text", h)]);
        out += "\n";
    }
    out
}

/// What to do next about an error of the library, by its kind.
fn hint(e: &Error, t: &Texts) -> Option<String> {
    Some(match e {
        Error::Missing { input: Input::Scenario, .. } => {
            let builtin: Vec<&str> = kvota::builtin::all()
                .iter()
                .map(|(p, _)| *p)
                .filter(|p| p.starts_with("scenarios/") && p.matches('/').count() == 1)
                .collect();
            t.fs("hint-scenario-missing", &[("builtin", builtin.join(", "))])
        }
        Error::Missing { input: Input::Panel, .. } => t.t("hint-panel-missing"),
        Error::Missing { input: Input::Params, .. } => t.t("hint-params-missing"),
        Error::Missing { input: Input::ScenarioFile(key), .. } => {
            t.fs("hint-data-file-missing", &[("key", key.to_string())])
        }
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => t.t("hint-file-missing"),
        Error::Input { .. } => t.t("hint-input"),
        Error::Scenario { .. } => t.t("hint-scenario"),
        Error::Param { .. } => t.t("hint-param"),
        Error::Inconsistent(_) => t.t("hint-inconsistent"),
        Error::Internal(_) => t.t("hint-internal"),
        _ => return None,
    })
}
