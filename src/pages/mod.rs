//! One module per route.

pub mod about;
pub mod changes;
pub mod exam;
pub mod home;
pub mod not_found;
pub mod practice;
pub mod settings;
pub mod widgets;
