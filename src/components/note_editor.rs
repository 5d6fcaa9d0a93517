//! The learner's own note on a question, under its explanation wherever an
//! answered question is shown (practice, `#/question/ID`, an exam report's
//! review). Collapsed it is the saved note and an "Add a note" / "Edit note"
//! button; open it is a labelled textarea with a character count against
//! [`MAX_NOTE_CHARS`], Save, Cancel (also Escape) and Delete.
//!
//! [`NoteEditor`] owns the open/draft state and saves through the progress
//! context ([`ProgressAction::SetNote`]), so a note persists, merges across
//! tabs and travels in exports like a flag. [`NoteView`] is its stateless
//! markup, rendered natively by the render tests.
//!
//! A note is the learner's text, never trusted: it is rendered as a text
//! node, so markup in it shows as typed and nothing in it runs.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::progress::{ProgressAction, ProgressContext};
use crate::domain::progress::MAX_NOTE_CHARS;

/// Whether the editor is open and what is typed in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteState {
    /// The text being edited; `None` while collapsed.
    pub draft: Option<String>,
}

/// Typed actions of the editor's reducer.
pub enum NoteAction {
    /// Opens the editor on the saved note (empty when there is none).
    Open(String),
    Edit(String),
    /// Saved, cancelled or deleted: back to the collapsed view.
    Close,
}

impl Reducible for NoteState {
    type Action = NoteAction;

    fn reduce(self: Rc<Self>, action: NoteAction) -> Rc<Self> {
        Rc::new(NoteState {
            draft: match action {
                NoteAction::Open(text) | NoteAction::Edit(text) => Some(text),
                NoteAction::Close => None,
            },
        })
    }
}

/// What Save stores for a draft: trailing whitespace dropped, so a blank
/// draft is a deletion (the empty note), and the limit enforced.
pub fn note_to_save(draft: &str) -> String {
    draft.trim_end().chars().take(MAX_NOTE_CHARS).collect()
}

#[derive(Properties, PartialEq)]
pub struct NoteEditorProps {
    pub question_id: AttrValue,
}

/// The note editor of one question, wired to the progress context. Without
/// that context (a native render of a bare card) it renders nothing.
#[component]
pub fn NoteEditor(props: &NoteEditorProps) -> Html {
    let progress = use_context::<ProgressContext>();
    let state = use_reducer_eq(NoteState::default);
    let button_ref = use_node_ref();
    let textarea_ref = use_node_ref();
    // Focus follows the editor only when it opens or closes, never on the
    // first render: an exam review mounts dozens of editors at once.
    let was_open = use_mut_ref(|| false);
    {
        let (button_ref, textarea_ref) = (button_ref.clone(), textarea_ref.clone());
        let open = state.draft.is_some();
        use_effect_with(open, move |open| {
            let changed = *was_open.borrow() != *open;
            *was_open.borrow_mut() = *open;
            if changed {
                let target = if *open { textarea_ref } else { button_ref };
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(progress) = progress else {
        return Html::default();
    };
    let id = props.question_id.clone();
    let saved = progress.doc.note(&id).map(str::to_string);

    let on_open = {
        let (state, saved) = (state.clone(), saved.clone());
        Callback::from(move |()| {
            state.dispatch(NoteAction::Open(saved.clone().unwrap_or_default()))
        })
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |text| state.dispatch(NoteAction::Edit(text)))
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(NoteAction::Close))
    };
    let store = {
        let (state, progress, id, saved) =
            (state.clone(), progress.clone(), id.clone(), saved.clone());
        move |text: String| {
            // Nothing changed: no write, no new stamp to win a merge with.
            if text != saved.clone().unwrap_or_default() {
                progress.dispatch(ProgressAction::SetNote {
                    id: id.to_string(),
                    text,
                    at: crate::clock::now().now,
                });
            }
            state.dispatch(NoteAction::Close);
        }
    };
    let on_save = {
        let (state, store) = (state.clone(), store.clone());
        Callback::from(move |()| store(note_to_save(state.draft.as_deref().unwrap_or_default())))
    };
    let on_delete = Callback::from(move |()| store(String::new()));

    html! {
        <NoteView question_id={id} note={saved.map(AttrValue::from)}
            draft={state.draft.clone().map(AttrValue::from)}
            {on_open} {on_input} {on_save} {on_cancel} {on_delete}
            {button_ref} {textarea_ref} />
    }
}

#[derive(Properties, PartialEq)]
pub struct NoteViewProps {
    pub question_id: AttrValue,
    /// The saved note, if any.
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// The text being edited; `Some` while the editor is open.
    #[prop_or_default]
    pub draft: Option<AttrValue>,
    #[prop_or_default]
    pub on_open: Callback<()>,
    #[prop_or_default]
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub on_save: Callback<()>,
    #[prop_or_default]
    pub on_cancel: Callback<()>,
    #[prop_or_default]
    pub on_delete: Callback<()>,
    #[prop_or_default]
    pub button_ref: NodeRef,
    #[prop_or_default]
    pub textarea_ref: NodeRef,
}

/// The editor's markup: a region named after the question (an exam review
/// shows many, and landmarks need distinct names).
#[component]
pub fn NoteView(props: &NoteViewProps) -> Html {
    let id = &props.question_id;
    let field = format!("note-{id}");
    let count_id = format!("{field}-count");
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let saved = props.note.as_ref().map(|n| {
        html! {
            // A text node: the note's markup is shown, never parsed.
            <p class="note-text">{ n.to_string() }</p>
        }
    });
    let body = match &props.draft {
        None => html! {
            <>
                { saved.unwrap_or_default() }
                <button type="button" class="secondary note-toggle" ref={props.button_ref.clone()}
                    onclick={emit(&props.on_open)}>
                    { if props.note.is_some() { "Edit note" } else { "Add a note" } }
                </button>
            </>
        },
        Some(draft) => {
            let oninput = {
                let cb = props.on_input.clone();
                Callback::from(move |e: InputEvent| {
                    if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                        cb.emit(t.value());
                    }
                })
            };
            let onkeydown = {
                let cb = props.on_cancel.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        e.prevent_default();
                        cb.emit(());
                    }
                })
            };
            let onsubmit = {
                let cb = props.on_save.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    cb.emit(());
                })
            };
            let used = draft.chars().count();
            html! {
                <form class="note-form" {onsubmit}>
                    <label for={field.clone()}>{ "Your note" }</label>
                    <textarea id={field.clone()} ref={props.textarea_ref.clone()} rows="4"
                        maxlength={MAX_NOTE_CHARS.to_string()} aria-describedby={count_id.clone()}
                        value={draft.clone()} {oninput} {onkeydown} />
                    <p id={count_id} class={classes!("note-count", (used > MAX_NOTE_CHARS).then_some("over"))}>
                        { format!("{used} / {MAX_NOTE_CHARS} characters") }
                    </p>
                    <div class="note-actions">
                        <button type="submit" class="primary">{ "Save" }</button>
                        <button type="button" class="secondary" onclick={emit(&props.on_cancel)}>{ "Cancel" }</button>
                        if props.note.is_some() {
                            <button type="button" class="link" onclick={emit(&props.on_delete)}>{ "Delete note" }</button>
                        }
                    </div>
                </form>
            }
        }
    };
    html! {
        <section class="note-editor" aria-label={format!("Your note on {id}")} data-note-for={id.clone()}>
            { body }
        </section>
    }
}

/// Keys typed inside a note editor belong to it, not to the page's
/// shortcuts (Enter on its buttons must not move to the next question).
pub fn inside_note_editor(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".note-editor").ok().flatten())
        .is_some()
}
