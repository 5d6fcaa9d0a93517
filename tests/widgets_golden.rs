//! Golden tests of the simulators against the real facts in
//! `content/widgets/`, written from the AWS definitions: a configuration's
//! name spells out its canary/linear percentage and interval, so the facts
//! and the model must agree with it; batches follow the minimum-healthy-hosts
//! rules; DR picks follow the whitepaper's bands.

use std::path::Path;

use canary::domain::widgets::codedeploy::{
    batch_plan, minutes_to_full, traffic_steps, CodeDeployFacts, ConfigKind, MinHealthy,
    MinHealthyType, PlatformId, Strategy,
};
use canary::domain::widgets::dr::{alternatives, recommend, CostSensitivity, DrFacts, Targets};

fn facts<T: serde::de::DeserializeOwned>(id: &str) -> T {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let bank = canary_content::compile_tree(&root).unwrap_or_else(|e| panic!("{e:?}"));
    serde_json::from_value(bank.widgets[id].clone()).unwrap()
}

/// `…Canary10Percent5Minutes` → (10, 5); `…Linear10PercentEvery3Minutes` → (10, 3).
fn from_name(name: &str) -> Option<(u32, u32)> {
    let digits: Vec<u32> = name
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    match digits.as_slice() {
        [p, i] => Some((*p, *i)),
        [p] => Some((*p, 1)), // "Every1Minute": the unit is singular, the number still there
        _ => None,
    }
}

#[test]
fn every_predefined_traffic_shifting_configuration_matches_its_name() {
    let f: CodeDeployFacts = facts("codedeploy");
    let mut checked = 0;
    for c in f.config.iter().filter(|c| c.platform != PlatformId::Server) {
        let s = c.strategy().unwrap();
        match c.kind {
            ConfigKind::AllAtOnce => {
                assert!(c.name.ends_with("AllAtOnce"), "{}", c.name);
                assert_eq!(minutes_to_full(s), 0);
            }
            ConfigKind::Canary => {
                let (p, i) = from_name(&c.name).unwrap();
                assert_eq!(
                    s,
                    Strategy::Canary {
                        percent: p,
                        interval: i
                    },
                    "{}",
                    c.name
                );
                assert_eq!(
                    minutes_to_full(s),
                    i,
                    "{}: the rest moves after one interval",
                    c.name
                );
                assert_eq!(traffic_steps(s)[0].percent, p);
            }
            ConfigKind::Linear => {
                let (p, i) = from_name(&c.name).unwrap();
                assert_eq!(
                    s,
                    Strategy::Linear {
                        percent: p,
                        interval: i
                    },
                    "{}",
                    c.name
                );
                assert_eq!(
                    minutes_to_full(s),
                    (100_u32.div_ceil(p) - 1) * i,
                    "{}",
                    c.name
                );
            }
            ConfigKind::MinHealthy => panic!("{} shifts traffic", c.name),
        }
        checked += 1;
    }
    assert!(
        checked >= 14,
        "Lambda and ECS have at least 14 predefined configurations, found {checked}"
    );
    let golden = |name: &str| {
        minutes_to_full(
            f.config(name)
                .unwrap_or_else(|| panic!("{name} missing"))
                .strategy()
                .unwrap(),
        )
    };
    assert_eq!(
        golden("CodeDeployDefault.LambdaCanary10Percent30Minutes"),
        30
    );
    assert_eq!(
        golden("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes"),
        90
    );
    assert_eq!(
        golden("CodeDeployDefault.ECSLinear10PercentEvery1Minutes"),
        9
    );
    assert_eq!(golden("CodeDeployDefault.ECSCanary10Percent15Minutes"), 15);
    assert_eq!(golden("CodeDeployDefault.LambdaAllAtOnce"), 0);
}

#[test]
fn server_configurations_give_the_documented_batches() {
    let f: CodeDeployFacts = facts("codedeploy");
    let plan = |name: &str, fleet: u32| {
        let Some(Strategy::MinHealthy(m)) = f.config(name).and_then(|c| c.strategy()) else {
            panic!("{name}")
        };
        batch_plan(m, fleet).map(|p| p.batches)
    };
    // HalfAtATime: batches of half the fleet rounded down, half rounded up stay healthy.
    assert_eq!(
        plan("CodeDeployDefault.HalfAtATime", 9).unwrap(),
        vec![4, 4, 1]
    );
    assert_eq!(
        plan("CodeDeployDefault.HalfAtATime", 4).unwrap(),
        vec![2, 2]
    );
    assert!(plan("CodeDeployDefault.HalfAtATime", 1).is_err());
    assert_eq!(
        plan("CodeDeployDefault.OneAtATime", 3).unwrap(),
        vec![1, 1, 1]
    );
    assert_eq!(plan("CodeDeployDefault.AllAtOnce", 7).unwrap(), vec![7]);
    // Custom settings from the API reference's nine-instance example.
    let custom = |kind, value| batch_plan(MinHealthy { kind, value }, 9).unwrap().batches;
    assert_eq!(custom(MinHealthyType::HostCount, 6), vec![3, 3, 3]);
    assert_eq!(custom(MinHealthyType::FleetPercent, 40), vec![5, 4]);
}

#[test]
fn platforms_and_lifecycles_are_complete() {
    let f: CodeDeployFacts = facts("codedeploy");
    assert!(f.check().is_empty(), "{:?}", f.check());
    let lambda = f.platform(PlatformId::Lambda).unwrap();
    assert_eq!(
        lambda.types.len(),
        1,
        "Lambda deployments shift traffic (blue/green) only"
    );
    let hooks = |p, k| {
        f.lifecycle(p, k)
            .unwrap()
            .events
            .iter()
            .filter(|e| e.scriptable)
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    use canary::domain::widgets::codedeploy::DeploymentType::*;
    assert_eq!(
        hooks(PlatformId::Lambda, BlueGreen),
        ["BeforeAllowTraffic", "AfterAllowTraffic"]
    );
    assert_eq!(
        hooks(PlatformId::Ecs, BlueGreen),
        [
            "BeforeInstall",
            "AfterInstall",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AfterAllowTraffic"
        ]
    );
    let server = hooks(PlatformId::Server, InPlace);
    for h in [
        "ApplicationStop",
        "BeforeInstall",
        "AfterInstall",
        "ApplicationStart",
        "ValidateService",
    ] {
        assert!(server.contains(&h.to_string()), "{h} in {server:?}");
    }
    let reserved: Vec<_> = f
        .lifecycle(PlatformId::Server, InPlace)
        .unwrap()
        .events
        .iter()
        .filter(|e| !e.scriptable)
        .map(|e| e.name.as_str())
        .collect();
    for r in ["DownloadBundle", "Install"] {
        assert!(reserved.contains(&r), "{r} is reserved: {reserved:?}");
    }
}

/// Issue 16 item 3: Install does not attach the second target group;
/// AfterInstall has one target group, BeforeAllowTraffic comes after the
/// second one is associated and before production traffic moves.
#[test]
fn ecs_install_and_target_groups_follow_the_hooks_reference() {
    let f: CodeDeployFacts = facts("codedeploy");
    use canary::domain::widgets::codedeploy::DeploymentType::BlueGreen;
    let l = f.lifecycle(PlatformId::Ecs, BlueGreen).unwrap();
    let note = |n: &str| {
        l.events
            .iter()
            .find(|e| e.name == n)
            .map(|e| e.note.clone())
            .unwrap()
    };
    assert!(
        !note("Install").contains("second target group"),
        "{}",
        note("Install")
    );
    assert!(note("AfterInstall").contains("one target group"));
    assert!(note("BeforeAllowTraffic").contains("second target group"));
    let order: Vec<_> = l.events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        order,
        [
            "Start",
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "AllowTestTraffic",
            "AfterAllowTestTraffic",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic",
            "End"
        ]
    );
}

#[test]
fn dr_recommendations_over_a_grid_of_targets() {
    let f: DrFacts = facts("dr");
    assert!(f.check().is_empty(), "{:?}", f.check());
    let pick = |rto: u64, rpo: u64| {
        recommend(
            &f,
            Targets {
                rto_seconds: rto,
                rpo_seconds: rpo,
                cost: CostSensitivity::Balanced,
                serve_during_outage: false,
            },
        )
        .chosen
    };
    const MIN: u64 = 60;
    const HOUR: u64 = 3600;
    const DAY: u64 = 86_400;
    // REL13-BP02 gives RTO and RPO separately: backup and restore RPO
    // hours / RTO up to 24 h; pilot light RPO minutes / RTO tens of minutes;
    // warm standby RPO seconds / RTO minutes; multi-site RPO near zero / RTO
    // potentially zero. The cheapest strategy meeting both wins.
    assert_eq!(pick(2 * DAY, DAY).as_deref(), Some("backup_restore"));
    assert_eq!(pick(DAY, DAY).as_deref(), Some("backup_restore"));
    assert_eq!(pick(HOUR, HOUR).as_deref(), Some("pilot_light"));
    assert_eq!(
        pick(HOUR, 10 * MIN).as_deref(),
        Some("pilot_light"),
        "pilot light loses minutes of data, not tens of minutes"
    );
    assert_eq!(
        pick(DAY, 30 * MIN).as_deref(),
        Some("pilot_light"),
        "a loose RTO does not rescue backup and restore's hours of RPO"
    );
    assert_eq!(
        pick(DAY, 5 * MIN).as_deref(),
        Some("warm_standby"),
        "RTO 1 day, RPO 5 min: seconds of RPO suffice; not multi-site"
    );
    assert_eq!(pick(10 * MIN, 10 * MIN).as_deref(), Some("warm_standby"));
    assert_eq!(pick(MIN, 1).as_deref(), Some("active_active"));
    for s in &f.strategy {
        assert!(
            s.band_source.starts_with(
                "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/"
            ),
            "{}: one source per band",
            s.id
        );
    }
    // Where point-in-time recovery or Elastic Disaster Recovery changes
    // the answer: a cheaper option that meets both targets.
    let cheaper = |rto: u64, rpo: u64| -> Vec<String> {
        let t = Targets {
            rto_seconds: rto,
            rpo_seconds: rpo,
            cost: CostSensitivity::Balanced,
            serve_during_outage: false,
        };
        let rec = recommend(&f, t);
        alternatives(&f, t, &rec)
            .into_iter()
            .filter(|a| a.meets && a.cheaper)
            .map(|a| a.id)
            .collect()
    };
    assert_eq!(cheaper(DAY, 5 * MIN), ["pitr", "elastic-disaster-recovery"]);
    assert_eq!(cheaper(HOUR, MIN), ["elastic-disaster-recovery"]);
    assert!(cheaper(DAY, DAY).is_empty(), "nothing beats the cheapest");
    // Failover by data plane (health checks, ARC routing controls) and by
    // control plane (editing DNS records during the outage).
    let planes: Vec<&str> = f.failover_route.iter().map(|r| r.plane.as_str()).collect();
    assert!(
        planes.contains(&"data") && planes.contains(&"control"),
        "{planes:?}"
    );
    // Tighter targets never choose a cheaper strategy.
    let rank = |id: Option<String>| {
        id.and_then(|id| f.strategy(&id).map(|s| s.cost_rank))
            .unwrap_or(99)
    };
    let grid = [1, 10, MIN, 10 * MIN, HOUR, 4 * HOUR, DAY, 3 * DAY];
    for (i, &rto) in grid.iter().enumerate() {
        for &rpo in &grid {
            if let Some(&looser) = grid.get(i + 1) {
                assert!(
                    rank(pick(rto, rpo)) >= rank(pick(looser, rpo)),
                    "rto {rto} rpo {rpo}"
                );
            }
        }
    }
    let serving = recommend(
        &f,
        Targets {
            rto_seconds: DAY,
            rpo_seconds: DAY,
            cost: CostSensitivity::Balanced,
            serve_during_outage: true,
        },
    );
    assert_eq!(serving.chosen.as_deref(), Some("active_active"));
}

#[test]
fn asg_hook_limits_match_the_api_reference() {
    use canary::domain::widgets::asg::{simulate, Action, AsgFacts, Group, Hook, HookResult};
    let f: AsgFacts = facts("asg");
    assert!(f.check().is_empty(), "{:?}", f.check());
    // PutLifecycleHook: 30–7200 s, default 3600 s, default result ABANDON;
    // LifecycleHook: the wait is capped at 48 h or 100 × the heartbeat.
    assert_eq!(
        (
            f.hook.heartbeat_min_seconds,
            f.hook.heartbeat_max_seconds,
            f.hook.heartbeat_default_seconds
        ),
        (30, 7200, 3600)
    );
    assert_eq!(f.hook.default_result, HookResult::Abandon);
    assert_eq!(f.global_timeout(3600), 172_800);
    assert_eq!(f.global_timeout(60), 6000);
    let hooks = Group {
        launch: Some(Hook {
            heartbeat: 3600,
            default_result: HookResult::Abandon,
        }),
        terminate: None,
        warm_pool: None,
        retain_on_abandon: false,
    };
    let mut actions = vec![Action::ScaleOut];
    actions.extend(std::iter::repeat_n([Action::Wait(3000), Action::Heartbeat], 100).flatten());
    let sim = simulate(&f, &hooks, &actions);
    assert_eq!(
        (sim.now, sim.state),
        (172_800, Some("Terminated")),
        "48 hours at most"
    );
    for id in [
        "unsuccessful-events",
        "notification-targets",
        "allocation-strategy-policy",
        "custom-policy-first",
        "hooks-everywhere",
        "hooks-not-invoked",
    ] {
        assert!(f.fact.iter().any(|x| x.id == id), "fact {id}");
    }
    for id in [
        "protection-scope",
        "protection-limits",
        "protection-all",
        "protection-detach",
    ] {
        assert!(f.protection.iter().any(|x| x.id == id), "protection {id}");
    }
    let detail = |id| f.event(id).unwrap().detail_type.clone();
    assert_eq!(
        detail("launch-wait"),
        "EC2 Instance-launch Lifecycle Action"
    );
    assert_eq!(
        detail("terminate-wait"),
        "EC2 Instance-terminate Lifecycle Action"
    );
}

#[test]
fn pipeline_categories_match_the_api_and_scenarios_are_solvable() {
    use canary::domain::widgets::pipeline::{decode, scenario_gaps, PipelineFacts, SCENARIOS};
    let f: PipelineFacts = facts("pipeline");
    assert!(f.check().is_empty(), "{:?}", f.check());
    // ActionTypeId: Source, Build, Test, Deploy, Invoke, Approval, Compute.
    let mut cats = f.categories.clone();
    cats.sort();
    assert_eq!(
        cats,
        ["Approval", "Build", "Compute", "Deploy", "Invoke", "Source", "Test"]
    );
    let solutions = [
        "Source~Template:Source:S3::TemplateZip|Deploy~Stack:Deploy:CloudFormation:TemplateZip:",
        "Source~Image:Source:ECR::ImageOut;Specs:Source:S3::SpecsOut|Deploy~BlueGreen:Deploy:CodeDeployToECS:ImageOut+SpecsOut:",
        "Source~Code:Source:CodeStarSourceConnection::SourceOut|Build~Build:Build:CodeBuild:SourceOut:BuildOut|Approve~Ok:Approval:Manual::|Deploy~Prod:Deploy:CloudFormation:BuildOut:",
    ];
    // The EC2 and Lambda deploy actions are Deploy providers; rules include
    // unique action names per stage; runOrder is a documented fact.
    for p in ["EC2", "Lambda"] {
        assert!(f.providers("Deploy").iter().any(|x| x == p), "{p}");
    }
    assert!(f.rule("unique-action-names").is_some());
    assert!(f.rule("unique-stage-names").is_some());
    for id in ["run-order", "pipeline-types", "ec2-deploy", "lambda-deploy"] {
        assert!(f.fact.iter().any(|x| x.id == id), "fact {id}");
    }
    for (s, solution) in SCENARIOS.iter().zip(solutions) {
        assert!(
            !scenario_gaps(&f, s, &decode(s.start)).is_empty(),
            "{} starts incomplete",
            s.id
        );
        assert_eq!(
            scenario_gaps(&f, s, &decode(solution)),
            Vec::<String>::new(),
            "{}",
            s.id
        );
    }
}

#[test]
fn beanstalk_policies_compare_as_documented() {
    use canary::domain::widgets::beanstalk::{
        fitting, timeline, BeanstalkFacts, Frame, Requirement, Scenario, Slot, POLICIES,
    };
    let f: BeanstalkFacts = facts("beanstalk");
    assert!(f.check().is_empty(), "{:?}", f.check());
    // Only all-at-once has downtime; only blue/green changes DNS.
    let downtime: Vec<&str> = f
        .policy
        .iter()
        .filter(|p| !p.zero_downtime)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(downtime, ["all_at_once"]);
    let dns: Vec<&str> = f
        .policy
        .iter()
        .filter(|p| p.dns_change)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(dns, ["blue_green"]);
    assert_eq!(
        fitting(&f, Requirement::Cheapest),
        ["all_at_once", "rolling"]
    );
    assert_eq!(
        fitting(&f, Requirement::NoReducedCapacity),
        [
            "rolling_additional_batch",
            "immutable",
            "traffic_splitting",
            "blue_green"
        ]
    );
    assert_eq!(
        fitting(&f, Requirement::FastestRollback),
        ["immutable", "traffic_splitting", "blue_green"]
    );
    // "Supported deployment policies": what each environment type allows.
    let allowed = |env: &str| -> Vec<&str> {
        f.policy
            .iter()
            .filter(|p| p.environments.iter().any(|e| e == env))
            .map(|p| p.id.as_str())
            .collect()
    };
    assert_eq!(allowed("Single-instance"), ["all_at_once", "immutable"]);
    assert_eq!(allowed("Legacy Windows Server"), ["all_at_once", "rolling"]);
    assert_eq!(allowed("Load-balanced").len(), 5);
    assert_eq!(
        f.policy("traffic_splitting").unwrap().requires,
        "An Application Load Balancer"
    );
    assert_eq!(
        f.policy("immutable").unwrap().requires,
        "Enhanced health reporting"
    );
    for id in [
        "rolling-failure",
        "immutable-first-instance",
        "traffic-splitting-failure",
        "traffic-splitting-alb",
        "blue-green-platform",
        "blue-green-database",
    ] {
        assert!(f.note.iter().any(|n| n.id == id), "note {id}");
    }
    // The timelines agree with the documented properties.
    let s = Scenario {
        fleet: 6,
        batch: 2,
        split_percent: 15,
        evaluation_minutes: 10,
        fails: false,
        fail_batch: 1,
    };
    let count = |f: &Frame, slot: Slot| f.slots.iter().filter(|x| **x == slot).count();
    // "Deployment policies and settings": a failed traffic-splitting
    // deployment has served the split share of clients on the new version
    // during the evaluation, then moves traffic back and terminates the new
    // instances.
    let failed = Scenario { fails: true, ..s };
    let split = timeline("traffic_splitting", failed);
    assert!(
        split
            .iter()
            .any(|f| f.new_traffic == 15 && count(f, Slot::New) == 6 && count(f, Slot::Old) == 6),
        "the split share reaches the new instances before the failure: {split:?}"
    );
    let last = split.last().unwrap();
    assert_eq!(
        (count(last, Slot::Old), last.slots.len(), last.new_traffic),
        (6, 6, 0)
    );
    // A rolling deployment can fail in a later batch; the batches already
    // done keep the new version, the pending ones the old.
    let rolling = timeline(
        "rolling",
        Scenario {
            fail_batch: 2,
            ..failed
        },
    );
    let last = rolling.last().unwrap();
    assert_eq!(
        (
            count(last, Slot::New),
            count(last, Slot::Out),
            count(last, Slot::Old)
        ),
        (2, 2, 2),
        "{rolling:?}"
    );
    // With an additional batch, the first batch is the extra one; a later
    // failure leaves the extra batch and the done batches on the new version.
    let extra = timeline(
        "rolling_additional_batch",
        Scenario {
            fail_batch: 2,
            ..failed
        },
    );
    let last = extra.last().unwrap();
    assert_eq!(
        (
            count(last, Slot::New),
            count(last, Slot::Out),
            count(last, Slot::Old)
        ),
        (2, 2, 4),
        "{extra:?}"
    );
    // "Immutable environment updates": one new instance first, serving
    // alongside the old ones, then the rest.
    let immutable = timeline("immutable", s);
    assert_eq!(immutable[1].slots.len(), 7, "{immutable:?}");
    assert!(immutable
        .iter()
        .any(|f| count(f, Slot::New) == 1 && count(f, Slot::Old) == 6));
    for p in POLICIES {
        let props = f.policy(p).unwrap();
        let min = timeline(p, s).iter().map(Frame::serving).min().unwrap();
        assert_eq!(
            min == 0,
            !props.zero_downtime,
            "{p}: downtime iff documented"
        );
        assert_eq!(
            min >= 6,
            props.extra_instances,
            "{p}: full capacity iff extra instances"
        );
    }
}
