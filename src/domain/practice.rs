//! The practice loop as a pure state machine: select options, submit, see
//! the verdict with every explanation, go on. The view wraps it in
//! `use_reducer`; tests drive it directly.

use std::rc::Rc;

use super::grading::{grade, is_complete, Graded, Selection};
use super::question::{ChoiceId, Kind, Question};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PracticeAction {
    /// Pick an option. For a single answer it replaces the pick; for multiple
    /// response it toggles, and a pick beyond "Choose N" is refused.
    SelectChoice(ChoiceId),
    /// Grade the current answer (only when it is complete).
    Submit,
    /// Move to the next question after the verdict.
    Next,
    /// Start the same set again from the first question.
    Restart,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Answering,
    Revealed(Graded),
    Finished,
}

/// One answered question in this set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub id: String,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practice {
    pub questions: Rc<[Question]>,
    pub index: usize,
    pub selection: Selection,
    pub phase: Phase,
    pub answered: Vec<Answered>,
}

impl Practice {
    pub fn new(questions: Rc<[Question]>) -> Self {
        let phase = if questions.is_empty() {
            Phase::Finished
        } else {
            Phase::Answering
        };
        Self {
            questions,
            index: 0,
            selection: Selection::new(),
            phase,
            answered: Vec::new(),
        }
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
        self.answered.iter().filter(|a| a.correct).count()
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
                let graded = grade(q, &self.selection);
                next.answered.push(Answered {
                    id: q.id.clone(),
                    correct: graded.correct,
                });
                next.phase = Phase::Revealed(graded);
            }
            (PracticeAction::Next, Phase::Revealed(_)) => {
                next.selection.clear();
                next.index += 1;
                next.phase = if next.index < self.questions.len() {
                    Phase::Answering
                } else {
                    Phase::Finished
                };
            }
            (PracticeAction::Restart, _) => return Self::new(self.questions.clone()),
            _ => {}
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grading::tests::question;

    fn set() -> Practice {
        let mut multi = question(Kind::Multiple { choose: 2 }, &[1, 4], 5);
        multi.id = "multi".into();
        let mut single = question(Kind::Single, &[0], 4);
        single.id = "single".into();
        Practice::new(vec![single, multi].into())
    }

    #[test]
    fn single_answer_replaces_and_submits() {
        let p = set()
            .apply(PracticeAction::SelectChoice(ChoiceId(2)))
            .apply(PracticeAction::SelectChoice(ChoiceId(0)));
        assert_eq!(p.selection.len(), 1);
        let p = p.apply(PracticeAction::Submit);
        assert!(matches!(&p.phase, Phase::Revealed(g) if g.correct));
        assert_eq!(p.score(), 1);
    }

    #[test]
    fn cannot_submit_incomplete_or_change_after_reveal() {
        let p = set().apply(PracticeAction::Submit);
        assert_eq!(p.phase, Phase::Answering, "nothing selected");
        let p = p
            .apply(PracticeAction::SelectChoice(ChoiceId(1)))
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::SelectChoice(ChoiceId(0)));
        assert_eq!(p.selection.iter().next(), Some(&ChoiceId(1)));
        assert!(matches!(&p.phase, Phase::Revealed(g) if !g.correct));
    }

    #[test]
    fn multiple_response_caps_at_choose_and_toggles() {
        let p = set()
            .apply(PracticeAction::SelectChoice(ChoiceId(0)))
            .apply(PracticeAction::Submit)
            .apply(PracticeAction::Next);
        assert_eq!(p.current().unwrap().id, "multi");
        let p = p
            .apply(PracticeAction::SelectChoice(ChoiceId(1)))
            .apply(PracticeAction::SelectChoice(ChoiceId(2)))
            .apply(PracticeAction::SelectChoice(ChoiceId(4)));
        assert_eq!(p.selection.len(), 2, "third pick refused");
        let p = p
            .apply(PracticeAction::SelectChoice(ChoiceId(2)))
            .apply(PracticeAction::SelectChoice(ChoiceId(4)))
            .apply(PracticeAction::Submit);
        assert!(matches!(&p.phase, Phase::Revealed(g) if g.correct));
        let done = p.apply(PracticeAction::Next);
        assert_eq!(done.phase, Phase::Finished);
        assert_eq!(done.score(), 2);
        assert_eq!(done.apply(PracticeAction::Restart).index, 0);
    }

    #[test]
    fn empty_set_is_finished() {
        assert_eq!(Practice::new(Vec::new().into()).phase, Phase::Finished);
    }
}
