//! The Settings control for the booked exam day: a date input to set or
//! change it and a button to clear it. The date is stored in progress
//! (`Settings::exam_date`) through the progress context, so it merges
//! across tabs and travels with an export.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::progress::{ProgressAction, ProgressContext};
use crate::domain::plan::day_number;

#[component]
pub fn ExamDateSetting() -> Html {
    let progress = use_context::<ProgressContext>();
    let date = progress
        .as_ref()
        .and_then(|p| p.doc.settings.exam_date().map(str::to_string));
    let set = move |value: Option<String>| {
        if let Some(p) = &progress {
            p.dispatch(ProgressAction::SetExamDate {
                date: value,
                at: crate::clock::now().now,
            });
        }
    };
    let onchange = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let value = input.value();
            // A half-typed or impossible date changes nothing; empty clears.
            if value.is_empty() {
                set(None);
            } else if day_number(&value).is_some() {
                set(Some(value));
            }
        })
    };
    let clear = Callback::from(move |_: MouseEvent| set(None));
    html! {
        <fieldset class="choice exam-date">
            <legend>{ "Exam date" }</legend>
            <label for="exam-date">{ "My exam is on" }</label>
            <input type="date" id="exam-date" aria-describedby="exam-date-hint"
                value={date.clone().unwrap_or_default()} {onchange} />
            if date.is_some() {
                <button type="button" class="link" onclick={clear}>{ "Clear the exam date" }</button>
            }
            <p class="hint" id="exam-date-hint">{ "The dashboard then shows the days left, a daily target and a readiness estimate, and no review is scheduled after this day." }</p>
        </fieldset>
    }
}
