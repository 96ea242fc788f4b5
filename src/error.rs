//! Typed errors of the library. The CLI renders them once, at the edge, in the reader's
//! language: a message is a catalogue key with its arguments ([`Msg`]), the place a
//! [`Location`]; `Display` says both in English.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Texts};

/// A message of the library: catalogue keys with their arguments, said in the reader's
/// language at the edge ([`Msg::say`]) and in English by `Display`. A text that is not kvota's
/// own (the parse error of a TOML, Parquet or spreadsheet library, an OS error) goes in as it
/// is ([`Msg::text`]) and is said as it is in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The parts in order, each with the text that goes before it (none before the first).
    parts: Vec<(&'static str, Part)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Key {
        key: &'static str,
        args: Vec<(&'static str, Value)>,
    },
    Text(String),
    /// A name as each language writes it (a region's official name), in the order of
    /// [`Lang::ALL`].
    Names([String; 3]),
}

/// An argument of a catalogue message: a text as it is, or a message said in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Text(String),
    Msg(Msg),
}

impl Msg {
    /// The catalogue message `key` (its arguments are added with [`Msg::arg`]).
    pub fn new(key: &'static str) -> Msg {
        Msg { parts: vec![("", Part::Key { key, args: Vec::new() })] }
    }

    /// A text said as it is in every language: another library's words, a value of the input.
    pub fn text(text: impl Into<String>) -> Msg {
        Msg { parts: vec![("", Part::Text(text.into()))] }
    }

    /// A name as each language writes it: Kazakh, Russian, English.
    pub fn names(kk: impl Into<String>, ru: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg { parts: vec![("", Part::Names([kk.into(), ru.into(), en.into()]))] }
    }

    /// The argument `name` of the last catalogue message, as printed (numbers are given as the
    /// input wrote them or as plain digits: a year is `2024`, never `2 024`).
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        if let Some((_, Part::Key { args, .. })) = self.parts.last_mut() {
            args.push((name, Value::Text(value.to_string())));
        }
        self
    }

    /// The argument `name` of the last catalogue message as another message, said in the
    /// same language ("empty value; expected { $what }" with `what` = "a number").
    pub fn arg_msg(mut self, name: &'static str, value: Msg) -> Msg {
        if let Some((_, Part::Key { args, .. })) = self.parts.last_mut() {
            args.push((name, Value::Msg(value)));
        }
        self
    }

    /// This message followed by `more`, a space apart.
    pub fn then(self, more: Msg) -> Msg {
        self.joined(" ", more)
    }

    /// This message followed by `more` with `sep` between them ("; ", ", ").
    pub fn joined(mut self, sep: &'static str, more: Msg) -> Msg {
        let mut rest = more.parts.into_iter();
        if let Some((_, first)) = rest.next() {
            self.parts.push((sep, first));
        }
        self.parts.extend(rest);
        self
    }

    /// Whether every part is a catalogue message (no text is left in one language).
    pub fn is_translated(&self) -> bool {
        self.parts.iter().all(|(_, p)| match p {
            Part::Key { args, .. } => args.iter().all(|(_, v)| match v {
                Value::Msg(m) => m.is_translated(),
                Value::Text(_) => true,
            }),
            Part::Text(_) => false,
            Part::Names(_) => true,
        })
    }

    /// The message in the language of `t`.
    pub fn say(&self, t: &Texts) -> String {
        let mut out = String::new();
        for (sep, p) in &self.parts {
            out += sep;
            out += &match p {
                Part::Key { key, args } => {
                    let args: Vec<(&str, String)> = args
                        .iter()
                        .map(|(k, v)| match v {
                            Value::Text(s) => (*k, s.clone()),
                            Value::Msg(m) => (*k, m.say(t)),
                        })
                        .collect();
                    t.fs(key, &args)
                }
                Part::Text(s) => s.clone(),
                Part::Names(n) => {
                    let i = Lang::ALL.iter().position(|l| *l == t.lang()).unwrap_or(2);
                    n[i].clone()
                }
            };
        }
        out
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En.texts()))
    }
}

/// Another program's text (an OS error, a parser's detail) is said as it is.
impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::text(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::text(s)
    }
}

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

    /// The place in the language of `t`: "f.csv, row 3, column `x`".
    pub fn say(&self, t: &Texts) -> String {
        let file = self.file.display().to_string();
        match (self.row, &self.column) {
            (None, None) => file,
            (Some(r), None) => t.fs("at-row", &[("file", file), ("row", r.to_string())]),
            (None, Some(c)) => t.fs("at-column", &[("file", file), ("column", c.clone())]),
            (Some(r), Some(c)) => t.fs("at-cell", &[("file", file), ("row", r.to_string()), ("column", c.clone())]),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En.texts()))
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
    Input { location: Location, message: Msg },

    /// An input file or folder that is neither on disk nor built in.
    #[error("{}: not found ({})", path.display(), input.what())]
    Missing { path: PathBuf, input: Input },

    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// A policy parameter is missing, malformed or not in force on the date asked.
    #[error("parameter `{name}`: {message}")]
    Param { name: String, message: Msg },

    /// A scenario file is invalid.
    #[error("{location}: {message}")]
    Scenario { location: Location, message: Msg },

    /// Settings that cannot all be met; `constraint` names the one that fails.
    #[error("infeasible: `{constraint}`: {message}")]
    Infeasible { constraint: String, message: Msg },

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
    Dataset(Msg),

    /// Input tables that contradict each other (e.g. a payment for a family not in the
    /// families table).
    #[error("{0}")]
    Inconsistent(Msg),

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
    pub fn input(location: Location, message: impl Into<Msg>) -> Self {
        Error::Input { location, message: message.into() }
    }
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io { path: path.as_ref().to_path_buf(), source }
    }
    /// A missing input, or the error of reading it.
    pub fn missing(path: impl AsRef<Path>, input: Input) -> Self {
        Error::Missing { path: path.as_ref().to_path_buf(), input }
    }
    pub fn param(name: impl Into<String>, message: impl Into<Msg>) -> Self {
        Error::Param { name: name.into(), message: message.into() }
    }
    pub fn polars(context: impl Into<String>, source: polars::error::PolarsError) -> Self {
        Error::Polars { context: context.into(), source }
    }
    /// The error in the language of `t`: the place and what is wrong there for the errors of
    /// bad input, settings and parameters; the others as `Display` says them (their texts
    /// are another library's or a defect's).
    pub fn say(&self, t: &Texts) -> String {
        match self {
            Error::Input { location, message } | Error::Scenario { location, message } => {
                format!("{}: {}", location.say(t), message.say(t))
            }
            Error::Param { name, message } => t.fs("err-param", &[("name", name.clone()), ("text", message.say(t))]),
            Error::Infeasible { constraint, message } => {
                t.fs("err-infeasible", &[("constraint", constraint.clone()), ("text", message.say(t))])
            }
            Error::Dataset(message) => t.fs("err-dataset", &[("text", message.say(t))]),
            Error::Inconsistent(message) => message.say(t),
            Error::Internal(message) => t.fs("err-internal", &[("text", message.clone())]),
            Error::Missing { path, input } => {
                let what = match input {
                    Input::Scenario => t.t("missing-scenario"),
                    Input::Panel => t.t("missing-panel"),
                    Input::Params => t.t("missing-params"),
                    Input::ScenarioFile(key) => t.fs("missing-data-file", &[("key", key.to_string())]),
                };
                t.fs("cli-missing", &[("path", path.display().to_string()), ("what", what)])
            }
            other => other.to_string(),
        }
    }

    /// The error as a message, to be said within another (a parameter's error as the cause of
    /// an input's); errors other than a parameter's keep their English text.
    pub fn into_msg(self) -> Msg {
        match self {
            Error::Param { name, message } => Msg::new("err-param").arg("name", name).arg_msg("text", message),
            other => Msg::text(other.to_string()),
        }
    }

    pub fn output(context: impl Into<String>, message: impl ToString) -> Self {
        Error::Output { context: context.into(), message: message.to_string() }
    }
}
