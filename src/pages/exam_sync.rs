//! The exam in progress across tabs. Each tab holds the session in memory
//! and stores it after every change, so without this the last tab to write
//! would silently drop the answers given in another. Another tab's write
//! (a `storage` event on the exam key) is merged in
//! ([`Session::merge_external`]); its removal means the exam was submitted
//! there, so this tab stops showing it instead of storing it again.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::exam::{Current, SessionMsg};
use crate::domain::exam::Session;
use crate::storage::{EXAM_KEY, NAMESPACE};

/// Keeps `session` in step with the exam other tabs store. The merge runs
/// in the page's reducer, against the session on screen at that moment.
#[hook]
pub fn use_exam_from_other_tabs(session: UseReducerDispatcher<Current>) {
    use_effect_with((), move |()| {
        let listener = crate::dom::window().map(|w| {
            EventListener::new(&w, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(&format!("{NAMESPACE}{EXAM_KEY}")) {
                    return;
                }
                match event.new_value() {
                    None => session.dispatch(SessionMsg::EndedElsewhere),
                    Some(raw) => {
                        if let Ok(theirs) = serde_json::from_str::<Session>(&raw) {
                            session.dispatch(SessionMsg::Merged(theirs));
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
}
