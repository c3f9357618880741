//! Marriage registration booking (婚姻登记预约) journey: choose what, where and when, both
//! parties, extras and what to bring, check, book; the partner confirms in their own account; then the
//! confirmation with reference, QR code and calendar file. One page per step (GOV.UK pattern);
//! the draft lives on the device (`draft.rs`).

pub(crate) mod api;
mod booking;
mod check;
mod confirm_time;
mod day;
mod draft;
mod extras;
pub mod i18n;
mod identity;
mod labels;
mod mine;
mod office;
mod parties;
mod reschedule;
mod second_visit;
mod slot;
mod start;

pub use mine::MySection;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// Scrolls the page back to its top, e.g. when the next step of a page appears.
pub(crate) fn to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Every route of this journey, under /marriage.
#[component(transparent)]
pub fn MarriageRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/marriage") view=Journey>
            <Route path=path!("") view=start::Start />
            <Route path=path!("office") view=office::OfficePage />
            <Route path=path!("day") view=day::DayPage />
            <Route path=path!("slot") view=slot::SlotPage />
            <Route path=path!("parties") view=parties::PartiesPage />
            <Route path=path!("extras") view=extras::ExtrasPage />
            <Route path=path!("check") view=check::CheckPage />
            <Route path=path!("bookings/:id") view=booking::BookingPage />
            <Route path=path!("bookings/:id/reschedule") view=reschedule::ReschedulePage />
            <Route path=path!("bookings/:id/second-visit") view=second_visit::SecondVisitPage />
        </ParentRoute>
    }
    .into_inner()
}

#[component]
fn Journey() -> impl IntoView {
    draft::provide_draft();
    // Each step is a new page: start it at the top (a long day list left the next step scrolled
    // past its heading on a phone).
    let location = use_location();
    Effect::new(move |before: Option<String>| {
        let path = location.pathname.get();
        if before.is_some_and(|b| b != path) {
            to_top();
        }
        path
    });
    view! {
        <div class="marriage">
            <Outlet />
        </div>
    }
}
