//! Booking, step 5: check your answers, then confirm. The confirmation is kept on the device.

use super::confirmation::keep_on_device;
use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::draft::{booking_draft, clear};
use crate::journeys::memorial::i18n::Key;
use crate::shared::api::ClientError;
use crate::shared::loadable::WaitNotice;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::memorial::Booking;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CheckPage() -> impl IntoView {
    use_title(Key::CheckTitle);
    view! {
        <RequireSignIn>
            <Check />
        </RequireSignIn>
    }
}

#[component]
fn Check() -> impl IntoView {
    let i18n = use_i18n();
    let draft = booking_draft();
    // Too many today (429): say how long to wait, from the server's Retry-After.
    let wait = RwSignal::new(None::<ClientError>);
    let navigate = use_navigate();
    // Refused with field errors (slot full, already booked that day…): `Submit` gives the next
    // try a new key, as it is a new request.
    let submit = Submit::once(draft.key, api::book)
        .on_done(move |b: Booking| {
            keep_on_device(&b);
            clear();
            navigate(&format!("/memorial/bookings/{}", b.id), Default::default());
        })
        .wait_in(wait);
    let row = move |label: Key, value: Signal<String>, change: &'static str| {
        view! {
            <SummaryRow label=label change=(change.to_string(), Key::Change.into())>
                {move || value.get()}
            </SummaryRow>
        }
    };
    let d = draft;
    let plate = Signal::derive(move || {
        let p = d.plate.get();
        if p.trim().is_empty() {
            i18n.t(Key::NoCar).to_string()
        } else {
            p
        }
    });
    let grave =
        Signal::derive(move || format!("{} / {} / {}", d.grave_area.get(), d.grave_row.get(), d.grave_number.get()));
    let visitor = Signal::derive(move || {
        let (name, phone) = (d.visitor_name.get(), d.visitor_phone.get());
        match baoan_contract::memorial::rules::check_visitor(&name, &phone) {
            Ok((n, _)) if n.is_empty() => i18n.t(Key::VisitorSelf).to_string(),
            Ok((n, p)) => format!("{n} · {p}"),
            Err(_) => format!("{} · {}", name.trim(), phone.trim()),
        }
    });
    let confirm = move |_| {
        wait.set(None);
        submit.send(draft.request());
    };
    view! {
        <h1>{move || i18n.t(Key::CheckTitle)}</h1>
        {submit.summary()}
        <WaitNotice error=wait />
        <SummaryList>
            {row(Key::Cemetery, d.cemetery_name.into(), "/memorial/book")}
            {row(Key::Day, d.date.into(), "/memorial/book")} {row(Key::Time, d.slot_time.into(), "/memorial/book")}
            {row(Key::GroupSizeLabel, d.group_size.into(), "/memorial/book/details")}
            {row(Key::Plate, plate, "/memorial/book/details")}
            {row(Key::DeceasedLabel, d.deceased_name.into(), "/memorial/book/details")}
            {row(Key::Grave, grave, "/memorial/book/details")} {row(Key::Visitor, visitor, "/memorial/book/details")}
        </SummaryList>
        <button type="button" class="button" on:click=confirm disabled=move || submit.pending().get()>
            {move || i18n.t(if submit.pending().get() { Key::Booking } else { Key::ConfirmBooking })}
        </button>
    }
}
