//! /charity/projects/:id/give — how much (presets or another amount), named or anonymous, an
//! optional message, one-off or monthly. The contract's rules run here and again on the server.
//! The draft (with its idempotency key) survives a reload; a retried submit makes one order.

use super::api;
use super::draft::{GiveDraft, OTHER, PRESETS};
use super::i18n::Key;
use super::labels::yuan_whole;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{RadioOption, Radios, TextField};
use baoan_contract::charity::{Frequency, GiftOrder, ProjectDetail};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn GivePage() -> impl IntoView {
    use_title(Key::GiveTitle);
    let params = use_params_map();
    let project = LocalResource::new(move || api::project(params.get().get("id").unwrap_or_default()));
    view! {
        <RequireSignIn>
            <Loaded resource=project let:p>
                <GiveForm p=p />
            </Loaded>
        </RequireSignIn>
    }
}

#[component]
fn GiveForm(p: ProjectDetail) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let draft = GiveDraft::for_project(&p.card.id);
    let submit = Submit::once(draft.key, api::give).on_done(move |order: GiftOrder| {
        draft.clear();
        navigate(&format!("/charity/gifts/{}/pay", order.order_id), Default::default());
    });
    let errors = submit.errors;
    let project_id = p.card.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (req, found) = draft.request(&project_id);
        if !submit.refuse(found) {
            submit.send(req);
        }
    };
    let amounts = PRESETS
        .into_iter()
        .map(|fen| RadioOption::plain(fen.to_string(), yuan_whole(fen)))
        .chain([RadioOption::msg(OTHER, Key::AmountOther)])
        .collect();
    let names = vec![RadioOption::msg("no", Key::Named), RadioOption::msg("yes", Key::AnonymousChoice)];
    let frequencies = vec![
        RadioOption::msg(Frequency::Once.code(), Key::FrequencyOnce),
        RadioOption::msg(Frequency::Monthly.code(), Key::FrequencyMonthly),
    ];
    view! {
        <p>
            <a href=format!("/charity/projects/{}", p.card.id)>
                <crate::i18n::Localised text=p.card.title.clone() />
            </a>
        </p>
        <h1>{move || i18n.t(Key::GiveTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::GiveTo)}" "<crate::i18n::Localised text=p.card.title.clone() /></p>
        {submit.summary()}
        <form novalidate on:submit=on_submit>
            <Radios name="choice" legend=Key::AmountLegend options=amounts value=draft.choice errors=errors />
            {move || {
                (draft.choice.get() == OTHER)
                    .then(|| {
                        view! {
                            <TextField
                                name="amount"
                                label=Key::AmountCustomLabel
                                hint=Key::AmountCustomHint
                                value=draft.amount
                                errors=errors
                                inputmode="decimal"
                                maxlength=12
                            />
                        }
                    })
            }}
            <Radios name="anonymous" legend=Key::NameLegend options=names value=draft.anonymous errors=errors />
            {move || {
                (draft.anonymous.get() == "no")
                    .then(|| {
                        view! {
                            <TextField
                                name="donor_name"
                                label=Key::DonorNameLabel
                                hint=Key::DonorNameHint
                                value=draft.donor_name
                                errors=errors
                                maxlength=20
                            />
                        }
                    })
            }}
            <TextField
                name="message"
                label=Key::MessageLabel
                hint=Key::MessageHint
                value=draft.message
                errors=errors
                maxlength=100
            />
            <Radios
                name="frequency"
                legend=Key::FrequencyLegend
                options=frequencies
                value=draft.frequency
                errors=errors
            />
            <button type="submit" class="button" disabled=move || submit.pending().get()>
                {move || i18n.t(if submit.pending().get() { Key::Working } else { Key::Continue })}
            </button>
        </form>
    }
}
