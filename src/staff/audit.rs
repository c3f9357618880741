//! `/staff/audit`, for district admins: search the audit trail by who acted, what they did, on
//! what and between which days; the entries newest first (the server's page of at most 500), and
//! the same search as a CSV file to download. Each entry can unfold the fields its action changed,
//! `field: before → after`, read from the state recorded before and after (JSON objects as text,
//! parsed by the browser's own `JSON`, so the bundle carries no JSON library).

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
use js_sys::{Array, Object, JSON};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

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
            <Changes changes=changes(entry.before.as_deref(), entry.after.as_deref()) />
        </li>
    }
}

/// One field an action changed: its name (nested fields as `a.b`) and its value before and after
/// (`None`: absent, or no state recorded on that side).
#[derive(Debug, Clone, PartialEq)]
struct Change {
    field: String,
    before: Option<String>,
    after: Option<String>,
}

/// The fields whose value differs between the recorded states, in the order they were recorded
/// (the state before first, then fields only the state after has).
fn changes(before: Option<&str>, after: Option<&str>) -> Vec<Change> {
    let (before, after) = (fields(before), fields(after));
    let mut names: Vec<&String> = before.iter().map(|(k, _)| k).collect();
    names.extend(after.iter().map(|(k, _)| k).filter(|k| !before.iter().any(|(b, _)| b == *k)));
    let value = |side: &[(String, String)], name: &str| side.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    names
        .into_iter()
        .map(|name| Change { field: name.clone(), before: value(&before, name), after: value(&after, name) })
        .filter(|c| c.before != c.after)
        .collect()
}

/// A recorded state as (field, value as text) pairs, null fields left out; nothing for no state
/// or text that is not a JSON object.
fn fields(state: Option<&str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(value) = state.and_then(|text| JSON::parse(text).ok()) {
        if is_object(&value) {
            flatten("", &value, &mut out);
        }
    }
    out
}

fn is_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

fn flatten(prefix: &str, object: &JsValue, out: &mut Vec<(String, String)>) {
    for pair in Object::entries(&Object::from(object.clone())).iter() {
        let pair = Array::from(&pair);
        let name = pair.get(0).as_string().unwrap_or_default();
        let name = if prefix.is_empty() { name } else { format!("{prefix}.{name}") };
        let value = pair.get(1);
        if value.is_null() {
            // A null field is shown as absent, like one the state does not have.
            continue;
        }
        if is_object(&value) {
            flatten(&name, &value, out);
        } else {
            let text = value.as_string().or_else(|| JSON::stringify(&value).ok().and_then(|s| s.as_string()));
            out.push((name, text.unwrap_or_default()));
        }
    }
}

/// The changed fields, folded away under their count; nothing when nothing changed.
#[component]
fn Changes(changes: Vec<Change>) -> impl IntoView {
    let i18n = use_i18n();
    let n = changes.len() as i64;
    (n > 0).then(|| {
        let value = move |v: Option<String>| match v {
            Some(v) => view! { <span class="staff-audit-value">{v}</span> }.into_any(),
            None => view! { <span class="staff-audit-none">{move || i18n.t(Key::AuditNone)}</span> }.into_any(),
        };
        view! {
            <details class="staff-audit-changes">
                <summary>{move || fill(i18n.t_n(Key::AuditChanges, n), &[("count", &n.to_string())])}</summary>
                <ul>
                    {changes
                        .into_iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <code>{c.field}</code>
                                    ": "
                                    {value(c.before)}
                                    <span aria-hidden="true">" → "</span>
                                    <span class="visually-hidden">{move || i18n.t(Key::AuditBecame)}</span>
                                    {value(c.after)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    })
}
