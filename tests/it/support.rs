//! Helpers shared by the integration tests.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `kvota` binary in the repository root.
pub fn kvota(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kvota")).args(args).current_dir(repo()).output().expect("run kvota")
}

/// Runs the `kvota` binary in the repository root with `KVOTA_LANG` set to `lang`.
pub fn kvota_in(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kvota"))
        .args(args)
        .env("KVOTA_LANG", lang)
        .current_dir(repo())
        .output()
        .expect("run kvota")
}

/// The text of `scenarios/<name>.toml` with its data paths (relative to the file) made
/// absolute, so that the text can be written anywhere.
pub fn scenario_text(name: &str) -> String {
    let text = fs::read_to_string(repo().join(format!("scenarios/{name}.toml"))).expect("a scenario");
    assert!(text.contains("\"../data/"), "scenarios/{name}.toml names its data relative to itself");
    text.replace("\"../data/", &format!("\"{}/data/", repo().display()))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Copies every file of `from` into a new temporary directory.
pub fn copy_dir(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for e in fs::read_dir(from).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_file() {
            fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
        }
    }
    dir
}

/// SHA-256 of every file in a directory, by name.
pub fn hashes(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_file() {
            out.insert(p.file_name().unwrap().to_string_lossy().into_owned(), kvota::export::sha256_file(&p).unwrap());
        }
    }
    out
}

/// Schema (name, Arrow type) and key-value metadata of a Parquet file, read with arrow-rs's
/// reader, independently of polars.
pub fn parquet_schema(path: &Path) -> (Vec<(String, String)>, BTreeMap<String, String>, usize) {
    let f = fs::File::open(path).expect("open parquet");
    let b = ParquetRecordBatchReaderBuilder::try_new(f).expect("parquet reader");
    let schema: Vec<(String, String)> =
        b.schema().fields().iter().map(|f| (f.name().clone(), f.data_type().to_string())).collect();
    let kv: BTreeMap<String, String> = b
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|v| v.iter().filter_map(|k| k.value.clone().map(|val| (k.key.clone(), val))).collect())
        .unwrap_or_default();
    let rows = b.metadata().file_metadata().num_rows() as usize;
    (schema, kv, rows)
}

/// Reads every record batch of a Parquet file with arrow-rs.
pub fn parquet_batches(path: &Path) -> Vec<arrow::record_batch::RecordBatch> {
    let f = fs::File::open(path).expect("open parquet");
    let r = ParquetRecordBatchReaderBuilder::try_new(f).expect("reader").build().expect("build");
    r.map(|b| b.expect("batch")).collect()
}

/// An outside tool a test drives (Chromium, a Python with DuckDB or Jupyter). `var` names the
/// environment variable that `.ci/run` sets when it installed the tool: then the tool is required
/// and a failure to run it fails the test. Without the variable the tool is looked for under
/// `default`, and a test whose tool is missing prints `SKIPPED ...` and passes.
pub struct Tool {
    pub program: PathBuf,
    pub required: bool,
}

pub fn tool(var: &str, default: &str) -> Tool {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => Tool { program: PathBuf::from(p), required: true },
        _ => Tool { program: PathBuf::from(default), required: false },
    }
}

/// The Python interpreter for the DuckDB and notebook checks (`KVOTA_TEST_PYTHON`, else `python3`).
pub fn python() -> Tool {
    tool("KVOTA_TEST_PYTHON", "python3")
}

/// Runs a tool; `None` (after printing `SKIPPED <what>: <why>`) when it is missing or cannot do
/// the job for want of something installed and the tool is not required.
pub fn run_tool(t: &Tool, what: &str, args: &[&std::ffi::OsStr], missing_marker: &[&str]) -> Option<Output> {
    match Command::new(&t.program).args(args).current_dir(repo()).output() {
        Ok(o) => {
            let err = stderr(&o);
            if !o.status.success() && !t.required && missing_marker.iter().any(|m| err.contains(m)) {
                eprintln!("SKIPPED {what}: {}", err.lines().last().unwrap_or(""));
                return None;
            }
            Some(o)
        }
        Err(e) if !t.required => {
            eprintln!("SKIPPED {what}: {} not available ({e})", t.program.display());
            None
        }
        Err(e) => panic!("{what}: cannot run {} ({e})", t.program.display()),
    }
}

/// `n` with `sep` between groups of three digits: (18451, ',') -> "18,451".
pub fn thousands(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}
