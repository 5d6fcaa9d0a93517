//! The app-wide progress context: the progress document in a reducer, saved
//! to storage in an effect after every change, merged with other tabs'
//! writes (storage events), and a notice when storage misbehaves.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::progress::{parse, Feedback, Progress, Summary, STORAGE_KEY};
use crate::domain::schedule::Review;
use crate::storage::{save_progress, BrowserStore, LoadStatus, StorageError, NAMESPACE};

/// Something the learner must be told about storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read; it was backed up (or, when
    /// `backup_key` is `None`, is held here only) and a fresh start made.
    Recovered {
        reason: String,
        backup_key: Option<String>,
        raw: String,
    },
    /// No storage: progress lasts until the tab closes.
    Unavailable,
    /// A write did not fit.
    Full,
    Imported(Summary),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressModel {
    pub doc: Progress,
    pub notice: Option<Notice>,
    /// Writes are held back while unreadable data has no backup, so it is
    /// never overwritten before the learner has downloaded it.
    pub hold_writes: bool,
}

pub enum ProgressAction {
    Record {
        id: String,
        review: Review,
    },
    SetFlag {
        id: String,
        flagged: bool,
        at: i64,
    },
    /// A flashcard rated: `id` is `<topic>/<fact id>`.
    RecordCard {
        id: String,
        review: Review,
    },
    /// Sets a question's note; an empty text deletes it.
    SetNote {
        id: String,
        text: String,
        at: i64,
    },
    SetFeedback {
        feedback: Feedback,
        at: i64,
    },
    /// The booked exam day (`YYYY-MM-DD`), or `None` to clear it.
    SetExamDate {
        date: Option<String>,
        at: i64,
    },
    /// Shuffle options in practice and new exams, or show the file's order.
    SetShuffle {
        on: bool,
        at: i64,
    },
    SetContentVersion(String),
    /// An import the learner confirmed: merged into, or replacing, progress.
    Import {
        doc: Progress,
        replace: bool,
    },
    /// Another tab wrote progress: merge it, losing nothing on either side.
    External(Progress),
    /// A submitted exam: kept in history, and every answer feeds the
    /// schedule.
    FinishExam {
        attempt: Box<crate::domain::exam::Attempt>,
        reviews: Vec<(String, Review)>,
    },
    SaveFailed(StorageError),
    /// A write succeeded: a notice that storage was full or missing is no
    /// longer true, so it goes.
    Saved,
    DismissNotice,
}

impl Reducible for ProgressModel {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ProgressAction::Record { id, review } => next.doc.record(&id, review),
            ProgressAction::RecordCard { id, review } => next.doc.record_card(&id, review),
            ProgressAction::SetFlag { id, flagged, at } => next.doc.set_flag(&id, flagged, at),
            ProgressAction::SetNote { id, text, at } => next.doc.set_note(&id, &text, at),
            ProgressAction::SetFeedback { feedback, at } => next.doc.set_feedback(feedback, at),
            ProgressAction::SetExamDate { date, at } => {
                next.doc.set_exam_date(date.as_deref(), at);
            }
            ProgressAction::SetShuffle { on, at } => next.doc.set_shuffle(on, at),
            ProgressAction::SetContentVersion(v) => {
                if next.doc.content_version == v {
                    return self;
                }
                next.doc.content_version = v;
            }
            ProgressAction::Import { doc, replace } => {
                let summary = doc.summary();
                next.doc = if replace { doc } else { next.doc.merge(&doc) };
                next.notice = Some(Notice::Imported(summary));
            }
            ProgressAction::External(theirs) => {
                let merged = next.doc.merge(&theirs);
                if merged == next.doc {
                    return self;
                }
                next.doc = merged;
            }
            ProgressAction::FinishExam { attempt, reviews } => {
                if next
                    .doc
                    .exams
                    .iter()
                    .any(|a| a.started_at == attempt.started_at && a.seed == attempt.seed)
                {
                    return self;
                }
                next.doc.add_exam(*attempt);
                for (id, review) in reviews {
                    next.doc.record(&id, review);
                }
            }
            ProgressAction::SaveFailed(e) => {
                let notice = match e {
                    StorageError::Unavailable => Notice::Unavailable,
                    StorageError::QuotaExceeded => Notice::Full,
                };
                if next.notice.as_ref() == Some(&notice) {
                    return self;
                }
                next.notice = Some(notice);
            }
            ProgressAction::Saved => {
                if !matches!(next.notice, Some(Notice::Full | Notice::Unavailable)) {
                    return self;
                }
                next.notice = None;
            }
            ProgressAction::DismissNotice => {
                next.notice = None;
                next.hold_writes = false;
            }
        }
        Rc::new(next)
    }
}

impl ProgressModel {
    pub fn from_load(doc: Progress, status: LoadStatus) -> Self {
        let (notice, hold_writes) = match status {
            LoadStatus::Fresh | LoadStatus::Loaded => (None, false),
            LoadStatus::Unavailable => (Some(Notice::Unavailable), false),
            LoadStatus::Recovered {
                reason,
                backup_key,
                raw,
            } => {
                let hold = backup_key.is_none();
                (
                    Some(Notice::Recovered {
                        reason,
                        backup_key,
                        raw,
                    }),
                    hold,
                )
            }
        };
        Self {
            doc,
            notice,
            hold_writes,
        }
    }
}

pub type ProgressContext = UseReducerHandle<ProgressModel>;

#[derive(Properties, PartialEq)]
pub struct ProgressProviderProps {
    pub initial: ProgressModel,
    pub children: Html,
}

/// Owns the progress reducer and its persistence.
#[component]
pub fn ProgressProvider(props: &ProgressProviderProps) -> Html {
    let initial = props.initial.clone();
    let model = use_reducer(move || initial);

    // Persist after every change of the document.
    {
        let dispatcher = model.dispatcher();
        let hold = model.hold_writes;
        use_effect_with((model.doc.clone(), hold), move |(doc, hold)| {
            if !*hold && *doc != Progress::default() {
                dispatcher.dispatch(match save_progress(&BrowserStore, doc) {
                    Err(e) => ProgressAction::SaveFailed(e),
                    Ok(()) => ProgressAction::Saved,
                });
            }
        });
    }

    // Other tabs' writes arrive as storage events: merge them in.
    {
        let dispatcher = model.dispatcher();
        use_effect_with((), move |()| {
            let listener = crate::dom::window().map(|w| {
                EventListener::new(&w, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if event.key().as_deref() != Some(&format!("{NAMESPACE}{STORAGE_KEY}")) {
                        return;
                    }
                    if let Some(doc) = event.new_value().and_then(|v| parse(&v).ok()) {
                        dispatcher.dispatch(ProgressAction::External(doc));
                    }
                })
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<ProgressContext> context={model}>
            { props.children.clone() }
        </ContextProvider<ProgressContext>>
    }
}

/// Asks the browser to keep this site's storage under storage pressure.
/// Best effort: browsers may decline, and the app works either way.
pub fn request_persistence() {
    if let Some(storage) = crate::dom::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}

/// Offers `text` as a downloaded file.
pub fn download(file_name: &str, text: &str) {
    let Some(document) = crate::dom::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// Offers the current progress as a file (for full or missing storage).
    pub on_export: Callback<()>,
    /// Offers the unreadable data as a file.
    pub on_download_backup: Callback<()>,
}

/// The storage notice shown above every page until dismissed.
#[component]
pub fn NoticeBanner(props: &NoticeBannerProps) -> Html {
    let dismiss = {
        let cb = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export = {
        let cb = props.on_export.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let backup = {
        let cb = props.on_download_backup.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let (class, body) = match &props.notice {
        Notice::Recovered {
            reason, backup_key, ..
        } => (
            "warning",
            html! {
                <>
                    <p><strong>{ "Your saved progress could not be read" }</strong>{ format!(": {reason}. ") }
                    { match backup_key {
                        Some(key) => format!("It is kept in this browser as a backup ({NAMESPACE}{key}) and a fresh record has started."),
                        None => "It could not be backed up in storage, so download it now: new progress is saved once you dismiss this.".to_string(),
                    } }</p>
                    <button type="button" class="secondary" onclick={backup}>{ "Download the unreadable data" }</button>
                </>
            },
        ),
        Notice::Unavailable => (
            "warning",
            html! {
                <>
                    <p><strong>{ "Progress cannot be saved in this browser" }</strong>
                    { " (storage is blocked, for example in private browsing or inside another site). It lasts until you close this tab; export it to keep it." }</p>
                    <button type="button" class="secondary" onclick={export}>{ "Export progress" }</button>
                </>
            },
        ),
        Notice::Full => (
            "warning",
            html! {
                <>
                    <p><strong>{ "Storage is full" }</strong>{ ": your latest answers are kept only until you close this tab. Export your progress, then free some space for this site." }</p>
                    <button type="button" class="secondary" onclick={export}>{ "Export progress" }</button>
                </>
            },
        ),
        Notice::Imported(s) => (
            "info",
            html! { <p>{ format!("Imported {} answers to {} questions and {} flags{}.", s.answers, s.questions, s.flagged,
            if s.notes > 0 { format!(", with {} note{}", s.notes, if s.notes == 1 { "" } else { "s" }) } else { String::new() }) }</p> },
        ),
    };
    html! {
        <div class={classes!("notice-banner", class)} role={if class == "warning" { "alert" } else { "status" }}>
            { body }
            <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}

/// `canary-progress-YYYY-MM-DD.json`, in local time.
pub fn export_name() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "canary-progress-{:04}-{:02}-{:02}.json",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(notice: Option<Notice>) -> Rc<ProgressModel> {
        Rc::new(ProgressModel {
            doc: Progress::default(),
            notice,
            hold_writes: false,
        })
    }

    #[test]
    fn a_successful_save_clears_a_full_or_missing_storage_notice() {
        let full = model(None).reduce(ProgressAction::SaveFailed(StorageError::QuotaExceeded));
        assert_eq!(full.notice, Some(Notice::Full));
        assert_eq!(full.reduce(ProgressAction::Saved).notice, None);
        let gone = model(Some(Notice::Unavailable)).reduce(ProgressAction::Saved);
        assert_eq!(gone.notice, None);
    }

    #[test]
    fn a_successful_save_keeps_other_notices() {
        let recovered = Notice::Recovered {
            reason: "bad".into(),
            backup_key: Some("progress.backup.1".into()),
            raw: "{".into(),
        };
        let m = model(Some(recovered.clone()));
        let after = m.clone().reduce(ProgressAction::Saved);
        assert!(Rc::ptr_eq(&m, &after), "no re-render when nothing changes");
        assert_eq!(after.notice, Some(recovered));
    }
}
