//! `/staff/check-in`, for gate staff and registry clerks: scan the visitor's QR code with the
//! camera (where the browser can: `camera`), or type the short reference — always offered. The
//! answer fills the width in large words and colour, one per contract `Verdict`, and is said in
//! the live region; "next visitor" clears it and puts the cursor back in the reference field.

use super::camera::{self, Scanner};
use super::i18n::Key;
use super::session::RequireStaff;
use super::{api, labels};
use crate::i18n::{fill, use_i18n, I18n};
use crate::shared::announce::announce;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, TextField};
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::marriage::clock_time;
use baoan_contract::rules::date::SHENZHEN_UTC_OFFSET;
use baoan_contract::staff::{CheckInAnswer, CheckInRequest, Verdict};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn CheckInPage() -> impl IntoView {
    use_title(Key::CheckInTitle);
    view! {
        <RequireStaff>
            <CheckIn />
        </RequireStaff>
    }
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
fn CheckIn() -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<CheckInAnswer>);
    let submit = Submit::new(api::check_in).on_done(move |a: CheckInAnswer| {
        let (title, text) = words(i18n, &a);
        announce(format!("{title} {text}"));
        answer.set(Some(a));
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked().trim().to_string();
        if typed.is_empty() {
            let mut errors = FieldErrors::new();
            errors.add("code", FieldError::Required);
            submit.refuse(errors);
            return;
        }
        answer.set(None);
        submit.send(CheckInRequest { code: typed });
    };
    let next = move |_| {
        answer.set(None);
        code.set(String::new());
        submit.errors.clear();
        request_animation_frame(|| focus("code"));
    };
    let busy = submit.pending();
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::CheckInTitle)}</h1>
        {submit.summary()}
        {move || answer.get().map(|a| view! { <Answer answer=a on_next=Callback::new(next) /> })}
        <p>{move || i18n.t(Key::CheckInIntro)}</p>
        <Scan on_code=Callback::new(move |text: String| {
            answer.set(None);
            submit.send(CheckInRequest { code: text });
        }) />
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField
                name="code"
                label=Key::RefLabel
                hint=Key::RefHint
                value=code
                errors=submit.errors
                autocomplete="off"
                maxlength=200
            />
            <button type="submit" class="button staff-big-button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Checking } else { Key::CheckButton })}
            </button>
        </form>
        <super::arrivals::Arrivals after=answer />
    }
}

/// The camera's button and video, where the browser can scan; otherwise a line saying to type.
#[component]
fn Scan(on_code: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    if !camera::supported() {
        return view! {
            <p class="hint" data-testid="no-camera">
                {move || i18n.t(Key::NoCamera)}
            </p>
        }
        .into_any();
    }
    let video = NodeRef::<leptos::html::Video>::new();
    let scanner = StoredValue::new_local(None::<Scanner>);
    // Which press of the button a camera that comes on belongs to: one asked for before "stop"
    // (or before leaving the page) is turned off as soon as it arrives.
    let attempt = StoredValue::new(0u32);
    let scanning = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let stop = move || {
        attempt.try_update_value(|n| *n += 1);
        scanner.try_update_value(|s| {
            if let Some(s) = s.take() {
                s.stop();
            }
        });
        scanning.try_set(false);
    };
    on_cleanup(stop);
    let start = move |_| {
        let Some(el) = video.get_untracked() else { return };
        failed.set(false);
        scanning.set(true);
        let mine = attempt.get_value();
        leptos::task::spawn_local(async move {
            let found = move |text: String| {
                scanning.try_set(false);
                on_code.run(text);
            };
            let started = camera::start(el, found).await;
            let current = attempt.try_get_value() == Some(mine);
            match started {
                Ok(s) if current => scanner.set_value(Some(s)),
                Ok(s) => s.stop(),
                Err(_) if current => {
                    scanning.set(false);
                    failed.set(true);
                }
                Err(_) => {}
            }
        });
    };
    view! {
        <div class="staff-scan">
            <video
                node_ref=video
                class="staff-scan-video"
                hidden=move || !scanning.get()
                playsinline=true
                muted=true
            ></video>
            {move || scanning.get().then(|| view! { <p role="status">{move || i18n.t(Key::Scanning)}</p> })}
            {move || {
                failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="error-message" role="alert">
                                {move || i18n.t(Key::CameraFailed)}
                            </p>
                        }
                    })
            }}
            <button
                type="button"
                class="button button-secondary staff-big-button"
                on:click=move |ev| if scanning.get_untracked() { stop() } else { start(ev) }
            >
                {move || i18n.t(if scanning.get() { Key::ScanStop } else { Key::ScanButton })}
            </button>
        </div>
    }
    .into_any()
}

fn slot_text(a: &CheckInAnswer) -> Option<String> {
    Some(format!("{}–{}", clock_time(a.starts_minute?), clock_time(a.ends_minute?)))
}

/// The verdict's headline and its explanation, with the slot, the margin and the dates filled in.
fn words(i18n: I18n, a: &CheckInAnswer) -> (String, String) {
    let (title, text) = labels::verdict(a.verdict);
    let slot = slot_text(a).unwrap_or_default();
    let text = match a.verdict {
        Verdict::TooEarly => {
            let from = clock_time(a.starts_minute.unwrap_or(0).saturating_sub(a.early_minutes));
            let minutes = a.early_minutes.to_string();
            fill(i18n.t_n(text, a.early_minutes.into()), &[("slot", &slot), ("minutes", &minutes), ("from", &from)])
        }
        Verdict::TooLate => {
            let until = clock_time(a.ends_minute.unwrap_or(0) + a.late_minutes);
            let minutes = a.late_minutes.to_string();
            fill(i18n.t_n(text, a.late_minutes.into()), &[("slot", &slot), ("minutes", &minutes), ("until", &until)])
        }
        Verdict::WrongDay => fill(i18n.t(text), &[("date", &a.day.map(|d| d.to_iso()).unwrap_or_default())]),
        Verdict::AlreadyUsed => {
            let at = a.arrived_at.map(|s| {
                let local = (s + i64::from(SHENZHEN_UTC_OFFSET)).rem_euclid(86_400);
                clock_time((local / 60) as u32)
            });
            fill(i18n.t(text), &[("time", &at.unwrap_or_default())])
        }
        _ => i18n.t(text).to_string(),
    };
    (i18n.t(title).to_string(), text)
}

/// The answer, full width: headline, explanation, and for a valid booking its slot and group.
#[component]
fn Answer(answer: CheckInAnswer, on_next: Callback<leptos::ev::MouseEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let tone = labels::tone(answer.verdict);
    let code = labels::code(answer.verdict);
    let a = answer.clone();
    let details = (answer.verdict == Verdict::Valid).then(|| {
        let day = answer.day.map(|d| d.to_iso()).unwrap_or_default();
        let slot = slot_text(&answer).unwrap_or_default();
        let group = answer.group_size.map(i64::from);
        let arrived = answer.slot_arrived.zip(answer.slot_capacity);
        view! {
            <dl class="staff-verdict-details">
                <dt>{move || i18n.t(Key::SlotLabel)}</dt>
                // A date and a time are never broken across lines.
                <dd>
                    <span class="staff-nowrap">{day}</span>
                    " "
                    <span class="staff-nowrap">{slot}</span>
                </dd>
                {group
                    .map(|n| {
                        view! {
                            <dt>{move || i18n.t(Key::GroupLabel)}</dt>
                            <dd>{move || fill(i18n.t_n(Key::GroupValue, n), &[("count", &n.to_string())])}</dd>
                        }
                    })}
                {arrived
                    .map(|(arrived, capacity)| {
                        view! {
                            <dt>{move || i18n.t(Key::ArrivedInSlot)}</dt>
                            <dd>
                                {move || fill(
                                    i18n.t(Key::ArrivedOf),
                                    &[("arrived", &arrived.to_string()), ("capacity", &capacity.to_string())],
                                )}
                            </dd>
                        }
                    })}
            </dl>
        }
    });
    view! {
        <section class=format!("staff-verdict staff-verdict--{tone}") data-verdict=code aria-labelledby="verdict-title">
            <h2 id="verdict-title" class="staff-verdict-title">
                {move || words(i18n, &a).0}
            </h2>
            <p class="staff-verdict-text">{move || words(i18n, &answer).1}</p>
            {details}
            <button type="button" class="button staff-big-button staff-next" on:click=move |ev| on_next.run(ev)>
                {move || i18n.t(Key::NextVisitor)}
            </button>
        </section>
    }
}
