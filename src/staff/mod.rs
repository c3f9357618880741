//! The staff pages (issue 13), a bundle of their own that residents never download: sign-in with
//! a password and an authenticator code (`sign_in`), the reviewers' queue and who is signed in
//! (`home`), one application with the actions its step allows (`application`), and the gate's
//! check-in with the camera or a typed reference (`check_in`, `camera`), the charity editor's
//! projects and publications (`charity`, `charity_project`, `charity_forms`). Shaped like a journey:
//! the routes here, the endpoints in `api`, code→words in `labels`, strings in `i18n/`. Built from
//! the shared components only.

mod account;
mod accounts;
pub mod api;
mod api_more;
mod application;
mod arrivals;
mod audit;
mod camera;
mod charity;
mod charity_forms;
mod charity_project;
mod check_in;
mod home;
pub mod i18n;
mod labels;
mod password;
mod proxy;
mod reports;
mod session;
mod sign_in;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::path;

/// Every staff route, under /staff.
#[component(transparent)]
pub fn StaffRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/staff") view=session::StaffFrame>
            <Route path=path!("") view=home::HomePage />
            <Route path=path!("/sign-in") view=sign_in::SignInPage />
            <Route path=path!("/applications/:reference") view=application::ApplicationPage />
            <Route path=path!("/check-in") view=check_in::CheckInPage />
            <Route path=path!("/accounts") view=accounts::AccountsPage />
            <Route path=path!("/accounts/:id") view=account::AccountPage />
            <Route path=path!("/audit") view=audit::AuditPage />
            <Route path=path!("/reports") view=reports::ReportsPage />
            <Route path=path!("/password") view=password::PasswordPage />
            <Route path=path!("/proxy") view=proxy::ProxyPage />
            <Route path=path!("/charity") view=charity::CharityPage />
            <Route path=path!("/charity/:id") view=charity_project::ProjectPage />
            <Route path=path!("/charity/:id/line") view=charity_forms::LinePage />
            <Route path=path!("/charity/:id/disclosure") view=charity_forms::DisclosurePage />
        </ParentRoute>
    }
    .into_inner()
}
