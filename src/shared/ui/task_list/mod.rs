//! Task list: the parts of a long form, each a link to its own page with its state beside it
//! (not started, in progress, done).

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

/// One task: its code (`data-task`), where it is, its title, its state and whether it is done.
#[derive(Clone)]
pub struct TaskItem {
    pub code: &'static str,
    pub href: String,
    pub title: Msg,
    pub state: Msg,
    pub done: bool,
}

#[component]
pub fn TaskList(tasks: Vec<TaskItem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="ui-tasks">
            {tasks
                .into_iter()
                .map(|t| {
                    view! {
                        <li class="ui-tasks__item" data-task=t.code>
                    <A href=t.href>{move || i18n.t(t.title)}</A>
                    <strong class="ui-tasks__state tag" class:ui-tasks__state--done=t.done>{move || i18n.t(t.state)}</strong>
                </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
