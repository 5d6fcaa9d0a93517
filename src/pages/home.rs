//! The dashboard: the exam at a glance and the question bank by domain, each
//! with a one-click practice set.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::content::ContentState;
use crate::domain::question::ContentIndex;

#[component]
pub fn Home() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    html! {
        <section class="home">
            <h1>{ "Your DOP-C02 study desk" }</h1>
            <p class="lead">
                { "Practice scenario questions for the AWS Certified DevOps Engineer – Professional exam. " }
                { "Everything runs in your browser, works offline, and keeps your progress on this device." }
            </p>
            { match content {
                ContentState::Loading => html! { <p class="loading" role="status">{ "Loading the question bank…" }</p> },
                ContentState::Failed(e) => html! { <p class="error" role="alert">{ e }</p> },
                ContentState::Ready(index) => html! { <BankSummary index={index} /> },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BankSummaryProps {
    pub index: std::rc::Rc<ContentIndex>,
}

/// The six domains with their weights and question counts.
#[component]
pub fn BankSummary(props: &BankSummaryProps) -> Html {
    let bp = &props.index.blueprint;
    html! {
        <>
            <ul class="facts" aria-label="Exam format">
                <li><strong>{ bp.questions }</strong>{ " questions" }</li>
                <li><strong>{ bp.minutes }</strong>{ " minutes" }</li>
                <li><strong>{ bp.passing_score }</strong>{ format!(" to pass ({}–{})", bp.min_score, bp.max_score) }</li>
            </ul>
            <h2>{ "Domains" }</h2>
            <ul class="domain-grid">
                { for bp.domains.iter().map(|d| {
                    let count = props.index.file_for_domain(d.number).map_or(0, |f| f.count);
                    html! {
                        <li class="domain-card" data-domain={d.number.to_string()}>
                            <h3>{ format!("Domain {}: {}", d.number, d.name) }</h3>
                            <p class="weight">{ format!("{} % of the scored questions · {}", d.weight, plural(d.tasks.len(), "task statement")) }</p>
                            <p class="count">{ format!("{} in the bank", plural(count, "question")) }</p>
                            <Link<Route> to={Route::PracticeDomain { domain: d.number }} classes="button">
                                { format!("Practice domain {}", d.number) }
                            </Link<Route>>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
