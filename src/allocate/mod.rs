//! Turning shortage gaps into integer quotas: apportionment, the foreign-labour quota and the
//! kandas regional quota.

pub mod apportion;
pub mod foreign;
pub mod kandas;
