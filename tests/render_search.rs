//! Native render test of the search results (yew's `ssr` feature): the
//! count, "Practice these N" with exactly the hits' ids, each result's id
//! linking to its question, domain and task, the snippet with `<mark>`ed
//! hits, and the first-20 cut with "Show all N".

use std::rc::Rc;

use canary::domain::blueprint::Blueprint;
use canary::domain::question::{Choice, ContentIndex, Kind, Question};
use canary::domain::search::{SearchIndex, Searcher};
use canary::pages::search::SearchResults;
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

fn question(n: usize, stem: &str) -> Question {
    Question {
        id: format!("d2-q{n}"),
        domain: 2,
        task: "2.3".into(),
        services: vec!["CloudFormation".into()],
        kind: Kind::Single,
        difficulty: None,
        status_note: None,
        stem: stem.into(),
        options: vec![Choice {
            text: "A stack.".into(),
            correct: true,
            explanation: "Because.".into(),
        }],
        references: vec![],
        reviewed: None,
    }
}

fn bank(n: usize) -> (Rc<ContentIndex>, Rc<Searcher>) {
    let mut qs: Vec<Question> = (0..n)
        .map(|i| {
            question(
                i,
                "<p>Detect <em>drift</em> in a template &amp; fix it.</p>",
            )
        })
        .collect();
    qs.push(Question {
        services: vec!["Lambda".into()],
        ..question(n, "<p>Functions time out.</p>")
    });
    let index = ContentIndex {
        version: "v".into(),
        blueprint: Blueprint {
            source: String::new(),
            questions: 75,
            scored: 65,
            minutes: 180,
            passing_score: 750,
            min_score: 100,
            max_score: 1000,
            domains: vec![],
        },
        files: vec![],
        questions: qs.iter().map(Question::meta).collect(),
        search: None,
        project: Default::default(),
    };
    (
        Rc::new(index),
        Rc::new(Searcher::new(SearchIndex::build(&qs))),
    )
}

#[derive(Properties, PartialEq)]
struct Host {
    index: Rc<ContentIndex>,
    searcher: Rc<Searcher>,
    query: String,
    show_all: bool,
}

#[component]
fn Routed(p: &Host) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! {
        <Router {history}>
            <SearchResults index={p.index.clone()} searcher={p.searcher.clone()}
                query={p.query.clone()} show_all={p.show_all} />
        </Router>
    }
}

async fn render(n: usize, query: &str, show_all: bool) -> String {
    let (index, searcher) = bank(n);
    LocalServerRenderer::<Routed>::with_props(Host {
        index,
        searcher,
        query: query.into(),
        show_all,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn results_show_id_task_marked_snippet_and_practice_link() {
    // (A memory history: the app's hash router puts these links after `#`.)
    let html = render(2, "drift templ", false).await;
    assert!(
        html.contains(r#"class="search-count">2 questions match.</p>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="/practice/set?state=any&amp;ids=d2-q0%2Cd2-q1""#),
        "{html}"
    );
    assert!(html.contains(">Practice these 2</a>"), "{html}");
    assert!(html.contains(r#"href="/question/d2-q0""#), "{html}");
    assert!(
        html.contains(r#"<code class="result-id">d2-q1</code>"#),
        "{html}"
    );
    assert!(html.contains("Domain 2 · Task 2.3"), "{html}");
    assert!(
        html.contains("Detect <mark>drift</mark> in a <mark>template</mark> &amp; fix it."),
        "{html}"
    );
    assert!(
        !html.contains("d2-q2"),
        "the Lambda question does not match: {html}"
    );
    assert!(!html.contains("Show all"), "{html}");
}

#[tokio::test]
async fn the_first_twenty_then_show_all() {
    let html = render(25, "drift", false).await;
    assert_eq!(
        html.matches(r#"class="search-result""#).count(),
        20,
        "{html}"
    );
    assert!(html.contains(">Show all 25</button>"), "{html}");
    assert!(html.contains(">Practice these 25</a>"), "{html}");
    let html = render(25, "drift", true).await;
    assert_eq!(
        html.matches(r#"class="search-result""#).count(),
        25,
        "{html}"
    );
    assert!(!html.contains("Show all"), "{html}");
}

#[tokio::test]
async fn no_match_and_empty_query() {
    let html = render(2, "kubernetes", false).await;
    assert!(html.contains("No question matches."), "{html}");
    assert!(!html.contains("Practice these"), "{html}");
    let html = render(2, "  ", false).await;
    assert!(html.contains("Type to search the whole bank."), "{html}");
}
