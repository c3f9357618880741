//! Autosaved drafts: every keystroke of a form is kept on the device at once, so a reload, the
//! back button, a closed tab or a dropped network never loses what a resident typed.
//!
//! One mechanism for every journey: a draft is personal data, kept under the personal prefix
//! (`storage::personal_key`), so signing out — or the app finding the session gone — removes
//! every draft of every journey at once (`session::forget_resident`).

use super::storage;
use leptos::prelude::*;

fn key(form: &str, field: &str) -> String {
    storage::personal_key(&format!("draft.{form}.{field}"))
}

/// A text field's value, restored from and saved to the device under `baoan.my.draft.{form}.{field}`.
pub fn draft_field(form: &'static str, field: &'static str) -> RwSignal<String> {
    let key = key(form, field);
    let value = RwSignal::new(storage::get(&key).unwrap_or_default());
    Effect::new(move |_| storage::set(&key, &value.get()));
    value
}

/// Forgets a form's saved fields once it has been submitted successfully.
pub fn clear_draft(form: &'static str, fields: &[&'static str]) {
    for field in fields {
        storage::remove(&key(form, field));
    }
}

/// A whole draft kept as one value (a journey's own format, e.g. JSON), under
/// `baoan.my.draft.{name}`: the same prefix, so the same clear removes it.
pub fn load_document(name: &str) -> Option<String> {
    storage::get(&storage::personal_key(&format!("draft.{name}")))
}

pub fn save_document(name: &str, value: &str) {
    storage::set(&storage::personal_key(&format!("draft.{name}")), value);
}

pub fn forget_document(name: &str) {
    storage::remove(&storage::personal_key(&format!("draft.{name}")));
}
