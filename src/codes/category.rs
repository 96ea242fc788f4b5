use crate::error::Msg;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Categories of foreign workers in the quota (Government Decree No. 802 of 15 Dec 2016 and
/// the MLSPP permit rules): 1 heads and deputies, 2 heads of structural subdivisions,
/// 3 specialists, 4 skilled workers, plus seasonal workers in agriculture.
/// Intra-corporate transfers are outside the quota and are not a category here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum WorkerCategory {
    Cat1,
    Cat2,
    Cat3,
    Cat4,
    Seasonal,
}

impl WorkerCategory {
    pub const ALL: [WorkerCategory; 5] = [
        WorkerCategory::Cat1,
        WorkerCategory::Cat2,
        WorkerCategory::Cat3,
        WorkerCategory::Cat4,
        WorkerCategory::Seasonal,
    ];

    /// Stable code used in files: `1`, `2`, `3`, `4`, `seasonal`.
    pub fn code(self) -> &'static str {
        match self {
            WorkerCategory::Cat1 => "1",
            WorkerCategory::Cat2 => "2",
            WorkerCategory::Cat3 => "3",
            WorkerCategory::Cat4 => "4",
            WorkerCategory::Seasonal => "seasonal",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            WorkerCategory::Cat1 => "Heads and their deputies",
            WorkerCategory::Cat2 => "Heads of structural subdivisions",
            WorkerCategory::Cat3 => "Specialists",
            WorkerCategory::Cat4 => "Skilled workers",
            WorkerCategory::Seasonal => "Seasonal workers (agriculture)",
        }
    }
}

impl fmt::Display for WorkerCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for WorkerCategory {
    type Err = Msg;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "1" | "cat1" => Ok(WorkerCategory::Cat1),
            "2" | "cat2" => Ok(WorkerCategory::Cat2),
            "3" | "cat3" => Ok(WorkerCategory::Cat3),
            "4" | "cat4" => Ok(WorkerCategory::Cat4),
            "seasonal" | "s" => Ok(WorkerCategory::Seasonal),
            other => Err(Msg::new("err-category").arg("value", other)),
        }
    }
}

impl TryFrom<String> for WorkerCategory {
    type Error = Msg;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<WorkerCategory> for String {
    fn from(c: WorkerCategory) -> String {
        c.code().to_string()
    }
}
