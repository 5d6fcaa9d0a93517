//! Traffic on the new version over time for the traffic-shifting
//! configurations (canary, linear, all at once), and the rollout rule types.

use serde::{Deserialize, Serialize};

use super::MinHealthyType;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canary_and_linear_timelines_follow_their_definitions() {
        let c = Strategy::Canary {
            percent: 10,
            interval: 5,
        };
        let at = |minute, percent| Step { minute, percent };
        assert_eq!(traffic_steps(c), vec![at(0, 10), at(5, 100)]);
        assert_eq!(minutes_to_full(c), 5);
        let l = Strategy::Linear {
            percent: 10,
            interval: 3,
        };
        let steps = traffic_steps(l);
        assert_eq!(steps.len(), 10);
        assert_eq!((steps[0], steps[9]), (at(0, 10), at(27, 100)));
        let l30 = Strategy::Linear {
            percent: 30,
            interval: 2,
        };
        assert_eq!(minutes_to_full(l30), 6, "30,60,90,100");
        assert_eq!(minutes_to_full(Strategy::AllAtOnce), 0);
    }
}
