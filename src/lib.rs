//! Canary: an offline study kit for the AWS Certified DevOps Engineer –
//! Professional exam (DOP-C02).
//!
//! - [`domain`]: pure Rust — question model, grading, the practice loop.
//! - [`storage`]: the one place that touches browser storage, behind a trait
//!   with an in-memory twin for tests.
//! - `routes`, `contexts` (feature `ui`): the routes and app-wide contexts
//!   every view depends on; they depend on no view.
//! - `app`, `components`, `pages`, `widgets` (feature `ui`): the Yew views.
//! - `modules` (feature `ui`): feature modules — the simulators as wasm
//!   binaries of their own (`src/bin/sim-*.rs`), loaded on demand.

// Release wasm compiles `Debug` formatting out (xtask `release_std`):
// `{:?}` would print nothing there.
#![cfg_attr(not(test), deny(clippy::use_debug))]

pub mod domain;
pub mod storage;

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod clock;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "ui")]
pub mod content;
#[cfg(feature = "ui")]
pub mod contexts;
#[cfg(feature = "ui")]
pub mod dom;
#[cfg(feature = "ui")]
pub mod modules;
#[cfg(feature = "ui")]
pub mod pages;
#[cfg(feature = "ui")]
pub mod routes;
#[cfg(feature = "ui")]
pub mod widgets;
