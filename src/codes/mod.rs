//! Official classifications: regions (ISO 3166-2:KZ), OKED sections (NK RK 03-2019) and
//! worker categories of the foreign-labour quota.
//!
//! These are classifications, not policy numbers: they change only when the state
//! reorganises its territory or its classifier, and each change is modelled here with its
//! date (see [`RegionChange`]).

mod category;
mod oked;
mod region;

pub use category::WorkerCategory;
pub use oked::OkedSection;
pub use region::{Area, HistoricalRegion, Region, RegionChange, RegionResolver, UnknownName};
