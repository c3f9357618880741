//! Choice button with places left: a large button (or link) for a day or a time, its main
//! words on the left, places left (or "full") on the right, and optionally a crowd bar.
//! A full choice is a disabled button: it stays in the list, greyed, and says why.

use super::with_extra;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

/// How full a time is, drawn as a `<meter>` (no inline styles: the CSP forbids them).
#[derive(Clone, Copy)]
pub struct Crowd {
    pub taken: i64,
    pub capacity: i64,
    /// The meter's accessible name.
    pub label: Msg,
}

#[component]
pub fn ChoiceButton(
    /// A link to the next step; without it the choice is a button calling `on_pick`.
    #[prop(optional)]
    href: Option<String>,
    #[prop(optional)] on_pick: Option<Callback<()>>,
    /// Full (or otherwise closed): a disabled button.
    #[prop(default = false)]
    disabled: bool,
    /// The words on the right: places left, "full", or why the day is closed.
    #[prop(optional, into)]
    side: Option<Signal<String>>,
    /// More lines under the side text (e.g. extended hours).
    #[prop(optional)]
    extra: Vec<Signal<String>>,
    #[prop(optional)] crowd: Option<Crowd>,
    /// Extra classes (test hooks such as `slot-button`).
    #[prop(optional)]
    class: &'static str,
    /// The main words (the day or the time).
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = with_extra("ui-choice", class);
    let inner = view! {
        <span class="ui-choice__main">{children()}</span>
        {side.map(|side| view! { <span class="ui-choice__side">{move || side.get()}</span> })}
        {extra
            .into_iter()
            .map(|line| view! { <span class="ui-choice__side">{move || line.get()}</span> })
            .collect_view()}
        {crowd
            .map(|c| {
                view! {
                    <meter
                        class="ui-choice__crowd crowd"
                        min="0"
                        max=c.capacity
                        value=c.taken
                        low=c.capacity / 2
                        high=c.capacity * 4 / 5
                        optimum="0"
                        aria-label=move || i18n.t(c.label)
                    ></meter>
                }
            })}
    };
    match href {
        Some(href) if !disabled => view! {
            <A href=href attr:class=class>
                {inner}
            </A>
        }
        .into_any(),
        _ => view! {
            <button
                type="button"
                class=class
                disabled=disabled
                on:click=move |_| {
                    if let Some(pick) = on_pick {
                        pick.run(());
                    }
                }
            >
                {inner}
            </button>
        }
        .into_any(),
    }
}
