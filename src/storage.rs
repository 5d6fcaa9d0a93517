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
        web_sys::window()
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
