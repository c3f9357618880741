//! Booking the second visit of a divorce by agreement, from the first visit's page: only days
//! inside the 30-day window after the cooling-off can be chosen (the server checks the same
//! rule, the contract's divorce clock). The other party then confirms in their own account.

use super::api;
use super::confirm_time::ConfirmTime;
use super::i18n::Key;
use super::labels::{day_label, slot_time};
use super::slot::DayThenSlot;
use crate::i18n::{fill, use_i18n};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::marriage::divorce::DivorceStage;
use baoan_contract::marriage::{Booking, SecondVisitRequest, Slot};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SecondVisitPage() -> impl IntoView {
    use_title(Key::SecondVisitTitle);
    view! {
        <RequireSignIn>
            <SecondVisit />
        </RequireSignIn>
    }
}

#[component]
fn SecondVisit() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let first = LocalResource::new(move || {
        let id = id.clone();
        api::booking(id)
    });
    view! {
        <h1>{move || i18n.t(Key::SecondVisitTitle)}</h1>
        <Loaded
            resource=first
            children={move |b: Booking| match b.divorce {
                Some(DivorceStage::Window { opens, closes, .. }) => {
                    view! { <Steps first=b opens=opens closes=closes /> }.into_any()
                }
                Some(stage) => {
                    // Outside the window (too early or missed): say where the couple stands instead.
                    view! { <super::booking::Countdown stage=stage /> }
                        .into_any()
                }
                None => view! { <p>{move || i18n.t(Key::FeSecondVisitTooEarly)}</p> }.into_any(),
            }}
        />
    }
}

#[component]
fn Steps(first: Booking, opens: Date, closes: Date) -> impl IntoView {
    let i18n = use_i18n();
    let first = StoredValue::new(first);
    let day = RwSignal::new(None::<Date>);
    let chosen = RwSignal::new(None::<Slot>);
    let office = Signal::derive(move || first.with_value(|b| b.office.id.clone()));
    // Each step replaces the list the resident scrolled through: show it from the top.
    Effect::new(move |once: Option<()>| {
        let _ = (day.get(), chosen.get());
        if once.is_some() {
            super::to_top();
        }
    });
    view! {
        <p>{move || fill(i18n.t(Key::SecondVisitHint), &[("opens", &opens.to_iso()), ("closes", &closes.to_iso())])}</p>
        <SummaryList>
            <SummaryRow label=Key::FirstVisitRef>{first.with_value(|b| b.reference.clone())}</SummaryRow>
        </SummaryList>
        {move || match (day.get(), chosen.get()) {
            (Some(_), Some(s)) => view! { <Confirm first=first to=s day=day chosen=chosen /> }.into_any(),
            _ => view! { <DayThenSlot office=office within=Some((opens, closes)) day=day time=chosen /> }.into_any(),
        }}
    }
}

#[component]
fn Confirm(
    first: StoredValue<Booking>,
    to: Slot,
    day: RwSignal<Option<Date>>,
    chosen: RwSignal<Option<Slot>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The server knows from the account which party of the first visit is booking.
    let req = StoredValue::new(
        first.with_value(|b| SecondVisitRequest { first_visit_reference: b.reference.clone(), slot_id: to.id.clone() }),
    );
    let send = Submit::new(move |()| api::second_visit(req.get_value()));
    let when = format!("{} {}", day_label(to.date, i18n.lang.get_untracked()), slot_time(&to));
    view! {
        <ConfirmTime
            label=Key::WhenLabel
            when=when
            submit=Key::SecondVisitSubmit
            day=day
            chosen=chosen
            send=send
            done=|b: &Booking| format!("/marriage/bookings/{}", b.id)
        />
    }
}
