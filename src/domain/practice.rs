//! The practice loop as a pure state machine: select options, submit, say
//! how sure you were, then see the verdict with every explanation — right
//! away, or for the whole set at the end (the learner's feedback setting).
//! The view wraps it in `use_reducer`; tests drive it directly.

use std::rc::Rc;

use super::grading::{grade, is_complete, Graded, Selection};
use super::progress::Feedback;
use super::question::{ChoiceId, Kind, Question};
use super::schedule::Confidence;
use super::shuffle::OptionOrder;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeAction {
    /// Pick an option. For a single answer it replaces the pick; for multiple
    /// response it toggles, and a pick beyond "Choose N" is refused.
    SelectChoice(ChoiceId),
    /// Lock in the current answer (only when it is complete).
    Submit,
    /// How sure the learner was; records the answer.
    Rate(Confidence),
    /// Move on after the verdict.
    Next,
    /// Start the same set again from the first question.
    Restart,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Answering,
    /// Answer locked; waiting for the confidence rating. The grade is known
    /// but not shown yet.
    Rating(Graded),
    Revealed(Graded),
    Finished,
}

/// One answered question in this set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub index: usize,
    pub selection: Selection,
    pub graded: Graded,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    pub questions: Rc<[Question]>,
    pub feedback: Feedback,
    pub index: usize,
    pub selection: Selection,
    pub phase: Phase,
    pub answered: Vec<Answered>,
    /// The seed options are shuffled with, or none for the file's order.
    pub shuffle: Option<u64>,
}

impl Practice {
    pub fn new(questions: Rc<[Question]>, feedback: Feedback) -> Self {
        let phase = if questions.is_empty() {
            Phase::Finished
        } else {
            Phase::Answering
        };
        Self {
            questions,
            feedback,
            index: 0,
            selection: Selection::new(),
            phase,
            answered: Vec::new(),
            shuffle: None,
        }
    }

    /// The same set with its options shuffled by `seed` (none: file order).
    #[must_use]
    pub fn with_shuffle(mut self, seed: Option<u64>) -> Self {
        self.shuffle = seed;
        self
    }

    /// The order `q`'s options are shown in.
    pub fn order_of(&self, q: &Question) -> OptionOrder {
        OptionOrder::new(
            self.shuffle.is_some(),
            self.shuffle.unwrap_or(0),
            &q.id,
            q.options.len(),
        )
    }

    pub fn current(&self) -> Option<&Question> {
        match self.phase {
            Phase::Finished => None,
            _ => self.questions.get(self.index),
        }
    }

    pub fn can_submit(&self) -> bool {
        matches!(self.phase, Phase::Answering)
            && self
                .current()
                .is_some_and(|q| is_complete(q, &self.selection))
    }

    pub fn score(&self) -> usize {
        self.answered.iter().filter(|a| a.graded.correct).count()
    }

    /// The answer just recorded by a `Rate`, for the caller to store.
    pub fn last_answer(&self) -> Option<(&Question, &Answered)> {
        let a = self.answered.last()?;
        Some((self.questions.get(a.index)?, a))
    }

    fn advance(&mut self) {
        self.selection.clear();
        self.index += 1;
        self.phase = if self.index < self.questions.len() {
            Phase::Answering
        } else {
            Phase::Finished
        };
    }

    /// The state after `action`. Actions that make no sense in the current
    /// phase leave the state unchanged rather than failing.
    #[must_use]
    pub fn apply(&self, action: PracticeAction) -> Self {
        let mut next = self.clone();
        match (action, &self.phase) {
            (PracticeAction::SelectChoice(id), Phase::Answering) => {
                let Some(q) = self.current() else { return next };
                if usize::from(id.0) >= q.options.len() {
                    return next;
                }
                match q.kind {
                    Kind::Single => {
                        next.selection.clear();
                        next.selection.insert(id);
                    }
                    Kind::Multiple { choose } => {
                        if !next.selection.remove(&id) && next.selection.len() < usize::from(choose)
                        {
                            next.selection.insert(id);
                        }
                    }
                }
            }
            (PracticeAction::Submit, Phase::Answering) if self.can_submit() => {
                let q = self.current().expect("answering has a question");
                next.phase = Phase::Rating(grade(q, &self.selection));
            }
            (PracticeAction::Rate(confidence), Phase::Rating(graded)) => {
                next.answered.push(Answered {
                    index: self.index,
                    selection: self.selection.clone(),
                    graded: graded.clone(),
                    confidence,
                });
                match self.feedback {
                    Feedback::Immediate => next.phase = Phase::Revealed(graded.clone()),
                    Feedback::EndOfSet => next.advance(),
                }
            }
            (PracticeAction::Next, Phase::Revealed(_)) => next.advance(),
            (PracticeAction::Restart, _) => {
                return Self::new(self.questions.clone(), self.feedback)
            }
            _ => {}
        }
        next
    }
}

/// What a key press asks for during practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Practice(PracticeAction),
    ToggleFlag,
    ToggleHelp,
    CloseHelp,
}

/// The keyboard map: 1–8 pick options (1–3 rate confidence after
/// submitting), Enter submits and goes on, F flags, ? shows the shortcuts.
pub fn command_for_key(p: &Practice, key: &str) -> Option<Command> {
    match key {
        "f" | "F" if p.current().is_some() => return Some(Command::ToggleFlag),
        "?" => return Some(Command::ToggleHelp),
        "Escape" => return Some(Command::CloseHelp),
        _ => {}
    }
    let digit = key.parse::<u8>().ok().filter(|d| (1..=8).contains(d));
    let action = match (&p.phase, key, digit) {
        (Phase::Answering, "Enter", _) if p.can_submit() => PracticeAction::Submit,
        // The key names the option by where it is shown, not by its id.
        (Phase::Answering, _, Some(d)) => PracticeAction::SelectChoice(
            p.current()
                .and_then(|q| p.order_of(q).at(usize::from(d - 1)))
                .unwrap_or(ChoiceId(d - 1)),
        ),
        (Phase::Rating(_), _, Some(d @ 1..=3)) => {
            PracticeAction::Rate(Confidence::ALL[usize::from(d - 1)])
        }
        (Phase::Revealed(_), "Enter", _) => PracticeAction::Next,
        _ => return None,
    };
    Some(Command::Practice(action))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grading::tests::question;

    fn set(feedback: Feedback) -> Practice {
        let mut multi = question(Kind::Multiple { choose: 2 }, &[1, 4], 5);
        multi.id = "multi".into();
        let mut single = question(Kind::Single, &[0], 4);
        single.id = "single".into();
        Practice::new(vec![single, multi].into(), feedback)
    }

    fn pick(p: Practice, ids: &[u8]) -> Practice {
        ids.iter().fold(p, |p, &i| {
            p.apply(PracticeAction::SelectChoice(ChoiceId(i)))
        })
    }

    #[test]
    fn submit_asks_for_confidence_before_the_verdict() {
        let p = pick(set(Feedback::Immediate), &[2, 0]);
        assert_eq!(p.selection.len(), 1, "single answer replaces the pick");
        let p = p.apply(PracticeAction::Submit);
        assert!(matches!(p.phase, Phase::Rating(_)));
        assert!(p.answered.is_empty(), "nothing recorded before the rating");
        let p = p.apply(PracticeAction::Next);
        assert!(
            matches!(p.phase, Phase::Rating(_)),
            "cannot skip the rating"
        );
        let p = p.apply(PracticeAction::Rate(Confidence::Unsure));
        assert!(matches!(&p.phase, Phase::Revealed(g) if g.correct));
        let (q, a) = p.last_answer().unwrap();
        assert_eq!(
            (q.id.as_str(), a.confidence, a.graded.correct),
            ("single", Confidence::Unsure, true)
        );
    }

    #[test]
    fn cannot_submit_incomplete_or_change_after_submitting() {
        let p = set(Feedback::Immediate).apply(PracticeAction::Submit);
        assert_eq!(p.phase, Phase::Answering, "nothing selected");
        let p = pick(p, &[1]).apply(PracticeAction::Submit);
        let p = pick(p, &[0]);
        assert_eq!(p.selection.iter().next(), Some(&ChoiceId(1)));
        let p = p.apply(PracticeAction::Rate(Confidence::Knew));
        assert!(matches!(&p.phase, Phase::Revealed(g) if !g.correct));
    }

    #[test]
    fn multiple_response_caps_at_choose_and_toggles() {
        let p = pick(set(Feedback::Immediate), &[0])
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::Rate(Confidence::Knew))
            .apply(PracticeAction::Next);
        assert_eq!(p.current().unwrap().id, "multi");
        let p = pick(p, &[1, 2, 4]);
        assert_eq!(p.selection.len(), 2, "third pick refused");
        let p = pick(p, &[2, 4])
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::Rate(Confidence::Knew));
        assert!(matches!(&p.phase, Phase::Revealed(g) if g.correct));
        let done = p.apply(PracticeAction::Next);
        assert_eq!(done.phase, Phase::Finished);
        assert_eq!(done.score(), 2);
        assert_eq!(done.apply(PracticeAction::Restart).index, 0);
    }

    #[test]
    fn end_of_set_feedback_moves_on_without_revealing() {
        let p = pick(set(Feedback::EndOfSet), &[3])
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::Rate(Confidence::Guessed));
        assert_eq!(p.phase, Phase::Answering);
        assert_eq!(p.index, 1);
        let done = pick(p, &[1, 4])
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::Rate(Confidence::Knew));
        assert_eq!(done.phase, Phase::Finished);
        assert_eq!(done.answered.len(), 2);
        assert_eq!(done.score(), 1);
        assert!(!done.answered[0].graded.correct);
    }

    #[test]
    fn keyboard_drives_the_whole_loop() {
        let key = |p: &Practice, k: &str| command_for_key(p, k);
        let p = set(Feedback::Immediate);
        assert_eq!(
            key(&p, "2"),
            Some(Command::Practice(PracticeAction::SelectChoice(ChoiceId(1))))
        );
        assert_eq!(key(&p, "Enter"), None, "nothing to submit yet");
        assert_eq!(key(&p, "f"), Some(Command::ToggleFlag));
        assert_eq!(key(&p, "?"), Some(Command::ToggleHelp));
        let p = pick(p, &[0]);
        assert_eq!(
            key(&p, "Enter"),
            Some(Command::Practice(PracticeAction::Submit))
        );
        let p = p.apply(PracticeAction::Submit);
        assert_eq!(
            key(&p, "3"),
            Some(Command::Practice(PracticeAction::Rate(Confidence::Knew)))
        );
        assert_eq!(
            key(&p, "1"),
            Some(Command::Practice(PracticeAction::Rate(Confidence::Guessed)))
        );
        assert_eq!(key(&p, "4"), None);
        let p = p.apply(PracticeAction::Rate(Confidence::Knew));
        assert_eq!(
            key(&p, "Enter"),
            Some(Command::Practice(PracticeAction::Next))
        );
        assert_eq!(key(&p, "x"), None);
    }

    #[test]
    fn number_keys_pick_by_the_position_shown() {
        let p = (0..)
            .map(|seed| set(Feedback::Immediate).with_shuffle(Some(seed)))
            .find(|p| p.order_of(p.current().unwrap()).at(0) != Some(ChoiceId(0)))
            .unwrap();
        let order = p.order_of(p.current().unwrap());
        assert_eq!(
            command_for_key(&p, "1"),
            Some(Command::Practice(PracticeAction::SelectChoice(
                order.at(0).unwrap()
            )))
        );
        let plain = set(Feedback::Immediate);
        assert_eq!(
            plain.order_of(plain.current().unwrap()),
            OptionOrder::file(4),
            "no seed: the file's order"
        );
    }

    #[test]
    fn empty_set_is_finished() {
        assert_eq!(
            Practice::new(Vec::new().into(), Feedback::Immediate).phase,
            Phase::Finished
        );
    }
}
