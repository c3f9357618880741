//! Moving a booking to another time: a day with places, then a time (the same pickers as the
//! booking steps), then one confirmation. The server takes the new place and gives the old one
//! back in one transaction; if the time filled meanwhile, the booking is unchanged and the
//! resident picks again.

use super::api;
use super::confirm_time::ConfirmTime;
use super::i18n::Key;
use super::labels::{day_label, pick, slot_time};
use super::slot::DayThenSlot;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::marriage::{Booking, RescheduleRequest, Slot};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
        api::booking(id)
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
    let (id, had_extras, old_date) =
        booking.with_value(|b| (b.id.clone(), b.ceremony.is_some() || b.counselling.is_some(), b.slot.date));
    let loses_extras = had_extras && old_date != to.date;
    let req = RescheduleRequest { slot_id: to.id.clone() };
    let send = Submit::new(move |()| api::reschedule(id.clone(), req.clone()));
    let when = format!("{} {}", day_label(to.date, i18n.lang.get_untracked()), slot_time(&to));
    view! {
        <h2>{move || i18n.t(Key::RescheduleConfirmTitle)}</h2>
        <ConfirmTime
            label=Key::NewTime
            when=when
            submit=Key::RescheduleButton
            day=day
            chosen=chosen
            send=send
            done=|b: &Booking| format!("/marriage/bookings/{}?moved=1", b.id)
        >
            {loses_extras.then(|| view! { <p class="hint">{move || i18n.t(Key::RescheduleExtrasNote)}</p> })}
        </ConfirmTime>
    }
}
