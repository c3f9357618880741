//! The errors of one form, keyed by field name, in the GOV.UK pattern: each shown next to its
//! field (ui::TextField, ui::Radios) and listed in the error summary at the top (ui::ErrorSummary).
//! Errors from the app's own checks and from the server arrive in the same shape (the
//! contract's FieldErrors).

use baoan_contract::error::{FieldError, FieldErrors};
use leptos::prelude::*;

/// The errors currently shown on one form, keyed by field name.
#[derive(Clone, Copy)]
pub struct FormErrors(pub RwSignal<FieldErrors>);

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FormErrors {
    pub fn new() -> Self {
        FormErrors(RwSignal::new(FieldErrors::new()))
    }
    pub fn of(&self, field: &'static str) -> Signal<Option<FieldError>> {
        let errors = self.0;
        Signal::derive(move || errors.with(|e| e.get(field)))
    }
    pub fn set(&self, errors: FieldErrors) {
        self.0.set(errors);
    }
    pub fn clear(&self) {
        self.0.set(FieldErrors::new());
    }
}
