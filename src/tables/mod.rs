//! Output table schemas: every table kvota writes, built from typed results of the stages.
//! Above the stages and `export` (which writes any table), below the jobs in `pipeline`.

pub mod files;
pub mod people;
pub mod run;
