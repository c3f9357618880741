//! The memorial's photo: choosing one (shrunk in the browser, uploaded with a progress bar by
//! `shared::upload`) and showing it with alt text and fixed dimensions (a class, never an
//! inline style: the CSP forbids them).

use crate::i18n::use_i18n;
use crate::journeys::memorial::i18n::Key;
use crate::shared::api::ClientError;
use crate::shared::upload::{upload_failure_message, upload_on_change};
use baoan_contract::api::UploadReceipt;
use leptos::prelude::*;

/// Shown size in CSS pixels (the CSS crops the picture to fill it).
pub const PHOTO_WIDTH: u32 = 180;
pub const PHOTO_HEIGHT: u32 = 240;

/// A file input for a photo; `on_uploaded` gets the upload id once stored.
#[component]
pub fn PhotoPicker(#[prop(into)] label: Signal<Key>, on_uploaded: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<ClientError>);
    let on_change =
        upload_on_change(progress, failure, Callback::new(move |receipt: UploadReceipt| on_uploaded.run(receipt.id)));
    let message = move || failure.get().map(|e| i18n.t(upload_failure_message(&e)));
    view! {
        <div class="field file-field" class:field-error=move || failure.get().is_some()>
            <p class="hint" id="photo-hint">
                {move || i18n.t(Key::PhotoHint)}
            </p>
            {move || {
                message()
                    .map(|m| {
                        view! {
                            <p class="error-message" id="photo-error" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
            // The browser's own file button speaks the browser's language and is tiny in elder
            // mode: the input stays (focusable, announced) but is drawn as the label button.
            <input
                type="file"
                id="photo"
                class="photo-input"
                accept="image/jpeg,image/png"
                aria-describedby="photo-hint"
                on:change=on_change
            />
            <label for="photo" class="button button-secondary photo-button">
                {move || i18n.t(label.get())}
            </label>
            {move || {
                progress
                    .get()
                    .map(|p| {
                        view! {
                            <progress max="100" value=(p * 100.0).round() aria-label=move || i18n.t(Key::Uploading)>
                                {format!("{:.0}%", p * 100.0)}
                            </progress>
                        }
                    })
            }}
        </div>
    }
}

/// A photo at its fixed size; `src` is its URL (from `api`).
#[component]
pub fn MemorialPhoto(#[prop(into)] src: Signal<String>, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <img
            class="memorial-photo"
            src=move || src.get()
            width=PHOTO_WIDTH
            height=PHOTO_HEIGHT
            alt=move || format!("{} {}", name.get(), i18n.t(Key::PhotoAlt))
            data-testid="memorial-photo"
        />
    }
}
