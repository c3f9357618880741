//! Per-page document title, in the resident's language.

use crate::i18n::{use_i18n, Key, Msg};
use leptos::prelude::*;

/// Sets `<title>` to "page – site name" and keeps it in the chosen language.
pub fn use_title(page: impl Into<Msg>) {
    let i18n = use_i18n();
    let page = page.into();
    Effect::new(move |_| document().set_title(&format!("{} – {}", i18n.t(page), i18n.t(Key::SiteName))));
}

/// The home page's title: the site name alone.
pub fn use_site_title() {
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(i18n.t(Key::SiteName)));
}
