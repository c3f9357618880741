//! Who is signed in. The session itself is an HttpOnly cookie the app cannot read; the app asks
//! `/me` once at start and after sign-in, and forgets the resident on sign-out or a 401.
//!
//! Shared phones: `forget_resident` is the one place that removes a resident's data from the
//! device — every journey's drafts and saved confirmations (localStorage under the personal
//! prefix), sessionStorage, and the service worker's caches — then loads a fresh page so
//! nothing stays in memory either. It runs when the resident signs out (`Session::signed_out`,
//! also for "sign out on all devices"), when any request answers 401 while someone was signed
//! in, when the app starts and finds the session of the device's last resident gone, and when a
//! different resident signs in.

use super::api::ClientError;
use super::storage;
use crate::i18n::Key;
use crate::shared::loadable::{ErrorRetry, Loading};
use baoan_contract::api::Me;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};
use std::cell::Cell;
use wasm_bindgen::JsCast;

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
            match crate::account::api::me().await {
                Ok(me) => self.signed_in(me),
                // The device still holds a resident's data but their session is gone (expired,
                // ended on another device, account deleted): forget it before anyone else uses it.
                Err(e) if e.is_unauthorized() && storage::get(&owner_key()).is_some() => {
                    forget_resident(After::Reload);
                    return;
                }
                Err(e) if e.is_unauthorized() => self.me.set(None),
                Err(e) => self.failed.set(Some(e)),
            }
            self.checked.set(true);
        });
    }

    /// Someone signed in (or `/me` said who). When the device holds another resident's data, it
    /// is removed first; then the device's data is marked as this resident's.
    pub fn signed_in(self, me: Me) {
        let owner = storage::get(&owner_key());
        if owner.as_deref().is_some_and(|o| o != me.user_id) {
            storage::clear_personal();
            spawn_local(clear_caches());
        }
        storage::set(&owner_key(), &me.user_id);
        self.me.set(Some(me));
    }

    /// The resident signed out (the server has ended the session, or it had already ended):
    /// everything of theirs leaves the device, and the home page loads afresh.
    pub fn signed_out(self) {
        forget_resident(After::Home);
    }
}

/// Who the data on this device belongs to (a user id; personal itself, so cleared with it).
fn owner_key() -> String {
    storage::personal_key("owner")
}

thread_local! {
    static CURRENT: Cell<Option<Session>> = const { Cell::new(None) };
    static FORGETTING: Cell<bool> = const { Cell::new(false) };
}

/// What to show once a resident's data is gone.
#[derive(Clone, Copy)]
pub enum After {
    /// The home page (after signing out).
    Home,
    /// This page again, from scratch (a guarded page then asks to sign in).
    Reload,
}

/// Removes everything of the resident from this device — localStorage but the language and
/// elder-mode settings, sessionStorage, the service worker's caches — then loads a fresh page
/// so no view, signal or pending autosave keeps any of it. The one place that clears.
pub fn forget_resident(after: After) {
    if FORGETTING.with(|f| f.replace(true)) {
        return;
    }
    // Who is signed in is left as it is until the page is replaced: forgetting it here would
    // send a guarded page to sign-in first (whose form would write a draft of its own).
    storage::clear_personal();
    spawn_local(async move {
        clear_caches().await;
        let location = window().location();
        let _ = match after {
            After::Home => location.replace("/"),
            After::Reload => location.reload(),
        };
    });
}

/// A request answered 401: if someone was signed in, their session has ended (expired,
/// signed out elsewhere, account deleted) and their data leaves the device.
pub fn session_gone() {
    let signed_in = CURRENT.with(Cell::get).is_some_and(|s| s.me.with_untracked(Option::is_some));
    if signed_in {
        forget_resident(After::Reload);
    }
}

/// Deletes every cache of the service worker (pages kept for offline use), through the page's
/// Cache API. Absent outside secure contexts: then there is nothing to delete.
async fn clear_caches() {
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen_futures::JsFuture;
    let Ok(caches) = Reflect::get(&window(), &"caches".into()) else { return };
    if caches.is_undefined() || caches.is_null() {
        return;
    }
    let method = |name: &str| Reflect::get(&caches, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    let (Some(keys), Some(delete)) = (method("keys"), method("delete")) else { return };
    let Some(listed) = keys.call0(&caches).ok().and_then(|p| p.dyn_into::<Promise>().ok()) else { return };
    let Ok(names) = JsFuture::from(listed).await else { return };
    for name in Array::from(&names).iter() {
        if let Some(done) = delete.call1(&caches, &name).ok().and_then(|p| p.dyn_into::<Promise>().ok()) {
            let _ = JsFuture::from(done).await;
        }
    }
}

pub fn provide_session() {
    let session = Session { me: RwSignal::new(None), checked: RwSignal::new(false), failed: RwSignal::new(None) };
    provide_context(session);
    CURRENT.with(|c| c.set(Some(session)));
    session.refresh();
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Only a path of the app may be a return address (never `//host`, a full URL or the API): the
/// contract's rule, which the server applies to 实名核验's return address too.
pub fn safe_return_path(next: Option<String>) -> String {
    baoan_contract::api::safe_return_to(next.as_deref().unwrap_or_default())
}

/// The address of 实名核验 that comes back to `here` (a path of the app; anything else comes
/// back to 我的, by the contract's rule).
pub fn verify_href(here: &str) -> String {
    let back = safe_return_path(Some(here.to_string()));
    format!("/mine/verify?return={}", js_sys::encode_uri_component(&back).as_string().unwrap_or_default())
}

/// Sends the resident to 实名核验, to come back to the page they are on (a full page load:
/// whatever they typed is in the page's draft on this device).
pub fn go_verify() {
    let location = window().location();
    let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let _ = location.assign(&verify_href(&here));
}

/// Shows `children` to a signed-in resident; sends anyone else to sign in, then back here.
#[component]
pub fn RequireSignIn(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let watched = Watched {
        checked: session.checked,
        failed: session.failed,
        signed_in: Signal::derive(move || session.me.with(Option::is_some)),
        retry: Callback::new(move |_| session.refresh()),
    };
    signed_in_only(watched, "/sign-in", Key::LoadingAccount.into(), children)
}

/// What a sign-in guard watches of a session (residents' here, staff's in the staff bundle).
#[derive(Clone, Copy)]
pub struct Watched {
    /// False until the session's first answer.
    pub checked: RwSignal<bool>,
    /// The session could not be asked (network, server): not the same as signed out.
    pub failed: RwSignal<Option<ClientError>>,
    pub signed_in: Signal<bool>,
    /// Asks the server again.
    pub retry: Callback<()>,
}

/// The one sign-in guard: `children` to someone signed in; anyone else goes to `sign_in` with
/// this page as `next`, to come back after. While the session is asked, `loading`; when it could
/// not be asked, the error with a retry.
pub fn signed_in_only(
    watched: Watched,
    sign_in: &'static str,
    loading: crate::i18n::Msg,
    children: ChildrenFn,
) -> AnyView {
    let location = use_location();
    let navigate = use_navigate();
    // The page this guards. Signing out navigates away and forgets the member at once; by the
    // time this effect sees nobody signed in the address is already another page, which must
    // not be sent to sign-in.
    let guarded = location.pathname.get_untracked();
    Effect::new(move |_| {
        if watched.checked.get()
            && watched.failed.with(Option::is_none)
            && !watched.signed_in.get()
            && location.pathname.with_untracked(|p| *p == guarded)
        {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            let next = js_sys::encode_uri_component(&here).as_string().unwrap_or_default();
            navigate(&format!("{sign_in}?next={next}"), Default::default());
        }
    });
    // Only whether someone is signed in decides what shows, not the details: a page that
    // refreshes who is signed in (我的, a saved profile) must not be torn down and built again
    // (which would ask the server again, for ever, and lose what the page was showing).
    let signed_in = Memo::new(move |_| watched.signed_in.get());
    (move || {
        if signed_in.get() {
            children().into_any()
        } else if let Some(error) = watched.failed.get() {
            view! { <ErrorRetry error=error on_retry=watched.retry /> }.into_any()
        } else {
            view! { <Loading what=loading /> }.into_any()
        }
    })
    .into_any()
}
