//! Reusable view pieces.

pub mod answer_timer;
pub mod embed;
pub mod exam_date;
pub mod exam_plan;
pub mod mastery_chart;
pub mod nav;
pub mod note_editor;
pub mod pacing;
pub mod progress;
pub mod question_card;
pub mod report_problem;
pub mod theme;
