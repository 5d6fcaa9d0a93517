//! Spaced repetition with FSRS (through the `rs-fsrs` crate). A question's
//! card is never stored: it is replayed from the question's review history,
//! so merging two progress documents (two tabs, an import) is a union of
//! reviews and the schedule follows deterministically.
//!
//! Correctness and confidence decide the FSRS rating together, so a lucky
//! guess counts as not known.

use chrono::{DateTime, TimeZone, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};
use serde::{Deserialize, Serialize};

pub const MS_PER_DAY: i64 = 86_400_000;

/// How sure the learner was, asked after each answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Guessed,
    Unsure,
    Knew,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Guessed, Confidence::Unsure, Confidence::Knew];

    pub fn label(self) -> &'static str {
        match self {
            Confidence::Guessed => "I guessed",
            Confidence::Unsure => "Unsure",
            Confidence::Knew => "I knew it",
        }
    }
}

/// The FSRS rating for an answer: wrong, or right by a guess, is "Again";
/// right but unsure is "Hard"; right and sure is "Good".
pub fn rating(correct: bool, confidence: Confidence) -> Rating {
    match (correct, confidence) {
        (false, _) | (true, Confidence::Guessed) => Rating::Again,
        (true, Confidence::Unsure) => Rating::Hard,
        (true, Confidence::Knew) => Rating::Good,
    }
}

/// One answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Review {
    /// When, in milliseconds since the Unix epoch (UTC).
    pub at: i64,
    pub correct: bool,
    pub confidence: Confidence,
    /// How long the learner took to answer, in milliseconds, from the
    /// question being shown to the answer being given. `None` for answers
    /// recorded before schema 2, or where the time is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ms: Option<u32>,
}

/// The scheduling state of a question after its reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardState {
    pub due: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub reps: i32,
    pub lapses: i32,
    pub last_review: i64,
    pub learning: bool,
}

impl CardState {
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }

    /// Probability of recalling the answer at `now` (FSRS forgetting curve).
    pub fn retrievability(&self, now: i64) -> f64 {
        let elapsed_days = ((now - self.last_review).max(0) / MS_PER_DAY) as f64;
        Parameters::forgetting_curve(elapsed_days, self.stability.max(0.01))
    }
}

fn time(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn scheduler() -> FSRS {
    // Defaults: 90 % desired retention, short-term steps on, no fuzz, so the
    // same history always gives the same schedule.
    FSRS::new(Parameters::default())
}

/// Replays reviews (in time order) into the card they produce; `None` for a
/// question never answered.
pub fn replay(reviews: &[Review]) -> Option<CardState> {
    let first = reviews.first()?;
    let fsrs = scheduler();
    let mut card = Card {
        due: time(first.at),
        last_review: time(first.at),
        ..Card::default()
    };
    for r in reviews {
        card = fsrs
            .next(card, time(r.at), rating(r.correct, r.confidence))
            .card;
    }
    Some(CardState {
        due: card.due.timestamp_millis(),
        stability: card.stability,
        difficulty: card.difficulty,
        reps: card.reps,
        lapses: card.lapses,
        last_review: card.last_review.timestamp_millis(),
        learning: matches!(card.state, State::Learning | State::Relearning),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_785_000_000_000; // a fixed instant in 2026

    fn review(day: f64, correct: bool, confidence: Confidence) -> Review {
        Review {
            at: T0 + (day * MS_PER_DAY as f64) as i64,
            correct,
            confidence,
            ms: None,
        }
    }

    #[test]
    fn a_lucky_guess_is_treated_as_not_known() {
        assert_eq!(rating(true, Confidence::Guessed), Rating::Again);
        assert_eq!(rating(false, Confidence::Knew), Rating::Again);
        assert_eq!(rating(true, Confidence::Unsure), Rating::Hard);
        assert_eq!(rating(true, Confidence::Knew), Rating::Good);
        let guessed = replay(&[review(0.0, true, Confidence::Guessed)]).unwrap();
        let wrong = replay(&[review(0.0, false, Confidence::Knew)]).unwrap();
        assert_eq!(guessed, wrong, "same schedule as a wrong answer");
    }

    #[test]
    fn golden_schedule_for_a_fixed_history() {
        // Golden values, checked by hand against FSRS-5 with default weights:
        // first Good gives S = w2 = 3.1262; the same-day Good applies the
        // short-term rule S·e^(w17·(G−3+w18)) = 3.1262·e^(0.5034·0.6567)
        // = 4.351, and at 90 % retention the interval equals S, rounded: 4 days.
        let first = replay(&[review(0.0, true, Confidence::Knew)]).unwrap();
        assert_eq!(
            first.due - T0,
            10 * 60_000,
            "Good on a new card: relearn in 10 minutes"
        );
        assert!(first.learning);
        let history = [
            review(0.0, true, Confidence::Knew),
            review(0.01, true, Confidence::Knew),
        ];
        let graduated = replay(&history).unwrap();
        assert!(!graduated.learning);
        let days = (graduated.due - history[1].at) as f64 / MS_PER_DAY as f64;
        assert!(
            (days - days.round()).abs() < 1e-9 && days >= 1.0,
            "interval in whole days: {days}"
        );
        let golden = (days, (graduated.stability * 1000.0).round() / 1000.0);
        assert_eq!(golden, (4.0, 4.351));
    }

    #[test]
    fn confidence_orders_intervals_and_lapses_count() {
        let interval = |c: Confidence| {
            let h = [
                review(0.0, true, Confidence::Knew),
                review(0.01, true, Confidence::Knew),
                review(3.0, true, c),
            ];
            let card = replay(&h).unwrap();
            card.due - h[2].at
        };
        assert!(interval(Confidence::Knew) > interval(Confidence::Unsure));
        assert!(interval(Confidence::Unsure) > interval(Confidence::Guessed));
        let lapsed = replay(&[
            review(0.0, true, Confidence::Knew),
            review(0.01, true, Confidence::Knew),
            review(3.0, false, Confidence::Unsure),
        ])
        .unwrap();
        assert_eq!(lapsed.lapses, 1);
        assert!(lapsed.learning);
    }

    #[test]
    fn replay_is_deterministic_and_empty_is_unseen() {
        let h = [
            review(0.0, false, Confidence::Unsure),
            review(0.5, true, Confidence::Knew),
        ];
        assert_eq!(replay(&h), replay(&h));
        assert_eq!(replay(&[]), None);
    }

    #[test]
    fn retrievability_decays_with_time() {
        let card = replay(&[
            review(0.0, true, Confidence::Knew),
            review(0.01, true, Confidence::Knew),
        ])
        .unwrap();
        let soon = card.retrievability(card.last_review + MS_PER_DAY);
        let later = card.retrievability(card.last_review + 30 * MS_PER_DAY);
        assert!(soon > later && soon <= 1.0 && later > 0.0);
    }
}
