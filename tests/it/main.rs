//! The one integration-test binary (each extra test binary links polars again).

// Test tables are written out as tuples where a named type would hide the case.
#![allow(clippy::type_complexity)]

mod allocate;
mod anywhere;
mod architecture;
mod bad_input;
mod codes;
mod dataset;
mod forecast;
mod fuzz;
mod golden;
mod i18n;
mod ingest;
mod outside;
mod params;
mod personal;
mod pipeline;
mod report;
mod scenario;
mod select;
mod shortage;
mod support;
mod text;
mod uncertainty;
mod vetting;
