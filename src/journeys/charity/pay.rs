//! /charity/gifts/:id/pay — check the gift, then pay: through WeChat Pay on the live service (a
//! link to the provider's page), or in the demo's SANDBOX (clearly labelled: no real money moves).
//! Paying twice is impossible: the server settles an order once.

use super::api;
use super::i18n::Key;
use super::labels::{frequency, yuan};
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, SummaryList, SummaryRow};
use baoan_contract::charity::{GiftOrder, GiftStatus, SandboxPayment, SANDBOX_APPROVE};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn PayPage() -> impl IntoView {
    use_title(Key::PayTitle);
    let params = use_params_map();
    let order = LocalResource::new(move || api::gift(params.get().get("id").unwrap_or_default()));
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
            <SummaryRow label=Key::Project>
                <crate::i18n::Localised text=o.project_title.clone() />
            </SummaryRow>
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
    // Safe to repeat: the server confirms an order once, so no idempotency key is needed.
    let pay = {
        let receipt_href = receipt_href.clone();
        Submit::new(|id: String| api::sandbox_pay(id, SandboxPayment { token: SANDBOX_APPROVE.into() }))
            .on_done(move |_| navigate(&receipt_href, Default::default()))
    };
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
                    <Notice class="charity-sandbox" role="note">
                        <p>
                            <strong>{move || i18n.t(Key::SandboxNotice)}</strong>
                        </p>
                    </Notice>
                }
            })}
        {pay.summary()}
        <GiftSummary o=o />
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
                <Notice>
                    <p>{move || i18n.t(Key::AlreadyPaid)}</p>
                </Notice>
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
                            pay.send(id.clone());
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
