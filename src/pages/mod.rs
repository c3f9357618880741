//! Pages that belong to no journey.

mod home;
mod not_found;
mod privacy;
mod settings;

pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;
pub use settings::SettingsPage;

use crate::account::SignIn;
use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// The routes every bundle has: home, sign-in (a journey sends the resident there and back),
/// settings and the privacy notice.
#[component(transparent)]
pub fn CoreRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/") view=Home />
        <Route path=path!("/sign-in") view=SignIn />
        <Route path=path!("/settings") view=SettingsPage />
        <Route path=path!("/privacy") view=Privacy />
    }
    .into_inner()
    // Several sibling routes: one type whether or not components are type-erased.
    .into_any_nested_route()
}
