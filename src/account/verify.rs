//! 实名核验: the province's identity platform vouches for the resident's name and ID number
//! (needed to apply for assistance or book a marriage registration where the server requires
//! it). `/mine/verify?return=…` offers the verifiers the server has — the platform, and on a
//! demonstration server the development verifier, labelled 演示 — and `/mine/verify/return` is
//! the page the platform sends the resident back to, which finishes the verification and goes
//! back where the resident was.

use super::api;
use super::profile::ProfileFields;
use crate::i18n::{use_i18n, Key};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::{safe_return_path, use_session, RequireSignIn};
use crate::shared::submit::Submit;
use crate::shared::ui::{id_type_of, Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::api::{
    FinishVerification, IdentityStatus, IdentityVerification, IdentityVerifier, ProfileUpdate,
    StartVerificationResponse, VerificationDone,
};
use baoan_contract::error::FieldErrors;
use baoan_contract::rules::documents::IdType;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The `return` query parameter, if it is one of the app's own paths.
fn return_to() -> String {
    safe_return_path(use_query_map().with_untracked(|q| q.get("return")))
}

#[component]
pub fn VerifyPage() -> impl IntoView {
    use_title(Key::VerifyTitle);
    view! {
        <RequireSignIn>
            <VerifyContent />
        </RequireSignIn>
    }
}

#[component]
fn VerifyContent() -> impl IntoView {
    let i18n = use_i18n();
    let status = LocalResource::new(api::identity);
    let asked = use_query_map().with_untracked(|q| q.get("return").is_some());
    view! {
        <h1>{move || i18n.t(Key::VerifyTitle)}</h1>
        <p>{move || i18n.t(Key::VerifyIntro)}</p>
        {asked
            .then(|| {
                view! {
                    <Notice role="status">
                        <p>{move || i18n.t(Key::VerifyNeededFirst)}</p>
                    </Notice>
                }
            })}
        <Loaded
            resource=status
            children=move |s: IdentityStatus| {
                match s.verification.clone() {
                    Some(v) => view! { <Verified verification=v /> }.into_any(),
                    None => view! { <Verifiers status=s /> }.into_any(),
                }
            }
        />
    }
}

/// Already verified: by whom, and on to where the resident was going.
#[component]
fn Verified(verification: IdentityVerification) -> impl IntoView {
    let i18n = use_i18n();
    let by = match verification.verifier {
        IdentityVerifier::Provincial => Key::VerifierProvincial,
        IdentityVerifier::Development => Key::VerifierDevelopment,
    };
    view! {
        <Notice kind=NoticeKind::Success role="status" class="verify-done">
            <p>
                <strong>{move || i18n.t(Key::VerifiedTag)}</strong>
            </p>
        </Notice>
        <SummaryList>
            <SummaryRow label=Key::VerifiedByLabel>{move || i18n.t(by)}</SummaryRow>
        </SummaryList>
        <p>
            <A href=return_to() attr:class="button">
                {move || i18n.t(Key::VerifyContinue)}
            </A>
        </p>
    }
}

/// The verifiers this server has: the platform (leave and come back), the development one
/// (demo: one step, vouching for what is typed here).
#[component]
fn Verifiers(status: IdentityStatus) -> impl IntoView {
    let i18n = use_i18n();
    let leave = Submit::new(api::start_verification).on_done(|r: StartVerificationResponse| {
        let _ = window().location().assign(&r.authorize_url);
    });
    let back = return_to();
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        leave.send(back.clone());
    };
    let none = !status.provincial && !status.development;
    view! {
        {status
            .provincial
            .then(|| {
                view! {
                    {leave.summary()}
                    <form novalidate on:submit=go class="verify-provincial">
                        <p class="hint">{move || i18n.t(Key::VerifyProvincialHint)}</p>
                        <button type="submit" class="button" disabled=leave.pending()>
                            {move || i18n.t(Key::VerifyProvincialButton)}
                        </button>
                    </form>
                }
            })}
        {status.development.then(|| view! { <DevelopmentVerifier /> })}
        {none
            .then(|| {
                view! {
                    <Notice kind=NoticeKind::Error>
                        <p>{move || i18n.t(Key::VerifyNoVerifier)}</p>
                    </Notice>
                }
            })}
    }
}

/// Demo only: the typed name and resident ID, saved and marked verified in one step.
#[component]
fn DevelopmentVerifier() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let profile = session.me.get_untracked().and_then(|m| m.profile);
    let name = RwSignal::new(profile.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let id_number = RwSignal::new(profile.as_ref().map(|p| p.id_number.clone()).unwrap_or_default());
    let id_type = RwSignal::new(IdType::ResidentId.code().to_string());
    let navigate = use_navigate();
    let verify = Submit::new(api::verify_by_development).on_done(move |done: VerificationDone| {
        session.me.set(Some(done.me));
        navigate(&safe_return_path(Some(done.return_to)), Default::default());
    });
    let back = return_to();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = ProfileUpdate {
            name: name.get_untracked(),
            id_type: id_type_of(&id_type.get_untracked()),
            id_number: id_number.get_untracked(),
        };
        let mut errors = match req.validate(crate::shared::clock::today()) {
            Ok(_) => FieldErrors::new(),
            Err(e) => e,
        };
        if req.id_type != IdType::ResidentId && errors.is_empty() {
            errors.add("id_type", baoan_contract::error::FieldError::Required);
        }
        if !verify.refuse(errors) {
            verify.send((req, back.clone()));
        }
    };
    view! {
        <section class="verify-development" aria-labelledby="verify-dev-title">
            <h2 id="verify-dev-title">
                <span class="tag">{move || i18n.t(Key::DemoTag)}</span>
                " "
                {move || i18n.t(Key::VerifyDevTitle)}
            </h2>
            <Notice>
                <p>{move || i18n.t(Key::VerifyDevExplained)}</p>
                <p>{move || i18n.t(Key::VerifyDevResidentIdOnly)}</p>
            </Notice>
            {verify.summary()}
            <form novalidate on:submit=on_submit>
                <ProfileFields name=name id_type=id_type id_number=id_number errors=verify.errors />
                <button type="submit" class="button" disabled=verify.pending()>
                    {move || i18n.t(Key::VerifyDevButton)}
                </button>
            </form>
        </section>
    }
}

/// Where the platform sends the resident back (`?code=…&state=…`): finishes, then goes on.
#[component]
pub fn VerifyReturnPage() -> impl IntoView {
    use_title(Key::VerifyTitle);
    view! {
        <RequireSignIn>
            <VerifyReturn />
        </RequireSignIn>
    }
}

#[component]
fn VerifyReturn() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let finish = Submit::new(api::finish_verification).on_done(move |done: VerificationDone| {
        session.me.set(Some(done.me));
        navigate(&safe_return_path(Some(done.return_to)), Default::default());
    });
    let (code, state) =
        use_query_map().with_untracked(|q| (q.get("code").unwrap_or_default(), q.get("state").unwrap_or_default()));
    finish.send(FinishVerification { code, state });
    view! {
        <h1>{move || i18n.t(Key::VerifyTitle)}</h1>
        {move || {
            finish.pending().get().then(|| view! { <p role="status">{move || i18n.t(Key::VerifyReturning)}</p> })
        }}
        {finish.summary()}
        {move || {
            finish
                .general
                .get()
                .is_some()
                .then(|| {
                    view! {
                        <p>
                            <A href="/mine/verify" attr:class="button">
                                {move || i18n.t(Key::VerifyAgain)}
                            </A>
                        </p>
                    }
                })
        }}
    }
}
