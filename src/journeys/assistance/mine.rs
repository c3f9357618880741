//! 我的申请: the resident's applications, and one application's page: what happens next and by
//! when, the timeline of the legal steps, documents asked for (补正) with the upload right
//! there, and withdraw while undecided. It is also the confirmation page after submitting.

use super::api;
use super::i18n::Key;
use super::labels;
use super::upload::DocumentUpload;
use crate::i18n::{fill, use_i18n};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::submit::Submit;
use crate::shared::ui::{ConfirmationPanel, Notice, NoticeKind, PrintButton};
use baoan_contract::assistance::*;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

type Apps = Vec<ApplicationSummary>;

/// This journey's section of 我的.
#[component]
pub fn MySection() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::applications);
    view! {
        <section class="mine-section">
            <h2>{move || i18n.t(Key::MineHeading)}</h2>
            <Loaded
                resource=list
                children=move |apps: Apps| {
                    if apps.is_empty() {
                        return view! { <p class="hint">{move || i18n.t(Key::MineEmpty)}</p> }.into_any();
                    }
                    view! {
                        <ul class="application-list">
                            {apps
                                .into_iter()
                                .map(|a| {
                                    view! {
                                        <li>
                                            <A href=format!(
                                                "/assistance/applications/{}",
                                                a.reference,
                                            )>{move || i18n.t(labels::programme(a.programme))}</A>
                                            <span class="tag">{move || i18n.t(labels::status(a.state))}</span>
                                            <p class="hint">
                                                {move || i18n.t(Key::ReferenceLabel)}" "
                                                <span class="nowrap">{a.reference.clone()}</span>
                                                // Waiting for documents, the date is the resident's own deadline to send them.
                                                {a
                                                    .next_due
                                                    .map(|d| {
                                                        if a.state == Status::AwaitingDocuments {
                                                            view! {
                                                                <br />
                                                                {move || fill(
                                                                    i18n.t(Key::SendBy),
                                                                    &[("date", &d.to_iso())],
                                                                )}
                                                            }
                                                                .into_any()
                                                        } else {
                                                            view! {
                                                                <br />
                                                                {move || fill(
                                                                    i18n.t(Key::NextStepBy),
                                                                    &[("date", &d.to_iso())],
                                                                )}
                                                            }
                                                                .into_any()
                                                        }
                                                    })}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            />
        </section>
    }
}

#[component]
pub fn ApplicationPage() -> impl IntoView {
    use_title(Key::ApplicationTitle);
    view! {
        <RequireSignIn>
            <ApplicationLoader />
        </RequireSignIn>
    }
}

#[component]
fn ApplicationLoader() -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.with(|p| p.get("reference").unwrap_or_default());
    let app = LocalResource::new(move || api::application(reference()));
    view! {
        <Loaded
            resource=app
            children=move |a: ApplicationView| {
                view! { <ApplicationDetail app=a on_change=Callback::new(move |_| app.refetch()) /> }
            }
        />
    }
}

#[component]
fn ApplicationDetail(app: ApplicationView, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let just_submitted = use_query_map().with_untracked(|q| q.get("submitted").is_some());
    let reference = app.reference.clone();
    let next_due = app.timeline.iter().find_map(|t| t.due_by);
    let withdraw = Submit::new(api::withdraw).on_done(move |_: ApplicationView| on_change.run(()));
    let confirm = RwSignal::new(false);
    let r2 = reference.clone();
    let requested = app.requested_documents.clone();
    let requested_by = app.requested_by;
    let note = app.requested_note.clone();
    let missing: Vec<DocumentKind> = app.missing_documents.iter().copied().filter(|k| !requested.contains(k)).collect();
    view! {
        {if just_submitted {
            view! {
                <ConfirmationPanel
                    title=Key::ConfirmationTitle
                    reference_label=Key::ReferenceLabel
                    reference=reference.clone()
                />
            }
                .into_any()
        } else {
            view! {
                <h1>{move || i18n.t(labels::programme(app.programme))}</h1>
                <p>{move || i18n.t(Key::ReferenceLabel)}" "<strong class="reference">{reference.clone()}</strong></p>
            }
                .into_any()
        }}
        <p>
            <span class="tag" data-state=code(app.state)>
                {move || i18n.t(labels::status(app.state))}
            </span>
        </p>
        {app
            .decision_reason
            .clone()
            .map(|r| {
                view! {
                    <Notice>
                        <p>{move || i18n.t(Key::RefusedBecause)}</p>
                        <p>{r.clone()}</p>
                    </Notice>
                }
            })}
        {(!requested.is_empty())
            .then(|| {
                view! {
                    <Notice kind=NoticeKind::Todo role="region" attr:aria-labelledby="todo-heading">
                        <h2 id="todo-heading">{move || i18n.t(Key::TodoDocuments)}</h2>
                        {requested_by
                            .map(|d| view! { <p>{move || fill(i18n.t(Key::SendBy), &[("date", &d.to_iso())])}</p> })}
                        {note.clone().map(|n| view! { <p class="message-detail">{n}</p> })}
                        {requested
                            .iter()
                            .map(|k| view! { <DocumentUpload reference=r2.clone() kind=*k on_done=on_change /> })
                            .collect_view()}
                    </Notice>
                }
            })}
        <h2>{move || i18n.t(Key::WhatNext)}</h2>
        {next_due.map(|d| view! { <p>{move || fill(i18n.t(Key::NextStepBy), &[("date", &d.to_iso())])}</p> })}
        <ol class="timeline">
            {app
                .timeline
                .iter()
                .map(|t| {
                    let t = *t;
                    view! {
                        <li
                            class="timeline-step"
                            class:timeline-done=t.done_on.is_some()
                            class:timeline-current=t.current
                        >
                            // A step's length is the standard's figure (`{days}`), not text.
                            <strong>
                                {move || {
                                    fill(i18n.t_n(labels::stage(t.stage), t.days), &[("days", &t.days.to_string())])
                                }}
                            </strong>
                            {t
                                .done_on
                                .map(|d| {
                                    view! {
                                        <span class="hint">
                                            {move || i18n.t(Key::DoneOn)}" "<span class="nowrap">{d.to_iso()}</span>
                                            " · " {move || i18n.t(labels::done_by(t.stage))}
                                        </span>
                                    }
                                })}
                            {t.current.then(|| view! { <span class="tag">{move || i18n.t(Key::NowHere)}</span> })}
                            {t
                                .due_by
                                .map(|d| {
                                    view! {
                                        <span class="hint">
                                            {move || i18n.t(Key::DueBy)}" "<span class="nowrap">{d.to_iso()}</span>
                                        </span>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        // A kind staff asked for is uploaded in the to-do above, not twice on the page.
        {(!missing.is_empty() && app.state.undecided())
            .then(|| {
                let r3 = app.reference.clone();
                view! {
                    <h2>{move || i18n.t(Key::MissingDocuments)}</h2>
                    {missing
                        .iter()
                        .map(|k| view! { <DocumentUpload reference=r3.clone() kind=*k on_done=on_change /> })
                        .collect_view()}
                }
            })}
        <p>
            <PrintButton label=Key::PrintSummary />
        </p>
        {app
            .state
            .undecided()
            .then(|| {
                let r = app.reference.clone();
                view! {
                    {withdraw.summary()}
                    {move || {
                        if confirm.get() {
                            let r = r.clone();
                            view! {
                                <Notice kind=NoticeKind::Error>
                                    <p>{move || i18n.t(Key::WithdrawSure)}</p>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| {
                                            withdraw.send(r.clone());
                                        }
                                    >
                                        {move || i18n.t(Key::WithdrawConfirm)}
                                    </button>
                                </Notice>
                            }
                                .into_any()
                        } else {
                            view! {
                                <p>
                                    <button
                                        type="button"
                                        class="button button-secondary"
                                        on:click=move |_| confirm.set(true)
                                    >
                                        {move || i18n.t(Key::Withdraw)}
                                    </button>
                                </p>
                            }
                                .into_any()
                        }
                    }}
                }
            })}
        <p>
            <A href="/mine">{move || i18n.t(Key::MineHeading)}</A>
        </p>
    }
}

fn code(s: Status) -> &'static str {
    s.code()
}
