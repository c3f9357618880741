//! 消息 — the message centre: every status change of the resident's applications, bookings and
//! memorials, each with what to do and by when, newest first.

use super::api;
use crate::i18n::{event_text, fill, use_i18n, Key};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use baoan_contract::api::{Message, MessageList};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

#[component]
pub fn MessagesPage() -> impl IntoView {
    use_title(Key::MessagesTitle);
    view! {
        <RequireSignIn>
            <MessageCentre />
        </RequireSignIn>
    }
}

#[component]
fn MessageCentre() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::messages);
    view! {
        <h1>{move || i18n.t(Key::MessagesTitle)}</h1>
        <Loaded
            resource=list
            children=move |list: MessageList| {
                if list.messages.is_empty() {
                    view! { <p class="hint">{move || i18n.t(Key::MessagesEmpty)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="message-list">
                            {list.messages.into_iter().map(|m| view! { <MessageItem message=m /> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }
        />
    }
}

#[component]
fn MessageItem(message: Message) -> impl IntoView {
    let i18n = use_i18n();
    let text = event_text(message.event);
    // A step that lasts a set time (the public notice) states the standard's days (`{days}`).
    let days = message.days_to_deadline();
    let title = move || match days {
        Some(n) => fill(i18n.t_n(text, n), &[("days", &n.to_string())]),
        None => i18n.t(text).to_string(),
    };
    let read = RwSignal::new(message.read);
    let id = message.id.clone();
    let mark_read = move |_| {
        if !read.get_untracked() {
            read.set(true);
            let id = id.clone();
            spawn_local(async move {
                let _ = api::mark_read(id).await;
            });
        }
    };
    view! {
        <li class="message" class:message-unread=move || !read.get()>
            <p class="message-title">
                {move || {
                    (!read.get())
                        .then(|| {
                            view! {
                                <span class="tag">{i18n.t(Key::MessageUnread)}</span>
                                " "
                            }
                        })
                }} {title}
            </p>
            <p class="message-meta">{move || i18n.t(Key::MessageReference)}" "{message.reference.clone()}</p>
            {message
                .deadline
                .map(|d| {
                    view! {
                        <p class="message-deadline">
                            <strong>{move || i18n.t(Key::MessageDeadline)}" "{d.to_iso()}</strong>
                        </p>
                    }
                })}
            {message.detail.clone().map(|d| view! { <p class="message-detail">{d}</p> })}
            <p>
                <A href=message.action_path.clone() on:click=mark_read>
                    {move || i18n.t(Key::MessageOpen)}
                </A>
            </p>
        </li>
    }
}
