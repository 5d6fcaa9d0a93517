//! The Auto Scaling lifecycle model: an instance stepped through scale-out
//! and scale-in with optional launch and terminate hooks (heartbeat timeout,
//! default result, heartbeats, completion, timeouts and the global cap), the
//! EventBridge events each step emits, and which instance a scale-in removes
//! under each termination policy.

use serde::{Deserialize, Serialize};

use super::Fact;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HookFacts {
    pub heartbeat_min_seconds: u32,
    pub heartbeat_max_seconds: u32,
    pub heartbeat_default_seconds: u32,
    pub default_result: HookResult,
    pub global_timeout_max_seconds: u32,
    pub global_timeout_heartbeat_multiple: u32,
    pub transitions: Vec<String>,
    pub hooks_per_group: u32,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateFact {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFact {
    pub id: String,
    pub detail_type: String,
    pub when: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub transition: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub id: String,
    pub text: String,
    pub source: String,
}

/// Everything the simulator knows, from `content/widgets/asg.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsgFacts {
    pub title: String,
    pub hook: HookFacts,
    pub fact: Vec<Fact>,
    pub state: Vec<StateFact>,
    pub event: Vec<EventFact>,
    pub target: Vec<Target>,
    pub policy: Vec<Policy>,
}

pub const STATES: [&str; 8] = [
    "Pending",
    "Pending:Wait",
    "Pending:Proceed",
    "InService",
    "Terminating",
    "Terminating:Wait",
    "Terminating:Proceed",
    "Terminated",
];
pub const EVENTS: [&str; 5] = [
    "launch-wait",
    "launch-ok",
    "launch-failed",
    "terminate-wait",
    "terminate-ok",
];
pub const POLICIES: [&str; 5] = [
    "Default",
    "OldestInstance",
    "NewestInstance",
    "OldestLaunchTemplate",
    "ClosestToNextInstanceHour",
];

impl AsgFacts {
    pub fn event(&self, id: &str) -> Option<&EventFact> {
        self.event.iter().find(|e| e.id == id)
    }

    /// Problems with the facts themselves, for the content compiler.
    pub fn check(&self) -> Vec<String> {
        let mut out = Vec::new();
        let h = &self.hook;
        if !(h.heartbeat_min_seconds <= h.heartbeat_default_seconds
            && h.heartbeat_default_seconds <= h.heartbeat_max_seconds)
        {
            out.push(
                "hook: the default heartbeat must lie between the minimum and the maximum".into(),
            );
        }
        for s in STATES {
            if !self.state.iter().any(|x| x.id == s) {
                out.push(format!("state `{s}` is missing"));
            }
        }
        for e in EVENTS {
            if self.event(e).is_none() {
                out.push(format!("event `{e}` is missing"));
            }
        }
        for p in POLICIES {
            if !self.policy.iter().any(|x| x.id == p) {
                out.push(format!("termination policy `{p}` is missing"));
            }
        }
        out
    }

    /// The longest an instance can wait in one hook, whatever the heartbeats.
    pub fn global_timeout(&self, heartbeat: u32) -> u32 {
        self.hook
            .global_timeout_max_seconds
            .min(heartbeat.saturating_mul(self.hook.global_timeout_heartbeat_multiple))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HookResult {
    Continue,
    Abandon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hook {
    pub heartbeat: u32,
    pub default_result: HookResult,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hooks {
    pub launch: Option<Hook>,
    pub terminate: Option<Hook>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ScaleOut,
    ScaleIn,
    /// `record-lifecycle-action-heartbeat`.
    Heartbeat,
    /// `complete-lifecycle-action` with this result.
    Complete(HookResult),
    /// Let the clock run to the hook's timeout.
    Timeout,
    /// Let this many seconds pass.
    Wait(u32),
}

impl Action {
    /// The short form used in the URL (`out`, `in`, `hb`, `continue`,
    /// `abandon`, `timeout`, `wait120`).
    pub fn key(self) -> String {
        match self {
            Action::ScaleOut => "out".into(),
            Action::ScaleIn => "in".into(),
            Action::Heartbeat => "hb".into(),
            Action::Complete(HookResult::Continue) => "continue".into(),
            Action::Complete(HookResult::Abandon) => "abandon".into(),
            Action::Timeout => "timeout".into(),
            Action::Wait(s) => format!("wait{s}"),
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Some(match s {
            "out" => Action::ScaleOut,
            "in" => Action::ScaleIn,
            "hb" => Action::Heartbeat,
            "continue" => Action::Complete(HookResult::Continue),
            "abandon" => Action::Complete(HookResult::Abandon),
            "timeout" => Action::Timeout,
            w => Action::Wait(w.strip_prefix("wait")?.parse().ok()?),
        })
    }
}

/// One step of the simulation: the state entered, when, why, and the
/// EventBridge event (by fact id) it emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub at: u64,
    pub state: &'static str,
    pub note: String,
    pub event: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sim {
    pub now: u64,
    /// `None` before the first scale-out.
    pub state: Option<&'static str>,
    /// When the current wait times out, and the cap heartbeats cannot pass.
    pub deadline: Option<u64>,
    pub global_deadline: Option<u64>,
    pub steps: Vec<Step>,
}

impl Sim {
    fn enter(&mut self, state: &'static str, note: impl Into<String>, event: Option<&'static str>) {
        self.state = Some(state);
        self.steps.push(Step {
            at: self.now,
            state,
            note: note.into(),
            event,
        });
    }

    fn wait(&mut self, hook: Hook, global: u32) {
        self.deadline = Some(self.now + u64::from(hook.heartbeat));
        self.global_deadline = Some(self.now + u64::from(global));
    }

    fn hook_for_state(&self, hooks: &Hooks) -> Option<Hook> {
        match self.state {
            Some("Pending:Wait") => hooks.launch,
            Some("Terminating:Wait") => hooks.terminate,
            _ => None,
        }
    }

    fn finish_wait(&mut self, result: HookResult, why: &str) {
        self.deadline = None;
        self.global_deadline = None;
        match (self.state, result) {
            (Some("Pending:Wait"), HookResult::Continue) => {
                self.enter("Pending:Proceed", format!("{why}: CONTINUE"), None);
                self.enter(
                    "InService",
                    "the instance joins the group",
                    Some("launch-ok"),
                );
            }
            (Some("Pending:Wait"), HookResult::Abandon) => {
                self.enter(
                    "Terminating",
                    format!("{why}: ABANDON — the launch is abandoned"),
                    Some("launch-failed"),
                );
                self.enter("Terminated", "the group launches a replacement", None);
            }
            (Some("Terminating:Wait"), r) => {
                let r = if r == HookResult::Continue {
                    "CONTINUE"
                } else {
                    "ABANDON"
                };
                self.enter("Terminating:Proceed", format!("{why}: {r}"), None);
                self.enter(
                    "Terminated",
                    "the instance is terminated",
                    Some("terminate-ok"),
                );
            }
            _ => {}
        }
    }

    /// Which actions make sense now.
    pub fn available(&self) -> Vec<Action> {
        match self.state {
            None | Some("Terminated") => vec![Action::ScaleOut],
            Some("InService") => vec![Action::ScaleIn],
            Some("Pending:Wait" | "Terminating:Wait") => vec![
                Action::Complete(HookResult::Continue),
                Action::Complete(HookResult::Abandon),
                Action::Heartbeat,
                Action::Wait(60),
                Action::Timeout,
            ],
            _ => vec![],
        }
    }
}

/// Runs `actions` from an empty group; actions that make no sense in the
/// state reached are skipped.
pub fn simulate(facts: &AsgFacts, hooks: &Hooks, actions: &[Action]) -> Sim {
    let mut sim = Sim::default();
    for &action in actions {
        if !sim
            .available()
            .iter()
            .any(|a| std::mem::discriminant(a) == std::mem::discriminant(&action))
        {
            continue;
        }
        match action {
            Action::ScaleOut => {
                sim.enter("Pending", "scale-out launches an instance", None);
                match hooks.launch {
                    Some(h) => {
                        sim.enter(
                            "Pending:Wait",
                            "the launch hook holds the instance",
                            Some("launch-wait"),
                        );
                        sim.wait(h, facts.global_timeout(h.heartbeat));
                    }
                    None => sim.enter("InService", "no launch hook", Some("launch-ok")),
                }
            }
            Action::ScaleIn => {
                sim.enter("Terminating", "scale-in selects this instance", None);
                match hooks.terminate {
                    Some(h) => {
                        sim.enter(
                            "Terminating:Wait",
                            "the terminate hook holds the instance",
                            Some("terminate-wait"),
                        );
                        sim.wait(h, facts.global_timeout(h.heartbeat));
                    }
                    None => sim.enter("Terminated", "no terminate hook", Some("terminate-ok")),
                }
            }
            Action::Heartbeat => {
                let (Some(h), Some(global)) = (sim.hook_for_state(hooks), sim.global_deadline)
                else {
                    continue;
                };
                let next = (sim.now + u64::from(h.heartbeat)).min(global);
                sim.deadline = Some(next);
                let state = sim.state.unwrap_or("Pending:Wait");
                let note = if next == global {
                    format!(
                        "heartbeat: the wait now ends at the global timeout ({} s after it began)",
                        facts.global_timeout(h.heartbeat)
                    )
                } else {
                    format!("heartbeat: another {} s", h.heartbeat)
                };
                sim.steps.push(Step {
                    at: sim.now,
                    state,
                    note,
                    event: None,
                });
            }
            Action::Complete(r) => sim.finish_wait(r, "complete-lifecycle-action"),
            Action::Timeout => {
                let Some(h) = sim.hook_for_state(hooks) else {
                    continue;
                };
                sim.now = sim.deadline.unwrap_or(sim.now);
                let why = if sim.deadline == sim.global_deadline {
                    "global timeout"
                } else {
                    "heartbeat timeout"
                };
                sim.finish_wait(h.default_result, &format!("{why}, default result"));
            }
            Action::Wait(s) => {
                let Some(h) = sim.hook_for_state(hooks) else {
                    continue;
                };
                let deadline = sim.deadline.unwrap_or(u64::MAX);
                if sim.now + u64::from(s) >= deadline {
                    sim.now = deadline;
                    let why = if sim.deadline == sim.global_deadline {
                        "global timeout"
                    } else {
                        "heartbeat timeout"
                    };
                    sim.finish_wait(h.default_result, &format!("{why}, default result"));
                } else {
                    sim.now += u64::from(s);
                }
            }
        }
    }
    sim
}

/// One instance of the sample fleet for the termination-policy picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub id: &'static str,
    pub az: &'static str,
    pub template_version: u32,
    pub hours_running: u32,
    pub minutes_to_billing_hour: u32,
}

/// A small fleet across three Availability Zones, two launch template
/// versions and different ages: enough to make every policy choose
/// differently.
pub fn sample_fleet() -> Vec<Instance> {
    let i = |id, az, template_version, hours_running, minutes_to_billing_hour| Instance {
        id,
        az,
        template_version,
        hours_running,
        minutes_to_billing_hour,
    };
    vec![
        i("i-a1", "us-east-1a", 2, 5, 40),
        i("i-a2", "us-east-1a", 3, 1, 10),
        i("i-b1", "us-east-1b", 2, 30, 25),
        i("i-b2", "us-east-1b", 3, 2, 55),
        i("i-b3", "us-east-1b", 3, 12, 5),
        i("i-c1", "us-east-1c", 3, 8, 30),
    ]
}

/// Which instance a scale-in removes under `policy`, with each deciding step.
pub fn choose_for_termination(
    policy: &str,
    fleet: &[Instance],
) -> Option<(&'static str, Vec<String>)> {
    let mut azs: Vec<(&str, usize)> = Vec::new();
    for inst in fleet {
        match azs.iter_mut().find(|(az, _)| *az == inst.az) {
            Some((_, n)) => *n += 1,
            None => azs.push((inst.az, 1)),
        }
    }
    let most = azs.iter().map(|(_, n)| *n).max()?;
    let az = azs.iter().find(|(_, n)| *n == most)?.0;
    let mut why = vec![format!(
        "{az} has the most instances ({most}), so the instance comes from there"
    )];
    let mut pool: Vec<&Instance> = fleet.iter().filter(|i| i.az == az).collect();
    let mut keep = |pool: &mut Vec<&Instance>, label: &str, key: &dyn Fn(&Instance) -> i64| {
        let best = pool.iter().map(|i| key(i)).min().unwrap_or(0);
        pool.retain(|i| key(i) == best);
        why.push(format!(
            "{label}: {}",
            pool.iter().map(|i| i.id).collect::<Vec<_>>().join(", ")
        ));
    };
    match policy {
        "Default" => {
            keep(&mut pool, "oldest launch template version", &|i| {
                i64::from(i.template_version)
            });
            keep(&mut pool, "closest to the next billing hour", &|i| {
                i64::from(i.minutes_to_billing_hour)
            });
        }
        "OldestInstance" => keep(&mut pool, "running longest", &|i| {
            -i64::from(i.hours_running)
        }),
        "NewestInstance" => keep(&mut pool, "launched most recently", &|i| {
            i64::from(i.hours_running)
        }),
        "OldestLaunchTemplate" => keep(&mut pool, "oldest launch template version", &|i| {
            i64::from(i.template_version)
        }),
        "ClosestToNextInstanceHour" => {
            keep(&mut pool, "closest to the next billing hour", &|i| {
                i64::from(i.minutes_to_billing_hour)
            });
        }
        _ => return None,
    }
    if pool.len() > 1 {
        why.push("still a tie: one of them at random".into());
    }
    pool.first().map(|i| (i.id, why))
}

#[cfg(test)]
pub(crate) mod tests {
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
            &Hooks::default(),
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
        let hooks = Hooks {
            launch: Some(HOOK),
            terminate: None,
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
        assert_eq!(no.steps[2].event, Some("launch-failed"));
    }

    #[test]
    fn timeouts_apply_the_default_result_and_heartbeats_extend_the_wait() {
        let hooks = Hooks {
            launch: Some(HOOK),
            terminate: None,
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
        let cont = Hooks {
            launch: Some(Hook {
                heartbeat: 300,
                default_result: HookResult::Continue,
            }),
            terminate: None,
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
        let hooks = Hooks {
            launch: Some(HOOK),
            terminate: None,
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
        let hooks = Hooks {
            launch: None,
            terminate: Some(HOOK),
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
            &Hooks::default(),
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
}
