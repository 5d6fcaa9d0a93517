//! Building a practice set: filter the bank by domain, task statement,
//! service, difficulty and study state, order it, and cut it to size. The
//! shuffle's seed is passed in, so the same spec and seed give the same set.
//! The spec round-trips through the URL query, so a set is a shareable link.

use serde::{Deserialize, Serialize};

use super::progress::Progress;
use super::question::{Difficulty, QuestionMeta};
use super::stats::question_mastery;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudyState {
    #[default]
    Any,
    Unseen,
    WrongBefore,
    Flagged,
    Due,
    /// Lowest mastery first.
    Weakest,
    /// Questions the learner has written a note on.
    Noted,
}

impl StudyState {
    pub const ALL: [StudyState; 7] = [
        StudyState::Any,
        StudyState::Unseen,
        StudyState::WrongBefore,
        StudyState::Flagged,
        StudyState::Due,
        StudyState::Weakest,
        StudyState::Noted,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StudyState::Any => "Any question",
            StudyState::Unseen => "Not seen yet",
            StudyState::WrongBefore => "Answered wrong before",
            StudyState::Flagged => "Flagged",
            StudyState::Due => "Due for review",
            StudyState::Weakest => "Weakest first",
            StudyState::Noted => "With my notes",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StudyState::Any => "any",
            StudyState::Unseen => "unseen",
            StudyState::WrongBefore => "wrong_before",
            StudyState::Flagged => "flagged",
            StudyState::Due => "due",
            StudyState::Weakest => "weakest",
            StudyState::Noted => "noted",
        }
    }
}

pub const DEFAULT_SIZE: usize = 10;

/// What the learner asked for. Every field is optional in the URL.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SetSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<Difficulty>,
    #[serde(default)]
    pub state: StudyState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// Exactly these questions (comma-separated ids), in this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<String>,
    /// The shuffle's seed, so a shared link gives the same set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

impl SetSpec {
    pub fn size(&self) -> usize {
        self.size.unwrap_or(DEFAULT_SIZE).clamp(1, 200)
    }

    pub fn id_list(&self) -> Option<Vec<&str>> {
        self.ids.as_deref().map(|ids| {
            ids.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
    }

    pub fn matches(&self, q: &QuestionMeta, progress: &Progress, now: i64) -> bool {
        let p = progress.question(&q.id);
        self.id_list()
            .is_none_or(|ids| ids.contains(&q.id.as_str()))
            && self.domain.is_none_or(|d| q.domain == d)
            && self.task.as_deref().is_none_or(|t| q.task == t)
            && self
                .service
                .as_deref()
                .is_none_or(|s| q.services.iter().any(|x| x == s))
            && self.difficulty.is_none_or(|d| q.difficulty == Some(d))
            && match self.state {
                StudyState::Any | StudyState::Weakest => true,
                StudyState::Unseen => p.is_none_or(|p| p.reviews.is_empty()),
                StudyState::WrongBefore => p.is_some_and(|p| p.ever_wrong()),
                StudyState::Flagged => p.is_some_and(|p| p.flagged()),
                StudyState::Due => {
                    p.is_some()
                        && super::plan::due_at(progress, &q.id, now).is_some_and(|d| d <= now)
                }
                StudyState::Noted => p.is_some_and(|p| p.note().is_some()),
            }
    }
}

/// The ids of the set, in the order to study them.
pub fn build(
    spec: &SetSpec,
    bank: &[QuestionMeta],
    progress: &Progress,
    now: i64,
    seed: u64,
) -> Vec<String> {
    let mut picked: Vec<&QuestionMeta> = bank
        .iter()
        .filter(|q| spec.matches(q, progress, now))
        .collect();
    if let Some(ids) = spec.id_list() {
        picked.sort_by_key(|q| ids.iter().position(|id| *id == q.id));
        picked.truncate(spec.size.unwrap_or(ids.len()).clamp(1, 200));
        return picked.into_iter().map(|q| q.id.clone()).collect();
    }
    fastrand::Rng::with_seed(seed).shuffle(&mut picked);
    match spec.state {
        StudyState::Weakest => {
            // Stable sort keeps the shuffled order among equals.
            picked.sort_by(|a, b| {
                question_mastery(progress, &a.id, now)
                    .total_cmp(&question_mastery(progress, &b.id, now))
            });
        }
        StudyState::Due => {
            picked.sort_by_key(|q| super::plan::due_at(progress, &q.id, now).unwrap_or(i64::MAX));
        }
        _ => {}
    }
    picked.truncate(spec.size());
    picked.into_iter().map(|q| q.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::question::Kind;
    use crate::domain::schedule::{Confidence, Review};

    fn meta(
        id: &str,
        task: &str,
        services: &[&str],
        difficulty: Option<Difficulty>,
    ) -> QuestionMeta {
        QuestionMeta {
            id: id.into(),
            domain: task[..1].parse().unwrap(),
            task: task.into(),
            services: services.iter().map(|s| (*s).to_string()).collect(),
            kind: Kind::Single,
            difficulty,
        }
    }

    fn bank() -> Vec<QuestionMeta> {
        vec![
            meta("a", "1.1", &["CodePipeline"], Some(Difficulty::Easy)),
            meta("b", "1.1", &["CodeBuild"], Some(Difficulty::Hard)),
            meta("c", "1.4", &["CodeDeploy"], Some(Difficulty::Hard)),
            meta("d", "2.1", &["CloudFormation"], None),
            meta(
                "e",
                "2.1",
                &["CloudFormation", "CodePipeline"],
                Some(Difficulty::Medium),
            ),
        ]
    }

    const NOW: i64 = 1_785_000_000_000;

    fn progress() -> Progress {
        let mut p = Progress::default();
        let r = |at: i64, correct, confidence| Review {
            at,
            correct,
            confidence,
            ms: None,
        };
        p.record("a", r(NOW - 86_400_000 * 30, true, Confidence::Knew));
        p.record("b", r(NOW - 3_600_000, false, Confidence::Unsure));
        p.record("c", r(NOW - 60_000, true, Confidence::Knew));
        p.set_flag("d", true, NOW - 5);
        p.set_note("e", "cfn-hup polls every 15 minutes", NOW - 4);
        p.set_note("c", "first thought", NOW - 9);
        p.set_note("c", "", NOW - 3);
        p
    }

    fn ids(spec: SetSpec) -> Vec<String> {
        let mut v = build(&spec, &bank(), &progress(), NOW, 7);
        v.sort();
        v
    }

    #[test]
    fn filters_by_content() {
        assert_eq!(
            ids(SetSpec {
                domain: Some(2),
                ..Default::default()
            }),
            ["d", "e"]
        );
        assert_eq!(
            ids(SetSpec {
                task: Some("1.1".into()),
                ..Default::default()
            }),
            ["a", "b"]
        );
        assert_eq!(
            ids(SetSpec {
                service: Some("CodePipeline".into()),
                ..Default::default()
            }),
            ["a", "e"]
        );
        assert_eq!(
            ids(SetSpec {
                difficulty: Some(Difficulty::Hard),
                ..Default::default()
            }),
            ["b", "c"]
        );
    }

    #[test]
    fn filters_by_study_state() {
        let state = |state| {
            ids(SetSpec {
                state,
                ..Default::default()
            })
        };
        assert_eq!(state(StudyState::Unseen), ["d", "e"]);
        assert_eq!(state(StudyState::WrongBefore), ["b"]);
        assert_eq!(state(StudyState::Flagged), ["d"]);
        assert_eq!(
            state(StudyState::Due),
            ["a", "b"],
            "c was answered a minute ago"
        );
        assert_eq!(state(StudyState::Weakest).len(), 5);
        assert_eq!(
            state(StudyState::Noted),
            ["e"],
            "c's note was deleted, so only e has one"
        );
    }

    #[test]
    fn study_states_round_trip_through_their_url_keys() {
        for st in StudyState::ALL {
            let spec = SetSpec {
                state: st,
                ..Default::default()
            };
            let query = serde_urlencoded::to_string(&spec).unwrap();
            assert_eq!(query, format!("state={}", st.key()));
            let back: SetSpec = serde_urlencoded::from_str(&query).unwrap();
            assert_eq!(back.state, st);
        }
    }

    #[test]
    fn weakest_first_puts_unknown_questions_before_known_ones() {
        let set = build(
            &SetSpec {
                state: StudyState::Weakest,
                ..Default::default()
            },
            &bank(),
            &progress(),
            NOW,
            3,
        );
        let pos = |id: &str| set.iter().position(|x| x == id).unwrap();
        assert!(pos("d") < pos("c") && pos("e") < pos("c"), "{set:?}");
    }

    #[test]
    fn explicit_ids_keep_their_order() {
        let spec = SetSpec {
            ids: Some("e, a,zz".into()),
            ..Default::default()
        };
        assert_eq!(build(&spec, &bank(), &progress(), NOW, 1), ["e", "a"]);
    }

    #[test]
    fn size_and_seed() {
        let spec = SetSpec {
            size: Some(3),
            ..Default::default()
        };
        let one = build(&spec, &bank(), &progress(), NOW, 42);
        assert_eq!(one.len(), 3);
        assert_eq!(
            one,
            build(&spec, &bank(), &progress(), NOW, 42),
            "same seed, same set"
        );
        let orders: std::collections::BTreeSet<Vec<String>> = (0..20)
            .map(|seed| build(&SetSpec::default(), &bank(), &progress(), NOW, seed))
            .collect();
        assert!(orders.len() > 1, "different seeds shuffle differently");
        assert_eq!(
            SetSpec {
                size: Some(0),
                ..Default::default()
            }
            .size(),
            1
        );
    }
}
