//! Progress of long work. The library reports stages and counts; the command line draws them on
//! a terminal (and stays quiet when piped or with `--quiet`); tests ignore them.

/// A stage of long work. The command line shows its name from the catalogues
/// (`progress-<key>`), in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Loading,
    Rating,
    Allocating,
    Simulating,
    WritingOutputs,
    WritingReport,
    Forecasting,
}

impl Stage {
    /// The catalogue key of the stage's name.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Loading => "progress-loading",
            Stage::Rating => "progress-rating",
            Stage::Allocating => "progress-allocating",
            Stage::Simulating => "progress-simulating",
            Stage::WritingOutputs => "progress-writing-outputs",
            Stage::WritingReport => "progress-writing-report",
            Stage::Forecasting => "progress-forecasting",
        }
    }

    /// Every stage (for the catalogue test).
    pub const ALL: [Stage; 7] = [
        Stage::Loading,
        Stage::Rating,
        Stage::Allocating,
        Stage::Simulating,
        Stage::WritingOutputs,
        Stage::WritingReport,
        Stage::Forecasting,
    ];
}

/// Reports progress of long stages.
pub trait Progress: Sync {
    /// A new stage without a count (a spinner and its name).
    fn stage(&self, _stage: Stage) {}
    /// A stage of `total` steps.
    fn start(&self, _stage: Stage, _total: u64) {}
    /// `n` more steps done.
    fn inc(&self, _n: u64) {}
    /// The counted stage is over.
    fn finish(&self) {}
}

/// Progress that reports nothing.
pub struct Quiet;
impl Progress for Quiet {}
