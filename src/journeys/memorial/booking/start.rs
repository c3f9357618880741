//! Booking, steps 1–2: choose a cemetery, then a day (large buttons with places left).

use crate::i18n::{marked, use_i18n, Localised};
use crate::journeys::memorial::draft::booking_draft;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::{api, labels};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::ChoiceButton;
use baoan_contract::memorial::{Cemetery, CemeteryDetail};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

type Cemeteries = Vec<Cemetery>;

#[component]
pub fn CemeteriesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::BookTitle);
    let list = LocalResource::new(api::cemeteries);
    view! {
        <h1>{move || i18n.t(Key::BookTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::BookLead)}</p>
        <Loaded
            resource=list
            children=move |list: Cemeteries| {
                view! {
                    <ul class="choice-list">
                        {list
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <li class="choice-card">
                                        <ChoiceButton href=format!("/memorial/book/{}", c.id)>
                                            <Localised text=c.name.clone() />
                                        </ChoiceButton>
                                        <p class="hint">
                                            <Localised text=c.address.clone() />
                                        </p>
                                        <a href=c.map_url.clone() rel="noopener" target="_blank">
                                            {move || i18n.t(Key::MapLink)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}

#[component]
pub fn DaysPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::ChooseDay);
    let params = use_params_map();
    let id = move || params.read().get("cemetery").unwrap_or_default();
    let detail = LocalResource::new(move || api::cemetery(id()));
    let draft = booking_draft();
    view! {
        <Loaded
            resource=detail
            children=move |d: CemeteryDetail| {
                draft.cemetery.set(d.cemetery.id.clone());
                draft.cemetery_name.set(marked(&d.cemetery.name, i18n.lang.get_untracked()));
                let empty = d.days.is_empty();
                // The draft keeps plain text, in the language the resident chose the cemetery in.
                view! {
                    <h1>
                        <Localised text=d.cemetery.name.clone() />
                        " · "
                        {move || i18n.t(Key::ChooseDay)}
                    </h1>
                    <p class="hint">
                        <Localised text=d.cemetery.address.clone() />
                    </p>
                    {empty.then(|| view! { <p>{move || i18n.t(Key::NoDays)}</p> })}
                    <ul class="choice-list">
                        {d
                            .days
                            .into_iter()
                            .map(|day| {
                                let href = format!("/memorial/book/{}/{}", d.cemetery.id, day.date.to_iso());
                                let kind = labels::window_kind(&day.window_kind);
                                view! {
                                    <li>
                                        <ChoiceButton
                                            href=href
                                            side=Signal::derive(move || {
                                                format!("{} {}", i18n.t(Key::PlacesLeft), day.places_left)
                                            })
                                        >
                                            {day.date.to_iso()}
                                            " "
                                            {move || i18n.t(kind)}
                                        </ChoiceButton>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}
