//! 我的 → your data (PIPL): download everything the service holds about you (JSON), or delete
//! the account. Before the resident confirms, the page lists the records the service must keep
//! and why (the server's `GET /me/deletion`); deleting signs out everywhere and clears this
//! device like signing out does.

use super::api;
use crate::i18n::{use_i18n, Key};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::{use_session, RequireSignIn};
use crate::shared::submit::Submit;
use baoan_contract::api::{DeletionPlan, KeptReason};
use leptos::prelude::*;

#[component]
pub fn MyDataPage() -> impl IntoView {
    use_title(Key::MyDataTitle);
    view! {
        <RequireSignIn>
            <MyData />
        </RequireSignIn>
    }
}

fn reason_key(reason: KeptReason) -> Key {
    match reason {
        KeptReason::AssistanceCase => Key::KeptAssistance,
        KeptReason::MarriageUpcoming => Key::KeptMarriage,
        KeptReason::CharityReceipt => Key::KeptCharity,
        KeptReason::MemorialProxyOpen => Key::KeptProxy,
    }
}

#[component]
fn MyData() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let plan = LocalResource::new(api::deletion_plan);
    let asked = RwSignal::new(false);
    // The account is gone on the server; its data leaves this device the same way as at sign-out.
    let delete = Submit::new(|()| api::delete_account()).on_done(move |_| session.signed_out());
    let failed = move || delete.general.get();
    view! {
        <h1>{move || i18n.t(Key::MyDataTitle)}</h1>
        <h2>{move || i18n.t(Key::DownloadHeading)}</h2>
        <p>{move || i18n.t(Key::DownloadBody)}</p>
        <p>
            <a
                class="button button-secondary"
                href=api::export_url()
                download="baoan-my-data.json"
                data-testid="download-data"
            >
                {move || i18n.t(Key::DownloadButton)}
            </a>
        </p>
        <h2>{move || i18n.t(Key::DeleteHeading)}</h2>
        <p>{move || i18n.t(Key::DeleteBody)}</p>
        <Loaded
            resource=plan
            children=move |plan: DeletionPlan| {
                if plan.kept.is_empty() {
                    view! { <p>{move || i18n.t(Key::DeleteNothingKept)}</p> }.into_any()
                } else {
                    view! {
                        <p>{move || i18n.t(Key::DeleteKeptIntro)}</p>
                        <ul class="kept-records" data-testid="kept-records">
                            {plan
                                .kept
                                .into_iter()
                                .map(|k| {
                                    view! {
                                        <li>
                                            <strong>{k.reference}</strong>
                                            " — "
                                            {move || i18n.t(reason_key(k.reason))}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }
        />
        {move || {
            if asked.get() {
                view! {
                    <div class="panel-warning" role="group" aria-labelledby="delete-question">
                        <p id="delete-question">
                            <strong>{move || i18n.t(Key::DeleteConfirmQuestion)}</strong>
                        </p>
                        <p>
                            <button
                                type="button"
                                class="button button-warning"
                                data-testid="delete-confirm"
                                disabled=move || delete.pending().get()
                                on:click=move |_| delete.send(())
                            >
                                {move || {
                                    i18n.t(
                                        if delete.pending().get() { Key::Deleting } else { Key::DeleteConfirmButton },
                                    )
                                }}
                            </button>
                        </p>
                        <p>
                            <button type="button" class="link-button" on:click=move |_| asked.set(false)>
                                {move || i18n.t(Key::DeleteKeep)}
                            </button>
                        </p>
                    </div>
                }
                    .into_any()
            } else {
                view! {
                    <p>
                        <button
                            type="button"
                            class="button button-secondary"
                            data-testid="delete-start"
                            on:click=move |_| asked.set(true)
                        >
                            {move || i18n.t(Key::DeleteStart)}
                        </button>
                    </p>
                }
                    .into_any()
            }
        }}
        {move || {
            failed()
                .map(|k| {
                    view! {
                        <p class="error-message" role="alert">
                            {i18n.t(k)}
                        </p>
                    }
                })
        }}
    }
}
