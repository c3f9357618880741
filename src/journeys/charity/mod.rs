//! Charity projects and named funds (慈善) journey: browse and search projects, read a
//! project's public ledger, browse named funds and the district's totals, give (sandbox
//! payment), get a receipt, and see every gift in 我的捐赠.
//!
//! Everything of this journey lives in this folder: its routes (below), one file per page,
//! its own strings (`i18n/`), and its section of 我的 (`mine.rs`).

mod api;
mod card;
mod district;
mod draft;
mod funds;
mod give;
pub mod i18n;
pub(crate) mod labels;
pub(crate) mod ledger;
mod list;
mod mine;
mod pager;
mod pay;
pub(crate) mod project;
mod receipt;

pub use mine::MySection;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::path;

/// Every route of this journey, under /charity.
#[component(transparent)]
pub fn CharityRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/charity") view=Outlet>
            <Route path=path!("") view=list::ProjectListPage />
            <Route path=path!("projects/:id") view=project::ProjectPage />
            <Route path=path!("projects/:id/give") view=give::GivePage />
            <Route path=path!("gifts/:id/pay") view=pay::PayPage />
            <Route path=path!("gifts/:id/receipt") view=receipt::ReceiptPage />
            <Route path=path!("funds") view=funds::FundsPage />
            <Route path=path!("funds/:id") view=funds::FundPage />
            <Route path=path!("district") view=district::DistrictPage />
        </ParentRoute>
    }
    .into_inner()
}
