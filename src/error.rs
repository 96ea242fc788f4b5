//! Typed errors of the library. The CLI renders them once, at the edge.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input something is wrong: file, and where known the 1-based row (as a
/// spreadsheet or text editor counts it, header = row 1) and the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub row: Option<usize>,
    pub column: Option<String>,
}

impl Location {
    pub fn file(file: impl AsRef<Path>) -> Self {
        Location { file: file.as_ref().to_path_buf(), row: None, column: None }
    }
    pub fn cell(file: impl AsRef<Path>, row: usize, column: impl Into<String>) -> Self {
        Location { file: file.as_ref().to_path_buf(), row: Some(row), column: Some(column.into()) }
    }
    pub fn row(file: impl AsRef<Path>, row: usize) -> Self {
        Location { file: file.as_ref().to_path_buf(), row: Some(row), column: None }
    }
    pub fn column(file: impl AsRef<Path>, column: impl Into<String>) -> Self {
        Location { file: file.as_ref().to_path_buf(), row: None, column: Some(column.into()) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column `{c}`")?;
        }
        Ok(())
    }
}

/// Which input a missing path was to be, so that the message can say where to give another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A scenario file (`--scenario FILE`, `kvota scenario run FILE...`).
    Scenario,
    /// The panel folder (`--data DIR`, the scenario's `[data] panel`).
    Panel,
    /// The folder of dated parameters (`--params DIR`, the scenario's `[data] params`).
    Params,
    /// A file named by a key of the scenario's `[data]` table.
    ScenarioFile(&'static str),
}

impl Input {
    fn what(&self) -> String {
        match self {
            Input::Scenario => "the scenario file".into(),
            Input::Panel => "the panel folder".into(),
            Input::Params => "the folder of dated parameters".into(),
            Input::ScenarioFile(key) => format!("the file of `[data] {key}` in the scenario"),
        }
    }
}

/// Everything that can go wrong in kvota.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input data: the message says what is wrong, the location where.
    #[error("{location}: {message}")]
    Input { location: Location, message: String },

    /// An input file or folder that is neither on disk nor built in.
    #[error("{}: not found ({})", path.display(), input.what())]
    Missing { path: PathBuf, input: Input },

    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// A policy parameter is missing, malformed or not in force on the date asked.
    #[error("parameter `{name}`: {message}")]
    Param { name: String, message: String },

    /// A scenario file is invalid.
    #[error("{location}: {message}")]
    Scenario { location: Location, message: String },

    /// Settings that cannot all be met; `constraint` names the one that fails.
    #[error("infeasible: {constraint}: {message}")]
    Infeasible { constraint: String, message: String },

    /// A forecasting model failed on a series.
    #[error(transparent)]
    Forecast(#[from] kvota_forecast::ForecastError),

    /// An exact apportionment failed (`context` says which allocation).
    #[error("{context}: {source}")]
    Apportion { context: String, source: kvota_apportion::ApportionError },

    /// The biproportional rounding of a matrix failed.
    #[error("{context}: {source}")]
    Biproportional { context: String, source: kvota_apportion::biproportional::BiproportionalError },

    /// The quota linear programme failed for a reason other than infeasibility.
    #[error("{context}: {source}")]
    Lp { context: String, source: kvota_apportion::lp::LpError },

    /// Training the shortage classifier failed.
    #[error(transparent)]
    Learn(#[from] kvota_learn::LearnError),

    /// A fitted regression failed (linfa).
    #[error("{context}: {source}")]
    Regression { context: String, source: linfa_linear::LinearError<f64> },

    /// The raw files of `kvota dataset build` lack something the build needs.
    #[error("dataset build: {0}")]
    Dataset(String),

    /// Input tables that contradict each other (e.g. a payment for a family not in the
    /// families table).
    #[error("{0}")]
    Inconsistent(String),

    /// A result broke an invariant it is checked against (a bug, not bad input).
    #[error("internal check failed: {0}")]
    Internal(String),

    /// An error from the dataframe engine.
    #[error("{context}: {source}")]
    Polars { context: String, source: polars::error::PolarsError },

    /// An error writing Parquet or Arrow output.
    #[error("{context}: {message}")]
    Output { context: String, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn input(location: Location, message: impl Into<String>) -> Self {
        Error::Input { location, message: message.into() }
    }
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().to_path_buf(), source }
    }
    /// A missing input, or the error of reading it.
    pub fn missing(path: impl AsRef<Path>, input: Input) -> Self {
        Error::Missing { path: path.as_ref().to_path_buf(), input }
    }
    pub fn param(name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Param { name: name.into(), message: message.into() }
    }
    pub fn polars(context: impl Into<String>, source: polars::error::PolarsError) -> Self {
        Error::Polars { context: context.into(), source }
    }
    pub fn output(context: impl Into<String>, message: impl ToString) -> Self {
        Error::Output { context: context.into(), message: message.to_string() }
    }
}
