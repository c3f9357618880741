//! The privacy notice: what we keep, for how long, where numbers are masked, and what the
//! server requires of the connection. The periods come from the contract's retention constants,
//! the same ones the server's purge job uses, so the page says what the server does.

use crate::i18n::{fill, use_i18n, Key};
use crate::shared::page::use_title;
use baoan_contract::api::{SESSION_TTL_SECONDS, SMS_CODE_TTL_SECONDS};
use baoan_contract::retention::{
    days, hours, IDEMPOTENCY_RECORD_SECONDS, PURGE_INTERVAL_SECONDS, RATE_EVENT_SECONDS, UNATTACHED_UPLOAD_SECONDS,
};
use leptos::prelude::*;

const SECTIONS: [(Key, Key); 5] = [
    (Key::PrivacyWhatHeading, Key::PrivacyWhatBody),
    (Key::PrivacyWhyHeading, Key::PrivacyWhyBody),
    (Key::PrivacyProtectHeading, Key::PrivacyProtectBody),
    (Key::PrivacyTransportHeading, Key::PrivacyTransportBody),
    (Key::PrivacyDeviceHeading, Key::PrivacyDeviceBody),
];

/// Each retention line and the numbers it states.
fn retention() -> [(Key, String, &'static str); 7] {
    let h = |s: i64| hours(s).to_string();
    [
        (Key::PrivacyKeepAccount, String::new(), ""),
        (Key::PrivacyKeepCodes, (SMS_CODE_TTL_SECONDS / 60).to_string(), "minutes"),
        (Key::PrivacyKeepSessions, days(SESSION_TTL_SECONDS).to_string(), "days"),
        (Key::PrivacyKeepLimits, h(RATE_EVENT_SECONDS), "hours"),
        (Key::PrivacyKeepReplays, h(IDEMPOTENCY_RECORD_SECONDS), "hours"),
        (Key::PrivacyKeepUploads, h(UNATTACHED_UPLOAD_SECONDS), "hours"),
        (Key::PrivacyKeepRecords, (PURGE_INTERVAL_SECONDS / 60).to_string(), "interval"),
    ]
}

#[component]
pub fn Privacy() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::PrivacyNotice);
    let section = |(heading, body): (Key, Key)| {
        view! {
            <h2>{move || i18n.t(heading)}</h2>
            <p>{move || i18n.t(body)}</p>
        }
    };
    view! {
        <h1>{move || i18n.t(Key::PrivacyNotice)}</h1>
        {SECTIONS[..2].iter().copied().map(section).collect_view()}
        <h2>{move || i18n.t(Key::PrivacyKeepHeading)}</h2>
        <ul class="retention" data-testid="retention">
            {retention().into_iter().map(|(key, value, name)| view! {
                <li>{move || fill(i18n.t(key), &[(name, value.as_str())])}</li>
            }).collect_view()}
        </ul>
        {SECTIONS[2..].iter().copied().map(section).collect_view()}
        <h2>{move || i18n.t(Key::PrivacyRightsHeading)}</h2>
        <p>{move || i18n.t(Key::PrivacyRightsBody)}</p>
    }
}
