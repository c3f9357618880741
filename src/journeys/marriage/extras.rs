//! Step 6: the free extras (颁证仪式 for marriages, 婚姻家庭辅导 for everyone), each with its own
//! slot on the booked day, and what to bring for this kind and these documents.

use super::api;
use super::draft::use_draft;
use super::i18n::Key;
use super::labels::{checklist_label, slot_time};
use crate::i18n::{fill, use_i18n};
use crate::shared::figures::{cited_document, FigureSource};
use crate::shared::form::FormErrors;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{RadioOption, Radios};
use baoan_contract::marriage::checklist::checklist;
use baoan_contract::marriage::{BookingKind, SessionLength, Slot, SlotList};
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
        api::slots(office, date)
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
                        <CounsellingLength length=list.counselling_length />
                    }
                }}
            />
            <h2>{move || i18n.t(Key::BringTitle)}</h2>
            <ul class="marriage-checklist">
                {move || items().into_iter().map(|i| view! { <li>{i18n.t(checklist_label(i))}</li> }).collect_view()}
            </ul>
            <ChecklistSource />
            <button type="submit" class="button">
                {move || i18n.t(Key::Continue)}
            </button>
        </form>
    }
}

/// Ceremony or counselling at one of the day's times, or none. Element ids are the start
/// minute (`ceremony-630`), the code being the slot's.
#[component]
fn ExtraChoice(name: &'static str, legend: Key, hint: Key, slots: Vec<Slot>, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = FormErrors::new();
    // Built again when the language changes: the places-left words are in the options.
    move || {
        i18n.lang.track();
        let none = RadioOption::msg("", Key::NoThanks).id("none");
        let times = slots.iter().map(|s| {
            let left = if s.places_left == 0 {
                i18n.t(Key::SlotFull).to_string()
            } else {
                fill(i18n.t_n(Key::PlacesLeft, s.places_left.into()), &[("n", &s.places_left.to_string())])
            };
            RadioOption::plain(s.id.clone(), slot_time(s))
                .id(s.start_minute.to_string())
                .hint(left)
                .disabled(s.places_left == 0)
        });
        let options = std::iter::once(none).chain(times).collect::<Vec<_>>();
        view! { <Radios name=name legend=legend hint=hint options=options value=value errors=errors /> }
    }
}

/// How long a counselling session lasts (`CounsellingLength`), with what that rests on: the
/// registry's own arrangement, an example unless a district set it.
#[component]
fn CounsellingLength(length: SessionLength) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = length.minutes;
    view! {
        <p class="counselling-length">
            {move || { fill(i18n.t_n(Key::CounsellingLength, minutes.into()), &[("minutes", &minutes.to_string())]) }}
            " " <FigureSource source=length.source example_note=Key::CounsellingLengthNote />
        </p>
    }
}

/// What the checklist follows (the regulation in force), shown like every figure's source: the
/// title in the page's language where known (on an English page with its gloss).
#[component]
pub fn ChecklistSource() -> impl IntoView {
    let i18n = use_i18n();
    let source = baoan_contract::marriage::checklist::checklist_source();
    let date = source.effective_from.to_string();
    let (document, article) = match source.basis {
        baoan_contract::rules::Basis::Document { document, article } => (document, article),
        _ => Default::default(),
    };
    view! {
        <p class="figure-source checklist-source">
            {move || {
                let (document, article) = cited_document(&document, &article, i18n.lang.get());
                fill(
                    i18n.t(Key::ChecklistSource),
                    &[("document", document.as_str()), ("article", article.as_str()), ("date", &date)],
                )
            }}
        </p>
    }
}
