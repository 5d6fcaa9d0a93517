//! Statistics derived from progress and the bank: mastery per task
//! statement and domain, questions seen, reviews due, the daily streak and
//! the weakest task statements. Questions no longer in the bank are ignored.
//!
//! A question's mastery is the FSRS probability of recalling it now, and 0
//! when it is unseen or its last answer was wrong or a guess.

use std::collections::{BTreeMap, BTreeSet};

use super::progress::Progress;
use super::question::QuestionMeta;
use super::schedule::{Confidence, MS_PER_DAY};

/// The clock as the learner sees it: UTC milliseconds plus the local offset,
/// both passed in so statistics are deterministic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: i64,
    /// Minutes east of UTC (JavaScript's `-getTimezoneOffset()`).
    pub offset_minutes: i32,
}

impl Clock {
    /// Local calendar day number of an instant.
    pub fn day_of(&self, at: i64) -> i64 {
        (at + i64::from(self.offset_minutes) * 60_000).div_euclid(MS_PER_DAY)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now)
    }

    /// The first instant of tomorrow, local time.
    pub fn end_of_today(&self) -> i64 {
        (self.today() + 1) * MS_PER_DAY - i64::from(self.offset_minutes) * 60_000
    }
}

pub fn question_mastery(progress: &Progress, id: &str, now: i64) -> f64 {
    let Some(q) = progress.question(id) else {
        return 0.0;
    };
    match q.reviews.last() {
        Some(last) if last.correct && last.confidence != Confidence::Guessed => {
            q.card().map_or(0.0, |c| c.retrievability(now))
        }
        _ => 0.0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Mastery {
    pub questions: usize,
    pub seen: usize,
    /// Mean mastery, 0.0 to 1.0.
    pub mastery: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    pub total: usize,
    pub seen: usize,
    pub due_now: usize,
    pub due_today: usize,
    pub streak_days: u32,
    pub by_task: BTreeMap<String, Mastery>,
    pub by_domain: BTreeMap<u8, Mastery>,
}

impl Stats {
    pub fn compute(bank: &[QuestionMeta], progress: &Progress, clock: Clock) -> Stats {
        let mut s = Stats {
            total: bank.len(),
            ..Stats::default()
        };
        let mut task_sum: BTreeMap<String, f64> = BTreeMap::new();
        let mut domain_sum: BTreeMap<u8, f64> = BTreeMap::new();
        let end_of_today = clock.end_of_today();
        for q in bank {
            let m = question_mastery(progress, &q.id, clock.now);
            let seen = progress
                .question(&q.id)
                .is_some_and(|p| !p.reviews.is_empty());
            // Due times capped at the exam day (`plan::due_at`).
            if let Some(due) = super::plan::due_at(progress, &q.id, clock.now) {
                s.due_now += usize::from(due <= clock.now);
                s.due_today += usize::from(due < end_of_today);
            }
            s.seen += usize::from(seen);
            for (entry, sum) in [
                (
                    s.by_task.entry(q.task.clone()).or_default(),
                    task_sum.entry(q.task.clone()).or_default(),
                ),
                (
                    s.by_domain.entry(q.domain).or_default(),
                    domain_sum.entry(q.domain).or_default(),
                ),
            ] {
                entry.questions += 1;
                entry.seen += usize::from(seen);
                *sum += m;
            }
        }
        for (task, m) in &mut s.by_task {
            m.mastery = task_sum[task] / m.questions as f64;
        }
        for (domain, m) in &mut s.by_domain {
            m.mastery = domain_sum[domain] / m.questions as f64;
        }
        s.streak_days = streak(progress, clock);
        s
    }

    /// The `n` task statements with the lowest mastery (ties by id).
    pub fn weakest_tasks(&self, n: usize) -> Vec<(&str, Mastery)> {
        let mut tasks: Vec<(&str, Mastery)> =
            self.by_task.iter().map(|(t, m)| (t.as_str(), *m)).collect();
        tasks.sort_by(|a, b| a.1.mastery.total_cmp(&b.1.mastery).then(a.0.cmp(b.0)));
        tasks.truncate(n);
        tasks
    }
}

/// Consecutive local days with at least one answer, ending today — or
/// yesterday, so a streak is not lost before today's study.
pub fn streak(progress: &Progress, clock: Clock) -> u32 {
    let days: BTreeSet<i64> = progress
        .questions
        .values()
        .flat_map(|q| q.reviews.iter().map(|r| clock.day_of(r.at)))
        .collect();
    let today = clock.today();
    let mut day = if days.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        day -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::question::Kind;
    use crate::domain::schedule::Review;

    const DAY: i64 = MS_PER_DAY;
    const T0: i64 = 20_000 * DAY; // midnight UTC of a fixed day

    fn meta(id: &str, task: &str) -> QuestionMeta {
        QuestionMeta {
            id: id.into(),
            domain: task[..1].parse().unwrap(),
            task: task.into(),
            services: vec![],
            kind: Kind::Single,
            difficulty: None,
        }
    }

    fn review(at: i64, correct: bool, confidence: Confidence) -> Review {
        Review {
            at,
            correct,
            confidence,
            ms: None,
        }
    }

    #[test]
    fn mastery_counts_only_known_answers() {
        let bank = [meta("a", "1.1"), meta("b", "1.1"), meta("c", "2.1")];
        let mut p = Progress::default();
        p.record("a", review(T0, true, Confidence::Knew));
        p.record("b", review(T0, true, Confidence::Guessed));
        p.record("gone", review(T0, true, Confidence::Knew));
        let clock = Clock {
            now: T0 + 60_000,
            offset_minutes: 0,
        };
        let s = Stats::compute(&bank, &p, clock);
        assert_eq!(
            (s.total, s.seen),
            (3, 2),
            "a question no longer in the bank is ignored"
        );
        let t = s.by_task["1.1"];
        assert_eq!((t.questions, t.seen), (2, 2));
        assert!(
            (t.mastery - 0.5).abs() < 1e-9,
            "a guess scores 0, a known answer ~1: {}",
            t.mastery
        );
        assert_eq!(s.by_domain[&2].mastery, 0.0);
        assert_eq!(s.weakest_tasks(1)[0].0, "2.1");
        assert_eq!(s.weakest_tasks(5).len(), 2);
    }

    #[test]
    fn due_counts_use_the_schedule_and_local_day() {
        let bank = [meta("a", "1.1")];
        let mut p = Progress::default();
        p.record("a", review(T0, true, Confidence::Knew)); // due again in 10 minutes
        let before = Stats::compute(
            &bank,
            &p,
            Clock {
                now: T0 + 60_000,
                offset_minutes: 0,
            },
        );
        assert_eq!((before.due_now, before.due_today), (0, 1));
        let after = Stats::compute(
            &bank,
            &p,
            Clock {
                now: T0 + 11 * 60_000,
                offset_minutes: 0,
            },
        );
        assert_eq!(after.due_now, 1);
    }

    #[test]
    fn streak_counts_consecutive_local_days() {
        let mut p = Progress::default();
        for d in [0, 1, 2, 4, 5] {
            p.record(
                "a",
                review(T0 + d * DAY + 3_600_000, true, Confidence::Knew),
            );
        }
        let at = |d: i64| Clock {
            now: T0 + d * DAY + 7_200_000,
            offset_minutes: 0,
        };
        assert_eq!(streak(&p, at(5)), 2);
        assert_eq!(streak(&p, at(6)), 2, "yesterday still counts");
        assert_eq!(streak(&p, at(7)), 0);
        assert_eq!(streak(&p, at(2)), 3);
        // 01:00 UTC is still the previous day at UTC−2.
        let west = Clock {
            now: T0 + 5 * DAY + 7_200_000,
            offset_minutes: -120,
        };
        assert_eq!(west.day_of(T0 + 4 * DAY + 3_600_000), 20_003);
        assert_eq!(streak(&p, west), 2);
    }

    #[test]
    fn end_of_today_respects_the_offset() {
        let c = Clock {
            now: T0 + 3_600_000,
            offset_minutes: 60,
        };
        assert_eq!(c.end_of_today(), T0 + DAY - 3_600_000);
    }
}
