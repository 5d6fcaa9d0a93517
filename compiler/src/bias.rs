//! The answer-bias check: a test-wise learner must not be able to pick the
//! key by its length or its position. The rules, exactly as `content/README.md`
//! states them:
//!
//! - An option's length is the number of characters of its `text` as written
//!   in the TOML file, trimmed (Markdown backticks count).
//! - **Length rank (single answer).** The key's rank is 1 + the number of
//!   options strictly longer than it (ties share a rank). Over all
//!   single-answer questions, each rank 1–4 must hold between 15 % and 35 %
//!   of the keys (25 % is chance).
//! - **Length outlier (any question).** A correct option must not be uniquely
//!   the longest by more than 1.5× the next longest option; in a
//!   single-answer question the key must not be uniquely the shortest with
//!   the next shortest more than 1.5× its length.
//! - **Position (multiple response).** The expected number of correct slots
//!   at position p is the sum, over multiple-response questions with more
//!   than p options, of `choose / options`. The observed count must stay
//!   within 0.5×–1.5× of it, checked only where the expected count is at
//!   least [`MIN_EXPECTED`].

use std::fmt::Write;

/// Highest share of single-answer keys any length rank may hold.
pub const MAX_RANK_SHARE: f64 = 0.35;
/// Lowest share of single-answer keys any length rank may hold.
pub const MIN_RANK_SHARE: f64 = 0.15;
/// A key this many times longer than the next option (or the next option
/// this many times longer than a shortest key) is a give-away.
pub const OUTLIER_RATIO: f64 = 1.5;
/// Allowed band of observed / expected correct slots per MR position.
pub const MAX_POSITION_RATIO: f64 = 1.5;
pub const MIN_POSITION_RATIO: f64 = 0.5;
/// Positions whose expected count of correct slots is below this are shown
/// but not checked: with fewer than five expected slots, chance alone moves
/// the count by more than half (a Poisson count of 5 has a standard
/// deviation of about 2.2), so a ratio there says nothing about the writers.
/// Five is the usual floor for expected counts in a goodness-of-fit test.
pub const MIN_EXPECTED: f64 = 5.0;

/// What the check needs of one question: its id, its kind and, per option
/// in the order shown, the trimmed character count of its text and whether
/// it is correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub single: bool,
    pub options: Vec<(usize, bool)>,
}

impl Item {
    /// Builds an item from option texts as written (they are trimmed here).
    pub fn new(id: &str, single: bool, options: &[(&str, bool)]) -> Self {
        Item {
            id: id.to_string(),
            single,
            options: options
                .iter()
                .map(|(t, c)| (t.trim().chars().count(), *c))
                .collect(),
        }
    }

    fn correct(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| *c)
            .map(|(i, (len, _))| (i, *len))
    }

    fn others(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.options
            .iter()
            .enumerate()
            .filter(move |(j, _)| *j != i)
            .map(|(_, (len, _))| *len)
    }
}

/// One multiple-response position: expected and observed correct slots.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub expected: f64,
    pub observed: usize,
}

impl Position {
    pub fn checked(&self) -> bool {
        self.expected >= MIN_EXPECTED
    }

    pub fn ratio(&self) -> f64 {
        if self.expected > 0.0 {
            self.observed as f64 / self.expected
        } else {
            0.0
        }
    }
}

/// The distributions the check judges and the report prints.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distributions {
    /// Single-answer questions counted.
    pub singles: usize,
    /// Keys at length rank 1..=4 (index 0 is rank 1).
    pub ranks: [usize; 4],
    /// Keys at position A..=D.
    pub single_positions: [usize; 4],
    /// Multiple-response questions counted.
    pub multiples: usize,
    /// Multiple-response positions A, B, … as far as any question reaches.
    pub positions: Vec<Position>,
    /// Questions whose key is uniquely the longest by more than 1.5×.
    pub longest: Vec<String>,
    /// Single-answer questions whose key is uniquely the shortest by more than 1.5×.
    pub shortest: Vec<String>,
}

/// Computes every distribution over `items`.
pub fn distributions(items: &[Item]) -> Distributions {
    let mut d = Distributions::default();
    for item in items {
        for (i, len) in item.correct() {
            let next_longest = item.others(i).max().unwrap_or(0);
            if len > next_longest && len as f64 > OUTLIER_RATIO * next_longest as f64 {
                d.longest.push(item.id.clone());
            }
            if item.single {
                let next_shortest = item.others(i).min().unwrap_or(usize::MAX);
                if len < next_shortest && next_shortest as f64 > OUTLIER_RATIO * len as f64 {
                    d.shortest.push(item.id.clone());
                }
            }
        }
        if item.single {
            let Some((i, len)) = item.correct().next() else {
                continue;
            };
            d.singles += 1;
            let rank = item.others(i).filter(|&l| l > len).count();
            d.ranks[rank.min(3)] += 1;
            d.single_positions[i.min(3)] += 1;
        } else {
            d.multiples += 1;
            let n = item.options.len();
            let choose = item.correct().count();
            if d.positions.len() < n {
                d.positions.resize(
                    n,
                    Position {
                        expected: 0.0,
                        observed: 0,
                    },
                );
            }
            for (p, (_, correct)) in item.options.iter().enumerate() {
                d.positions[p].expected += choose as f64 / n as f64;
                if *correct {
                    d.positions[p].observed += 1;
                }
            }
        }
    }
    d
}

/// A violation: the question it is about (if one) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub id: Option<String>,
    pub message: String,
}

fn letter(p: usize) -> char {
    char::from(b'A' + p.min(25) as u8)
}

/// Every rule the distributions break; empty when the bank is unbiased.
pub fn violations(d: &Distributions) -> Vec<Violation> {
    let mut out = Vec::new();
    if d.singles > 0 {
        for (r, &n) in d.ranks.iter().enumerate() {
            let share = n as f64 / d.singles as f64;
            if !(MIN_RANK_SHARE..=MAX_RANK_SHARE).contains(&share) {
                out.push(Violation {
                    id: None,
                    message: format!(
                        "the key is the {} option in {n} of {} single-answer questions \
                         ({:.1} %); each length rank must hold 15–35 %",
                        rank_name(r),
                        d.singles,
                        100.0 * share
                    ),
                });
            }
        }
    }
    for id in &d.longest {
        out.push(Violation {
            id: Some(id.clone()),
            message: "a correct option is uniquely the longest, more than 1.5× the next longest"
                .into(),
        });
    }
    for id in &d.shortest {
        out.push(Violation {
            id: Some(id.clone()),
            message:
                "the key is uniquely the shortest; the next shortest is more than 1.5× its length"
                    .into(),
        });
    }
    for (p, pos) in d.positions.iter().enumerate() {
        if pos.checked() && !(MIN_POSITION_RATIO..=MAX_POSITION_RATIO).contains(&pos.ratio()) {
            out.push(Violation {
                id: None,
                message: format!(
                    "multiple response: position {} is correct {} times against {:.1} expected \
                     ({:.2}×); it must be 0.5–1.5×",
                    letter(p),
                    pos.observed,
                    pos.expected,
                    pos.ratio()
                ),
            });
        }
    }
    out
}

fn rank_name(r: usize) -> &'static str {
    ["longest", "second-longest", "third-longest", "shortest"][r.min(3)]
}

/// The distributions as plain text, for the content report.
pub fn render(d: &Distributions) -> String {
    let mut s = String::new();
    let pct = |n: usize, of: usize| {
        if of == 0 {
            0.0
        } else {
            100.0 * n as f64 / of as f64
        }
    };
    let _ = writeln!(
        s,
        "Answer bias ({} single answer, {} multiple response)",
        d.singles, d.multiples
    );
    let _ = writeln!(s, "  key length rank (single; each must be 15–35 %):");
    for (r, &n) in d.ranks.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {} {:<15} {:>4}  {:>5.1} %",
            r + 1,
            rank_name(r),
            n,
            pct(n, d.singles)
        );
    }
    let _ = write!(s, "  key position (single):");
    for (p, &n) in d.single_positions.iter().enumerate() {
        let _ = write!(s, "  {} {} ({:.1} %)", letter(p), n, pct(n, d.singles));
    }
    s.push('\n');
    let _ = writeln!(
        s,
        "  correct slots by position (multiple response; 0.5–1.5× where expected ≥ {MIN_EXPECTED}):"
    );
    for (p, pos) in d.positions.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {} expected {:>5.1}  observed {:>3}  {:.2}×{}",
            letter(p),
            pos.expected,
            pos.observed,
            pos.ratio(),
            if pos.checked() { "" } else { "  (not checked)" }
        );
    }
    let _ = writeln!(
        s,
        "  length outliers: {} uniquely longest, {} uniquely shortest",
        d.longest.len(),
        d.shortest.len()
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A single-answer item whose key has the given length rank (1..=4) and
    /// sits at `position`; lengths are close so no outlier rule fires.
    fn single(id: &str, rank: usize, position: usize) -> Item {
        let mut lens = vec![40, 38, 36, 34];
        let key = lens.remove(rank - 1);
        lens.insert(position, key);
        Item {
            id: id.into(),
            single: true,
            options: lens
                .into_iter()
                .enumerate()
                .map(|(i, l)| (l, i == position))
                .collect(),
        }
    }

    fn balanced_singles(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| single(&format!("q{i}"), i % 4 + 1, (i / 4) % 4))
            .collect()
    }

    /// A multiple-response item of `n` options, equal lengths, correct at `keys`.
    fn multiple(id: &str, n: usize, keys: &[usize]) -> Item {
        Item {
            id: id.into(),
            single: false,
            options: (0..n).map(|p| (30, keys.contains(&p))).collect(),
        }
    }

    #[test]
    fn length_is_trimmed_characters_as_written() {
        let item = Item::new("x", true, &[("  `é` ok \n", true), ("abc", false)]);
        assert_eq!(item.options, vec![(6, true), (3, false)]);
    }

    #[test]
    fn a_balanced_bank_passes() {
        let mut items = balanced_singles(40);
        for i in 0..10 {
            items.push(multiple(&format!("m{i}"), 5, &[i % 5, (i + 1) % 5]));
        }
        let d = distributions(&items);
        assert_eq!(d.ranks, [10, 10, 10, 10]);
        assert_eq!(violations(&d), vec![]);
    }

    #[test]
    fn rank_ties_share_the_higher_rank() {
        let item = Item {
            id: "t".into(),
            single: true,
            options: vec![(40, false), (40, true), (30, false), (30, false)],
        };
        assert_eq!(distributions(&[item]).ranks, [1, 0, 0, 0]);
    }

    #[test]
    fn second_longest_tell_fails() {
        // 44 % second-longest, as the bank had before the rebalancing.
        let mut items = Vec::new();
        for i in 0..100 {
            let rank = match i {
                0..=43 => 2,
                44..=53 => 1,
                54..=78 => 3,
                _ => 4,
            };
            items.push(single(&format!("q{i}"), rank, i % 4));
        }
        let v = violations(&distributions(&items));
        let messages: Vec<&str> = v.iter().map(|v| v.message.as_str()).collect();
        assert_eq!(v.len(), 2, "{messages:?}");
        assert!(messages[0].contains("longest option in 10 of 100"));
        assert!(messages[1].contains("second-longest option in 44 of 100"));
    }

    #[test]
    fn share_limits_are_inclusive() {
        // 35 % and 15 % are allowed; 36 % is not.
        let mut ok = Vec::new();
        for (rank, n) in [(1, 35), (2, 15), (3, 25), (4, 25)] {
            for i in 0..n {
                ok.push(single(&format!("{rank}-{i}"), rank, i % 4));
            }
        }
        assert_eq!(violations(&distributions(&ok)), vec![]);
        ok.push(single("extra-1", 1, 0));
        ok.push(single("extra-2", 1, 1));
        ok.push(single("extra-3", 1, 2));
        let v = violations(&distributions(&ok));
        assert!(
            v[0].message.contains("longest option in 38 of 103"),
            "{v:?}"
        );
    }

    #[test]
    fn a_uniquely_longest_key_over_one_and_a_half_is_named() {
        let mut items = balanced_singles(40);
        let key_of = |id: &str, key: usize| Item {
            id: id.into(),
            single: true,
            options: vec![(key, true), (40, false), (30, false), (30, false)],
        };
        items.push(key_of("long-key", 61));
        // Exactly 1.5× is still allowed.
        items.push(key_of("ok-key", 60));
        // In multiple response too, against every other option.
        items.push(multiple("m-long", 5, &[0, 1]));
        items.last_mut().unwrap().options[1].0 = 46;
        let d = distributions(&items);
        assert_eq!(d.longest, vec!["long-key", "m-long"]);
        let v = violations(&d);
        assert!(v
            .iter()
            .any(|v| v.id.as_deref() == Some("long-key") && v.message.contains("longest")));
    }

    #[test]
    fn a_uniquely_shortest_key_is_named_in_single_answer_only() {
        let mut items = balanced_singles(40);
        items.push(Item {
            id: "short-key".into(),
            single: true,
            options: vec![(40, false), (20, true), (31, false), (35, false)],
        });
        items.push(Item {
            id: "tied-short".into(),
            single: true,
            options: vec![(40, false), (20, true), (20, false), (35, false)],
        });
        let mut m = multiple("m-short", 5, &[0, 1]);
        m.options[0].0 = 10;
        items.push(m);
        let d = distributions(&items);
        assert_eq!(d.shortest, vec!["short-key"]);
        assert!(violations(&d)
            .iter()
            .any(|v| v.id.as_deref() == Some("short-key")));
    }

    #[test]
    fn expected_positions_follow_choose_over_options() {
        let items = vec![multiple("a", 5, &[0, 1]), multiple("b", 6, &[2, 3, 5])];
        let d = distributions(&items);
        assert_eq!(d.positions.len(), 6);
        assert!((d.positions[0].expected - (0.4 + 0.5)).abs() < 1e-9);
        assert!((d.positions[5].expected - 0.5).abs() < 1e-9);
        assert_eq!(d.positions[5].observed, 1);
    }

    #[test]
    fn a_neglected_or_favoured_mr_position_fails() {
        // 20 questions of five options, choose two: 8 expected per position.
        // Nobody ever marks E; B and C take its share.
        let items: Vec<Item> = (0..20)
            .map(|i| {
                let keys = if i % 2 == 0 { [1, 2] } else { [0, 3] };
                multiple(&format!("m{i}"), 5, &keys)
            })
            .collect();
        let d = distributions(&items);
        let v = violations(&d);
        assert!(v
            .iter()
            .any(|v| v.message.contains("position E is correct 0 times")));
        assert!(v.iter().all(|v| !v.message.contains("position A")));
        assert_eq!(v.len(), 1, "{v:?}");
        // Heavier bias: B in every question (20 against 8 expected).
        let items: Vec<Item> = (0..20)
            .map(|i| multiple(&format!("n{i}"), 5, &[1, [0, 2, 3, 4][i % 4]]))
            .collect();
        let v = violations(&distributions(&items));
        assert!(v
            .iter()
            .any(|v| v.message.contains("position B is correct 20 times")));
    }

    #[test]
    fn positions_with_few_expected_slots_are_not_checked() {
        // One six-option question: position F expects 2/6 and is never correct.
        let mut items: Vec<Item> = (0..20)
            .map(|i| multiple(&format!("m{i}"), 5, &[i % 5, (i + 2) % 5]))
            .collect();
        items.push(multiple("six", 6, &[0, 1]));
        let d = distributions(&items);
        assert!(!d.positions[5].checked());
        assert_eq!(violations(&d), vec![]);
        assert!(render(&d).contains("(not checked)"));
    }

    #[test]
    fn the_report_prints_every_distribution() {
        let mut items = balanced_singles(8);
        items.push(multiple("m", 5, &[0, 4]));
        let text = render(&distributions(&items));
        assert!(text.contains("1 longest"));
        assert!(text.contains("4 shortest"));
        assert!(text.contains("key position (single):  A 4 (50.0 %)  B 4 (50.0 %)"));
        assert!(text.contains("E expected   0.4  observed   1"));
    }
}
