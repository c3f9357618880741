//! The app: settings and session providers, the shell, and every route.

use crate::account::{MessagesPage, Mine, ProfilePage, SignIn};
use crate::journeys::{assistance::AssistanceRoutes, charity::CharityRoutes, marriage::MarriageRoutes, memorial::MemorialRoutes};
use crate::pages::{Home, NotFound, Privacy, SettingsPage};
use crate::shared::{api::provide_network, session::provide_session, settings::provide_settings};
use crate::shell::Shell;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_settings();
    provide_network();
    provide_session();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <AssistanceRoutes />
                    <MarriageRoutes />
                    <CharityRoutes />
                    <MemorialRoutes />
                    <Route path=path!("/mine") view=Mine />
                    <Route path=path!("/mine/profile") view=ProfilePage />
                    <Route path=path!("/mine/messages") view=MessagesPage />
                    <Route path=path!("/sign-in") view=SignIn />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/privacy") view=Privacy />
                </Routes>
            </Shell>
        </Router>
    }
}
