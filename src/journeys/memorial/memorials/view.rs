//! One memorial: flowers and candles (free, no rankings), messages shown as plain text (Leptos
//! escapes every text node; nothing here sets inner HTML) with their authors masked by the
//! server, the owner's family controls (`family`), hide, publish (`publish`) and reminder, and a
//! report button for everyone. A refusal for doing something too often says how long to wait.

use super::family::FamilyControls;
use crate::journeys::memorial::i18n::Key;
use super::photo::{MemorialPhoto, PhotoPicker};
use super::publish::PublishForm;
use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::shared::api::ClientError;
use crate::shared::form::FormErrors;
use crate::shared::loadable::{failure_text, wait_message};
use crate::shared::ui::{ErrorSummary, Notice, NoticeKind, TextField};

use crate::shared::loadable::{error_key, Loaded};
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use baoan_contract::error::FieldErrors;
use baoan_contract::memorial::*;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn MemorialPage() -> impl IntoView {
    use_title(Key::MemorialsTitle);
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let memorial = LocalResource::new(move || api::memorial(id.clone()));
    let current = RwSignal::new(None::<Memorial>);
    view! {
        <Loaded
            resource=memorial
            children=move |m: Memorial| {
                current.set(Some(m));
                view! { <MemorialBody current=current /> }
            }
        />
    }
}

#[component]
fn MemorialBody(current: RwSignal<Option<Memorial>>) -> impl IntoView {
    let i18n = use_i18n();
    let m = move || current.get().expect("loaded");
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<crate::i18n::Key>);
    let text = RwSignal::new(String::new());
    let reported = RwSignal::new(false);
    // A 429: "try again in …" from the server's Retry-After, instead of a general error.
    let wait = RwSignal::new(None::<ClientError>);
    let answer = move |r: Result<Memorial, ClientError>| match r {
        Ok(m) => {
            wait.set(None);
            current.set(Some(m))
        }
        Err(ClientError::Api(e)) if !e.fields.is_empty() => errors.set(FieldErrors(e.fields)),
        Err(e) if wait_message(i18n, &e).is_some() => wait.set(Some(e)),
        Err(e) => general.set(Some(error_key(&e))),
    };
    let id = move || current.get_untracked().map(|m| m.id).unwrap_or_default();
    let offer = move |kind: &'static str| {
        spawn_local(async move {
            answer(api::offer(id(), OfferingRequest { kind: kind.into() }).await)
        })
    };
    let on_message = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        match baoan_contract::memorial::rules::parse_message(&text.get_untracked()) {
            Err(e) => {
                let mut f = FieldErrors::new();
                f.add("text", e);
                errors.set(f);
            }
            Ok(t) => spawn_local(async move {
                let r = api::leave_message(id(), MessageRequest { text: t }).await;
                if r.is_ok() {
                    text.set(String::new());
                    errors.clear();
                }
                answer(r);
            }),
        }
    };
    let report = move |_| {
        spawn_local(async move {
            let body = ReportRequest { message_id: None, reason: i18n.t(Key::ReportReason).into() };
            match api::report(id(), body).await {
                Ok(_) => reported.set(true),
                Err(e) => wait.set(Some(e)),
            }
        })
    };
    view! {
        <h1>{move || m().deceased_name}</h1>
        <p class="lead">{move || format!("{} — {}", m().born_on, m().died_on)}</p>
        {move || {
            m()
                .photo
                .map(|photo| {
                    let src = api::photo_url(&m().id, &photo);
                    view! { <MemorialPhoto src=src name=Signal::derive(move || m().deceased_name) /> }
                })
        }}
        <p class="memorial-tag">
            {move || i18n.t(if m().visibility == "public" { Key::Public } else { Key::Private })}
        </p>
        {move || (!m().biography.is_empty()).then(|| view! { <p class="memorial-bio">{m().biography}</p> })}
        <div class="offerings">
            <button type="button" class="button button-secondary" on:click=move |_| offer("flower")>
                {move || i18n.t(Key::Flowers)}
            </button>
            <button type="button" class="button button-secondary" on:click=move |_| offer("candle")>
                {move || i18n.t(Key::Candles)}
            </button>
        </div>
        {move || {
            wait.get()
                .map(|e| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert" attr:data-testid="wait">
                            <p>{move || failure_text(i18n, &e)}</p>
                        </Notice>
                    }
                })
        }}
        <p aria-live="polite" data-testid="offerings">
            {move || {
                format!(
                    "{} {} · {} {}",
                    m().flowers,
                    i18n.t_n(Key::FlowersCount, m().flowers),
                    m().candles,
                    i18n.t_n(Key::CandlesCount, m().candles),
                )
            }}
        </p>
        <p class="hint">{move || i18n.t(Key::OfferingsFree)}</p>
        <h2>{move || i18n.t(Key::Messages)}</h2>
        {move || m().messages.is_empty().then(|| view! { <p class="hint">{move || i18n.t(Key::NoMessages)}</p> })}
        {move || {
            (m().messages_total > m().messages.len() as i64)
                .then(|| view! { <p class="hint">{move || i18n.t(Key::OlderMessages)}</p> })
        }}
        <ul class="memorial-messages">
            {move || {
                m()
                    .messages
                    .into_iter()
                    .map(|msg| view! { <MessageItem msg=msg owner=m().role == "owner" current=current /> })
                    .collect_view()
            }}
        </ul>
        <ErrorSummary errors=errors general=Signal::from(general) />
        <form novalidate on:submit=on_message>
            <TextField
                name="text"
                label=Key::MessageLabel
                hint=Key::MessageHint
                value=text
                errors=errors
                maxlength=200
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::Send)}
            </button>
        </form>
        {move || {
            (m().role == "owner")
                .then(|| {
                    view! {
                        <FamilyControls id=m().id />
                        <OwnerSettings current=current />
                    }
                })
        }}
        <p>
            <button type="button" class="link-button" on:click=report>
                {move || i18n.t(Key::Report)}
            </button>
            {move || reported.get().then(|| view! { <span role="status">" "{move || i18n.t(Key::Reported)}</span> })}
        </p>
    }
}

#[component]
fn MessageItem(msg: MemorialMessage, owner: bool, current: RwSignal<Option<Memorial>>) -> impl IntoView {
    let i18n = use_i18n();
    let (mid, hidden) = (msg.id.clone(), msg.hidden);
    let hide = move |_| {
        let mid = mid.clone();
        spawn_local(async move {
            let id = current.get_untracked().map(|m| m.id).unwrap_or_default();
            if let Ok(m) = api::hide_message(id, mid).await {
                current.set(Some(m));
            }
        })
    };
    view! {
        <li class="memorial-message">
            <p class="message-text">{msg.text.clone()}</p>
            <p class="hint">
                {msg.author.clone()}
                {hidden
                    .then(|| {
                        view! {
                            " "
                            {move || i18n.t(Key::Hidden)}
                        }
                    })}
            </p>
            {(owner && !hidden)
                .then(|| {
                    view! {
                        <button type="button" class="link-button" on:click=hide>
                            {move || i18n.t(Key::Hide)}
                        </button>
                    }
                })}
        </li>
    }
}

/// The owner's settings: the photo, make public (burial certificate number and relation), reminders.
#[component]
fn OwnerSettings(current: RwSignal<Option<Memorial>>) -> impl IntoView {
    let i18n = use_i18n();
    let photo_error = RwSignal::new(None::<crate::i18n::Key>);
    let set_photo = move |photo: Option<String>| {
        spawn_local(async move {
            let id = current.get_untracked().map(|m| m.id).unwrap_or_default();
            match api::set_photo(id, PhotoRequest { photo }).await {
                Ok(m) => {
                    photo_error.set(None);
                    current.set(Some(m));
                }
                Err(e) => photo_error.set(Some(error_key(&e))),
            }
        })
    };
    let has_photo = move || current.get().is_some_and(|m| m.photo.is_some());
    let id = move || current.get_untracked().map(|m| m.id).unwrap_or_default();
    let reminder = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        spawn_local(async move {
            let _ = api::set_reminder(id(), ReminderRequest { on }).await;
        })
    };
    view! {
        <h2>{move || i18n.t(Key::PhotoLabel)}</h2>
        {move || {
            photo_error
                .get()
                .map(|k| {
                    view! {
                        <Notice kind=NoticeKind::Error role="alert">
                            <p>{move || i18n.t(k)}</p>
                        </Notice>
                    }
                })
        }}
        <PhotoPicker
            label=Signal::derive(move || if has_photo() { Key::ReplacePhoto } else { Key::ChoosePhoto })
            on_uploaded=Callback::new(move |id: String| set_photo(Some(id)))
        />
        {move || {
            has_photo()
                .then(|| {
                    view! {
                        <p>
                            <button type="button" class="link-button" on:click=move |_| set_photo(None)>
                                {move || i18n.t(Key::RemovePhoto)}
                            </button>
                        </p>
                    }
                })
        }}
        {move || {
            (current.get().map(|m| m.visibility) == Some("private".into()))
                .then(|| view! { <PublishForm current=current /> })
        }}
        <div class="checkbox">
            <input
                type="checkbox"
                id="reminder"
                prop:checked=move || current.get().map(|m| m.reminder).unwrap_or(false)
                on:change=reminder
            />
            <label for="reminder">{move || i18n.t(Key::Reminder)}</label>
        </div>
    }
}

/// Following an invitation link: join, then open the memorial.
#[component]
pub fn JoinPage() -> impl IntoView {
    use_title(Key::JoinTitle);
    view! {
        <RequireSignIn>
            <Join />
        </RequireSignIn>
    }
}

#[component]
fn Join() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<crate::i18n::Msg>);
    spawn_local(async move {
        match api::accept_invitation(token).await {
            Ok(m) => navigate(&format!("/memorial/memorials/{}", m.id), Default::default()),
            // Expired, used up, withdrawn, or removed by the owner: one plain explanation.
            Err(ClientError::Api(e)) if e.code == baoan_contract::ErrorCode::NotFound => {
                failed.set(Some(Key::InvitationInvalid.into()))
            }
            Err(e) => failed.set(Some(error_key(&e).into())),
        }
    });
    view! {
        <h1>{move || i18n.t(Key::JoinTitle)}</h1>
        {move || match failed.get() {
            None => view! { <p role="status">{move || i18n.t(Key::Joining)}</p> }.into_any(),
            Some(k) => {
                view! {
                    <Notice kind=NoticeKind::Error role="alert">
                        <p>{move || i18n.t(k)}</p>
                    </Notice>
                    <p>
                        <A href="/mine">{move || i18n.t(Key::MyMemorials)}</A>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}
