//! Booking confirmation: reference, entry QR code, what happens next, .ics, print, cancel.
//! The booking is kept on the device (localStorage) so the code shows at the gate offline.

use crate::i18n::{use_i18n, Msg};
use crate::journeys::memorial::api;
use crate::journeys::memorial::i18n::Key;
use crate::journeys::memorial::labels::time_range;
use crate::shared::page::use_title;
use crate::shared::qr::QrCode;
use crate::shared::storage;
use crate::shared::submit::Submit;
use crate::shared::ui::{ConfirmationPanel, PrintButton, SummaryList, SummaryRow};
use baoan_contract::memorial::Booking;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

/// Personal data: under the personal prefix, so signing out removes it (`storage::personal_key`).
fn storage_key(id: &str) -> String {
    storage::personal_key(&format!("memorial-booking-{id}"))
}

/// Keeps the booking (with its QR matrix) on the device, as JSON.
pub fn keep_on_device(b: &Booking) {
    use serde::Serialize;
    let value = b.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok();
    if let Some(json) = value.and_then(|v| js_sys::JSON::stringify(&v).ok()).and_then(|s| s.as_string()) {
        storage::set(&storage_key(&b.id), &json);
    }
}

fn kept(id: &str) -> Option<Booking> {
    let text = storage::get(&storage_key(id))?;
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(&text).ok()?).ok()
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::ConfirmedTitle);
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    // Show the copy on the device at once; refresh it from the server when online.
    let booking = RwSignal::new(kept(&id));
    let offline_copy = RwSignal::new(booking.get_untracked().is_some());
    {
        let id = id.clone();
        spawn_local(async move {
            if let Ok(b) = api::booking(id).await {
                keep_on_device(&b);
                booking.set(Some(b));
                offline_copy.set(false);
            }
        });
    }
    let cancel = Submit::new(api::cancel_booking).on_done(move |b: Booking| {
        keep_on_device(&b);
        booking.set(Some(b));
    });
    let id = StoredValue::new(id);
    view! {
        {cancel.summary()}
        {move || {
            booking
                .get()
                .map(|b| {
                    let active = b.status == "active";
                    view! {
                        <ConfirmationPanel
                            title=Msg::from(if active { Key::ConfirmedTitle } else { Key::Cancelled })
                            reference_label=Key::Reference
                            reference=b.reference.clone()
                        />
                        {active
                            .then(|| {
                                view! {
                                    <div class="qr-box">
                                        <QrCode matrix=b.qr.clone() label=Key::QrLabel />
                                    </div>
                                    <p class="hint">{move || i18n.t(Key::QrKept)}</p>
                                }
                            })}
                        {move || {
                            offline_copy
                                .get()
                                .then(|| view! { <p class="memorial-tag">{move || i18n.t(Key::OfflineCopy)}</p> })
                        }}
                        <SummaryList>
                            <SummaryRow label=Key::Cemetery>
                                <crate::i18n::Localised text=b.cemetery.name.clone() />
                            </SummaryRow>
                            <SummaryRow label=Key::Day>{b.date.to_iso()}</SummaryRow>
                            <SummaryRow label=Key::Time>{time_range(b.starts_minute, b.ends_minute)}</SummaryRow>
                            <SummaryRow label=Key::GroupSizeLabel>{b.group_size}</SummaryRow>
                            <SummaryRow label=Key::DeceasedLabel>{b.deceased_name.clone()}</SummaryRow>
                            {(!b.visitor_name.is_empty())
                                .then(|| {
                                    view! {
                                        <SummaryRow label=Key::Visitor>
                                            {format!("{} · {}", b.visitor_name, b.visitor_phone)}
                                        </SummaryRow>
                                    }
                                })}
                        </SummaryList>
                        {active
                            .then(|| {
                                view! {
                                    <p>{move || i18n.t(Key::NextSteps)}</p>
                                    <p>
                                        <a
                                            class="button button-secondary"
                                            href=api::calendar_url(&b.id)
                                            download="booking.ics"
                                        >
                                            {move || i18n.t(Key::AddToCalendar)}
                                        </a>
                                    </p>
                                    <p>
                                        <PrintButton label=Key::Print />
                                    </p>
                                    <p>
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| cancel.send(id.get_value())
                                        >
                                            {move || i18n.t(Key::Cancel)}
                                        </button>
                                    </p>
                                }
                            })}
                    }
                })
        }}
    }
}
