//! A booking, as either party sees it. While party B's answer is awaited: the booker is told B
//! confirms in their own account; B (signed in with their own phone) checks it names their own
//! document and confirms or declines. Then the confirmation with reference, QR code for check-in,
//! calendar file, printable summary, what to bring, and for a divorce the cooling-off countdown.
//! Cancel (and decline) gives the place back at once.

use super::api::{self, Answer};
use super::extras::ChecklistSource;
use super::i18n::Key;
use super::labels::{checklist_label, day_label, kind_label, pick, slot_time, status_label};
use crate::i18n::{fill, use_i18n};
use crate::shared::clock::today;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::qr::QrCode;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{ConfirmationPanel, Notice, PrintButton, SummaryList, SummaryRow};
use baoan_contract::marriage::divorce::DivorceStage;
use baoan_contract::marriage::{Booking, BookingRole, BookingStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn BookingPage() -> impl IntoView {
    use_title(Key::BookingTitle);
    view! {
        <RequireSignIn>
            <BookingView />
        </RequireSignIn>
    }
}

#[component]
fn BookingView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let version = RwSignal::new(0u32);
    let booking = LocalResource::new(move || {
        let (id, _) = (id(), version.get());
        api::booking(id)
    });
    view! { <Loaded resource=booking children={move |b: Booking| view! { <Shown booking=b version=version /> }} /> }
}

#[component]
fn Shown(booking: Booking, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let b = StoredValue::new(booking);
    let status = b.with_value(|b| b.status);
    let booker = b.with_value(|b| b.role == BookingRole::Booker);
    let moved = use_query_map().with_untracked(|q| q.get("moved").is_some());
    // Only a visit still ahead can move; the server refuses the rest too.
    let can_move = booker && status.is_active() && b.with_value(|b| b.slot.date) > today();
    // Party B cancels only once they confirmed (before that, they decline).
    let can_cancel = status == BookingStatus::Confirmed || (booker && status.is_active());
    // A divorce's first visit, inside the window, with no second visit booked yet.
    let second_visit_open = b.with_value(Booking::second_visit_bookable);
    // After the first visit (cooling-off), ending it withdraws the application: its own words.
    let withdraw = b.with_value(Booking::ending_withdraws_divorce);
    view! {
        {moved
            .then(|| {
                view! {
                    <Notice class="marriage-moved" role="status">
                        <p>{move || i18n.t(Key::MovedNotice)}</p>
                    </Notice>
                }
            })}
        {move || {
            if status == BookingStatus::Confirmed {
                view! {
                    <ConfirmationPanel
                        title=Key::ConfirmedTitle
                        reference_label=Key::Reference
                        reference=b.with_value(|b| b.reference.clone())
                    />
                }
                    .into_any()
            } else {
                view! { <h1>{i18n.t(Key::BookingTitle)}</h1> }.into_any()
            }
        }}
        <p class="marriage-status">
            {move || {
                i18n.t(
                    if !booker && status == BookingStatus::AwaitingPartner {
                        Key::MineAwaitingYou
                    } else {
                        status_label(status)
                    },
                )
            }}
        </p>
        {(status == BookingStatus::AwaitingPartner && booker)
            .then(|| {
                view! {
                    <Notice class="marriage-awaiting">
                        <p>
                            {move || fill(
                                i18n.t(Key::AwaitingBody),
                                &[
                                    ("phone", &b.with_value(|b| b.party_b.phone_masked.clone())),
                                    ("time", &b.with_value(|b| b.confirm_by.map(deadline).unwrap_or_default())),
                                ],
                            )}
                        </p>
                    </Notice>
                }
            })}
        {(status == BookingStatus::AwaitingPartner && !booker)
            .then(|| view! { <PartnerAnswer booking=b version=version /> })}
        {b.with_value(|b| b.divorce).map(|stage| view! { <Countdown stage=stage /> })}
        {second_visit_open
            .then(|| {
                view! {
                    <p>
                        <A
                            href=format!("/marriage/bookings/{}/second-visit", b.with_value(|b| b.id.clone()))
                            attr:class="button"
                        >
                            {move || i18n.t(Key::SecondVisitButton)}
                        </A>
                    </p>
                }
            })}
        <SummaryList>
            <SummaryRow label=Key::KindQuestion>{move || i18n.t(kind_label(b.with_value(|b| b.kind)))}</SummaryRow>
            <SummaryRow label=Key::WhenLabel>
                {move || {
                    b.with_value(|b| format!("{} {}", day_label(b.slot.date, i18n.lang.get()), slot_time(&b.slot)))
                }}
            </SummaryRow>
            <SummaryRow label=Key::OfficeLabel>
                {move || {
                    b.with_value(|b| {
                        format!(
                            "{} · {}",
                            pick(&b.office.name, i18n.lang.get()),
                            pick(&b.office.address, i18n.lang.get()),
                        )
                    })
                }}
            </SummaryRow>
            {b
                .with_value(|b| b.first_visit_reference.clone())
                .map(|r| view! { <SummaryRow label=Key::FirstVisitRef>{r}</SummaryRow> })}
            {b
                .with_value(|b| b.second_visit_reference.clone())
                .map(|r| view! { <SummaryRow label=Key::SecondVisitRef>{r}</SummaryRow> })}
            <SummaryRow label={if booker { Key::PartyA } else { Key::PartyB }} value_class="marriage-party-a">
                {b.with_value(|b| format!("{} · {}", b.party_a.name, b.party_a.id_number_masked))}
            </SummaryRow>
            <SummaryRow label={if booker { Key::PartyB } else { Key::PartyA }} value_class="marriage-party-b">
                {b
                    .with_value(|b| {
                        format!("{} · {} · {}", b.party_b.name, b.party_b.id_number_masked, b.party_b.phone_masked)
                    })}
            </SummaryRow>
            {b
                .with_value(|b| b.ceremony.clone())
                .map(|s| view! { <SummaryRow label=Key::Ceremony>{slot_time(&s)}</SummaryRow> })}
            {b
                .with_value(|b| b.counselling.clone())
                .map(|s| view! { <SummaryRow label=Key::Counselling>{slot_time(&s)}</SummaryRow> })}
        </SummaryList>
        {(status == BookingStatus::Confirmed)
            .then(|| {
                view! {
                    <h2>{move || i18n.t(Key::CheckInTitle)}</h2>
                    <QrCode matrix=b.with_value(|b| b.qr.clone()) label=Key::QrLabel />
                    <p class="marriage-actions">
                        <a
                            class="button button-secondary"
                            href=api::calendar_url(&b.with_value(|b| b.id.clone()))
                            download=""
                        >
                            {move || i18n.t(Key::AddToCalendar)}
                        </a>
                        <PrintButton label=Key::Print />
                    </p>
                    <h2>{move || i18n.t(Key::NextTitle)}</h2>
                    <p>{move || i18n.t(Key::NextBody)}</p>
                }
            })}
        <h2>{move || i18n.t(Key::BringTitle)}</h2>
        <ul class="marriage-checklist">
            {move || {
                b.with_value(|b| b.checklist.clone())
                    .into_iter()
                    .map(|i| view! { <li>{i18n.t(checklist_label(i))}</li> })
                    .collect_view()
            }}
        </ul>
        <ChecklistSource />
        {can_move
            .then(|| {
                view! {
                    <p>
                        <A
                            href=format!("/marriage/bookings/{}/reschedule", b.with_value(|b| b.id.clone()))
                            attr:class="button button-secondary"
                        >
                            {move || i18n.t(Key::RescheduleLink)}
                        </A>
                    </p>
                }
            })}
        {can_cancel
            .then(|| view! { <CancelButton id=b.with_value(|b| b.id.clone()) version=version withdraw=withdraw /> })}
    }
}

/// `HH:MM` (Shenzhen time) of a Unix time, for the confirmation deadline.
fn deadline(at: i64) -> String {
    let local = at + i64::from(baoan_contract::rules::date::SHENZHEN_UTC_OFFSET);
    let minute = local.rem_euclid(86_400) / 60;
    let day =
        baoan_contract::rules::date::Date::from_unix_seconds(at, baoan_contract::rules::date::SHENZHEN_UTC_OFFSET);
    format!("{} {}", day.to_iso(), baoan_contract::marriage::clock_time(minute as u32))
}

/// Party B, in their own account: check the document named is theirs (masked), then confirm or
/// decline. Without an identity in their profile they add it first (the server compares it).
#[component]
fn PartnerAnswer(booking: StoredValue<Booking>, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let id = booking.with_value(|b| b.id.clone());
    let answer = Submit::new(move |a: Answer| api::answer(id.clone(), a)).on_done(move |_| version.update(|v| *v += 1));
    let text = move || {
        booking.with_value(|b| {
            fill(
                i18n.t(Key::PartnerAsk),
                &[
                    ("name", &b.party_a.name),
                    ("doc", &b.party_b.id_number_masked),
                    ("time", &b.confirm_by.map(deadline).unwrap_or_default()),
                ],
            )
        })
    };
    view! {
        <Notice class="marriage-partner-ask" title=Key::PartnerAskTitle>
            <p>{text}</p>
        </Notice>
        {answer.summary()}
        <super::identity::OwnIdentity />
        <p class="marriage-actions">
            <button
                type="button"
                class="button marriage-confirm"
                disabled=answer.pending()
                on:click=move |_| answer.send(Answer::Confirm)
            >
                {move || i18n.t(Key::ConfirmButton)}
            </button>
            <button
                type="button"
                class="button button-secondary marriage-decline"
                disabled=answer.pending()
                on:click=move |_| answer.send(Answer::Decline)
            >
                {move || i18n.t(Key::DeclineButton)}
            </button>
        </p>
    }
}

#[component]
pub fn Countdown(stage: DivorceStage) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match stage {
        DivorceStage::BeforeFirstVisit { first_visit, cooling_off_ends } => {
            fill(i18n.t(Key::DivorceBefore), &[("visit", &first_visit.to_iso()), ("ends", &cooling_off_ends.to_iso())])
        }
        DivorceStage::CoolingOff { ends, days_left, window_opens } => fill(
            i18n.t_n(Key::DivorceCooling, days_left.into()),
            &[("n", &days_left.to_string()), ("ends", &ends.to_iso()), ("opens", &window_opens.to_iso())],
        ),
        DivorceStage::Window { opens, closes, days_left } => fill(
            i18n.t_n(Key::DivorceWindow, days_left.into()),
            &[("opens", &opens.to_iso()), ("closes", &closes.to_iso()), ("n", &days_left.to_string())],
        ),
        DivorceStage::Missed { closed } => fill(i18n.t(Key::DivorceMissed), &[("closed", &closed.to_iso())]),
    };
    let title = match stage {
        DivorceStage::BeforeFirstVisit { .. } | DivorceStage::CoolingOff { .. } => Key::DivorceTitle,
        DivorceStage::Window { .. } => Key::DivorceWindowTitle,
        DivorceStage::Missed { .. } => Key::DivorceMissedTitle,
    };
    view! {
        <Notice class="marriage-countdown" title=title>
            <p>{text}</p>
        </Notice>
    }
}

#[component]
fn CancelButton(id: String, version: RwSignal<u32>, withdraw: bool) -> impl IntoView {
    let i18n = use_i18n();
    let cancel = Submit::new(move |()| api::cancel(id.clone())).on_done(move |_| version.update(|v| *v += 1));
    view! {
        {move || {
            cancel
                .general
                .get()
                .map(|k| {
                    view! {
                        <p class="error-message" role="alert">
                            {i18n.t(k)}
                        </p>
                    }
                })
        }}
        {withdraw
            .then(|| {
                view! {
                    <h2>{move || i18n.t(Key::WithdrawTitle)}</h2>
                    <p>{move || i18n.t(Key::WithdrawBody)}</p>
                }
            })}
        <p>
            <button type="button" class="button button-secondary" on:click=move |_| cancel.send(())>
                {move || i18n.t(if withdraw { Key::WithdrawButton } else { Key::CancelBooking })}
            </button>
        </p>
    }
}
