//! The CodeDeploy deployment-configuration model. This module holds the
//! facts file's types (platforms, deployment types, predefined
//! configurations, lifecycles) and their checks; the submodules compute from
//! them: [`traffic`] (traffic share over time), [`batches`] (in-place and
//! blue/green batches and the verdict when an instance fails),
//! [`requirements`] (which configurations meet a learner's limits) and
//! [`appspec`] (a sample AppSpec file).

use serde::{Deserialize, Serialize};

use super::Fact;

pub mod appspec;
pub mod batches;
pub mod requirements;
pub mod traffic;

pub use appspec::appspec;
pub use batches::{batch_plan, blue_green_plan, in_place_verdict, BatchPlan, Outcome, Verdict};
pub use requirements::{first_exposure, violations, Requirements};
pub use traffic::{minutes_to_full, traffic_steps, MinHealthy, Step, Strategy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlatformId {
    Server,
    Lambda,
    Ecs,
}

impl PlatformId {
    pub const ALL: [PlatformId; 3] = [PlatformId::Server, PlatformId::Lambda, PlatformId::Ecs];

    pub fn key(self) -> &'static str {
        match self {
            PlatformId::Server => "server",
            PlatformId::Lambda => "lambda",
            PlatformId::Ecs => "ecs",
        }
    }

    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeploymentType {
    InPlace,
    BlueGreen,
}

impl DeploymentType {
    pub fn key(self) -> &'static str {
        match self {
            DeploymentType::InPlace => "in_place",
            DeploymentType::BlueGreen => "blue_green",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DeploymentType::InPlace => "In-place",
            DeploymentType::BlueGreen => "Blue/green",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: PlatformId,
    pub name: String,
    pub types: Vec<DeploymentType>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unavailable {
    pub platform: PlatformId,
    #[serde(rename = "type")]
    pub kind: DeploymentType,
    pub reason: String,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfigKind {
    AllAtOnce,
    Canary,
    Linear,
    MinHealthy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MinHealthyType {
    #[serde(rename = "HOST_COUNT")]
    HostCount,
    #[serde(rename = "FLEET_PERCENT")]
    FleetPercent,
    /// Only `CodeDeployDefault.OneAtATime` reports this type (value 1): one
    /// instance at a time, all but one kept healthy. It cannot be set on a
    /// custom configuration.
    #[serde(rename = "MOST_CONCURRENCY")]
    MostConcurrency,
}

/// A predefined deployment configuration, as AWS defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub name: String,
    pub platform: PlatformId,
    pub kind: ConfigKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_healthy_type: Option<MinHealthyType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_healthy_value: Option<u32>,
    pub description: String,
    pub source: String,
}

impl Config {
    /// The rollout rule this configuration defines.
    pub fn strategy(&self) -> Option<Strategy> {
        Some(match self.kind {
            ConfigKind::AllAtOnce => Strategy::AllAtOnce,
            ConfigKind::Canary => Strategy::Canary {
                percent: self.percent?,
                interval: self.interval_minutes?,
            },
            ConfigKind::Linear => Strategy::Linear {
                percent: self.percent?,
                interval: self.interval_minutes?,
            },
            ConfigKind::MinHealthy => Strategy::MinHealthy(MinHealthy {
                kind: self.min_healthy_type?,
                value: self.min_healthy_value?,
            }),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifecycleEvent {
    pub name: String,
    pub scriptable: bool,
    pub validation: bool,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lifecycle {
    pub platform: PlatformId,
    #[serde(rename = "type")]
    pub kind: DeploymentType,
    pub events: Vec<LifecycleEvent>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimingNote {
    pub platform: PlatformId,
    pub text: String,
    pub source: String,
}

/// Everything the picker knows, from `content/widgets/codedeploy.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeDeployFacts {
    pub title: String,
    pub platform: Vec<Platform>,
    #[serde(default)]
    pub unavailable: Vec<Unavailable>,
    pub config: Vec<Config>,
    pub rule: Vec<Fact>,
    pub lifecycle: Vec<Lifecycle>,
    pub rollback: Vec<Fact>,
    pub timing_note: Vec<TimingNote>,
    /// EC2 blue/green: what it needs and what happens to the originals.
    #[serde(default)]
    pub blue_green: Vec<Fact>,
    /// EC2/On-Premises hooks: which revision's scripts run, and how a
    /// failing stop script can be ignored.
    #[serde(default)]
    pub hook_rule: Vec<Fact>,
}

impl CodeDeployFacts {
    pub fn platform(&self, id: PlatformId) -> Option<&Platform> {
        self.platform.iter().find(|p| p.id == id)
    }

    pub fn configs(&self, id: PlatformId) -> impl Iterator<Item = &Config> {
        self.config.iter().filter(move |c| c.platform == id)
    }

    pub fn config(&self, name: &str) -> Option<&Config> {
        self.config.iter().find(|c| c.name == name)
    }

    pub fn unavailable(&self, id: PlatformId) -> impl Iterator<Item = &Unavailable> {
        self.unavailable.iter().filter(move |u| u.platform == id)
    }

    pub fn lifecycle(&self, id: PlatformId, kind: DeploymentType) -> Option<&Lifecycle> {
        self.lifecycle
            .iter()
            .find(|l| l.platform == id && l.kind == kind)
    }

    pub fn timing_notes(&self, id: PlatformId) -> impl Iterator<Item = &TimingNote> {
        self.timing_note.iter().filter(move |t| t.platform == id)
    }

    /// Problems with the facts themselves, for the content compiler.
    pub fn check(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in PlatformId::ALL {
            if self.platform(p).is_none() {
                out.push(format!("platform `{}` is missing", p.key()));
            }
            if self.configs(p).next().is_none() {
                out.push(format!("no predefined configuration for `{}`", p.key()));
            }
            for t in self
                .platform(p)
                .map(|p| p.types.clone())
                .unwrap_or_default()
            {
                if self.lifecycle(p, t).is_none() {
                    out.push(format!("no lifecycle for {} {}", p.key(), t.key()));
                }
            }
        }
        for c in &self.config {
            match (c.strategy(), c.platform, c.kind) {
                (None, ..) => out.push(format!("{}: missing the values its kind needs", c.name)),
                (
                    Some(_),
                    PlatformId::Server,
                    ConfigKind::Canary | ConfigKind::Linear | ConfigKind::AllAtOnce,
                ) => {
                    out.push(format!(
                        "{}: EC2/On-premises configurations are min_healthy",
                        c.name
                    ));
                }
                (Some(_), PlatformId::Lambda | PlatformId::Ecs, ConfigKind::MinHealthy) => {
                    out.push(format!(
                        "{}: Lambda and ECS configurations shift traffic",
                        c.name
                    ));
                }
                (Some(Strategy::Canary { percent, .. } | Strategy::Linear { percent, .. }), ..)
                    if !(1..=99).contains(&percent) =>
                {
                    out.push(format!("{}: percent must be 1–99", c.name));
                }
                _ => {}
            }
            if !c.source.starts_with("https://docs.aws.amazon.com/") {
                out.push(format!(
                    "{}: source must be a docs.aws.amazon.com page",
                    c.name
                ));
            }
        }
        out
    }
}
