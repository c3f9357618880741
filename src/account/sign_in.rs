//! Sign in with a mobile number and an SMS code: one question per step, errors next to the
//! field and in a summary, then back to where the resident was.

use crate::i18n::{use_i18n, Key};
use crate::shared::api::{self, ClientError};
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::form::FormErrors;
use crate::shared::loadable::{error_key, wait_text};
use crate::shared::page::use_title;
use crate::shared::session::{safe_return_path, use_session};
use crate::shared::ui::{ErrorSummary, TextField};
use baoan_contract::api::{Me, SendCodeRequest, SendCodeResponse, SignInRequest};
use baoan_contract::error::{ApiError, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Phone,
    Code,
}

/// Shows a failed request on the form: how long to wait when limited, field errors beside their
/// fields, anything else in the summary.
fn show_failure(e: ClientError, errors: FormErrors, general: RwSignal<Option<Key>>, wait: RwSignal<Option<i64>>) {
    wait.set(None);
    match e {
        ClientError::Api(ApiError { retry_after_seconds: Some(seconds), .. }) => {
            // Shown through the shared `wait_text`, like every other page's wait.
            errors.clear();
            general.set(None);
            wait.set(Some(seconds));
        }
        ClientError::Api(api) if !api.fields.is_empty() => {
            errors.set(FieldErrors(api.fields));
            general.set(None);
        }
        other => general.set(Some(error_key(&other))),
    }
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
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<Key>);
    let wait = RwSignal::new(None::<i64>);

    let send_code = Action::new_local(move |req: &SendCodeRequest| {
        let req = req.clone();
        async move { api::post::<_, SendCodeResponse>("/auth/sms-code", &req).await }
    });
    let sign_in = Action::new_local(move |req: &SignInRequest| {
        let req = req.clone();
        async move { api::post::<_, Me>("/auth/session", &req).await }
    });

    Effect::new(move |_| match send_code.value().get() {
        Some(Ok(_)) => {
            errors.clear();
            general.set(None);
            step.set(Step::Code);
        }
        Some(Err(e)) => show_failure(e, errors, general, wait),
        None => {}
    });
    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(me)) => {
            session.signed_in(me);
            clear_draft("sign-in", &["phone"]);
            let next = safe_return_path(query.with_untracked(|q| q.get("next")));
            navigate(&next, Default::default());
        }
        Some(Err(e)) => show_failure(e, errors, general, wait),
        None => {}
    });

    // Already signed in (e.g. the back button after signing in): go where the resident was going.
    {
        let navigate = use_navigate();
        Effect::new(move |_| {
            if session.checked.get() && session.me.with(Option::is_some) && sign_in.value().with(Option::is_none) {
                navigate(&safe_return_path(query.with_untracked(|q| q.get("next"))), Default::default());
            }
        });
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        wait.set(None);
        match step.get_untracked() {
            Step::Phone => {
                let req = SendCodeRequest { phone: phone.get_untracked() };
                match req.validate() {
                    Ok(_) => {
                        errors.clear();
                        send_code.dispatch(req);
                    }
                    Err(e) => errors.set(e),
                }
            }
            Step::Code => {
                let req = SignInRequest { phone: phone.get_untracked(), code: code.get_untracked() };
                match req.validate() {
                    Ok(_) => {
                        errors.clear();
                        sign_in.dispatch(req);
                    }
                    Err(e) => errors.set(e),
                }
            }
        }
    };
    let busy = move || send_code.pending().get() || sign_in.pending().get();

    view! {
        <h1>{move || i18n.t(Key::SignInTitle)}</h1>
        <ErrorSummary errors=errors general=Signal::from(general) />
        {move || {
            wait.get()
                .map(|n| {
                    view! {
                        <p class="notice notice-error" role="alert">
                            {wait_text(i18n, n)}
                        </p>
                    }
                })
        }}
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
                            errors=errors
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
                        <p role="status">
                            {move || i18n.t(Key::CodeSentTo)}" "
                            <strong>{move || baoan_contract::mask::mask_phone(&phone.get())}</strong>
                        </p>
                        <TextField
                            name="code"
                            label=Key::CodeLabel
                            hint=Key::CodeHint
                            value=code
                            errors=errors
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
                                    errors.clear();
                                    general.set(None);
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
