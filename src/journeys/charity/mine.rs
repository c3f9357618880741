//! 我的捐赠 — this journey's section of 我的: every gift with its status, its receipt and the
//! project's latest update.

use super::api;
use super::i18n::Key;
use super::labels::{gift_status, yuan};
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::submit::Submit;
use baoan_contract::charity::{GiftOrder, GiftStatus, Pledge, PledgeStatus};
use leptos::prelude::*;

#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    let gifts = LocalResource::new(api::my_gifts);
    view! {
        <section class="mine-section" aria-labelledby="mine-charity">
            <h2 id="mine-charity">{move || i18n.t(Key::MineHeading)}</h2>
            <Loaded resource=gifts let:gifts>
                {if gifts.is_empty() {
                    view! { <p class="hint">{move || i18n.t(Key::MineEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="charity-my-gifts">
                            {gifts.into_iter().map(|g| view! { <MyGift g=g /> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </Loaded>
            <MyPledges />
            <p>
                <a href="/charity">{move || i18n.t(Key::MineBrowse)}</a>
            </p>
        </section>
    }
}

#[component]
fn MyGift(g: GiftOrder) -> impl IntoView {
    let i18n = use_i18n();
    let st = gift_status(g.status);
    let paid = g.status == GiftStatus::Paid;
    let link = if paid {
        format!("/charity/gifts/{}/receipt", g.order_id)
    } else {
        format!("/charity/gifts/{}/pay", g.order_id)
    };
    let link_key = if paid { Key::ViewReceipt } else { Key::PayTitle };
    view! {
        <li class="charity-my-gift">
            <h3>
                <a href=format!("/charity/projects/{}", g.project_id)>
                    <crate::i18n::Localised text=g.project_title.clone() />
                </a>
            </h3>
            <p>{yuan(g.amount_fen)}" · "{g.created.to_iso()}" · "<span class="tag">{move || i18n.t(st)}</span></p>
            {g
                .receipt
                .clone()
                .map(|r| view! { <p class="hint">{move || i18n.t(Key::ReceiptNo)}" "{r.receipt_no.clone()}</p> })}
            {g
                .latest_update
                .clone()
                .map(|u| {
                    view! {
                        <p>
                            {move || i18n.t(Key::LatestUpdate)}{move || i18n.t(Key::Colon)}
                            <crate::i18n::Localised text=u.clone() />
                        </p>
                    }
                })}
            <p>
                <a href=link>{move || i18n.t(link_key)}</a>
            </p>
        </li>
    }
}

/// The resident's monthly pledges (shown only when there are any), each cancellable.
#[component]
fn MyPledges() -> impl IntoView {
    let i18n = use_i18n();
    let pledges = LocalResource::new(api::my_pledges);
    move || {
        pledges.get().and_then(Result::ok).filter(|list| !list.is_empty()).map(|list| {
            view! {
                <h3 class="charity-pledges-heading">{move || i18n.t(Key::PledgesHeading)}</h3>
                <ul class="charity-my-gifts">{list.into_iter().map(|p| view! { <MyPledge p=p /> }).collect_view()}</ul>
            }
        })
    }
}

#[component]
fn MyPledge(p: Pledge) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(p.status);
    // Cancelling twice changes nothing, so no idempotency key is needed.
    let cancel = Submit::new(api::cancel_pledge).on_done(move |updated: Pledge| status.set(updated.status));
    let id = p.id.clone();
    let status = move || status.get();
    view! {
        <li class="charity-my-gift">
            <h4>
                <a href=format!("/charity/projects/{}", p.project_id)>
                    <crate::i18n::Localised text=p.project_title.clone() />
                </a>
            </h4>
            <p>
                {yuan(p.amount_fen)}" "{move || i18n.t(Key::PledgePerMonth)}" · "
                <span class="tag">
                    {move || {
                        i18n.t(if status() == PledgeStatus::Active { Key::PledgeActive } else { Key::PledgeCancelled })
                    }}
                </span>
            </p>
            <p class="hint">
                {move || i18n.t(Key::PledgeStarted)}" "{p.started.to_iso()}" · " {move || i18n.t(Key::PledgeLastMonth)}
                " "{p.last_month.clone()}
            </p>
            <div role="status">
                {move || {
                    (status() == PledgeStatus::Cancelled)
                        .then(|| view! { <p>{move || i18n.t(Key::PledgeCancelledNote)}</p> })
                }}
            </div>
            {cancel.summary()}
            {move || {
                (status() == PledgeStatus::Active)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                disabled=move || cancel.pending().get()
                                on:click={
                                    let id = id.clone();
                                    move |_| cancel.send(id.clone())
                                }
                            >
                                {move || i18n.t(Key::CancelPledge)}
                            </button>
                        }
                    })
            }}
        </li>
    }
}
