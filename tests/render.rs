//! Native render tests: components rendered to HTML with yew's `ssr`
//! feature, asserting on the markup learners get.

use std::rc::Rc;

use canary::components::question_card::{QuestionCard, QuestionCardProps};
use canary::domain::blueprint::{Blueprint, Domain, TaskStatement};
use canary::domain::grading::{grade, Selection};
use canary::domain::practice::{Practice, PracticeAction};
use canary::domain::progress::{Feedback, Progress};
use canary::domain::question::{Choice, ChoiceId, ContentIndex, DomainFile, Kind, Question};
use canary::domain::schedule::{Confidence, Review};
use canary::domain::shuffle::OptionOrder;
use canary::domain::stats::Clock;
use canary::pages::home::BankSummary;
use canary::pages::home::{Dashboard, DashboardProps};
use canary::pages::practice::SessionView;
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

fn question(kind: Kind, correct: &[usize], n: usize) -> Question {
    Question {
        id: "d1-sample".into(),
        domain: 1,
        task: "1.4".into(),
        services: vec!["CodeDeploy".into(), "Lambda".into()],
        kind,
        difficulty: None,
        status_note: Some("<p>Closed to new customers.</p>".into()),
        stem: "<p>Which configuration <strong>shifts</strong> traffic?</p>".into(),
        options: (0..n)
            .map(|i| Choice {
                text: format!("<code>Option{i}</code>"),
                correct: correct.contains(&i),
                explanation: format!("<p>Reason {i}.</p>"),
            })
            .collect(),
        references: vec!["https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html".into()],
        reviewed: None,
    }
}

async fn render_card(props: QuestionCardProps) -> String {
    LocalServerRenderer::<QuestionCard>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn sel(ids: &[u8]) -> Selection {
    ids.iter().map(|&i| ChoiceId(i)).collect()
}

#[tokio::test]
async fn unanswered_single_answer_card() {
    let html = render_card(QuestionCardProps {
        reportable: false,
        question: Rc::new(question(Kind::Single, &[1], 4)),
        selection: sel(&[2]),
        graded: None,
        on_select: Callback::noop(),
        position: Some((3, 10)),
        locked: false,
        order: None,
    })
    .await;
    assert!(html.contains("Question 3 of 10"), "{html}");
    assert!(html.contains("Domain 1 · Task 1.4 · CodeDeploy, Lambda"));
    assert!(
        html.contains("<strong>shifts</strong>"),
        "stem HTML is inserted as markup"
    );
    assert!(html.contains("Closed to new customers."));
    assert_eq!(html.matches("type=\"radio\"").count(), 4);
    assert_eq!(html.matches("class=\"option selected\"").count(), 1);
    assert!(!html.contains("Choose"), "single answer has no instruction");
    assert!(
        !html.contains("explanation"),
        "nothing revealed before submitting"
    );
    assert!(!html.contains("References"));
}

#[tokio::test]
async fn revealed_multiple_response_card() {
    let q = question(Kind::Multiple { choose: 2 }, &[0, 3], 5);
    let selection = sel(&[0, 1]);
    let graded = grade(&q, &selection);
    let html = render_card(QuestionCardProps {
        reportable: false,
        question: Rc::new(q),
        selection,
        graded: Some(graded),
        on_select: Callback::noop(),
        position: None,
        locked: false,
        order: None,
    })
    .await;
    assert!(html.contains("Choose TWO."), "{html}");
    assert_eq!(html.matches("type=\"checkbox\"").count(), 5);
    assert!(html.contains("Not quite."));
    assert!(html.contains("The answers are A and D."));
    assert!(html.contains("class=\"option selected correct\""));
    assert!(html.contains("class=\"option selected incorrect\""));
    assert!(html.contains("class=\"option missed\""));
    assert!(html.contains("Correct — not chosen"));
    assert_eq!(
        html.matches("class=\"explanation\"").count(),
        5,
        "every option explains itself"
    );
    assert!(html.contains("href=\"https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html\""));
    assert!(
        !html.contains("of 2 selected"),
        "the pick counter goes once graded"
    );
}

#[tokio::test]
async fn shuffled_card_letters_options_as_shown() {
    let q = question(Kind::Multiple { choose: 2 }, &[0, 3], 5);
    // A seed that moves option A (the file's first) away from the top.
    let order = (0..)
        .map(|seed| OptionOrder::seeded(seed, &q.id, 5))
        .find(|o| o.position(ChoiceId(0)) == Some(2))
        .unwrap();
    let selection = sel(&[0, 1]);
    let graded = grade(&q, &selection);
    let html = render_card(QuestionCardProps {
        question: Rc::new(q),
        selection,
        graded: Some(graded),
        on_select: Callback::noop(),
        position: None,
        locked: false,
        reportable: false,
        order: Some(order.clone()),
    })
    .await;
    let shown: Vec<&str> = html
        .match_indices("<span class=\"option-text\"><code>Option")
        .map(|(i, m)| &html[i + m.len()..i + m.len() + 1])
        .collect();
    let want: Vec<String> = order.ids().iter().map(|c| c.0.to_string()).collect();
    assert_eq!(shown, want, "options in the order given: {html}");
    let letters: Vec<&str> = html
        .match_indices("<span aria-hidden=\"true\" class=\"letter\">")
        .map(|(i, m)| &html[i + m.len()..i + m.len() + 1])
        .collect();
    assert_eq!(
        letters,
        ["A", "B", "C", "D", "E"],
        "letters follow the screen: {html}"
    );
    // File option A is shown third, as C, and keeps its file letter in
    // data-choice; the verdict names the letters shown.
    assert!(
        html.contains("data-choice=\"A\" data-shown=\"C\""),
        "{html}"
    );
    let d = order.letter(ChoiceId(3));
    let mut right = ['C', d];
    right.sort_unstable();
    assert!(
        html.contains(&format!("The answers are {} and {}.", right[0], right[1])),
        "{html}"
    );
    // Explanations stay with their option.
    let a = html.find("data-choice=\"A\"").unwrap();
    let next = html[a..].find("</li>").unwrap() + a;
    assert!(html[a..next].contains("Reason 0."), "{html}");
}

#[tokio::test]
async fn finished_session_shows_the_score() {
    let q = question(Kind::Single, &[1], 4);
    let done = Practice::new(vec![q].into(), Feedback::EndOfSet)
        .apply(PracticeAction::SelectChoice(ChoiceId(1)))
        .apply(PracticeAction::Submit)
        .apply(PracticeAction::Rate(Confidence::Knew));
    let html = LocalServerRenderer::<RoutedSession>::with_props(SessionHost { session: done })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("Set complete: 1 of 1 correct"), "{html}");
    assert!(html.contains("Build another set"));
    assert!(!html.contains("Retry the"), "nothing was missed");
    assert_eq!(
        html.matches("class=\"verdict right\"").count(),
        1,
        "end-of-set feedback reveals the answer"
    );
}

/// Renders a component inside an in-memory router, as the app does (links
/// need one).
#[derive(Properties, PartialEq)]
struct InRouterProps {
    children: Html,
}

#[component]
fn InRouter(props: &InRouterProps) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! { <Router {history}>{ props.children.clone() }</Router> }
}

#[derive(Properties, PartialEq)]
struct SessionHost {
    session: Practice,
}

#[component]
fn RoutedSession(props: &SessionHost) -> Html {
    html! { <InRouter><SessionView session={props.session.clone()} on_action={Callback::noop()} /></InRouter> }
}

#[derive(Properties, PartialEq)]
struct SummaryHost {
    index: Rc<ContentIndex>,
}

#[component]
fn RoutedSummary(props: &SummaryHost) -> Html {
    html! { <InRouter><BankSummary index={props.index.clone()} /></InRouter> }
}

#[component]
fn RoutedDashboard(props: &DashboardProps) -> Html {
    html! {
        <InRouter>
            <Dashboard index={props.index.clone()} progress={props.progress.clone()} clock={props.clock} />
        </InRouter>
    }
}

fn index() -> ContentIndex {
    let blueprint = Blueprint {
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
    };
    ContentIndex {
        version: "v".into(),
        blueprint,
        files: vec![DomainFile {
            domain: 1,
            file: "d1.x.json".into(),
            count: 24,
        }],
        questions: vec![question(Kind::Single, &[0], 4).meta(), {
            let mut q = question(Kind::Single, &[0], 4);
            q.id = "d1-other".into();
            q.task = "1.1".into();
            q.meta()
        }],
        search: None,
        project: Default::default(),
    }
}

#[tokio::test]
async fn dashboard_lists_domains_with_weights_counts_and_links() {
    let html = LocalServerRenderer::<RoutedSummary>::with_props(SummaryHost {
        index: Rc::new(index()),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("75</strong> questions"), "{html}");
    assert!(html.contains("Domain 1: SDLC Automation"));
    assert!(html.contains("22 % of the scored questions · 1 task statement"));
    assert!(html.contains("24 questions in the bank"));
    assert!(html.contains("href=\"/practice/domain/1\""), "{html}");
}

#[tokio::test]
async fn dashboard_shows_due_seen_streak_weakest_and_chart() {
    const NOW: i64 = 1_785_000_000_000;
    let mut progress = Progress::default();
    progress.record(
        "d1-sample",
        Review {
            at: NOW - 3_600_000,
            correct: false,
            confidence: Confidence::Unsure,
            ms: None,
        },
    );
    let html = LocalServerRenderer::<RoutedDashboard>::with_props(DashboardProps {
        index: Rc::new(index()),
        progress,
        clock: Clock {
            now: NOW,
            offset_minutes: 0,
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        html.contains("<strong>1</strong><span>due for review now</span>"),
        "{html}"
    );
    assert!(html.contains("Review 1 due"));
    assert!(html.contains("<strong>1 / 2</strong><span>questions seen</span>"));
    assert!(html.contains("<strong>1</strong><span>day streak</span>"));
    assert!(
        html.contains("data-task=\"1.1\""),
        "weakest list and chart name the task"
    );
    assert!(html.contains("Practice 1.1"));
    assert!(
        html.contains("state=weakest"),
        "one-click weakest-first set: {html}"
    );
    assert!(
        html.contains("role=\"img\""),
        "the chart is an image with a text alternative"
    );
    assert!(html.contains(
        "<th scope=\"row\">1.1 Implement CI/CD pipelines</th><td>0 %</td><td>0 of 1</td>"
    ));
}

#[tokio::test]
async fn a_submitted_but_unrated_answer_is_locked() {
    let html = render_card(QuestionCardProps {
        reportable: false,
        question: Rc::new(question(Kind::Multiple { choose: 2 }, &[0, 3], 5)),
        selection: sel(&[0, 3]),
        graded: None,
        on_select: Callback::noop(),
        position: None,
        locked: true,
        order: None,
    })
    .await;
    assert_eq!(
        html.matches(" disabled").count(),
        6,
        "fieldset and every input: {html}"
    );
    assert!(
        !html.contains("class=\"verdict"),
        "the verdict waits for the confidence rating"
    );
    assert!(!html.contains("selected —"));
}

/// The storage notices are alerts a screen reader announces, each with a way
/// out (export) for progress that lives in memory only.
#[tokio::test]
async fn storage_notices_are_alerts_with_an_export() {
    use canary::components::progress::{Notice, NoticeBanner, NoticeBannerProps};
    for (notice, text) in [
        (Notice::Full, "Storage is full"),
        (
            Notice::Unavailable,
            "Progress cannot be saved in this browser",
        ),
    ] {
        let html = LocalServerRenderer::<NoticeBanner>::with_props(NoticeBannerProps {
            notice,
            on_dismiss: Callback::noop(),
            on_export: Callback::noop(),
            on_download_backup: Callback::noop(),
        })
        .render()
        .await;
        assert!(html.contains(r#"role="alert""#), "{html}");
        assert!(html.contains(text), "{html}");
        assert!(html.contains("Export progress"), "{html}");
    }
}
