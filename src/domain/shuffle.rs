//! The order a question's options are shown in. Learners who see options in
//! the file's order start remembering positions instead of answers, so
//! practice and exams shuffle them (the learner's `shuffle` setting, on by
//! default).
//!
//! The order is a pure function of a seed and the question's id: a practice
//! link with `seed=`, a resumed exam and "retake this exact exam" all show
//! the same order, and nothing about it has to be stored beyond the seed and
//! whether the exam was shuffled. Grading never sees this order: answers are
//! [`ChoiceId`]s (the option's index in the file); only the letters shown to
//! the learner follow the order on screen.

use super::question::ChoiceId;

/// The options of one question, in the order they are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OptionOrder(Vec<ChoiceId>);

impl OptionOrder {
    /// The file's order: A is the first option authored.
    pub fn file(len: usize) -> OptionOrder {
        OptionOrder((0..len).map(choice).collect())
    }

    /// The shuffled order for question `id` under `seed`.
    pub fn seeded(seed: u64, id: &str, len: usize) -> OptionOrder {
        let mut order = OptionOrder::file(len);
        fastrand::Rng::with_seed(mix(seed, id)).shuffle(&mut order.0);
        order
    }

    /// [`OptionOrder::seeded`] when `shuffle` is on, else the file's order.
    pub fn new(shuffle: bool, seed: u64, id: &str, len: usize) -> OptionOrder {
        if shuffle {
            OptionOrder::seeded(seed, id, len)
        } else {
            OptionOrder::file(len)
        }
    }

    /// The options, first shown first.
    pub fn ids(&self) -> &[ChoiceId] {
        &self.0
    }

    /// The option shown at `position` (0-based), e.g. for the key "1".
    pub fn at(&self, position: usize) -> Option<ChoiceId> {
        self.0.get(position).copied()
    }

    /// Where `id` is shown (0-based), if it is one of these options.
    pub fn position(&self, id: ChoiceId) -> Option<usize> {
        self.0.iter().position(|&c| c == id)
    }

    /// The letter the learner sees for `id`: A for the first option shown.
    /// An option not in the order keeps its file letter.
    pub fn letter(&self, id: ChoiceId) -> char {
        self.position(id)
            .map_or(id.letter(), |p| choice(p).letter())
    }
}

fn choice(i: usize) -> ChoiceId {
    ChoiceId(u8::try_from(i).unwrap_or(u8::MAX))
}

/// One seed per (seed, question): FNV-1a over both. Spelled out rather than
/// `std`'s hasher, whose output may change between Rust releases, which
/// would reshuffle stored exams.
fn mix(seed: u64, id: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    seed.to_le_bytes()
        .iter()
        .chain(id.as_bytes())
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(PRIME)
        })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::grading::tests::question;
    use crate::domain::grading::{grade, Selection};
    use crate::domain::question::Kind;

    #[test]
    fn the_same_seed_and_question_give_the_same_order() {
        assert_eq!(
            OptionOrder::seeded(42, "d1-a", 5),
            OptionOrder::seeded(42, "d1-a", 5)
        );
        // Pinned: a change here reshuffles every stored exam and shared link.
        assert_eq!(
            OptionOrder::seeded(7, "q", 4)
                .ids()
                .iter()
                .map(|c| c.letter())
                .collect::<String>(),
            "ABDC"
        );
        assert_eq!(
            OptionOrder::seeded(1_765_000_000, "d3-x", 6)
                .ids()
                .iter()
                .map(|c| c.letter())
                .collect::<String>(),
            "BAECDF"
        );
    }

    #[test]
    fn an_order_is_a_permutation_of_the_options() {
        for seed in 0..50 {
            for len in [0, 1, 4, 5, 6] {
                let order = OptionOrder::seeded(seed, "q", len);
                let ids: BTreeSet<ChoiceId> = order.ids().iter().copied().collect();
                assert_eq!(ids, OptionOrder::file(len).ids().iter().copied().collect());
                assert_eq!(order.ids().len(), len);
            }
        }
    }

    #[test]
    fn orders_vary_across_questions_and_seeds() {
        let by_question: BTreeSet<_> = (0..20)
            .map(|i| OptionOrder::seeded(1, &format!("q{i}"), 4))
            .map(|o| o.ids().to_vec())
            .collect();
        assert!(by_question.len() > 5, "{by_question:?}");
        let by_seed: BTreeSet<_> = (0..20)
            .map(|seed| OptionOrder::seeded(seed, "q", 4).ids().to_vec())
            .collect();
        assert!(by_seed.len() > 5, "{by_seed:?}");
        assert!(
            (0..20).any(|seed| OptionOrder::seeded(seed, "q", 4) != OptionOrder::file(4)),
            "some orders differ from the file's"
        );
    }

    #[test]
    fn off_means_the_files_order() {
        assert_eq!(OptionOrder::new(false, 9, "q", 4), OptionOrder::file(4));
        assert_eq!(
            OptionOrder::new(true, 9, "q", 4),
            OptionOrder::seeded(9, "q", 4)
        );
        let file = OptionOrder::file(4);
        assert_eq!(file.letter(ChoiceId(2)), 'C');
        assert_eq!(file.at(3), Some(ChoiceId(3)));
    }

    #[test]
    fn letters_follow_the_order_shown() {
        let order = (0..)
            .map(|seed| OptionOrder::seeded(seed, "q", 4))
            .find(|o| o.at(0) != Some(ChoiceId(0)))
            .unwrap();
        let first = order.at(0).unwrap();
        assert_eq!(order.letter(first), 'A');
        assert_eq!(order.position(first), Some(0));
        assert_ne!(order.letter(ChoiceId(0)), 'A');
        let shown: String = order.ids().iter().map(|&c| order.letter(c)).collect();
        assert_eq!(shown, "ABCD");
        assert_eq!(
            order.letter(ChoiceId(9)),
            ChoiceId(9).letter(),
            "unknown id"
        );
        assert_eq!(order.at(4), None);
    }

    #[test]
    fn grading_is_by_choice_id_whatever_the_order() {
        let q = question(Kind::Multiple { choose: 2 }, &[1, 3], 5);
        let right: Selection = [ChoiceId(1), ChoiceId(3)].into();
        for seed in 0..10 {
            let order = OptionOrder::seeded(seed, &q.id, 5);
            // Picking the correct options by where they are shown.
            let picked: Selection = order
                .ids()
                .iter()
                .copied()
                .filter(|&c| q.is_correct(c))
                .collect();
            assert_eq!(picked, right);
            assert!(grade(&q, &picked).correct);
            // The first two shown are right only if they are B and D.
            let first_two: Selection = order.ids()[..2].iter().copied().collect();
            assert_eq!(grade(&q, &first_two).correct, first_two == right);
        }
    }
}
