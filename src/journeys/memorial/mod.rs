//! Tomb-sweeping booking and online memorials (祭扫) journey.
//!
//! Not online yet: its start page says so plainly. Everything of this journey lives in this
//! folder: its routes (below), pages, its own strings (`i18n/`), and its section of 我的.

pub mod i18n;

use crate::i18n::{use_i18n, Key as Shared};
use crate::shared::coming_soon::ComingSoon;
use i18n::Key;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::{path, MatchNestedRoutes};

/// Every route of this journey, under /memorial.
#[component(transparent)]
pub fn MemorialRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/memorial") view=Outlet>
            <Route path=path!("") view=Start />
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn Start() -> impl IntoView {
    view! { <ComingSoon title=Shared::MemorialTitle summary=Shared::MemorialSummary /> }
}

/// This journey's section of 我的.
#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="mine-section">
            <h2>{move || i18n.t(Key::MineHeading)}</h2>
            <p class="hint">{move || i18n.t(Key::MineEmpty)}</p>
        </section>
    }
}
