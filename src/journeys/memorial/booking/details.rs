//! Booking, step 4: visitors and the grave. Checked with the contract's rules as submitted
//! (the server checks again).

use crate::i18n::{fill, use_i18n};
use crate::journeys::memorial::api;
use crate::journeys::memorial::draft::booking_draft;
use crate::journeys::memorial::i18n::Key;
use crate::shared::figures::FigureSource;
use crate::shared::form::FormErrors;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{ErrorSummary, TextField};
use baoan_contract::memorial::rules::DEFAULT_MAX_GROUP;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DetailsPage() -> impl IntoView {
    use_title(Key::DetailsTitle);
    view! {
        <RequireSignIn>
            <DetailsForm />
        </RequireSignIn>
    }
}

#[component]
fn DetailsForm() -> impl IntoView {
    let i18n = use_i18n();
    let draft = booking_draft();
    let errors = FormErrors::new();
    let navigate = use_navigate();
    // The cemetery's own group limit and its source (the server checks against the same).
    let cemetery = LocalResource::new(move || api::cemetery(draft.cemetery.get()));
    let limit =
        move || cemetery.get().and_then(Result::ok).map(|d| (d.cemetery.max_group, d.cemetery.max_group_source));
    let max_group = move || limit().map_or(DEFAULT_MAX_GROUP, |(n, _)| n);
    let hint = Signal::derive(move || {
        limit().map(|(n, _)| fill(i18n.t_n(Key::GroupSizeHint, n.into()), &[("n", &n.to_string())])).unwrap_or_default()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.request().validate(max_group()) {
            Ok(_) => {
                errors.clear();
                draft.renew_key();
                navigate("/memorial/book/check", Default::default());
            }
            Err(e) => errors.set(e),
        }
    };
    if draft.group_size.get_untracked().is_empty() {
        draft.group_size.set("1".into());
    }
    view! {
        <h1>{move || i18n.t(Key::DetailsTitle)}</h1>
        // Opened directly (no time chosen yet): no "· ·" line.
        {move || {
            (!draft.slot_time.get().is_empty())
                .then(|| {
                    view! {
                        <p class="lead">
                            {move || draft.cemetery_name.get()}" · "{move || draft.date.get()}" · "
                            {move || draft.slot_time.get()}
                        </p>
                    }
                })
        }}
        <ErrorSummary errors=errors />
        <form novalidate on:submit=on_submit>
            <TextField
                name="group_size"
                label=Key::GroupSizeLabel
                hint_text=hint
                value=draft.group_size
                errors=errors
                inputmode="numeric"
                maxlength=1
            />
            {move || {
                limit()
                    .map(|(_, source)| {
                        view! {
                            <p class="group-limit-source">
                                <FigureSource source=source example_note=Key::CapacityNote />
                            </p>
                        }
                    })
            }}
            <TextField
                name="plate"
                label=Key::PlateLabel
                hint=Key::PlateHint
                value=draft.plate
                errors=errors
                maxlength=10
            />
            <TextField
                name="deceased_name"
                label=Key::DeceasedLabel
                value=draft.deceased_name
                errors=errors
                maxlength=60
            />
            <TextField name="grave_area" label=Key::GraveArea value=draft.grave_area errors=errors maxlength=10 />
            <TextField name="grave_row" label=Key::GraveRow value=draft.grave_row errors=errors maxlength=10 />
            <TextField name="grave_number" label=Key::GraveNumber value=draft.grave_number errors=errors maxlength=10 />
            <TextField
                name="visitor_name"
                label=Key::VisitorLabel
                hint=Key::VisitorHint
                value=draft.visitor_name
                errors=errors
                autocomplete="name"
                maxlength=60
            />
            <TextField
                name="visitor_phone"
                label=Key::VisitorPhoneLabel
                value=draft.visitor_phone
                errors=errors
                input_type="tel"
                autocomplete="tel"
                inputmode="tel"
                maxlength=20
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::Continue)}
            </button>
        </form>
    }
}
