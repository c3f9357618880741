//! Social assistance (社会救助): the eligibility check (no sign-in), the application as a task
//! list, and following each application through its review. Everything of this journey lives
//! in this folder, laid out as every journey is: routes (below), its endpoints (`api.rs`), the
//! draft (`draft.rs`), labels and strings (`labels.rs`, `i18n/`), a file or folder per step
//! (`check.rs`, `result.rs`, `apply/`, `upload.rs`) and its section of 我的 (`mine.rs`).

pub(crate) mod api;
mod apply;
mod check;
mod draft;
mod figures;
pub mod i18n;
pub(crate) mod labels;
mod mine;
mod result;
mod upload;

use crate::i18n::use_i18n;
use crate::shared::page::use_title;
use i18n::Key;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, A};
use leptos_router::path;

pub use mine::MySection;

/// Every route of this journey, under /assistance.
#[component(transparent)]
pub fn AssistanceRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/assistance") view=JourneyFrame>
            <Route path=path!("") view=Start />
            <Route path=path!("check/result") view=result::CheckResult />
            <Route path=path!("check/:step") view=check::CheckStep />
            <Route path=path!("apply") view=apply::TaskList />
            <Route path=path!("apply/:task") view=apply::TaskPage />
            <Route path=path!("applications/:reference") view=mine::ApplicationPage />
        </ParentRoute>
    }
    .into_inner()
}

/// Provides the draft, standards and communities to every page of the journey.
#[component]
fn JourneyFrame() -> impl IntoView {
    draft::provide_journey();
    view! { <Outlet /> }
}

#[component]
fn Start() -> impl IntoView {
    let i18n = use_i18n();
    use_title(crate::i18n::Key::AssistanceTitle);
    view! {
        <h1>{move || i18n.t(crate::i18n::Key::AssistanceTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::StartLead)}</p>
        <ul class="list-bullet">
            <li>{move || i18n.t(Key::StartPoint1)}</li>
            <li>{move || i18n.t(Key::StartPoint2)}</li>
            <li>{move || i18n.t(Key::StartPoint3)}</li>
        </ul>
        <p>
            <A href="/assistance/check/residence" attr:class="button">
                {move || i18n.t(Key::StartCheck)}
            </A>
        </p>
        <p>
            <A href="/assistance/apply">{move || i18n.t(Key::ContinueApplication)}</A>
        </p>
        <p>
            <A href="/mine">{move || i18n.t(Key::MineHeading)}</A>
        </p>
    }
}
