//! `kvota select` at scale: 1,000,000 applicants (seeded synthetic answers for the 2026 pilot
//! rules) read from CSV, scored, ranked and allocated to 20 regional quotas, outputs written.
//! Target (issue 7): under 10 s on 2 cores, memory under 2 GB (measure the peak with
//! `/usr/bin/time -v target/release/kvota select ...` on the files this bench leaves behind).
//!
//!     cargo bench --bench select -- [applicants]

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-select");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let applicants = dir.join(format!("applicants_{n}.csv"));
    let quota = dir.join("quota.csv");
    if !applicants.exists() {
        let t = Instant::now();
        let mut state = 0x9E3779B97F4A7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let regions = kvota::codes::Region::all().map(|r| r.iso()).collect::<Vec<_>>();
        let edu = ["none", "general_secondary", "specialised_secondary", "higher", "postgraduate"];
        let lvl = ["none", "a1", "a2", "b1", "b2", "c1"];
        let comp = ["none", "basic", "certified", "in_demand"];
        let tf = ["true", "false"];
        let mut s = String::with_capacity(n * 160);
        s.push_str("applicant_id,submitted_at,route,region,kz_test_listening,kz_test_reading,age,education,kazakh_level,russian_level,english_level,work_experience_years,study_experience_years,professional_competence,health,relatives_in_kazakhstan,lived_in_kazakhstan,checks_passed,interview_passed\n");
        for i in 0..n {
            let mut r = |k: u64| (next() % k) as usize;
            let route = if r(3) == 0 { "foreign" } else { "kandas" };
            writeln!(
                s,
                "a{i:07},2026-{:02}-{:02}T{:02}:{:02}:{:02}Z,{route},{},{:.2},{:.2},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                1 + r(12),
                1 + r(28),
                r(24),
                r(60),
                r(60),
                regions[r(regions.len() as u64)],
                0.1 + r(90) as f64 / 100.0,
                0.1 + r(90) as f64 / 100.0,
                18 + r(50),
                edu[r(5)],
                lvl[r(6)],
                lvl[r(6)],
                lvl[r(6)],
                r(25),
                r(6),
                comp[r(4)],
                if r(10) == 0 { "limited" } else { "fit" },
                tf[r(2)],
                tf[r(2)],
                if r(20) == 0 { "false" } else { "true" },
                if r(10) == 0 { "false" } else { "true" },
            )
            .expect("write");
        }
        std::fs::write(&applicants, s).expect("write applicants");
        let mut q = String::from("route,region,slots\n");
        for reg in &regions {
            writeln!(q, "kandas,{reg},2000").expect("write");
            writeln!(q, "foreign,{reg},1000").expect("write");
        }
        std::fs::write(&quota, q).expect("write quota");
        println!("generated {n} applicants in {:.1} s", t.elapsed().as_secs_f64());
    }
    let rules = root.join("data/rules/kz_2026_pilot.toml");
    let out = dir.join("out");
    let t = Instant::now();
    let o = kvota::pipeline::jobs::select(&rules, &applicants, Some(&quota), &out).expect("select");
    println!(
        "select: {n} applicants read, scored, ranked and allocated, outputs written in {:.2} s ({} cells; {:?})",
        t.elapsed().as_secs_f64(),
        o.cells,
        o.counts
    );
    println!(
        "files: {} (peak memory: /usr/bin/time -v target/release/kvota select --rules {} --applicants {} --quota {} --out {})",
        o.files.len(),
        rules.display(),
        applicants.display(),
        quota.display(),
        out.display()
    );
}
