//! Progress of long work. The library reports stages and counts; the command line draws them on
//! a terminal (and stays quiet when piped or with `--quiet`); tests ignore them.

/// Reports progress of long stages.
pub trait Progress: Sync {
    /// A new stage without a count (a spinner and its name).
    fn stage(&self, _name: &str) {}
    /// A stage of `total` steps.
    fn start(&self, _name: &str, _total: u64) {}
    /// `n` more steps done.
    fn inc(&self, _n: u64) {}
    /// The counted stage is over.
    fn finish(&self) {}
}

/// Progress that reports nothing.
pub struct Quiet;
impl Progress for Quiet {}
