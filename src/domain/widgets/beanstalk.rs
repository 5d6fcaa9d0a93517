//! The Elastic Beanstalk deployment-policy model: the documented comparison
//! of the six methods (with the environment types that allow each and what
//! it needs), a step-by-step timeline of instances (old, new, out of
//! service) and serving capacity for a fleet, batch and failure choice (a
//! failing batch for the rolling policies; a failed traffic split serves its
//! share first; immutable starts one instance first), and which policies
//! meet a requirement.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFacts {
    pub id: String,
    pub name: String,
    /// The `DeploymentPolicy` option value ("" for blue/green, which is not one).
    pub option: String,
    pub failed_impact: String,
    /// Relative deploy time, 1 (fastest) to 4.
    pub deploy_time: u8,
    pub zero_downtime: bool,
    pub dns_change: bool,
    pub rollback: String,
    pub deployed_to: String,
    /// Whether it launches instances beyond the fleet (extra cost while deploying).
    pub extra_instances: bool,
    /// The environment types that allow the policy (empty for blue/green,
    /// which is not a `DeploymentPolicy` value).
    #[serde(default)]
    pub environments: Vec<String>,
    /// What the policy needs beyond the environment type ("" for nothing).
    #[serde(default)]
    pub requires: String,
}

/// A documented rule the timeline or the comparison turns on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeanstalkFacts {
    pub title: String,
    pub source: String,
    pub policy: Vec<PolicyFacts>,
    #[serde(default)]
    pub note: Vec<Note>,
}

pub const POLICIES: [&str; 6] = [
    "all_at_once",
    "rolling",
    "rolling_additional_batch",
    "immutable",
    "traffic_splitting",
    "blue_green",
];

impl BeanstalkFacts {
    pub fn policy(&self, id: &str) -> Option<&PolicyFacts> {
        self.policy.iter().find(|p| p.id == id)
    }

    pub fn check(&self) -> Vec<String> {
        POLICIES
            .iter()
            .filter(|id| self.policy(id).is_none())
            .map(|id| format!("policy `{id}` is missing"))
            .collect()
    }

    /// The comparison cells of a policy, in column order, for highlighting
    /// what differs from another policy.
    pub fn cells(p: &PolicyFacts) -> [String; 8] {
        [
            p.failed_impact.clone(),
            "⏱".repeat(usize::from(p.deploy_time)),
            if p.zero_downtime { "Yes" } else { "No" }.into(),
            if p.dns_change { "Yes" } else { "No" }.into(),
            p.rollback.clone(),
            p.deployed_to.clone(),
            if p.environments.is_empty() {
                "Any (two environments, not a deployment policy)".into()
            } else {
                p.environments.join(", ")
            },
            if p.requires.is_empty() {
                "—".into()
            } else {
                p.requires.clone()
            },
        ]
    }
}

/// What one instance is doing at a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Old,
    New,
    /// Being updated or failing health checks: serves nothing.
    Out,
}

/// One step of a deployment: every instance's state, and who serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub label: String,
    pub slots: Vec<Slot>,
    /// Percent of traffic on the new version (traffic splitting, blue/green).
    pub new_traffic: u32,
}

impl Frame {
    pub fn serving(&self) -> usize {
        self.slots.iter().filter(|s| **s != Slot::Out).count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    pub fleet: u32,
    pub batch: u32,
    pub split_percent: u32,
    pub evaluation_minutes: u32,
    pub fails: bool,
    /// With `fails`, the batch (from 1) whose instances fail their health
    /// checks in a rolling deployment; with an additional batch, batch 1 is
    /// the extra one. Past the last batch it means the last.
    pub fail_batch: u32,
}

/// How many batches `policy` goes through for a scenario (1 for the
/// policies that are not batched), to bound the failing-batch choice.
pub fn batches(policy: &str, s: Scenario) -> u32 {
    let n = s.fleet.max(1);
    let b = s.batch.clamp(1, n);
    match policy {
        "rolling" => n.div_ceil(b),
        "rolling_additional_batch" => n.div_ceil(b) + 1,
        _ => 1,
    }
}

/// The timeline of `policy` for a scenario.
pub fn timeline(policy: &str, s: Scenario) -> Vec<Frame> {
    let n = s.fleet.max(1) as usize;
    let b = (s.batch.clamp(1, s.fleet.max(1))) as usize;
    let frame = |label: String, slots: Vec<Slot>, new_traffic: u32| Frame {
        label,
        slots,
        new_traffic,
    };
    let old = vec![Slot::Old; n];
    let mut frames = vec![frame("Before".into(), old.clone(), 0)];
    let fail_at = s
        .fails
        .then(|| s.fail_batch.clamp(1, batches(policy, s)) as usize);
    match policy {
        "all_at_once" => {
            frames.push(frame(
                "Deploying to every instance".into(),
                vec![Slot::Out; n],
                0,
            ));
            if s.fails {
                frames.push(frame(
                    "Failed: every instance is unhealthy".into(),
                    vec![Slot::Out; n],
                    0,
                ));
            } else {
                frames.push(frame("Done".into(), vec![Slot::New; n], 100));
            }
        }
        "rolling" | "rolling_additional_batch" => {
            let extra = policy == "rolling_additional_batch";
            let mut slots = old.clone();
            let mut batch_no = 1;
            if extra {
                slots.extend(vec![Slot::Out; b]);
                frames.push(frame(
                    format!("Batch 1: launching an extra batch of {b}"),
                    slots.clone(),
                    0,
                ));
                if fail_at == Some(1) {
                    slots.truncate(n);
                    frames.push(frame(
                        "Failed in the first batch: the extra instances are terminated".into(),
                        slots,
                        0,
                    ));
                    return frames;
                }
                for x in slots.iter_mut().skip(n) {
                    *x = Slot::New;
                }
                frames.push(frame("Extra batch in service".into(), slots.clone(), 0));
                batch_no += 1;
            }
            let mut i = 0;
            while i < n {
                let end = (i + b).min(n);
                // With an extra batch, its instances already run the new
                // version, so the last instances to update are retired instead.
                for x in slots.iter_mut().take(end).skip(i) {
                    *x = Slot::Out;
                }
                frames.push(frame(
                    format!("Batch {batch_no}: updating"),
                    slots.clone(),
                    0,
                ));
                if fail_at == Some(batch_no) {
                    let kept = if batch_no > 1 {
                        "; the batches done before keep the new version, the pending ones the old"
                    } else {
                        ""
                    };
                    frames.push(frame(
                        format!("Failed in batch {batch_no}: the deployment stops{kept}"),
                        slots.clone(),
                        0,
                    ));
                    return frames;
                }
                for x in slots.iter_mut().take(end).skip(i) {
                    *x = Slot::New;
                }
                i = end;
                batch_no += 1;
            }
            if extra {
                slots.truncate(n);
                frames.push(frame(
                    "The extra batch is terminated".into(),
                    slots.clone(),
                    0,
                ));
            }
            frames.push(frame("Done".into(), slots, 100));
        }
        "immutable" => {
            // One instance first, serving alongside the old fleet; the rest
            // only once it is healthy.
            let mut slots = old.clone();
            slots.push(Slot::Out);
            frames.push(frame(
                "Launching 1 new instance in a temporary Auto Scaling group".into(),
                slots.clone(),
                0,
            ));
            if s.fails {
                frames.push(frame(
                    "Failed: the new instance is terminated; the old ones kept serving".into(),
                    old,
                    0,
                ));
                return frames;
            }
            slots[n] = Slot::New;
            frames.push(frame(
                "The first new instance is healthy and serves alongside the old ones".into(),
                slots.clone(),
                0,
            ));
            if n > 1 {
                slots.extend(vec![Slot::Out; n - 1]);
                frames.push(frame(
                    format!("Launching {} more new instances", n - 1),
                    slots.clone(),
                    0,
                ));
                for x in slots.iter_mut().skip(n) {
                    *x = Slot::New;
                }
                frames.push(frame("All new instances healthy".into(), slots, 0));
            }
            frames.push(frame(
                "Old instances terminated".into(),
                vec![Slot::New; n],
                100,
            ));
        }
        "traffic_splitting" | "blue_green" => {
            let mut slots = old.clone();
            slots.extend(vec![Slot::Out; n]);
            let blue_green = policy == "blue_green";
            let where_ = if blue_green {
                "a second environment"
            } else {
                "a temporary Auto Scaling group"
            };
            frames.push(frame(
                format!("Launching {n} new instances in {where_}"),
                slots.clone(),
                0,
            ));
            if s.fails && blue_green {
                frames.push(frame(
                    "Failed: the new environment is unhealthy; the URL was never swapped".into(),
                    old,
                    0,
                ));
                return frames;
            }
            for x in slots.iter_mut().skip(n) {
                *x = Slot::New;
            }
            if blue_green {
                frames.push(frame(
                    "Swap environment URLs (a DNS change)".into(),
                    slots.clone(),
                    100,
                ));
            } else {
                let split = s.split_percent.min(100);
                let minutes = s.evaluation_minutes;
                frames.push(frame(
                    if s.fails {
                        format!("{split} % of traffic to the new instances; they fail their health checks within the {minutes}-minute evaluation")
                    } else {
                        format!("{split} % of traffic to the new instances for {minutes} minutes")
                    },
                    slots.clone(),
                    split,
                ));
                if s.fails {
                    frames.push(frame(
                        "Failed: traffic moves back to the old instances and the new ones are terminated".into(),
                        old,
                        0,
                    ));
                    return frames;
                }
            }
            frames.push(frame(
                "Old instances terminated".into(),
                vec![Slot::New; n],
                100,
            ));
        }
        _ => {}
    }
    frames
}

/// Requirements learners are asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    NoReducedCapacity,
    Cheapest,
    FastestRollback,
}

/// The policies that meet a requirement, by documented properties.
pub fn fitting(facts: &BeanstalkFacts, r: Requirement) -> Vec<String> {
    facts
        .policy
        .iter()
        .filter(|p| match r {
            // Capacity never drops below the fleet: something extra is launched first.
            Requirement::NoReducedCapacity => p.extra_instances,
            Requirement::Cheapest => !p.extra_instances,
            // Rollback without redeploying.
            Requirement::FastestRollback => p.rollback != "Manual redeploy",
        })
        .map(|p| p.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Scenario = Scenario {
        fleet: 4,
        batch: 2,
        split_percent: 10,
        evaluation_minutes: 5,
        fails: false,
        fail_batch: 1,
    };

    fn min_serving(policy: &str, s: Scenario) -> usize {
        timeline(policy, s)
            .iter()
            .map(Frame::serving)
            .min()
            .unwrap()
    }

    #[test]
    fn capacity_over_time() {
        assert_eq!(min_serving("all_at_once", S), 0, "downtime");
        assert_eq!(min_serving("rolling", S), 2, "one batch out of service");
        assert_eq!(
            min_serving("rolling_additional_batch", S),
            4,
            "never below the fleet"
        );
        assert_eq!(min_serving("immutable", S), 4);
        assert_eq!(min_serving("traffic_splitting", S), 4);
        assert_eq!(min_serving("blue_green", S), 4);
        for p in POLICIES {
            let last = timeline(p, S).last().cloned().unwrap();
            assert!(
                last.slots.iter().all(|x| *x == Slot::New) && last.slots.len() == 4,
                "{p} ends all new"
            );
        }
    }

    #[test]
    fn failures() {
        let f = Scenario { fails: true, ..S };
        assert_eq!(timeline("all_at_once", f).last().unwrap().serving(), 0);
        let rolling = timeline("rolling", f);
        assert_eq!(
            rolling.last().unwrap().serving(),
            2,
            "the failed batch stays out of service"
        );
        for p in [
            "rolling_additional_batch",
            "immutable",
            "traffic_splitting",
            "blue_green",
        ] {
            let last = timeline(p, f).last().cloned().unwrap();
            assert!(
                last.slots.iter().all(|x| *x == Slot::Old) && last.slots.len() == 4,
                "{p}: old fleet untouched"
            );
        }
    }

    #[test]
    fn batches_and_traffic() {
        let t = timeline(
            "rolling",
            Scenario {
                fleet: 5,
                batch: 2,
                ..S
            },
        );
        assert_eq!(
            t.iter().filter(|f| f.label.ends_with("updating")).count(),
            3,
            "2 + 2 + 1"
        );
        let split = timeline("traffic_splitting", S);
        assert!(split
            .iter()
            .any(|f| f.new_traffic == 10 && f.label.contains("for 5 minutes")));
    }
}
