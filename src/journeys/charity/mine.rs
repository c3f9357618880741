//! 我的捐赠 — this journey's section of 我的: every gift with its status, its receipt and the
//! project's latest update.

use super::i18n::Key;
use super::labels::{gift_status, yuan};
use crate::i18n::use_i18n;
use crate::shared::api;
use crate::shared::loadable::Loaded;
use baoan_contract::charity::{GiftOrder, GiftStatus};
use leptos::prelude::*;

#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    let gifts = LocalResource::new(|| api::get::<Vec<GiftOrder>>("/me/charity/gifts"));
    view! {
        <section class="mine-section" aria-labelledby="mine-charity">
            <h2 id="mine-charity">{move || i18n.t(Key::MineHeading)}</h2>
            <Loaded resource=gifts let:gifts>
                {if gifts.is_empty() {
                    view! { <p class="hint">{move || i18n.t(Key::MineEmpty)}</p> }.into_any()
                } else {
                    view! { <ul class="charity-my-gifts">{gifts.into_iter().map(|g| view! { <MyGift g=g /> }).collect_view()}</ul> }.into_any()
                }}
            </Loaded>
            <p><a href="/charity">{move || i18n.t(Key::MineBrowse)}</a></p>
        </section>
    }
}

#[component]
fn MyGift(g: GiftOrder) -> impl IntoView {
    let i18n = use_i18n();
    let st = gift_status(g.status);
    let paid = g.status == GiftStatus::Paid;
    let link = if paid { format!("/charity/gifts/{}/receipt", g.order_id) } else { format!("/charity/gifts/{}/pay", g.order_id) };
    let link_key = if paid { Key::ViewReceipt } else { Key::PayTitle };
    view! {
        <li class="charity-my-gift">
            <h3><a href=format!("/charity/projects/{}", g.project_id)>{g.project_title.clone()}</a></h3>
            <p>{yuan(g.amount_fen)}" · "{g.created.to_iso()}" · "<span class="tag">{move || i18n.t(st)}</span></p>
            {g.receipt.clone().map(|r| view! { <p class="hint">{move || i18n.t(Key::ReceiptNo)}" "{r.receipt_no.clone()}</p> })}
            {g.latest_update.clone().map(|u| view! { <p>{move || i18n.t(Key::LatestUpdate)}"："{u.clone()}</p> })}
            <p><a href=link>{move || i18n.t(link_key)}</a></p>
        </li>
    }
}
