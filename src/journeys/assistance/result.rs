//! The result of the eligibility check: every programme that may fit, why in plain words, what
//! to prepare, and a button that starts that application with the answers already filled in.
//! The rules are the contract's; the standards come from the server.

use super::draft::{edit, use_journey};
use super::figures::{Estimate, FiguresUsed};
use super::i18n::Key;
use super::labels;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, Notice};
use baoan_contract::assistance::*;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CheckResult() -> impl IntoView {
    use_title(Key::ResultTitle);
    let journey = use_journey();
    view! {
        <BackLink href="/assistance/check/emergency".to_string() text=Key::Back />
        <Loaded resource=journey.standards children=move |s: Standards| view! { <Outcomes standards=s /> } />
    }
}

#[component]
fn Outcomes(standards: Standards) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let navigate = use_navigate();
    let Some(answers) = draft.with_untracked(|d| d.answers()) else {
        return view! {
            <h1>{move || i18n.t(Key::ResultTitle)}</h1>
            <p>{move || i18n.t(Key::ResultIncomplete)}</p>
            <p>
                <A href="/assistance/check/residence" attr:class="button">
                    {move || i18n.t(Key::StartCheck)}
                </A>
            </p>
        }
        .into_any();
    };
    let outcomes = assess_all(&answers, &standards);
    let (fitting, other): (Vec<Outcome>, Vec<Outcome>) = outcomes.into_iter().partition(|o| o.fits);
    let disabled = answers.members.iter().any(|m| m.disability_level > 0);
    let residence = answers.residence;
    let start = move |p: Programme| {
        edit(draft, |d| d.start(p));
        navigate("/assistance/apply", Default::default());
    };
    let start = std::sync::Arc::new(start);
    view! {
        <h1>{move || i18n.t(Key::ResultTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::ResultLead)}</p>
        {if fitting.is_empty() {
            view! {
                <Notice>
                    <p>{move || i18n.t(Key::ResultNone)}</p>
                </Notice>
                <FiguresUsed programme=Programme::MinimumLiving standards=standards.clone() />
            }
                .into_any()
        } else {
            view! {
                <ul class="programme-list">
                    {fitting
                        .into_iter()
                        .map(|o| {
                            let start = start.clone();
                            let docs = required_documents(o.programme, residence, disabled);
                            let (answers, standards) = (answers.clone(), standards.clone());
                            view! {
                                <li class="programme" data-programme=o.programme.code()>
                                    <h2>{move || i18n.t(labels::programme(o.programme))}</h2>
                                    <p>{move || i18n.t(labels::reason(o.reason))}</p>
                                    <Estimate outcome=o answers=answers standards=standards.clone() />
                                    <FiguresUsed programme=o.programme standards=standards />
                                    <h3>{move || i18n.t(Key::WhatToPrepare)}</h3>
                                    <ul class="list-bullet">
                                        {docs
                                            .into_iter()
                                            .map(|d| {
                                                view! {
                                                    <li>
                                                        {move || i18n.t(labels::document(d.kind))}
                                                        {(!d.essential)
                                                            .then(|| {
                                                                view! {
                                                                    " "
                                                                    <span class="tag">
                                                                        {move || i18n.t(Key::MayFollowLater)}
                                                                    </span>
                                                                }
                                                            })}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                    <button type="button" class="button" on:click=move |_| start(o.programme)>
                                        {move || i18n.t(Key::ApplyFor)}
                                        " "
                                        {move || i18n.t(labels::programme(o.programme))}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        <details class="details">
            <summary>{move || i18n.t(Key::ResultOthers)}</summary>
            <ul class="list-bullet">
                {other
                    .into_iter()
                    .map(|o| {
                        view! {
                            <li>
                                <strong>{move || i18n.t(labels::programme(o.programme))}</strong>
                                " — "
                                {move || i18n.t(labels::reason(o.reason))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
    .into_any()
}
