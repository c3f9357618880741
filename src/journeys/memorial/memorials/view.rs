//! One memorial: flowers and candles (free, no rankings), messages shown as plain text (Leptos
//! escapes every text node; nothing here sets inner HTML) with their authors masked by the
//! server, the owner's family controls (`family`), hide, the owner's settings (`owner`), and a
//! report button for everyone. A refusal for doing something too often says how long to wait.

use super::family::FamilyControls;
use super::owner::OwnerSettings;
use super::photo::MemorialPhoto;
use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::i18n::Key;
use crate::shared::api::ClientError;
use crate::shared::loadable::{failure_text, Loaded};
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, NoticeKind, TextField};
use baoan_contract::error::FieldErrors;
use baoan_contract::memorial::{Memorial, MemorialMessage, MessageRequest, OfferingRequest, ReportRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// What a visitor leaves: flowers or a candle (`kind`), or a message.
#[derive(Clone)]
enum Leave {
    Offering(&'static str),
    Message(String),
}

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
    let text = RwSignal::new(String::new());
    let reported = RwSignal::new(false);
    // A 429: "try again in …" from the server's Retry-After, instead of a general error.
    let wait = RwSignal::new(None::<ClientError>);
    let id = move || current.get_untracked().map(|m| m.id).unwrap_or_default();
    // Offerings and messages share one summary, above the message box.
    let leave = Submit::new(move |what: Leave| {
        let id = id();
        async move {
            match what {
                Leave::Offering(kind) => api::offer(id, OfferingRequest { kind: kind.into() }).await,
                Leave::Message(t) => {
                    let sent = api::leave_message(id, MessageRequest { text: t }).await;
                    if sent.is_ok() {
                        text.set(String::new());
                    }
                    sent
                }
            }
        }
    })
    .on_done(move |m: Memorial| {
        wait.set(None);
        current.set(Some(m))
    })
    .wait_in(wait);
    let errors = leave.errors;
    let offer = move |kind: &'static str| leave.send(Leave::Offering(kind));
    let on_message = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match baoan_contract::memorial::rules::parse_message(&text.get_untracked()) {
            Err(e) => {
                let mut f = FieldErrors::new();
                f.add("text", e);
                leave.refuse(f);
            }
            Ok(t) => leave.send(Leave::Message(t)),
        }
    };
    // Any refusal of a report shows in the notice under the offerings, as a wait does.
    let report = Submit::new(move |req: ReportRequest| api::report(id(), req))
        .on_done(move |()| reported.set(true))
        .on_refused(move |e| {
            wait.set(Some(ClientError::Api(e.clone())));
            true
        });
    // The owner hides a message.
    let hide = Submit::new(move |message: String| api::hide_message(id(), message))
        .on_done(move |m: Memorial| current.set(Some(m)));
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
        {hide.summary()}
        <ul class="memorial-messages">
            {move || {
                m()
                    .messages
                    .into_iter()
                    .map(|msg| view! { <MessageItem msg=msg owner=m().role == "owner" hide=hide /> })
                    .collect_view()
            }}
        </ul>
        {leave.summary()}
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
        {report.summary()}
        <p>
            <button
                type="button"
                class="link-button"
                on:click=move |_| {
                    report
                        .send(ReportRequest {
                            message_id: None,
                            reason: i18n.t(Key::ReportReason).into(),
                        })
                }
            >
                {move || i18n.t(Key::Report)}
            </button>
            {move || reported.get().then(|| view! { <span role="status">" "{move || i18n.t(Key::Reported)}</span> })}
        </p>
    }
}

#[component]
fn MessageItem(msg: MemorialMessage, owner: bool, hide: Submit<String, Memorial>) -> impl IntoView {
    let i18n = use_i18n();
    let (mid, hidden) = (msg.id.clone(), msg.hidden);
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
                        <button type="button" class="link-button" on:click=move |_| hide.send(mid.clone())>
                            {move || i18n.t(Key::Hide)}
                        </button>
                    }
                })}
        </li>
    }
}
