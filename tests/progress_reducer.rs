//! The app-wide progress reducer: answers, flags, imports, other tabs'
//! writes and storage failures, driven natively.

use std::rc::Rc;

use canary::components::progress::{Notice, ProgressAction, ProgressModel};
use canary::domain::progress::{Feedback, Progress};
use canary::domain::schedule::{Confidence, Review};
use canary::storage::{LoadStatus, StorageError};
use yew::Reducible;

fn review(at: i64, correct: bool) -> Review {
    Review {
        at,
        correct,
        confidence: Confidence::Knew,
        ms: None,
    }
}

fn fresh() -> Rc<ProgressModel> {
    Rc::new(ProgressModel::from_load(
        Progress::default(),
        LoadStatus::Fresh,
    ))
}

#[test]
fn records_answers_flags_and_settings() {
    let m = fresh()
        .reduce(ProgressAction::Record {
            id: "q1".into(),
            review: review(10, true),
        })
        .reduce(ProgressAction::SetFlag {
            id: "q1".into(),
            flagged: true,
            at: 11,
        })
        .reduce(ProgressAction::SetFeedback {
            feedback: Feedback::EndOfSet,
            at: 12,
        });
    assert_eq!(m.doc.questions["q1"].reviews, vec![review(10, true)]);
    assert!(m.doc.flagged("q1"));
    assert_eq!(m.doc.settings.feedback(), Feedback::EndOfSet);
    assert_eq!(m.notice, None);
}

#[test]
fn a_note_is_saved_replaced_and_deleted_and_another_tabs_later_note_wins() {
    let m = fresh().reduce(ProgressAction::SetNote {
        id: "q1".into(),
        text: "check the quota".into(),
        at: 10,
    });
    assert_eq!(m.doc.note("q1"), Some("check the quota"));
    let mut theirs = Progress::default();
    theirs.set_note("q1", "their later note", 20);
    let merged = m.clone().reduce(ProgressAction::External(theirs));
    assert_eq!(merged.doc.note("q1"), Some("their later note"));
    let deleted = merged.reduce(ProgressAction::SetNote {
        id: "q1".into(),
        text: String::new(),
        at: 30,
    });
    assert_eq!(deleted.doc.note("q1"), None);
    assert!(
        deleted.doc.questions["q1"].note.is_some(),
        "kept as a stamped deletion"
    );
}

#[test]
fn another_tabs_write_is_merged_without_losing_ours() {
    let ours = fresh().reduce(ProgressAction::Record {
        id: "mine".into(),
        review: review(10, true),
    });
    let mut theirs = Progress::default();
    theirs.record("theirs", review(20, false));
    let merged = ours
        .clone()
        .reduce(ProgressAction::External(theirs.clone()));
    assert!(
        merged.doc.questions.contains_key("mine") && merged.doc.questions.contains_key("theirs")
    );
    let again = merged.clone().reduce(ProgressAction::External(theirs));
    assert!(
        Rc::ptr_eq(&merged, &again),
        "nothing new: no change, so no write-back ping-pong"
    );
}

#[test]
fn import_merges_or_replaces_and_says_what_it_held() {
    let ours = fresh().reduce(ProgressAction::Record {
        id: "mine".into(),
        review: review(10, true),
    });
    let mut file = Progress::default();
    file.record("imported", review(5, true));
    file.record("imported", review(6, false));
    let merged = ours.clone().reduce(ProgressAction::Import {
        doc: file.clone(),
        replace: false,
    });
    assert_eq!(merged.doc.questions.len(), 2);
    let replaced = ours.reduce(ProgressAction::Import {
        doc: file,
        replace: true,
    });
    assert_eq!(
        replaced.doc.questions.keys().collect::<Vec<_>>(),
        ["imported"]
    );
    assert!(
        matches!(replaced.notice, Some(Notice::Imported(s)) if s.answers == 2 && s.questions == 1)
    );
}

#[test]
fn storage_failures_become_notices() {
    let full = fresh().reduce(ProgressAction::SaveFailed(StorageError::QuotaExceeded));
    assert_eq!(full.notice, Some(Notice::Full));
    let same = full
        .clone()
        .reduce(ProgressAction::SaveFailed(StorageError::QuotaExceeded));
    assert!(Rc::ptr_eq(&full, &same));
    assert_eq!(full.reduce(ProgressAction::DismissNotice).notice, None);
    let blocked = ProgressModel::from_load(Progress::default(), LoadStatus::Unavailable);
    assert_eq!(blocked.notice, Some(Notice::Unavailable));
}

#[test]
fn unbacked_unreadable_data_holds_writes_until_dismissed() {
    let m = Rc::new(ProgressModel::from_load(
        Progress::default(),
        LoadStatus::Recovered {
            reason: "damaged".into(),
            backup_key: None,
            raw: "{bad".into(),
        },
    ));
    assert!(
        m.hold_writes,
        "never overwrite data the learner has not saved"
    );
    let backed = ProgressModel::from_load(
        Progress::default(),
        LoadStatus::Recovered {
            reason: "damaged".into(),
            backup_key: Some("progress.backup.1".into()),
            raw: "{bad".into(),
        },
    );
    assert!(!backed.hold_writes);
    assert!(!m.reduce(ProgressAction::DismissNotice).hold_writes);
}

#[test]
fn a_rated_flashcard_goes_to_cards_not_questions() {
    let m = fresh().reduce(ProgressAction::RecordCard {
        id: "dr/strategy.pilot-light".into(),
        review: review(20, true),
    });
    assert_eq!(
        m.doc.cards["dr/strategy.pilot-light"].reviews,
        vec![review(20, true)]
    );
    assert!(m.doc.questions.is_empty());
    // It survives the stored round trip, as a reload reads it.
    let read = canary::domain::progress::parse(&m.doc.to_json()).unwrap();
    assert_eq!(read.cards, m.doc.cards);
}
