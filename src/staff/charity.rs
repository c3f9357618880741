//! `/staff/charity`, for charity editors: their organisation's projects, the one whose next
//! disclosure is due first at the top — each with the disclosure badge residents see on its page,
//! the money raised from gifts and what its public ledger holds so far, and a link to the
//! project's page of publications (`charity_project`).

use super::api_more as api;
use super::i18n::Key;
use super::session::RequireStaff;
use crate::i18n::{fill, use_i18n, Localised};
use crate::journeys::charity::labels::{status, yuan};
use crate::journeys::charity::project::Badge;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, SummaryList, SummaryRow};
use baoan_contract::charity::EditorProject;
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CharityPage() -> impl IntoView {
    use_title(Key::CharityTitle);
    view! {
        <RequireStaff>
            <Projects />
        </RequireStaff>
    }
}

#[component]
fn Projects() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(api::charity_projects);
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::CharityTitle)}</h1>
        <p>{move || i18n.t(Key::CharityIntro)}</p>
        <Loaded resource=list let:projects>
            <ProjectList projects=projects />
        </Loaded>
    }
}

#[component]
fn ProjectList(projects: Vec<EditorProject>) -> impl IntoView {
    let i18n = use_i18n();
    if projects.is_empty() {
        return view! { <p class="staff-queue-empty">{move || i18n.t(Key::CharityEmpty)}</p> }.into_any();
    }
    let n = projects.len() as i64;
    view! {
        <p>{move || fill(i18n.t_n(Key::CharityCount, n), &[("count", &n.to_string())])}</p>
        <ul class="staff-queue">{projects.into_iter().map(|p| view! { <ProjectRow project=p /> }).collect_view()}</ul>
    }
    .into_any()
}

/// A day, or "none yet".
pub fn day_or_none(i18n: crate::i18n::I18n, day: Option<Date>) -> String {
    day.map(|d| d.to_iso()).unwrap_or_else(|| i18n.t(Key::CharityNever).to_string())
}

#[component]
fn ProjectRow(project: EditorProject) -> impl IntoView {
    let i18n = use_i18n();
    let card = project.card;
    let href = super::charity_forms::project_path(&card.id);
    let state = card.status;
    let (last_disclosure, last_line) = (project.last_disclosure, project.last_line);
    view! {
        <li class="staff-queue-item">
            <A href=href attr:class="staff-queue-link">
                <span class="staff-queue-title">
                    <Localised text=card.title />
                </span>
                <span class="staff-queue-ref">{move || i18n.t(status(state))}</span>
            </A>
            <Badge badge_of=project.badge />
            <SummaryList class="staff-charity-figures">
                <SummaryRow label=Key::CharityRaised>{yuan(card.raised_fen)}</SummaryRow>
                <SummaryRow label=Key::CharityIncome>{yuan(project.income_fen)}</SummaryRow>
                <SummaryRow label=Key::CharityExpense>{yuan(project.expense_fen)}</SummaryRow>
                <SummaryRow label=Key::CharityLastDisclosure>{move || day_or_none(i18n, last_disclosure)}</SummaryRow>
                <SummaryRow label=Key::CharityLastLine>{move || day_or_none(i18n, last_line)}</SummaryRow>
            </SummaryList>
        </li>
    }
}
