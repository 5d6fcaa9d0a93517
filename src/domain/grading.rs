//! Grading one answer. Scoring is all-or-nothing per question, as on the real
//! exam: a multiple-response answer counts only if it selects exactly the
//! correct options.

use std::collections::BTreeSet;

use super::question::{ChoiceId, Question};

/// The options a learner has selected.
pub type Selection = BTreeSet<ChoiceId>;

/// How one option came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChoiceOutcome {
    pub id: ChoiceId,
    pub selected: bool,
    pub correct: bool,
}

impl ChoiceOutcome {
    /// A correct option the learner did not pick.
    pub fn missed(&self) -> bool {
        self.correct && !self.selected
    }
}

/// The result of grading one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub correct: bool,
    pub choices: Vec<ChoiceOutcome>,
}

/// Whether a selection is a complete answer: one option for a single-answer
/// question, exactly `choose` for multiple response.
pub fn is_complete(question: &Question, selection: &Selection) -> bool {
    selection.len() == question.kind.picks()
        && selection
            .iter()
            .all(|id| usize::from(id.0) < question.options.len())
}

pub fn grade(question: &Question, selection: &Selection) -> Graded {
    let choices: Vec<ChoiceOutcome> = question
        .choice_ids()
        .map(|id| ChoiceOutcome {
            id,
            selected: selection.contains(&id),
            correct: question.is_correct(id),
        })
        .collect();
    let correct =
        is_complete(question, selection) && choices.iter().all(|c| c.selected == c.correct);
    Graded { correct, choices }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::question::{Choice, Kind};

    pub(crate) fn question(kind: Kind, correct: &[usize], n: usize) -> Question {
        Question {
            id: "q".into(),
            domain: 1,
            task: "1.1".into(),
            services: vec!["CodePipeline".into()],
            kind,
            difficulty: None,
            status_note: None,
            stem: "<p>stem</p>".into(),
            options: (0..n)
                .map(|i| Choice {
                    text: format!("option {i}"),
                    correct: correct.contains(&i),
                    explanation: format!("because {i}"),
                })
                .collect(),
            references: vec!["https://docs.aws.amazon.com/".into()],
            reviewed: None,
        }
    }

    fn sel(ids: &[u8]) -> Selection {
        ids.iter().map(|&i| ChoiceId(i)).collect()
    }

    #[test]
    fn single_answer_right_and_wrong() {
        let q = question(Kind::Single, &[2], 4);
        assert!(grade(&q, &sel(&[2])).correct);
        let wrong = grade(&q, &sel(&[1]));
        assert!(!wrong.correct);
        assert!(wrong.choices[2].missed());
        assert!(wrong.choices[1].selected && !wrong.choices[1].correct);
    }

    #[test]
    fn multiple_response_is_all_or_nothing() {
        let q = question(Kind::Multiple { choose: 2 }, &[0, 3], 5);
        assert!(grade(&q, &sel(&[0, 3])).correct);
        assert!(!grade(&q, &sel(&[0])).correct, "half right scores nothing");
        assert!(!grade(&q, &sel(&[0, 1])).correct);
        assert!(
            !grade(&q, &sel(&[0, 1, 3])).correct,
            "too many scores nothing"
        );
    }

    #[test]
    fn completeness_counts_picks_and_bounds() {
        let q = question(Kind::Multiple { choose: 2 }, &[0, 3], 5);
        assert!(!is_complete(&q, &sel(&[0])));
        assert!(is_complete(&q, &sel(&[0, 4])));
        assert!(!is_complete(&q, &sel(&[0, 9])), "out-of-range id");
    }
}
