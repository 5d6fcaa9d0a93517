//! Applying and persisting the colour theme. CSS does the work: the
//! `data-theme` attribute on `<html>` overrides `prefers-color-scheme`.

use crate::domain::settings::Theme;
use crate::storage::{BrowserStore, KeyValueStore};

pub const STORAGE_KEY: &str = "theme";

/// The stored choice; `Auto` when nothing (or nothing readable) is stored.
pub fn load() -> Theme {
    Theme::parse(BrowserStore.get(STORAGE_KEY).ok().flatten().as_deref())
}

/// Sets the attribute CSS keys on, and (when `persist`) remembers the
/// choice. A failed write (storage blocked) only means the choice lasts for
/// this visit.
pub fn apply(theme: Theme, persist: bool) {
    if let Some(root) = crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    if persist {
        let _ = BrowserStore.set(STORAGE_KEY, theme.as_str());
    }
}

/// Whether the system currently prefers dark colours.
pub fn system_prefers_dark() -> bool {
    crate::dom::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}
