//! This journey's section of 我的: 我的预约 and 我的纪念馆.

use super::api;
use super::i18n::Key;
use super::labels::time_range;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use baoan_contract::memorial::{BookingList, MemorialList};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    let bookings = LocalResource::new(api::bookings);
    let memorials = LocalResource::new(api::memorials);
    view! {
        <section class="mine-section">
            <h2>{move || i18n.t(Key::MineHeading)}</h2>
            <h3>{move || i18n.t(Key::MyBookings)}</h3>
            <Loaded
                resource=bookings
                children=move |list: BookingList| {
                    view! {
                        {list
                            .bookings
                            .is_empty()
                            .then(|| view! { <p class="hint">{move || i18n.t(Key::MineEmpty)}</p> })}
                        <ul class="plain-list">
                            {list
                                .bookings
                                .into_iter()
                                .map(|b| {
                                    view! {
                                        <li>
                                            <A href=format!("/memorial/bookings/{}", b.id)>
                                                <crate::i18n::Localised text=b.cemetery.name.clone() />
                                                " · "
                                                {b.date.to_iso()}
                                                " "
                                                {time_range(b.starts_minute, b.ends_minute)}
                                                {(b.status != "active")
                                                    .then(|| {
                                                        view! {
                                                            " · "
                                                            {move || i18n.t(Key::Cancelled)}
                                                        }
                                                    })}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                }
            />
            <p>
                <A href="/memorial/book">{move || i18n.t(Key::BookTitle)}</A>
            </p>
            <h3>{move || i18n.t(Key::MyMemorials)}</h3>
            <Loaded
                resource=memorials
                children=move |list: MemorialList| {
                    view! {
                        <ul class="plain-list">
                            {list
                                .memorials
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <li>
                                            <A href=format!(
                                                "/memorial/memorials/{}",
                                                m.id,
                                            )>{m.deceased_name.clone()}</A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                }
            />
            <p>
                <A href="/memorial/memorials/new">{move || i18n.t(Key::CreateMemorial)}</A>
            </p>
        </section>
    }
}
