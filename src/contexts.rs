//! App-wide contexts that pages and components read: the theme. (The
//! question-bank index is [`crate::content::ContentState`], progress is
//! [`crate::components::progress::ProgressContext`].)

use yew::prelude::*;

use crate::domain::settings::Theme;

/// The theme in force and the way to change it.
#[derive(Clone, PartialEq)]
pub struct ThemeContext {
    pub theme: Theme,
    pub set: Callback<Theme>,
}
