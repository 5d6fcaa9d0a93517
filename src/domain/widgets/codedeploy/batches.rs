//! EC2/On-Premises batches from the minimum-healthy-hosts rules: the
//! in-place plan, the verdict when one instance fails, and the blue/green
//! rerouting batches on the replacement instances.

use super::{MinHealthy, MinHealthyType};

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

/// Blue/green on EC2: the replacement instances get the revision, then
/// traffic is rerouted to them in batches. The predefined configurations
/// reroute to all, up to half, or one replacement instance at a time, which
/// is what `batch_plan` gives on the replacement fleet; the original
/// instances are deregistered (BlockTraffic) once rerouting is done.
pub fn blue_green_plan(min: MinHealthy, replacements: u32) -> Result<BatchPlan, String> {
    batch_plan(min, replacements)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Failed,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Succeeded => "succeeded",
            Outcome::Failed => "failed",
        }
    }
}

/// How an in-place deployment ends when one instance fails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// Instances that got the revision.
    pub succeeded: u32,
    /// Instances never attempted because CodeDeploy stopped first.
    pub skipped: u32,
    pub reason: String,
}

/// Replays an in-place deployment with instance `failed` (1-based, in
/// deployment order) failing. Before each batch CodeDeploy takes offline
/// only as many instances as keep the healthy count at or above the
/// minimum; a failed instance stays unhealthy, so when not even one more
/// instance can go offline the deployment stops as failed. At the end it
/// succeeds only if at least the minimum, and at least one instance, got
/// the revision (instances-health, deployment-configurations).
pub fn in_place_verdict(
    min: MinHealthy,
    fleet: u32,
    failed: Option<u32>,
) -> Result<Verdict, String> {
    let plan = batch_plan(min, fleet)?;
    let failed = failed.filter(|k| (1..=fleet).contains(k));
    let mut next = 1;
    let mut failures = 0;
    while next <= fleet {
        let healthy = fleet - failures;
        let room = healthy.saturating_sub(plan.min_healthy);
        if room == 0 {
            let skipped = fleet - next + 1;
            return Ok(Verdict {
                outcome: Outcome::Failed,
                succeeded: next - 1 - failures,
                skipped,
                reason: format!(
                    "After instance {} failed only {healthy} instances are healthy; taking the next one offline would leave fewer than the minimum of {}, so CodeDeploy stops the deployment as failed with {skipped} instances not attempted.",
                    failed.unwrap_or(0),
                    plan.min_healthy
                ),
            });
        }
        let batch = plan.batch_size.min(room).min(fleet - next + 1);
        if failed.is_some_and(|k| (next..next + batch).contains(&k)) {
            failures += 1;
        }
        next += batch;
    }
    let succeeded = fleet - failures;
    let (outcome, reason) = if succeeded == 0 {
        (
            Outcome::Failed,
            "No instance got the revision, and at least one must succeed even when the minimum is 0.".to_string(),
        )
    } else if succeeded < plan.min_healthy {
        (
            Outcome::Failed,
            format!(
                "Only {succeeded} instances got the revision; the minimum is {}.",
                plan.min_healthy
            ),
        )
    } else if failures > 0 {
        (
            Outcome::Succeeded,
            format!(
                "{succeeded} of {fleet} instances got the revision, at least the minimum of {} (and at least one), so the deployment succeeds although one instance failed.",
                plan.min_healthy
            ),
        )
    } else {
        (
            Outcome::Succeeded,
            format!("All {fleet} instances got the revision."),
        )
    };
    Ok(Verdict {
        outcome,
        succeeded,
        skipped: 0,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: MinHealthy = MinHealthy {
        kind: MinHealthyType::MostConcurrency,
        value: 1,
    };
    const ALL: MinHealthy = MinHealthy {
        kind: MinHealthyType::FleetPercent,
        value: 0,
    };
    const HALF: MinHealthy = MinHealthy {
        kind: MinHealthyType::FleetPercent,
        value: 50,
    };

    fn outcome(min: MinHealthy, fleet: u32, k: u32) -> Outcome {
        in_place_verdict(min, fleet, Some(k)).unwrap().outcome
    }

    #[test]
    fn fleet_percent_rounds_up_and_batches_fill_the_rest() {
        assert_eq!(
            batch_plan(HALF, 5).unwrap(),
            BatchPlan {
                min_healthy: 3,
                batch_size: 2,
                batches: vec![2, 2, 1]
            }
        );
        assert_eq!(batch_plan(HALF, 4).unwrap().batches, vec![2, 2]);
        assert_eq!(batch_plan(ALL, 6).unwrap().batches, vec![6]);
        let three = MinHealthy {
            kind: MinHealthyType::HostCount,
            value: 3,
        };
        assert!(batch_plan(three, 3).is_err());
        assert!(batch_plan(HALF, 1).is_err(), "50 % of one rounds up to one");
    }

    #[test]
    fn the_api_reference_examples_hold() {
        // MinimumHealthyHosts: nine instances with HOST_COUNT 6 deploy up to
        // three at a time; with FLEET_PERCENT 40, up to five.
        let nine = |kind, value| batch_plan(MinHealthy { kind, value }, 9).unwrap();
        assert_eq!(nine(MinHealthyType::HostCount, 6).batch_size, 3);
        let p40 = nine(MinHealthyType::FleetPercent, 40);
        assert_eq!((p40.min_healthy, p40.batch_size), (4, 5));
        assert_eq!(batch_plan(ONE, 4).unwrap().batches, vec![1, 1, 1, 1]);
        assert_eq!(batch_plan(ONE, 1).unwrap().batches, vec![1]);
    }

    #[test]
    fn one_at_a_time_tolerates_only_a_failure_on_the_last_instance() {
        for k in 1..6 {
            assert_eq!(outcome(ONE, 6, k), Outcome::Failed, "instance {k}");
        }
        assert_eq!(outcome(ONE, 6, 6), Outcome::Succeeded);
        assert_eq!(outcome(ONE, 1, 1), Outcome::Failed, "single instance");
        let v = in_place_verdict(ONE, 6, Some(2)).unwrap();
        assert_eq!((v.succeeded, v.skipped), (1, 4));
    }

    #[test]
    fn all_at_once_needs_one_success_and_half_needs_half() {
        assert_eq!(outcome(ALL, 4, 1), Outcome::Succeeded);
        assert_eq!(outcome(ALL, 1, 1), Outcome::Failed);
        for k in 1..=6 {
            assert_eq!(outcome(HALF, 6, k), Outcome::Succeeded, "instance {k}");
        }
        // instances-health: 85 % of 10 must stay healthy, so one failure
        // fails the deployment.
        let p85 = MinHealthy {
            kind: MinHealthyType::FleetPercent,
            value: 85,
        };
        assert_eq!(outcome(p85, 10, 1), Outcome::Failed);
        assert_eq!(
            in_place_verdict(p85, 10, None).unwrap().outcome,
            Outcome::Succeeded
        );
    }

    #[test]
    fn blue_green_reroutes_to_all_half_or_one_at_a_time() {
        assert_eq!(blue_green_plan(ALL, 6).unwrap().batches, vec![6]);
        assert_eq!(blue_green_plan(HALF, 6).unwrap().batches, vec![3, 3]);
        assert_eq!(blue_green_plan(ONE, 3).unwrap().batches, vec![1, 1, 1]);
    }
}
