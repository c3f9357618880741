//! Booking, steps 1–2: choose a cemetery (with its group limit and that figure's source), then a
//! day (large buttons with places left, and what the places rest on).

use crate::i18n::{fill, marked, use_i18n, Localised};
use crate::journeys::memorial::draft::booking_draft;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::{api, labels};
use crate::shared::clock::today;
use crate::shared::figures::FigureSource;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::ChoiceButton;
use baoan_contract::memorial::{booking_opens_days_ahead, Cemetery, CemeteryDetail};
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
                                        <p class="hint max-group">
                                            {move || {
                                                fill(
                                                    i18n.t_n(Key::MaxGroup, c.max_group.into()),
                                                    &[("n", &c.max_group.to_string())],
                                                )
                                            }} " "
                                            <FigureSource
                                                source=c.max_group_source.clone()
                                                example_note=Key::CapacityNote
                                            />
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
                let opens = booking_opens_days_ahead(&d.windows, today());
                let no_days = move || match opens {
                    Some(n) => fill(i18n.t_n(Key::NoDays, n.into()), &[("days", &n.to_string())]),
                    None => i18n.t(Key::NoWindows).to_string(),
                };
                let places_source = d
                    .days
                    .first()
                    .and_then(|day| d.windows.iter().find(|w| w.starts_on <= day.date && day.date <= w.ends_on))
                    .map(|w| w.capacity_source.clone());
                // When nothing can be booked: how far ahead booking opens, from the next window.
                // What the places rest on: the window of the first bookable day.
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
                    {empty.then(|| view! { <p class="no-days">{no_days}</p> })}
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
