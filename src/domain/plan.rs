//! The exam-date plan: days left until the booked exam, a daily target (new
//! questions a day to see the rest of the bank in time, weighted towards the
//! weakest task statements, plus today's due reviews), a readiness estimate
//! from recent exam attempts, and the cap that keeps scheduled reviews from
//! falling after the exam.
//!
//! Pure: the clock comes in as a [`Clock`], dates as `YYYY-MM-DD` text.

use std::collections::BTreeMap;

use super::exam::PASS_FRACTION;
use super::progress::Progress;
use super::question::QuestionMeta;
use super::schedule::MS_PER_DAY;
use super::stats::{Clock, Stats};

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, or `None` when it is not a
/// real calendar date (so 2027-02-30 is refused).
pub fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        let part = date.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<i64>().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whole calendar days from today (the learner's local day) to the exam
/// day: 0 on the day itself, negative once it has passed.
pub fn days_left(exam_date: &str, clock: Clock) -> Option<i64> {
    day_number(exam_date).map(|d| d - clock.today())
}

/// The instant reviews are capped at: the first instant of the exam day in
/// UTC. UTC rather than local time so that every caller (some only know
/// "now") agrees on which questions are due.
pub fn exam_cap(progress: &Progress) -> Option<i64> {
    progress
        .settings
        .exam_date()
        .and_then(day_number)
        .map(|d| d * MS_PER_DAY)
}

/// A review's due time with the exam in mind: FSRS may schedule the next
/// review weeks out, but one after the exam is useless, so a due time past
/// the exam day becomes the exam day. Once the exam day is over the cap no
/// longer applies (otherwise every question would stay due for ever).
pub fn cap_due(due: i64, cap: Option<i64>, now: i64) -> i64 {
    match cap {
        Some(cap) if now < cap + MS_PER_DAY && due > cap => cap,
        _ => due,
    }
}

/// The capped due time of a question's next review; `None` when unseen.
pub fn due_at(progress: &Progress, id: &str, now: i64) -> Option<i64> {
    let card = progress.question(id)?.card()?;
    Some(cap_due(card.due, exam_cap(progress), now))
}

/// What to study today to be through the bank by the exam.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyTarget {
    /// Questions never answered, across the bank.
    pub unseen: usize,
    /// Study days left, today included (the exam day itself is not one).
    pub study_days: i64,
    /// New questions to see today.
    pub new_today: usize,
    /// How today's new questions split over task statements, weakest
    /// first; each count at most that task's unseen questions.
    pub by_task: Vec<(String, usize)>,
    /// Reviews due by the end of today.
    pub due_today: usize,
}

/// The daily target, or `None` on or after the exam day.
///
/// New questions a day = unseen questions ÷ study days, rounded up. They are
/// shared among task statements in proportion to each one's unseen
/// questions times (2 − its mastery), so a task at 0 % mastery gets twice
/// the share of one at 100 % (largest remainder; ties by task id).
pub fn daily_target(
    bank: &[QuestionMeta],
    progress: &Progress,
    stats: &Stats,
    days_left: i64,
) -> Option<DailyTarget> {
    if days_left <= 0 {
        return None;
    }
    let mut unseen: BTreeMap<&str, usize> = BTreeMap::new();
    for q in bank {
        if progress
            .question(&q.id)
            .is_none_or(|p| p.reviews.is_empty())
        {
            *unseen.entry(q.task.as_str()).or_default() += 1;
        }
    }
    let total: usize = unseen.values().sum();
    let new_today = total.div_ceil(usize::try_from(days_left).unwrap_or(usize::MAX));
    let weights: Vec<(&str, usize, f64)> = unseen
        .iter()
        .map(|(t, &n)| {
            let m = stats.by_task.get(*t).map_or(0.0, |m| m.mastery);
            (*t, n, n as f64 * (2.0 - m.clamp(0.0, 1.0)))
        })
        .collect();
    let by_task = apportion(&weights, new_today);
    Some(DailyTarget {
        unseen: total,
        study_days: days_left,
        new_today,
        by_task,
        due_today: stats.due_today,
    })
}

/// Largest-remainder split of `n` over weighted tasks, each capped at its
/// unseen count; the result sorted by count (largest first), then id.
fn apportion(weights: &[(&str, usize, f64)], n: usize) -> Vec<(String, usize)> {
    let mut give: Vec<usize> = vec![0; weights.len()];
    let mut left = n;
    // Repeat while capped tasks free up places for the others.
    while left > 0 {
        let open: Vec<usize> = (0..weights.len())
            .filter(|&i| give[i] < weights[i].1)
            .collect();
        let sum: f64 = open.iter().map(|&i| weights[i].2).sum();
        if open.is_empty() || sum <= 0.0 {
            break;
        }
        let mut rem: Vec<(usize, f64)> = Vec::new();
        let mut given = 0;
        for &i in &open {
            let exact = left as f64 * weights[i].2 / sum;
            let whole = (exact.floor() as usize).min(weights[i].1 - give[i]);
            give[i] += whole;
            given += whole;
            rem.push((i, exact - exact.floor()));
        }
        left -= given;
        rem.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (i, _) in rem {
            if left == 0 {
                break;
            }
            if give[i] < weights[i].1 {
                give[i] += 1;
                left -= 1;
            }
        }
    }
    let mut out: Vec<(String, usize)> = weights
        .iter()
        .zip(give)
        .filter(|(_, g)| *g > 0)
        .map(|((t, _, _), g)| ((*t).to_string(), g))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// How many recent exams the readiness estimate pools.
pub const RECENT_EXAMS: usize = 3;

/// A readiness estimate: the share of scored questions answered right in
/// recent exams, with a 95 % interval, next to mastery across the bank.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readiness {
    /// Exams pooled (at most [`RECENT_EXAMS`]); 0 means no estimate.
    pub attempts: usize,
    pub correct: usize,
    pub scored: usize,
    /// Share right, and its 95 % Wilson interval; all 0 without attempts.
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
    /// Mean mastery over the whole bank, 0.0 to 1.0.
    pub mastery: f64,
}

impl Readiness {
    /// Whether the interval lies wholly above, below or across the pass
    /// mark Canary assumes ([`PASS_FRACTION`]).
    pub fn verdict(&self) -> Option<&'static str> {
        if self.attempts == 0 || self.scored == 0 {
            None
        } else if self.low >= PASS_FRACTION {
            Some("likely to pass")
        } else if self.high < PASS_FRACTION {
            Some("not yet at the pass mark")
        } else {
            Some("too close to call")
        }
    }
}

/// Pools the last [`RECENT_EXAMS`] finished exams (all-or-nothing scoring
/// of scored questions). The interval is Wilson's at 95 %, which stays
/// inside 0–100 % and is honest for small samples.
pub fn readiness(progress: &Progress, stats: &Stats) -> Readiness {
    let recent = progress.exams.iter().rev().take(RECENT_EXAMS);
    let (mut attempts, mut correct, mut scored) = (0, 0, 0);
    for a in recent {
        attempts += 1;
        correct += a.result.correct;
        scored += a.result.scored;
    }
    let (estimate, low, high) = wilson(correct, scored);
    let questions: usize = stats.by_task.values().map(|m| m.questions).sum();
    let mastery = if questions == 0 {
        0.0
    } else {
        stats
            .by_task
            .values()
            .map(|m| m.mastery * m.questions as f64)
            .sum::<f64>()
            / questions as f64
    };
    Readiness {
        attempts,
        correct,
        scored,
        estimate,
        low,
        high,
        mastery,
    }
}

fn wilson(k: usize, n: usize) -> (f64, f64, f64) {
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (k, n) = (k as f64, n as f64);
    let z = 1.96_f64;
    let p = k / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
    (p, (centre - half).max(0.0), (centre + half).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::question::Kind;
    use crate::domain::schedule::{Confidence, Review};

    const DAY: i64 = MS_PER_DAY;

    fn clock_on(date: &str, offset_minutes: i32) -> Clock {
        // Noon local time on that date.
        let local_noon = day_number(date).unwrap() * DAY + DAY / 2;
        Clock {
            now: local_noon - i64::from(offset_minutes) * 60_000,
            offset_minutes,
        }
    }

    fn meta(id: &str, task: &str) -> QuestionMeta {
        QuestionMeta {
            id: id.into(),
            domain: 1,
            task: task.into(),
            services: vec![],
            kind: Kind::Single,
            difficulty: None,
        }
    }

    fn answer(p: &mut Progress, id: &str, at: i64, correct: bool) {
        p.record(
            id,
            Review {
                at,
                correct,
                confidence: Confidence::Knew,
                ms: None,
            },
        );
    }

    #[test]
    fn day_numbers_match_the_calendar_and_refuse_impossible_dates() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2028-02-29").map(|d| d + 1),
            day_number("2028-03-01")
        );
        assert_eq!(day_number("2027-02-29"), None, "2027 is no leap year");
        assert_eq!(day_number("2026-04-31"), None);
        assert_eq!(day_number("2026-13-01"), None);
        assert_eq!(day_number("2026-1-011"), None);
        assert_eq!(day_number("+026-01-01"), None);
        assert_eq!(day_number(""), None);
    }

    #[test]
    fn days_left_across_month_and_year_ends() {
        let c = clock_on("2026-12-07", 0);
        assert_eq!(days_left("2026-12-07", c), Some(0));
        assert_eq!(days_left("2026-12-31", c), Some(24));
        assert_eq!(days_left("2027-01-01", c), Some(25));
        assert_eq!(days_left("2027-03-01", c), Some(84));
        assert_eq!(days_left("2026-12-01", c), Some(-6));
        let feb = clock_on("2028-02-28", 0);
        assert_eq!(days_left("2028-03-01", feb), Some(2), "leap day counts");
        assert_eq!(days_left("2026-02-30", c), None);
    }

    #[test]
    fn days_left_follow_the_local_day() {
        // 23:30 UTC on 31 January is already 1 February in UTC+1.
        let instant = day_number("2027-01-31").unwrap() * DAY + DAY - 30 * 60_000;
        let utc = Clock {
            now: instant,
            offset_minutes: 0,
        };
        let paris = Clock {
            now: instant,
            offset_minutes: 60,
        };
        assert_eq!(days_left("2027-02-10", utc), Some(10));
        assert_eq!(days_left("2027-02-10", paris), Some(9));
    }

    #[test]
    fn due_dates_after_the_exam_day_are_capped_at_it() {
        let cap = day_number("2027-01-10").unwrap() * DAY;
        let now = cap - 5 * DAY;
        assert_eq!(cap_due(cap + 30 * DAY, Some(cap), now), cap, "capped");
        assert_eq!(
            cap_due(cap - DAY, Some(cap), now),
            cap - DAY,
            "earlier kept"
        );
        assert_eq!(cap_due(cap + DAY, None, now), cap + DAY, "no exam, no cap");
        assert_eq!(
            cap_due(cap + 30 * DAY, Some(cap), cap + 2 * DAY),
            cap + 30 * DAY,
            "after the exam the schedule is FSRS's again"
        );
        // Through the progress document: a long interval is pulled in.
        let mut p = Progress::default();
        for i in 0..4 {
            answer(&mut p, "q", now - (40 - i * 10) * DAY, true);
        }
        let fsrs_due = p.question("q").unwrap().card().unwrap().due;
        assert!(fsrs_due > cap, "FSRS alone schedules past the exam");
        assert_eq!(due_at(&p, "q", now), Some(fsrs_due), "no date set yet");
        p.set_exam_date(Some("2027-01-10"), 1);
        assert_eq!(due_at(&p, "q", now), Some(cap));
        assert_eq!(due_at(&p, "unseen", now), None);
    }

    #[test]
    fn daily_target_spreads_the_unseen_bank_and_favours_weak_tasks() {
        let mut bank = Vec::new();
        for i in 0..20 {
            bank.push(meta(&format!("a{i}"), "1.1"));
            bank.push(meta(&format!("b{i}"), "1.2"));
        }
        let clock = clock_on("2027-01-01", 0);
        let mut p = Progress::default();
        // Twelve of each task seen: 1.1's known (mastery about 0.6), 1.2's
        // wrong (mastery 0), so both have eight unseen.
        for i in 0..12 {
            answer(&mut p, &format!("a{i}"), clock.now - 3_600_000, true);
            answer(&mut p, &format!("b{i}"), clock.now - 3_600_000, false);
        }
        let stats = Stats::compute(&bank, &p, clock);
        let t = daily_target(&bank, &p, &stats, 2).unwrap();
        assert_eq!(t.unseen, 16);
        assert_eq!(t.new_today, 8, "16 unseen over 2 days");
        assert_eq!(
            t.by_task,
            vec![("1.2".to_string(), 5), ("1.1".to_string(), 3)],
            "the weaker task gets more: weights 8 × 2.0 and 8 × 1.4"
        );
        assert_eq!(t.due_today, stats.due_today);
        let t = daily_target(&bank, &p, &stats, 3).unwrap();
        assert_eq!(t.new_today, 6, "rounded up: 16 / 3");
        assert_eq!(t.by_task.iter().map(|x| x.1).sum::<usize>(), 6);
        let t = daily_target(&bank, &p, &stats, 1).unwrap();
        assert_eq!(t.new_today, 16, "last day: everything left");
        assert_eq!(
            t.by_task,
            vec![("1.1".to_string(), 8), ("1.2".to_string(), 8)],
            "capped at each task's unseen count"
        );
        assert_eq!(daily_target(&bank, &p, &stats, 0), None, "exam day");
        assert_eq!(daily_target(&bank, &p, &stats, -3), None, "passed");
    }

    fn attempt(correct: usize, scored: usize, started_at: i64) -> crate::domain::exam::Attempt {
        use crate::domain::exam::{Attempt, ExamResult, Format};
        Attempt {
            format: Format::Mini,
            seed: 1,
            started_at,
            submitted_at: started_at + 1,
            auto_submitted: false,
            items: Vec::new(),
            answers: BTreeMap::new(),
            flags: Default::default(),
            result: ExamResult {
                correct,
                scored,
                scaled: 0,
                passed: false,
                by_domain: BTreeMap::new(),
                by_task: BTreeMap::new(),
            },
            times_ms: BTreeMap::new(),
            shuffled: false,
        }
    }

    #[test]
    fn readiness_without_attempts_has_no_estimate() {
        let bank = vec![meta("a", "1.1")];
        let clock = clock_on("2027-01-01", 0);
        let mut p = Progress::default();
        answer(&mut p, "a", clock.now - 3_600_000, true);
        let stats = Stats::compute(&bank, &p, clock);
        let r = readiness(&p, &stats);
        assert_eq!(r.attempts, 0);
        assert_eq!(r.verdict(), None);
        assert!(r.mastery > 0.9, "mastery is still reported: {}", r.mastery);
    }

    #[test]
    fn readiness_pools_the_recent_attempts_with_an_interval() {
        let stats = Stats::default();
        let mut p = Progress::default();
        p.add_exam(attempt(2, 20, 1)); // the oldest, left out
        p.add_exam(attempt(16, 20, 2));
        p.add_exam(attempt(17, 20, 3));
        p.add_exam(attempt(18, 20, 4));
        let r = readiness(&p, &stats);
        assert_eq!((r.attempts, r.correct, r.scored), (3, 51, 60));
        assert!((r.estimate - 0.85).abs() < 1e-9);
        assert!(r.low < r.estimate && r.estimate < r.high);
        // Wilson 95 % for 51/60: about 0.739 to 0.919.
        assert!((r.low - 0.739).abs() < 0.005, "{}", r.low);
        assert!((r.high - 0.919).abs() < 0.005, "{}", r.high);
        assert_eq!(r.verdict(), Some("likely to pass"));

        let mut one = Progress::default();
        one.add_exam(attempt(15, 20, 1));
        let r = readiness(&one, &stats);
        assert!(r.high - r.low > 0.3, "one short exam says little");
        assert_eq!(r.verdict(), Some("too close to call"));

        let mut low = Progress::default();
        low.add_exam(attempt(20, 65, 1));
        assert_eq!(
            readiness(&low, &stats).verdict(),
            Some("not yet at the pass mark")
        );
    }
}
