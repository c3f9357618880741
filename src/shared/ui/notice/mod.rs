//! Notice: a box of information the resident should not miss — plain, an error, a success or a
//! thing still to do — with an optional heading. The live-region role is the caller's choice
//! (`alert` for a failure just now, `status` for a success, none for a standing notice).

use super::with_extra;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum NoticeKind {
    #[default]
    Info,
    Error,
    Success,
    Todo,
}

impl NoticeKind {
    fn class(self) -> &'static str {
        match self {
            NoticeKind::Info => "ui-notice",
            NoticeKind::Error => "ui-notice ui-notice--error",
            NoticeKind::Success => "ui-notice ui-notice--success",
            NoticeKind::Todo => "ui-notice ui-notice--todo",
        }
    }
}

#[component]
pub fn Notice(
    #[prop(optional)] kind: NoticeKind,
    #[prop(optional, into)] title: Option<Msg>,
    #[prop(optional)] role: Option<&'static str>,
    /// Extra classes (a journey's hook, e.g. `marriage-moved`).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=with_extra(kind.class(), class) role=role>
            {title.map(|t| view! { <h2 class="ui-notice__title">{move || i18n.t(t)}</h2> })}
            {children()}
        </div>
    }
}
