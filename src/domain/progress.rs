//! The learner's progress: one versioned JSON document, stored under one
//! namespaced key. It holds every answer (with its time, how long it took
//! and the learner's confidence), flags, notes, flashcard reviews of widget
//! facts, finished exams and study settings. Schedules and statistics are
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
pub const SCHEMA_VERSION: u32 = 2;
/// Marks a document as ours, so foreign JSON under our key is recognised.
pub const APP_TAG: &str = "canary";
pub const STORAGE_KEY: &str = "progress";

/// The longest note kept on one question, in characters; longer imports are
/// refused as corrupt rather than silently cut.
pub const MAX_NOTE_CHARS: usize = 10_000;

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
    /// Whether practice and exams show options in a seeded shuffled order
    /// (schema 2; unset means on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shuffle: Option<Stamped<bool>>,
    /// The booked exam day as `YYYY-MM-DD` in the learner's calendar, or
    /// empty once cleared (schema 2). Stamped so a clear merges too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam_date: Option<Stamped<String>>,
}

impl Settings {
    pub fn feedback(&self) -> Feedback {
        self.feedback.map(|f| f.value).unwrap_or_default()
    }

    pub fn shuffle(&self) -> bool {
        self.shuffle.is_none_or(|s| s.value)
    }

    /// The exam day, if one is set.
    pub fn exam_date(&self) -> Option<&str> {
        non_empty(&self.exam_date)
    }
}

/// A stamped text's value, unless it is empty: an empty one records a
/// deletion (of a note, of the exam date) and reads as nothing.
fn non_empty(text: &Option<Stamped<String>>) -> Option<&str> {
    text.as_ref()
        .map(|t| t.value.as_str())
        .filter(|t| !t.is_empty())
}

/// Inserts `review` in time order, once.
fn insert_review(reviews: &mut Vec<Review>, review: Review) {
    let pos = reviews.partition_point(|r| r <= &review);
    if pos == 0 || reviews[pos - 1] != review {
        reviews.insert(pos, review);
    }
}

/// Every answer of both histories, in time order, each once.
fn union_reviews(mine: &[Review], theirs: &[Review]) -> Vec<Review> {
    let all: BTreeSet<Review> = mine.iter().chain(theirs).copied().collect();
    all.into_iter().collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuestionProgress {
    /// Every answer, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<Stamped<bool>>,
    /// The learner's own note, plain text (schema 2). An empty value is a
    /// deleted note, kept stamped so the deletion wins a merge it should win.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Stamped<String>>,
}

impl QuestionProgress {
    pub fn flagged(&self) -> bool {
        self.flag.is_some_and(|f| f.value)
    }

    /// The note, if there is a non-empty one.
    pub fn note(&self) -> Option<&str> {
        non_empty(&self.note)
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
    /// Flashcard reviews of widget facts, keyed `<topic>/<fact id>`
    /// (schema 2). Kept apart from `questions` so question statistics never
    /// count a fact.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cards: BTreeMap<String, QuestionProgress>,
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
            cards: BTreeMap::new(),
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
/// at a time, each with a fixture under `tests/fixtures/`.
///
/// Schema 2 only added fields (answer durations, notes, flashcards, exam
/// times, the shuffle and exam-date settings), each optional and read as
/// "unknown" or "unset" when absent, so a schema 1 document needs no
/// rewriting. The version still changed so that an older Canary refuses a
/// schema 2 document instead of dropping the fields it does not know on its
/// next write.
fn migrate(value: Value, from: u32) -> Value {
    debug_assert!(from <= SCHEMA_VERSION);
    match from {
        1 => migrate(value, 2),
        _ => value,
    }
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
            if let Some(n) = &q.note {
                if n.value.chars().count() > MAX_NOTE_CHARS {
                    return Err(format!(
                        "the note on `{id}` is longer than {MAX_NOTE_CHARS} characters"
                    ));
                }
            }
        }
        for (id, c) in &self.cards {
            if id.is_empty() || id.len() > 120 || !id.contains('/') {
                return Err(format!("bad flashcard id `{id}`"));
            }
            if let Some(r) = c.reviews.iter().find(|r| r.at <= 0) {
                return Err(format!(
                    "review of card `{id}` has an impossible time {}",
                    r.at
                ));
            }
        }
        if let Some(d) = self.settings.exam_date() {
            if !is_calendar_date(d) {
                return Err(format!("bad exam date `{d}`"));
            }
        }
        Ok(())
    }

    /// Reviews sorted and de-duplicated, empty entries dropped.
    fn normalise(&mut self) {
        // Exams in key order, each once: what `add_exam` relies on.
        for attempt in std::mem::take(&mut self.exams) {
            self.add_exam(attempt);
        }
        for q in self.questions.values_mut().chain(self.cards.values_mut()) {
            q.reviews.sort();
            q.reviews.dedup();
        }
        self.questions
            .retain(|_, q| !q.reviews.is_empty() || q.flag.is_some() || q.note.is_some());
        self.cards.retain(|_, c| !c.reviews.is_empty());
    }

    pub fn question(&self, id: &str) -> Option<&QuestionProgress> {
        self.questions.get(id)
    }

    pub fn record(&mut self, id: &str, review: Review) {
        insert_review(
            &mut self.questions.entry(id.to_string()).or_default().reviews,
            review,
        );
    }

    pub fn set_flag(&mut self, id: &str, flagged: bool, at: i64) {
        self.questions.entry(id.to_string()).or_default().flag =
            Some(Stamped { value: flagged, at });
    }

    pub fn flagged(&self, id: &str) -> bool {
        self.question(id).is_some_and(QuestionProgress::flagged)
    }

    /// Sets (or, with an empty text, deletes) the note on a question.
    pub fn set_note(&mut self, id: &str, text: &str, at: i64) {
        let text: String = text.chars().take(MAX_NOTE_CHARS).collect();
        self.questions.entry(id.to_string()).or_default().note = Some(Stamped { value: text, at });
    }

    pub fn note(&self, id: &str) -> Option<&str> {
        self.question(id).and_then(QuestionProgress::note)
    }

    /// Records a flashcard review of a widget fact.
    pub fn record_card(&mut self, id: &str, review: Review) {
        insert_review(
            &mut self.cards.entry(id.to_string()).or_default().reviews,
            review,
        );
    }

    pub fn set_shuffle(&mut self, on: bool, at: i64) {
        self.settings.shuffle = Some(Stamped { value: on, at });
    }

    /// Sets the exam day (`YYYY-MM-DD`), or clears it with `None`.
    pub fn set_exam_date(&mut self, date: Option<&str>, at: i64) {
        self.settings.exam_date = Some(Stamped {
            value: date.unwrap_or_default().to_string(),
            at,
        });
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
            mine.reviews = union_reviews(&mine.reviews, &theirs.reviews);
            mine.flag = later(mine.flag, theirs.flag);
            mine.note = later(mine.note.take(), theirs.note.clone());
        }
        for (id, theirs) in &other.cards {
            let mine = out.cards.entry(id.clone()).or_default();
            mine.reviews = union_reviews(&mine.reviews, &theirs.reviews);
        }
        out.settings.feedback = later(self.settings.feedback, other.settings.feedback);
        out.settings.shuffle = later(self.settings.shuffle, other.settings.shuffle);
        out.settings.exam_date = later(
            self.settings.exam_date.clone(),
            other.settings.exam_date.clone(),
        );
        for attempt in &other.exams {
            out.add_exam(attempt.clone());
        }
        if out.content_version < other.content_version {
            out.content_version.clone_from(&other.content_version);
        }
        out
    }

    /// Records a finished exam once (a reload after submitting must not
    /// count it twice). An exam is known by its start and seed; should two
    /// records of one exam differ (a tab that saved before another finished
    /// writing it), the later submission wins, then the larger record, so
    /// merges agree whatever their order.
    pub fn add_exam(&mut self, attempt: super::exam::Attempt) {
        let key = (attempt.started_at, attempt.seed);
        match self
            .exams
            .binary_search_by_key(&key, |a| (a.started_at, a.seed))
        {
            Ok(i) => {
                let mine = &self.exams[i];
                let rank = |a: &super::exam::Attempt| {
                    (a.submitted_at, serde_json::to_string(a).unwrap_or_default())
                };
                if mine != &attempt && rank(&attempt) > rank(mine) {
                    self.exams[i] = attempt;
                }
            }
            Err(i) => self.exams.insert(i, attempt),
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
            notes: self
                .questions
                .values()
                .filter(|q| q.note().is_some())
                .count(),
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
fn later<T: Ord>(a: Option<Stamped<T>>, b: Option<Stamped<T>>) -> Option<Stamped<T>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if (y.at, &y.value) > (x.at, &x.value) {
            y
        } else {
            x
        }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// `YYYY-MM-DD` with a month 1–12 and a day 1–31.
fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub questions: usize,
    pub answers: usize,
    pub flagged: usize,
    pub notes: usize,
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
            ms: None,
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
    fn notes_cards_and_new_settings_merge_like_flags() {
        let mut a = Progress::default();
        a.set_note("q1", "POST never fails over", 100);
        a.record_card("codedeploy/hook-order", r(50, true));
        a.set_shuffle(false, 10);
        a.set_exam_date(Some("2027-02-01"), 10);
        let mut b = Progress::default();
        b.set_note("q1", "", 200);
        b.set_note("q2", "check the quota page", 150);
        b.record_card("codedeploy/hook-order", r(60, false));
        b.set_exam_date(None, 20);
        let ab = a.merge(&b);
        assert_eq!(ab, b.merge(&a), "commutative");
        assert_eq!(ab.merge(&b), ab, "idempotent");
        assert_eq!(ab.note("q1"), None, "the later deletion wins");
        assert_eq!(ab.note("q2"), Some("check the quota page"));
        assert_eq!(ab.cards["codedeploy/hook-order"].reviews.len(), 2);
        assert!(!ab.settings.shuffle());
        assert_eq!(ab.settings.exam_date(), None, "the later clear wins");
        let back = parse(&ab.to_json()).unwrap();
        assert_eq!(back, ab, "round-trips");
    }

    #[test]
    fn answer_durations_round_trip_and_old_answers_read_as_unknown() {
        let mut p = Progress::default();
        p.record(
            "q",
            Review {
                ms: Some(74_000),
                ..r(10, true)
            },
        );
        p.record("q", r(20, true));
        let back = parse(&p.to_json()).unwrap();
        assert_eq!(back.questions["q"].reviews[0].ms, Some(74_000));
        assert_eq!(back.questions["q"].reviews[1].ms, None);
    }

    #[test]
    fn bad_notes_cards_and_dates_are_refused() {
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        let doc = format!(
            "{{\"app\":\"canary\",\"schema\":2,\"questions\":{{\"q\":{{\"note\":{{\"value\":\"{long}\",\"at\":1}}}}}}}}"
        );
        assert!(matches!(parse(&doc), Err(ReadError::Corrupt(_))));
        assert!(matches!(
            parse("{\"app\":\"canary\",\"schema\":2,\"cards\":{\"nofolder\":{\"reviews\":[{\"at\":1,\"correct\":true,\"confidence\":\"knew\"}]}}}"),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            parse("{\"app\":\"canary\",\"schema\":2,\"settings\":{\"exam_date\":{\"value\":\"2027-13-01\",\"at\":1}}}"),
            Err(ReadError::Corrupt(_))
        ));
        let mut p = Progress::default();
        p.set_note("q", &long, 1);
        assert_eq!(p.note("q").map(|n| n.chars().count()), Some(MAX_NOTE_CHARS));
    }

    #[test]
    fn a_note_is_set_replaced_and_deleted_with_its_stamp_kept() {
        let mut p = Progress::default();
        p.set_note("q", "ECS rolls back on the alarm", 10);
        assert_eq!(p.note("q"), Some("ECS rolls back on the alarm"));
        p.set_note("q", "ECS rolls back on the alarm, not on health", 20);
        assert_eq!(
            p.note("q"),
            Some("ECS rolls back on the alarm, not on health")
        );
        p.set_note("q", "", 30);
        assert_eq!(p.note("q"), None, "an empty note reads as none");
        assert_eq!(
            p.questions["q"].note,
            Some(Stamped {
                value: String::new(),
                at: 30
            }),
            "the deletion is kept, stamped, so it can win a merge"
        );
        let back = parse(&p.to_json()).unwrap();
        assert_eq!(back, p, "a deletion survives export and import");
        assert_eq!(back.summary().notes, 0);
        p.set_note("r", "<script>alert(1)</script>", 40);
        let back = parse(&p.to_json()).unwrap();
        assert_eq!(
            back.note("r"),
            Some("<script>alert(1)</script>"),
            "kept verbatim"
        );
        assert_eq!(back.summary().notes, 1);
    }

    #[test]
    fn notes_merge_last_writer_wins_deletions_included() {
        let mut old_delete = Progress::default();
        old_delete.set_note("q", "", 100);
        let mut new_edit = Progress::default();
        new_edit.set_note("q", "rewritten later", 200);
        for merged in [old_delete.merge(&new_edit), new_edit.merge(&old_delete)] {
            assert_eq!(
                merged.note("q"),
                Some("rewritten later"),
                "an older deletion loses"
            );
        }
        let mut new_delete = Progress::default();
        new_delete.set_note("q", "", 300);
        for merged in [new_edit.merge(&new_delete), new_delete.merge(&new_edit)] {
            assert_eq!(merged.note("q"), None, "a newer deletion wins");
        }
        // A note on a question the other side has only answered is kept.
        let mut answered = Progress::default();
        answered.record("q", r(150, true));
        let merged = answered.merge(&new_edit);
        assert_eq!(merged.note("q"), Some("rewritten later"));
        assert_eq!(merged.questions["q"].reviews.len(), 1);
        // Same stamp, different text: both sides agree on one.
        let mut tie = Progress::default();
        tie.set_note("q", "another tab", 200);
        assert_eq!(tie.merge(&new_edit), new_edit.merge(&tie));
    }

    #[test]
    fn an_import_counts_note_length_in_characters() {
        let doc = |note: &str| {
            format!("{{\"app\":\"canary\",\"schema\":2,\"questions\":{{\"q\":{{\"note\":{{\"value\":\"{note}\",\"at\":1}}}}}}}}")
        };
        let at_limit = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(
            parse(&doc(&at_limit))
                .unwrap()
                .note("q")
                .map(|n| n.chars().count()),
            Some(MAX_NOTE_CHARS),
            "two bytes a character, still within the limit"
        );
        let over = format!("{at_limit}x");
        assert!(matches!(parse(&doc(&over)), Err(ReadError::Corrupt(e)) if e.contains("note")));
    }

    /// Found by the `progress_merge` fuzz target: two records of one exam
    /// (same start and seed) that differ made the merge depend on its order.
    #[test]
    fn two_records_of_one_exam_merge_the_same_in_any_order() {
        let attempt = |submitted_at: i64, auto: bool| super::super::exam::Attempt {
            format: super::super::exam::Format::Mini,
            seed: 1,
            started_at: 8,
            submitted_at,
            auto_submitted: auto,
            items: Vec::new(),
            answers: BTreeMap::new(),
            flags: BTreeSet::new(),
            result: super::super::exam::ExamResult {
                correct: 0,
                scored: 0,
                scaled: 100,
                passed: false,
                by_domain: BTreeMap::new(),
                by_task: BTreeMap::new(),
            },
            times_ms: BTreeMap::new(),
            shuffled: false,
        };
        let mut a = Progress::default();
        a.add_exam(attempt(9, true));
        let mut b = Progress::default();
        b.add_exam(attempt(9, false));
        b.add_exam(attempt(3, false));
        assert_eq!(a.merge(&b), b.merge(&a));
        assert_eq!(a.merge(&b).exams.len(), 1, "one exam, kept once");
        let doc = format!(
            "{{\"app\":\"canary\",\"schema\":2,\"exams\":[{0},{1},{0}]}}",
            serde_json::to_string(&attempt(9, false)).unwrap(),
            serde_json::to_string(&attempt(9, true)).unwrap()
        );
        assert_eq!(
            parse(&doc).unwrap().exams.len(),
            1,
            "an import's duplicates collapse"
        );
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
                notes: 0,
                last_answer: Some(20)
            }
        );
    }
}
