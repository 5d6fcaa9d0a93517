//! The disaster-recovery model: the four AWS strategies with their typical
//! RTO and RPO bands, two separate axes (Well-Architected REL13-BP02), and
//! relative cost; the recommendation of the cheapest strategy that meets
//! both of a workload's targets, with the reason each cheaper one fails;
//! the alternatives (point-in-time recovery, Elastic Disaster Recovery) that
//! can change that answer; and the failover routes by plane.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub id: String,
    pub name: String,
    pub cost_rank: u8,
    pub rto_min_seconds: u64,
    pub rto_max_seconds: u64,
    pub rpo_min_seconds: u64,
    pub rpo_max_seconds: u64,
    pub rto_label: String,
    pub rpo_label: String,
    pub serves_during_region_outage: bool,
    pub primary: Vec<String>,
    pub recovery: Vec<String>,
    pub failover: Vec<String>,
    pub summary: String,
    pub source: String,
    /// The page that gives this strategy's RTO and RPO bands.
    pub band_source: String,
}

/// Something that moves a strategy's band: continuous backups with
/// point-in-time recovery, or AWS Elastic Disaster Recovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub id: String,
    pub name: String,
    /// The strategy whose running cost it keeps.
    pub cost_like: String,
    pub rto_max_seconds: u64,
    pub rpo_max_seconds: u64,
    pub text: String,
    pub source: String,
}

/// One way of moving traffic at failover, and which plane it relies on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailoverRoute {
    pub id: String,
    pub name: String,
    /// `data` or `control`.
    pub plane: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByStrategy {
    pub backup_restore: Vec<String>,
    pub pilot_light: Vec<String>,
    pub warm_standby: Vec<String>,
    pub active_active: Vec<String>,
}

impl ByStrategy {
    pub fn get(&self, id: &str) -> &[String] {
        match id {
            "backup_restore" => &self.backup_restore,
            "pilot_light" => &self.pilot_light,
            "warm_standby" => &self.warm_standby,
            "active_active" => &self.active_active,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    pub id: String,
    pub name: String,
    pub by_strategy: ByStrategy,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFact {
    pub id: String,
    pub name: String,
    pub text: String,
    pub source: String,
}

/// Everything the chooser knows, from `content/widgets/dr.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrFacts {
    pub title: String,
    pub source: String,
    pub strategy: Vec<Strategy>,
    pub store: Vec<Store>,
    pub service: Vec<ServiceFact>,
    #[serde(default)]
    pub alternative: Vec<Alternative>,
    #[serde(default)]
    pub failover_route: Vec<FailoverRoute>,
}

pub const STRATEGY_IDS: [&str; 4] = [
    "backup_restore",
    "pilot_light",
    "warm_standby",
    "active_active",
];
pub const STORE_IDS: [&str; 4] = ["relational", "dynamodb", "s3", "ec2_ebs"];

impl DrFacts {
    /// Strategies from cheapest to most expensive.
    pub fn by_cost(&self) -> Vec<&Strategy> {
        let mut v: Vec<&Strategy> = self.strategy.iter().collect();
        v.sort_by_key(|s| s.cost_rank);
        v
    }

    pub fn strategy(&self, id: &str) -> Option<&Strategy> {
        self.strategy.iter().find(|s| s.id == id)
    }

    /// Problems with the facts themselves, for the content compiler.
    pub fn check(&self) -> Vec<String> {
        let mut out = Vec::new();
        for id in STRATEGY_IDS {
            if self.strategy(id).is_none() {
                out.push(format!("strategy `{id}` is missing"));
            }
        }
        for id in STORE_IDS {
            match self.store.iter().find(|s| s.id == id) {
                None => out.push(format!("store `{id}` is missing")),
                Some(s) => {
                    for st in STRATEGY_IDS {
                        if s.by_strategy.get(st).is_empty() {
                            out.push(format!("store `{id}` names no service for `{st}`"));
                        }
                    }
                }
            }
        }
        let costs: std::collections::BTreeSet<u8> =
            self.strategy.iter().map(|s| s.cost_rank).collect();
        if costs.len() != self.strategy.len() {
            out.push("cost ranks must differ".into());
        }
        for s in &self.strategy {
            if s.rto_min_seconds > s.rto_max_seconds || s.rpo_min_seconds > s.rpo_max_seconds {
                out.push(format!("{}: a band's minimum exceeds its maximum", s.id));
            }
            if !s.band_source.starts_with("https://docs.aws.amazon.com/") {
                out.push(format!(
                    "{}: band_source must be a https://docs.aws.amazon.com/ page",
                    s.id
                ));
            }
            if s.failover.is_empty() || s.recovery.is_empty() || s.primary.is_empty() {
                out.push(format!(
                    "{}: primary, recovery and failover must not be empty",
                    s.id
                ));
            }
        }
        for a in &self.alternative {
            if self.strategy(&a.cost_like).is_none() {
                out.push(format!(
                    "alternative `{}`: unknown strategy `{}`",
                    a.id, a.cost_like
                ));
            }
        }
        for r in &self.failover_route {
            if r.plane != "data" && r.plane != "control" {
                out.push(format!(
                    "failover route `{}`: plane must be data or control",
                    r.id
                ));
            }
        }
        out
    }
}

/// How much cost matters against margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostSensitivity {
    /// Accept a strategy whose best case meets the targets.
    Lowest,
    /// The strategy's whole band must meet the targets.
    #[default]
    Balanced,
    /// Like balanced, one step up for margin.
    Resilience,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub rto_seconds: u64,
    pub rpo_seconds: u64,
    pub cost: CostSensitivity,
    pub serve_during_outage: bool,
}

/// Whether one strategy fits, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub id: String,
    pub fits: bool,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The cheapest fitting strategy; `None` when none fits.
    pub chosen: Option<String>,
    /// Every strategy from cheapest up, with its verdict.
    pub verdicts: Vec<Verdict>,
}

/// `3600` → "1 h"; used in reasons and chart labels.
pub fn human(seconds: u64) -> String {
    match seconds {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min", s / 60),
        s if s < 86_400 => format!("{} h", s / 3600),
        s => format!("{} d", s / 86_400),
    }
}

pub fn recommend(facts: &DrFacts, t: Targets) -> Recommendation {
    let lenient = t.cost == CostSensitivity::Lowest;
    let verdicts: Vec<Verdict> = facts
        .by_cost()
        .into_iter()
        .map(|s| {
            let (rto, rpo) = if lenient {
                (s.rto_min_seconds, s.rpo_min_seconds)
            } else {
                (s.rto_max_seconds, s.rpo_max_seconds)
            };
            let mut reasons = Vec::new();
            if rto > t.rto_seconds {
                reasons.push(format!(
                    "recovery takes up to {} ({}), longer than the {} RTO",
                    human(rto),
                    s.rto_label.to_lowercase(),
                    human(t.rto_seconds)
                ));
            }
            if rpo > t.rpo_seconds {
                reasons.push(format!(
                    "can lose up to {} of data ({}), more than the {} RPO",
                    human(rpo),
                    s.rpo_label.to_lowercase(),
                    human(t.rpo_seconds)
                ));
            }
            if t.serve_during_outage && !s.serves_during_region_outage {
                reasons.push("stops serving until failover completes".into());
            }
            Verdict {
                id: s.id.clone(),
                fits: reasons.is_empty(),
                reasons,
            }
        })
        .collect();
    let first = verdicts.iter().position(|v| v.fits);
    let chosen = first.map(|i| {
        let i = if t.cost == CostSensitivity::Resilience {
            (i + 1).min(verdicts.len() - 1)
        } else {
            i
        };
        verdicts[i].id.clone()
    });
    Recommendation { chosen, verdicts }
}

/// Whether an alternative meets the targets, and whether it costs less than
/// the recommended strategy (or anything, when none was found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AltVerdict {
    pub id: String,
    pub meets: bool,
    pub cheaper: bool,
}

/// Every alternative with its verdict, in the facts' order.
pub fn alternatives(facts: &DrFacts, t: Targets, rec: &Recommendation) -> Vec<AltVerdict> {
    let rank = |id: &str| facts.strategy(id).map_or(u8::MAX, |s| s.cost_rank);
    let chosen = rec.chosen.as_deref().map_or(u8::MAX, rank);
    facts
        .alternative
        .iter()
        .map(|a| AltVerdict {
            id: a.id.clone(),
            // Neither keeps serving through the outage: both recover first.
            meets: a.rto_max_seconds <= t.rto_seconds
                && a.rpo_max_seconds <= t.rpo_seconds
                && !t.serve_during_outage,
            cheaper: rank(&a.cost_like) < chosen,
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn strategy(
        id: &str,
        cost: u8,
        rto: (u64, u64),
        rpo: (u64, u64),
        serves: bool,
    ) -> Strategy {
        Strategy {
            id: id.into(),
            name: id.into(),
            cost_rank: cost,
            rto_min_seconds: rto.0,
            rto_max_seconds: rto.1,
            rpo_min_seconds: rpo.0,
            rpo_max_seconds: rpo.1,
            rto_label: "x".into(),
            rpo_label: "y".into(),
            serves_during_region_outage: serves,
            primary: vec!["a".into()],
            recovery: vec!["b".into()],
            failover: vec!["c".into()],
            summary: String::new(),
            source: "https://docs.aws.amazon.com/".into(),
            band_source: "https://docs.aws.amazon.com/".into(),
        }
    }

    fn facts() -> DrFacts {
        DrFacts {
            title: "t".into(),
            source: "s".into(),
            strategy: vec![
                strategy("warm_standby", 3, (60, 3600), (1, 60), false),
                strategy("backup_restore", 1, (3600, 86_400), (3600, 86_400), false),
                strategy("active_active", 4, (0, 60), (0, 1), true),
                strategy("pilot_light", 2, (600, 3600), (1, 600), false),
            ],
            store: vec![],
            service: vec![],
            alternative: vec![],
            failover_route: vec![],
        }
    }

    fn pick(rto: u64, rpo: u64, cost: CostSensitivity, serve: bool) -> Option<String> {
        recommend(
            &facts(),
            Targets {
                rto_seconds: rto,
                rpo_seconds: rpo,
                cost,
                serve_during_outage: serve,
            },
        )
        .chosen
    }

    #[test]
    fn the_cheapest_strategy_that_meets_the_targets_wins() {
        assert_eq!(
            pick(2 * 86_400, 86_400, CostSensitivity::Balanced, false).as_deref(),
            Some("backup_restore")
        );
        assert_eq!(
            pick(3600, 600, CostSensitivity::Balanced, false).as_deref(),
            Some("pilot_light")
        );
        assert_eq!(
            pick(3600, 60, CostSensitivity::Balanced, false).as_deref(),
            Some("warm_standby")
        );
        assert_eq!(
            pick(60, 1, CostSensitivity::Balanced, false).as_deref(),
            Some("active_active")
        );
        assert_eq!(pick(1, 0, CostSensitivity::Balanced, false), None);
    }

    #[test]
    fn cost_sensitivity_and_serving_change_the_pick() {
        assert_eq!(
            pick(3600, 3600, CostSensitivity::Lowest, false).as_deref(),
            Some("backup_restore")
        );
        assert_eq!(
            pick(3600, 3600, CostSensitivity::Balanced, false).as_deref(),
            Some("pilot_light")
        );
        assert_eq!(
            pick(3600, 3600, CostSensitivity::Resilience, false).as_deref(),
            Some("warm_standby")
        );
        assert_eq!(
            pick(86_400, 86_400, CostSensitivity::Balanced, true).as_deref(),
            Some("active_active")
        );
    }

    #[test]
    fn cheaper_strategies_say_why_they_fail() {
        let r = recommend(
            &facts(),
            Targets {
                rto_seconds: 3600,
                rpo_seconds: 60,
                cost: CostSensitivity::Balanced,
                serve_during_outage: false,
            },
        );
        assert_eq!(r.verdicts[0].id, "backup_restore");
        assert_eq!(r.verdicts[0].reasons.len(), 2);
        assert!(
            r.verdicts[1].reasons[0].contains("10 min of data"),
            "{:?}",
            r.verdicts[1]
        );
        assert!(r.verdicts[2].fits);
    }

    #[test]
    fn human_durations() {
        assert_eq!(human(30), "30 s");
        assert_eq!(human(600), "10 min");
        assert_eq!(human(7200), "2 h");
        assert_eq!(human(172_800), "2 d");
    }
}
