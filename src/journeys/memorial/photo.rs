//! The memorial's photo: choosing one (shrunk in the browser, uploaded with a progress bar by
//! `shared::upload`) and showing it with alt text and fixed dimensions (a class, never an
//! inline style: the CSP forbids them).

use super::i18n::Key;
use crate::i18n::{field_error_key, use_i18n};
use crate::shared::api::{api_url, ClientError};
use crate::shared::loadable::error_key;
use crate::shared::upload::{shrink_photo, upload};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Shown size in CSS pixels (the CSS crops the picture to fill it).
pub const PHOTO_WIDTH: u32 = 180;
pub const PHOTO_HEIGHT: u32 = 240;

/// A file input for a photo; `on_uploaded` gets the upload id once stored.
#[component]
pub fn PhotoPicker(#[prop(into)] label: Signal<Key>, on_uploaded: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<ClientError>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        failure.set(None);
        progress.set(Some(0.0));
        spawn_local(async move {
            let name = file.name();
            let blob = shrink_photo(file.into()).await;
            let result = upload(&blob, &name, move |p| progress.set(Some(p))).await;
            progress.set(None);
            match result {
                Ok(receipt) => on_uploaded.run(receipt.id),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    let message = move || {
        failure.get().map(|e| match &e {
            ClientError::Api(api) if !api.fields.is_empty() => i18n.t(field_error_key(*api.fields.values().next().unwrap())),
            other => i18n.t(error_key(other)),
        })
    };
    view! {
        <div class="field file-field" class:field-error=move || failure.get().is_some()>
            <p class="hint" id="photo-hint">{move || i18n.t(Key::PhotoHint)}</p>
            {move || message().map(|m| view! { <p class="error-message" id="photo-error" role="alert">{m}</p> })}
            // The browser's own file button speaks the browser's language and is tiny in elder
            // mode: the input stays (focusable, announced) but is drawn as the label button.
            <input type="file" id="photo" class="photo-input" accept="image/jpeg,image/png" aria-describedby="photo-hint" on:change=on_change />
            <label for="photo" class="button button-secondary photo-button">{move || i18n.t(label.get())}</label>
            {move || progress.get().map(|p| view! {
                <progress max="100" value=(p * 100.0).round() aria-label=move || i18n.t(Key::Uploading)>{format!("{:.0}%", p * 100.0)}</progress>
            })}
        </div>
    }
}

/// A photo at its fixed size; `src` is an API path.
#[component]
pub fn MemorialPhoto(#[prop(into)] src: Signal<String>, #[prop(into)] name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <img class="memorial-photo" src=move || api_url(&src.get()) width=PHOTO_WIDTH height=PHOTO_HEIGHT
            alt=move || format!("{} {}", name.get(), i18n.t(Key::PhotoAlt)) data-testid="memorial-photo" />
    }
}
