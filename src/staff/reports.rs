//! `/staff/reports`, for moderators: the open reports on memorial messages, oldest first, each
//! with the memorial's name, the reported message and the reporter's reason. A moderator hides the
//! message (the contract's `ReportHandle::validate` wants a reason, kept in the audit trail) or
//! dismisses the report; a report another moderator handled first is said plainly (409).

use super::i18n::Key;
use super::{api_more as api, audit::when, session::RequireStaff};
use crate::i18n::{fill, use_i18n};
use crate::shared::announce::announce;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, NoticeKind, SummaryList, SummaryRow, TextField};
use baoan_contract::memorial::reports::{ReportHandle, ReportList, ReportView, DISMISS, HIDE_MESSAGE};
use leptos::prelude::*;

#[component]
pub fn ReportsPage() -> impl IntoView {
    use_title(Key::ReportsTitle);
    view! {
        <RequireStaff>
            <Reports />
        </RequireStaff>
    }
}

#[component]
fn Reports() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::reports);
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::ReportsTitle)}</h1>
        <Loaded resource=list let:found>
            <ReportItems found=found />
        </Loaded>
    }
}

#[component]
fn ReportItems(found: ReportList) -> impl IntoView {
    let i18n = use_i18n();
    if found.items.is_empty() {
        return view! { <p class="staff-queue-empty">{move || i18n.t(Key::ReportsEmpty)}</p> }.into_any();
    }
    let n = found.total;
    view! {
        <p>{move || fill(i18n.t_n(Key::ReportsCount, n), &[("count", &n.to_string())])}</p>
        <ul class="staff-queue">{found.items.into_iter().map(|r| view! { <Report report=r /> }).collect_view()}</ul>
    }
    .into_any()
}

#[component]
fn Report(report: ReportView) -> impl IntoView {
    let i18n = use_i18n();
    let handled = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let has_message = report.message_id.is_some() && !report.message_hidden;
    let id = report.id.clone();
    let submit = Submit::new(api::handle_report).on_done(move |r: ReportView| {
        let key = if r.status == "hidden" { Key::ReportHidden } else { Key::ReportDismissed };
        announce(i18n.t(key));
        handled.set(Some(r.status));
    });
    // One form with two buttons: which one was pressed is the action.
    let send = move |action: &'static str| {
        let req = ReportHandle { action: action.into(), reason: Some(reason.get_untracked()) };
        match req.validate(has_message) {
            Err(errors) => {
                let mut named = baoan_contract::error::FieldErrors::new();
                for (field, e) in errors.0 {
                    named.add(&format!("{field}-{}", id), e);
                }
                submit.refuse(named);
            }
            Ok((_, reason)) => submit.send((id.clone(), ReportHandle { action: action.into(), reason })),
        }
    };
    let reason_field = field_name(&report.id);
    let busy = submit.pending();
    let heading = fill(i18n.t(Key::ReportOn), &[("name", &report.deceased_name)]);
    view! {
        <li class="staff-queue-item staff-report">
            <h2 class="staff-queue-title">{heading}</h2>
            <SummaryList>
                {report
                    .message_text
                    .clone()
                    .map(|text| {
                        view! {
                            <SummaryRow label=Key::ReportMessage>
                                <blockquote class="staff-quote">{text}</blockquote>
                            </SummaryRow>
                        }
                    })} <SummaryRow label=Key::ReportReason>{report.reason.clone()}</SummaryRow>
                <SummaryRow label=Key::AuditWhen>{when(report.created_at)}</SummaryRow>
            </SummaryList>
            {move || match handled.get() {
                Some(status) => {
                    let key = if status == "hidden" { Key::ReportHidden } else { Key::ReportDismissed };
                    view! {
                        <Notice kind=NoticeKind::Success>
                            <p>{move || i18n.t(key)}</p>
                        </Notice>
                    }
                        .into_any()
                }
                None => {
                    let send = send.clone();
                    let send2 = send.clone();
                    view! {
                        {submit.summary()}
                        <form novalidate class="staff-form" on:submit=move |ev| ev.prevent_default()>
                            <TextField
                                name=reason_field
                                label=Key::ReasonLabel
                                hint=Key::ReportReasonHint
                                value=reason
                                errors=submit.errors
                            />
                            <div class="staff-actions">
                                {has_message
                                    .then(|| {
                                        view! {
                                            <button
                                                type="submit"
                                                class="button button-warning"
                                                disabled=busy
                                                on:click=move |ev| {
                                                    ev.prevent_default();
                                                    send(HIDE_MESSAGE)
                                                }
                                            >
                                                {move || i18n.t(Key::ReportHide)}
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    disabled=busy
                                    on:click=move |_| send2(DISMISS)
                                >
                                    {move || i18n.t(Key::ReportDismiss)}
                                </button>
                            </div>
                        </form>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}

/// The reason field's name and element id for one report (the shared `TextField` takes a
/// `&'static str`): made once per report and kept for the page's life, so reloading the queue
/// never makes it again.
fn field_name(report: &str) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static NAMES: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
    }
    NAMES.with(|names| {
        *names
            .borrow_mut()
            .entry(report.to_string())
            .or_insert_with(|| Box::leak(format!("reason-{report}").into_boxed_str()))
    })
}
