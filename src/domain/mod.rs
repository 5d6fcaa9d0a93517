//! The pure core of Canary: the question model, the exam blueprint, grading and
//! the practice loop. Nothing here touches the browser, yew, the clock or a
//! random source; time and randomness are passed in, so every rule is
//! testable natively and deterministically.

pub mod blueprint;
pub mod errata;
pub mod exam;
pub mod grading;
pub mod pacing;
pub mod plan;
pub mod practice;
pub mod practice_set;
pub mod progress;
pub mod question;
pub mod schedule;
pub mod search;
pub mod settings;
pub mod sheets;
pub mod shuffle;
pub mod stats;
pub mod widgets;
