//! "Report a problem" under a question: the learner picks a reason and
//! writes a comment; the report (question id, content version, reason,
//! comment) becomes a prefilled new-issue link when `content/project.toml`
//! names a tracker, and otherwise plain text with a Copy button. The text
//! and the link come from `crate::domain::errata::Report`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::content::ContentState;
use crate::domain::errata::{Reason, Report};

#[derive(Properties, PartialEq)]
pub struct ReportProblemProps {
    pub question: String,
}

#[derive(Clone, PartialEq)]
struct Draft {
    reason: Reason,
    comment: String,
    /// The outcome of the last Copy, for the live region.
    copied: Option<bool>,
}

enum DraftAction {
    ChooseReason(Reason),
    WriteComment(String),
    Copied(bool),
}

impl Reducible for Draft {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DraftAction::ChooseReason(r) => next.reason = r,
            DraftAction::WriteComment(c) => next.comment = c,
            DraftAction::Copied(ok) => {
                next.copied = Some(ok);
                return Rc::new(next);
            }
        }
        // The report changed: a "Copied" from before no longer holds.
        next.copied = None;
        Rc::new(next)
    }
}

#[component]
pub fn ReportProblem(props: &ReportProblemProps) -> Html {
    let content = use_context::<ContentState>();
    let draft = use_reducer(|| Draft {
        reason: Reason::WrongKey,
        comment: String::new(),
        copied: None,
    });
    let (version, issues_url) = match &content {
        Some(ContentState::Ready(index)) => {
            (index.version.clone(), index.project.issues_url.clone())
        }
        _ => ("unknown".to_string(), None),
    };
    let report = Report {
        question: props.question.clone(),
        version,
        reason: draft.reason,
        comment: draft.comment.clone(),
    };
    let base = format!("report-{}", props.question);
    let on_reason = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(r) = value.as_deref().and_then(Reason::parse) {
                draft.dispatch(DraftAction::ChooseReason(r));
            }
        })
    };
    let on_comment = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                draft.dispatch(DraftAction::WriteComment(t.value()));
            }
        })
    };
    let text = report.text();
    let on_copy = {
        let draft = draft.clone();
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(window) = crate::dom::window() else {
                return;
            };
            let promise = window.navigator().clipboard().write_text(&text);
            let draft = draft.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = JsFuture::from(promise).await.is_ok();
                draft.dispatch(DraftAction::Copied(ok));
            });
        })
    };
    html! {
        <details class="report-problem">
            <summary>{ "Report a problem" }</summary>
            <div class="report-form">
                <label for={format!("{base}-reason")}>{ "What is wrong?" }</label>
                <select id={format!("{base}-reason")} onchange={on_reason}>
                    { for Reason::ALL.iter().map(|r| html! {
                        <option value={r.as_str()} selected={*r == draft.reason}>{ r.label() }</option>
                    }) }
                </select>
                <label for={format!("{base}-comment")}>{ "Comment" }</label>
                <textarea id={format!("{base}-comment")} rows="3" value={draft.comment.clone()}
                    oninput={on_comment} />
                { match issues_url {
                    Some(url) => html! {
                        <a class="button secondary" href={report.issue_link(&url)} target="_blank" rel="noopener noreferrer">
                            { "Open a prefilled issue" }
                        </a>
                    },
                    None => html! {
                        <>
                            <p class="hint">{ "Canary has no public issue tracker yet: copy this report and send it to the maintainers." }</p>
                            <label for={format!("{base}-text")}>{ "Report text" }</label>
                            <textarea class="report-text" id={format!("{base}-text")} readonly=true rows="6" value={text} />
                            <button type="button" class="secondary" onclick={on_copy}>{ "Copy" }</button>
                            <span class="copy-status" role="status">
                                { match draft.copied {
                                    Some(true) => "Copied to the clipboard.",
                                    Some(false) => "Copying failed: select the text and copy it.",
                                    None => "",
                                } }
                            </span>
                        </>
                    },
                } }
            </div>
        </details>
    }
}
