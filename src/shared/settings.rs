//! The resident's language and elder mode: chosen once, kept across reloads (localStorage), and
//! applied to <html> (lang attribute, `elder` class). public/boot.js applies the same stored
//! choice before the WebAssembly loads, so a reload never flashes the wrong language or size.

use super::storage::{self, ELDER_KEY, LANG_KEY};
use crate::i18n::{I18n, Lang};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Settings {
    pub lang: RwSignal<Lang>,
    pub elder: RwSignal<bool>,
}

pub fn provide_settings() {
    let lang = RwSignal::new(storage::get(LANG_KEY).and_then(|t| Lang::from_tag(&t)).unwrap_or(Lang::ZhHans));
    let elder = RwSignal::new(storage::get(ELDER_KEY).as_deref() == Some("1"));
    let root = document().document_element();
    Effect::new({
        let root = root.clone();
        move |_| {
            let l = lang.get();
            storage::set(LANG_KEY, l.tag());
            if let Some(r) = &root {
                let _ = r.set_attribute("lang", l.tag());
            }
        }
    });
    Effect::new(move |_| {
        let on = elder.get();
        storage::set(ELDER_KEY, if on { "1" } else { "0" });
        if let Some(r) = &root {
            let _ = r.class_list().toggle_with_force("elder", on);
        }
    });
    provide_context(Settings { lang, elder });
    provide_context(I18n { lang });
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
