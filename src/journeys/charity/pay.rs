//! /charity/gifts/:id/pay — check the gift, then pay in the SANDBOX (clearly labelled: no real
//! money moves). Paying twice is impossible: the server confirms an order once.

use super::i18n::Key;
use super::labels::{frequency, yuan};
use crate::i18n::use_i18n;
use crate::shared::api;
use crate::shared::loadable::{error_key, error_text, Loaded};
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::charity::{GiftOrder, GiftStatus, SandboxPayment, SANDBOX_APPROVE};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

fn order_path(id: &str) -> String {
    format!("/charity/gifts/{}", js_sys::encode_uri_component(id))
}

#[component]
pub fn PayPage() -> impl IntoView {
    use_title(Key::PayTitle);
    let params = use_params_map();
    let order = LocalResource::new(move || {
        let id = params.get().get("id").unwrap_or_default();
        async move { api::get::<GiftOrder>(&order_path(&id)).await }
    });
    view! {
        <RequireSignIn>
            <Loaded resource=order let:o>
                <PayView o=o />
            </Loaded>
        </RequireSignIn>
    }
}

/// The gift as a summary list (check your answers; also on the receipt page).
#[component]
pub fn GiftSummary(o: GiftOrder) -> impl IntoView {
    let i18n = use_i18n();
    let freq = frequency(o.frequency);
    let shown = o.donor_name.clone();
    view! {
        <SummaryList>
            <SummaryRow label=Key::Project>{o.project_title.clone()}</SummaryRow>
            <SummaryRow label=Key::AmountLegend>{yuan(o.amount_fen)}</SummaryRow>
            <SummaryRow label=Key::Frequency>{move || i18n.t(freq)}</SummaryRow>
            <SummaryRow label=Key::ShownAs>
                {move || shown.clone().unwrap_or_else(|| i18n.t(Key::Anonymous).to_string())}
            </SummaryRow>
            {(!o.message.is_empty()).then(|| view! { <SummaryRow label=Key::Message>{o.message.clone()}</SummaryRow> })}
            <SummaryRow label=Key::OrderId value_class="charity-code">
                {o.order_id.clone()}
            </SummaryRow>
        </SummaryList>
    }
}

#[component]
fn PayView(o: GiftOrder) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let receipt_href = format!("/charity/gifts/{}/receipt", o.order_id);
    let pay = Action::new_local(move |id: &String| {
        let id = id.clone();
        async move {
            let body = SandboxPayment { token: SANDBOX_APPROVE.into() };
            api::post::<_, GiftOrder>(&format!("{}/sandbox-pay", order_path(&id)), &body).await
        }
    });
    {
        let receipt_href = receipt_href.clone();
        Effect::new(move |_| {
            if let Some(Ok(_)) = pay.value().get() {
                navigate(&receipt_href, Default::default());
            }
        });
    }
    let failed = move || pay.value().get().and_then(|r| r.err()).map(|e| error_key(&e));
    let paid = o.status == GiftStatus::Paid;
    // A real provider's gift (WeChat Pay) is paid on the provider's page: a plain link the
    // browser follows (rel="external": not the router's), never the sandbox's button.
    let provider_link = o.pay_url.clone();
    let id = o.order_id.clone();
    let change = format!("/charity/projects/{}/give", o.project_id);
    view! {
        <h1>{move || i18n.t(Key::PayTitle)}</h1>
        {provider_link
            .is_none()
            .then(|| {
                view! {
                    <div class="notice charity-sandbox" role="note">
                        <p>
                            <strong>{move || i18n.t(Key::SandboxNotice)}</strong>
                        </p>
                    </div>
                }
            })}
        <GiftSummary o=o />
        {move || {
            failed()
                .map(|k| {
                    view! {
                        <p class="error-message" role="alert">
                            {error_text(i18n, k)}
                        </p>
                    }
                })
        }}
        {if let (false, Some(href)) = (paid, provider_link) {
            view! {
                <p>
                    <a class="button" href=href rel="external">
                        {move || i18n.t(Key::PayWithWechat)}
                    </a>
                </p>
            }
                .into_any()
        } else if paid {
            view! {
                <p class="notice">{move || i18n.t(Key::AlreadyPaid)}</p>
                <a class="button" href=receipt_href.clone()>
                    {move || i18n.t(Key::ViewReceipt)}
                </a>
            }
                .into_any()
        } else {
            view! {
                <p>
                    <button
                        type="button"
                        class="button"
                        disabled=move || pay.pending().get()
                        on:click=move |_| {
                            pay.dispatch(id.clone());
                        }
                    >
                        {move || i18n.t(if pay.pending().get() { Key::Working } else { Key::PayButton })}
                    </button>
                </p>
                <p>
                    <a href=change>{move || i18n.t(Key::ChangeGift)}</a>
                </p>
            }
                .into_any()
        }}
    }
}
