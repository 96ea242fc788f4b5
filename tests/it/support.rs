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
