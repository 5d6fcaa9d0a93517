//! The Auto Scaling facts as `content/widgets/asg.toml` holds them: hook
//! limits, states, events, hook targets, termination policies and warm-pool
//! rules, with the consistency checks the content compiler runs.

use serde::{Deserialize, Serialize};

use crate::domain::widgets::Fact;

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
    /// What instance scale-in protection does and does not protect against.
    pub protection: Vec<Fact>,
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
