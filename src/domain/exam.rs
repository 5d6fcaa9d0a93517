//! The exam simulator's rules: drawing a DOP-C02-shaped exam (scored
//! questions apportioned to the domain weights and spread over task
//! statements, unscored ones mixed in unmarked), the countdown from a stored
//! deadline, all-or-nothing scoring and the scaled-score estimate.
//!
//! Randomness comes from a seed and time from the caller, so an exam can be
//! retaken identically and every rule is tested natively.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::blueprint::Blueprint;
use super::grading::Selection;
use super::question::QuestionMeta;
use super::shuffle::OptionOrder;

/// The exam formats on offer. Shorter formats keep the real exam's pace
/// (180 minutes for 75 questions: 2.4 minutes a question).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Format {
    /// 75 questions (65 scored, 10 unscored), 180 minutes.
    Full,
    /// 20 questions, all scored, 48 minutes.
    Mini,
    /// 20 questions of one domain, all scored, 48 minutes.
    Domain { domain: u8 },
}

impl Format {
    pub fn questions(self, bp: &Blueprint) -> usize {
        match self {
            Format::Full => usize::from(bp.questions),
            Format::Mini | Format::Domain { .. } => 20,
        }
    }

    pub fn scored(self, bp: &Blueprint) -> usize {
        match self {
            Format::Full => usize::from(bp.scored),
            _ => self.questions(bp),
        }
    }

    /// Minutes allowed, at the real exam's pace, rounded up.
    pub fn minutes(self, bp: &Blueprint) -> u32 {
        let q = self.questions(bp) as u32;
        (u32::from(bp.minutes) * q).div_ceil(u32::from(bp.questions))
    }

    pub fn label(self) -> String {
        match self {
            Format::Full => "Full exam".into(),
            Format::Mini => "Mini exam".into(),
            Format::Domain { domain } => format!("Domain {domain} exam"),
        }
    }
}

/// The accommodation some candidates get: 30 more minutes.
pub const EXTENSION_MINUTES: u32 = 30;

/// One question of an exam.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub scored: bool,
}

/// How many scored questions each domain gets: the weights applied to the
/// scored count, rounded by largest remainder so the total is exact.
pub fn apportion(bp: &Blueprint, scored: usize) -> BTreeMap<u8, usize> {
    let total_weight: usize = bp.domains.iter().map(|d| usize::from(d.weight)).sum();
    let mut shares: Vec<(u8, usize, usize)> = bp
        .domains
        .iter()
        .map(|d| {
            let exact = scored * usize::from(d.weight);
            (d.number, exact / total_weight, exact % total_weight)
        })
        .collect();
    let mut left = scored - shares.iter().map(|s| s.1).sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| {
        shares[b]
            .2
            .cmp(&shares[a].2)
            .then(shares[a].0.cmp(&shares[b].0))
    });
    for i in order {
        if left == 0 {
            break;
        }
        shares[i].1 += 1;
        left -= 1;
    }
    shares.into_iter().map(|(d, n, _)| (d, n)).collect()
}

/// Picks `n` questions from `pool`, spreading them over task statements
/// (round robin over the tasks in a shuffled order) and preferring, within
/// each task, questions not in `seen`.
fn spread(
    pool: &[&QuestionMeta],
    n: usize,
    seen: &BTreeSet<String>,
    rng: &mut fastrand::Rng,
) -> Vec<String> {
    let mut by_task: BTreeMap<&str, Vec<&QuestionMeta>> = BTreeMap::new();
    for q in pool {
        by_task.entry(q.task.as_str()).or_default().push(q);
    }
    let mut queues: Vec<Vec<&QuestionMeta>> = by_task
        .into_values()
        .map(|mut qs| {
            rng.shuffle(&mut qs);
            // Stable: unseen first, each group still shuffled. Reversed so
            // `pop` takes from the front of that order.
            qs.sort_by_key(|q| seen.contains(&q.id));
            qs.reverse();
            qs
        })
        .collect();
    rng.shuffle(&mut queues);
    let mut out = Vec::with_capacity(n);
    while out.len() < n && queues.iter().any(|q| !q.is_empty()) {
        for q in &mut queues {
            if out.len() == n {
                break;
            }
            if let Some(x) = q.pop() {
                out.push(x.id.clone());
            }
        }
    }
    out
}

/// `n` items from `pool` (see [`spread`]), or why the pool is too small;
/// `domain` names the pool in the error (0 for the unscored remainder).
fn take(
    pool: &[&QuestionMeta],
    n: usize,
    domain: u8,
    scored: bool,
    seen: &BTreeSet<String>,
    rng: &mut fastrand::Rng,
) -> Result<Vec<Item>, ShortBank> {
    if pool.len() < n {
        return Err(ShortBank {
            domain,
            needed: n,
            available: pool.len(),
        });
    }
    Ok(spread(pool, n, seen, rng)
        .into_iter()
        .map(|id| Item { id, scored })
        .collect())
}

/// Why an exam could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortBank {
    pub domain: u8,
    pub needed: usize,
    pub available: usize,
}

/// Draws an exam. Scored questions follow the weights exactly (for a
/// single-domain exam, all from that domain); unscored ones come from what is
/// left; the order is shuffled. `seen` holds questions from earlier exams.
pub fn draw(
    format: Format,
    bp: &Blueprint,
    bank: &[QuestionMeta],
    seen: &BTreeSet<String>,
    seed: u64,
) -> Result<Vec<Item>, ShortBank> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let scored_n = format.scored(bp);
    let quotas: BTreeMap<u8, usize> = match format {
        Format::Domain { domain } => BTreeMap::from([(domain, scored_n)]),
        _ => apportion(bp, scored_n),
    };
    let mut items = Vec::new();
    for (&domain, &n) in &quotas {
        let pool: Vec<&QuestionMeta> = bank.iter().filter(|q| q.domain == domain).collect();
        items.extend(take(&pool, n, domain, true, seen, &mut rng)?);
    }
    let unscored_n = format.questions(bp) - scored_n;
    if unscored_n > 0 {
        let taken: BTreeSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
        let rest: Vec<&QuestionMeta> = bank
            .iter()
            .filter(|q| !taken.contains(q.id.as_str()))
            .collect();
        items.extend(take(&rest, unscored_n, 0, false, seen, &mut rng)?);
    }
    rng.shuffle(&mut items);
    Ok(items)
}

/// The countdown: a deadline fixed at the start, so reloads, sleep and
/// closed tabs cannot stop the clock. `latest` is the latest time the exam
/// has seen: a device clock set backwards (by hand, by a time zone mix-up or
/// an NTP correction) must not give time back, so time is never earlier than
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    pub started_at: i64,
    pub deadline: i64,
    /// Sessions stored before it read as 0 (no time seen yet).
    #[serde(default)]
    pub latest: i64,
}

impl Timer {
    pub fn start(now: i64, minutes: u32, extension: bool) -> Timer {
        let minutes = minutes + if extension { EXTENSION_MINUTES } else { 0 };
        Timer {
            started_at: now,
            deadline: now + i64::from(minutes) * 60_000,
            latest: now,
        }
    }

    /// `now`, or the latest time already seen if the clock went backwards.
    fn effective(&self, now: i64) -> i64 {
        now.max(self.latest).max(self.started_at)
    }

    pub fn remaining_ms(&self, now: i64) -> i64 {
        (self.deadline - self.effective(now)).max(0)
    }

    pub fn expired(&self, now: i64) -> bool {
        self.effective(now) >= self.deadline
    }

    /// "2:59:07" or "47:03".
    pub fn display(&self, now: i64) -> String {
        let s = self.remaining_ms(now).div_euclid(1000);
        let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m}:{s:02}")
        }
    }
}

/// The documented estimate of AWS's scaled score. AWS does not publish its
/// scaling; Canary assumes the passing mark is [`PASS_FRACTION`] of the
/// scored questions and maps linearly on either side of it: 0 correct → 100,
/// the passing mark → 750, all correct → 1000. Monotonic by construction.
pub const PASS_FRACTION: f64 = 0.72;

pub fn scaled_score(correct: usize, scored: usize, bp: &Blueprint) -> u16 {
    if scored == 0 {
        return bp.min_score;
    }
    let f = correct as f64 / scored as f64;
    let (min, pass, max) = (
        f64::from(bp.min_score),
        f64::from(bp.passing_score),
        f64::from(bp.max_score),
    );
    let s = if f <= PASS_FRACTION {
        min + (pass - min) * f / PASS_FRACTION
    } else {
        pass + (max - pass) * (f - PASS_FRACTION) / (1.0 - PASS_FRACTION)
    };
    s.round() as u16
}

/// Correct and total scored answers in one domain or task statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    /// "Meets competencies" at or above the passing fraction, as estimated.
    pub fn meets(&self) -> bool {
        self.total > 0 && self.correct as f64 / self.total as f64 >= PASS_FRACTION
    }
}

/// A finished exam's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamResult {
    pub correct: usize,
    pub scored: usize,
    pub scaled: u16,
    pub passed: bool,
    pub by_domain: BTreeMap<u8, Tally>,
    pub by_task: BTreeMap<String, Tally>,
}

/// Scores an exam: all-or-nothing per question, unscored ones ignored.
/// `correct(id, selection)` grades one answer.
pub fn score(
    items: &[Item],
    answers: &BTreeMap<String, Selection>,
    meta: &BTreeMap<String, QuestionMeta>,
    bp: &Blueprint,
    correct: impl Fn(&str, &Selection) -> bool,
) -> ExamResult {
    let mut by_domain: BTreeMap<u8, Tally> = BTreeMap::new();
    let mut by_task: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut right, mut scored) = (0, 0);
    for item in items.iter().filter(|i| i.scored) {
        let Some(m) = meta.get(&item.id) else {
            continue;
        };
        let ok = answers.get(&item.id).is_some_and(|s| correct(&item.id, s));
        scored += 1;
        right += usize::from(ok);
        for t in [
            by_domain.entry(m.domain).or_default(),
            by_task.entry(m.task.clone()).or_default(),
        ] {
            t.total += 1;
            t.correct += usize::from(ok);
        }
    }
    let scaled = scaled_score(right, scored, bp);
    ExamResult {
        correct: right,
        scored,
        scaled,
        passed: scaled >= bp.passing_score,
        by_domain,
        by_task,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::blueprint::{Domain, TaskStatement};
    use crate::domain::question::Kind;

    pub(crate) fn blueprint() -> Blueprint {
        let weights = [
            (1, 22, 4),
            (2, 17, 3),
            (3, 15, 3),
            (4, 15, 3),
            (5, 14, 3),
            (6, 17, 3),
        ];
        Blueprint {
            source: String::new(),
            questions: 75,
            scored: 65,
            minutes: 180,
            passing_score: 750,
            min_score: 100,
            max_score: 1000,
            domains: weights
                .iter()
                .map(|&(n, w, tasks)| Domain {
                    number: n,
                    name: format!("D{n}"),
                    weight: w,
                    tasks: (1..=tasks)
                        .map(|t| TaskStatement {
                            id: format!("{n}.{t}"),
                            name: String::new(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub(crate) fn bank(per_task: usize) -> Vec<QuestionMeta> {
        blueprint()
            .domains
            .iter()
            .flat_map(|d| d.tasks.iter().map(move |t| (d.number, t.id.clone())))
            .flat_map(|(d, t)| {
                (0..per_task).map(move |i| QuestionMeta {
                    id: format!("q-{t}-{i}"),
                    domain: d,
                    task: t.clone(),
                    services: vec![],
                    kind: Kind::Single,
                    difficulty: None,
                })
            })
            .collect()
    }

    #[test]
    fn weights_apportion_exactly() {
        let a = apportion(&blueprint(), 65);
        assert_eq!(a.values().sum::<usize>(), 65);
        assert_eq!(
            a,
            BTreeMap::from([(1, 14), (2, 11), (3, 10), (4, 10), (5, 9), (6, 11)])
        );
        assert_eq!(apportion(&blueprint(), 20).values().sum::<usize>(), 20);
    }

    #[test]
    fn full_exams_follow_the_weights_over_many_seeds() {
        let bp = blueprint();
        let bank = bank(10);
        let want = apportion(&bp, 65);
        for seed in 0..200 {
            let items = draw(Format::Full, &bp, &bank, &BTreeSet::new(), seed).unwrap();
            assert_eq!(items.len(), 75);
            let ids: BTreeSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(ids.len(), 75, "no repeats (seed {seed})");
            assert_eq!(items.iter().filter(|i| i.scored).count(), 65);
            let mut got: BTreeMap<u8, usize> = BTreeMap::new();
            for i in items.iter().filter(|i| i.scored) {
                *got.entry(bank.iter().find(|q| q.id == i.id).unwrap().domain)
                    .or_default() += 1;
            }
            assert_eq!(got, want, "seed {seed}");
        }
    }

    #[test]
    fn scored_questions_spread_over_task_statements() {
        let bp = blueprint();
        let bank = bank(10);
        let items = draw(Format::Full, &bp, &bank, &BTreeSet::new(), 7).unwrap();
        let mut per_task: BTreeMap<String, usize> = BTreeMap::new();
        for i in items.iter().filter(|i| i.scored) {
            *per_task
                .entry(bank.iter().find(|q| q.id == i.id).unwrap().task.clone())
                .or_default() += 1;
        }
        // Domain 1: 14 over 4 tasks -> 3 or 4 each; others similar.
        for (task, n) in per_task {
            assert!((3..=4).contains(&n), "task {task} got {n}");
        }
    }

    #[test]
    fn same_seed_same_exam_and_unseen_questions_first() {
        let bp = blueprint();
        let bank = bank(10);
        let a = draw(Format::Mini, &bp, &bank, &BTreeSet::new(), 99).unwrap();
        assert_eq!(
            a,
            draw(Format::Mini, &bp, &bank, &BTreeSet::new(), 99).unwrap()
        );
        assert_ne!(
            a,
            draw(Format::Mini, &bp, &bank, &BTreeSet::new(), 100).unwrap()
        );
        let seen: BTreeSet<String> = a.iter().map(|i| i.id.clone()).collect();
        let b = draw(Format::Mini, &bp, &bank, &seen, 99).unwrap();
        assert!(
            b.iter().all(|i| !seen.contains(&i.id)),
            "plenty of unseen questions: none repeats"
        );
    }

    #[test]
    fn domain_exam_and_short_bank() {
        let bp = blueprint();
        let items = draw(
            Format::Domain { domain: 3 },
            &bp,
            &bank(10),
            &BTreeSet::new(),
            1,
        )
        .unwrap();
        assert_eq!(items.len(), 20);
        assert!(items.iter().all(|i| i.id.starts_with("q-3.")));
        assert_eq!(
            draw(Format::Full, &bp, &bank(2), &BTreeSet::new(), 1),
            Err(ShortBank {
                domain: 1,
                needed: 14,
                available: 8
            })
        );
    }

    #[test]
    fn pacing_and_timer() {
        let bp = blueprint();
        assert_eq!(Format::Full.minutes(&bp), 180);
        assert_eq!(Format::Mini.minutes(&bp), 48);
        let t = Timer::start(1_000, 48, false);
        assert_eq!(t.deadline, 1_000 + 48 * 60_000);
        assert_eq!(t.display(1_000), "48:00");
        assert!(!t.expired(t.deadline - 1));
        assert!(t.expired(t.deadline));
        assert_eq!(
            t.remaining_ms(t.deadline + 5_000),
            0,
            "never negative after a long sleep"
        );
        let ext = Timer::start(0, 180, true);
        assert_eq!(ext.display(0), "3:30:00");
    }

    #[test]
    fn scaled_score_golden_values_and_monotonic() {
        let bp = blueprint();
        assert_eq!(scaled_score(0, 65, &bp), 100);
        assert_eq!(scaled_score(65, 65, &bp), 1000);
        // 72 % of 65 is 46.8: 47 correct passes, 46 does not.
        assert_eq!(scaled_score(47, 65, &bp), 753);
        assert_eq!(scaled_score(46, 65, &bp), 739);
        let mut last = 0;
        for c in 0..=65 {
            let s = scaled_score(c, 65, &bp);
            assert!(s >= last);
            last = s;
        }
    }

    #[test]
    fn scoring_is_all_or_nothing_and_ignores_unscored() {
        let bp = blueprint();
        let bank = bank(10);
        let meta: BTreeMap<String, QuestionMeta> =
            bank.iter().map(|q| (q.id.clone(), q.clone())).collect();
        let items = vec![
            Item {
                id: "q-1.1-0".into(),
                scored: true,
            },
            Item {
                id: "q-1.2-0".into(),
                scored: true,
            },
            Item {
                id: "q-2.1-0".into(),
                scored: false,
            },
        ];
        let pick = |ids: &[u8]| {
            ids.iter()
                .map(|&i| crate::domain::question::ChoiceId(i))
                .collect::<Selection>()
        };
        let answers = BTreeMap::from([
            ("q-1.1-0".to_string(), pick(&[0])),
            ("q-1.2-0".to_string(), pick(&[1])),
            ("q-2.1-0".to_string(), pick(&[0])),
        ]);
        let r = score(&items, &answers, &meta, &bp, |_, s| s == &pick(&[0]));
        assert_eq!((r.correct, r.scored), (1, 2));
        assert_eq!(
            r.by_domain[&1],
            Tally {
                correct: 1,
                total: 2
            }
        );
        assert!(
            !r.by_domain.contains_key(&2),
            "unscored questions are not counted"
        );
        assert_eq!(
            r.by_task["1.2"],
            Tally {
                correct: 0,
                total: 1
            }
        );
        assert!(!r.passed);
    }
}

/// Where the candidate is in an exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Answering,
    /// The review screen before submitting.
    Reviewing,
    /// Submitted (by the candidate, or by the clock when `auto`).
    Submitted {
        at: i64,
        auto: bool,
    },
}

/// An exam in progress, stored after every change so it resumes exactly
/// where it was after a reload or a browser restart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub format: Format,
    pub seed: u64,
    pub items: Vec<Item>,
    pub timer: Timer,
    #[serde(default)]
    pub answers: BTreeMap<String, Selection>,
    #[serde(default)]
    pub flags: BTreeSet<String>,
    #[serde(default)]
    pub current: usize,
    pub stage: Stage,
    /// Time on each question so far, credited on every clock tick to the
    /// question on screen (see [`super::pacing::credit`]); kept here so a
    /// reload keeps it. Sessions stored before it read as empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub times_ms: BTreeMap<String, u32>,
    /// The last tick's time: the next tick credits the time since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_tick: Option<i64>,
    /// Whether options are shown shuffled by `seed`, fixed when the exam
    /// starts so a change of setting mid-exam does not move them. Absent in
    /// sessions stored before shuffling existed: those keep the file's order.
    #[serde(default)]
    pub shuffled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExamAction {
    /// Pick an option of the current question; `picks` is how many it takes
    /// (1 replaces, more toggles up to that many).
    SelectChoice {
        choice: super::question::ChoiceId,
        picks: usize,
    },
    Goto(usize),
    Next,
    Previous,
    ToggleFlag,
    Review,
    BackToQuestions,
    /// The candidate confirmed submission.
    Submit {
        at: i64,
    },
    /// The clock's second: credits the time since the last tick to the
    /// question on screen, and submits when the time has run out.
    Tick {
        now: i64,
    },
}

impl Session {
    pub fn new(format: Format, seed: u64, items: Vec<Item>, timer: Timer) -> Session {
        Session {
            format,
            seed,
            items,
            timer,
            answers: BTreeMap::new(),
            flags: BTreeSet::new(),
            current: 0,
            stage: Stage::Answering,
            times_ms: BTreeMap::new(),
            last_tick: None,
            shuffled: false,
        }
    }

    /// The same session with its options shuffled (by its seed) or not.
    #[must_use]
    pub fn with_shuffle(mut self, shuffled: bool) -> Session {
        self.shuffled = shuffled;
        self
    }

    /// The order question `id`'s `len` options are shown in.
    pub fn order(&self, id: &str, len: usize) -> OptionOrder {
        OptionOrder::new(self.shuffled, self.seed, id, len)
    }

    pub fn current_id(&self) -> Option<&str> {
        self.items.get(self.current).map(|i| i.id.as_str())
    }

    pub fn is_answered(&self, id: &str, picks: impl Fn(&str) -> usize) -> bool {
        self.answers.get(id).is_some_and(|s| s.len() == picks(id))
    }

    pub fn submitted(&self) -> bool {
        matches!(self.stage, Stage::Submitted { .. })
    }

    /// Positions of unanswered questions (given how many picks each takes).
    pub fn unanswered(&self, picks: impl Fn(&str) -> usize) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| !self.is_answered(&self.items[i].id, &picks))
            .collect()
    }

    pub fn flagged(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.flags.contains(&self.items[i].id))
            .collect()
    }

    /// This session after another tab stored `theirs`: the same exam gains
    /// every answer and flag written there (theirs wins where both answered
    /// one question: it is the newer write) and the latest time either saw;
    /// the position on screen stays this tab's. A different exam changes
    /// nothing.
    #[must_use]
    pub fn merge_external(&self, theirs: &Session) -> Session {
        let mut s = self.clone();
        if theirs.timer.started_at != s.timer.started_at || theirs.seed != s.seed || s.submitted() {
            return s;
        }
        for (id, sel) in &theirs.answers {
            s.answers.insert(id.clone(), sel.clone());
        }
        s.flags.extend(theirs.flags.iter().cloned());
        s.timer.latest = s.timer.latest.max(theirs.timer.latest);
        s
    }

    #[must_use]
    pub fn apply(&self, action: ExamAction) -> Session {
        let mut s = self.clone();
        if s.submitted() {
            return s;
        }
        match action {
            ExamAction::SelectChoice { choice, picks } => {
                let Some(id) = self.current_id().map(str::to_string) else {
                    return s;
                };
                if s.stage != Stage::Answering {
                    return s;
                }
                let sel = s.answers.entry(id).or_default();
                if picks <= 1 {
                    sel.clear();
                    sel.insert(choice);
                } else if !sel.remove(&choice) && sel.len() < picks {
                    sel.insert(choice);
                }
            }
            ExamAction::Goto(i) if i < s.items.len() => {
                s.current = i;
                s.stage = Stage::Answering;
            }
            ExamAction::Next if s.current + 1 < s.items.len() => s.current += 1,
            ExamAction::Next => s.stage = Stage::Reviewing,
            ExamAction::Previous if s.current > 0 => s.current -= 1,
            ExamAction::ToggleFlag => {
                if let Some(id) = self.current_id() {
                    if !s.flags.remove(id) {
                        s.flags.insert(id.to_string());
                    }
                }
            }
            ExamAction::Review => s.stage = Stage::Reviewing,
            ExamAction::BackToQuestions => s.stage = Stage::Answering,
            ExamAction::Submit { at } => s.stage = Stage::Submitted { at, auto: false },
            ExamAction::Tick { now } => {
                if let (Some(last), Stage::Answering, Some(id)) =
                    (self.last_tick, self.stage, self.current_id())
                {
                    super::pacing::credit(&mut s.times_ms, id, last, now, self.timer.deadline);
                }
                s.last_tick = Some(now);
                // Every tick is stored anyway (it credits pacing time), so
                // the latest time seen is kept to the second.
                s.timer.latest = s.timer.latest.max(now);
                if self.timer.expired(now) {
                    s.stage = Stage::Submitted {
                        at: self.timer.deadline,
                        auto: true,
                    };
                }
            }
            _ => {}
        }
        s
    }
}

/// A finished exam, kept in the progress document for history and review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub format: Format,
    pub seed: u64,
    pub started_at: i64,
    pub submitted_at: i64,
    pub auto_submitted: bool,
    pub items: Vec<Item>,
    pub answers: BTreeMap<String, Selection>,
    pub flags: BTreeSet<String>,
    pub result: ExamResult,
    /// Time spent on each question across all its visits, in milliseconds
    /// (schema 2). Empty for attempts recorded before it: pacing unknown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub times_ms: BTreeMap<String, u32>,
    /// Whether the options were shown shuffled by `seed`, so the review shows
    /// the order the candidate saw. Absent (false) in attempts recorded
    /// before shuffling existed, which were shown in the file's order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shuffled: bool,
}

impl Attempt {
    pub fn from_session(s: &Session, result: ExamResult) -> Option<Attempt> {
        let Stage::Submitted { at, auto } = s.stage else {
            return None;
        };
        Some(Attempt {
            format: s.format,
            seed: s.seed,
            started_at: s.timer.started_at,
            submitted_at: at,
            auto_submitted: auto,
            items: s.items.clone(),
            answers: s.answers.clone(),
            flags: s.flags.clone(),
            result,
            times_ms: s.times_ms.clone(),
            shuffled: s.shuffled,
        })
    }

    /// The order question `id`'s `len` options were shown in.
    pub fn order(&self, id: &str, len: usize) -> OptionOrder {
        OptionOrder::new(self.shuffled, self.seed, id, len)
    }
}

#[cfg(test)]
mod session_tests {
    use super::*;
    use crate::domain::question::ChoiceId;

    fn session() -> Session {
        let items = vec![
            Item {
                id: "a".into(),
                scored: true,
            },
            Item {
                id: "b".into(),
                scored: false,
            },
            Item {
                id: "c".into(),
                scored: true,
            },
        ];
        Session::new(Format::Mini, 5, items, Timer::start(0, 48, false))
    }

    #[test]
    fn answer_flag_navigate_review_submit() {
        let s = session()
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(1),
                picks: 1,
            })
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(2),
                picks: 1,
            })
            .apply(ExamAction::ToggleFlag)
            .apply(ExamAction::Next)
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(0),
                picks: 2,
            })
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(3),
                picks: 2,
            })
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(4),
                picks: 2,
            });
        assert_eq!(
            s.answers["a"].iter().copied().collect::<Vec<_>>(),
            [ChoiceId(2)]
        );
        assert_eq!(s.answers["b"].len(), 2, "choose-two accepts exactly two");
        let picks = |id: &str| if id == "b" { 2 } else { 1 };
        assert_eq!(s.unanswered(picks), [2]);
        assert_eq!(s.flagged(), [0]);
        let s = s.apply(ExamAction::Next).apply(ExamAction::Next);
        assert_eq!(
            s.stage,
            Stage::Reviewing,
            "next after the last question opens the review"
        );
        let s = s.apply(ExamAction::Goto(2));
        assert_eq!((s.current, s.stage), (2, Stage::Answering));
        let done = s.apply(ExamAction::Submit { at: 99 });
        assert_eq!(
            done.stage,
            Stage::Submitted {
                at: 99,
                auto: false
            }
        );
        assert_eq!(
            done.apply(ExamAction::Goto(0)),
            done,
            "nothing changes after submission"
        );
    }

    #[test]
    fn the_clock_submits_at_the_deadline() {
        let s = session();
        assert_eq!(
            s.apply(ExamAction::Tick {
                now: s.timer.deadline - 1
            })
            .stage,
            Stage::Answering
        );
        let done = s.apply(ExamAction::Tick {
            now: s.timer.deadline + 3_600_000,
        });
        assert_eq!(
            done.stage,
            Stage::Submitted {
                at: s.timer.deadline,
                auto: true
            }
        );
    }

    #[test]
    fn ticks_credit_the_question_on_screen_across_visits() {
        let tick = |s: Session, now: i64| s.apply(ExamAction::Tick { now });
        let s = tick(session(), 1_000);
        assert!(s.times_ms.is_empty(), "the first tick only starts counting");
        let s = tick(tick(s, 2_000), 4_000).apply(ExamAction::Next);
        let s = tick(s, 10_000).apply(ExamAction::Review);
        let s = tick(s, 70_000).apply(ExamAction::Goto(0));
        let s = tick(s, 71_500);
        assert_eq!(
            s.times_ms,
            BTreeMap::from([("a".to_string(), 4_500), ("b".to_string(), 6_000)]),
            "the review screen's minute goes to no question"
        );
        // A reload: the stored session resumes counting from its last tick.
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        let s = tick(back, 72_500);
        assert_eq!(s.times_ms["a"], 5_500);
        let done = tick(s.clone(), s.timer.deadline + 60_000);
        let total: u32 = done.times_ms.values().sum();
        assert_eq!(
            i64::from(total),
            s.timer.deadline - 72_500 + 11_500,
            "nothing is credited past the deadline"
        );
        let a = Attempt::from_session(&done, empty_result()).unwrap();
        assert_eq!(a.times_ms, done.times_ms);
        let old: Session =
            serde_json::from_str(&serde_json::to_string(&session()).unwrap()).unwrap();
        assert!(old.times_ms.is_empty() && old.last_tick.is_none());
    }

    fn empty_result() -> ExamResult {
        ExamResult {
            correct: 0,
            scored: 0,
            scaled: 100,
            passed: false,
            by_domain: BTreeMap::new(),
            by_task: BTreeMap::new(),
        }
    }

    #[test]
    fn a_clock_set_backwards_gives_no_time_back() {
        let s = session().apply(ExamAction::Tick { now: 600_000 });
        let left = s.timer.remaining_ms(600_000);
        assert_eq!(left, 38 * 60_000);
        assert_eq!(s.timer.latest, 600_000, "a tick records the time it saw");
        // The clock jumps back an hour, then ticks on from there.
        let back = s.apply(ExamAction::Tick { now: -3_000_000 });
        assert_eq!(back.timer.remaining_ms(-3_000_000), left);
        assert_eq!(back.timer.display(-2_999_000), "38:00");
        assert!(back.timer.remaining_ms(-2_000_000) <= left);
        // Forward again past the deadline: submitted at the deadline.
        let done = back.apply(ExamAction::Tick {
            now: back.timer.deadline + 1,
        });
        assert!(matches!(done.stage, Stage::Submitted { auto: true, .. }));
        // A stored session from before `latest` existed reads and counts
        // from its start.
        let old: Timer = serde_json::from_str(r#"{"started_at":0,"deadline":100}"#).unwrap();
        assert_eq!((old.latest, old.remaining_ms(-50)), (0, 100));
    }

    #[test]
    fn another_tabs_answers_merge_into_the_same_exam() {
        let pick = |s: &Session, c: u8| {
            s.apply(ExamAction::SelectChoice {
                choice: ChoiceId(c),
                picks: 1,
            })
        };
        let start = session();
        let a = pick(&start, 1); // tab A answers "a"
        let b = pick(&start.apply(ExamAction::Goto(2)), 3).apply(ExamAction::ToggleFlag); // tab B answers "c"
        let merged = a.merge_external(&b);
        assert_eq!(merged.answers.len(), 2, "both answers survive");
        assert_eq!(merged.current, 0, "the position stays this tab's");
        assert!(merged.flags.contains("c"));
        assert_eq!(
            b.merge_external(&merged).answers,
            merged.answers,
            "both tabs converge"
        );
        let other = Session::new(Format::Mini, 6, start.items.clone(), start.timer);
        assert_eq!(a.merge_external(&other), a, "another exam changes nothing");
    }

    #[test]
    fn a_session_resumes_from_json_exactly() {
        let s = session()
            .apply(ExamAction::SelectChoice {
                choice: ChoiceId(1),
                picks: 1,
            })
            .apply(ExamAction::ToggleFlag)
            .apply(ExamAction::Next);
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}

#[cfg(test)]
mod shuffle_tests {
    use super::*;

    fn result() -> ExamResult {
        ExamResult {
            correct: 0,
            scored: 0,
            scaled: 100,
            passed: false,
            by_domain: BTreeMap::new(),
            by_task: BTreeMap::new(),
        }
    }

    fn session() -> Session {
        let items = vec![Item {
            id: "a".into(),
            scored: true,
        }];
        Session::new(Format::Mini, 5, items, Timer::start(0, 48, false))
    }

    #[test]
    fn a_shuffled_session_keeps_its_order_through_storage_and_into_the_attempt() {
        let s = session().with_shuffle(true);
        assert_eq!(s.order("a", 4), OptionOrder::seeded(5, "a", 4));
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back.order("a", 4), s.order("a", 4));
        let done = s.apply(ExamAction::Submit { at: 10 });
        let a = Attempt::from_session(&done, result()).unwrap();
        assert!(a.shuffled);
        assert_eq!(a.order("a", 4), s.order("a", 4));
    }

    #[test]
    fn sessions_and_attempts_from_before_shuffling_read_in_file_order() {
        let mut json: serde_json::Value = serde_json::to_value(session()).unwrap();
        json.as_object_mut().unwrap().remove("shuffled");
        let old: Session = serde_json::from_value(json).unwrap();
        assert!(!old.shuffled);
        assert_eq!(old.order("a", 4), OptionOrder::file(4));
        let done = old.apply(ExamAction::Submit { at: 10 });
        let a = Attempt::from_session(&done, result()).unwrap();
        let text = serde_json::to_string(&a).unwrap();
        assert!(
            !text.contains("shuffled"),
            "an unshuffled attempt writes as before"
        );
        let back: Attempt = serde_json::from_str(&text).unwrap();
        assert_eq!(back.order("a", 4), OptionOrder::file(4));
    }
}
