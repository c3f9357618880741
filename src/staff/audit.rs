//! `/staff/audit`, for district admins: search the audit trail by who acted, what they did, on
//! what and between which days; the entries newest first (the server's page of at most 500), and
//! the same search as a CSV file to download.

use super::i18n::Key;
use super::labels;
use super::{api_more as api, session::RequireStaff};
use crate::i18n::{fill, use_i18n};
use crate::shared::form::FormErrors;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, SummaryList, SummaryRow, TextField};
use baoan_contract::marriage::clock_time;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use baoan_contract::staff::{AuditEntry, AuditQuery};
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    use_title(Key::AuditTitle);
    view! {
        <RequireStaff>
            <Audit />
        </RequireStaff>
    }
}

/// A moment as Shenzhen's date and time.
pub fn when(at: i64) -> String {
    let local = (at + i64::from(SHENZHEN_UTC_OFFSET)).rem_euclid(86_400);
    format!("{} {}", Date::from_unix_seconds(at, SHENZHEN_UTC_OFFSET).to_iso(), clock_time((local / 60) as u32))
}

/// A chosen day (the date input's YYYY-MM-DD) as the first second of that day in Shenzhen.
fn day_start(typed: &str) -> Option<i64> {
    let day = Date::parse_iso(typed.trim())?;
    Some(day.days_since_epoch() * 86_400 - i64::from(SHENZHEN_UTC_OFFSET))
}

fn typed(s: RwSignal<String>) -> Option<String> {
    Some(s.get_untracked().trim().to_string()).filter(|s| !s.is_empty())
}

#[component]
fn Audit() -> impl IntoView {
    let i18n = use_i18n();
    let (actor, action, subject) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (from, until) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = FormErrors::new();
    let query = RwSignal::new(AuditQuery::default());
    let entries = LocalResource::new(move || api::audit(query.get()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from_at = day_start(&from.get_untracked());
        // Until the end of the day chosen: the start of the next.
        let until_at = day_start(&until.get_untracked()).map(|s| s + 86_400);
        query.set(AuditQuery {
            actor: typed(actor),
            action: typed(action),
            subject_id: typed(subject),
            from: from_at,
            until: until_at,
            format: None,
        });
    };
    let csv = move || api::audit_csv_url(&query.get());
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::AuditTitle)}</h1>
        <form novalidate on:submit=on_submit class="staff-form" role="search">
            <TextField name="actor" label=Key::AuditActor hint=Key::AuditActorHint value=actor errors=errors />
            <TextField name="action" label=Key::AuditAction hint=Key::AuditActionHint value=action errors=errors />
            <TextField name="subject_id" label=Key::AuditSubject value=subject errors=errors />
            <TextField name="from" label=Key::AuditFrom value=from errors=errors input_type="date" />
            <TextField name="until" label=Key::AuditUntil value=until errors=errors input_type="date" />
            <button type="submit" class="button">
                {move || i18n.t(Key::AuditSearch)}
            </button>
        </form>
        <p>
            <a href=csv class="button button-secondary" download="audit.csv">
                {move || i18n.t(Key::AuditCsv)}
            </a>
        </p>
        <Loaded resource=entries let:found>
            <AuditList entries=found />
        </Loaded>
    }
}

#[component]
fn AuditList(entries: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let n = entries.len() as i64;
    view! {
        <h2 aria-live="polite">{move || fill(i18n.t_n(Key::AuditCount, n), &[("count", &n.to_string())])}</h2>
        <ul class="staff-queue staff-audit">
            {entries.into_iter().map(|e| view! { <AuditRow entry=e /> }).collect_view()}
        </ul>
    }
}

#[component]
fn AuditRow(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let role = entry.role;
    view! {
        <li class="staff-queue-item staff-audit-entry">
            <p class="staff-queue-title">
                <code>{entry.action.clone()}</code>
            </p>
            <SummaryList>
                <SummaryRow label=Key::AuditWhen>{when(entry.at)}</SummaryRow>
                <SummaryRow label=Key::AuditActor>
                    {entry.actor.clone()}" · "{move || i18n.t(labels::role(role))}
                </SummaryRow>
                <SummaryRow label=Key::AuditSubject>
                    {format!("{} {}", entry.subject_kind, entry.subject_id)}
                </SummaryRow>
                {entry.reason.clone().map(|r| view! { <SummaryRow label=Key::ReasonLabel>{r}</SummaryRow> })}
            </SummaryList>
        </li>
    }
}
