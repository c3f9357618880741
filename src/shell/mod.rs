//! The frame around every page: skip link, header, banners, main region, footer.

mod banners;
mod footer;
mod header;
pub mod preferences;

use crate::i18n::{use_i18n, Key};
use crate::shared::announce::LiveRegion;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // After moving to another page, put keyboard and screen-reader focus on the new page's
    // heading (so its name is read first), not on the link that was just pressed.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_heading(0);
        }
        path
    });
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || i18n.t(Key::SkipToContent)}
        </a>
        <header::Header />
        <banners::DemoBanner />
        <banners::OfflineBanner />
        <main id="main" tabindex="-1" class="container">
            {children()}
        </main>
        <footer::Footer />
        <LiveRegion />
    }
}

/// The skip link focuses `<main>` by hand: the router handles in-page links itself, so the
/// browser's own move of focus to the fragment's target would not happen.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// How many frames (about two seconds) to wait for a page's heading that comes with its data.
const HEADING_WAIT_FRAMES: u32 = 120;

/// Focuses the heading of the page just shown. `<main>` holds focus meanwhile, so Tab goes on
/// from the new content. The router may swap the page in a little later, and a page that loads
/// its data shows its heading later still: for about two seconds, whenever the focus is nowhere
/// (on `<main>`, the body, or a heading that has just been removed), the current heading gets
/// it; once the resident has moved on, nothing more is done.
fn focus_heading(frame: u32) {
    let Some(main) = document().get_element_by_id("main") else { return };
    let main = main.unchecked_into::<web_sys::HtmlElement>();
    if frame == 0 {
        let _ = main.focus();
    }
    let active = document().active_element();
    let lost = active.as_ref().is_none_or(|a| {
        *a == *main || document().body().is_some_and(|b| *a == *b) || (a.tag_name() == "H1" && !a.is_connected())
    });
    let on_heading = active.as_ref().is_some_and(|a| a.tag_name() == "H1" && a.is_connected());
    if !lost && !on_heading {
        return;
    }
    if lost {
        if let Some(h1) = main.query_selector("h1").ok().flatten() {
            let h1 = h1.unchecked_into::<web_sys::HtmlElement>();
            // Focusable by script only: a heading is not a stop on the Tab path.
            h1.set_tab_index(-1);
            let _ = h1.focus();
        }
    }
    if frame < HEADING_WAIT_FRAMES {
        request_animation_frame(move || focus_heading(frame + 1));
    }
}
