//! The exam report's Pacing section: time on questions against the budget
//! (the real exam's 2.4 minutes a question), the questions over it, the five
//! slowest (each a jump to its review), time by domain, and the remaining
//! time after each question against an even pace, drawn as an inline SVG
//! with a table as its text alternative. The numbers come from
//! `domain::pacing::summarize`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::exam::Attempt;
use crate::domain::pacing::{format_ms, summarize, Summary};
use crate::domain::question::ContentIndex;

#[derive(Properties, PartialEq)]
pub struct PacingReportProps {
    pub attempt: Rc<Attempt>,
    pub index: Rc<ContentIndex>,
}

/// The id of question `n`'s entry in the report's review list (1-based).
pub fn review_anchor(n: usize) -> String {
    format!("review-q{n}")
}

/// Scrolls to and focuses a review entry. A button, not `href="#…"`: the
/// app routes on the hash.
fn jump_to(n: usize) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let el = crate::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&review_anchor(n)));
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    })
}

fn signed(ms: i64) -> String {
    if ms < 0 {
        format!("−{}", format_ms(ms.unsigned_abs()))
    } else {
        format_ms(ms as u64)
    }
}

#[component]
pub fn PacingReport(props: &PacingReportProps) -> Html {
    let a = &props.attempt;
    let bp = &props.index.blueprint;
    let allowed_ms = i64::from(a.format.minutes(bp)) * 60_000;
    let domain_of = |id: &str| {
        props
            .index
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.domain)
    };
    let body = match summarize(&a.items, &a.times_ms, domain_of, allowed_ms) {
        None => {
            html! { <p class="hint pacing-none">{ "Pacing was not recorded for this attempt." }</p> }
        }
        Some(s) => figures(&s, props),
    };
    html! {
        <section class="pacing" aria-labelledby="pacing-title">
            <h2 id="pacing-title">{ "Pacing" }</h2>
            { body }
        </section>
    }
}

fn figures(s: &Summary, props: &PacingReportProps) -> Html {
    let n = s.remaining_ms.len();
    let bp = &props.index.blueprint;
    html! {
        <>
            <dl class="pacing-figures">
                <dt>{ "Time on questions" }</dt>
                <dd class="pacing-total">{ format!("{} of {} allowed", format_ms(s.total_ms), format_ms(s.allowed_ms as u64)) }</dd>
                <dt>{ "Average per question" }</dt>
                <dd class="pacing-average">{ format!("{} (budget {})", format_ms(u64::from(s.average_ms)), format_ms(u64::from(s.budget_ms))) }</dd>
                <dt>{ "Over budget" }</dt>
                <dd class="pacing-over">{ format!("{} of {} questions", s.over_budget.len(), n) }</dd>
            </dl>
            <h3>{ "Slowest questions" }</h3>
            <ol class="pacing-slowest">
                { for s.slowest.iter().map(|&(i, ms)| html! {
                    <li><button type="button" class="link" onclick={jump_to(i + 1)}>{ format!("Question {}", i + 1) }</button>{ format!(": {}", format_ms(u64::from(ms))) }</li>
                }) }
            </ol>
            <h3>{ "Time by domain" }</h3>
            <table class="pacing-domains">
                <thead><tr><th scope="col">{ "Domain" }</th><th scope="col">{ "Questions" }</th><th scope="col">{ "Time" }</th><th scope="col">{ "Average" }</th></tr></thead>
                <tbody>
                    { for bp.domains.iter().filter_map(|d| s.by_domain.get(&d.number).map(|t| (d, *t))).map(|(d, (count, ms))| html! {
                        <tr data-domain={d.number.to_string()}>
                            <th scope="row">{ format!("{}. {}", d.number, d.name) }</th>
                            <td>{ count }</td>
                            <td>{ format_ms(ms) }</td>
                            <td>{ format_ms(ms / count.max(1) as u64) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { curve(s) }
        </>
    }
}

/// Time remaining against question number, with the even pace's line.
fn curve(s: &Summary) -> Html {
    let (w, ht, left, top) = (600.0, 200.0, 56.0, 10.0);
    let n = s.remaining_ms.len().max(1) as f64;
    let allowed = s.allowed_ms.max(1) as f64;
    let x = |i: usize| left + (w - left - 16.0) * i as f64 / n;
    let y = |ms: i64| top + (ht - top - 30.0) * (1.0 - (ms as f64 / allowed).clamp(0.0, 1.0));
    let line = |vals: &[i64]| {
        std::iter::once(format!("{:.1},{:.1}", x(0), y(s.allowed_ms)))
            .chain(
                vals.iter()
                    .enumerate()
                    .map(|(i, &ms)| format!("{:.1},{:.1}", x(i + 1), y(ms))),
            )
            .collect::<Vec<_>>()
            .join(" ")
    };
    let last = s.remaining_ms.last().copied().unwrap_or(0);
    html! {
        <figure class="pacing-curve">
            <svg class="chart" viewBox={format!("0 0 {w} {ht}")} width="100%" role="img" aria-labelledby="pacing-curve-title pacing-curve-desc">
                <title id="pacing-curve-title">{ "Time remaining after each question, against an even pace" }</title>
                <desc id="pacing-curve-desc">{ format!("Started with {}; {} remaining after question {}. The table below lists every question.", format_ms(s.allowed_ms as u64), signed(last), s.remaining_ms.len()) }</desc>
                <polyline points={line(&s.ideal_ms)} class="pass-line ideal" />
                <polyline points={line(&s.remaining_ms)} class="line remaining" />
                <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y(s.allowed_ms) + 4.0)} class="axis" text-anchor="end">{ format!("{} min", s.allowed_ms / 60_000) }</text>
                <text x={format!("{}", left - 6.0)} y={format!("{:.1}", y(0) + 4.0)} class="axis" text-anchor="end">{ "0" }</text>
                <text x={format!("{:.1}", x(s.remaining_ms.len()))} y={format!("{}", ht - 6.0)} class="axis" text-anchor="end">{ format!("question {}", s.remaining_ms.len()) }</text>
            </svg>
            <figcaption>{ "Solid: your time remaining, taking the questions in order; dashed: an even pace." }</figcaption>
            <details>
                <summary>{ "The curve as a table" }</summary>
                <table class="pacing-table">
                    <thead><tr><th scope="col">{ "Question" }</th><th scope="col">{ "Time" }</th><th scope="col">{ "Remaining" }</th><th scope="col">{ "At an even pace" }</th></tr></thead>
                    <tbody>
                        { for s.remaining_ms.iter().zip(&s.ideal_ms).enumerate().map(|(i, (&r, &ideal))| {
                            let before = if i == 0 { s.allowed_ms } else { s.remaining_ms[i - 1] };
                            html! {
                                <tr>
                                    <th scope="row">{ i + 1 }</th>
                                    <td>{ format_ms((before - r).max(0) as u64) }</td>
                                    <td>{ signed(r) }</td>
                                    <td>{ signed(ideal) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct PaceCheckProps {
    pub answered: usize,
    pub total: usize,
    pub elapsed_ms: i64,
    pub allowed_ms: i64,
}

/// The exam clock's pace check: after each quarter of the time, answered
/// questions against an even pace, in a polite live region (always in the
/// page, so a new message is announced; it changes at a checkpoint or an
/// answer, not every second).
#[component]
pub fn PaceCheck(props: &PaceCheckProps) -> Html {
    let c = crate::domain::pacing::checkpoint(
        props.answered,
        props.total,
        props.elapsed_ms,
        props.allowed_ms,
    );
    html! {
        <p class="exam-pace" aria-live="polite">
            { c.map(|c| c.message(props.answered, props.total)).unwrap_or_default() }
        </p>
    }
}
