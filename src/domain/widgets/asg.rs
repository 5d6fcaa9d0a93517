//! The Auto Scaling lifecycle model: an instance stepped through scale-out
//! and scale-in with optional launch and terminate hooks (heartbeat timeout,
//! default result, heartbeats, completion, timeouts and the global cap) and
//! an optional warm pool (launch into the pool, draw from it, return to it on
//! scale-in) and retention of abandoned terminations, the EventBridge events
//! each step emits with their origin and
//! destination, and which instance a scale-in removes under each termination
//! policy.

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
    /// How hooks and events work when the group has a warm pool.
    pub warm_pool: Vec<Fact>,
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
/// The warm-pool states the simulator reaches (the API lists a few more,
/// such as `Warmed:Terminating:Wait`, that it does not model).
pub const WARM_STATES: [&str; 8] = [
    "Warmed:Pending",
    "Warmed:Pending:Wait",
    "Warmed:Pending:Proceed",
    "Warmed:Stopped",
    "Warmed:Running",
    "Warmed:Hibernated",
    "Warmed:Terminating",
    "Warmed:Terminated",
];
/// The state an abandoned terminate hook leads to under a retention policy.
pub const RETAINED: &str = "Terminating:Retained";
pub const EVENTS: [&str; 4] = ["launch-wait", "launch-ok", "terminate-wait", "terminate-ok"];
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
        for s in STATES.iter().chain(&WARM_STATES).chain(&[RETAINED]) {
            if !self.state.iter().any(|x| x.id == *s) {
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

/// The state warm-pool instances are kept in once their lifecycle actions
/// are done (`PoolState` in `PutWarmPool`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolState {
    Stopped,
    Running,
    Hibernated,
}

impl PoolState {
    pub const ALL: [PoolState; 3] = [
        PoolState::Stopped,
        PoolState::Running,
        PoolState::Hibernated,
    ];

    /// The lifecycle state an instance rests in inside the pool.
    pub fn warmed(self) -> &'static str {
        match self {
            PoolState::Stopped => "Warmed:Stopped",
            PoolState::Running => "Warmed:Running",
            PoolState::Hibernated => "Warmed:Hibernated",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PoolState::Stopped => "Stopped",
            PoolState::Running => "Running",
            PoolState::Hibernated => "Hibernated",
        }
    }

    pub fn parse(s: &str) -> Option<PoolState> {
        PoolState::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s))
    }
}

/// A warm pool next to the group: pre-initialised instances that scale-out
/// draws on before it launches new ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarmPool {
    pub state: PoolState,
    /// `InstanceReusePolicy.ReuseOnScaleIn`: scale-in returns instances to
    /// the pool instead of terminating them.
    pub reuse_on_scale_in: bool,
}

/// What the simulated group is configured with: its lifecycle hooks and an
/// optional warm pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Group {
    pub launch: Option<Hook>,
    pub terminate: Option<Hook>,
    pub warm_pool: Option<WarmPool>,
    /// The instance lifecycle policy's `TerminateHookAbandon` retention
    /// trigger set to `retain`: an abandoned terminate hook keeps the
    /// instance in `Terminating:Retained` instead of terminating it.
    pub retain_on_abandon: bool,
}

/// Which lifecycle transition a hook is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Launch,
    Terminate,
}

impl Group {
    fn hook(&self, t: Transition) -> Option<Hook> {
        match t {
            Transition::Launch => self.launch,
            Transition::Terminate => self.terminate,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The warm pool launches an instance to keep its size.
    FillPool,
    /// `terminate-instance-in-auto-scaling-group` on a retained instance.
    TerminateRetained,
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
    /// The short form used in the URL (`warm`, `terminate`, `out`, `in`, `hb`,
    /// `continue`, `abandon`, `timeout`, `wait120`).
    pub fn key(self) -> String {
        match self {
            Action::FillPool => "warm".into(),
            Action::TerminateRetained => "terminate".into(),
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
            "warm" => Action::FillPool,
            "terminate" => Action::TerminateRetained,
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

/// Where an instance comes from and goes to: the `Origin` and
/// `Destination` fields of Auto Scaling's EventBridge events.
pub type Route = (&'static str, &'static str);

/// One step of the simulation: the state entered, when, why, and the
/// EventBridge event (by fact id) it emitted, with its origin and
/// destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub at: u64,
    pub state: &'static str,
    pub note: String,
    pub event: Option<&'static str>,
    pub route: Option<Route>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sim {
    pub now: u64,
    /// `None` before the first launch.
    pub state: Option<&'static str>,
    /// When the current wait times out, and the cap heartbeats cannot pass.
    pub deadline: Option<u64>,
    pub global_deadline: Option<u64>,
    /// The hook holding the instance in its current wait state. A separate
    /// field because `Warmed:Pending:Wait` can be either hook's.
    pub held_by: Option<Transition>,
    /// Where the move under way goes, for the events emitted when it ends.
    pub route: Option<Route>,
    pub steps: Vec<Step>,
}

const EC2: &str = "EC2";
const GROUP: &str = "AutoScalingGroup";
const POOL: &str = "WarmPool";

fn is_warmed(state: Option<&str>) -> bool {
    matches!(
        state,
        Some("Warmed:Stopped" | "Warmed:Running" | "Warmed:Hibernated")
    )
}

impl Sim {
    fn enter(&mut self, state: &'static str, note: impl Into<String>, event: Option<&'static str>) {
        // Origin and Destination are documented for the lifecycle-action
        // events; the model does not claim them for the others.
        let route = event.filter(|e| e.ends_with("-wait")).and(self.route);
        self.state = Some(state);
        self.steps.push(Step {
            at: self.now,
            state,
            note: note.into(),
            event,
            route,
        });
    }

    fn hold(&mut self, by: Transition, hook: Hook, global: u32) {
        self.held_by = Some(by);
        self.deadline = Some(self.now + u64::from(hook.heartbeat));
        self.global_deadline = Some(self.now + u64::from(global));
    }

    fn finish_wait(&mut self, group: &Group, result: HookResult, why: &str) {
        self.deadline = None;
        self.global_deadline = None;
        let r = match result {
            HookResult::Continue => "CONTINUE",
            HookResult::Abandon => "ABANDON",
        };
        match (self.state, result) {
            (Some("Pending:Wait"), HookResult::Continue) => {
                self.enter("Pending:Proceed", format!("{why}: {r}"), None);
                self.enter(
                    "InService",
                    "the instance joins the group",
                    Some("launch-ok"),
                );
            }
            (Some("Pending:Wait"), HookResult::Abandon) => {
                self.enter(
                    "Terminating",
                    format!("{why}: {r} — the instance is not put in service"),
                    None,
                );
                self.enter("Terminated", "the instance is terminated", None);
            }
            (Some("Terminating:Wait"), HookResult::Abandon) if group.retain_on_abandon => {
                self.enter("Terminating:Proceed", format!("{why}: {r}"), None);
                self.enter(
                    RETAINED,
                    "retained by the instance lifecycle policy: it no longer counts toward desired capacity and stays until you terminate it",
                    None,
                );
            }
            (Some("Terminating:Wait"), _) => {
                self.enter("Terminating:Proceed", format!("{why}: {r}"), None);
                self.enter(
                    "Terminated",
                    "the instance is terminated",
                    Some("terminate-ok"),
                );
            }
            (Some("Warmed:Pending:Wait"), HookResult::Continue) => {
                self.enter("Warmed:Pending:Proceed", format!("{why}: {r}"), None);
                self.rest_in_pool(group);
            }
            (Some("Warmed:Pending:Wait"), HookResult::Abandon) => {
                self.enter(
                    "Warmed:Terminating",
                    format!("{why}: {r} — the instance is not kept in the warm pool"),
                    None,
                );
                self.enter("Warmed:Terminated", "the instance is terminated", None);
            }
            _ => {}
        }
        self.held_by = None;
    }

    fn rest_in_pool(&mut self, group: &Group) {
        let Some(pool) = group.warm_pool else { return };
        let note = match pool.state {
            PoolState::Running => "kept running in the warm pool",
            PoolState::Stopped => {
                "stopped in the warm pool (as soon as it has launched: user data still running is cut short)"
            }
            PoolState::Hibernated => {
                "hibernated in the warm pool (as soon as it has launched: user data still running is cut short)"
            }
        };
        self.enter(pool.state.warmed(), note, None);
    }

    /// Which actions make sense now.
    pub fn available(&self, group: &Group) -> Vec<Action> {
        match self.state {
            None | Some("Terminated" | "Warmed:Terminated") => {
                let mut out = vec![Action::ScaleOut];
                if group.warm_pool.is_some() {
                    out.insert(0, Action::FillPool);
                }
                out
            }
            s if is_warmed(s) => vec![Action::ScaleOut],
            Some("InService") => vec![Action::ScaleIn],
            Some(RETAINED) => vec![Action::TerminateRetained],
            Some("Pending:Wait" | "Terminating:Wait" | "Warmed:Pending:Wait") => vec![
                Action::Complete(HookResult::Continue),
                Action::Complete(HookResult::Abandon),
                Action::Heartbeat,
                Action::Wait(60),
                Action::Timeout,
            ],
            _ => vec![],
        }
    }

    /// Starts a move: enters its first state, then waits if its transition
    /// has a hook, or runs `done` straight away.
    fn start(&mut self, facts: &AsgFacts, group: &Group, m: Move, done: impl FnOnce(&mut Sim)) {
        let Move {
            t,
            route,
            first,
            note,
            wait,
        } = m;
        self.route = Some(route);
        self.enter(first, note, None);
        match group.hook(t) {
            Some(h) => {
                let (which, event) = match t {
                    Transition::Launch => ("launch", "launch-wait"),
                    Transition::Terminate => ("terminate", "terminate-wait"),
                };
                self.enter(
                    wait,
                    format!("the {which} hook holds the instance"),
                    Some(event),
                );
                self.hold(t, h, facts.global_timeout(h.heartbeat));
            }
            None => done(self),
        }
    }
}

/// One move of the instance: the transition whose hook may hold it, where it
/// goes, the state it enters first (and why), and where a hook holds it.
struct Move {
    t: Transition,
    route: Route,
    first: &'static str,
    note: &'static str,
    wait: &'static str,
}

/// Runs `actions` from an empty group; actions that make no sense in the
/// state reached are skipped.
pub fn simulate(facts: &AsgFacts, group: &Group, actions: &[Action]) -> Sim {
    let mut sim = Sim::default();
    for &action in actions {
        if !sim
            .available(group)
            .iter()
            .any(|a| std::mem::discriminant(a) == std::mem::discriminant(&action))
        {
            continue;
        }
        let held = sim.held_by.and_then(|t| group.hook(t));
        match action {
            Action::FillPool => sim.start(
                facts,
                group,
                Move {
                    t: Transition::Launch,
                    route: (EC2, POOL),
                    first: "Warmed:Pending",
                    note: "the warm pool launches an instance",
                    wait: "Warmed:Pending:Wait",
                },
                |s| s.rest_in_pool(group),
            ),
            Action::ScaleOut => {
                let (origin, note) = if is_warmed(sim.state) {
                    (POOL, "scale-out takes the instance from the warm pool")
                } else if group.warm_pool.is_some() {
                    (
                        EC2,
                        "the warm pool is empty, so scale-out launches straight into the group",
                    )
                } else {
                    (EC2, "scale-out launches an instance")
                };
                sim.start(
                    facts,
                    group,
                    Move {
                        t: Transition::Launch,
                        route: (origin, GROUP),
                        first: "Pending",
                        note,
                        wait: "Pending:Wait",
                    },
                    |s| s.enter("InService", "no launch hook", Some("launch-ok")),
                );
            }
            Action::ScaleIn => match group.warm_pool {
                Some(pool) if pool.reuse_on_scale_in => sim.start(
                    facts,
                    group,
                    Move {
                        t: Transition::Terminate,
                        route: (GROUP, POOL),
                        first: "Warmed:Pending",
                        note: "scale-in returns the instance to the warm pool (instance reuse policy)",
                        wait: "Warmed:Pending:Wait",
                    },
                    |s| s.rest_in_pool(group),
                ),
                _ => sim.start(
                    facts,
                    group,
                    Move {
                        t: Transition::Terminate,
                        route: (GROUP, EC2),
                        first: "Terminating",
                        note: "scale-in selects this instance",
                        wait: "Terminating:Wait",
                    },
                    |s| s.enter("Terminated", "no terminate hook", Some("terminate-ok")),
                ),
            },
            Action::TerminateRetained => {
                sim.enter("Terminated", "you terminated the retained instance", None);
            }
            Action::Heartbeat => {
                let (Some(h), Some(global)) = (held, sim.global_deadline) else {
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
                    route: None,
                });
            }
            Action::Complete(r) => sim.finish_wait(group, r, "complete-lifecycle-action"),
            Action::Timeout | Action::Wait(_) => {
                let Some(h) = held else { continue };
                let deadline = sim.deadline.unwrap_or(u64::MAX);
                if let Action::Wait(s) = action {
                    if sim.now + u64::from(s) < deadline {
                        sim.now += u64::from(s);
                        continue;
                    }
                }
                sim.now = deadline;
                let why = if sim.deadline == sim.global_deadline {
                    "global timeout"
                } else {
                    "heartbeat timeout"
                };
                sim.finish_wait(group, h.default_result, &format!("{why}, default result"));
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
    let fullest: Vec<&str> = azs
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(az, _)| *az)
        .collect();
    let mut why = vec![if let [az] = fullest[..] {
        format!("{az} has the most instances ({most}), so the instance comes from there")
    } else {
        format!(
            "{} are balanced ({most} each), so the policy looks at all of them",
            fullest.join(", ")
        )
    }];
    let mut pool: Vec<&Instance> = fleet.iter().filter(|i| fullest.contains(&i.az)).collect();
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
        why.push(if policy == "Default" {
            "still a tie: one of them at random".into()
        } else {
            "still a tie: Auto Scaling picks one of them".into()
        });
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
}
