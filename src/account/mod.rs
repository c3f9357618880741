//! 我的: sign-in, the resident's own page and profile.

pub mod api;
mod data;
mod messages;
mod mine;
pub mod profile;
mod sign_in;
pub mod verify;

pub use data::MyDataPage;
pub use messages::MessagesPage;
pub use mine::Mine;
pub use profile::ProfilePage;
pub use sign_in::SignIn;
pub use verify::{VerifyPage, VerifyReturnPage};

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

/// 我的 and its pages (the Mine bundle): they gather every journey's records and messages.
#[component(transparent)]
pub fn MineRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/mine") view=Mine />
        <Route path=path!("/mine/profile") view=ProfilePage />
        <Route path=path!("/mine/messages") view=MessagesPage />
        <Route path=path!("/mine/data") view=MyDataPage />
        <Route path=path!("/mine/verify") view=VerifyPage />
        <Route path=path!("/mine/verify/return") view=VerifyReturnPage />
    }
    .into_inner()
    // Several sibling routes: one type whether or not components are type-erased.
    .into_any_nested_route()
}
