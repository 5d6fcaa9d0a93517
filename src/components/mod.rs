//! Reusable view pieces.

pub mod nav;
pub mod question_card;
pub mod theme;
