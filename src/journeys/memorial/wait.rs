//! Refusals said kindly: a request refused for being too frequent (429) says how long to wait,
//! from the server's `retry_after_seconds`; every other failure gets its usual message.

use super::i18n::Key;
use crate::i18n::I18n;
use crate::shared::api::ClientError;
use crate::shared::loadable::error_key;
use baoan_contract::error::ErrorCode;

/// The wait, in whole minutes (under two hours) or hours, rounded up; `None` when the error is
/// not a 429 that says when to retry.
pub fn wait_message(i18n: I18n, error: &ClientError) -> Option<String> {
    let ClientError::Api(e) = error else { return None };
    let seconds = e.retry_after_seconds.filter(|_| e.code == ErrorCode::RateLimited)?.max(1);
    Some(if seconds < 2 * 3600 {
        i18n.t(Key::WaitMinutes).replace("{n}", &((seconds + 59) / 60).to_string())
    } else {
        i18n.t(Key::WaitHours).replace("{n}", &((seconds + 3599) / 3600).to_string())
    })
}

/// What to tell the resident about a failed request: the wait for a 429, else the usual message.
pub fn failure_text(i18n: I18n, error: &ClientError) -> String {
    wait_message(i18n, error).unwrap_or_else(|| i18n.t(error_key(error)).to_string())
}

/// "Try again in …" under a form, while `error` holds a 429 (nothing otherwise).
#[leptos::component]
pub fn WaitNotice(error: leptos::prelude::RwSignal<Option<ClientError>>) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let i18n = crate::i18n::use_i18n();
    move || {
        error.get().and_then(|e| wait_message(i18n, &e)).map(|text| {
            view! { <p class="notice notice-error" role="alert" data-testid="wait">{text}</p> }
        })
    }
}
