//! The dashboard: what is due today, questions seen, the daily streak, the
//! exam plan (`crate::components::exam_plan`),
//! mastery per task statement, the three weakest task statements with a
//! one-click set each, and the bank by domain.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::exam_plan::ExamPlan;
use crate::components::mastery_chart::MasteryChart;
use crate::components::progress::ProgressContext;
use crate::content::ContentState;
use crate::domain::practice_set::{SetSpec, StudyState};
use crate::domain::progress::Progress;
use crate::domain::question::ContentIndex;
use crate::domain::stats::{Clock, Stats};
use crate::routes::Route;

#[component]
pub fn Home() -> Html {
    let content = use_context::<ContentState>().unwrap_or(ContentState::Loading);
    let progress = use_context::<ProgressContext>();
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
                ContentState::Ready(index) => html! {
                    <>
                        <Dashboard index={index.clone()}
                            progress={progress.map(|p| p.doc.clone()).unwrap_or_default()}
                            clock={crate::clock::now()} />
                        <BankSummary {index} />
                    </>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    pub index: Rc<ContentIndex>,
    pub progress: Progress,
    pub clock: Clock,
}

fn set_link(spec: SetSpec, label: String, class: &'static str) -> Html {
    html! {
        <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(spec)} classes={class}>{ label }</Link<Route, SetSpec>>
    }
}

/// The learner's numbers. Pure in its inputs, so it renders natively in tests.
#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let stats = Stats::compute(&props.index.questions, &props.progress, props.clock);
    let weakest = stats.weakest_tasks(3);
    let due_spec = SetSpec {
        state: StudyState::Due,
        size: Some(stats.due_now.max(1)),
        ..SetSpec::default()
    };
    html! {
        <section class="dashboard" aria-label="Your progress">
            <ul class="tiles">
                <li class="tile" data-stat="due">
                    <strong>{ stats.due_now }</strong>
                    <span>{ "due for review now" }</span>
                    <small>{ format!("{} by the end of today", stats.due_today) }</small>
                    if stats.due_now > 0 {
                        { set_link(due_spec, format!("Review {} due", stats.due_now), "button") }
                    }
                </li>
                <li class="tile" data-stat="seen">
                    <strong>{ format!("{} / {}", stats.seen, stats.total) }</strong>
                    <span>{ "questions seen" }</span>
                    if stats.seen < stats.total {
                        { set_link(SetSpec { state: StudyState::Unseen, ..SetSpec::default() }, "Try new questions".into(), "button secondary") }
                    }
                </li>
                <li class="tile" data-stat="streak">
                    <strong>{ stats.streak_days }</strong>
                    <span>{ if stats.streak_days == 1 { "day streak" } else { "days streak" } }</span>
                    <small>{ "days in a row with at least one answer" }</small>
                </li>
            </ul>
            <ExamPlan index={props.index.clone()} progress={props.progress.clone()} stats={stats.clone()} clock={props.clock} />
            <h2>{ "Weakest task statements" }</h2>
            <ol class="weakest">
                { for weakest.iter().map(|(task, m)| {
                    let name = props.index.blueprint.task(task).map_or("", |(_, t)| t.name.as_str());
                    html! {
                        <li data-task={task.to_string()}>
                            <span><strong>{ *task }</strong>{ format!(" {name} — {} % mastery", (m.mastery * 100.0).round()) }</span>
                            { set_link(
                                SetSpec { task: Some(task.to_string()), state: StudyState::Weakest, ..SetSpec::default() },
                                format!("Practice {task}"),
                                "button secondary",
                            ) }
                        </li>
                    }
                }) }
            </ol>
            <h2>{ "Mastery" }</h2>
            <MasteryChart blueprint={props.index.blueprint.clone()} stats={stats.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct BankSummaryProps {
    pub index: Rc<ContentIndex>,
}

/// The six domains with their weights and question counts.
#[component]
pub fn BankSummary(props: &BankSummaryProps) -> Html {
    let bp = &props.index.blueprint;
    html! {
        <>
            <h2>{ "The exam" }</h2>
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
