//! Per-page document title, in the resident's language.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// Sets `<title>` to "page – 宝安民政 · 便民服务" and keeps it in the chosen language.
pub fn use_title(page: Key) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let site = i18n.t(Key::SiteName);
        let title = if page == Key::SiteName { site.to_string() } else { format!("{} – {}", i18n.t(page), site) };
        document().set_title(&title);
    });
}
