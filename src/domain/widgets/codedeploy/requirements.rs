//! Requirement mode: which configurations meet a learner's largest
//! exposure, time limit and no-downtime requirement, and why the others fail.

use super::{batch_plan, minutes_to_full, traffic_steps, Strategy};

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
    /// EC2 blue/green: the original instances serve until traffic is
    /// rerouted, so no configuration takes the application down.
    pub blue_green: bool,
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
    if req.zero_downtime && !req.blue_green && plan.is_some_and(|p| p.min_healthy == 0) {
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
    use crate::domain::widgets::codedeploy::{MinHealthy, MinHealthyType};

    #[test]
    fn requirements_name_what_breaks() {
        let mut req = Requirements {
            max_exposure: Some(10),
            max_minutes: Some(10),
            zero_downtime: true,
            fleet: 4,
            minutes_per_batch: 5,
            blue_green: false,
        };
        let canary = Strategy::Canary {
            percent: 10,
            interval: 5,
        };
        assert!(violations(canary, &req).is_empty());
        let linear = Strategy::Linear {
            percent: 10,
            interval: 3,
        };
        assert_eq!(
            violations(linear, &req),
            ["takes 27 minutes to reach 100 % (limit 10)"]
        );
        assert_eq!(
            violations(Strategy::AllAtOnce, &req),
            ["exposes 100 % before validation (limit 10 %)"]
        );
        let all = Strategy::MinHealthy(MinHealthy {
            kind: MinHealthyType::FleetPercent,
            value: 0,
        });
        let v = violations(all, &req);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[1].contains("offline at once"));
        // Blue/green: the originals keep serving, so AllAtOnce is not downtime.
        req.blue_green = true;
        req.max_exposure = None;
        assert!(violations(all, &req).is_empty());
    }
}
