//! Native render tests of the exam plan card, "Report a problem" and the
//! Changes page: markup from yew's `ssr` renderer.

use std::collections::BTreeMap;
use std::rc::Rc;

use canary::components::exam_plan::{ExamPlan, ExamPlanProps};
use canary::components::report_problem::ReportProblem;
use canary::content::ContentState;
use canary::domain::blueprint::{Blueprint, Domain, TaskStatement};
use canary::domain::errata::{ChangelogEntry, Project};
use canary::domain::exam::{Attempt, ExamResult, Format};
use canary::domain::plan::day_number;
use canary::domain::progress::Progress;
use canary::domain::question::{ContentIndex, Kind, QuestionMeta};
use canary::domain::schedule::MS_PER_DAY;
use canary::domain::stats::{Clock, Stats};
use canary::pages::changes::{ChangeList, ChangeListProps};
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

fn index(issues_url: Option<&str>) -> ContentIndex {
    ContentIndex {
        version: "c0ffee12".into(),
        blueprint: Blueprint {
            source: "https://docs.aws.amazon.com/".into(),
            questions: 75,
            scored: 65,
            minutes: 180,
            passing_score: 750,
            min_score: 100,
            max_score: 1000,
            domains: vec![Domain {
                number: 1,
                name: "SDLC Automation".into(),
                weight: 22,
                tasks: vec![TaskStatement {
                    id: "1.1".into(),
                    name: "Implement CI/CD pipelines".into(),
                }],
            }],
        },
        files: vec![],
        questions: (0..30)
            .map(|i| QuestionMeta {
                id: format!("d1-q{i}"),
                domain: 1,
                task: "1.1".into(),
                services: vec![],
                kind: Kind::Single,
                difficulty: None,
            })
            .collect(),
        project: Project {
            issues_url: issues_url.map(Into::into),
        },
        search: None,
    }
}

#[derive(Properties, PartialEq)]
struct Host {
    index: Rc<ContentIndex>,
    children: Html,
}

/// The router and the content context, as the app provides them.
#[component]
fn InApp(props: &Host) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! {
        <Router {history}>
            <ContextProvider<ContentState> context={ContentState::Ready(props.index.clone())}>
                { props.children.clone() }
            </ContextProvider<ContentState>>
        </Router>
    }
}

#[derive(Properties, PartialEq)]
struct PlanHost {
    plan: ExamPlanProps,
}

#[component]
fn RoutedPlan(props: &PlanHost) -> Html {
    let p = &props.plan;
    html! {
        <InApp index={p.index.clone()}>
            <ExamPlan index={p.index.clone()} progress={p.progress.clone()} stats={p.stats.clone()} clock={p.clock} />
        </InApp>
    }
}

fn noon(date: &str) -> Clock {
    Clock {
        now: day_number(date).unwrap() * MS_PER_DAY + MS_PER_DAY / 2,
        offset_minutes: 0,
    }
}

async fn plan(progress: Progress, clock: Clock) -> String {
    let index = Rc::new(index(None));
    let stats = Stats::compute(&index.questions, &progress, clock);
    LocalServerRenderer::<RoutedPlan>::with_props(PlanHost {
        plan: ExamPlanProps {
            index,
            progress,
            stats,
            clock,
        },
    })
    .hydratable(false)
    .render()
    .await
}

fn attempt(correct: usize, scored: usize) -> Attempt {
    Attempt {
        format: Format::Mini,
        seed: 7,
        started_at: 1,
        submitted_at: 2,
        auto_submitted: false,
        items: vec![],
        answers: BTreeMap::new(),
        flags: Default::default(),
        result: ExamResult {
            correct,
            scored,
            scaled: 0,
            passed: false,
            by_domain: BTreeMap::new(),
            by_task: BTreeMap::new(),
        },
        times_ms: BTreeMap::new(),
        shuffled: false,
    }
}

#[tokio::test]
async fn without_a_date_the_card_points_to_settings() {
    let html = plan(Progress::default(), noon("2027-01-01")).await;
    assert!(html.contains("Set the exam date in Settings"), "{html}");
    assert!(!html.contains("days left"), "{html}");
}

#[tokio::test]
async fn with_a_date_the_card_shows_days_target_and_an_honest_readiness() {
    let mut p = Progress::default();
    p.set_exam_date(Some("2027-01-11"), 1);
    let html = plan(p, noon("2027-01-01")).await;
    assert!(html.contains("data-days-left=\"10\""), "{html}");
    assert!(html.contains("10 days left"), "{html}");
    assert!(
        html.contains("3 new questions and 0 due for review"),
        "30 unseen over 10 days: {html}"
    );
    assert!(html.contains("3 new from 1.1"), "{html}");
    assert!(
        html.contains("No exam attempt yet, so there is no readiness estimate"),
        "{html}"
    );
    assert!(!html.contains("95 %"), "no invented figure: {html}");
}

#[tokio::test]
async fn with_attempts_readiness_has_a_range_and_says_how() {
    let mut p = Progress::default();
    p.set_exam_date(Some("2027-01-02"), 1);
    p.add_exam(attempt(17, 20));
    let html = plan(p, noon("2027-01-01")).await;
    assert!(html.contains("1 day left"), "{html}");
    assert!(html.contains("85 % ("), "{html}");
    assert!(html.contains("too close to call"), "{html}");
    assert!(
        html.contains("From your last exam: 17 of 20 scored questions right"),
        "{html}"
    );
    assert!(html.contains("95 % interval"), "{html}");
}

#[tokio::test]
async fn on_and_after_the_exam_day() {
    let mut p = Progress::default();
    p.set_exam_date(Some("2027-01-01"), 1);
    let html = plan(p.clone(), noon("2027-01-01")).await;
    assert!(html.contains("Your exam is today"), "{html}");
    assert!(!html.contains("Today's target"), "{html}");
    let html = plan(p, noon("2027-01-04")).await;
    assert!(html.contains("The exam day was 3 days ago"), "{html}");
}

#[derive(Properties, PartialEq)]
struct ReportHost {
    issues_url: Option<String>,
}

#[component]
fn RoutedReport(props: &ReportHost) -> Html {
    let index = Rc::new(index(props.issues_url.as_deref()));
    html! { <InApp {index}><ReportProblem question="d1-q3" /></InApp> }
}

#[tokio::test]
async fn without_a_tracker_the_report_is_text_to_copy() {
    let html = LocalServerRenderer::<RoutedReport>::with_props(ReportHost { issues_url: None })
        .hydratable(false)
        .render()
        .await;
    assert!(
        html.contains("<summary>Report a problem</summary>"),
        "{html}"
    );
    assert!(html.contains("Question: d1-q3"), "{html}");
    assert!(html.contains("Content version: c0ffee12"), "{html}");
    assert!(
        html.contains("Reason: Wrong answer key (wrong_key)"),
        "{html}"
    );
    assert!(html.contains(">Copy</button>"), "{html}");
    assert!(
        html.contains("for=\"report-d1-q3-reason\""),
        "labelled: {html}"
    );
    assert!(
        html.contains("for=\"report-d1-q3-comment\""),
        "labelled: {html}"
    );
    assert!(!html.contains("prefilled issue"), "{html}");
}

#[tokio::test]
async fn with_a_tracker_the_report_is_a_prefilled_link() {
    let html = LocalServerRenderer::<RoutedReport>::with_props(ReportHost {
        issues_url: Some("https://example.org/issues/new".into()),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains("href=\"https://example.org/issues/new?title=d1-q3%3A%20Wrong%20answer%20key&amp;body=Question%3A%20d1-q3"),
        "{html}"
    );
    assert!(!html.contains(">Copy</button>"), "{html}");
}

fn changelog() -> Vec<ChangelogEntry> {
    vec![
        ChangelogEntry {
            date: Some("2026-12-07".into()),
            summary: "Two fixes.".into(),
            added: vec!["d1-q1".into()],
            fixed: vec!["d1-q2".into()],
            retired: vec!["d1-gone".into()],
            ..ChangelogEntry::default()
        },
        ChangelogEntry {
            version: Some("abc".into()),
            ..ChangelogEntry::default()
        },
    ]
}

#[component]
fn RoutedChanges(props: &ChangeListProps) -> Html {
    html! { <InApp index={Rc::new(index(None))}><ChangeList entries={props.entries.clone()} version={props.version.clone()} /></InApp> }
}

#[tokio::test]
async fn the_changes_page_lists_entries_with_links_to_questions() {
    let html = LocalServerRenderer::<RoutedChanges>::with_props(ChangeListProps {
        entries: Rc::new(changelog()),
        version: Some("c0ffee12".into()),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("content version c0ffee12"), "{html}");
    assert!(html.contains("<h2>2026-12-07</h2>"), "{html}");
    assert!(html.contains("<h2>Version abc</h2>"), "{html}");
    assert!(
        html.contains("Added (1)") && html.contains("Fixed (1)") && html.contains("Retired (1)"),
        "{html}"
    );
    assert!(html.contains("href=\"/question/d1-q1\""), "{html}");
    assert!(html.contains("href=\"/question/d1-q2\""), "{html}");
    assert!(
        html.contains("<code>d1-gone</code>"),
        "retired: no link: {html}"
    );
    assert!(!html.contains("href=\"/question/d1-gone\""), "{html}");
}
