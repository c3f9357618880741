//! The owner's settings on a memorial: its photo, making it public (`publish`) and the
//! anniversary reminder.

use super::photo::PhotoPicker;
use super::publish::PublishForm;
use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::i18n::Key;
use crate::shared::submit::Submit;
use baoan_contract::memorial::{Memorial, PhotoRequest, ReminderRequest};
use leptos::prelude::*;

#[component]
pub fn OwnerSettings(current: RwSignal<Option<Memorial>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = move || current.get_untracked().map(|m| m.id).unwrap_or_default();
    let photo = Submit::new(move |req: PhotoRequest| api::set_photo(id(), req))
        .on_done(move |m: Memorial| current.set(Some(m)));
    let set_photo = move |upload: Option<String>| photo.send(PhotoRequest { photo: upload });
    let has_photo = move || current.get().is_some_and(|m| m.photo.is_some());
    let reminder = Submit::new(move |req: ReminderRequest| api::set_reminder(id(), req));
    view! {
        <h2>{move || i18n.t(Key::PhotoLabel)}</h2>
        {photo.summary()}
        <PhotoPicker
            label=Signal::derive(move || if has_photo() { Key::ReplacePhoto } else { Key::ChoosePhoto })
            on_uploaded=Callback::new(move |id: String| set_photo(Some(id)))
        />
        {move || {
            has_photo()
                .then(|| {
                    view! {
                        <p>
                            <button type="button" class="link-button" on:click=move |_| set_photo(None)>
                                {move || i18n.t(Key::RemovePhoto)}
                            </button>
                        </p>
                    }
                })
        }}
        {move || {
            (current.get().map(|m| m.visibility) == Some("private".into()))
                .then(|| view! { <PublishForm current=current /> })
        }}
        {reminder.summary()}
        <div class="checkbox">
            <input
                type="checkbox"
                id="reminder"
                prop:checked=move || current.get().map(|m| m.reminder).unwrap_or(false)
                on:change=move |ev| {
                    reminder
                        .send(ReminderRequest {
                            on: event_target_checked(&ev),
                        })
                }
            />
            <label for="reminder">{move || i18n.t(Key::Reminder)}</label>
        </div>
    }
}
