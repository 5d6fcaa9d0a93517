//! The dashboard's exam-plan card: days left until the booked exam, today's
//! target (new questions by task statement plus due reviews) and the
//! readiness estimate with how it is computed. Without a date it only
//! points to Settings. The numbers come from `crate::domain::plan`.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::plan::{daily_target, days_left, readiness, Readiness, RECENT_EXAMS};
use crate::domain::practice_set::{SetSpec, StudyState};
use crate::domain::progress::Progress;
use crate::domain::question::ContentIndex;
use crate::domain::stats::{Clock, Stats};
use crate::routes::Route;

#[derive(Properties, PartialEq)]
pub struct ExamPlanProps {
    pub index: Rc<ContentIndex>,
    pub progress: Progress,
    pub stats: Stats,
    pub clock: Clock,
}

fn pct(f: f64) -> String {
    format!("{} %", (f * 100.0).round())
}

#[component]
pub fn ExamPlan(props: &ExamPlanProps) -> Html {
    let date = props.progress.settings.exam_date();
    let left = date.and_then(|d| days_left(d, props.clock));
    let (Some(date), Some(left)) = (date, left) else {
        return html! {
            <section class="exam-plan" aria-labelledby="plan-title">
                <h2 id="plan-title">{ "Exam plan" }</h2>
                <p>
                    { "Booked your exam? " }
                    <Link<Route> to={Route::Settings}>{ "Set the exam date in Settings" }</Link<Route>>
                    { " for a daily target and a readiness estimate." }
                </p>
            </section>
        };
    };
    let headline = match left {
        0 => "Your exam is today".to_string(),
        1 => "1 day left".to_string(),
        n if n > 1 => format!("{n} days left"),
        n => format!("The exam day was {} ago", plural(-n, "day")),
    };
    let target = daily_target(&props.index.questions, &props.progress, &props.stats, left);
    let ready = readiness(&props.progress, &props.stats);
    html! {
        <section class="exam-plan" aria-labelledby="plan-title">
            <h2 id="plan-title">{ "Exam plan" }</h2>
            <p class="days-left" data-days-left={left.to_string()}>
                <strong>{ headline }</strong>{ format!(" (exam on {date})") }
            </p>
            if let Some(t) = target {
                <div class="daily-target">
                    <h3>{ "Today's target" }</h3>
                    <p>{ format!(
                        "{} and {} due for review. That sees the {} unseen questions in {}; new questions lean towards your weakest task statements.",
                        plural(t.new_today as i64, "new question"),
                        t.due_today,
                        t.unseen,
                        plural(t.study_days, "day"),
                    ) }</p>
                    <ul class="target-tasks">
                        { for t.by_task.iter().take(4).map(|(task, n)| {
                            let name = props.index.blueprint.task(task).map_or("", |(_, t)| t.name.as_str());
                            let spec = SetSpec { task: Some(task.clone()), state: StudyState::Unseen, size: Some(*n), ..SetSpec::default() };
                            html! {
                                <li>
                                    <Link<Route, SetSpec> to={Route::PracticeSet} query={Some(spec)}>
                                        { format!("{n} new from {task}") }
                                    </Link<Route, SetSpec>>
                                    { format!(" {name}") }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <div class="readiness">
                <h3>{ "Readiness" }</h3>
                { readiness_text(&ready) }
            </div>
        </section>
    }
}

fn readiness_text(r: &Readiness) -> Html {
    let mastery = format!(
        "Mastery across the bank (the chance of recalling each question now, averaged) is {}.",
        pct(r.mastery)
    );
    match r.verdict() {
        None => html! {
            <p>
                { "No exam attempt yet, so there is no readiness estimate: " }
                <Link<Route> to={Route::Exam}>{ "take a mini or full exam" }</Link<Route>>
                { format!(" to get one. {mastery}") }
            </p>
        },
        Some(verdict) => html! {
            <>
                <p class="estimate"><strong>{ format!("{} ({}–{}): {verdict}", pct(r.estimate), pct(r.low), pct(r.high)) }</strong></p>
                <p class="hint">{ format!(
                    "From your last {}: {} of {} scored questions right. The range is a 95 % interval (Wilson), wide when few questions were answered; Canary assumes the pass mark is 72 %. {mastery}",
                    if r.attempts == 1 { "exam".to_string() } else { format!("{} exams", r.attempts.min(RECENT_EXAMS)) },
                    r.correct,
                    r.scored,
                ) }</p>
            </>
        },
    }
}

fn plural(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
