//! The browser's storage, tolerating its absence (private mode, storage full).
//!
//! Everything of a resident's kept on this device (every journey's form drafts, saved booking
//! confirmations with their entry QR, who it belongs to) lives in localStorage under one prefix,
//! `baoan.my.`, written through `personal_key`. `clear_personal` removes it, and with it every
//! other key but the two settings that are not personal (language, elder mode) — so a key an
//! older version wrote under another name goes too — and all of sessionStorage.

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The prefix of every key holding a resident's data.
pub const PERSONAL_PREFIX: &str = "baoan.my.";

/// The language setting (not personal: kept across sign-outs).
pub const LANG_KEY: &str = "baoan.lang";
/// The elder-mode setting (not personal: kept across sign-outs).
pub const ELDER_KEY: &str = "baoan.elder";

/// The key for a piece of a resident's data: `baoan.my.{name}`.
pub fn personal_key(name: &str) -> String {
    format!("{PERSONAL_PREFIX}{name}")
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// Removes every key that starts with `prefix`.
pub fn remove_prefixed(prefix: &str) {
    remove_where(|k| k.starts_with(prefix));
}

fn remove_where(doomed: impl Fn(&str) -> bool) {
    if let Some(s) = local() {
        let keys: Vec<String> =
            (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).filter(|k| doomed(k)).collect();
        for key in keys {
            let _ = s.remove_item(&key);
        }
    }
}

/// Removes everything personal from this device's storage: every localStorage key but the
/// language and elder-mode settings, and all of sessionStorage. (The service worker's caches
/// are cleared by `session::forget_resident`, which calls this.)
pub fn clear_personal() {
    remove_where(|k| k != LANG_KEY && k != ELDER_KEY);
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.clear();
    }
}
