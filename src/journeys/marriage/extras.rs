//! Step 6: the free extras (颁证仪式 for marriages, 婚姻家庭辅导 for everyone), each with its own
//! slot on the booked day, and what to bring for this kind and these documents.

use super::draft::use_draft;
use super::i18n::Key;
use super::text::{checklist_label, slot_time};
use crate::i18n::{fill, use_i18n};
use crate::shared::api;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use baoan_contract::marriage::checklist::checklist;
use baoan_contract::marriage::{BookingKind, Slot, SlotList};
use baoan_contract::rules::documents::IdType;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ExtrasPage() -> impl IntoView {
    use_title(Key::ExtrasTitle);
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    let slots = LocalResource::new(move || {
        let (office, date) = (draft.office.get(), draft.date.get());
        async move { api::get::<SlotList>(&format!("/marriage/offices/{office}/days/{date}/slots")).await }
    });
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate("/marriage/check", Default::default());
    };
    let items = move || {
        let types: Vec<IdType> =
            [draft.a.id_type.get(), draft.b.id_type.get()].iter().filter_map(|c| IdType::from_code(c)).collect();
        checklist(draft.kind(), &types)
    };
    view! {
        <h1>{move || i18n.t(Key::ExtrasTitle)}</h1>
        <form novalidate on:submit=next>
            <Loaded
                resource=slots
                children={move |list: SlotList| {
                    view! {
                        {(draft.kind() == BookingKind::Marriage)
                            .then(|| {
                                view! {
                                    <ExtraChoice
                                        name="ceremony"
                                        legend=Key::Ceremony
                                        hint=Key::CeremonyHint
                                        slots=list.ceremony.clone()
                                        value=draft.ceremony
                                    />
                                }
                            })}
                        <ExtraChoice
                            name="counselling"
                            legend=Key::Counselling
                            hint=Key::CounsellingHint
                            slots=list.counselling
                            value=draft.counselling
                        />
                    }
                }}
            />
            <h2>{move || i18n.t(Key::BringTitle)}</h2>
            <ul class="marriage-checklist">
                {move || items().into_iter().map(|i| view! { <li>{i18n.t(checklist_label(i))}</li> }).collect_view()}
            </ul>
            <button type="submit" class="button">
                {move || i18n.t(Key::Continue)}
            </button>
        </form>
    }
}

#[component]
fn ExtraChoice(name: &'static str, legend: Key, hint: Key, slots: Vec<Slot>, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset-legend">{move || i18n.t(legend)}</legend>
            <p class="hint">{move || i18n.t(hint)}</p>
            <div class="radio">
                <input
                    type="radio"
                    name=name
                    id=format!("{name}-none")
                    prop:checked=move || value.get().is_empty()
                    on:change=move |_| value.set(String::new())
                />
                <label for=format!("{name}-none")>{move || i18n.t(Key::NoThanks)}</label>
            </div>
            {slots
                .into_iter()
                .map(|s| {
                    let id = s.id.clone();
                    let dom_id = format!("{name}-{}", s.start_minute);
                    let full = s.places_left == 0;
                    let text = slot_time(&s);
                    let places = s.places_left;
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                name=name
                                id=dom_id.clone()
                                disabled=full
                                prop:checked={
                                    let id = id.clone();
                                    move || value.get() == id
                                }
                                on:change=move |_| value.set(id.clone())
                            />
                            <label for=dom_id>
                                {text}" · "
                                {move || {
                                    if full {
                                        i18n.t(Key::SlotFull).to_string()
                                    } else {
                                        fill(i18n.t_n(Key::PlacesLeft, places.into()), &[("n", &places.to_string())])
                                    }
                                }}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
