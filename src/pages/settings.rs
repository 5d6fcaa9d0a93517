//! Settings: colour theme, when practice shows feedback, whether options
//! are shuffled (`domain::shuffle`; an exam keeps the order it started
//! with), the exam date (`crate::components::exam_date`), and moving progress
//! between devices by file (export, then import with a preview and a choice
//! to merge or replace). A bad file is explained and changes nothing; a
//! file over [`IMPORT_LIMIT_BYTES`] is refused before it is read.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::exam_date::ExamDateSetting;
use crate::components::progress::{download, export_name, ProgressAction, ProgressContext};
use crate::contexts::ThemeContext;
use crate::domain::progress::{parse, Feedback, Progress};
use crate::domain::settings::Theme;
use crate::modules::MakeOffline;

/// The largest file an import reads (10 MB).
pub const IMPORT_LIMIT_BYTES: u64 = 10 * 1_048_576;

#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Invalid(String),
    Ready(Box<Progress>),
}

#[component]
pub fn Settings() -> Html {
    let ctx = use_context::<ThemeContext>();
    let progress = use_context::<ProgressContext>();
    let import = use_state_eq(|| ImportState::Idle);
    let current = ctx.as_ref().map_or(Theme::Auto, |c| c.theme);
    let feedback = progress
        .as_ref()
        .map_or(Feedback::Immediate, |p| p.doc.settings.feedback());

    let shuffle = progress.as_ref().is_none_or(|p| p.doc.settings.shuffle());
    let toggle_shuffle = {
        let progress = progress.clone();
        Callback::from(move |_: Event| {
            if let Some(p) = &progress {
                p.dispatch(ProgressAction::SetShuffle {
                    on: !p.doc.settings.shuffle(),
                    at: crate::clock::now().now,
                });
            }
        })
    };

    let set_feedback = |f: Feedback| {
        let progress = progress.clone();
        Callback::from(move |_: Event| {
            if let Some(p) = &progress {
                p.dispatch(ProgressAction::SetFeedback {
                    feedback: f,
                    at: crate::clock::now().now,
                });
            }
        })
    };
    let export = {
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &progress {
                download(&export_name(), &p.doc.to_json());
            }
        })
    };
    let on_file = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else { return };
            // Refused before it is read: a file this large is no progress
            // export (a long history is a few MB) and parsing it could hang
            // or exhaust the tab.
            if file.size() > IMPORT_LIMIT_BYTES as f64 {
                import.set(ImportState::Invalid(format!(
                    "the file is {:.1} MB, more than the {} MB an export can be",
                    file.size() / 1_048_576.0,
                    IMPORT_LIMIT_BYTES / 1_048_576
                )));
                return;
            }
            let import = import.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                import.set(match text {
                    None => ImportState::Invalid("the file could not be read".into()),
                    Some(text) => match parse(&text) {
                        Ok(doc) => ImportState::Ready(Box::new(doc)),
                        Err(e) => ImportState::Invalid(e.to_string()),
                    },
                });
            });
        })
    };
    let apply = |replace: bool| {
        let import = import.clone();
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            if let (ImportState::Ready(doc), Some(p)) = (&*import, &progress) {
                p.dispatch(ProgressAction::Import {
                    doc: (**doc).clone(),
                    replace,
                });
            }
            import.set(ImportState::Idle);
        })
    };
    let cancel = {
        let import = import.clone();
        Callback::from(move |_: MouseEvent| import.set(ImportState::Idle))
    };

    html! {
        <section class="settings">
            <h1>{ "Settings" }</h1>
            <fieldset class="choice">
                <legend>{ "Colour theme" }</legend>
                { for Theme::ALL.iter().map(|&t| {
                    let onchange = ctx.as_ref().map(|c| {
                        let set = c.set.clone();
                        Callback::from(move |_: Event| set.emit(t))
                    });
                    let id = format!("theme-{}", t.as_str());
                    html! {
                        <label for={id.clone()}>
                            <input type="radio" name="theme" id={id} value={t.as_str()} checked={t == current} {onchange} />
                            { t.label() }
                        </label>
                    }
                }) }
            </fieldset>
            <p class="hint">{ "System follows your device's light or dark setting." }</p>

            <fieldset class="choice">
                <legend>{ "Practice feedback" }</legend>
                <label for="feedback-immediate">
                    <input type="radio" name="feedback" id="feedback-immediate" checked={feedback == Feedback::Immediate}
                        onchange={set_feedback(Feedback::Immediate)} />
                    { "After each answer" }
                </label>
                <label for="feedback-end">
                    <input type="radio" name="feedback" id="feedback-end" checked={feedback == Feedback::EndOfSet}
                        onchange={set_feedback(Feedback::EndOfSet)} />
                    { "At the end of the set" }
                </label>
            </fieldset>

            <label class="check" for="shuffle-options">
                <input type="checkbox" id="shuffle-options" checked={shuffle} onchange={toggle_shuffle}
                    aria-describedby="shuffle-hint" />
                { "Shuffle the options of each question" }
            </label>
            <p class="hint" id="shuffle-hint">{ "So you learn answers, not positions. The order is fixed by the set's or exam's seed: a shared link, a resumed exam and a retake show the same order. An exam in progress keeps the order it started with." }</p>
            <ExamDateSetting />

            <h2>{ "Your progress" }</h2>
            <p>{ "Progress is stored in this browser only. Export it to keep a copy or to move it to another device, then import it there." }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={export}>{ "Export progress" }</button>
                <label class="button secondary file-button" for="import-file">{ "Import progress…" }</label>
                <input type="file" id="import-file" class="visually-hidden" accept="application/json,.json" onchange={on_file} />
            </div>
            { match &*import {
                ImportState::Idle => Html::default(),
                ImportState::Invalid(reason) => html! {
                    <p class="error" role="alert">{ format!("This file cannot be imported: {reason}. Nothing was changed.") }</p>
                },
                ImportState::Ready(doc) => {
                    let s = doc.summary();
                    html! {
                        <div class="import-preview" role="group" aria-labelledby="import-title">
                            <p id="import-title"><strong>{ "The file holds" }</strong>{ format!(
                                " {} answers to {} questions and {} flagged questions.{}",
                                s.answers, s.questions, s.flagged, notes_line(s.notes)) }</p>
                            <div class="actions">
                                <button type="button" class="primary" onclick={apply(false)}>{ "Merge with my progress" }</button>
                                <button type="button" class="secondary" onclick={apply(true)}>{ "Replace my progress" }</button>
                                <button type="button" class="link" onclick={cancel}>{ "Cancel" }</button>
                            </div>
                        </div>
                    }
                }
            } }

            <MakeOffline />
        </section>
    }
}

/// The import preview's mention of notes, when the file has any.
fn notes_line(notes: usize) -> String {
    match notes {
        0 => String::new(),
        1 => " It has a note on 1 question.".into(),
        n => format!(" It has notes on {n} questions."),
    }
}
