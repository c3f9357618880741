//! `/staff/charity/{id}`: one project of the editor's organisation as residents see its money —
//! the disclosure badge, the public ledger with its running balance and the disclosures — with
//! the two publications (`charity_forms`) a large button each. After a publication the page says
//! it is published (`?published=line|disclosure`) and shows it in place.

use super::api_more as api;
use super::charity::day_or_none;
use super::charity_forms::project_path;
use super::i18n::Key;
use super::session::RequireStaff;
use crate::i18n::{use_i18n, Localised};
use crate::journeys::charity::labels::yuan;
use crate::journeys::charity::ledger::LedgerTable;
use crate::journeys::charity::project::Badge;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::charity::ProjectDetail;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ProjectPage() -> impl IntoView {
    use_title(Key::CharityProjectTitle);
    view! {
        <RequireStaff>
            <Project />
        </RequireStaff>
    }
}

#[component]
fn Project() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let published = use_query_map().with_untracked(|q| q.get("published")).and_then(|p| match p.as_str() {
        "line" => Some(Key::LinePublished),
        "disclosure" => Some(Key::DisclosurePublished),
        _ => None,
    });
    let project = LocalResource::new(move || api::charity_project(id.clone()));
    view! {
        <BackLink href="/staff/charity".to_string() text=Key::CharityBack />
        {published
            .map(|text| {
                view! {
                    <Notice kind=NoticeKind::Success role="status">
                        <p>{move || i18n.t(text)}</p>
                    </Notice>
                }
            })}
        <Loaded resource=project let:p>
            <Overview p=p />
        </Loaded>
    }
}

#[component]
fn Overview(p: ProjectDetail) -> impl IntoView {
    let i18n = use_i18n();
    let base = project_path(&p.card.id);
    let last_disclosure = p.disclosures.iter().map(|d| d.date).max();
    let disclosures = p.disclosures.clone();
    let none = disclosures.is_empty();
    view! {
        <h1>
            <Localised text=p.card.title.clone() />
        </h1>
        <Badge badge_of=p.badge />
        <SummaryList class="staff-charity-figures">
            <SummaryRow label=Key::CharityRaised>{yuan(p.card.raised_fen)}</SummaryRow>
            <SummaryRow label=Key::CharityLastDisclosure>{move || day_or_none(i18n, last_disclosure)}</SummaryRow>
        </SummaryList>
        <p>
            <A href=format!("{base}/line") attr:class="button staff-big-button">
                {move || i18n.t(Key::LineTitle)}
            </A>
        </p>
        <p>
            <A href=format!("{base}/disclosure") attr:class="button staff-big-button">
                {move || i18n.t(Key::DisclosureTitle)}
            </A>
        </p>
        <h2>{move || i18n.t(Key::CharityLedgerTitle)}</h2>
        <LedgerTable lines=p.ledger />
        <h2>{move || i18n.t(Key::CharityDisclosuresTitle)}</h2>
        {if none {
            view! { <p class="staff-queue-empty">{move || i18n.t(Key::CharityNever)}</p> }.into_any()
        } else {
            view! {
                <ul class="staff-list staff-charity-disclosures">
                    {disclosures
                        .into_iter()
                        .map(|d| {
                            view! {
                                <li>
                                    <span class="staff-queue-ref">{d.date.to_iso()}</span>
                                    " "
                                    <Localised text=d.title />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}
