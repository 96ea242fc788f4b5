//! The one integration-test binary (each extra test binary links polars again).

mod allocate;
mod architecture;
mod bad_input;
mod codes;
mod dataset;
mod forecast;
mod golden;
mod ingest;
mod outside;
mod params;
mod pipeline;
mod report;
mod scenario;
mod select;
mod shortage;
mod support;
mod text;
mod uncertainty;
