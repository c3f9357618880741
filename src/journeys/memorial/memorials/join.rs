//! Following a family invitation link: join the memorial's family, then open the memorial; a
//! link that no longer works says so plainly.

use crate::i18n::use_i18n;
use crate::journeys::memorial::api;
use crate::journeys::memorial::i18n::Key;
use crate::shared::api::ClientError;
use crate::shared::loadable::error_key;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{Notice, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Following an invitation link: join, then open the memorial.
#[component]
pub fn JoinPage() -> impl IntoView {
    use_title(Key::JoinTitle);
    view! {
        <RequireSignIn>
            <Join />
        </RequireSignIn>
    }
}

#[component]
fn Join() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<crate::i18n::Msg>);
    spawn_local(async move {
        match api::accept_invitation(token).await {
            Ok(m) => navigate(&format!("/memorial/memorials/{}", m.id), Default::default()),
            // Expired, used up, withdrawn, or removed by the owner: one plain explanation.
            Err(ClientError::Api(e)) if e.code == baoan_contract::ErrorCode::NotFound => {
                failed.set(Some(Key::InvitationInvalid.into()))
            }
            Err(e) => failed.set(Some(error_key(&e).into())),
        }
    });
    view! {
        <h1>{move || i18n.t(Key::JoinTitle)}</h1>
        {move || match failed.get() {
            None => view! { <p role="status">{move || i18n.t(Key::Joining)}</p> }.into_any(),
            Some(k) => {
                view! {
                    <Notice kind=NoticeKind::Error role="alert">
                        <p>{move || i18n.t(k)}</p>
                    </Notice>
                    <p>
                        <A href="/mine">{move || i18n.t(Key::MyMemorials)}</A>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}
