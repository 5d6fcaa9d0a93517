//! Pure models behind the scenario simulators. Facts (names, percentages,
//! intervals, hook order, RTO/RPO bands) come from `content/widgets/*.toml`
//! with their AWS documentation sources; the models compute what the views
//! draw, and golden tests pin them to the AWS definitions.

pub mod asg;
pub mod beanstalk;
pub mod codedeploy;
pub mod dr;
pub mod pipeline;

use serde::{Deserialize, Serialize};

/// A documented fact: a sentence and the page that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: String,
    pub source: String,
}

/// Log-scale sliders: position 0–1000 maps to 1 second … 7 days, so every
/// order of magnitude gets the same travel.
pub mod scale {
    pub const MIN_SECONDS: f64 = 1.0;
    pub const MAX_SECONDS: f64 = 604_800.0;
    pub const STEPS: u32 = 1000;

    pub fn seconds(position: u32) -> u64 {
        let t = f64::from(position.min(STEPS)) / f64::from(STEPS);
        (MIN_SECONDS * (MAX_SECONDS / MIN_SECONDS).powf(t)).round() as u64
    }

    pub fn position(seconds: u64) -> u32 {
        let s = (seconds as f64).clamp(MIN_SECONDS, MAX_SECONDS);
        ((s / MIN_SECONDS).ln() / (MAX_SECONDS / MIN_SECONDS).ln() * f64::from(STEPS)).round()
            as u32
    }

    /// Where `seconds` falls on a log axis of `length` pixels.
    pub fn fraction(seconds: u64) -> f64 {
        f64::from(position(seconds)) / f64::from(STEPS)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn ends_and_round_trips() {
            assert_eq!(seconds(0), 1);
            assert_eq!(seconds(STEPS), 604_800);
            for s in [1, 30, 60, 900, 3600, 14_400, 86_400, 259_200] {
                let back = seconds(position(s));
                assert!(
                    (back as f64 - s as f64).abs() / (s as f64) < 0.01,
                    "{s} -> {back}"
                );
            }
            assert!(position(3600) > position(60));
        }
    }
}
