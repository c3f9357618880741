//! Tomb-sweeping booking and online memorials (祭扫) journey: its routes, pages, strings
//! (`i18n/`) and its section of 我的.

mod book_check;
mod book_details;
mod book_slots;
mod book_start;
mod confirmation;
mod draft;
mod family;
pub mod i18n;
mod info;
mod memorial_new;
mod memorial_view;
mod mine;
mod photo;
mod proxy;
mod publish;
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
            <Route path=path!("/book") view=book_start::CemeteriesPage />
            <Route path=path!("/book/details") view=book_details::DetailsPage />
            <Route path=path!("/book/check") view=book_check::CheckPage />
            <Route path=path!("/book/:cemetery") view=book_start::DaysPage />
            <Route path=path!("/book/:cemetery/:date") view=book_slots::SlotsPage />
            <Route path=path!("/bookings/:id") view=confirmation::ConfirmationPage />
            <Route path=path!("/memorials/new") view=memorial_new::NewMemorialPage />
            <Route path=path!("/memorials/:id") view=memorial_view::MemorialPage />
            <Route path=path!("/join/:token") view=memorial_view::JoinPage />
            <Route path=path!("/proxy") view=proxy::ProxyPage />
        </ParentRoute>
    }
    .into_inner()
}

/// "08:00–09:00" from minutes after midnight.
pub fn time_range(start: u32, end: u32) -> String {
    format!("{:02}:{:02}–{:02}:{:02}", start / 60, start % 60, end / 60, end % 60)
}
