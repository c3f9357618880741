//! Who is signed in. The session itself is an HttpOnly cookie the app cannot read; the app asks
//! `/me` once at start and after sign-in, and forgets the resident on sign-out or a 401.

use super::api::{self, ClientError};
use crate::i18n::Key;
use crate::shared::loadable::{ErrorRetry, Loading};
use baoan_contract::api::Me;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
    /// False until the first `/me` answer arrives.
    pub checked: RwSignal<bool>,
    /// Set when `/me` could not be asked (network, server failure): not the same as signed out.
    pub failed: RwSignal<Option<ClientError>>,
}

impl Session {
    /// Asks the server who is signed in.
    pub fn refresh(self) {
        self.failed.set(None);
        spawn_local(async move {
            match api::get::<Me>("/me").await {
                Ok(me) => self.me.set(Some(me)),
                Err(e) if e.is_unauthorized() => self.me.set(None),
                Err(e) => self.failed.set(Some(e)),
            }
            self.checked.set(true);
        });
    }
}

pub fn provide_session() {
    let session = Session { me: RwSignal::new(None), checked: RwSignal::new(false), failed: RwSignal::new(None) };
    provide_context(session);
    session.refresh();
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Only a local path may be a return address (never `//host` or a full URL).
pub fn safe_return_path(next: Option<String>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p,
        _ => "/mine".to_string(),
    }
}

/// Shows `children` to a signed-in resident; sends anyone else to sign in, then back here.
#[component]
pub fn RequireSignIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let navigate = use_navigate();
    // The page this guards. Signing out navigates away and forgets the resident at once; by the
    // time this effect sees nobody signed in the address is already another page, which must
    // not be sent to sign-in.
    let guarded = location.pathname.get_untracked();
    Effect::new(move |_| {
        if session.checked.get()
            && session.failed.with(Option::is_none)
            && session.me.with(Option::is_none)
            && location.pathname.with_untracked(|p| *p == guarded)
        {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            let next = js_sys::encode_uri_component(&here).as_string().unwrap_or_default();
            navigate(&format!("/sign-in?next={next}"), Default::default());
        }
    });
    // Only whether someone is signed in decides what shows, not the details: a page that
    // refreshes `me` (我的, a saved profile) must not be torn down and built again (which would
    // ask the server again, for ever, and lose what the page was showing).
    let signed_in = Memo::new(move |_| session.me.with(Option::is_some));
    move || {
        if signed_in.get() {
            children().into_any()
        } else if let Some(error) = session.failed.get() {
            view! { <ErrorRetry error=error on_retry=Callback::new(move |_| session.refresh()) /> }.into_any()
        } else {
            view! { <Loading what=Key::LoadingAccount /> }.into_any()
        }
    }
}
