//! /charity/gifts/:id/receipt — the electronic receipt (number, donor, amount, project, date),
//! printable or saved as PDF through the browser's print dialog; what happens next.

use super::api;
use super::i18n::Key;
use super::labels::yuan;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{Notice, NoticeKind, PrintButton, SummaryList, SummaryRow};
use baoan_contract::charity::{Frequency, GiftOrder};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    use_title(Key::ReceiptTitle);
    let params = use_params_map();
    let order = LocalResource::new(move || api::gift(params.get().get("id").unwrap_or_default()));
    view! {
        <RequireSignIn>
            <Loaded resource=order let:o>
                <ReceiptView o=o />
            </Loaded>
        </RequireSignIn>
    }
}

#[component]
fn ReceiptView(o: GiftOrder) -> impl IntoView {
    let i18n = use_i18n();
    let monthly = o.frequency == Frequency::Monthly;
    let Some(r) = o.receipt.clone() else {
        return view! {
            <h1>{move || i18n.t(Key::ReceiptTitle)}</h1>
            <Notice>
                <p>{move || i18n.t(Key::ReceiptPending)}</p>
            </Notice>
            <a class="button" href=format!("/charity/gifts/{}/pay", o.order_id)>
                {move || i18n.t(Key::PayTitle)}
            </a>
        }
        .into_any();
    };
    let receipt_no = r.receipt_no.clone();
    view! {
        <Notice kind=NoticeKind::Success class="charity-thanks" role="status">
            <h1>{move || i18n.t(Key::ReceiptThanks)}</h1>
            <p>{move || i18n.t(Key::ReceiptNo)}" "<strong class="charity-code">{receipt_no}</strong></p>
        </Notice>
        <section class="charity-receipt" aria-labelledby="receipt-title">
            <h2 id="receipt-title">{move || i18n.t(Key::ReceiptTitle)}</h2>
            <SummaryList>
                <SummaryRow label=Key::ReceiptNo value_class="charity-code">
                    {r.receipt_no.clone()}
                </SummaryRow>
                <SummaryRow label=Key::Donor>{r.donor.clone()}</SummaryRow>
                <SummaryRow label=Key::AmountLegend>{yuan(r.amount_fen)}</SummaryRow>
                <SummaryRow label=Key::Project>
                    <crate::i18n::Localised text=r.project_title.clone() />
                </SummaryRow>
                <SummaryRow label=Key::Date>{r.date.to_iso()}</SummaryRow>
                <SummaryRow label=Key::OrderId value_class="charity-code">
                    {r.order_id.clone()}
                </SummaryRow>
            </SummaryList>
            <p class="hint">{move || i18n.t(Key::SandboxNotice)}</p>
        </section>
        <p>
            <PrintButton label=Key::PrintReceipt primary=true />
        </p>
        <h2>{move || i18n.t(Key::WhatNext)}</h2>
        <p>{move || i18n.t(Key::WhatNextBody)}</p>
        {monthly.then(|| view! { <p>{move || i18n.t(Key::MonthlyNote)}</p> })}
        <p>
            <a href="/mine">{move || i18n.t(Key::MineHeading)}</a>
            " · "
            <a href=format!("/charity/projects/{}", o.project_id)>
                <crate::i18n::Localised text=o.project_title.clone() />
            </a>
        </p>
    }
    .into_any()
}
