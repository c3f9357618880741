//! 宝安民政 · 便民服务 — the resident app. Client-side rendered Leptos, compiled to WebAssembly.

mod account;
mod app;
mod i18n;
mod journeys;
mod pages;
mod shared;
mod shell;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    // The app is on screen: the static splash from index.html can go.
    if let Some(splash) = leptos::prelude::document().get_element_by_id("boot-splash") {
        splash.remove();
    }
}
