//! Reusable view pieces.

pub mod answer_timer;
pub mod embed;
pub mod mastery_chart;
pub mod nav;
pub mod note_editor;
pub mod pacing;
pub mod progress;
pub mod question_card;
pub mod theme;
