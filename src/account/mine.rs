//! 我的: the signed-in resident's own page — their details and, once each journey is online,
//! their applications, bookings, donations and memorials.

use super::api;
use crate::i18n::{fill, use_i18n, Key};
use crate::journeys;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::{use_session, RequireSignIn};
use crate::shared::submit::Submit;
use crate::shared::ui::{SummaryList, SummaryRow};
use baoan_contract::api::Me;
use baoan_contract::error::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Mine() -> impl IntoView {
    use_title(Key::MineTitle);
    view! {
        <RequireSignIn>
            <MineContent />
        </RequireSignIn>
    }
}

#[component]
fn MineContent() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // `true`: sign out on all devices (every session of the resident ends). Either way the same
    // clean-up below runs afterwards.
    // Signing out removes everything of the resident from the device (session::forget_resident).
    let sign_out = Submit::new(api::sign_out).on_done(move |()| session.signed_out()).on_refused(move |e| {
        // A 401 means the session had already ended: the resident is signed out either way.
        let gone = e.code == ErrorCode::Unauthorized;
        if gone {
            session.signed_out();
        }
        gone
    });
    let sign_out_error = move || sign_out.general.get();
    // Always fresh from the server: the details may have changed on another device.
    let fresh = LocalResource::new(api::me);
    view! {
        <h1>{move || i18n.t(Key::MineTitle)}</h1>
        <MessagesLink />
        <Loaded
            resource=fresh
            children=move |me: Me| {
                session.me.set(Some(me.clone()));
                view! { <MyDetails me=me /> }
            }
        />
        // Each journey shows its own records here.
        <journeys::assistance::MySection />
        <journeys::marriage::MySection />
        <journeys::charity::MySection />
        <journeys::memorial::MySection />
        <p>
            <A href="/mine/data" attr:class="button button-secondary">
                {move || i18n.t(Key::MyDataLink)}
            </A>
        </p>
        {move || {
            sign_out_error()
                .map(|k| {
                    view! {
                        <p class="error-message" role="alert">
                            {i18n.t(k)}
                        </p>
                    }
                })
        }}
        <p>
            <button type="button" class="button button-secondary" on:click=move |_| sign_out.send(false)>
                {move || i18n.t(Key::SignOut)}
            </button>
        </p>
        <p class="hint">{move || i18n.t(Key::SignOutEverywhereHint)}</p>
        <p>
            <button type="button" class="button button-secondary" on:click=move |_| sign_out.send(true)>
                {move || i18n.t(Key::SignOutEverywhere)}
            </button>
        </p>
    }
}

/// The resident's details, masked: the screen may be seen by others.
#[component]
fn MyDetails(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let profile = me.profile.clone();
    let verified = profile.as_ref().is_some_and(|p| p.verification.is_some());
    let (name, id_masked) = match profile {
        Some(p) => (Some(p.name), Some(p.id_number_masked)),
        None => (None, None),
    };
    view! {
        <SummaryList>
            <SummaryRow label=Key::PhoneLabel>{me.phone_masked.clone()}</SummaryRow>
            <SummaryRow label=Key::NameLabel>
                {move || name.clone().unwrap_or_else(|| i18n.t(Key::NotProvided).to_string())}
            </SummaryRow>
            <SummaryRow label=Key::IdNumberLabel>
                {move || id_masked.clone().unwrap_or_else(|| i18n.t(Key::NotProvided).to_string())}
            </SummaryRow>
        </SummaryList>
        <p>
            {if verified {
                view! { <span class="tag verified-tag">{move || i18n.t(Key::VerifiedTag)}</span> }.into_any()
            } else {
                view! {
                    <A href="/mine/profile" attr:class="button button-secondary">
                        {move || i18n.t(Key::EditProfile)}
                    </A>
                    " "
                    <A href="/mine/verify" attr:class="button button-secondary">
                        {move || i18n.t(Key::VerifyLink)}
                    </A>
                }
                    .into_any()
            }}
        </p>
    }
}

/// A link to 消息 with the number of unread messages.
#[component]
fn MessagesLink() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::messages);
    let unread = move || list.get().and_then(Result::ok).map(|l| l.unread).unwrap_or(0);
    view! {
        <p class="messages-link">
            <A href="/mine/messages">{move || i18n.t(Key::MessagesLink)}</A>
            {move || {
                (unread() > 0)
                    .then(|| {
                        view! {
                            " "
                            <span class="tag">
                                {fill(i18n.t(Key::MessagesUnreadCount), &[("n", &unread().to_string())])}
                            </span>
                        }
                    })
            }}
        </p>
    }
}
