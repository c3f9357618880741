//! Step 4: which time. Slots as large buttons saying the places left; full ones disabled.
//! `SlotPicker` is the list itself, also used to move a booking and to book a second visit.

use super::api;
use super::draft::use_draft;
use super::i18n::Key;
use super::labels::{day_label, slot_time};
use crate::i18n::{fill, use_i18n};
use crate::shared::announce::PlacesWatch;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::ChoiceButton;
use baoan_contract::marriage::{Slot, SlotList};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn SlotPage() -> impl IntoView {
    use_title(Key::SlotTitle);
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    let on_pick = Callback::new(move |s: Slot| {
        draft.slot.set(s.id);
        draft.ceremony.set(String::new());
        draft.counselling.set(String::new());
        navigate("/marriage/parties", Default::default());
    });
    view! {
        <h1>{move || i18n.t(Key::SlotTitle)}</h1>
        <p>{move || Date::parse_iso(&draft.date.get()).map(|d| day_label(d, i18n.lang.get()))}</p>
        <SlotPicker
            office=Signal::derive(move || draft.office.get())
            date=Signal::derive(move || draft.date.get())
            on_pick=on_pick
        />
    }
}

/// The registration times of one office on one day (`YYYY-MM-DD`).
#[component]
pub fn SlotPicker(office: Signal<String>, date: Signal<String>, on_pick: Callback<Slot>) -> impl IntoView {
    let i18n = use_i18n();
    let slots = LocalResource::new(move || {
        let (office, date) = (office.get(), date.get());
        api::slots(office, date)
    });
    let places_text = move |n: u32| fill(i18n.t_n(Key::PlacesLeft, n.into()), &[("n", &n.to_string())]);
    let figures = |list: &SlotList| list.slots.iter().map(|s| (slot_time(s), s.places_left)).collect::<Vec<_>>();
    let watch = PlacesWatch::new(
        move || {
            let (office, date) = (office.get_untracked(), date.get_untracked());
            async move { api::slots(office, date).await.ok().map(|l| figures(&l)) }
        },
        move |time, n| format!("{time}: {}", if n == 0 { i18n.t(Key::SlotFull).to_string() } else { places_text(n) }),
    );
    view! {
        <Loaded
            resource=slots
            children={move |list: SlotList| {
                watch.reset(figures(&list));
                view! {
                    <ul class="marriage-days">
                        {list
                            .slots
                            .into_iter()
                            .map(|s| {
                                let full = s.places_left == 0;
                                let time = slot_time(&s);
                                let shown = time.clone();
                                let initial = s.places_left;
                                let places = move || watch.places(&shown).unwrap_or(initial);
                                view! {
                                    <li>
                                        <ChoiceButton
                                            disabled=full
                                            on_pick=Callback::new(move |()| on_pick.run(s.clone()))
                                            side=Signal::derive(move || {
                                                match places() {
                                                    0 => i18n.t(Key::SlotFull).to_string(),
                                                    n => places_text(n),
                                                }
                                            })
                                        >
                                            {time}
                                        </ChoiceButton>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }}
        />
    }
}

/// Picking a new time for an existing booking (reschedule, second divorce visit): a day —
/// within `within` when given — then a time on it. The caller shows its own confirmation once
/// both are chosen.
#[component]
pub fn DayThenSlot(
    office: Signal<String>,
    within: Option<(Date, Date)>,
    day: RwSignal<Option<Date>>,
    time: RwSignal<Option<Slot>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match day.get() {
        None => view! {
            <h2>{i18n.t(Key::DayTitle)}</h2>
            <super::day::DayPicker office=office on_pick=Callback::new(move |d| day.set(Some(d))) within=within />
        }
        .into_any(),
        Some(d) => view! {
            <h2>{i18n.t(Key::SlotTitle)}</h2>
            <p>{day_label(d, i18n.lang.get())}</p>
            <SlotPicker
                office=office
                date=Signal::derive(move || d.to_iso())
                on_pick=Callback::new(move |s| time.set(Some(s)))
            />
            <p>
                <button type="button" class="button button-secondary" on:click=move |_| day.set(None)>
                    {i18n.t(Key::ChooseAnotherDay)}
                </button>
            </p>
        }
        .into_any(),
    }
}
