//! The privacy notice: what we keep, for how long, where numbers are masked, and what the
//! server requires of the connection. The periods come from the contract's retention constants,
//! the same ones the server's purge job uses, so the page says what the server does.

use crate::i18n::{fill, use_i18n, Key};
use crate::shared::page::use_title;
use baoan_contract::api::{KNOWN_DEVICE_SECONDS, SESSION_MAX_AGE_SECONDS, SESSION_TTL_SECONDS, SMS_CODE_TTL_SECONDS};
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

/// Each retention line and the numbers it states (placeholder name, value); a line with one
/// number takes that number's plural form.
fn retention() -> [(Key, Vec<(&'static str, i64)>); 8] {
    let h = hours;
    let d = days;
    [
        (Key::PrivacyKeepAccount, vec![]),
        (Key::PrivacyKeepCodes, vec![("minutes", SMS_CODE_TTL_SECONDS / 60)]),
        (Key::PrivacyKeepSessions, vec![("days", d(SESSION_TTL_SECONDS)), ("max_days", d(SESSION_MAX_AGE_SECONDS))]),
        (Key::PrivacyKeepDevices, vec![("days", d(KNOWN_DEVICE_SECONDS))]),
        (Key::PrivacyKeepLimits, vec![("hours", h(RATE_EVENT_SECONDS))]),
        (Key::PrivacyKeepReplays, vec![("hours", h(IDEMPOTENCY_RECORD_SECONDS))]),
        (Key::PrivacyKeepUploads, vec![("hours", h(UNATTACHED_UPLOAD_SECONDS))]),
        (Key::PrivacyKeepRecords, vec![("interval", PURGE_INTERVAL_SECONDS / 60)]),
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
            {retention()
                .into_iter()
                .map(|(key, values)| {
                    view! {
                        <li>
                            {move || {
                                let figures: Vec<(&str, String)> = values
                                    .iter()
                                    .map(|(n, v)| (*n, v.to_string()))
                                    .collect();
                                let pairs: Vec<(&str, &str)> = figures.iter().map(|(n, v)| (*n, v.as_str())).collect();
                                match values[..] {
                                    [(_, n)] => fill(i18n.t_n(key, n), &pairs),
                                    _ => fill(i18n.t(key), &pairs),
                                }
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {SECTIONS[2..].iter().copied().map(section).collect_view()}
        <h2>{move || i18n.t(Key::PrivacyRightsHeading)}</h2>
        <p>{move || i18n.t(Key::PrivacyRightsBody)}</p>
    }
}
