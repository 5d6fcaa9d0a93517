//! Key-value storage behind one trait: the browser's `localStorage` in the
//! app, an in-memory map in native tests. Every failure (storage disabled,
//! quota exceeded) is a value the caller handles; nothing here panics.

use std::cell::RefCell;
use std::collections::HashMap;

/// Every key Canary writes starts with this, so it never collides with other
/// apps on the same origin (an embed host, say).
pub const NAMESPACE: &str = "canary.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (blocked, private mode, partitioned iframe).
    Unavailable,
    /// The write did not fit.
    QuotaExceeded,
}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// The in-memory twin. `quota` (bytes of keys plus values) lets tests
/// simulate a full store.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<HashMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> Self {
        Self {
            map: RefCell::default(),
            quota: Some(quota),
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut map = self.map.borrow_mut();
        if let Some(quota) = self.quota {
            let used: usize = map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
}

/// `window.localStorage`, namespaced. Any exception (a SecurityError in a
/// sandboxed iframe, a QuotaExceededError) becomes a [`StorageError`].
#[cfg(feature = "ui")]
#[derive(Debug, Default, Clone, Copy)]
pub struct BrowserStore;

#[cfg(feature = "ui")]
impl BrowserStore {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        crate::dom::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(StorageError::Unavailable)
    }
}

#[cfg(feature = "ui")]
impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?
            .get_item(&format!("{NAMESPACE}{key}"))
            .map_err(|_| StorageError::Unavailable)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?
            .set_item(&format!("{NAMESPACE}{key}"), value)
            .map_err(|_| StorageError::QuotaExceeded)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::storage()?
            .remove_item(&format!("{NAMESPACE}{key}"))
            .map_err(|_| StorageError::Unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_round_trips() {
        let s = MemoryStore::default();
        assert_eq!(s.get("theme"), Ok(None));
        s.set("theme", "dark").unwrap();
        assert_eq!(s.get("theme"), Ok(Some("dark".into())));
        s.remove("theme").unwrap();
        assert_eq!(s.get("theme"), Ok(None));
    }

    #[test]
    fn memory_store_reports_quota() {
        let s = MemoryStore::with_quota(12);
        s.set("a", "12345").unwrap();
        assert_eq!(s.set("b", "1234567"), Err(StorageError::QuotaExceeded));
        s.set("a", "1234567890").unwrap();
        assert_eq!(s.get("b"), Ok(None));
    }
}

/// What reading the stored progress found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadStatus {
    /// Nothing stored yet.
    Fresh,
    Loaded,
    /// The stored value could not be read. It was kept under `backup_key`
    /// (or could not be kept: `backup_key` is `None`) and a fresh document
    /// started; the learner must be told.
    Recovered {
        reason: String,
        backup_key: Option<String>,
        raw: String,
    },
    /// Storage cannot be used at all: progress lives in memory only.
    Unavailable,
}

/// Reads the progress document. Never fails and never discards: unreadable
/// data is copied to a backup key first. `now` names the backup.
pub fn load_progress(
    store: &dyn KeyValueStore,
    now: i64,
) -> (crate::domain::progress::Progress, LoadStatus) {
    use crate::domain::progress::{parse, Progress, STORAGE_KEY};
    match store.get(STORAGE_KEY) {
        Err(_) => (Progress::default(), LoadStatus::Unavailable),
        Ok(None) => (Progress::default(), LoadStatus::Fresh),
        Ok(Some(raw)) => match parse(&raw) {
            Ok(doc) => (doc, LoadStatus::Loaded),
            Err(e) => {
                let key = format!("{STORAGE_KEY}.backup.{now}");
                let backup_key = store.set(&key, &raw).ok().map(|()| key);
                (
                    Progress::default(),
                    LoadStatus::Recovered {
                        reason: e.to_string(),
                        backup_key,
                        raw,
                    },
                )
            }
        },
    }
}

/// Writes the progress document.
pub fn save_progress(
    store: &dyn KeyValueStore,
    doc: &crate::domain::progress::Progress,
) -> Result<(), StorageError> {
    store.set(crate::domain::progress::STORAGE_KEY, &doc.to_json())
}

/// The exam in progress, if any, under its own key so that a large progress
/// document and an exam never compete in one write.
pub const EXAM_KEY: &str = "exam";

pub fn load_exam(store: &dyn KeyValueStore) -> Option<crate::domain::exam::Session> {
    store
        .get(EXAM_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
}

pub fn save_exam(
    store: &dyn KeyValueStore,
    session: &crate::domain::exam::Session,
) -> Result<(), StorageError> {
    store.set(
        EXAM_KEY,
        &serde_json::to_string(session).expect("session serializes"),
    )
}

pub fn clear_exam(store: &dyn KeyValueStore) -> Result<(), StorageError> {
    store.remove(EXAM_KEY)
}

#[cfg(test)]
mod progress_tests {
    use super::*;
    use crate::domain::progress::{Progress, STORAGE_KEY};
    use crate::domain::schedule::{Confidence, Review};

    struct Broken;
    impl KeyValueStore for Broken {
        fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
            Err(StorageError::Unavailable)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable)
        }
        fn remove(&self, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable)
        }
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record(
            "d1-x",
            Review {
                at: 1_000,
                correct: true,
                confidence: Confidence::Knew,
                ms: None,
            },
        );
        p
    }

    #[test]
    fn saves_and_loads() {
        let s = MemoryStore::default();
        assert_eq!(load_progress(&s, 1).1, LoadStatus::Fresh);
        save_progress(&s, &sample()).unwrap();
        assert_eq!(load_progress(&s, 2), (sample(), LoadStatus::Loaded));
    }

    #[test]
    fn corrupt_data_is_backed_up_not_discarded() {
        let s = MemoryStore::default();
        s.set(
            STORAGE_KEY,
            "{\"app\":\"canary\",\"schema\":1,\"questions\":7",
        )
        .unwrap();
        let (doc, status) = load_progress(&s, 42);
        assert_eq!(doc, Progress::default());
        let LoadStatus::Recovered {
            backup_key, raw, ..
        } = status
        else {
            panic!("{status:?}")
        };
        assert_eq!(backup_key.as_deref(), Some("progress.backup.42"));
        assert_eq!(
            s.get("progress.backup.42").unwrap().as_deref(),
            Some(raw.as_str())
        );
    }

    #[test]
    fn foreign_and_newer_data_is_backed_up_too() {
        for raw in [
            "{\"hello\":1}",
            "{\"app\":\"canary\",\"schema\":5}",
            "garbage",
        ] {
            let s = MemoryStore::default();
            s.set(STORAGE_KEY, raw).unwrap();
            let (_, status) = load_progress(&s, 9);
            assert!(
                matches!(
                    status,
                    LoadStatus::Recovered {
                        backup_key: Some(_),
                        ..
                    }
                ),
                "{raw}: {status:?}"
            );
        }
    }

    #[test]
    fn a_full_store_reports_quota_and_keeps_the_old_copy() {
        let s = MemoryStore::with_quota(200);
        save_progress(&s, &sample()).unwrap();
        let mut big = sample();
        for i in 0..50 {
            big.record(
                &format!("d1-question-{i}"),
                Review {
                    at: 2_000 + i,
                    correct: false,
                    confidence: Confidence::Unsure,
                    ms: None,
                },
            );
        }
        assert_eq!(save_progress(&s, &big), Err(StorageError::QuotaExceeded));
        assert_eq!(
            load_progress(&s, 3).0,
            sample(),
            "the last good copy survives"
        );
    }

    #[test]
    fn an_exam_session_round_trips_and_clears() {
        use crate::domain::exam::{Format, Item, Session, Timer};
        let s = MemoryStore::default();
        assert_eq!(load_exam(&s), None);
        let session = Session::new(
            Format::Mini,
            3,
            vec![Item {
                id: "q".into(),
                scored: true,
            }],
            Timer::start(10, 48, true),
        );
        save_exam(&s, &session).unwrap();
        assert_eq!(load_exam(&s), Some(session));
        clear_exam(&s).unwrap();
        assert_eq!(load_exam(&s), None);
        s.set(EXAM_KEY, "{broken").unwrap();
        assert_eq!(load_exam(&s), None, "an unreadable session is not resumed");
    }

    #[test]
    fn unavailable_storage_means_memory_only() {
        assert_eq!(
            load_progress(&Broken, 1),
            (Progress::default(), LoadStatus::Unavailable)
        );
        assert_eq!(
            save_progress(&Broken, &sample()),
            Err(StorageError::Unavailable)
        );
    }
}
