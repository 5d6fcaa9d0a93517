//! Unit tests of the Auto Scaling model.

use super::*;

pub(crate) fn facts() -> AsgFacts {
    AsgFacts {
        title: String::new(),
        hook: HookFacts {
            heartbeat_min_seconds: 30,
            heartbeat_max_seconds: 7200,
            heartbeat_default_seconds: 3600,
            default_result: HookResult::Abandon,
            global_timeout_max_seconds: 172_800,
            global_timeout_heartbeat_multiple: 100,
            transitions: vec![],
            hooks_per_group: 50,
            source: String::new(),
        },
        fact: vec![],
        state: vec![],
        event: vec![],
        target: vec![],
        policy: vec![],
        protection: vec![],
        warm_pool: vec![],
    }
}

fn states(sim: &Sim) -> Vec<&'static str> {
    sim.steps.iter().map(|s| s.state).collect()
}

const HOOK: Hook = Hook {
    heartbeat: 300,
    default_result: HookResult::Abandon,
};

#[test]
fn no_hooks_go_straight_through() {
    let sim = simulate(
        &facts(),
        &Group::default(),
        &[Action::ScaleOut, Action::ScaleIn],
    );
    assert_eq!(
        states(&sim),
        ["Pending", "InService", "Terminating", "Terminated"]
    );
    assert_eq!(sim.steps[1].event, Some("launch-ok"));
    assert_eq!(sim.steps[3].event, Some("terminate-ok"));
}

#[test]
fn launch_hook_continue_and_abandon() {
    let hooks = Group {
        launch: Some(HOOK),
        terminate: None,
        warm_pool: None,
        retain_on_abandon: false,
    };
    let ok = simulate(
        &facts(),
        &hooks,
        &[Action::ScaleOut, Action::Complete(HookResult::Continue)],
    );
    assert_eq!(
        states(&ok),
        ["Pending", "Pending:Wait", "Pending:Proceed", "InService"]
    );
    assert_eq!(ok.steps[1].event, Some("launch-wait"));
    let no = simulate(
        &facts(),
        &hooks,
        &[Action::ScaleOut, Action::Complete(HookResult::Abandon)],
    );
    assert_eq!(no.state, Some("Terminated"));
    assert_eq!(no.steps[2].event, None, "no event is documented for this");
}

#[test]
fn timeouts_apply_the_default_result_and_heartbeats_extend_the_wait() {
    let hooks = Group {
        launch: Some(HOOK),
        terminate: None,
        warm_pool: None,
        retain_on_abandon: false,
    };
    let t = simulate(&facts(), &hooks, &[Action::ScaleOut, Action::Timeout]);
    assert_eq!(
        (t.now, t.state),
        (300, Some("Terminated")),
        "ABANDON by default"
    );
    let waited = simulate(
        &facts(),
        &hooks,
        &[
            Action::ScaleOut,
            Action::Wait(240),
            Action::Heartbeat,
            Action::Wait(240),
        ],
    );
    assert_eq!(
        waited.state,
        Some("Pending:Wait"),
        "the heartbeat at 240 s moved the timeout to 540 s"
    );
    let late = simulate(
        &facts(),
        &hooks,
        &[
            Action::ScaleOut,
            Action::Wait(240),
            Action::Heartbeat,
            Action::Wait(400),
        ],
    );
    assert_eq!((late.now, late.state), (540, Some("Terminated")));
    let cont = Group {
        launch: Some(Hook {
            heartbeat: 300,
            default_result: HookResult::Continue,
        }),
        terminate: None,
        warm_pool: None,
        retain_on_abandon: false,
    };
    assert_eq!(
        simulate(&facts(), &cont, &[Action::ScaleOut, Action::Timeout]).state,
        Some("InService")
    );
}

#[test]
fn heartbeats_cannot_pass_the_global_timeout() {
    let f = facts();
    assert_eq!(f.global_timeout(300), 30_000, "100 × 300 s");
    assert_eq!(f.global_timeout(7200), 172_800, "48 hours caps it");
    let hooks = Group {
        launch: Some(HOOK),
        terminate: None,
        warm_pool: None,
        retain_on_abandon: false,
    };
    let mut actions = vec![Action::ScaleOut];
    for _ in 0..120 {
        actions.push(Action::Wait(250));
        actions.push(Action::Heartbeat);
    }
    let sim = simulate(&f, &hooks, &actions);
    assert_eq!(sim.state, Some("Terminated"));
    assert_eq!(sim.now, 30_000, "ended at the global timeout");
    assert!(sim.steps.iter().any(|s| s.note.contains("global timeout")));
}

#[test]
fn terminate_hook_holds_then_terminates_either_way() {
    let hooks = Group {
        launch: None,
        terminate: Some(HOOK),
        warm_pool: None,
        retain_on_abandon: false,
    };
    for r in [HookResult::Continue, HookResult::Abandon] {
        let sim = simulate(
            &facts(),
            &hooks,
            &[Action::ScaleOut, Action::ScaleIn, Action::Complete(r)],
        );
        assert_eq!(
            &states(&sim)[2..],
            [
                "Terminating",
                "Terminating:Wait",
                "Terminating:Proceed",
                "Terminated"
            ]
        );
        assert_eq!(sim.steps[3].event, Some("terminate-wait"));
    }
}

#[test]
fn actions_out_of_place_are_skipped_and_keys_round_trip() {
    let sim = simulate(
        &facts(),
        &Group::default(),
        &[Action::ScaleIn, Action::Heartbeat, Action::ScaleOut],
    );
    assert_eq!(states(&sim), ["Pending", "InService"]);
    for a in [
        Action::ScaleOut,
        Action::ScaleIn,
        Action::Heartbeat,
        Action::Timeout,
        Action::Wait(60),
        Action::Complete(HookResult::Abandon),
    ] {
        assert_eq!(Action::parse(&a.key()), Some(a));
    }
}

#[test]
fn each_policy_picks_from_the_fullest_zone() {
    let fleet = sample_fleet();
    let pick = |p| choose_for_termination(p, &fleet).unwrap().0;
    assert_eq!(pick("Default"), "i-b1", "us-east-1b, oldest template (v2)");
    assert_eq!(pick("OldestInstance"), "i-b1");
    assert_eq!(pick("NewestInstance"), "i-b2");
    assert_eq!(pick("OldestLaunchTemplate"), "i-b1");
    assert_eq!(pick("ClosestToNextInstanceHour"), "i-b3");
    assert!(choose_for_termination("Unknown", &fleet).is_none());
}

#[test]
fn balanced_zones_leave_every_zone_to_the_policy() {
    let mut fleet = sample_fleet();
    fleet.retain(|i| i.id != "i-b3");
    let (id, why) = choose_for_termination("OldestInstance", &fleet).unwrap();
    assert_eq!(id, "i-b1", "oldest of a1, a2, b1, b2 (c has fewer)");
    assert!(
        why[0].contains("us-east-1a, us-east-1b are balanced"),
        "{why:?}"
    );
    assert_eq!(
        choose_for_termination("NewestInstance", &fleet).unwrap().0,
        "i-a2"
    );
}

#[test]
fn scale_in_never_chooses_a_protected_instance() {
    let protect = |ids: &[&str]| {
        let mut fleet = sample_fleet();
        for i in &mut fleet {
            i.protected = ids.contains(&i.id);
        }
        fleet
    };
    // Whichever single instance is protected, no policy picks it.
    for id in sample_fleet().iter().map(|i| i.id) {
        let fleet = protect(&[id]);
        for p in POLICIES {
            let (chosen, why) = choose_for_termination(p, &fleet).unwrap();
            assert_ne!(chosen, id, "{p} chose protected {id}");
            assert!(why[0].contains(id), "{why:?}");
        }
    }
    // i-b1 protected: us-east-1b still has the most instances, and the
    // Default policy falls through to the next billing hour.
    let fleet = protect(&["i-b1"]);
    assert_eq!(choose_for_termination("Default", &fleet).unwrap().0, "i-b3");
    // A zone with only protected instances does not qualify.
    let fleet = protect(&["i-b1", "i-b2", "i-b3"]);
    let (id, why) = choose_for_termination("OldestInstance", &fleet).unwrap();
    assert_eq!(id, "i-a1", "{why:?}");
    // All protected: nothing can be terminated.
    let all: Vec<&str> = sample_fleet().iter().map(|i| i.id).collect();
    assert!(choose_for_termination("Default", &protect(&all)).is_none());
}

const WARM: WarmPool = WarmPool {
    state: PoolState::Stopped,
    reuse_on_scale_in: true,
};

fn routes(sim: &Sim) -> Vec<(&'static str, Route)> {
    sim.steps
        .iter()
        .filter_map(|s| Some((s.event?, s.route?)))
        .collect()
}

#[test]
fn a_launch_hook_holds_an_instance_twice_on_its_way_through_the_warm_pool() {
    let group = Group {
        launch: Some(HOOK),
        terminate: None,
        warm_pool: Some(WARM),
        retain_on_abandon: false,
    };
    let c = Action::Complete(HookResult::Continue);
    let sim = simulate(
        &facts(),
        &group,
        &[Action::FillPool, c, Action::ScaleOut, c],
    );
    assert_eq!(
        states(&sim),
        [
            "Warmed:Pending",
            "Warmed:Pending:Wait",
            "Warmed:Pending:Proceed",
            "Warmed:Stopped",
            "Pending",
            "Pending:Wait",
            "Pending:Proceed",
            "InService"
        ]
    );
    assert_eq!(
        routes(&sim),
        [
            ("launch-wait", ("EC2", "WarmPool")),
            ("launch-wait", ("WarmPool", "AutoScalingGroup")),
        ]
    );
}

#[test]
fn an_empty_warm_pool_means_a_direct_launch_with_one_wait() {
    let group = Group {
        launch: Some(HOOK),
        terminate: None,
        warm_pool: Some(WARM),
        retain_on_abandon: false,
    };
    let sim = simulate(
        &facts(),
        &group,
        &[Action::ScaleOut, Action::Complete(HookResult::Continue)],
    );
    assert_eq!(
        states(&sim),
        ["Pending", "Pending:Wait", "Pending:Proceed", "InService"]
    );
    assert_eq!(
        routes(&sim)[0],
        ("launch-wait", ("EC2", "AutoScalingGroup"))
    );
}

#[test]
fn scale_in_returns_to_the_pool_only_with_the_reuse_policy() {
    let hooks = |reuse| Group {
        launch: None,
        terminate: Some(HOOK),
        warm_pool: Some(WarmPool {
            state: PoolState::Hibernated,
            reuse_on_scale_in: reuse,
        }),
        retain_on_abandon: false,
    };
    let run = [
        Action::FillPool,
        Action::ScaleOut,
        Action::ScaleIn,
        Action::Complete(HookResult::Continue),
    ];
    let back = simulate(&facts(), &hooks(true), &run);
    assert_eq!(
        &states(&back)[4..],
        [
            "Warmed:Pending",
            "Warmed:Pending:Wait",
            "Warmed:Pending:Proceed",
            "Warmed:Hibernated"
        ],
        "the terminate hook holds it in Warmed:Pending:Wait"
    );
    assert_eq!(
        routes(&back).last(),
        Some(&("terminate-wait", ("AutoScalingGroup", "WarmPool")))
    );
    let gone = simulate(&facts(), &hooks(false), &run);
    assert_eq!(gone.state, Some("Terminated"));
    assert!(states(&gone).contains(&"Terminating:Wait"));
}

#[test]
fn warm_pool_waits_time_out_with_the_hook_that_holds_them() {
    let group = Group {
        launch: Some(Hook {
            heartbeat: 120,
            default_result: HookResult::Continue,
        }),
        terminate: Some(HOOK),
        warm_pool: Some(WarmPool {
            state: PoolState::Running,
            reuse_on_scale_in: true,
        }),
        retain_on_abandon: false,
    };
    let sim = simulate(&facts(), &group, &[Action::FillPool, Action::Timeout]);
    assert_eq!((sim.now, sim.state), (120, Some("Warmed:Running")));
    let sim = simulate(
        &facts(),
        &group,
        &[
            Action::ScaleOut,
            Action::Timeout,
            Action::ScaleIn,
            Action::Timeout,
        ],
    );
    assert_eq!(
        (sim.now, sim.state),
        (420, Some("Warmed:Terminated")),
        "the terminate hook's 300 s and ABANDON decide the return"
    );
    assert_eq!(
        simulate(&facts(), &group, &[Action::FillPool]).available(&group),
        [
            Action::Complete(HookResult::Continue),
            Action::Complete(HookResult::Abandon),
            Action::Heartbeat,
            Action::Wait(60),
            Action::Timeout,
        ],
        "Warmed:Pending:Wait offers what the group's own waits offer"
    );
    assert_eq!(PoolState::parse("hibernated"), Some(PoolState::Hibernated));
    assert_eq!(Action::parse("warm"), Some(Action::FillPool));
}

#[test]
fn a_retention_policy_keeps_an_abandoned_instance_until_you_terminate_it() {
    let group = |retain| Group {
        launch: None,
        terminate: Some(HOOK),
        warm_pool: None,
        retain_on_abandon: retain,
    };
    let run = [
        Action::ScaleOut,
        Action::ScaleIn,
        Action::Timeout,
        Action::TerminateRetained,
    ];
    let kept = simulate(&facts(), &group(true), &run[..3]);
    assert_eq!(kept.state, Some(RETAINED), "ABANDON by timeout, retained");
    assert_eq!(kept.available(&group(true)), [Action::TerminateRetained]);
    assert_eq!(
        simulate(&facts(), &group(true), &run).state,
        Some("Terminated")
    );
    let continued = simulate(
        &facts(),
        &group(true),
        &[
            Action::ScaleOut,
            Action::ScaleIn,
            Action::Complete(HookResult::Continue),
        ],
    );
    assert_eq!(continued.state, Some("Terminated"), "only ABANDON retains");
    assert_eq!(
        simulate(&facts(), &group(false), &run[..3]).state,
        Some("Terminated")
    );
    assert_eq!(Action::parse("terminate"), Some(Action::TerminateRetained));
}
