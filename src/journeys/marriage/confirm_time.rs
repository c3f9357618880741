//! The last step of choosing a time again (moving a booking, booking the divorce second visit):
//! the chosen time, the submit button and "choose another day". If the server refuses — the time
//! filled or can no longer be booked meanwhile — nothing changed: the reason, and "choose another
//! time".

use super::i18n::Key;
use crate::i18n::{field_error_key, use_i18n, Msg};
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::marriage::{Booking, Slot};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `send` makes the booking; on success the resident goes to `done(&booking)`. Its refusal is
/// shown here, as one reason with a way on, not as a form's error summary: there is no field. `children`, if
/// any, stand between the time and the buttons (e.g. what moving the booking loses).
#[component]
pub fn ConfirmTime(
    label: Key,
    when: String,
    submit: Key,
    day: RwSignal<Option<Date>>,
    chosen: RwSignal<Option<Slot>>,
    send: Submit<(), Booking>,
    done: fn(&Booking) -> String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    send.on_done(move |b: Booking| navigate(&done(&b), Default::default()));
    // The first field's reason (the time filled, or can no longer be booked), else the general one.
    let failed = Signal::derive(move || {
        let field = send.errors.0.with(|e| e.0.values().next().map(|f| field_error_key(*f)));
        field.or_else(|| send.general.get().map(Msg::from))
    });
    view! {
        {move || {
            failed
                .get()
                .map(|m| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert">
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
                        </Notice>
                    }
                })
        }}
        <SummaryList>
            <SummaryRow label=label value_class="marriage-new-time">
                {when}
            </SummaryRow>
        </SummaryList>
        {children.map(|c| c())}
        <p class="marriage-actions">
            <button
                type="button"
                class="button"
                disabled=move || send.pending().get() || failed.get().is_some()
                on:click=move |_| send.send(())
            >
                {move || i18n.t(submit)}
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
