//! One question: stem, options (radio buttons for a single answer,
//! checkboxes for multiple response), and, once graded, the verdict with an
//! explanation under every option, the documentation references, the
//! learner's note and "Report a problem"
//! (`crate::components::report_problem`).
//!
//! Options are listed in the order given (`order`, the file's when absent,
//! see `domain::shuffle`) and lettered A, B, C… as shown; every letter the
//! card prints, the verdict's included, is the shown one. `data-choice`
//! stays the option's letter in the file (its `ChoiceId`), which tests use
//! to pick by content; `data-shown` is the letter on screen.
//!
//! Stems, options and explanations arrive as HTML rendered and escaped by the
//! content compiler at build time, so inserting them is safe.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::note_editor::NoteEditor;
use crate::components::report_problem::ReportProblem;
use crate::domain::grading::{Graded, Selection};
use crate::domain::question::{ChoiceId, Kind, Question};
use crate::domain::shuffle::OptionOrder;

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub question: Rc<Question>,
    pub selection: Selection,
    /// Present once the answer is submitted: the card shows the verdict.
    #[prop_or_default]
    pub graded: Option<Graded>,
    pub on_select: Callback<ChoiceId>,
    /// "Question n of m", when the card is part of a set.
    #[prop_or_default]
    pub position: Option<(usize, usize)>,
    /// The answer is submitted but not yet graded on screen: no more changes.
    #[prop_or_default]
    pub locked: bool,
    /// Offers "Report a problem" (off during a live exam).
    #[prop_or(true)]
    pub reportable: bool,
    /// The order to show the options in; the file's when absent.
    #[prop_or_default]
    pub order: Option<OptionOrder>,
}

fn trusted(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let q = &props.question;
    let revealed = props.graded.is_some();
    let locked = revealed || props.locked;
    let input_type = match q.kind {
        Kind::Single => "radio",
        Kind::Multiple { .. } => "checkbox",
    };
    let group = format!("q-{}", q.id);
    let order = props
        .order
        .clone()
        .filter(|o| o.ids().len() == q.options.len())
        .unwrap_or_else(|| OptionOrder::file(q.options.len()));

    let options = order.ids().iter().map(|&id| {
        let choice = &q.options[usize::from(id.0)];
        let selected = props.selection.contains(&id);
        let outcome = props.graded.as_ref().map(|g| g.choices[usize::from(id.0)]);
        let state = outcome.map(|o| match (o.correct, o.selected) {
            (true, true) => "correct",
            (true, false) => "missed",
            (false, true) => "incorrect",
            (false, false) => "neutral",
        });
        let badge = outcome.and_then(|o| match (o.correct, o.selected) {
            (true, true) => Some("Correct — your choice"),
            (true, false) => Some("Correct — not chosen"),
            (false, true) => Some("Incorrect — your choice"),
            (false, false) => None,
        });
        // A checkbox toggles itself before yew sees the event, so a pick
        // beyond "Choose N" is cancelled at the click rather than undone.
        let at_cap = !selected
            && matches!(q.kind, Kind::Multiple { .. })
            && props.selection.len() >= q.kind.picks();
        let onclick = Callback::from(move |e: MouseEvent| {
            if at_cap {
                e.prevent_default();
            }
        });
        let onchange = {
            let on_select = props.on_select.clone();
            Callback::from(move |_: Event| on_select.emit(id))
        };
        let input_id = format!("{group}-{}", id.0);
        let shown = order.letter(id);
        html! {
            <li class={classes!("option", selected.then_some("selected"), state)}
                data-choice={id.letter().to_string()} data-shown={shown.to_string()}>
                <label for={input_id.clone()}>
                    <input type={input_type} id={input_id} name={group.clone()}
                        checked={selected} disabled={locked} {onclick} {onchange} />
                    <span class="letter" aria-hidden="true">{ shown }</span>
                    <span class="option-text">{ trusted(&choice.text) }</span>
                </label>
                if let Some(badge) = badge {
                    <p class="badge">{ badge }</p>
                }
                if revealed {
                    <div class="explanation">{ trusted(&choice.explanation) }</div>
                }
            </li>
        }
    });

    let meta = format!(
        "Domain {} · Task {} · {}",
        q.domain,
        q.task,
        q.services.join(", ")
    );

    html! {
        <article class="question-card" data-question={q.id.clone()} aria-labelledby={format!("{group}-stem")}>
            <header class="question-meta">
                if let Some((n, total)) = props.position {
                    <span class="position">{ format!("Question {n} of {total}") }</span>
                }
                <span class="tags">{ meta }</span>
            </header>
            if let Some(note) = &q.status_note {
                <div class="status-note" role="note">{ trusted(note) }</div>
            }
            <div class="stem" id={format!("{group}-stem")}>{ trusted(&q.stem) }</div>
            if let Some(instruction) = q.kind.instruction() {
                <p class="instruction">{ instruction }</p>
                if !locked {
                    <p class="picked" aria-live="polite">
                        { format!("{} of {} selected", props.selection.len(), q.kind.picks()) }
                        if props.selection.len() >= q.kind.picks() {
                            { " — clear one to change your answer" }
                        }
                    </p>
                }
            }
            <fieldset class="options" disabled={locked}>
                <legend class="visually-hidden">{ "Options" }</legend>
                <ol>{ for options }</ol>
            </fieldset>
            if let Some(graded) = &props.graded {
                <div class={classes!("verdict", if graded.correct { "right" } else { "wrong" })} role="status">
                    <strong>{ if graded.correct { "Correct." } else { "Not quite." } }</strong>
                    { " " }
                    { verdict_detail(q, graded, &order) }
                </div>
                <section class="references">
                    <h2>{ "References" }</h2>
                    <ul>
                        { for q.references.iter().map(|r| html! {
                            <li><a href={r.clone()} target="_blank" rel="noopener noreferrer">{ r.clone() }</a></li>
                        }) }
                    </ul>
                </section>
                // Keyed: a card reused for another question (a filtered
                // review list) must not carry an open draft across.
                <NoteEditor key={q.id.clone()} question_id={q.id.clone()} />
            }
            if props.reportable {
                <ReportProblem question={q.id.clone()} />
            }
        </article>
    }
}

/// "The answer is …", in the letters shown, first shown first.
fn verdict_detail(q: &Question, graded: &Graded, order: &OptionOrder) -> String {
    let mut shown: Vec<char> = graded
        .choices
        .iter()
        .filter(|c| c.correct)
        .map(|c| order.letter(c.id))
        .collect();
    shown.sort_unstable();
    let letters = shown
        .iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(" and ");
    match q.kind {
        Kind::Single => format!("The answer is {letters}."),
        Kind::Multiple { .. } => format!("The answers are {letters}."),
    }
}
