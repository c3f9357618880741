//! Staff sign-in: login, password and the authenticator's current code, on one page. Errors
//! next to each field and in the summary; a wrong combination is one message (the server never
//! says which part was wrong); too many attempts say when to try again.

use super::api;
use super::i18n::Key;
use super::session::{staff_return_path, use_staff};
use crate::i18n::use_i18n;
use crate::shared::api::ClientError;
use crate::shared::loadable::WaitNotice;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::TextField;
use baoan_contract::staff::{StaffMe, StaffSignIn};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::SignInTitle);
    let session = use_staff();
    let navigate = use_navigate();
    let query = use_query_map();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let wait = RwSignal::new(None::<ClientError>);
    let next = move || staff_return_path(query.with_untracked(|q| q.get("next")));
    let submit = {
        let navigate = navigate.clone();
        Submit::new(api::sign_in)
            .on_done(move |me: StaffMe| {
                session.me.set(Some(me));
                session.checked.set(true);
                navigate(&next(), Default::default());
            })
            .wait_in(wait)
    };
    // Already signed in (the back button after signing in): on to where they were going.
    Effect::new(move |_| {
        if session.checked.get() && session.me.with(Option::is_some) && !submit.pending().get_untracked() {
            navigate(&next(), Default::default());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = StaffSignIn {
            login: login.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            code: code.get_untracked().trim().to_string(),
        };
        if !submit.refuse(req.check()) {
            submit.send(req);
        }
    };
    let busy = submit.pending();
    view! {
        <h1>{move || i18n.t(Key::SignInTitle)}</h1>
        {submit.summary()}
        <WaitNotice error=wait />
        <p>{move || i18n.t(Key::SignInIntro)}</p>
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField name="login" label=Key::LoginLabel value=login errors=submit.errors autocomplete="username" />
            <TextField
                name="password"
                label=Key::PasswordLabel
                value=password
                errors=submit.errors
                input_type="password"
                autocomplete="current-password"
            />
            <TextField
                name="code"
                label=Key::CodeLabel
                hint=Key::CodeHint
                value=code
                errors=submit.errors
                autocomplete="one-time-code"
                inputmode="numeric"
                maxlength=6
            />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::SigningIn } else { Key::SignInButton })}
            </button>
        </form>
    }
}
