//! A booking: while the partner's code is awaited, the code form; then the confirmation with
//! reference, QR code for check-in, calendar file, printable summary, what to bring, and for a
//! divorce the cooling-off countdown. Cancel gives the place back at once.

use super::i18n::Key;
use super::text::{checklist_label, day_label, kind_label, pick, slot_time, status_label};
use crate::i18n::{fill, use_i18n};
use crate::shared::api::{self, ClientError};
use crate::shared::form::{ErrorSummary, FormErrors, TextField};
use crate::shared::loadable::{error_key, Loaded};
use crate::shared::page::use_title;
use crate::shared::qr::QrCode;
use crate::shared::session::RequireSignIn;
use baoan_contract::error::FieldErrors;
use baoan_contract::marriage::divorce::DivorceStage;
use baoan_contract::marriage::{Booking, BookingStatus, ConfirmRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn BookingPage() -> impl IntoView {
    use_title(Key::BookingTitle);
    view! { <RequireSignIn><BookingView /></RequireSignIn> }
}

#[component]
fn BookingView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let version = RwSignal::new(0u32);
    let booking = LocalResource::new(move || {
        let (id, _) = (id(), version.get());
        async move { api::get::<Booking>(&format!("/marriage/bookings/{id}")).await }
    });
    view! { <Loaded resource=booking children={move |b: Booking| view! { <Shown booking=b version=version /> }} /> }
}

#[component]
fn Shown(booking: Booking, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let b = StoredValue::new(booking);
    let status = b.with_value(|b| b.status);
    view! {
        {move || if status == BookingStatus::Confirmed {
            view! {
                <div class="confirmation-panel marriage-confirmed">
                    <h1>{i18n.t(Key::ConfirmedTitle)}</h1>
                    <p>{i18n.t(Key::Reference)}</p>
                    <p class="reference">{b.with_value(|b| b.reference.clone())}</p>
                </div>
            }.into_any()
        } else {
            view! { <h1>{i18n.t(Key::BookingTitle)}</h1> }.into_any()
        }}
        <p class="marriage-status">{move || i18n.t(status_label(status))}</p>
        {(status == BookingStatus::AwaitingPartner).then(|| view! { <ConfirmForm id=b.with_value(|b| b.id.clone()) version=version /> })}
        {b.with_value(|b| b.divorce).map(|stage| view! { <Countdown stage=stage /> })}
        <dl class="summary-list">
            <div class="summary-row"><dt>{move || i18n.t(Key::KindQuestion)}</dt><dd>{move || i18n.t(kind_label(b.with_value(|b| b.kind)))}</dd></div>
            <div class="summary-row"><dt>{move || i18n.t(Key::WhenLabel)}</dt>
                <dd>{move || b.with_value(|b| format!("{} {}", day_label(b.slot.date, i18n.lang.get()), slot_time(&b.slot)))}</dd></div>
            <div class="summary-row"><dt>{move || i18n.t(Key::OfficeTitle)}</dt>
                <dd>{move || b.with_value(|b| format!("{} · {}", pick(&b.office.name, i18n.lang.get()), pick(&b.office.address, i18n.lang.get())))}</dd></div>
            <div class="summary-row"><dt>{move || i18n.t(Key::PartyA)}</dt><dd>{b.with_value(|b| format!("{} · {}", b.party_a.name, b.party_a.id_number_masked))}</dd></div>
            <div class="summary-row"><dt>{move || i18n.t(Key::PartyB)}</dt><dd>{b.with_value(|b| format!("{} · {} · {}", b.party_b.name, b.party_b.id_number_masked, b.party_b.phone_masked))}</dd></div>
            {b.with_value(|b| b.ceremony.clone()).map(|s| view! { <div class="summary-row"><dt>{move || i18n.t(Key::Ceremony)}</dt><dd>{slot_time(&s)}</dd></div> })}
            {b.with_value(|b| b.counselling.clone()).map(|s| view! { <div class="summary-row"><dt>{move || i18n.t(Key::Counselling)}</dt><dd>{slot_time(&s)}</dd></div> })}
        </dl>
        {(status == BookingStatus::Confirmed).then(|| view! {
            <h2>{move || i18n.t(Key::CheckInTitle)}</h2>
            <QrCode matrix=b.with_value(|b| b.qr.clone()) label=Key::QrLabel />
            <p class="marriage-actions">
                <a class="button button-secondary" href=api::api_url(&format!("/marriage/bookings/{}/calendar.ics", b.with_value(|b| b.id.clone()))) download="">{move || i18n.t(Key::AddToCalendar)}</a>
                <button type="button" class="button button-secondary" on:click=|_| { let _ = window().print(); }>{move || i18n.t(Key::Print)}</button>
            </p>
            <h2>{move || i18n.t(Key::NextTitle)}</h2>
            <p>{move || i18n.t(Key::NextBody)}</p>
        })}
        <h2>{move || i18n.t(Key::BringTitle)}</h2>
        <ul class="marriage-checklist">
            {move || b.with_value(|b| b.checklist.clone()).into_iter().map(|i| view! { <li>{i18n.t(checklist_label(i))}</li> }).collect_view()}
        </ul>
        {status.is_active().then(|| view! { <CancelButton id=b.with_value(|b| b.id.clone()) version=version /> })}
    }
}

#[component]
fn ConfirmForm(id: String, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<crate::i18n::Key>);
    let path = StoredValue::new(format!("/marriage/bookings/{id}/confirm"));
    let confirm = Action::new_local(move |req: &ConfirmRequest| {
        let req = req.clone();
        async move { api::post::<_, Booking>(&path.get_value(), &req).await }
    });
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(_)) => version.update(|v| *v += 1),
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => errors.set(FieldErrors(e.fields)),
        Some(Err(e)) => general.set(Some(error_key(&e))),
        None => {}
    });
    view! {
        <div class="notice">
            <p>{move || i18n.t(Key::AwaitingBody)}</p>
        </div>
        <ErrorSummary errors=errors general=Signal::from(general) />
        <form novalidate on:submit=move |ev| { ev.prevent_default(); errors.clear(); general.set(None); confirm.dispatch(ConfirmRequest { code: code.get_untracked() }); }>
            <TextField name="code" label=Key::PartnerCode value=code errors=errors inputmode="numeric" autocomplete="one-time-code" maxlength=6 />
            <button type="submit" class="button" disabled=move || confirm.pending().get()>{move || i18n.t(Key::ConfirmButton)}</button>
        </form>
    }
}

#[component]
fn Countdown(stage: DivorceStage) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match stage {
        DivorceStage::BeforeFirstVisit { first_visit, cooling_off_ends } =>
            fill(i18n.t(Key::DivorceBefore), &[("visit", &first_visit.to_iso()), ("ends", &cooling_off_ends.to_iso())]),
        DivorceStage::CoolingOff { ends, days_left, window_opens } =>
            fill(i18n.t(Key::DivorceCooling), &[("n", &days_left.to_string()), ("ends", &ends.to_iso()), ("opens", &window_opens.to_iso())]),
        DivorceStage::Window { opens, closes, days_left } =>
            fill(i18n.t(Key::DivorceWindow), &[("opens", &opens.to_iso()), ("closes", &closes.to_iso()), ("n", &days_left.to_string())]),
        DivorceStage::Missed { closed } => fill(i18n.t(Key::DivorceMissed), &[("closed", &closed.to_iso())]),
    };
    view! {
        <div class="notice marriage-countdown">
            <h2 class="notice-title">{move || i18n.t(Key::DivorceTitle)}</h2>
            <p>{text}</p>
        </div>
    }
}

/// Cancel takes no body; an empty JSON object is sent.
#[derive(serde::Serialize)]
struct NoBody {}

#[component]
fn CancelButton(id: String, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let path = StoredValue::new(format!("/marriage/bookings/{id}/cancel"));
    let cancel = Action::new_local(move |_: &()| async move { api::post::<_, Booking>(&path.get_value(), &NoBody {}).await });
    Effect::new(move |_| {
        if let Some(Ok(_)) = cancel.value().get() {
            version.update(|v| *v += 1);
        }
    });
    view! {
        {move || cancel.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error-message" role="alert">{i18n.t(error_key(&e))}</p> })}
        <p><button type="button" class="button button-secondary" on:click=move |_| { cancel.dispatch(()); }>{move || i18n.t(Key::CancelBooking)}</button></p>
    }
}
