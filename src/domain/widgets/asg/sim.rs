//! The lifecycle state machine: one instance stepped through scale-out and
//! scale-in with launch and terminate hooks (heartbeats, completion,
//! timeouts, the global cap), a warm pool and retention of abandoned
//! terminations, with the EventBridge event each step emits.

use super::*;

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
