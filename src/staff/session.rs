//! Who is signed in on the staff pages. The staff session is its own HttpOnly cookie (never a
//! resident's); the pages ask `/staff/me` when the bundle starts and after signing in, and every
//! staff page but sign-in sends anyone not signed in to sign in, then back.

use super::api;
use super::i18n::Key;
use crate::i18n::use_i18n;
use crate::shared::api::ClientError;
use crate::shared::session::{signed_in_only, Watched};
use baoan_contract::staff::StaffMe;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_navigate;

#[derive(Clone, Copy)]
pub struct StaffSession {
    pub me: RwSignal<Option<StaffMe>>,
    /// False until the first `/staff/me` answer.
    pub checked: RwSignal<bool>,
    /// `/staff/me` could not be asked (network, server): not the same as signed out.
    pub failed: RwSignal<Option<ClientError>>,
}

impl StaffSession {
    pub fn refresh(self) {
        self.failed.set(None);
        spawn_local(async move {
            match api::me().await {
                Ok(me) => self.me.set(Some(me)),
                Err(e) if e.is_unauthorized() => self.me.set(None),
                Err(e) => self.failed.set(Some(e)),
            }
            self.checked.set(true);
        });
    }
}

pub fn use_staff() -> StaffSession {
    expect_context::<StaffSession>()
}

/// The frame of every `/staff` page: the staff session, asked once.
#[component]
pub fn StaffFrame() -> impl IntoView {
    let session = StaffSession { me: RwSignal::new(None), checked: RwSignal::new(false), failed: RwSignal::new(None) };
    provide_context(session);
    session.refresh();
    view! { <Outlet /> }
}

/// Shows `children` to a signed-in staff member; sends anyone else to sign in, then back here
/// (the app's one guard, `shared::session::signed_in_only`, on the staff session).
#[component]
pub fn RequireStaff(children: ChildrenFn) -> impl IntoView {
    let session = use_staff();
    let watched = Watched {
        checked: session.checked,
        failed: session.failed,
        signed_in: Signal::derive(move || session.me.with(Option::is_some)),
        retry: Callback::new(move |_| session.refresh()),
    };
    signed_in_only(watched, "/staff/sign-in", crate::i18n::Key::Loading.into(), children)
}

/// Where a staff page may send the browser back to after sign-in: a staff path, else `/staff`.
pub fn staff_return_path(next: Option<String>) -> String {
    let path = crate::shared::session::safe_return_path(next);
    if path == "/staff" || path.starts_with("/staff/") || path.starts_with("/staff?") {
        path
    } else {
        "/staff".into()
    }
}

/// Signs out: the session ends on the server, and the browser goes to sign-in.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_staff();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let sign_out = move |_| {
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            // Whatever the answer, this page forgets the member; a failed request leaves a
            // session that ends by itself at the end of the shift.
            let _ = api::sign_out().await;
            session.me.set(None);
            busy.set(false);
            navigate("/staff/sign-in", Default::default());
        });
    };
    view! {
        <p class="staff-sign-out">
            <button type="button" class="button button-secondary" disabled=busy on:click=sign_out>
                {move || i18n.t(Key::SignOut)}
            </button>
        </p>
    }
}
