//! One module per route.

pub mod about;
pub mod changes;
pub mod cheatsheets;
pub mod exam;
pub mod exam_sync;
pub mod flashcards;
pub mod home;
pub mod not_found;
pub mod practice;
pub mod search;
pub mod settings;
pub mod widgets;
