//! kvota: labour-demand and supply forecasting, shortage scoring and quota allocation for
//! Kazakhstan's regions and industries.
//!
//! Data flows one way: `data/` files -> [`panel`] (validated inputs keyed on official
//! [`codes`]) -> [`forecast`] -> [`shortage`] -> [`allocate`] -> [`export`]. Policy numbers come
//! from dated [`params`]. See `docs/architecture.md`-style notes in the README.

pub mod allocate;
pub mod codes;
pub mod compare;
pub mod contract;
pub mod dataset;
pub mod error;
pub mod export;
pub mod ingest;
pub use kvota_forecast as forecast;
pub mod panel;
pub mod params;
pub mod pipeline;
pub mod report;
pub mod scenario;
pub mod select;
pub mod series;
pub mod shortage;
pub mod table;
pub mod uncertainty;

pub use error::{Error, Result};
