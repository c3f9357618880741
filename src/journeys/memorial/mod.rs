//! Tomb-sweeping booking and online memorials (祭扫) journey: its routes (here), its endpoints
//! (`api`), the booking kept on the device (`draft`), code→words helpers (`labels`), strings
//! (`i18n/`), the booking steps (`booking/`), the memorial pages (`memorials/`), proxy sweeping
//! (`proxy`) and its section of 我的 (`mine`).

pub(crate) mod api;
mod booking;
mod draft;
pub mod i18n;
mod info;
mod labels;
mod memorials;
mod mine;
mod proxy;
mod start;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;

pub use mine::MySection;

/// Every route of this journey, under /memorial.
#[component(transparent)]
pub fn MemorialRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/memorial") view=Outlet>
            <Route path=path!("") view=start::StartPage />
            <Route path=path!("/info") view=info::InfoPage />
            <Route path=path!("/book") view=booking::start::CemeteriesPage />
            <Route path=path!("/book/details") view=booking::details::DetailsPage />
            <Route path=path!("/book/check") view=booking::check::CheckPage />
            <Route path=path!("/book/:cemetery") view=booking::start::DaysPage />
            <Route path=path!("/book/:cemetery/:date") view=booking::slots::SlotsPage />
            <Route path=path!("/bookings/:id") view=booking::confirmation::ConfirmationPage />
            <Route path=path!("/memorials/new") view=memorials::new::NewMemorialPage />
            <Route path=path!("/memorials/:id") view=memorials::view::MemorialPage />
            <Route path=path!("/join/:token") view=memorials::join::JoinPage />
            <Route path=path!("/proxy") view=proxy::ProxyPage />
        </ParentRoute>
    }
    .into_inner()
}
