//! Asked before the form, not at submit: where the server requires a verified identity (to apply
//! for assistance or book a marriage registration; `GET /me/identity`'s `required`), a resident
//! who has none sees why and a way to 实名核验 instead of the form, and comes back to it after.
//! The server's 403 at submit stays the defence (`Submit` then sends the resident the same way).

use super::loadable::Loading;
use super::session::{use_session, verify_href};
use super::ui::Notice;
use crate::i18n::{use_i18n, Key, Msg};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::Cell;

thread_local! {
    /// This page load's answer: whether the resident must verify before these forms.
    static NEEDED: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Shows `children` (a form) to a resident who may use it: verified, or on a server that does not
/// require it. Anyone else gets the reason and a button to 实名核验 returning to this page. Put
/// it inside `RequireSignIn`. When the status cannot be read (no network), the form shows: its
/// draft stays usable, and the server still refuses an unverified submit.
#[component]
pub fn VerifiedFirst(children: ChildrenFn) -> impl IntoView {
    if is_verified() {
        return children().into_any();
    }
    let needed = verify_needed();
    (move || match needed.get() {
        None => view! { <Loading what=Key::LoadingAccount /> }.into_any(),
        Some(true) => view! { <VerifyFirstPanel /> }.into_any(),
        Some(false) => children().into_any(),
    })
    .into_any()
}

/// Whether the signed-in resident's identity is verified already (as `/me` last said).
fn is_verified() -> bool {
    use_session()
        .me
        .with_untracked(|m| m.as_ref().and_then(|m| m.profile.as_ref()).is_some_and(|p| p.verification.is_some()))
}

/// None while the answer comes; then whether this resident must verify first. Asked once per
/// page load (verifying happens on another page, which loads this one afresh after).
fn verify_needed() -> RwSignal<Option<bool>> {
    let needed = RwSignal::new(NEEDED.with(Cell::get));
    if needed.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let answer = crate::account::api::identity().await;
            let must = answer.as_ref().is_ok_and(|s| s.required && s.verification.is_none());
            if answer.is_ok() {
                NEEDED.with(|n| n.set(Some(must)));
            }
            let _ = needed.try_set(Some(must));
        });
    }
    needed
}

/// Said at the start of a journey whose form comes after other choices (a marriage booking picks
/// its time first): a signed-in resident who will have to verify learns it here, with the way to
/// do it now and come back, before choosing anything. Nobody else sees anything: a signed-out
/// resident is asked at sign-in's turn, and `VerifiedFirst` still guards the form.
#[component]
pub fn VerifyAhead(
    /// What to do after verifying, in the journey's words.
    then: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
    move || {
        let signed_in = session.me.with(Option::is_some);
        (signed_in && !is_verified()).then(|| {
            let needed = verify_needed();
            let here = here.clone();
            move || {
                (needed.get() == Some(true)).then(|| {
                    view! {
                        <div class="verify-ahead">
                            <Notice>
                                <p>{move || i18n.t(Key::VerifyFirstWhy)}</p>
                                <p>{move || i18n.t(then)}</p>
                            </Notice>
                            <p>
                                <a href=verify_href(&here) class="button">
                                    {move || i18n.t(Key::VerifyFirstButton)}
                                </a>
                            </p>
                        </div>
                    }
                })
            }
        })
    }
}

/// Why a verified identity is needed, and the way to 实名核验 and back here (`return`: this
/// page, as the contract's `safe_return_to` allows).
#[component]
fn VerifyFirstPanel() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
    view! {
        <h1>{move || i18n.t(Key::VerifyFirstTitle)}</h1>
        <div class="verify-first">
            <Notice>
                <p>{move || i18n.t(Key::VerifyFirstWhy)}</p>
            </Notice>
            <p>{move || i18n.t(Key::VerifyFirstKept)}</p>
            <p>
                <a href=verify_href(&here) class="button">
                    {move || i18n.t(Key::VerifyFirstButton)}
                </a>
            </p>
        </div>
    }
}
