//! 我的预约: this journey's section of 我的 — the bookings the resident made and those naming them
//! as party B (first page; awaiting their answer says so).

use super::api;
use super::i18n::Key;
use super::labels::{day_label, kind_label, slot_time, status_label};
use crate::i18n::use_i18n;
use crate::shared::clock::today;
use crate::shared::loadable::Loaded;
use baoan_contract::marriage::{BookingList, BookingRole, BookingStatus};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::bookings);
    view! {
        <section class="mine-section">
            <h2>{move || i18n.t(Key::MineHeading)}</h2>
            <Loaded
                resource=list
                children={move |l: BookingList| {
                    if l.bookings.is_empty() {
                        view! {
                            <p class="hint">{move || i18n.t(Key::MineEmpty)}</p>
                            <p>
                                <A href="/marriage">{move || i18n.t(Key::BookNow)}</A>
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <ul class="marriage-mine">
                                {l
                                    .bookings
                                    .into_iter()
                                    .map(|b| {
                                        let reference = b.reference.clone();
                                        let booker = b.role == BookingRole::Booker;
                                        let ask = !booker && b.status == BookingStatus::AwaitingPartner;
                                        let status = if ask { Key::MineAwaitingYou } else { status_label(b.status) };
                                        view! {
                                            <li class:marriage-mine-ask=ask>
                                                <A href=format!("/marriage/bookings/{}", b.id)>{b.reference.clone()}</A>
                                                <span>
                                                    " · "{move || i18n.t(kind_label(b.kind))}" · "
                                                    {move || i18n.t(status)}
                                                </span>
                                                <span class="marriage-mine-time">
                                                    " · "{move || day_label(b.slot.date, i18n.lang.get())}" "
                                                    {slot_time(&b.slot)}
                                                </span>
                                                {(booker && b.status.is_active() && b.slot.date > today())
                                                    .then(|| {
                                                        view! {
                                                            " · "
                                                            <A href=format!(
                                                                "/marriage/bookings/{}/reschedule",
                                                                b.id,
                                                            )>
                                                                {move || i18n.t(Key::RescheduleLink)}
                                                                <span class="visually-hidden">" "{reference.clone()}</span>
                                                            </A>
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }}
            />
        </section>
    }
}
