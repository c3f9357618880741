//! The journey's start page: book a visit, online memorials, proxy sweeping, information.

use super::i18n::Key;
use crate::i18n::{use_i18n, Key as Shared};
use crate::shared::page::use_title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Shared::MemorialTitle);
    let link = move |href: &'static str, title: Key| {
        view! {
            <li>
                <A href=href attr:class="menu-link">
                    {move || i18n.t(title)}
                </A>
            </li>
        }
    };
    view! {
        <h1>{move || i18n.t(Shared::MemorialTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::StartLead)}</p>
        <ul class="memorial-menu">
            {link("/memorial/book", Key::BookTitle)} {link("/memorial/memorials/new", Key::CreateMemorial)}
            {link("/memorial/proxy", Key::ProxyTitle)} {link("/mine", Key::MyBookings)}
            {link("/memorial/info", Key::InfoTitle)}
        </ul>
    }
}
