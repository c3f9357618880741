//! Marriage registration booking (婚姻登记预约) journey: choose what, where and when, both
//! parties, extras and what to bring, check, book; the partner confirms by SMS code; then the
//! confirmation with reference, QR code and calendar file. One page per step (GOV.UK pattern);
//! the draft lives on the device (`draft.rs`).

mod booking;
mod check;
mod day;
mod draft;
mod extras;
pub mod i18n;
mod mine;
mod office;
mod parties;
mod reschedule;
mod second_visit;
mod slot;
mod start;
mod text;

pub use mine::MySection;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::{path, MatchNestedRoutes};

/// Every route of this journey, under /marriage.
#[component(transparent)]
pub fn MarriageRoutes() -> impl MatchNestedRoutes + Clone {
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
    view! { <div class="marriage"><Outlet /></div> }
}
