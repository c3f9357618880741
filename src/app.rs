//! Starting a bundle: the settings, network and session providers, the shell, the bundle's
//! routes, and the hand-over to the server when a link leads to another bundle's page.

use crate::i18n::{register_journey_strings, JourneyStrings};
use crate::pages::NotFound;
use crate::shared::{api::provide_network, loadable::Loading, session::provide_session, settings::provide_settings};
use crate::shell::Shell;
use baoan_contract::bundle::Bundle;
use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos_router::components::{RouteChildren, Router, Routes, RoutesProps};
use leptos_router::hooks::use_location;
use leptos_router::MatchNestedRoutes;
use std::cell::RefCell;

thread_local! {
    /// The path this bundle was started for (see `Elsewhere`).
    static FIRST_PATH: RefCell<String> = const { RefCell::new(String::new()) };
    /// The bundle running (see `bundle`).
    static BUNDLE: std::cell::Cell<Bundle> = const { std::cell::Cell::new(Bundle::Home) };
}

/// The bundle this page runs: the staff pages' frame links to no resident page.
pub fn bundle() -> Bundle {
    BUNDLE.with(std::cell::Cell::get)
}

/// Mounts the app with `routes`, the routes of `bundle`, and the strings of the journeys it
/// carries (each `src/bin/<name>.rs` calls this).
pub fn mount<Defs>(bundle: Bundle, journeys: &[JourneyStrings], routes: impl FnOnce() -> Defs + Send + 'static)
where
    Defs: MatchNestedRoutes + Clone + Send + 'static,
{
    console_error_panic_hook::set_once();
    register_journey_strings(journeys);
    BUNDLE.with(|b| b.set(bundle));
    let first = window().location().pathname().unwrap_or_default();
    FIRST_PATH.with(|p| *p.borrow_mut() = first);
    leptos::mount::mount_to_body(move || {
        provide_settings();
        provide_network();
        // The staff pages have their own session (src/staff); a resident's is none of theirs.
        if bundle != Bundle::Staff {
            provide_session();
        }
        let fallback = move || view! { <Elsewhere bundle=bundle /> };
        // Built inside the shell's children, which run within <Router> (Routes needs its context).
        view! {
            <Router>
                <Shell>
                    {Routes(
                        RoutesProps::builder().fallback(fallback).children(RouteChildren::to_children(routes)).build(),
                    )}
                </Shell>
            </Router>
        }
    });
    // The app is on screen: the static splash from the page can go.
    if let Some(splash) = document().get_element_by_id("boot-splash") {
        splash.remove();
    }
}

/// No route of this bundle matches. If another bundle serves the path, the browser goes there
/// with a full page load, so the server sends that bundle's page (for a link the router has not
/// yet put the new address in the address bar; for back/forward it has, then it's a reload).
/// Otherwise — or if the server sent this bundle for that very path — the page does not exist.
#[component]
fn Elsewhere(bundle: Bundle) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    let served_here = FIRST_PATH.with(|p| *p.borrow() == path);
    if Bundle::for_path(&path) != bundle && !served_here {
        let with_prefix =
            |s: String, prefix: char| if s.is_empty() || s.starts_with(prefix) { s } else { format!("{prefix}{s}") };
        let url = format!(
            "{path}{}{}",
            with_prefix(location.search.get_untracked(), '?'),
            with_prefix(location.hash.get_untracked(), '#')
        );
        let browser = window().location();
        if browser.pathname().ok().as_deref() == Some(path.as_str()) {
            let _ = browser.reload();
        } else {
            // Replace, not assign: the router still records this navigation in the history
            // itself, and a second entry would make Back land on the same page again.
            let _ = browser.replace(&url);
        }
        view! { <Loading /> }.into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}
