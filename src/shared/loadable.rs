//! Loading and failure states for every request: a polite "loading" line while waiting, and on
//! failure a plain message with a retry button (never a dead end, never lost input).

use super::api::ClientError;
use super::ui::{Notice, NoticeKind};
use crate::i18n::{fill, use_i18n, I18n, Key, Msg};
use baoan_contract::error::ErrorCode;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// When the latest "too many requests" answer said the action is allowed again (ms since
    /// the epoch), so every place that shows `Key::ErrorRateLimited` can say how long to wait.
    static RETRY_AT_MS: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Seconds until the action refused by the latest 429 is allowed again; `None` when no wait is
/// known or it is over.
pub fn rate_limit_wait_seconds() -> Option<i64> {
    let at = RETRY_AT_MS.with(Cell::get)?;
    let left_ms = at - js_sys::Date::now();
    (left_ms > 0.0).then(|| (left_ms / 1000.0).ceil() as i64)
}

/// Seconds to wait, as whole minutes rounded up: 1 s → 1, 60 s → 1, 61 s → 2.
pub fn wait_minutes(seconds: i64) -> i64 {
    ((seconds.max(1) + 59) / 60).max(1)
}

/// The words for a wait of `seconds` (`ErrorRateLimitedWait`): whole minutes rounded up, or hours
/// (rounded up) once the wait is two hours or more. The one way every page says how long to wait.
pub fn wait_text(i18n: I18n, seconds: i64) -> String {
    if seconds < 2 * 3600 {
        let minutes = wait_minutes(seconds);
        fill(i18n.t_n(Key::ErrorRateLimitedWait, minutes), &[("minutes", &minutes.to_string())])
    } else {
        let hours = (seconds + 3599) / 3600;
        fill(i18n.t_n(Key::ErrorRateLimitedWaitHours, hours), &[("hours", &hours.to_string())])
    }
}

/// The text of a request-error key in the current language: a rate limit with a known wait says
/// how long to wait ([`wait_text`]); every other key is its plain text.
pub fn error_text(i18n: I18n, key: Key) -> String {
    match (key, rate_limit_wait_seconds()) {
        (Key::ErrorRateLimited, Some(seconds)) => wait_text(i18n, seconds),
        _ => i18n.t(key).to_string(),
    }
}

/// The wait a failed request asks for, as words; `None` unless it is a 429 saying when to retry.
pub fn wait_message(i18n: I18n, error: &ClientError) -> Option<String> {
    let ClientError::Api(e) = error else { return None };
    let seconds = e.retry_after_seconds.filter(|_| e.code == ErrorCode::RateLimited)?;
    Some(wait_text(i18n, seconds))
}

/// What to tell the resident about a failed request: the wait for a 429, else the usual message.
pub fn failure_text(i18n: I18n, error: &ClientError) -> String {
    wait_message(i18n, error).unwrap_or_else(|| i18n.t(error_key(error)).to_string())
}

/// "Try again in …" under a form, while `error` holds a 429 (nothing otherwise).
#[component]
pub fn WaitNotice(error: RwSignal<Option<ClientError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().and_then(|e| wait_message(i18n, &e)).map(|text| {
            view! {
                <Notice kind=NoticeKind::Error role="alert" attr:data-testid="wait">
                    <p>{text}</p>
                </Notice>
            }
        })
    }
}

#[component]
pub fn Loading(#[prop(into, default = Key::Loading.into())] what: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status" aria-live="polite">
            {move || i18n.t(what)}
        </p>
    }
}

/// The message a resident sees for a failed request (show it with [`error_text`], which adds the
/// wait to a rate limit).
pub fn error_key(error: &ClientError) -> Key {
    match error {
        ClientError::Network => Key::ErrorNetwork,
        ClientError::Api(e) => match e.code {
            ErrorCode::Unauthorized => Key::ErrorUnauthorized,
            ErrorCode::NotFound => Key::ErrorNotFound,
            ErrorCode::RateLimited => {
                if let Some(seconds) = e.retry_after_seconds {
                    RETRY_AT_MS.with(|at| at.set(Some(js_sys::Date::now() + seconds as f64 * 1000.0)));
                }
                Key::ErrorRateLimited
            }
            ErrorCode::Timeout | ErrorCode::Unavailable => Key::ErrorBusy,
            ErrorCode::StandardsNotConfigured => Key::ErrorStandardsNotConfigured,
            ErrorCode::Validation => Key::ErrorValidation,
            ErrorCode::PayloadTooLarge => Key::ErrorTooLarge,
            ErrorCode::Conflict => Key::ErrorConflict,
            ErrorCode::Forbidden => Key::ErrorForbidden,
            ErrorCode::IdentityVerificationRequired => Key::ErrorVerificationRequired,
            ErrorCode::IdentityVerificationFailed => Key::ErrorVerificationFailed,
            ErrorCode::IdentityVerifiedElsewhere => Key::ErrorVerifiedElsewhere,
            ErrorCode::BadRequest
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::MethodNotAllowed
            | ErrorCode::Internal
            | ErrorCode::Unknown => Key::ErrorServer,
        },
    }
}

#[component]
pub fn ErrorRetry(error: ClientError, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let key = error_key(&error);
    view! {
        <Notice kind=NoticeKind::Error role="alert">
            <p>{move || error_text(i18n, key)}</p>
            <button type="button" class="button button-secondary" on:click=move |_| on_retry.run(())>
                {move || i18n.t(Key::Retry)}
            </button>
        </Notice>
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
        <Transition fallback=|| {
            view! { <Loading /> }
        }>
            {move || {
                let children = children.clone();
                resource
                    .get()
                    .map(move |r| match r {
                        Ok(value) => children(value).into_any(),
                        Err(error) => {
                            view! { <ErrorRetry error=error on_retry=Callback::new(move |_| resource.refetch()) /> }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}
