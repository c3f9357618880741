//! Choosing or photographing a document and uploading it with a progress bar (shared::upload:
//! photos are shrunk in the browser first; the server checks the content).

use super::api;
use super::i18n::Key;
use super::labels;
use crate::i18n::use_i18n;
use crate::shared::api::ClientError;
use crate::shared::submit::Submit;
use crate::shared::upload::{upload_failure_message, upload_on_change};
use baoan_contract::api::UploadReceipt;
use baoan_contract::assistance::{AddDocument, ApplicationView, DocumentKind};
use leptos::prelude::*;

/// A file input for one kind of document; `on_uploaded` gets the receipt once stored.
#[component]
pub fn FilePicker(kind: DocumentKind, on_uploaded: Callback<UploadReceipt>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<f64>);
    let failure = RwSignal::new(None::<ClientError>);
    let id = format!("file-{}", kind.code());
    let on_change = upload_on_change(progress, failure, on_uploaded);
    let message = move || failure.get().map(|e| i18n.t(upload_failure_message(&e)));
    let hint_id = format!("{id}-hint");
    // The browser's own file control shows its words in the browser's language and is tiny on a
    // phone: it stays in the page for keyboard and screen readers, and its label is the button.
    view! {
        <div class="field file-field" class:field-error=move || failure.get().is_some()>
            <p class="hint" id=hint_id.clone()>
                {move || i18n.t(Key::FileHint)}
            </p>
            {move || {
                message()
                    .map(|m| {
                        view! {
                            <p class="error-message" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
            <input
                type="file"
                class="file-input"
                id=id.clone()
                aria-describedby=hint_id
                accept="image/jpeg,image/png,application/pdf"
                on:change=on_change
            />
            <label for=id class="button button-secondary file-label">
                {move || i18n.t(Key::ChooseFile)}
                " · "
                {move || i18n.t(labels::document(kind))}
            </label>
            {move || {
                progress
                    .get()
                    .map(|p| {
                        view! {
                            <progress max="100" value=(p * 100.0).round() aria-label=i18n.t(Key::Uploading)>
                                {format!("{:.0}%", p * 100.0)}
                            </progress>
                        }
                    })
            }}
        </div>
    }
}

/// Sends a document to a submitted application (容缺 or 补正).
#[component]
pub fn DocumentUpload(reference: String, kind: DocumentKind, on_done: Callback<()>) -> impl IntoView {
    let add = Submit::new(move |doc: AddDocument| api::add_document(reference.clone(), doc))
        .on_done(move |_: ApplicationView| on_done.run(()));
    let on_uploaded =
        Callback::new(move |receipt: UploadReceipt| add.send(AddDocument { kind, upload_id: receipt.id }));
    view! {
        {add.summary()}
        <FilePicker kind=kind on_uploaded=on_uploaded />
    }
}
