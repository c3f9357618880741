//! Loading and failure states for every request: a polite "loading" line while waiting, and on
//! failure a plain message with a retry button (never a dead end, never lost input).

use super::api::ClientError;
use crate::i18n::{use_i18n, Key, Msg};
use baoan_contract::error::ErrorCode;
use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into, default = Key::Loading.into())] what: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status" aria-live="polite">{move || i18n.t(what)}</p> }
}

/// The message a resident sees for a failed request.
pub fn error_key(error: &ClientError) -> Key {
    match error {
        ClientError::Network => Key::ErrorNetwork,
        ClientError::Api(e) => match e.code {
            ErrorCode::Unauthorized => Key::ErrorUnauthorized,
            ErrorCode::NotFound => Key::ErrorNotFound,
            ErrorCode::RateLimited => Key::ErrorRateLimited,
            ErrorCode::Validation => Key::ErrorValidation,
            ErrorCode::PayloadTooLarge => Key::ErrorTooLarge,
            ErrorCode::Conflict => Key::ErrorConflict,
            ErrorCode::Forbidden => Key::ErrorForbidden,
            ErrorCode::BadRequest | ErrorCode::Internal | ErrorCode::Unknown => Key::ErrorServer,
        },
    }
}

#[component]
pub fn ErrorRetry(error: ClientError, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let key = error_key(&error);
    view! {
        <div class="notice notice-error" role="alert">
            <p>{move || i18n.t(key)}</p>
            <button type="button" class="button button-secondary" on:click=move |_| on_retry.run(())>
                {move || i18n.t(Key::Retry)}
            </button>
        </div>
    }
}

/// Shows a resource's value through `children`, "loading" while it comes, and an error with a
/// retry button if it fails.
#[component]
pub fn Loaded<T, V, F>(resource: LocalResource<Result<T, ClientError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let children = std::sync::Arc::new(children);
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || {
                let children = children.clone();
                resource.get().map(move |r| match r {
                    Ok(value) => children(value).into_any(),
                    Err(error) => view! {
                        <ErrorRetry error=error on_retry=Callback::new(move |_| resource.refetch()) />
                    }.into_any(),
                })
            }}
        </Transition>
    }
}
