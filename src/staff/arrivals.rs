//! Today's arrivals at the member's own gate (gate staff) or counter (registry clerks), under the
//! check-in: each slot with bookings, and the slot under way now, with its capacity and how many
//! have arrived, and its bookings by reference, arrived (and when) or not yet. Asked again after every check-in answer.

use super::api_more as api;
use super::audit::when;
use super::i18n::Key;
use crate::i18n::{fill, use_i18n};
use crate::shared::loadable::Loaded;
use baoan_contract::marriage::clock_time;
use baoan_contract::staff::{ArrivalSlot, ArrivalsToday, CheckInAnswer};
use leptos::prelude::*;

/// The list, asked when shown and again whenever `after` (the check-in's last answer) changes.
#[component]
pub fn Arrivals(after: RwSignal<Option<CheckInAnswer>>) -> impl IntoView {
    let i18n = use_i18n();
    let today = LocalResource::new(move || {
        after.track();
        api::arrivals()
    });
    view! {
        <section class="staff-arrivals" aria-labelledby="arrivals-title">
            <h2 id="arrivals-title">{move || i18n.t(Key::ArrivalsTitle)}</h2>
            <Loaded resource=today let:found>
                <Slots found=found />
            </Loaded>
        </section>
    }
}

#[component]
fn Slots(found: ArrivalsToday) -> impl IntoView {
    let i18n = use_i18n();
    if found.slots.is_empty() {
        return view! { <p>{move || i18n.t(Key::ArrivalsNone)}</p> }.into_any();
    }
    view! {
        <p class="hint">{found.day.to_iso()}</p>
        {found.slots.into_iter().map(|s| view! { <ArrivalSlotView item=s /> }).collect_view()}
    }
    .into_any()
}

#[component]
fn ArrivalSlotView(item: ArrivalSlot) -> impl IntoView {
    let i18n = use_i18n();
    let time = format!("{}–{}", clock_time(item.starts_minute), clock_time(item.ends_minute));
    let (arrived, capacity) = (item.arrived.to_string(), item.capacity.to_string());
    view! {
        <h3 class="staff-arrivals-slot">
            {time}" · " {move || fill(i18n.t(Key::ArrivalsCount), &[("arrived", &arrived), ("capacity", &capacity)])}
        </h3>
        <ul class="staff-arrivals-list">
            {item
                .bookings
                .into_iter()
                .map(|b| {
                    let group = b.group_size as i64;
                    let state = b.arrived_at.map(when);
                    let arrived = state.is_some();
                    view! {
                        <li class="staff-arrival" class:staff-arrived=arrived data-reference=b.reference.clone()>
                            <span class="staff-queue-ref">{b.reference.clone()}</span>
                            " · "
                            {move || fill(i18n.t_n(Key::ArrivalsGroup, group), &[("count", &group.to_string())])}
                            " · "
                            {match state.clone() {
                                Some(at) => {
                                    view! { <strong>{move || fill(i18n.t(Key::ArrivalsAt), &[("time", &at)])}</strong> }
                                        .into_any()
                                }
                                None => i18n.t(Key::ArrivalsNotYet).into_any(),
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
