//! `/staff`: who is signed in (name, role and place, by name) and what waits for them — the
//! reviewers' queue of applications at their step, oldest first, with each step's deadline and
//! overdue ones marked; for every other role, the pages it works on.

use super::i18n::Key;
use super::session::{use_staff, RequireStaff, SignOutButton};
use super::{api, labels};
use crate::i18n::{fill, use_i18n, Localised};
use crate::journeys::assistance::{self, labels as words};
use crate::shared::clock::today;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::assistance::{Stage, Standards};
use baoan_contract::staff::{QueueItem, Role, StaffMe};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    use_title(Key::HomeTitle);
    view! {
        <RequireStaff>
            <Home />
        </RequireStaff>
    }
}

#[component]
fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_staff();
    let query = use_query_map();
    let Some(me) = session.me.get_untracked() else { return ().into_any() };
    let done = query.with_untracked(|q| q.get("done"));
    let role = me.assignment.role;
    let work = match role {
        Role::CommunityReviewer | Role::StreetReviewer | Role::DistrictApprover => view! { <Queue /> }.into_any(),
        Role::GateStaff => links(&[("/staff/check-in", Key::CheckInLink), ("/staff/proxy", Key::ProxyLink)]),
        Role::RegistryClerk => links(&[("/staff/check-in", Key::CheckInLink)]),
        Role::DistrictAdmin => links(&[("/staff/accounts", Key::AccountsTitle), ("/staff/audit", Key::AuditTitle)]),
        Role::Moderator => links(&[("/staff/reports", Key::ReportsTitle)]),
        Role::CharityEditor => links(&[("/staff/charity", Key::CharityTitle)]),
    };
    view! {
        <h1>{move || i18n.t(Key::HomeTitle)}</h1>
        {done
            .map(|reference| {
                view! {
                    <Notice kind=NoticeKind::Success role="status">
                        <p>{move || fill(i18n.t(Key::DoneNotice), &[("reference", &reference)])}</p>
                    </Notice>
                }
            })}
        <Who me=me />
        {work}
        {links(&[("/staff/password", Key::PasswordTitle)])}
        <SignOutButton />
    }
    .into_any()
}

/// The pages a role works on, one large link each.
fn links(to: &[(&'static str, Key)]) -> AnyView {
    let i18n = use_i18n();
    to.iter()
        .map(|&(href, key)| {
            view! {
                <p>
                    <A href=href attr:class="button staff-big-button">
                        {move || i18n.t(key)}
                    </A>
                </p>
            }
        })
        .collect_view()
        .into_any()
}

/// Name, role and place: the place by its name from the public lists.
#[component]
fn Who(me: StaffMe) -> impl IntoView {
    let i18n = use_i18n();
    let role = me.assignment.role;
    let place = me.assignment.place.clone();
    let name = LocalResource::new(move || {
        let place = place.clone();
        async move {
            match (role.place_kind(), place) {
                (Some(kind), Some(place)) => api::place_name(kind, place).await,
                _ => None,
            }
        }
    });
    let code = me.assignment.place.clone().unwrap_or_default();
    view! {
        <SummaryList class="staff-who">
            <SummaryRow label=Key::NameLabel>{me.display_name.clone()}</SummaryRow>
            <SummaryRow label=Key::RoleLabel>{move || i18n.t(labels::role(role))}</SummaryRow>
            <SummaryRow label=Key::PlaceLabel>
                {move || match (role.place_kind(), name.get().flatten()) {
                    (None, _) => i18n.t(Key::DistrictWide).into_any(),
                    (Some(_), Some(text)) => view! { <Localised text=text /> }.into_any(),
                    (Some(_), None) => code.clone().into_any(),
                }}
            </SummaryRow>
        </SummaryList>
    }
}

/// The applications at the reviewer's step and place.
#[component]
fn Queue() -> impl IntoView {
    let i18n = use_i18n();
    let queue = LocalResource::new(|| async {
        let items = api::queue().await?;
        let standards = assistance::api::standards().await?;
        Ok((items, standards))
    });
    view! {
        <h2>{move || i18n.t(Key::QueueTitle)}</h2>
        <Loaded resource=queue let:found>
            <QueueList found=found />
        </Loaded>
    }
}

#[component]
fn QueueList(found: (Vec<QueueItem>, Standards)) -> impl IntoView {
    let i18n = use_i18n();
    let (items, standards) = found;
    if items.is_empty() {
        return view! { <p class="staff-queue-empty">{move || i18n.t(Key::QueueEmpty)}</p> }.into_any();
    }
    let n = items.len() as i64;
    view! {
        <p>{move || fill(i18n.t_n(Key::QueueCount, n), &[("count", &n.to_string())])}</p>
        <ul class="staff-queue">
            {items.into_iter().map(|item| view! { <QueueRow item=item standards=standards.clone() /> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// A step's name; the public notice's carries its length in days, the standard's figure.
pub fn stage_words(i18n: crate::i18n::I18n, stage: Stage, days: i64) -> String {
    fill(i18n.t_n(words::stage(stage), days), &[("days", &days.to_string())])
}

#[component]
fn QueueRow(item: QueueItem, standards: Standards) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/staff/applications/{}", item.reference);
    let overdue = item.due_by.is_some_and(|d| d < today());
    let (stage, days) = (item.stage, item.stage.days(&standards));
    let due = item.due_by.map(|d| d.to_iso());
    let (programme, state) = (item.programme, item.state);
    view! {
        <li class="staff-queue-item" class:staff-overdue=overdue>
            <A href=href attr:class="staff-queue-link">
                <span class="staff-queue-title">{move || i18n.t(words::programme(programme))}</span>
                <span class="staff-queue-ref">{item.reference.clone()}</span>
            </A>
            <p class="staff-queue-step">
                {move || stage_words(i18n, stage, days)}" · "{move || i18n.t(words::status(state))}
            </p>
            {due
                .map(|date| {
                    view! {
                        <p class="staff-queue-due">
                            {move || fill(i18n.t(Key::DueBy), &[("date", &date)])}
                            {overdue
                                .then(|| view! { <strong class="staff-tag">{move || i18n.t(Key::Overdue)}</strong> })}
                        </p>
                    }
                })}
        </li>
    }
}
