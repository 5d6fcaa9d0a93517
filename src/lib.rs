//! Canary: an offline study kit for the AWS Certified DevOps Engineer –
//! Professional exam (DOP-C02).
//!
//! - [`domain`]: pure Rust — question model, grading, the practice loop.
//! - [`storage`]: the one place that touches browser storage, behind a trait
//!   with an in-memory twin for tests.
//! - `app`, `components`, `pages` (feature `ui`): the Yew views.

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
pub mod embed;
#[cfg(feature = "ui")]
pub mod pages;
#[cfg(feature = "ui")]
pub mod widgets;
