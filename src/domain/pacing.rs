//! Time per answer and exam pacing: the practice stopwatch (pausable while
//! the tab is hidden), the exam's per-question time credited on each clock
//! tick, the pace checkpoints the exam clock announces, and the report's
//! pacing summary (totals, slowest questions, time by domain, the
//! remaining-time curve).
//!
//! Time comes from the caller (`performance.now()` or the wall clock in the
//! view), so every rule is tested natively with golden numbers.

use std::collections::BTreeMap;

use super::exam::Item;

/// Longer than this on one answer is not thinking time (a walk away, a
/// forgotten tab): the value is capped, not trusted.
pub const MAX_ANSWER_MS: u32 = 30 * 60_000;

/// The real exam's pace: 180 minutes for 75 questions, 2.4 minutes each.
pub const BUDGET_MS_PER_QUESTION: u32 = 180 * 60_000 / 75;

/// Milliseconds as a whole number within `0..=MAX_ANSWER_MS`.
fn capped(ms: f64) -> u32 {
    if ms.is_nan() || ms <= 0.0 {
        0
    } else {
        ms.min(f64::from(MAX_ANSWER_MS)).round() as u32
    }
}

/// Time on one practice question, in the units of `performance.now()`.
/// Paused time (a hidden tab) does not count.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stopwatch {
    /// Time counted before the current run.
    banked: f64,
    /// When the current run started; `None` while paused.
    running_since: Option<f64>,
}

impl Stopwatch {
    pub fn start(at: f64) -> Stopwatch {
        Stopwatch {
            banked: 0.0,
            running_since: Some(at),
        }
    }

    #[must_use]
    pub fn pause(self, at: f64) -> Stopwatch {
        match self.running_since {
            Some(since) => Stopwatch {
                banked: self.banked + (at - since).max(0.0),
                running_since: None,
            },
            None => self,
        }
    }

    #[must_use]
    pub fn resume(self, at: f64) -> Stopwatch {
        match self.running_since {
            Some(_) => self,
            None => Stopwatch {
                banked: self.banked,
                running_since: Some(at),
            },
        }
    }

    /// Counted time so far, capped at [`MAX_ANSWER_MS`].
    pub fn elapsed_ms(&self, at: f64) -> u32 {
        let running = self.running_since.map_or(0.0, |s| (at - s).max(0.0));
        capped(self.banked + running)
    }
}

/// Credits the exam time between two ticks to the question on screen.
/// `now` is clamped to the deadline, so the times never add up to more than
/// the exam allows; a clock that went backwards credits nothing.
pub fn credit(
    times: &mut BTreeMap<String, u32>,
    id: &str,
    last_tick: i64,
    now: i64,
    deadline: i64,
) {
    let delta = now.min(deadline) - last_tick;
    if delta > 0 {
        let t = times.entry(id.to_string()).or_default();
        *t = t.saturating_add(u32::try_from(delta).unwrap_or(u32::MAX));
    }
}

/// How the candidate stands against the ideal pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Whole minutes behind.
    Behind(u32),
    /// Within a minute of the ideal.
    OnPace,
    /// Whole minutes ahead.
    Ahead(u32),
}

/// A pace check at one of the exam's checkpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// 1, 2 or 3: after each quarter of the time.
    pub quarter: u8,
    /// Minutes into the exam at the checkpoint.
    pub minute: u32,
    /// Questions the ideal pace has answered by then.
    pub expected: usize,
    pub pace: Pace,
}

impl Checkpoint {
    /// "45 min gone: 15 of 75 answered (19 at an even pace), 9 min behind pace".
    pub fn message(&self, answered: usize, total: usize) -> String {
        let pace = match self.pace {
            Pace::Behind(m) => format!("{m} min behind pace"),
            Pace::OnPace => "on pace".into(),
            Pace::Ahead(m) => format!("{m} min ahead of pace"),
        };
        format!(
            "{} min gone: {answered} of {total} answered ({} at an even pace), {pace}",
            self.minute, self.expected
        )
    }
}

/// The latest checkpoint passed `elapsed_ms` into an exam of `allowed_ms`
/// (checkpoints at each quarter of the time), with the pace of `answered`
/// of `total` questions measured at that checkpoint — so the message changes
/// when a checkpoint passes or a question is answered, not every second.
/// `None` before the first quarter.
pub fn checkpoint(
    answered: usize,
    total: usize,
    elapsed_ms: i64,
    allowed_ms: i64,
) -> Option<Checkpoint> {
    if total == 0 || allowed_ms <= 0 || elapsed_ms < 0 {
        return None;
    }
    let quarter = (elapsed_ms.saturating_mul(4) / allowed_ms).min(3);
    if quarter == 0 {
        return None;
    }
    let at_ms = allowed_ms * quarter / 4;
    let budget = allowed_ms as f64 / total as f64;
    // Positive: the ideal pace would have spent less time on this many.
    let behind_min = (at_ms as f64 - answered as f64 * budget) / 60_000.0;
    let pace = if behind_min >= 1.0 {
        Pace::Behind(behind_min.round() as u32)
    } else if behind_min <= -1.0 {
        Pace::Ahead((-behind_min).round() as u32)
    } else {
        Pace::OnPace
    };
    Some(Checkpoint {
        quarter: quarter as u8,
        minute: (at_ms / 60_000) as u32,
        expected: (total as i64 * quarter / 4) as usize,
        pace,
    })
}

/// An attempt's pacing, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Time on questions, all visits.
    pub total_ms: u64,
    pub average_ms: u32,
    pub budget_ms: u32,
    /// Exam positions (0-based) over budget, in exam order.
    pub over_budget: Vec<usize>,
    /// Up to five slowest: (position, ms), slowest first.
    pub slowest: Vec<(usize, u32)>,
    /// Per domain: (questions, ms).
    pub by_domain: BTreeMap<u8, (usize, u64)>,
    /// Time remaining after each question, taken in exam order
    /// (`remaining[i]` after question `i + 1`), and the ideal pace's.
    pub remaining_ms: Vec<i64>,
    pub ideal_ms: Vec<i64>,
    pub allowed_ms: i64,
}

/// The pacing of an attempt, or `None` when no time was recorded (attempts
/// from before schema 2). Questions with no time count as 0 ms.
pub fn summarize(
    items: &[Item],
    times: &BTreeMap<String, u32>,
    domain_of: impl Fn(&str) -> Option<u8>,
    allowed_ms: i64,
) -> Option<Summary> {
    if times.is_empty() || items.is_empty() {
        return None;
    }
    let budget_ms = u32::try_from(allowed_ms / items.len() as i64).unwrap_or(u32::MAX);
    let per: Vec<u32> = items
        .iter()
        .map(|i| times.get(&i.id).copied().unwrap_or(0))
        .collect();
    let total_ms: u64 = per.iter().map(|&t| u64::from(t)).sum();
    let mut slowest: Vec<(usize, u32)> = per.iter().copied().enumerate().collect();
    slowest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    slowest.truncate(5);
    let mut by_domain: BTreeMap<u8, (usize, u64)> = BTreeMap::new();
    for (item, &t) in items.iter().zip(&per) {
        if let Some(d) = domain_of(&item.id) {
            let e = by_domain.entry(d).or_default();
            e.0 += 1;
            e.1 += u64::from(t);
        }
    }
    let mut left = allowed_ms;
    let remaining_ms = per
        .iter()
        .map(|&t| {
            left -= i64::from(t);
            left
        })
        .collect();
    let ideal_ms = (1..=items.len() as i64)
        .map(|i| allowed_ms - allowed_ms * i / items.len() as i64)
        .collect();
    Some(Summary {
        total_ms,
        average_ms: (total_ms / items.len() as u64) as u32,
        budget_ms,
        over_budget: (0..per.len()).filter(|&i| per[i] > budget_ms).collect(),
        slowest,
        by_domain,
        remaining_ms,
        ideal_ms,
        allowed_ms,
    })
}

/// "2.4 min" or "45 s": minutes with one decimal from a minute up.
pub fn format_ms(ms: u64) -> String {
    if ms < 60_000 {
        format!("{} s", (ms + 500) / 1000)
    } else {
        format!("{:.1} min", ms as f64 / 60_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(ids: &[&str]) -> Vec<Item> {
        ids.iter()
            .map(|id| Item {
                id: (*id).into(),
                scored: true,
            })
            .collect()
    }

    #[test]
    fn the_budget_is_the_real_exams_pace() {
        assert_eq!(BUDGET_MS_PER_QUESTION, 144_000, "2.4 minutes");
    }

    #[test]
    fn stopwatch_skips_hidden_time_and_caps() {
        let w = Stopwatch::start(1_000.0);
        assert_eq!(w.elapsed_ms(4_000.4), 3_000);
        // Hidden from 4 s to 64 s: that minute does not count.
        let w = w.pause(4_000.0).pause(5_000.0).resume(64_000.0);
        assert_eq!(w.elapsed_ms(66_000.0), 5_000);
        assert_eq!(
            w.resume(70_000.0).elapsed_ms(66_000.0),
            5_000,
            "resume while running is a no-op"
        );
        assert_eq!(
            Stopwatch::start(0.0).elapsed_ms(-5.0),
            0,
            "a clock going back"
        );
        assert_eq!(
            Stopwatch::start(0.0).elapsed_ms(3.0 * 3_600_000.0),
            MAX_ANSWER_MS,
            "three hours away is capped at 30 min"
        );
        assert_eq!(Stopwatch::default().elapsed_ms(9.0), 0);
    }

    #[test]
    fn credit_adds_up_to_the_deadline_only() {
        let mut t = BTreeMap::new();
        credit(&mut t, "a", 1_000, 2_000, 10_000);
        credit(&mut t, "a", 2_000, 3_500, 10_000);
        credit(&mut t, "b", 3_500, 3_000, 10_000);
        assert_eq!(t, BTreeMap::from([("a".to_string(), 2_500)]));
        credit(&mut t, "b", 9_000, 50_000, 10_000);
        assert_eq!(t["b"], 1_000, "clamped to the deadline");
    }

    #[test]
    fn checkpoints_each_quarter_golden() {
        let full = 180 * 60_000;
        assert_eq!(checkpoint(10, 75, 44 * 60_000, full), None);
        // 45 min in, 15 answered: the even pace has 18.75 done; 15 × 2.4 = 36
        // min spent at pace, 9 behind.
        let c = checkpoint(15, 75, 50 * 60_000, full).unwrap();
        assert_eq!(
            c,
            Checkpoint {
                quarter: 1,
                minute: 45,
                expected: 18,
                pace: Pace::Behind(9)
            }
        );
        assert_eq!(
            c.message(15, 75),
            "45 min gone: 15 of 75 answered (18 at an even pace), 9 min behind pace"
        );
        // 90 min, 38 answered: 91.2 min at pace, 1.2 ahead.
        assert_eq!(
            checkpoint(38, 75, 91 * 60_000, full).unwrap().pace,
            Pace::Ahead(1)
        );
        assert_eq!(
            checkpoint(37, 75, 91 * 60_000, full).unwrap().pace,
            Pace::Behind(1)
        );
        // Mini exam (48 min, 20 questions): 24 min in, 10 answered.
        assert_eq!(
            checkpoint(10, 20, 30 * 60_000, 48 * 60_000).unwrap().pace,
            Pace::OnPace
        );
        // Past the deadline stays at the third quarter.
        let late = checkpoint(75, 75, 4 * full, full).unwrap();
        assert_eq!((late.quarter, late.minute, late.expected), (3, 135, 56));
        // Mini exam: 48 min, 20 questions; 12 min in, none answered.
        assert_eq!(
            checkpoint(0, 20, 12 * 60_000, 48 * 60_000).unwrap().pace,
            Pace::Behind(12)
        );
        assert_eq!(checkpoint(0, 0, 1, 1), None);
    }

    #[test]
    fn summary_golden() {
        let items = items(&["a", "b", "c", "d", "e", "f"]);
        let times = BTreeMap::from([
            ("a".to_string(), 60_000),
            ("b".to_string(), 300_000),
            ("c".to_string(), 30_000),
            ("d".to_string(), 150_000),
            ("e".to_string(), 144_000),
        ]);
        let domain = |id: &str| Some(if id < "c" { 1 } else { 2 });
        // Six questions at 2.4 min: 14.4 min allowed.
        let s = summarize(&items, &times, domain, 6 * 144_000).unwrap();
        assert_eq!(s.total_ms, 684_000);
        assert_eq!(s.average_ms, 114_000);
        assert_eq!(s.budget_ms, 144_000);
        assert_eq!(s.over_budget, [1, 3], "exactly on budget is not over");
        assert_eq!(
            s.slowest,
            [
                (1, 300_000),
                (3, 150_000),
                (4, 144_000),
                (0, 60_000),
                (2, 30_000)
            ]
        );
        assert_eq!(
            s.by_domain,
            BTreeMap::from([(1, (2, 360_000)), (2, (4, 324_000))])
        );
        assert_eq!(
            s.remaining_ms,
            [804_000, 504_000, 474_000, 324_000, 180_000, 180_000]
        );
        assert_eq!(s.ideal_ms, [720_000, 576_000, 432_000, 288_000, 144_000, 0]);
        assert_eq!(summarize(&items, &BTreeMap::new(), domain, 1), None);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_ms(44_600), "45 s");
        assert_eq!(format_ms(144_000), "2.4 min");
        assert_eq!(format_ms(10_800_000), "180.0 min");
    }
}
