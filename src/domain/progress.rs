//! The learner's progress: one versioned JSON document, stored under one
//! namespaced key. It holds every answer (with its time and the learner's
//! confidence), flags and study settings. Schedules and statistics are
//! derived from it, never stored, which keeps merging simple and exact:
//! answers are a union, flags and settings are last-writer-wins.
//!
//! Reading is forgiving and loud: an older schema is migrated, anything else
//! (corrupt, foreign, from a newer app) is reported as such so the caller can
//! back up the raw value and tell the learner — never silently discarded.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::schedule::{replay, CardState, Review};

/// The schema this code writes. Every earlier version stays readable: add a
/// step to [`migrate`] and a fixture under `tests/fixtures/` for each.
pub const SCHEMA_VERSION: u32 = 1;
/// Marks a document as ours, so foreign JSON under our key is recognised.
pub const APP_TAG: &str = "canary";
pub const STORAGE_KEY: &str = "progress";

/// A value with the time it was set, for last-writer-wins merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub value: T,
    pub at: i64,
}

/// When practice shows whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    #[default]
    Immediate,
    EndOfSet,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Stamped<Feedback>>,
}

impl Settings {
    pub fn feedback(&self) -> Feedback {
        self.feedback.map(|f| f.value).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// Every answer, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<Stamped<bool>>,
}

impl QuestionProgress {
    pub fn flagged(&self) -> bool {
        self.flag.is_some_and(|f| f.value)
    }

    pub fn card(&self) -> Option<CardState> {
        replay(&self.reviews)
    }

    pub fn ever_wrong(&self) -> bool {
        self.reviews.iter().any(|r| !r.correct)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub app: String,
    pub schema: u32,
    /// The question bank's version when this document was last written.
    #[serde(default)]
    pub content_version: String,
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionProgress>,
    #[serde(default)]
    pub settings: Settings,
    /// Finished exams, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exams: Vec<super::exam::Attempt>,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            app: APP_TAG.into(),
            schema: SCHEMA_VERSION,
            content_version: String::new(),
            questions: BTreeMap::new(),
            settings: Settings::default(),
            exams: Vec::new(),
        }
    }
}

/// Why a stored value could not be read as progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// JSON, but not a Canary progress document.
    Foreign,
    /// Written by a newer Canary than this one.
    Newer(u32),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Corrupt(e) => write!(f, "the data is damaged ({e})"),
            ReadError::Foreign => write!(f, "the data is not a Canary progress file"),
            ReadError::Newer(v) => write!(
                f,
                "the data comes from a newer version of Canary (schema {v})"
            ),
        }
    }
}

/// Parses a stored or imported document, migrating older schemas.
pub fn parse(text: &str) -> Result<Progress, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    if value.get("app").and_then(Value::as_str) != Some(APP_TAG) {
        return Err(ReadError::Foreign);
    }
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::Corrupt("no schema version".into()))?;
    let schema =
        u32::try_from(schema).map_err(|_| ReadError::Corrupt("bad schema version".into()))?;
    if schema > SCHEMA_VERSION {
        return Err(ReadError::Newer(schema));
    }
    let mut doc: Progress = serde_json::from_value(migrate(value, schema))
        .map_err(|e| ReadError::Corrupt(e.to_string()))?;
    doc.schema = SCHEMA_VERSION;
    doc.validate().map_err(ReadError::Corrupt)?;
    doc.normalise();
    Ok(doc)
}

/// Brings a document of an older schema up to [`SCHEMA_VERSION`], one step
/// at a time. Schema 1 is the first, so there is no step yet; schema 2 will
/// add `if from == 1 { return migrate(v1_to_v2(value), 2) }` and a fixture.
fn migrate(value: Value, from: u32) -> Value {
    debug_assert!(from <= SCHEMA_VERSION);
    value
}

impl Progress {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress serializes")
    }

    fn validate(&self) -> Result<(), String> {
        for (id, q) in &self.questions {
            if id.is_empty() || id.len() > 120 {
                return Err(format!("bad question id `{id}`"));
            }
            if let Some(r) = q.reviews.iter().find(|r| r.at <= 0) {
                return Err(format!("answer to `{id}` has an impossible time {}", r.at));
            }
        }
        Ok(())
    }

    /// Reviews sorted and de-duplicated, empty entries dropped.
    fn normalise(&mut self) {
        for q in self.questions.values_mut() {
            q.reviews.sort();
            q.reviews.dedup();
        }
        self.questions
            .retain(|_, q| !q.reviews.is_empty() || q.flag.is_some());
    }

    pub fn question(&self, id: &str) -> Option<&QuestionProgress> {
        self.questions.get(id)
    }

    pub fn record(&mut self, id: &str, review: Review) {
        let q = self.questions.entry(id.to_string()).or_default();
        let pos = q.reviews.partition_point(|r| r <= &review);
        if pos == 0 || q.reviews[pos - 1] != review {
            q.reviews.insert(pos, review);
        }
    }

    pub fn set_flag(&mut self, id: &str, flagged: bool, at: i64) {
        self.questions.entry(id.to_string()).or_default().flag =
            Some(Stamped { value: flagged, at });
    }

    pub fn flagged(&self, id: &str) -> bool {
        self.question(id).is_some_and(QuestionProgress::flagged)
    }

    pub fn set_feedback(&mut self, feedback: Feedback, at: i64) {
        self.settings.feedback = Some(Stamped {
            value: feedback,
            at,
        });
    }

    /// Everything both documents know: all answers from both, and for flags
    /// and settings the later choice. Merging is commutative and idempotent,
    /// so two tabs (or an import) converge whatever the order.
    #[must_use]
    pub fn merge(&self, other: &Progress) -> Progress {
        let mut out = self.clone();
        for (id, theirs) in &other.questions {
            let mine = out.questions.entry(id.clone()).or_default();
            let all: BTreeSet<Review> = mine
                .reviews
                .iter()
                .chain(&theirs.reviews)
                .copied()
                .collect();
            mine.reviews = all.into_iter().collect();
            mine.flag = later(mine.flag, theirs.flag);
        }
        out.settings.feedback = later(self.settings.feedback, other.settings.feedback);
        for attempt in &other.exams {
            if !out
                .exams
                .iter()
                .any(|a| a.started_at == attempt.started_at && a.seed == attempt.seed)
            {
                out.exams.push(attempt.clone());
            }
        }
        out.exams.sort_by_key(|a| (a.started_at, a.seed));
        if out.content_version < other.content_version {
            out.content_version.clone_from(&other.content_version);
        }
        out
    }

    /// Records a finished exam once (a reload after submitting must not
    /// count it twice).
    pub fn add_exam(&mut self, attempt: super::exam::Attempt) {
        if !self
            .exams
            .iter()
            .any(|a| a.started_at == attempt.started_at && a.seed == attempt.seed)
        {
            self.exams.push(attempt);
            self.exams.sort_by_key(|a| (a.started_at, a.seed));
        }
    }

    /// Every question that has appeared in an exam.
    pub fn seen_in_exams(&self) -> BTreeSet<String> {
        self.exams
            .iter()
            .flat_map(|a| a.items.iter().map(|i| i.id.clone()))
            .collect()
    }

    /// A short description, shown before an import is applied.
    pub fn summary(&self) -> Summary {
        Summary {
            questions: self
                .questions
                .values()
                .filter(|q| !q.reviews.is_empty())
                .count(),
            answers: self.questions.values().map(|q| q.reviews.len()).sum(),
            flagged: self.questions.values().filter(|q| q.flagged()).count(),
            last_answer: self
                .questions
                .values()
                .flat_map(|q| q.reviews.last())
                .map(|r| r.at)
                .max(),
        }
    }
}

/// The later of two stamped values; on a tie, the larger value, so that the
/// result does not depend on argument order.
fn later<T: Copy + Ord>(a: Option<Stamped<T>>, b: Option<Stamped<T>>) -> Option<Stamped<T>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if (y.at, y.value) > (x.at, x.value) {
            y
        } else {
            x
        }),
        (x, None) => x,
        (None, y) => y,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub answers: usize,
    pub flagged: usize,
    pub last_answer: Option<i64>,
}

impl Ord for Feedback {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (*self as u8).cmp(&(*other as u8))
    }
}

impl PartialOrd for Feedback {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::Confidence;

    fn r(at: i64, correct: bool) -> Review {
        Review {
            at,
            correct,
            confidence: Confidence::Knew,
        }
    }

    #[test]
    fn round_trips_through_json() {
        let mut p = Progress::default();
        p.record("d1-a", r(1000, true));
        p.record("d1-a", r(500, false));
        p.set_flag("d2-b", true, 700);
        p.set_feedback(Feedback::EndOfSet, 800);
        let back = parse(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert_eq!(
            back.questions["d1-a"].reviews[0].at, 500,
            "kept in time order"
        );
        assert!(back.flagged("d2-b"));
        assert_eq!(back.settings.feedback(), Feedback::EndOfSet);
    }

    #[test]
    fn recording_the_same_answer_twice_keeps_one() {
        let mut p = Progress::default();
        p.record("q", r(1, true));
        p.record("q", r(1, true));
        assert_eq!(p.questions["q"].reviews.len(), 1);
    }

    #[test]
    fn corrupt_foreign_and_newer_documents_are_told_apart() {
        assert!(matches!(parse("{not json"), Err(ReadError::Corrupt(_))));
        assert_eq!(parse("{\"theme\":\"dark\"}"), Err(ReadError::Foreign));
        assert_eq!(parse("[1,2,3]"), Err(ReadError::Foreign));
        assert_eq!(
            parse("{\"app\":\"canary\",\"schema\":99}"),
            Err(ReadError::Newer(99))
        );
        assert!(matches!(
            parse("{\"app\":\"canary\"}"),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            parse("{\"app\":\"canary\",\"schema\":1,\"questions\":{\"q\":{\"reviews\":[{\"at\":\"x\"}]}}}"),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            parse("{\"app\":\"canary\",\"schema\":1,\"questions\":{\"q\":{\"reviews\":[{\"at\":-5,\"correct\":true,\"confidence\":\"knew\"}]}}}"),
            Err(ReadError::Corrupt(_))
        ));
    }

    #[test]
    fn merge_unions_answers_and_takes_later_flags() {
        let mut a = Progress::default();
        a.record("q1", r(10, true));
        a.set_flag("q1", true, 100);
        a.set_feedback(Feedback::Immediate, 5);
        let mut b = Progress::default();
        b.record("q1", r(20, false));
        b.record("q2", r(30, true));
        b.set_flag("q1", false, 200);
        b.set_feedback(Feedback::EndOfSet, 6);
        let ab = a.merge(&b);
        let ba = b.merge(&a);
        assert_eq!(ab, ba, "commutative");
        assert_eq!(ab.questions["q1"].reviews.len(), 2);
        assert!(ab.questions.contains_key("q2"));
        assert!(!ab.flagged("q1"), "the later unflag wins");
        assert_eq!(ab.settings.feedback(), Feedback::EndOfSet);
        assert_eq!(ab.merge(&b), ab, "idempotent");
    }

    #[test]
    fn summary_counts() {
        let mut p = Progress::default();
        p.record("q1", r(10, true));
        p.record("q1", r(20, true));
        p.record("q2", r(15, false));
        p.set_flag("q3", true, 1);
        assert_eq!(
            p.summary(),
            Summary {
                questions: 2,
                answers: 3,
                flagged: 1,
                last_answer: Some(20)
            }
        );
    }
}
