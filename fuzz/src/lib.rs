//! Fuzz properties for Canary; see `props`.
pub mod props;
