//! A batch of 20 scenarios on the default data, as `kvota scenario run` does it: the scenarios
//! differ in their levers (reserve share, cut-offs, output growth, kandas budget, allocation
//! method, overrides) and share one set of forecasts. Target (issue 6): under 10 s on 2 cores.
//!
//!     cargo bench --bench scenarios
//!
//! The 20 scenario files are written to target/bench-scenarios/ (each `extends` the baseline),
//! so the command line can be timed on them too:
//! `time target/release/kvota scenario run target/bench-scenarios/*.toml --out target/bench-scenarios/out -q`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kvota::config::{Config, RunOverrides};
use kvota::pipeline::{self, Quiet};

fn write_scenarios(root: &Path, dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("dir");
    let base = root.join("scenarios/baseline.toml");
    let levers = [
        "[foreign]\nreserve_share = 0.0\n",
        "[foreign]\nreserve_share = 0.2\n",
        "[shortage]\nshortage_cutoff = 0.3\n",
        "[shortage]\nshortage_cutoff = 0.8\n",
        "[shortage]\nsurplus_cutoff = -0.2\n",
        "[shortage.output_growth_pct]\nB = -10.0\n",
        "[shortage.output_growth_pct]\nB = 8.0\nC = 6.0\n",
        "[shortage.output_growth_pct]\nF = 12.0\n",
        "[shortage]\nfrictional_unemployment_pct = 3.0\n",
        "[shortage]\nfrictional_unemployment_pct = 5.0\n",
        "[kandas]\nbudget_kzt = 2.6e9\n",
        "[kandas]\nbudget_kzt = 1.0e10\n",
        "[foreign]\nmethod = \"lp\"\n",
        "[foreign]\nmethod = \"lp\"\nmin_coverage = 0.05\nsection_floor = { Q = 2000 }\n",
        "[foreign]\nceiling_pct_override = 0.5\n",
        "[foreign]\nceiling_pct_override = 0.1\n",
        "[[shortage.overrides]]\nregion = \"KZ-35\"\nsection = \"P\"\nrating = \"balanced\"\nreason = \"bench\"\n",
        "[shortage.weights]\ntightness = 0.5\nvacancy_rate = 0.5\n",
        "[shortage]\nmin_cell_employment = 5000\n",
        "[shortage]\nwomen_share_of_retirements = 0.6\n",
    ];
    levers
        .iter()
        .enumerate()
        .map(|(i, lever)| {
            let p = dir.join(format!("s{i:02}.toml"));
            std::fs::write(&p, format!("extends = \"{}\"\nid = \"s{i:02}\"\n{lever}", base.display())).expect("write");
            p
        })
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-scenarios");
    let files = write_scenarios(root, &dir);
    let scenarios: Vec<Config> = files
        .iter()
        .map(|p| {
            let mut s = Config::load(p, &RunOverrides::default()).expect("scenario");
            s.data.panel = root.join(&s.data.panel);
            s.data.params = root.join(&s.data.params);
            s
        })
        .collect();
    let out = tempfile::tempdir().expect("tempdir");
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        pipeline::run_batch(&scenarios, out.path(), &Quiet, &mut |_, _| {}).expect("run");
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "scenarios: batch of {} in-process, 5 batches: min {:.2} s, median {:.2} s, max {:.2} s ({} threads)",
        scenarios.len(),
        times[0],
        times[2],
        times[4],
        rayon::current_num_threads()
    );
}
