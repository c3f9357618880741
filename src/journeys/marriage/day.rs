//! Step 3: which day. The next 30 days as large buttons with the places left; full and closed
//! days disabled with the reason; busy dates warn, say why and what that rests on (a prediction,
//! with its source), and offer the nearest days with places.
//! `DayPicker` is the list itself, also used to move a booking and to book a second visit.

use super::api;
use super::draft::use_draft;
use super::i18n::Key;
use super::labels::{day_label, pick};
use crate::i18n::{fill, use_i18n};
use crate::shared::figures::FigureSource;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{ChoiceButton, Notice};
use baoan_contract::marriage::busy::{BusyNote, BusyReason};
use baoan_contract::marriage::{Day, DayList, DayState};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn DayPage() -> impl IntoView {
    use_title(Key::DayTitle);
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    let on_pick = Callback::new(move |d: Date| {
        draft.date.set(d.to_iso());
        draft.slot.set(String::new());
        navigate("/marriage/slot", Default::default());
    });
    view! {
        <h1>{move || i18n.t(Key::DayTitle)}</h1>
        <p class="hint">{move || i18n.t(Key::DayHint)}</p>
        <DayPicker office=Signal::derive(move || draft.office.get()) on_pick=on_pick />
    }
}

/// The office's bookable days; `within` (first, last) disables the days outside it, e.g. outside
/// the second-visit window of a divorce.
#[component]
pub fn DayPicker(
    office: Signal<String>,
    on_pick: Callback<Date>,
    #[prop(default = None)] within: Option<(Date, Date)>,
) -> impl IntoView {
    let days = LocalResource::new(move || {
        let office = office.get();
        api::days(office)
    });
    view! {
        <Loaded
            resource=days
            children={move |list: DayList| {
                view! {
                    <ul class="marriage-days">
                        {list
                            .days
                            .into_iter()
                            .map(|d| view! { <DayButton day=d on_pick=on_pick within=within /> })
                            .collect_view()}
                    </ul>
                }
            }}
        />
    }
}

#[component]
fn DayButton(day: Day, on_pick: Callback<Date>, within: Option<(Date, Date)>) -> impl IntoView {
    let i18n = use_i18n();
    let date = day.date;
    let outside = within.is_some_and(|(first, last)| date < first || date > last);
    let open = day.state == DayState::Open && !outside;
    let places = day.places_left;
    let note = day.note.clone();
    let reason = move || match day.state {
        _ if outside => i18n.t(Key::OutsideWindow).to_string(),
        DayState::Open => fill(i18n.t_n(Key::PlacesLeft, places.into()), &[("n", &places.to_string())]),
        DayState::Full => i18n.t(Key::DayFull).to_string(),
        DayState::Closed => {
            note.as_ref().map(|n| pick(n, i18n.lang.get())).unwrap_or_else(|| i18n.t(Key::DayClosed).to_string())
        }
    };
    let extended = (open && day.note.is_some()).then(|| day.note.clone()).flatten();
    let busy_note = day.busy_note.clone();
    let nearest: Vec<Date> = day
        .nearest_free
        .iter()
        .copied()
        .filter(|d| within.is_none_or(|(first, last)| *d >= first && *d <= last))
        .collect();
    view! {
        <li>
            <ChoiceButton
                disabled=!open
                on_pick=Callback::new(move |()| on_pick.run(date))
                side=Signal::derive(reason)
                extra=extended.map(|n| Signal::derive(move || pick(&n, i18n.lang.get()))).into_iter().collect()
            >
                {move || day_label(date, i18n.lang.get())}
            </ChoiceButton>
            {(day.busy && !outside)
                .then(|| {
                    view! {
                        <Notice class="marriage-busy">
                            <p>{move || i18n.t(Key::BusyWarning)}</p>
                            {busy_note.map(|note| view! { <BusyWhy note=note /> })}
                            {(!nearest.is_empty())
                                .then(|| {
                                    view! {
                                        <p>{move || i18n.t(Key::BusyNearest)}</p>
                                        <ul class="marriage-inline">
                                            {nearest
                                                .iter()
                                                .map(|d| {
                                                    let d = *d;
                                                    view! {
                                                        <li>
                                                            <button
                                                                type="button"
                                                                class="button button-secondary"
                                                                on:click=move |_| on_pick.run(d)
                                                            >
                                                                {move || day_label(d, i18n.lang.get())}
                                                            </button>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                        </Notice>
                    }
                })}
        </li>
    }
}

/// Why the day is expected to be busy and what that rests on (this service's expectation or the
/// office's marking, never policy); for 七夕 also the calendar its date comes from.
#[component]
fn BusyWhy(note: BusyNote) -> impl IntoView {
    let i18n = use_i18n();
    let why = match note.reason {
        BusyReason::May20 => Key::BusyWhyMay20,
        BusyReason::Valentine => Key::BusyWhyValentine,
        BusyReason::Qixi => Key::BusyWhyQixi,
        BusyReason::Office => Key::BusyWhyOffice,
    };
    view! {
        <p class="busy-why">
            {move || i18n.t(why)} " " <FigureSource source=note.source example_note=Key::BusyPredictionNote />
        </p>
        {note
            .calendar
            .map(|calendar| {
                view! {
                    <p class="busy-calendar">
                        {move || i18n.t(Key::BusyCalendar)} " " <FigureSource source=calendar />
                    </p>
                }
            })}
    }
}
