//! `kvota ingest postings` at scale: 1,000,000 and 10,000,000 generated postings (seeded;
//! Enbek-style columns date, region, oked, occupation, salary, experience; region names in
//! their printed variants, salaries in the hh.kz formats with U+202F separators), streamed and
//! aggregated to region x section x month with exact salary medians.
//! Target (issue 3): within 1.3x of the same aggregation by DuckDB on the same file
//! (`benches/peers/postings_duckdb.py`), memory under 2 GB at 10 M rows (measure the peak with
//! `/usr/bin/time -v target/release/kvota ingest postings FILE --out X.parquet`).
//!
//!     cargo bench --bench postings -- [rows ...]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The region labels the generator prints, with the code each must resolve to (the peer
/// script uses the same table).
pub const LABELS: [(&str, &str); 24] = [
    ("Абайская область", "KZ-10"),
    ("Акмолинская область", "KZ-11"),
    ("Aktobe Region", "KZ-15"),
    ("Алматинская область", "KZ-19"),
    ("Атырауская область", "KZ-23"),
    ("West Kazakhstan Region", "KZ-27"),
    ("Жамбылская область", "KZ-31"),
    ("Жетісу облысы", "KZ-33"),
    ("Карагандинская область", "KZ-35"),
    ("Костанайская область", "KZ-39"),
    ("Кызылординская область", "KZ-43"),
    ("Мангистауская область", "KZ-47"),
    ("Павлодарская область", "KZ-55"),
    ("North Kazakhstan Region", "KZ-59"),
    ("Туркестанская область", "KZ-61"),
    ("Ұлытау облысы", "KZ-62"),
    ("Восточно-Казахстанская область", "KZ-63"),
    ("г. Астана", "KZ-71"),
    ("Astana city", "KZ-71"),
    ("г. Алматы", "KZ-75"),
    ("Almaty city", "KZ-75"),
    ("г. Шымкент", "KZ-79"),
    ("SHYGYS KAZAKHSTAN REGION", "KZ-63"),
    ("Pavlodar Region", "KZ-55"),
];

fn generate(path: &Path, n: usize) {
    let t = Instant::now();
    let mut state = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let divisions = [1, 6, 10, 20, 35, 41, 46, 47, 49, 56, 62, 64, 68, 71, 78, 84, 85, 86, 90, 96];
    let occupations =
        ["Бухгалтер", "Инженер-механик", "Врач-терапевт", "Сварщик", "Водитель категории C", "Программист"];
    let experience = ["Без опыта", "Опыт 1-3 года", "Опыт 3-6 лет", "Опыт более 6&nbsp;лет"];
    let nn = "\u{202f}";
    let group = |x: u64| -> String {
        let s = x.to_string();
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push_str(nn);
            }
            out.push(ch);
        }
        out
    };
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path).expect("create"));
    writeln!(w, "date,region,oked,occupation,salary,experience").unwrap();
    for _ in 0..n {
        let mut r = |k: u64| next() % k;
        let (label, _) = LABELS[r(LABELS.len() as u64) as usize];
        let div = divisions[r(divisions.len() as u64) as usize];
        let lo = 80_000 + r(60) * 10_000;
        let hi = lo + r(40) * 10_000;
        let salary = match r(8) {
            0 | 1 => "Not specified".to_string(),
            2 => format!("от {} ₸ на руки", group(lo)),
            3 => format!("до {} ₸ до вычета налогов", group(hi)),
            4 => format!("{} $ на руки", group(lo / 500)),
            _ => format!("{} – {} ₸ на руки", group(lo), group(hi)),
        };
        writeln!(
            w,
            "2025-{:02}-{:02},{label},{div:02}{:03},{},{salary},{}",
            1 + r(12),
            1 + r(28),
            r(1000),
            occupations[r(occupations.len() as u64) as usize],
            experience[r(4) as usize]
        )
        .unwrap();
    }
    w.flush().unwrap();
    eprintln!("generated {n} postings in {:.1} s", t.elapsed().as_secs_f64());
}

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000_000, 10_000_000] } else { sizes };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-postings");
    std::fs::create_dir_all(&dir).expect("bench dir");
    for n in sizes {
        let file: PathBuf = dir.join(format!("postings_{n}.csv"));
        if !file.exists() {
            generate(&file, n);
        }
        let bytes = std::fs::metadata(&file).unwrap().len();
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let got = kvota::ingest::postings::read(&file, None).expect("read");
            let s = t.elapsed().as_secs_f64();
            assert_eq!(got.report.rows_read, n);
            assert!(got.report.problems.is_empty(), "{:?}", got.report.problems.first());
            times.push(s);
        }
        times.sort_by(f64::total_cmp);
        let med = times[1];
        println!(
            "postings {n:>10} rows, {:.0} MB: median {med:.2} s (min {:.2}, max {:.2}), {:.2} M rows/s",
            bytes as f64 / 1e6,
            times[0],
            times[2],
            n as f64 / med / 1e6
        );
    }
}
