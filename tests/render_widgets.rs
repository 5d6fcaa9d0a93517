//! Native render tests of the simulators' markup, from the test fixtures.

use std::rc::Rc;

use canary::domain::widgets::codedeploy::CodeDeployFacts;
use canary::domain::widgets::dr::DrFacts;
use canary::widgets::codedeploy::{CdQuery, Explore, ExploreProps};
use canary::widgets::dr::{DrQuery, DrView};
use yew::prelude::*;
use yew::LocalServerRenderer;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::Router;

fn facts<T: serde::de::DeserializeOwned>(id: &str) -> Rc<T> {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/widgets/{id}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let value = canary_content::compile_widget(
        id,
        &canary_content::Source {
            name: id.into(),
            text,
        },
    )
    .unwrap();
    Rc::new(serde_json::from_value(value).unwrap())
}

async fn explore(query: CdQuery) -> String {
    LocalServerRenderer::<Explore>::with_props(ExploreProps {
        facts: facts::<CodeDeployFacts>("codedeploy"),
        query,
        update_query: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn codedeploy_in_place_shows_batches_events_and_appspec() {
    let html = explore(CdQuery {
        fleet: Some(5),
        ..CdQuery::default()
    })
    .await;
    assert!(
        html.contains("3 of 5 instances must stay healthy"),
        "{html}"
    );
    assert!(html.contains("<strong>2 + 2 + 1</strong>"));
    assert!(html.contains("data-event=\"DownloadBundle\""));
    assert!(html.contains("no hooks: reserved for CodeDeploy"));
    assert!(html.contains("ApplicationStop:\n    - location: scripts/application-stop.sh"));
    assert!(
        html.contains("role=\"img\""),
        "chart has a text alternative"
    );
}

#[tokio::test]
async fn codedeploy_lambda_offers_only_what_aws_allows() {
    let html = explore(CdQuery {
        platform: Some("lambda".into()),
        ..CdQuery::default()
    })
    .await;
    assert!(
        html.contains("not available: traffic moves between function versions"),
        "{html}"
    );
    assert!(html.contains("5 minutes to 100 %"));
    assert!(html.contains("0 min: 10 %; 5 min: 100 %"));
    assert!(html.contains("Hook run time is not included."));
    assert!(!html.contains("Batches on this fleet"));
}

#[derive(Properties, PartialEq)]
struct Host {
    query: DrQuery,
}

#[component]
fn RoutedDr(props: &Host) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! {
        <Router {history}>
            <DrView facts={facts::<DrFacts>("dr")} query={props.query.clone()} on_change={Callback::noop()} />
        </Router>
    }
}

#[tokio::test]
async fn dr_recommends_and_explains() {
    let html = LocalServerRenderer::<RoutedDr>::with_props(Host {
        query: DrQuery {
            rto: Some(3600),
            rpo: Some(600),
            ..DrQuery::default()
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("data-strategy=\"pilot_light\""), "{html}");
    assert!(html.contains("Architecture: pilot light"));
    assert!(html.contains("Data replicated, servers off"));
    assert!(
        html.contains("recovery takes up to 1 d"),
        "backup and restore says why it fails"
    );
    assert!(html.contains("<li>Start servers</li><li>Redirect</li>"));
    assert!(html.contains("Your target: RTO 1 h, RPO 10 min"));
}
