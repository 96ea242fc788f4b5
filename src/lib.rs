//! kvota: labour-demand and supply forecasting, shortage scoring and quota allocation for
//! Kazakhstan's regions and industries.
//!
//! Data flows one way (`docs/architecture.md` lists the layers, checked by a test):
//! input files -> [`ingest`] -> [`panel`] -> [`series`] (forecasts) -> [`shortage`] ->
//! [`allocate`] -> [`uncertainty`] -> [`tables`] / [`export`] / [`report`], conducted by
//! [`pipeline`] with one resolved [`config::Config`]. Policy numbers come from dated
//! [`params`]; planner defaults from `scenarios/defaults/planner.toml`.

pub mod allocate;
pub mod builtin;
pub mod codes;
pub mod compare;
pub mod config;
pub mod contract;
pub mod dataset;
pub mod error;
pub mod evidence;
pub mod export;
pub mod fmt;
pub use kvota_forecast as forecast;
pub mod i18n;
pub mod ingest;
pub mod manifest;
pub mod order;
pub mod panel;
pub mod params;
pub mod pipeline;
pub mod progress;
pub mod reality;
pub mod report;
pub mod rules;
pub mod scenario;
pub mod select;
pub mod series;
pub mod shortage;
pub mod tables;
pub mod uncertainty;
pub mod warning;

pub use error::{Error, Result};
