//! Making a memorial public: the burial certificate number and the requester's relation to the
//! deceased, checked by the contract's `PublishRequest::validate` here and again on the server.
//! The server limits register checks; a refusal says how long to wait.

use crate::i18n::use_i18n;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::{api, labels};
use crate::shared::api::ClientError;
use crate::shared::loadable::failure_text;
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, NoticeKind, RadioOption, Radios, TextField};
use baoan_contract::memorial::{Memorial, PublishRequest, Relation};
use leptos::prelude::*;

#[component]
pub fn PublishForm(current: RwSignal<Option<Memorial>>) -> impl IntoView {
    let i18n = use_i18n();
    let number = RwSignal::new(String::new());
    let relation = RwSignal::new(String::new());
    // The register checks are limited: a 429 says how long to wait.
    let failure = RwSignal::new(None::<ClientError>);
    let submit = Submit::new(move |body: PublishRequest| {
        api::publish(current.get_untracked().map(|m| m.id).unwrap_or_default(), body)
    })
    .on_done(move |m: Memorial| current.set(Some(m)))
    .wait_in(failure);
    let errors = submit.errors;
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let body = PublishRequest { certificate_number: number.get_untracked(), relation: relation.get_untracked() };
        match body.validate() {
            Ok(_) => submit.send(body),
            Err(f) => {
                submit.refuse(f);
            }
        }
    };
    view! {
        <h2>{move || i18n.t(Key::MakePublic)}</h2>
        {submit.summary()}
        {move || {
            failure
                .get()
                .map(|e| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert" attr:data-testid="publish-wait">
                            <p>{move || failure_text(i18n, &e)}</p>
                        </Notice>
                    }
                })
        }}
        <form novalidate on:submit=publish>
            <TextField
                name="certificate_number"
                label=Key::CertificateLabel
                hint=Key::CertificateHint
                value=number
                errors=errors
                maxlength=20
            />
            <Radios
                name="relation"
                legend=Key::RelationLabel
                hint=Key::RelationHint
                errors=errors
                value=relation
                options=Relation::ALL.into_iter().map(|r| RadioOption::msg(r.code(), labels::relation(r))).collect()
            />
            <button type="submit" class="button button-secondary">
                {move || i18n.t(Key::MakePublic)}
            </button>
        </form>
    }
}
