//! The CodeDeploy deployment-configuration model: which deployment types each
//! compute platform allows, every predefined configuration, custom ones,
//! traffic share over time and time to 100 %, in-place batches from the
//! minimum-healthy-hosts rules, lifecycle events, and requirement checks.

use serde::{Deserialize, Serialize};

use super::Fact;

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

/// How many instances must stay healthy during an in-place deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinHealthy {
    pub kind: MinHealthyType,
    pub value: u32,
}

/// A rollout rule: a predefined configuration's or a custom one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    AllAtOnce,
    Canary { percent: u32, interval: u32 },
    Linear { percent: u32, interval: u32 },
    MinHealthy(MinHealthy),
}

/// A point of the traffic chart: from `minute` on, `percent` of traffic
/// reaches the new version.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub minute: u32,
    pub percent: u32,
}

/// Traffic on the new version over time for traffic-shifting strategies,
/// from the configuration's definition: canary shifts its percentage, then
/// the rest after one interval; linear adds its percentage every interval
/// (the first at the start) until everything has moved.
pub fn traffic_steps(strategy: Strategy) -> Vec<Step> {
    match strategy {
        Strategy::AllAtOnce | Strategy::MinHealthy(_) => vec![Step {
            minute: 0,
            percent: 100,
        }],
        Strategy::Canary { percent, interval } => vec![
            Step {
                minute: 0,
                percent: percent.min(100),
            },
            Step {
                minute: interval,
                percent: 100,
            },
        ],
        Strategy::Linear { percent, interval } => {
            let percent = percent.clamp(1, 100);
            let steps = 100_u32.div_ceil(percent);
            (0..steps)
                .map(|k| Step {
                    minute: k * interval,
                    percent: ((k + 1) * percent).min(100),
                })
                .collect()
        }
    }
}

/// Minutes from the first shift until all traffic is on the new version.
pub fn minutes_to_full(strategy: Strategy) -> u32 {
    traffic_steps(strategy).last().map_or(0, |s| s.minute)
}

/// The share of traffic (or of the fleet) exposed to the new version before
/// anything waits for validation.
pub fn first_exposure(strategy: Strategy, fleet: u32) -> u32 {
    match strategy {
        Strategy::MinHealthy(m) => match batch_plan(m, fleet) {
            Ok(plan) if fleet > 0 => (plan.batch_size * 100).div_ceil(fleet),
            _ => 100,
        },
        other => traffic_steps(other).first().map_or(100, |s| s.percent),
    }
}

/// How an in-place deployment proceeds on a fleet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchPlan {
    /// Instances that must stay healthy (the percentage converted, rounded up).
    pub min_healthy: u32,
    /// Instances taken offline and updated at a time.
    pub batch_size: u32,
    /// Sizes of the successive batches.
    pub batches: Vec<u32>,
}

/// Batches for an in-place deployment: CodeDeploy converts a fleet
/// percentage to instances rounding up, then updates as many instances at a
/// time as it can while that many stay healthy.
pub fn batch_plan(min: MinHealthy, fleet: u32) -> Result<BatchPlan, String> {
    if fleet == 0 {
        return Err("The deployment group has no instances.".into());
    }
    let min_healthy = match min.kind {
        MinHealthyType::HostCount => min.value,
        MinHealthyType::FleetPercent => (fleet * min.value).div_ceil(100),
        MinHealthyType::MostConcurrency => fleet.saturating_sub(min.value.max(1)),
    };
    if min_healthy >= fleet {
        return Err(format!(
            "{min_healthy} of {fleet} instances must stay healthy, so no instance can be taken offline: CodeDeploy fails the deployment."
        ));
    }
    let batch_size = fleet - min_healthy;
    let mut batches = Vec::new();
    let mut left = fleet;
    while left > 0 {
        let b = batch_size.min(left);
        batches.push(b);
        left -= b;
    }
    Ok(BatchPlan {
        min_healthy,
        batch_size,
        batches,
    })
}

/// What a learner requires of a deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Requirements {
    /// Largest share (percent) of users or instances on the new version
    /// before validation.
    pub max_exposure: Option<u32>,
    /// Longest acceptable time to move everything (minutes).
    pub max_minutes: Option<u32>,
    /// Capacity must never drop to zero.
    pub zero_downtime: bool,
    /// EC2/On-premises: fleet size, and minutes one batch takes.
    pub fleet: u32,
    pub minutes_per_batch: u32,
}

/// Why a configuration does not fit; empty when it fits.
pub fn violations(strategy: Strategy, req: &Requirements) -> Vec<String> {
    let mut out = Vec::new();
    let exposure = first_exposure(strategy, req.fleet);
    if let Some(max) = req.max_exposure {
        if exposure > max {
            out.push(format!(
                "exposes {exposure} % before validation (limit {max} %)"
            ));
        }
    }
    let (minutes, plan) = match strategy {
        Strategy::MinHealthy(m) => match batch_plan(m, req.fleet) {
            Ok(plan) => (
                plan.batches.len() as u32 * req.minutes_per_batch,
                Some(plan),
            ),
            Err(e) => {
                out.push(e);
                return out;
            }
        },
        other => (minutes_to_full(other), None),
    };
    if let Some(max) = req.max_minutes {
        if minutes > max {
            out.push(format!(
                "takes {minutes} minutes to reach 100 % (limit {max})"
            ));
        }
    }
    if req.zero_downtime && plan.is_some_and(|p| p.min_healthy == 0) {
        out.push(
            "takes every instance offline at once, so the application is down during the update"
                .into(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canary_and_linear_timelines_follow_their_definitions() {
        let c = Strategy::Canary {
            percent: 10,
            interval: 5,
        };
        assert_eq!(
            traffic_steps(c),
            vec![
                Step {
                    minute: 0,
                    percent: 10
                },
                Step {
                    minute: 5,
                    percent: 100
                }
            ]
        );
        assert_eq!(minutes_to_full(c), 5);
        let l = Strategy::Linear {
            percent: 10,
            interval: 3,
        };
        let steps = traffic_steps(l);
        assert_eq!(steps.len(), 10);
        assert_eq!(
            steps[0],
            Step {
                minute: 0,
                percent: 10
            }
        );
        assert_eq!(
            steps[9],
            Step {
                minute: 27,
                percent: 100
            }
        );
        assert_eq!(
            minutes_to_full(Strategy::Linear {
                percent: 30,
                interval: 2
            }),
            6,
            "30,60,90,100"
        );
        assert_eq!(minutes_to_full(Strategy::AllAtOnce), 0);
    }

    #[test]
    fn fleet_percent_rounds_up_and_batches_fill_the_rest() {
        let half = MinHealthy {
            kind: MinHealthyType::FleetPercent,
            value: 50,
        };
        assert_eq!(
            batch_plan(half, 5).unwrap(),
            BatchPlan {
                min_healthy: 3,
                batch_size: 2,
                batches: vec![2, 2, 1]
            }
        );
        assert_eq!(batch_plan(half, 4).unwrap().batches, vec![2, 2]);
        let count = MinHealthy {
            kind: MinHealthyType::HostCount,
            value: 0,
        };
        assert_eq!(batch_plan(count, 6).unwrap().batches, vec![6]);
        assert!(batch_plan(
            MinHealthy {
                kind: MinHealthyType::HostCount,
                value: 3
            },
            3
        )
        .is_err());
        assert!(
            batch_plan(half, 1).is_err(),
            "50 % of one instance rounds up to one"
        );
    }

    #[test]
    fn the_api_reference_examples_hold() {
        // The MinimumHealthyHosts API reference: nine instances with HOST_COUNT
        // 6 deploy up to three at a time; with FLEET_PERCENT 40, up to five.
        let nine = |kind, value| batch_plan(MinHealthy { kind, value }, 9).unwrap();
        assert_eq!(nine(MinHealthyType::HostCount, 6).batch_size, 3);
        let p40 = nine(MinHealthyType::FleetPercent, 40);
        assert_eq!((p40.min_healthy, p40.batch_size), (4, 5));
        // OneAtATime reports MOST_CONCURRENCY 1: one instance at a time.
        let one = MinHealthy {
            kind: MinHealthyType::MostConcurrency,
            value: 1,
        };
        assert_eq!(batch_plan(one, 4).unwrap().batches, vec![1, 1, 1, 1]);
        assert_eq!(batch_plan(one, 1).unwrap().batches, vec![1]);
    }

    #[test]
    fn requirements_name_what_breaks() {
        let req = Requirements {
            max_exposure: Some(10),
            max_minutes: Some(10),
            zero_downtime: true,
            fleet: 4,
            minutes_per_batch: 5,
        };
        assert!(violations(
            Strategy::Canary {
                percent: 10,
                interval: 5
            },
            &req
        )
        .is_empty());
        let v = violations(
            Strategy::Linear {
                percent: 10,
                interval: 3,
            },
            &req,
        );
        assert_eq!(v, ["takes 27 minutes to reach 100 % (limit 10)"]);
        let v = violations(Strategy::AllAtOnce, &req);
        assert_eq!(v, ["exposes 100 % before validation (limit 10 %)"]);
        let all = MinHealthy {
            kind: MinHealthyType::HostCount,
            value: 0,
        };
        let v = violations(Strategy::MinHealthy(all), &req);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[1].contains("offline at once"));
    }
}

/// An AppSpec file for the platform, with a hook entry for every event
/// of `lifecycle` that can run one. Names and layout follow the AppSpec
/// reference; resource names are placeholders to edit.
pub fn appspec(platform: PlatformId, lifecycle: &Lifecycle) -> String {
    let hooks: Vec<&str> = lifecycle
        .events
        .iter()
        .filter(|e| e.scriptable)
        .map(|e| e.name.as_str())
        .collect();
    let mut out = String::from("version: 0.0\n");
    match platform {
        PlatformId::Server => {
            out.push_str(
                "os: linux\nfiles:\n  - source: /\n    destination: /var/www/app\nhooks:\n",
            );
            for h in hooks {
                out.push_str(&format!(
                    "  {h}:\n    - location: scripts/{}.sh\n      timeout: 300\n      runas: root\n",
                    kebab(h)
                ));
            }
        }
        PlatformId::Lambda => {
            out.push_str(
                "Resources:\n  - MyFunction:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: my-function\n        Alias: live\n        CurrentVersion: \"1\"\n        TargetVersion: \"2\"\nHooks:\n",
            );
            for h in hooks {
                out.push_str(&format!("  - {h}: \"{h}HookFunction\"\n"));
            }
        }
        PlatformId::Ecs => {
            out.push_str(
                "Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: \"arn:aws:ecs:us-east-1:111122223333:task-definition/web:2\"\n        LoadBalancerInfo:\n          ContainerName: \"web\"\n          ContainerPort: 80\nHooks:\n",
            );
            for h in hooks {
                out.push_str(&format!("  - {h}: \"{h}HookFunction\"\n"));
            }
        }
    }
    out
}

fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod appspec_tests {
    use super::*;

    fn lifecycle(names: &[(&str, bool)]) -> Lifecycle {
        Lifecycle {
            platform: PlatformId::Lambda,
            kind: DeploymentType::BlueGreen,
            events: names
                .iter()
                .map(|(n, s)| LifecycleEvent {
                    name: (*n).into(),
                    scriptable: *s,
                    validation: false,
                    note: String::new(),
                })
                .collect(),
            source: String::new(),
        }
    }

    #[test]
    fn only_scriptable_events_get_hooks() {
        let l = lifecycle(&[
            ("BeforeAllowTraffic", true),
            ("AllowTraffic", false),
            ("AfterAllowTraffic", true),
        ]);
        let yaml = appspec(PlatformId::Lambda, &l);
        assert!(yaml.contains("  - BeforeAllowTraffic: \"BeforeAllowTrafficHookFunction\"\n"));
        assert!(yaml.contains("AfterAllowTraffic"));
        assert!(!yaml.contains("- AllowTraffic"));
        let server = appspec(
            PlatformId::Server,
            &lifecycle(&[("ApplicationStop", true), ("DownloadBundle", false)]),
        );
        assert!(server
            .contains("hooks:\n  ApplicationStop:\n    - location: scripts/application-stop.sh"));
        assert!(!server.contains("DownloadBundle"));
    }
}
