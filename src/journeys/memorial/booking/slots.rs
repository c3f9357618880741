//! Booking, step 3: the hourly slots of a day as large buttons, each with places left and a
//! crowd bar (<meter>, no inline styles: the CSP forbids them): before the day it counts
//! bookings, on the day the visitors checked in at the gate, with their number written out. On
//! the day, a slot that is over (the contract's rule, by this device's Shenzhen clock) stays in
//! the list as a disabled choice saying it has ended; the server refuses it too.

use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::draft::booking_draft;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::labels::time_range;
use crate::shared::announce::PlacesWatch;
use crate::shared::figures::FigureSource;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{ChoiceButton, Crowd};
use baoan_contract::memorial::rules::check_slot_not_over;
use baoan_contract::memorial::{Slot, SlotList};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn SlotsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::ChooseSlot);
    let params = use_params_map();
    let cemetery = move || params.read().get("cemetery").unwrap_or_default();
    let date = move || params.read().get("date").unwrap_or_default();
    let list = LocalResource::new(move || api::slots(cemetery(), date()));
    // The places the watch announces: not those of slots that are over.
    let figures = |list: &SlotList| {
        list.slots
            .iter()
            .filter(|s| !is_over(s))
            .map(|s| (time_range(s.starts_minute, s.ends_minute), s.places_left().max(0) as u32))
            .collect::<Vec<_>>()
    };
    let places_text =
        move |n: u32| if n == 0 { i18n.t(Key::Full).to_string() } else { format!("{} {n}", i18n.t(Key::PlacesLeft)) };
    let watch = PlacesWatch::new(
        move || {
            let (cemetery, date) = (cemetery(), date());
            async move { api::slots(cemetery, date).await.ok().map(|l| figures(&l)) }
        },
        move |time, n| format!("{time}: {}", places_text(n)),
    );
    let draft = booking_draft();
    let navigate = use_navigate();
    view! {
        <h1>{move || i18n.t(Key::ChooseSlot)}</h1>
        <p class="lead">
            {move || {
                let name = draft.cemetery_name.get();
                if name.is_empty() { date() } else { format!("{name} · {}", date()) }
            }}
        </p>
        <Loaded
            resource=list
            children=move |list: SlotList| {
                watch.reset(figures(&list));
                let navigate = navigate.clone();
                let places_source = list.capacity_source.clone();
                let on_the_day = list.date == crate::shared::clock::today();
                let over: Vec<bool> = list.slots.iter().map(is_over).collect();
                view! {
                    <ul class="choice-list">
                        {list
                            .slots
                            .into_iter()
                            .zip(over)
                            .map(|(s, over)| {
                                let left = s.places_left();
                                let time = time_range(s.starts_minute, s.ends_minute);
                                let shown = time.clone();
                                let places = move || watch.places(&shown).unwrap_or(left.max(0) as u32);
                                let side = move || {
                                    if over { i18n.t(Key::SlotEnded).to_string() } else { places_text(places()) }
                                };
                                let (id, t) = (s.id.clone(), time.clone());
                                let navigate = navigate.clone();
                                let date = list.date.to_iso();
                                let choose = move |()| {
                                    draft.slot_id.set(id.clone());
                                    draft.slot_time.set(t.clone());
                                    draft.date.set(date.clone());
                                    navigate("/memorial/book/details", Default::default());
                                };
                                let (crowd, extra) = crowd_of(&s, on_the_day);
                                view! {
                                    <li>
                                        <ChoiceButton
                                            class="slot-button"
                                            disabled=left == 0 || over
                                            on_pick=Callback::new(choose)
                                            side=Signal::derive(side)
                                            extra=extra
                                            crowd=crowd
                                        >
                                            {time}
                                        </ChoiceButton>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {places_source
                        .map(|source| {
                            view! {
                                <p class="places-source">
                                    {move || i18n.t(Key::PlacesSource)} " "
                                    <FigureSource source=source example_note=Key::CapacityNote />
                                </p>
                            }
                        })}
                }
            }
        />
    }
}

/// Whether `slot` is over now (a slot of today whose end has passed).
fn is_over(slot: &Slot) -> bool {
    let (today, minute) = crate::shared::clock::now();
    check_slot_not_over(slot.date, today, slot.ends_minute, minute).is_err()
}

/// The slot's crowd bar and the lines under its places: on the day, the visitors who have
/// arrived (checked in at the gate); before it, the places booked.
fn crowd_of(slot: &Slot, on_the_day: bool) -> (Crowd, Vec<Signal<String>>) {
    let i18n = use_i18n();
    if on_the_day {
        let arrived = slot.arrived;
        let line = Signal::derive(move || format!("{} {arrived}", i18n.t(Key::ArrivedNow)));
        (Crowd { taken: arrived, capacity: slot.capacity, label: Key::ArrivedLabel.into() }, vec![line])
    } else {
        (Crowd { taken: slot.taken, capacity: slot.capacity, label: Key::CrowdLabel.into() }, Vec::new())
    }
}
