//! The last step of choosing a time again (moving a booking, booking the divorce second visit):
//! the chosen time, the submit button and "choose another day". If the server refuses — the time
//! filled or can no longer be booked meanwhile — nothing changed: the reason, and "choose another
//! time".

use super::i18n::Key;
use crate::i18n::{field_error_key, use_i18n, Msg};
use crate::shared::api::ClientError;
use crate::shared::loadable::error_key;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::marriage::{Booking, Slot};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `send` makes the booking; on success the resident goes to `done(&booking)`. `children`, if
/// any, stand between the time and the buttons (e.g. what moving the booking loses).
#[component]
pub fn ConfirmTime(
    label: Key,
    when: String,
    submit: Key,
    day: RwSignal<Option<Date>>,
    chosen: RwSignal<Option<Slot>>,
    send: Action<(), Result<Booking, ClientError>>,
    done: fn(&Booking) -> String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<Msg>);
    Effect::new(move |_| match send.value().get() {
        Some(Ok(b)) => navigate(&done(&b), Default::default()),
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => {
            failed.set(e.fields.values().next().map(|f| field_error_key(*f)))
        }
        Some(Err(e)) => failed.set(Some(error_key(&e).into())),
        None => {}
    });
    view! {
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
                on:click=move |_| {
                    failed.set(None);
                    send.dispatch(());
                }
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
