//! Writing outputs: Parquet with a declared schema (arrow-rs), JSON manifests, and the
//! atomic-write discipline (stage, then rename) that keeps previous outputs intact when a run
//! fails.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{ArrayRef, Float64Array, Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use crate::error::{Error, Result};

/// Version of the published output schemas (`docs/outputs.md`). Bump on any change of a
/// column's name, type or meaning.
/// A table format written beside the Parquet files on request (`kvota run --format`,
/// `[output] formats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    /// Arrow IPC file (`.arrow`, Feather v2), same schema and metadata as the Parquet.
    Arrow,
    /// CSV (`.csv`): header row, `.` decimal point, empty field for null.
    Csv,
}

impl std::str::FromStr for TableFormat {
    type Err = crate::error::Msg;
    fn from_str(s: &str) -> std::result::Result<Self, crate::error::Msg> {
        match s.trim().to_ascii_lowercase().as_str() {
            "arrow" => Ok(TableFormat::Arrow),
            "csv" => Ok(TableFormat::Csv),
            other => Err(crate::error::Msg::new("arg-table-format").arg("value", other)),
        }
    }
}

pub const SCHEMA_VERSION: &str = "1";

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed and
/// synced, then renamed over the target. A reader sees the old file or the new one, never a
/// half-written one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Removes an output left by an earlier run that this run does not write (a missing file is
/// not an error).
pub fn remove_stale(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

/// A set of output files staged in a hidden directory inside the output folder and moved into
/// place only when every file has been written. Dropping an uncommitted set removes the
/// staging directory, so a failed run leaves the previous outputs as they were.
pub struct OutputSet {
    out_dir: PathBuf,
    staging: PathBuf,
    files: Vec<PathBuf>,
    committed: bool,
}

impl OutputSet {
    pub fn new(out_dir: &Path) -> Result<OutputSet> {
        fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
        let staging = out_dir.join(format!(".staging-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(OutputSet { out_dir: out_dir.to_path_buf(), staging, files: Vec::new(), committed: false })
    }

    /// Path inside the staging area for a relative output name (e.g. `shortage.parquet`).
    pub fn stage_path(&mut self, name: &str) -> Result<PathBuf> {
        let p = self.staging.join(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        self.files.push(PathBuf::from(name));
        Ok(p)
    }

    /// Stages `<stem>.parquet` and, for each requested format, `<stem>.arrow` / `<stem>.csv`.
    pub fn write_table(
        &mut self,
        stem: &str,
        table: &OutputTable,
        metadata: &[(&str, String)],
        formats: &[TableFormat],
    ) -> Result<()> {
        let p = self.stage_path(&format!("{stem}.parquet"))?;
        table.write_parquet(&p, metadata)?;
        for f in formats {
            match f {
                TableFormat::Arrow => {
                    let p = self.stage_path(&format!("{stem}.arrow"))?;
                    table.write_arrow_ipc(&p, metadata)?;
                }
                TableFormat::Csv => {
                    self.write_bytes(&format!("{stem}.csv"), table.to_csv().as_bytes())?;
                }
            }
        }
        Ok(())
    }

    pub fn write_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let p = self.stage_path(name)?;
        fs::write(&p, bytes).map_err(|e| Error::io(&p, e))?;
        Ok(p)
    }

    /// Where a staged output currently is (before commit).
    pub fn staged(&self, name: &Path) -> PathBuf {
        self.staging.join(name)
    }

    /// Final paths the set will have after commit, relative to the output folder.
    pub fn names(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Moves every staged file over its final name (each rename is atomic) and removes the
    /// staging directory.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for name in &self.files {
            let from = self.staging.join(name);
            let to = self.out_dir.join(name);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
            fs::File::open(&from).and_then(|f| f.sync_all()).map_err(|e| Error::io(&from, e))?;
            fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
            done.push(to);
        }
        fs::remove_dir_all(&self.staging).map_err(|e| Error::io(&self.staging, e))?;
        self.committed = true;
        Ok(done)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// A column of an output table.
pub enum ColumnData {
    Str(Vec<String>),
    OptStr(Vec<Option<String>>),
    Int(Vec<i64>),
    OptInt(Vec<Option<i64>>),
    Float(Vec<f64>),
    OptFloat(Vec<Option<f64>>),
    Bool(Vec<bool>),
    OptBool(Vec<Option<bool>>),
}

/// One column: name, data and its documented meaning (stored as field metadata).
pub struct OutputColumn {
    pub name: String,
    pub data: ColumnData,
    pub description: String,
}

/// A table to be written as Parquet, with its schema stated column by column.
pub struct OutputTable {
    pub name: &'static str,
    pub columns: Vec<OutputColumn>,
}

impl OutputTable {
    pub fn new(name: &'static str) -> Self {
        OutputTable { name, columns: Vec::new() }
    }

    pub fn col(mut self, name: impl Into<String>, data: ColumnData, description: impl Into<String>) -> Self {
        self.columns.push(OutputColumn { name: name.into(), data, description: description.into() });
        self
    }

    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, |c| match &c.data {
            ColumnData::Str(v) => v.len(),
            ColumnData::OptStr(v) => v.len(),
            ColumnData::Int(v) => v.len(),
            ColumnData::Float(v) => v.len(),
            ColumnData::OptFloat(v) => v.len(),
            ColumnData::Bool(v) => v.len(),
            ColumnData::OptInt(v) => v.len(),
            ColumnData::OptBool(v) => v.len(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A code column `key` and its labels `<what>_name_en`, `_ru`, `_kk` (one name per language).
    fn code_with_labels<T: Copy>(
        self,
        key: (&str, &str),
        what: &str,
        items: impl Iterator<Item = T> + Clone,
        code: fn(T) -> &'static str,
        names: [fn(T) -> &'static str; 3],
    ) -> Self {
        let text = |f: fn(T) -> &'static str| ColumnData::Str(items.clone().map(|x| f(x).to_string()).collect());
        let mut t = self.col(key.0, text(code), key.1);
        for (lang, (suffix, f)) in
            ["English", "Russian", "Kazakh (Cyrillic)"].iter().zip(["en", "ru", "kk"].iter().zip(names))
        {
            t = t.col(format!("{what}_name_{suffix}"), text(f), format!("{what} name in {lang}"));
        }
        t
    }

    /// The region key and its labels: `region_code` (ISO 3166-2:KZ), `region_name_en`, `_ru`, `_kk`.
    pub fn region_columns(self, regions: impl Iterator<Item = crate::codes::Region> + Clone) -> Self {
        use crate::codes::Region;
        self.code_with_labels(
            ("region_code", "ISO 3166-2:KZ code of the region"),
            "region",
            regions,
            Region::iso,
            [Region::name_en, Region::name_ru, Region::name_kk],
        )
    }

    /// The section key and its labels: `oked_section` (letter), `section_name_en`, `_ru`, `_kk`.
    pub fn section_columns(self, sections: impl Iterator<Item = crate::codes::OkedSection> + Clone) -> Self {
        use crate::codes::OkedSection;
        self.code_with_labels(
            ("oked_section", "OKED section letter"),
            "section",
            sections,
            OkedSection::code,
            [OkedSection::name_en, OkedSection::name_ru, OkedSection::name_kk],
        )
    }

    /// The Arrow record batch with field-level descriptions.
    pub fn to_batch(&self) -> Result<RecordBatch> {
        let mut fields = Vec::with_capacity(self.columns.len());
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(self.columns.len());
        for c in &self.columns {
            let (dt, nullable, arr): (DataType, bool, ArrayRef) = match &c.data {
                ColumnData::Str(v) => (DataType::Utf8, false, Arc::new(StringArray::from_iter_values(v))),
                ColumnData::OptStr(v) => (DataType::Utf8, true, Arc::new(StringArray::from(v.clone()))),
                ColumnData::Int(v) => (DataType::Int64, false, Arc::new(Int64Array::from(v.clone()))),
                ColumnData::OptInt(v) => (DataType::Int64, true, Arc::new(Int64Array::from(v.clone()))),
                // `+ 0.0` turns a negative zero into zero: no table says "-0".
                ColumnData::Float(v) => {
                    (DataType::Float64, false, Arc::new(Float64Array::from_iter_values(v.iter().map(|x| x + 0.0))))
                }
                ColumnData::OptFloat(v) => {
                    (DataType::Float64, true, Arc::new(v.iter().map(|x| x.map(|x| x + 0.0)).collect::<Float64Array>()))
                }
                ColumnData::Bool(v) => {
                    (DataType::Boolean, false, Arc::new(arrow::array::BooleanArray::from(v.clone())))
                }
                ColumnData::OptBool(v) => {
                    (DataType::Boolean, true, Arc::new(arrow::array::BooleanArray::from(v.clone())))
                }
            };
            let meta: std::collections::HashMap<String, String> =
                [("description".to_string(), c.description.to_string())].into_iter().collect();
            fields.push(Field::new(c.name.clone(), dt, nullable).with_metadata(meta));
            arrays.push(arr);
        }
        let schema = Arc::new(Schema::new(fields));
        RecordBatch::try_new(schema, arrays).map_err(|e| Error::output(self.name, e))
    }

    /// Writes the table as Parquet (zstd, dictionary pages, statistics) with key-value
    /// metadata: schema version, table name and the caller's entries (scenario id, run id).
    pub fn write_parquet(&self, path: &Path, metadata: &[(&str, String)]) -> Result<()> {
        write_parquet_chunks(path, self.name, metadata, std::iter::once(Ok(self.to_batch()?)))
    }

    /// Writes the table as an Arrow IPC file (the Feather v2 format; uncompressed) with the same
    /// schema as the Parquet file; the key-value entries go into the schema's metadata.
    pub fn write_arrow_ipc(&self, path: &Path, metadata: &[(&str, String)]) -> Result<()> {
        let batch = self.to_batch()?;
        let mut meta = batch.schema().metadata().clone();
        meta.insert("kvota.schema_version".to_string(), SCHEMA_VERSION.to_string());
        meta.insert("kvota.table".to_string(), self.name.to_string());
        for (k, v) in metadata {
            meta.insert(format!("kvota.{k}"), v.clone());
        }
        let schema = Arc::new(batch.schema().as_ref().clone().with_metadata(meta));
        let batch = batch.with_schema(schema.clone()).map_err(|e| Error::output(self.name, e))?;
        let file = fs::File::create(path).map_err(|e| Error::io(path, e))?;
        let mut w = arrow::ipc::writer::FileWriter::try_new(std::io::BufWriter::new(file), &schema)
            .map_err(|e| Error::output(self.name, e))?;
        w.write(&batch).map_err(|e| Error::output(self.name, e))?;
        w.finish().map_err(|e| Error::output(self.name, e))?;
        Ok(())
    }

    /// Writes the table as CSV (header row, `.` decimal point, empty field for null).
    pub fn to_csv(&self) -> String {
        let mut s = String::new();
        let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
        s.push_str(&names.join(","));
        s.push('\n');
        for i in 0..self.len() {
            let cells: Vec<String> = self
                .columns
                .iter()
                .map(|c| match &c.data {
                    ColumnData::Str(v) => csv_escape(&v[i]),
                    ColumnData::OptStr(v) => v[i].as_deref().map(csv_escape).unwrap_or_default(),
                    ColumnData::Int(v) => v[i].to_string(),
                    ColumnData::OptInt(v) => v[i].map(|x| x.to_string()).unwrap_or_default(),
                    ColumnData::Float(v) => format_float(v[i]),
                    ColumnData::OptFloat(v) => v[i].map(format_float).unwrap_or_default(),
                    ColumnData::Bool(v) => v[i].to_string(),
                    ColumnData::OptBool(v) => v[i].map(|x| x.to_string()).unwrap_or_default(),
                })
                .collect();
            s.push_str(&cells.join(","));
            s.push('\n');
        }
        s
    }
}

fn format_float(x: f64) -> String {
    if x.is_finite() { format!("{x}") } else { String::new() }
}

fn csv_escape(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// Writes record batches (one schema) as one Parquet file, batch by batch, so that a large
/// table never has to be in memory whole. Key-value metadata as for [`OutputTable::write_parquet`].
pub fn write_parquet_chunks(
    path: &Path,
    name: &str,
    metadata: &[(&str, String)],
    batches: impl Iterator<Item = Result<RecordBatch>>,
) -> Result<()> {
    let mut kv = vec![
        KeyValue::new("kvota.schema_version".to_string(), SCHEMA_VERSION.to_string()),
        KeyValue::new("kvota.table".to_string(), name.to_string()),
    ];
    kv.extend(metadata.iter().map(|(k, v)| KeyValue::new(format!("kvota.{k}"), v.clone())));
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).map_err(|e| Error::output(name, e))?))
        .set_key_value_metadata(Some(kv))
        .set_created_by(format!("kvota {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer: Option<ArrowWriter<fs::File>> = None;
    for b in batches {
        let b = b?;
        if writer.is_none() {
            let file = fs::File::create(path).map_err(|e| Error::io(path, e))?;
            writer =
                Some(ArrowWriter::try_new(file, b.schema(), Some(props.clone())).map_err(|e| Error::output(name, e))?);
        }
        writer.as_mut().expect("created").write(&b).map_err(|e| Error::output(name, e))?;
    }
    match writer {
        Some(w) => {
            w.close().map_err(|e| Error::output(name, e))?;
            Ok(())
        }
        None => Err(Error::output(name, "no rows to write")),
    }
}

/// Writes `table` to `path` as Parquet (`.parquet`) or CSV (`.csv`), atomically: into a
/// temporary file in the same folder, then renamed over the target.
pub fn write_table(path: &Path, table: &OutputTable, metadata: &[(&str, String)]) -> Result<()> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => write_atomic(path, table.to_csv().as_bytes()),
        Some("parquet") => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            let tmp = tempfile::Builder::new().suffix(".parquet").tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
            table.write_parquet(tmp.path(), metadata)?;
            tmp.as_file().sync_all().map_err(|e| Error::io(tmp.path(), e))?;
            tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
            Ok(())
        }
        _ => Err(Error::Output {
            context: path.display().to_string(),
            message: "the output file must end in .parquet or .csv".into(),
        }),
    }
}

/// SHA-256 of a file, hex-encoded.
pub fn sha256_file(path: &Path) -> Result<String> {
    Ok(sha256_bytes(&crate::builtin::read(path)?))
}

/// SHA-256 of bytes in memory, as lowercase hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}

/// Tables of a run copied into the Hive-partitioned dataset `<out>/dataset/<table>/`.
pub const DATASET_TABLES: [&str; 6] =
    ["shortage", "quota_foreign", "quota_kandas", "reality", "requests_vetted", "employer_flags"];

/// Dataset tables a run writes only with employers' request lines.
pub const OPTIONAL_DATASET_TABLES: [&str; 2] = ["requests_vetted", "employer_flags"];

/// Copies a run's `<table>.parquet` into `<root>/dataset/<table>/scenario=<id>/year=<y>/part-0.parquet`,
/// without the `year` column (the partition carries it), with the same key-value metadata, so
/// that DuckDB, Spark or Trino read all scenarios and years as one table
/// (`read_parquet('<root>/dataset/quota_foreign/*/*/*.parquet', hive_partitioning = true)`).
/// Written to a temporary file and renamed: a reader never sees half a partition.
pub fn write_hive_partition(root: &Path, table: &str, scenario: &str, year: i32, source: &Path) -> Result<PathBuf> {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let f = fs::File::open(source).map_err(|e| Error::io(source, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(f).map_err(|e| Error::output(table, e))?;
    let kv: Vec<(String, String)> = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|v| v.iter().map(|k| (k.key.clone(), k.value.clone().unwrap_or_default())).collect())
        .unwrap_or_default();
    let reader = builder.build().map_err(|e| Error::output(table, e))?;
    let dir = root.join("dataset").join(table).join(format!("scenario={scenario}")).join(format!("year={year}"));
    fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let target = dir.join("part-0.parquet");
    let tmp = tempfile::Builder::new().suffix(".parquet").tempfile_in(&dir).map_err(|e| Error::io(&dir, e))?;
    let meta: Vec<(&str, String)> = kv
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("kvota.").map(|k| (k, v.clone())))
        .filter(|(k, _)| *k != "schema_version" && *k != "table")
        .collect();
    let batches = reader.map(|b| {
        let b = b.map_err(|e| Error::output(table, e))?;
        match b.schema().index_of("year") {
            Ok(i) => {
                let keep: Vec<usize> = (0..b.num_columns()).filter(|&c| c != i).collect();
                b.project(&keep).map_err(|e| Error::output(table, e))
            }
            Err(_) => Ok(b),
        }
    });
    write_parquet_chunks(tmp.path(), table, &meta, batches)?;
    tmp.as_file().sync_all().map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(&target).map_err(|e| Error::io(&target, e.error))?;
    Ok(target)
}

/// A column read back from a Parquet output.
pub enum ParquetColumn {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
}

impl ParquetColumn {
    /// The values as text (numbers printed), null as `None`.
    pub fn texts(&self) -> Vec<Option<String>> {
        match self {
            ParquetColumn::Str(v) => v.clone(),
            ParquetColumn::Int(v) => v.iter().map(|x| x.map(|y| y.to_string())).collect(),
            ParquetColumn::Float(v) => v.iter().map(|x| x.map(|y| y.to_string())).collect(),
        }
    }

    /// The values as numbers: a null integer is 0, a null float or unparsable text NaN.
    pub fn numbers(&self) -> Vec<f64> {
        match self {
            ParquetColumn::Int(v) => v.iter().map(|x| x.unwrap_or(0) as f64).collect(),
            ParquetColumn::Float(v) => v.iter().map(|x| x.unwrap_or(f64::NAN)).collect(),
            ParquetColumn::Str(v) => {
                v.iter().map(|x| x.as_deref().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN)).collect()
            }
        }
    }
}

/// Reads the named columns (string, int64, float64, or boolean as 0/1) of a Parquet file written by kvota, for
/// the report and the scenario comparison.
pub fn read_parquet_columns(path: &Path, names: &[&str]) -> Result<Vec<ParquetColumn>> {
    use arrow::array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let bad = |col: Option<&str>, m: String| {
        let location = match col {
            Some(c) => crate::error::Location::column(path, c),
            None => crate::error::Location::file(path),
        };
        Error::input(location, m)
    };
    let f = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(f)
        .and_then(|b| b.build())
        .map_err(|e| bad(None, format!("not a readable Parquet file: {e}")))?;
    let mut out: Vec<ParquetColumn> = Vec::new();
    for batch in reader {
        let batch = batch.map_err(|e| bad(None, e.to_string()))?;
        for (k, name) in names.iter().enumerate() {
            let c = batch
                .column_by_name(name)
                .ok_or_else(|| bad(Some(name), "column missing: not a kvota output".into()))?;
            let any = c.as_any();
            let col = if let Some(s) = any.downcast_ref::<StringArray>() {
                ParquetColumn::Str((0..s.len()).map(|i| (!s.is_null(i)).then(|| s.value(i).to_string())).collect())
            } else if let Some(v) = any.downcast_ref::<Int64Array>() {
                ParquetColumn::Int((0..v.len()).map(|i| (!v.is_null(i)).then(|| v.value(i))).collect())
            } else if let Some(v) = any.downcast_ref::<Float64Array>() {
                ParquetColumn::Float((0..v.len()).map(|i| (!v.is_null(i)).then(|| v.value(i))).collect())
            } else if let Some(v) = any.downcast_ref::<arrow::array::BooleanArray>() {
                ParquetColumn::Int((0..v.len()).map(|i| (!v.is_null(i)).then(|| i64::from(v.value(i)))).collect())
            } else {
                return Err(bad(Some(name), "unexpected column type".into()));
            };
            if out.len() <= k {
                out.push(col);
            } else {
                match (&mut out[k], col) {
                    (ParquetColumn::Str(a), ParquetColumn::Str(b)) => a.extend(b),
                    (ParquetColumn::Int(a), ParquetColumn::Int(b)) => a.extend(b),
                    (ParquetColumn::Float(a), ParquetColumn::Float(b)) => a.extend(b),
                    _ => return Err(bad(Some(name), "type changes between batches".into())),
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::Array;

    #[test]
    fn no_table_holds_a_negative_zero() {
        let t = OutputTable::new("t").col("a", ColumnData::Float(vec![-0.0, -1.5, 0.0]), "a").col(
            "b",
            ColumnData::OptFloat(vec![Some(-0.0), None, Some(2.0)]),
            "b",
        );
        let b = t.to_batch().unwrap();
        let a = b.column(0).as_any().downcast_ref::<Float64Array>().unwrap();
        assert!(a.value(0).is_sign_positive() && a.value(1) == -1.5 && a.value(2).is_sign_positive());
        let o = b.column(1).as_any().downcast_ref::<Float64Array>().unwrap();
        assert!(o.value(0).is_sign_positive() && o.is_null(1));
    }
}
