//! Moving a booking to another time: a day with places, then a time (the same pickers as the
//! booking steps), then one confirmation. The server takes the new place and gives the old one
//! back in one transaction; if the time filled meanwhile, the booking is unchanged and the
//! resident picks again.

use super::i18n::Key;
use super::slot::DayThenSlot;
use super::text::{day_label, pick, slot_time};
use crate::i18n::{field_error_key, use_i18n};
use crate::shared::api::{self, ClientError};
use crate::shared::loadable::{error_key, Loaded};
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::marriage::{Booking, RescheduleRequest, Slot};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ReschedulePage() -> impl IntoView {
    use_title(Key::RescheduleTitle);
    view! {
        <RequireSignIn>
            <Reschedule />
        </RequireSignIn>
    }
}

#[component]
fn Reschedule() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let booking = LocalResource::new(move || {
        let id = id.clone();
        async move { api::get::<Booking>(&format!("/marriage/bookings/{id}")).await }
    });
    view! { <Loaded resource=booking children={move |b: Booking| view! { <Steps booking=b /> }} /> }
}

#[component]
fn Steps(booking: Booking) -> impl IntoView {
    let i18n = use_i18n();
    let b = StoredValue::new(booking);
    let day = RwSignal::new(None::<Date>);
    let slot = RwSignal::new(None::<Slot>);
    let office = Signal::derive(move || b.with_value(|b| b.office.id.clone()));
    // Each step replaces the list the resident scrolled through: show it from the top.
    Effect::new(move |first: Option<()>| {
        let _ = (day.get(), slot.get());
        if first.is_some() {
            super::to_top();
        }
    });
    let current =
        move || b.with_value(|b| format!("{} {}", day_label(b.slot.date, i18n.lang.get()), slot_time(&b.slot)));
    view! {
        <h1>{move || i18n.t(Key::RescheduleTitle)}</h1>
        <SummaryList>
            <SummaryRow label=Key::Reference>{b.with_value(|b| b.reference.clone())}</SummaryRow>
            <SummaryRow label=Key::CurrentTime>{current}</SummaryRow>
            <SummaryRow label=Key::OfficeLabel>
                {move || b.with_value(|b| pick(&b.office.name, i18n.lang.get()))}
            </SummaryRow>
        </SummaryList>
        {move || match (day.get(), slot.get()) {
            (Some(_), Some(s)) => view! { <ConfirmMove booking=b to=s day=day chosen=slot /> }.into_any(),
            _ => view! { <DayThenSlot office=office within=None day=day time=slot /> }.into_any(),
        }}
    }
}

#[component]
fn ConfirmMove(
    booking: StoredValue<Booking>,
    to: Slot,
    day: RwSignal<Option<Date>>,
    chosen: RwSignal<Option<Slot>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let (id, had_extras, old_date) =
        booking.with_value(|b| (b.id.clone(), b.ceremony.is_some() || b.counselling.is_some(), b.slot.date));
    let slot = to;
    let loses_extras = had_extras && old_date != slot.date;
    let path = StoredValue::new(format!("/marriage/bookings/{id}/reschedule"));
    let req = RescheduleRequest { slot_id: slot.id.clone() };
    let send = Action::new_local(move |req: &RescheduleRequest| {
        let req = req.clone();
        async move { api::post::<_, Booking>(&path.get_value(), &req).await }
    });
    let failed = RwSignal::new(None::<crate::i18n::Msg>);
    Effect::new(move |_| match send.value().get() {
        Some(Ok(b)) => navigate(&format!("/marriage/bookings/{}?moved=1", b.id), Default::default()),
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => {
            // The time filled (or can no longer be booked) meanwhile: nothing changed; pick again.
            failed.set(e.fields.values().next().map(|f| field_error_key(*f)));
        }
        Some(Err(e)) => failed.set(Some(error_key(&e).into())),
        None => {}
    });
    let new_time = format!("{} {}", day_label(slot.date, i18n.lang.get_untracked()), slot_time(&slot));
    view! {
        <h2>{move || i18n.t(Key::RescheduleConfirmTitle)}</h2>
        {move || {
            failed
                .get()
                .map(|m| {
                    view! {
                        <div class="notice notice-error" role="alert">
                            <p>{i18n.t(m)}</p>
                            <p>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| chosen.set(None)
                                >
                                    {i18n.t(Key::ChooseAnotherTime)}
                                </button>
                            </p>
                        </div>
                    }
                })
        }}
        <SummaryList>
            <SummaryRow label=Key::NewTime value_class="marriage-new-time">
                {new_time}
            </SummaryRow>
        </SummaryList>
        {loses_extras.then(|| view! { <p class="hint">{move || i18n.t(Key::RescheduleExtrasNote)}</p> })}
        <p class="marriage-actions">
            <button
                type="button"
                class="button"
                disabled=move || send.pending().get() || failed.get().is_some()
                on:click=move |_| {
                    failed.set(None);
                    send.dispatch(req.clone());
                }
            >
                {move || i18n.t(Key::RescheduleButton)}
            </button>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    chosen.set(None);
                    day.set(None);
                }
            >
                {move || i18n.t(Key::ChooseAnotherDay)}
            </button>
        </p>
    }
}
