//! Step 1: what the couple comes for.

use super::draft::use_draft;
use super::i18n::Key;
use super::labels::kind_label;
use crate::i18n::use_i18n;
use crate::shared::form::FormErrors;
use crate::shared::identity::VerifyAhead;
use crate::shared::page::use_title;
use crate::shared::ui::{RadioOption, Radios};
use baoan_contract::marriage::BookingKind;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn Start() -> impl IntoView {
    use_title(Key::Title);
    let i18n = use_i18n();
    let draft = use_draft();
    let navigate = use_navigate();
    if draft.kind.get_untracked().is_empty() {
        draft.kind.set(BookingKind::Marriage.code().into());
    }
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate("/marriage/office", Default::default());
    };
    view! {
        <h1>{move || i18n.t(Key::Title)}</h1>
        <p>{move || i18n.t(Key::Intro)}</p>
        <VerifyAhead then=Key::VerifyAheadThen.into() />
        <form novalidate on:submit=next>
            <Radios
                name="kind"
                legend=Key::KindQuestion
                value=draft.kind
                errors=FormErrors::new()
                options=BookingKind::STARTABLE.into_iter().map(|k| RadioOption::msg(k.code(), kind_label(k))).collect()
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::Continue)}
            </button>
        </form>
        <p>
            <A href="/mine">{move || i18n.t(Key::MyBookingsLink)}</A>
        </p>
    }
}
