//! Create an online memorial (private by default).

use super::photo::{MemorialPhoto, PhotoPicker};
use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::i18n::Key;
use crate::shared::api::ClientError;
use crate::shared::clock::today;
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::loadable::WaitNotice;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::TextField;
use baoan_contract::memorial::{Memorial, MemorialCreate};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const FORM: &str = "memorial-new";

#[component]
pub fn NewMemorialPage() -> impl IntoView {
    use_title(Key::CreateMemorial);
    view! {
        <RequireSignIn>
            <NewMemorial />
        </RequireSignIn>
    }
}

#[component]
fn NewMemorial() -> impl IntoView {
    let i18n = use_i18n();
    let name = draft_field(FORM, "deceased_name");
    let born = draft_field(FORM, "born_on");
    let died = draft_field(FORM, "died_on");
    let bio = draft_field(FORM, "biography");
    // The upload id, kept with the draft so a reload does not lose the photo.
    let photo = draft_field(FORM, "photo");
    // Too many today (429): say how long to wait, from the server's Retry-After.
    let wait = RwSignal::new(None::<ClientError>);
    let navigate = use_navigate();
    let save = Submit::new(api::create_memorial)
        .on_done(move |m: Memorial| {
            clear_draft(FORM, &["deceased_name", "born_on", "died_on", "biography", "photo"]);
            navigate(&format!("/memorial/memorials/{}", m.id), Default::default());
        })
        .wait_in(wait);
    let errors = save.errors;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = MemorialCreate {
            deceased_name: name.get_untracked(),
            born_on: Date::parse_iso(born.get_untracked().trim()),
            died_on: Date::parse_iso(died.get_untracked().trim()),
            biography: bio.get_untracked(),
            photo: Some(photo.get_untracked()).filter(|p| !p.is_empty()),
        };
        match req.validate(today()) {
            Ok(_) => {
                wait.set(None);
                save.send(req);
            }
            Err(e) => {
                save.refuse(e);
            }
        }
    };
    view! {
        <h1>{move || i18n.t(Key::CreateMemorial)}</h1>
        <p class="lead">{move || i18n.t(Key::CreateLead)}</p>
        {save.summary()}
        <WaitNotice error=wait />
        <form novalidate on:submit=on_submit>
            <TextField name="deceased_name" label=Key::DeceasedLabel value=name errors=errors maxlength=60 />
            <TextField
                name="born_on"
                label=Key::BornLabel
                hint=Key::DateHint
                value=born
                errors=errors
                input_type="date"
            />
            <TextField
                name="died_on"
                label=Key::DiedLabel
                hint=Key::DateHint
                value=died
                errors=errors
                input_type="date"
            />
            <TextField name="biography" label=Key::BiographyLabel value=bio errors=errors maxlength=1000 />
            <h2>{move || i18n.t(Key::PhotoLabel)}</h2>
            {move || {
                (!photo.get().is_empty())
                    .then(|| {
                        view! {
                            <MemorialPhoto src=Signal::derive(move || api::upload_url(&photo.get())) name=name />
                            <p>{move || i18n.t(Key::PhotoAdded)}</p>
                            <p>
                                <button type="button" class="link-button" on:click=move |_| photo.set(String::new())>
                                    {move || i18n.t(Key::RemovePhoto)}
                                </button>
                            </p>
                        }
                    })
            }}
            <PhotoPicker
                label=Signal::derive(move || if photo.get().is_empty() { Key::ChoosePhoto } else { Key::ReplacePhoto })
                on_uploaded=Callback::new(move |id: String| photo.set(id))
            />
            <button type="submit" class="button" disabled=move || save.pending().get()>
                {move || i18n.t(Key::Create)}
            </button>
        </form>
    }
}
