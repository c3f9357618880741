//! `/staff/applications/{reference}`: one application at the reviewer's step and place — where
//! it stands, the household, the documents, the progress — and the actions the contract allows
//! at its step (`ReviewAction::allowed`), each asking for a reason where a reason is required.
//! After an action the reviewer is back at the queue, which reflects it; the server's refusals
//! (another reviewer acted first: 409; not theirs: 404) are said plainly.

use super::home::stage_words;
use super::i18n::Key;
use super::session::RequireStaff;
use super::{api, labels};
use crate::i18n::{fill, use_i18n};
use crate::journeys::assistance::labels as words;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, RadioOption, Radios, SummaryList, SummaryRow, TextField};
use baoan_contract::assistance::{ApplicationView, DocumentKind, Stage};
use baoan_contract::error::{ErrorCode, FieldError, FieldErrors};
use baoan_contract::mask::{mask_id_number, mask_phone};
use baoan_contract::staff::{check_reason, ReviewAction, StaffReview};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn ApplicationPage() -> impl IntoView {
    use_title(Key::ActionTitle);
    view! {
        <RequireStaff>
            <Application />
        </RequireStaff>
    }
}

#[component]
fn Application() -> impl IntoView {
    let params = use_params_map();
    let reference = params.with_untracked(|p| p.get("reference")).unwrap_or_default();
    let app = LocalResource::new({
        let reference = reference.clone();
        move || api::application(reference.clone())
    });
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <Loaded resource=app let:view>
            <Overview app=view.clone() />
            <Decide app=view on_conflict=Callback::new(move |_| app.refetch()) />
        </Loaded>
    }
}

/// Where the application stands, the household, the documents and the progress.
#[component]
fn Overview(app: ApplicationView) -> impl IntoView {
    let i18n = use_i18n();
    let (programme, state) = (app.programme, app.state);
    let current = app.timeline.iter().find(|t| t.stage == app.stage).copied();
    let days = current.map_or(0, |t| t.days);
    let stage = app.stage;
    let due = current.and_then(|t| t.due_by).map(|d| d.to_iso());
    let applicant = app.form.applicant.clone();
    view! {
        <h1>{move || i18n.t(words::programme(programme))}</h1>
        <SummaryList>
            <SummaryRow label=Key::Reference>{app.reference.clone()}</SummaryRow>
            <SummaryRow label=Key::State>{move || i18n.t(words::status(state))}</SummaryRow>
            <SummaryRow label=Key::Step>{move || stage_words(i18n, stage, days)}</SummaryRow>
            <SummaryRow label=Key::SubmittedOn>{app.submitted_on.to_iso()}</SummaryRow>
            {due.map(|date| view! { <SummaryRow label=Key::DueLabel>{move || fill(i18n.t(Key::DueBy), &[("date", &date)])}</SummaryRow> })}
        </SummaryList>
        <h2>{move || i18n.t(Key::HouseholdTitle)}</h2>
        <SummaryList>
            <SummaryRow label=Key::Applicant>{applicant.name.clone()}</SummaryRow>
            <SummaryRow label=Key::IdNumber>{mask_id_number(&applicant.id_number)}</SummaryRow>
            <SummaryRow label=Key::Phone>{mask_phone(&applicant.phone)}</SummaryRow>
            <SummaryRow label=Key::Address>{applicant.address.clone()}</SummaryRow>
        </SummaryList>
        <ul class="staff-list">
            {app.form.members.iter().map(|m| {
                let (relation, name) = (m.relation, m.name.clone());
                view! {
                    <li>
                        {move || {
                            let relation = relation.map(|r| i18n.t(words::relation(r))).unwrap_or_default();
                            fill(i18n.t(Key::MemberRow), &[("relation", relation), ("name", &name)])
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>{move || i18n.t(Key::DocumentsTitle)}</h2>
        {if app.documents.is_empty() {
            view! { <p>{move || i18n.t(Key::DocumentsNone)}</p> }.into_any()
        } else {
            view! {
                <ul class="staff-list">
                    {app.documents.iter().map(|d| {
                        let (kind, name) = (d.kind, d.name.clone());
                        view! { <li>{move || i18n.t(words::document(kind))}" · "{name.clone()}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!app.requested_documents.is_empty()).then(|| view! {
            <h2>{move || i18n.t(Key::RequestedTitle)}</h2>
            <ul class="staff-list">
                {app.requested_documents.iter().map(|&kind| view! { <li>{move || i18n.t(words::document(kind))}</li> }).collect_view()}
            </ul>
        })}
        <h2>{move || i18n.t(Key::HistoryTitle)}</h2>
        <ol class="staff-list staff-history">
            {app.timeline.iter().map(|t| {
                let t = *t;
                view! {
                    <li class:staff-history-current=t.current>
                        <span>{move || stage_words(i18n, t.stage, t.days)}</span>" · "
                        {move || match (t.done_on, t.current) {
                            (Some(d), _) => fill(i18n.t(Key::DoneOn), &[("date", &d.to_iso())]),
                            (None, true) => i18n.t(Key::StepCurrent).to_string(),
                            (None, false) => i18n.t(Key::StepWaiting).to_string(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

fn action_value(a: ReviewAction) -> &'static str {
    a.code().trim_start_matches("assistance.")
}

/// The actions this step allows, with the reason and (for 补正) the document asked for.
#[component]
fn Decide(app: ApplicationView, on_conflict: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let allowed = ReviewAction::allowed(app.state, app.stage);
    if allowed.is_empty() {
        return view! {
            <Notice>
                <p>{move || i18n.t(Key::NoActions)}</p>
            </Notice>
        }
        .into_any();
    }
    let navigate = use_navigate();
    let reference = app.reference.clone();
    let action = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let chosen = move || allowed.iter().copied().find(|a| action_value(*a) == action.get());
    let submit = Submit::new(api::review)
        .on_refused(move |e| {
            if matches!(e.code, ErrorCode::Conflict | ErrorCode::NotFound) {
                on_conflict.run(());
            }
            false
        })
        .on_done({
            let reference = reference.clone();
            move |_| navigate(&format!("/staff?done={reference}"), Default::default())
        });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = FieldErrors::new();
        let picked = chosen();
        if picked.is_none() {
            errors.add("action", FieldError::Required);
        }
        let kinds: Vec<DocumentKind> = DocumentKind::from_code(&kind.get_untracked()).into_iter().collect();
        if picked == Some(ReviewAction::RequestDocuments) && kinds.is_empty() {
            errors.add("kinds", FieldError::Required);
        }
        let needs = picked.is_some_and(ReviewAction::needs_reason);
        let reason = errors.check("reason", check_reason(Some(&reason.get_untracked()), needs)).flatten();
        if submit.refuse(errors) {
            return;
        }
        let Some(action) = picked else { return };
        let kinds = if action == ReviewAction::RequestDocuments { kinds } else { Vec::new() };
        submit.send((reference.clone(), StaffReview { action, reason, kinds }));
    };
    let at_payment = app.stage == Stage::Payment;
    let options = allowed
        .iter()
        .map(|&a| RadioOption::msg(action_value(a), labels::action(a, at_payment)))
        .collect::<Vec<_>>();
    let kinds = DocumentKind::ALL.iter().map(|&k| RadioOption::msg(k.code(), words::document(k))).collect::<Vec<_>>();
    let reason_hint = Signal::derive(move || {
        let needs = chosen().is_some_and(ReviewAction::needs_reason);
        i18n.t(if needs { Key::ReasonHintRequired } else { Key::ReasonHintOptional }).to_string()
    });
    let busy = submit.pending();
    view! {
        <h2>{move || i18n.t(Key::ActionTitle)}</h2>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <Radios name="action" legend=Key::ActionLegend options=options value=action errors=submit.errors />
            <div hidden=move || chosen() != Some(ReviewAction::RequestDocuments)>
                <Radios name="kinds" legend=Key::KindLegend options=kinds value=kind errors=submit.errors />
            </div>
            <TextField name="reason" label=Key::ReasonLabel hint_text=reason_hint value=reason errors=submit.errors maxlength=500 />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Submitting } else { Key::SubmitAction })}
            </button>
        </form>
    }
    .into_any()
}
