//! Autosaved drafts: every keystroke of a form is kept on the device at once, so a reload, the
//! back button, a closed tab or a dropped network never loses what a resident typed.

use super::storage;
use leptos::prelude::*;

/// A text field's value, restored from and saved to the device under `baoan.draft.{form}.{field}`.
pub fn draft_field(form: &'static str, field: &'static str) -> RwSignal<String> {
    let key = format!("baoan.draft.{form}.{field}");
    let value = RwSignal::new(storage::get(&key).unwrap_or_default());
    Effect::new(move |_| storage::set(&key, &value.get()));
    value
}

/// Forgets a form's saved fields once it has been submitted successfully.
pub fn clear_draft(form: &'static str, fields: &[&'static str]) {
    for field in fields {
        storage::remove(&format!("baoan.draft.{form}.{field}"));
    }
}

/// Forgets every form's saved fields. On sign-out: the next person to use this device (a
/// shared family phone, a kiosk) must never see, or send, what the last one typed.
pub fn clear_all_drafts() {
    storage::remove_prefixed("baoan.draft.");
}
