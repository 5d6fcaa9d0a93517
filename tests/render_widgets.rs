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

/// A widget's real facts from `content/widgets/`, compiled as the build does.
fn real_facts<T: serde::de::DeserializeOwned>(id: &str) -> Rc<T> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let bank = canary_content::compile_tree(&root).unwrap();
    Rc::new(serde_json::from_value(bank.widgets[id].clone()).unwrap())
}

/// The CodeDeploy explorer for `query`, with the given facts.
async fn explore_with(facts: Rc<CodeDeployFacts>, query: CdQuery) -> String {
    LocalServerRenderer::<Explore>::with_props(ExploreProps {
        facts,
        query,
        update_query: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

async fn explore(query: CdQuery) -> String {
    explore_with(facts("codedeploy"), query).await
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

async fn explore_real(query: CdQuery) -> String {
    explore_with(real_facts("codedeploy"), query).await
}

/// Issue 16 item 1: the success line must agree with the rules (no "fewer
/// than 0" for AllAtOnce, no tolerated failure mid-way for OneAtATime), and
/// failing instance k of n gives the documented verdict.
#[tokio::test]
async fn codedeploy_in_place_verdict_for_a_failed_instance() {
    let one = |fail| CdQuery {
        config: Some("CodeDeployDefault.OneAtATime".into()),
        fleet: Some(6),
        fail,
        ..CdQuery::default()
    };
    let html = explore_real(one(None)).await;
    assert!(!html.contains("fewer than"), "{html}");
    let html = explore_real(one(Some(3))).await;
    assert!(html.contains("data-verdict=\"failed\""), "{html}");
    let html = explore_real(one(Some(6))).await;
    assert!(html.contains("data-verdict=\"succeeded\""), "{html}");
    let all = |fleet| CdQuery {
        config: Some("CodeDeployDefault.AllAtOnce".into()),
        fleet: Some(fleet),
        fail: Some(1),
        ..CdQuery::default()
    };
    let html = explore_real(all(4)).await;
    assert!(!html.contains("fewer than 0"), "{html}");
    assert!(html.contains("data-verdict=\"succeeded\""), "{html}");
    let html = explore_real(all(1)).await;
    assert!(html.contains("data-verdict=\"failed\""), "{html}");
}

/// Issue 16 item 2: EC2 blue/green reroutes in batches (HalfAtATime: two
/// steps on six replacement instances), not one 0 → 100 % step.
#[tokio::test]
async fn codedeploy_blue_green_reroutes_in_batches() {
    let html = explore_real(CdQuery {
        kind: Some("blue_green".into()),
        config: Some("CodeDeployDefault.HalfAtATime".into()),
        fleet: Some(6),
        ..CdQuery::default()
    })
    .await;
    assert!(html.contains("0 min: 50 %; 5 min: 100 %"), "{html}");
    assert!(
        html.contains("data-fact=\"blue-green-needs-load-balancer\""),
        "{html}"
    );
    assert!(html.contains("KEEP_ALIVE"), "{html}");
}

#[derive(Properties, PartialEq)]
struct Host {
    facts: Rc<DrFacts>,
    query: DrQuery,
}

#[component]
fn RoutedDr(props: &Host) -> Html {
    let history = AnyHistory::from(MemoryHistory::new());
    html! {
        <Router {history}>
            <DrView facts={props.facts.clone()} query={props.query.clone()} on_change={Callback::noop()} />
        </Router>
    }
}

#[tokio::test]
async fn dr_recommends_and_explains() {
    let html = LocalServerRenderer::<RoutedDr>::with_props(Host {
        facts: facts("dr"),
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
    // The real facts: RTO 1 day with RPO 5 min is warm standby on separate
    // axes, and point-in-time recovery or Elastic Disaster Recovery could
    // do it for less; failover is judged by plane.
    let real = LocalServerRenderer::<RoutedDr>::with_props(Host {
        facts: real_facts("dr"),
        query: DrQuery {
            rto: Some(86_400),
            rpo: Some(300),
            ..DrQuery::default()
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        real.contains(r#"data-strategy="warm_standby" class="recommendation""#),
        "{real}"
    );
    assert!(
        real.contains(r#"data-alternative="pitr" class="cheaper""#),
        "{real}"
    );
    assert!(real.contains("Meets your targets at the cost of backup and restore"));
    assert!(real.contains(r#"data-plane="control""#));
    assert!(real.contains("Control plane: avoid it during recovery"));
    assert!(real.contains("Seconds"), "warm standby's RPO band");
}

/// The Auto Scaling simulator for `query`, with the real facts, in a router.
async fn render_asg(query: canary::widgets::asg::AsgQuery) -> String {
    use canary::domain::widgets::asg::AsgFacts;
    use canary::widgets::asg::{AsgQuery, AsgView};

    #[derive(Properties, PartialEq)]
    struct H {
        query: AsgQuery,
    }
    #[component]
    fn RoutedAsg(props: &H) -> Html {
        let history = AnyHistory::from(MemoryHistory::new());
        let facts = real_facts::<AsgFacts>("asg");
        html! {
            <Router {history}>
                <AsgView facts={facts} query={props.query.clone()} on_change={Callback::noop()} />
            </Router>
        }
    }
    LocalServerRenderer::<RoutedAsg>::with_props(H { query })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn asg_shows_the_wait_the_events_and_the_policy_pick() {
    use canary::widgets::asg::AsgQuery;
    let html = render_asg(AsgQuery {
        actions: Some("out,wait60,hb".into()),
        ..AsgQuery::default()
    })
    .await;
    assert!(html.contains("State: Pending:Wait"), "{html}");
    assert!(
        html.contains("t = 60 s · times out at 3660 s · cannot wait past 172800 s"),
        "the documented default heartbeat, 3600 s, is the preset: {html}"
    );
    assert!(
        html.contains("Heartbeat timeout (s, 30–7200; default 3600)"),
        "{html}"
    );
    assert!(html.contains("EC2 Instance-launch Lifecycle Action"));
    assert!(html.contains("heartbeat: another 3600 s"));
    assert!(html.contains("data-instance=\"i-b1\""));
    assert!(
        html.contains("i-b1 ← terminated"),
        "Default policy removes i-b1"
    );
}

#[tokio::test]
async fn asg_warm_pool_shows_its_states_and_the_event_routes() {
    use canary::widgets::asg::AsgQuery;
    let html = render_asg(AsgQuery {
        warm: Some("hibernated".into()),
        reuse: Some(true),
        actions: Some("warm,continue,out".into()),
        ..AsgQuery::default()
    })
    .await;
    assert!(html.contains("State: Pending:Wait"), "{html}");
    assert!(html.contains("data-state=\"Warmed:Hibernated\""), "{html}");
    assert!(html.contains("(EC2 → WarmPool)"), "{html}");
    assert!(html.contains("(WarmPool → AutoScalingGroup)"), "{html}");
    assert!(html.contains("Fill the warm pool"));
    assert!(html.contains("With a warm pool"));
    let plain = render_asg(AsgQuery::default()).await;
    assert!(!plain.contains("Warmed:"), "no warm states without a pool");
    assert!(!plain.contains("Fill the warm pool"));
    assert!(!plain.contains(r#"data-state="Terminating:Retained""#));
    let kept = render_asg(AsgQuery {
        launch: Some(0),
        terminate: Some(120),
        retain: Some(true),
        actions: Some("out,in,timeout".into()),
        ..AsgQuery::default()
    })
    .await;
    assert!(kept.contains("State: Terminating:Retained"), "{kept}");
    assert!(kept.contains("Terminate the retained instance"));
}

#[tokio::test]
async fn asg_protected_instances_are_never_picked() {
    use canary::widgets::asg::AsgQuery;
    let html = render_asg(AsgQuery {
        protect: Some("i-b1".into()),
        ..AsgQuery::default()
    })
    .await;
    assert!(html.contains("i-b3 ← terminated"), "{html}");
    assert!(!html.contains("i-b1 ← terminated"));
    assert!(html.contains("protected from scale in, never chosen: i-b1"));
    assert!(html.contains("Spot interruption"), "protection facts shown");
    let all = render_asg(AsgQuery {
        protect: Some("i-a1,i-a2,i-b1,i-b2,i-b3,i-c1".into()),
        ..AsgQuery::default()
    })
    .await;
    assert!(!all.contains("← terminated"), "{all}");
    assert!(all.contains("Every instance is protected from scale in"));
    let plain = render_asg(AsgQuery::default()).await;
    assert!(
        plain.contains("force-delete option"),
        "hooks that do not run"
    );
}

#[tokio::test]
async fn pipeline_builder_names_the_broken_rules() {
    use canary::domain::widgets::pipeline::PipelineFacts;
    use canary::widgets::pipeline::{PipelineQuery, PipelineView};

    #[derive(Properties, PartialEq)]
    struct H {
        query: PipelineQuery,
    }
    #[component]
    fn RoutedPipeline(props: &H) -> Html {
        let history = AnyHistory::from(MemoryHistory::new());
        let facts = real_facts::<PipelineFacts>("pipeline");
        html! {
            <Router {history}>
                <PipelineView facts={facts} query={props.query.clone()} on_change={Callback::noop()} />
            </Router>
        }
    }
    let render = |query| async move {
        LocalServerRenderer::<RoutedPipeline>::with_props(H { query })
            .hydratable(false)
            .render()
            .await
    };
    let start = render(PipelineQuery::default()).await;
    assert!(start.contains("stage `Deploy` has no action"), "{start}");
    assert!(start.contains("add a Deploy action with the CloudFormation provider"));
    let done = render(PipelineQuery {
        scenario: Some("s3-cloudformation".into()),
        p: Some("Source~Template:Source:S3::TemplateZip|Deploy~Stack:Deploy:CloudFormation:TemplateZip:".into()),
    })
    .await;
    assert!(
        done.contains("The pipeline&#x27;s structure is valid.")
            || done.contains("The pipeline's structure is valid."),
        "{done}"
    );
    assert!(done.contains("Scenario complete."));
    assert!(
        done.contains("Run order"),
        "every action shows its runOrder"
    );
    assert!(done.contains("CodePipeline Pipeline Execution State Change"));
    // Two stages with one name: the later one is named with the rule's text.
    let twice = render(PipelineQuery {
        scenario: None,
        p: Some("Source~S:Source:S3::A|Deploy~D:Deploy:CloudFormation:A:|Deploy~E:Deploy:CloudFormation:A:".into()),
    })
    .await;
    assert!(
        twice.contains(r#"data-rule="unique-stage-names""#),
        "{twice}"
    );
    assert!(twice.contains("the pipeline already has a stage named `Deploy`"));
    // Every stage and action can be moved without a pointer; the ends
    // cannot move further.
    assert!(
        done.contains(r#"aria-label="Move stage Deploy up""#),
        "{done}"
    );
    assert!(
        done.contains(r#"disabled="" aria-label="Move stage Source up""#)
            || done.contains(r#"aria-label="Move stage Source up" disabled"#),
        "{done}"
    );
    assert!(done.contains(r#"aria-label="Move action Stack down""#));
    assert_eq!(
        done.matches(r#"draggable="true""#).count(),
        4,
        "two stages, two actions"
    );
}

#[tokio::test]
async fn beanstalk_shows_capacity_differences_and_fits() {
    use canary::domain::widgets::beanstalk::BeanstalkFacts;
    use canary::widgets::beanstalk::{BeanstalkView, EbQuery};

    #[derive(Properties, PartialEq)]
    struct H {
        query: EbQuery,
    }
    #[component]
    fn RoutedEb(props: &H) -> Html {
        let history = AnyHistory::from(MemoryHistory::new());
        let facts = real_facts::<BeanstalkFacts>("beanstalk");
        html! {
            <Router {history}>
                <BeanstalkView facts={facts} query={props.query.clone()} on_change={Callback::noop()} />
            </Router>
        }
    }
    let html = LocalServerRenderer::<RoutedEb>::with_props(H {
        query: EbQuery {
            policy: Some("rolling_additional_batch".into()),
            prev: Some("rolling".into()),
            fleet: Some(5),
            batch_pct: Some(40),
            ..EbQuery::default()
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Lowest serving capacity: 5 of 5"), "{html}");
    assert!(
        html.contains("Batch 1: launching an extra batch of 2"),
        "40 % of 5 rounds up to 2: {html}"
    );
    assert!(html.contains("what differs from Rolling"));
    assert!(html.contains("class=\"changed\""));
    assert!(html.contains("Environment types that allow it"));
    assert!(
        !html.contains("eb-fail-batch"),
        "no failing batch to choose without a failure"
    );
    let split = LocalServerRenderer::<RoutedEb>::with_props(H {
        query: EbQuery {
            policy: Some("traffic_splitting".into()),
            fails: Some(true),
            ..EbQuery::default()
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        split.contains("10 % of traffic on the new version"),
        "the split share is served before the failure: {split}"
    );
    assert!(split.contains("traffic moves back to the old instances"));
    assert!(split.contains("An Application Load Balancer"));
    let rolling = LocalServerRenderer::<RoutedEb>::with_props(H {
        query: EbQuery {
            policy: Some("rolling".into()),
            fleet: Some(6),
            fails: Some(true),
            fail_batch: Some(2),
            ..EbQuery::default()
        },
    })
    .hydratable(false)
    .render()
    .await;
    assert!(rolling.contains("id=\"eb-fail-batch\""), "{rolling}");
    assert!(rolling.contains("Failed in batch 2"), "{rolling}");
    assert!(rolling.contains("Lowest serving capacity: 4 of 6"));
}
