//! Sign in with a mobile number and an SMS code: one question per step, errors next to the
//! field and in a summary, then back to where the resident was.

use super::api;
use crate::i18n::{use_i18n, Key};
use crate::shared::announce::announce;
use crate::shared::api::ClientError;
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::loadable::WaitNotice;
use crate::shared::page::use_title;
use crate::shared::session::{safe_return_path, use_session};
use crate::shared::submit::Submit;
use crate::shared::ui::TextField;
use baoan_contract::api::{Me, SendCodeRequest, SendCodeResponse, SignInRequest};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Phone,
    Code,
}

#[component]
pub fn SignIn() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::SignInTitle);
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let phone = draft_field("sign-in", "phone");
    let code = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Phone);
    // Signed in by this page just now (it goes on by itself), not arriving signed in already.
    let signed_in_here = RwSignal::new(false);
    // When the server limits sending codes or signing in, it says how long to wait (shared by
    // both steps' submits).
    let wait = RwSignal::new(None::<ClientError>);
    let send_code = Submit::new(api::send_code)
        .on_done(move |_: SendCodeResponse| {
            step.set(Step::Code);
            let masked = baoan_contract::mask::mask_phone(&phone.get_untracked());
            announce(format!("{} {masked}", i18n.t(Key::CodeSentTo)));
            // The button pressed is gone with the phone step: the cursor goes to the code's box.
            request_animation_frame(|| {
                if let Some(input) = document().get_element_by_id("code") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(input).focus();
                }
            });
        })
        .wait_in(wait);
    let sign_in = {
        let navigate = navigate.clone();
        Submit::new(api::sign_in)
            .on_done(move |me: Me| {
                session.signed_in(me);
                clear_draft("sign-in", &["phone"]);
                signed_in_here.set(true);
                let next = safe_return_path(query.with_untracked(|q| q.get("next")));
                navigate(&next, Default::default());
            })
            .wait_in(wait)
    };

    // Already signed in (e.g. the back button after signing in): go where the resident was going.
    {
        let navigate = use_navigate();
        Effect::new(move |_| {
            if session.checked.get() && session.me.with(Option::is_some) && !signed_in_here.get() {
                navigate(&safe_return_path(query.with_untracked(|q| q.get("next"))), Default::default());
            }
        });
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        wait.set(None);
        match step.get_untracked() {
            Step::Phone => {
                let req = SendCodeRequest { phone: phone.get_untracked() };
                match req.validate() {
                    Ok(_) => send_code.send(req),
                    Err(e) => _ = send_code.refuse(e),
                }
            }
            Step::Code => {
                let req = SignInRequest { phone: phone.get_untracked(), code: code.get_untracked() };
                match req.validate() {
                    Ok(_) => sign_in.send(req),
                    Err(e) => _ = sign_in.refuse(e),
                }
            }
        }
    };
    let busy = move || send_code.pending().get() || sign_in.pending().get();

    view! {
        <h1>{move || i18n.t(Key::SignInTitle)}</h1>
        {move || match step.get() {
            Step::Phone => send_code.summary().into_any(),
            Step::Code => sign_in.summary().into_any(),
        }}
        <WaitNotice error=wait />
        <form novalidate on:submit=on_submit>
            {move || match step.get() {
                Step::Phone => {
                    view! {
                        <p>{move || i18n.t(Key::SignInIntro)}</p>
                        <TextField
                            name="phone"
                            label=Key::PhoneLabel
                            hint=Key::PhoneHint
                            value=phone
                            errors=send_code.errors
                            input_type="tel"
                            autocomplete="tel-national"
                            inputmode="tel"
                            maxlength=20
                        />
                        <button type="submit" class="button" disabled=busy>
                            {move || i18n.t(if busy() { Key::Sending } else { Key::SendCode })}
                        </button>
                    }
                        .into_any()
                }
                Step::Code => {
                    view! {
                        <p>
                            {move || i18n.t(Key::CodeSentTo)}" "
                            <strong>{move || baoan_contract::mask::mask_phone(&phone.get())}</strong>
                        </p>
                        <TextField
                            name="code"
                            label=Key::CodeLabel
                            hint=Key::CodeHint
                            value=code
                            errors=sign_in.errors
                            autocomplete="one-time-code"
                            inputmode="numeric"
                            maxlength=6
                        />
                        <button type="submit" class="button" disabled=busy>
                            {move || i18n.t(if busy() { Key::SigningIn } else { Key::SignInButton })}
                        </button>
                        <p>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    code.set(String::new());
                                    sign_in.errors.clear();
                                    sign_in.general.set(None);
                                    step.set(Step::Phone);
                                }
                            >
                                {move || i18n.t(Key::ChangeNumberOrResend)}
                            </button>
                        </p>
                    }
                        .into_any()
                }
            }}
        </form>
    }
}
