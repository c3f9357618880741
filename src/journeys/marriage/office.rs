//! Step 2: which registry office (全城通办: any office serves any couple). Offices, hours and
//! special service days are the server's data.

use super::api;
use super::draft::use_draft;
use super::i18n::Key;
use super::labels::{day_label, pick};
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use baoan_contract::marriage::{Office, SpecialDayKind};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn OfficePage() -> impl IntoView {
    use_title(Key::OfficeTitle);
    let i18n = use_i18n();
    let offices = LocalResource::new(api::offices);
    view! {
        <h1>{move || i18n.t(Key::OfficeTitle)}</h1>
        <p class="hint">{move || i18n.t(Key::OfficeHint)}</p>
        <Loaded
            resource=offices
            children={move |list: Vec<Office>| {
                view! {
                    <ul class="marriage-offices">
                        {list.into_iter().map(|o| view! { <OfficeCard office=o /> }).collect_view()}
                    </ul>
                }
            }}
        />
    }
}

#[component]
fn OfficeCard(office: Office) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    let o = StoredValue::new(office);
    let heading_id = format!("office-{}", o.with_value(|o| o.id.clone()));
    let choose = move |_| {
        draft.office.set(o.with_value(|o| o.id.clone()));
        draft.date.set(String::new());
        draft.slot.set(String::new());
        navigate("/marriage/day", Default::default());
    };
    let special = move |kind: SpecialDayKind| {
        o.with_value(|o| o.special_days.iter().filter(|s| s.kind == kind).cloned().collect::<Vec<_>>())
    };
    view! {
        <li class="marriage-card">
            <h2 id=heading_id.clone()>{move || o.with_value(|o| pick(&o.name, i18n.lang.get()))}</h2>
            <p>{move || o.with_value(|o| pick(&o.address, i18n.lang.get()))}</p>
            <p class="hint">{move || o.with_value(|o| pick(&o.hours, i18n.lang.get()))}</p>
            <p>{move || i18n.t(Key::OfficePhone)}" "{o.with_value(|o| o.phone.clone())}</p>
            {move || {
                {
                    let mut days = special(SpecialDayKind::Extended);
                    days.extend(special(SpecialDayKind::Closed));
                    days.sort_by_key(|s| s.date);
                    days
                }
                    .into_iter()
                    .map(|s| {
                        view! {
                            <p class="marriage-special">
                                {day_label(s.date, i18n.lang.get())}" · "{pick(&s.note, i18n.lang.get())}
                            </p>
                        }
                    })
                    .collect_view()
            }}
            <p>
                <a href=o.with_value(|o| o.map_url.clone()) target="_blank" rel="noopener">
                    {move || i18n.t(Key::MapLink)}
                </a>
            </p>
            <button type="button" class="button" aria-describedby=heading_id on:click=choose>
                {move || i18n.t(Key::ChooseOffice)}
            </button>
        </li>
    }
}
