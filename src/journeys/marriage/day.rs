//! Step 3: which day. The next 30 days as large buttons with the places left; full and closed
//! days disabled with the reason; busy dates warn and offer the nearest days with places.

use super::draft::use_draft;
use super::i18n::Key;
use super::text::{day_label, pick};
use crate::i18n::{fill, use_i18n};
use crate::shared::api;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use baoan_contract::marriage::{Day, DayList, DayState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DayPage() -> impl IntoView {
    use_title(Key::DayTitle);
    let i18n = use_i18n();
    let draft = use_draft();
    let days = LocalResource::new(move || {
        let office = draft.office.get();
        async move { api::get::<DayList>(&format!("/marriage/offices/{office}/days")).await }
    });
    view! {
        <h1>{move || i18n.t(Key::DayTitle)}</h1>
        <p class="hint">{move || i18n.t(Key::DayHint)}</p>
        <Loaded resource=days children={move |list: DayList| view! {
            <ul class="marriage-days">
                {list.days.into_iter().map(|d| view! { <DayButton day=d /> }).collect_view()}
            </ul>
        }} />
    }
}

#[component]
fn DayButton(day: Day) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    let date = day.date;
    let go = move |d: baoan_contract::rules::date::Date| {
        let navigate = navigate.clone();
        move |_| {
            draft.date.set(d.to_iso());
            draft.slot.set(String::new());
            navigate("/marriage/slot", Default::default());
        }
    };
    let open = day.state == DayState::Open;
    let places = day.places_left;
    let note = day.note.clone();
    let reason = move || match day.state {
        DayState::Open => fill(i18n.t(Key::PlacesLeft), &[("n", &places.to_string())]),
        DayState::Full => i18n.t(Key::DayFull).to_string(),
        DayState::Closed => note.as_ref().map(|n| pick(n, i18n.lang.get())).unwrap_or_else(|| i18n.t(Key::DayClosed).to_string()),
    };
    let extended = (open && day.note.is_some()).then(|| day.note.clone()).flatten();
    let nearest = day.nearest_free.clone();
    view! {
        <li>
            <button type="button" class="marriage-choice" disabled=!open on:click=go(date)>
                <span class="marriage-choice-main">{move || day_label(date, i18n.lang.get())}</span>
                <span class="marriage-choice-sub">{reason.clone()}</span>
                {extended.map(|n| view! { <span class="marriage-choice-sub">{move || pick(&n, i18n.lang.get())}</span> })}
            </button>
            {day.busy.then(|| view! {
                <div class="notice marriage-busy">
                    <p>{move || i18n.t(Key::BusyWarning)}</p>
                    {(!nearest.is_empty()).then(|| view! {
                        <p>{move || i18n.t(Key::BusyNearest)}</p>
                        <ul class="marriage-inline">
                            {nearest.iter().map(|d| {
                                let d = *d;
                                view! { <li><button type="button" class="button button-secondary" on:click=go(d)>{move || day_label(d, i18n.lang.get())}</button></li> }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            })}
        </li>
    }
}
