//! /charity/funds — the directory of named funds (search, sort) — and /charity/funds/:id.

use super::api;
use super::card::ProjectCardView;
use super::i18n::Key;
use super::labels::{founder, yuan_whole};
use super::ledger::{LedgerTable, SpendingChart};
use super::pager::Pager;
use crate::i18n::{use_i18n, Localised};
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, Notice};
use baoan_contract::charity::{FundCard, FundList, FundSort};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The directory's URL for a search, an order and a page (what the page shows follows the URL,
/// so Back, reload and sharing keep them).
fn funds_href(q: &str, sort: &str, page: i64) -> String {
    let mut parts = Vec::new();
    if !q.is_empty() {
        parts.push(format!("q={}", js_sys::encode_uri_component(q)));
    }
    if !sort.is_empty() {
        parts.push(format!("sort={sort}"));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        "/charity/funds".into()
    } else {
        format!("/charity/funds?{}", parts.join("&"))
    }
}

#[component]
pub fn FundsPage() -> impl IntoView {
    use_title(Key::FundsTitle);
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let param = move |name: &str| query.get().get(name).unwrap_or_default();
    let page = move || param("page").parse::<i64>().unwrap_or(1).max(1);
    let funds = LocalResource::new(move || {
        let href = funds_href(&param("q"), &param("sort"), page());
        api::funds(href.trim_start_matches("/charity/funds").to_string())
    });
    let typed = RwSignal::new(query.get_untracked().get("q").unwrap_or_default());
    let target = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(to) = target.get() {
            navigate(&to, Default::default());
        }
    });
    // The order when none is chosen is "newest": show it as chosen.
    let sort = move || FundSort::from_code(&param("sort")).unwrap_or(FundSort::Newest);
    let sorts = [
        (FundSort::Newest, Key::FundSortNewest),
        (FundSort::Raised, Key::FundSortRaised),
        (FundSort::Projects, Key::FundSortProjects),
        (FundSort::Name, Key::FundSortName),
    ];
    view! {
        <BackLink href=String::from("/charity") text=Key::BackToList />
        <h1>{move || i18n.t(Key::FundsTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::FundsLead)}</p>
        <form
            role="search"
            class="charity-search"
            on:submit=move |ev| {
                ev.prevent_default();
                target
                    .set(
                        Some(
                            funds_href(
                                typed.get_untracked().trim(),
                                &query.get_untracked().get("sort").unwrap_or_default(),
                                1,
                            ),
                        ),
                    );
            }
        >
            <label for="fund-q">{move || i18n.t(Key::FundSearchLabel)}</label>
            <div class="charity-search-row">
                <input
                    type="search"
                    id="fund-q"
                    maxlength="40"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="button">
                    {move || i18n.t(Key::SearchButton)}
                </button>
            </div>
        </form>
        <div class="field charity-filter">
            <label for="fund-sort">{move || i18n.t(Key::SortLabel)}</label>
            <select
                id="fund-sort"
                prop:value=move || sort().code()
                on:change=move |ev| {
                    target
                        .set(
                            Some(
                                funds_href(
                                    &query.get_untracked().get("q").unwrap_or_default(),
                                    &event_target_value(&ev),
                                    1,
                                ),
                            ),
                        )
                }
            >
                {sorts
                    .into_iter()
                    .map(|(s, k)| {
                        view! {
                            <option value=s.code() selected=move || sort() == s>
                                {move || i18n.t(k)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Loaded resource=funds let:list>
            <FundResults list=list />
        </Loaded>
    }
}

#[component]
fn FundResults(list: FundList) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let pages = ((list.total + list.page_size - 1) / list.page_size.max(1)).max(1);
    let n = list.page;
    let link = move |to: i64| {
        let q = query.get_untracked();
        funds_href(&q.get("q").unwrap_or_default(), &q.get("sort").unwrap_or_default(), to)
    };
    view! {
        <p class="charity-count" role="status">
            {list.total}
            " "
            {move || i18n.t_n(Key::FundResultsCount, list.total)}
        </p>
        {list
            .items
            .is_empty()
            .then(|| {
                view! {
                    <Notice>
                        <p>{move || i18n.t(Key::NoFunds)}</p>
                    </Notice>
                }
            })}
        <ul class="charity-cards">{list.items.into_iter().map(|f| view! { <FundCardView f=f /> }).collect_view()}</ul>
        {(pages > 1).then(|| view! { <Pager n=n pages=pages link=link /> })}
    }
}

#[component]
fn FundFigures(f: FundCard) -> impl IntoView {
    let i18n = use_i18n();
    let founder_key = founder(f.founder_type);
    view! {
        <dl class="charity-figures">
            <div>
                <dt>{move || i18n.t(Key::FounderType)}</dt>
                <dd>{move || i18n.t(founder_key)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::Founded)}</dt>
                <dd>{f.founded.to_iso()}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::Principal)}</dt>
                <dd>{yuan_whole(f.principal_fen)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::TotalRaised)}</dt>
                <dd>{yuan_whole(f.raised_fen)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::TotalSpent)}</dt>
                <dd>{yuan_whole(f.spent_fen)}</dd>
            </div>
            <div>
                <dt>{move || i18n.t(Key::ProjectsSupported)}</dt>
                <dd>{f.projects_supported}</dd>
            </div>
        </dl>
    }
}

#[component]
fn FundCardView(f: FundCard) -> impl IntoView {
    view! {
        <li class="charity-card">
            <h2 class="charity-card-title">
                <a href=format!("/charity/funds/{}", f.id)>
                    <Localised text=f.name.clone() />
                </a>
            </h2>
            <FundFigures f=f />
        </li>
    }
}

#[component]
pub fn FundPage() -> impl IntoView {
    use_title(Key::FundsTitle);
    let i18n = use_i18n();
    let params = use_params_map();
    let fund = LocalResource::new(move || api::fund(params.get().get("id").unwrap_or_default()));
    view! {
        <BackLink href=String::from("/charity/funds") text=Key::FundsTitle />
        <Loaded resource=fund let:f>
            <h1>
                <Localised text=f.card.name.clone() />
            </h1>
            <p>
                <Localised text=f.description.clone() />
            </p>
            <FundFigures f=f.card.clone() />
            <h2>{move || i18n.t(Key::FundProjects)}</h2>
            <ul class="charity-cards">
                {f.projects.into_iter().map(|c| view! { <ProjectCardView card=c /> }).collect_view()}
            </ul>
            <h2>{move || i18n.t(Key::Ledger)}</h2>
            <SpendingChart lines=f.ledger.clone() />
            <LedgerTable lines=f.ledger.clone() />
            <h2>{move || i18n.t(Key::AnnualReports)}</h2>
            <table class="charity-table">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::Date)}</th>
                        <th scope="col">{move || i18n.t(Key::AnnualReports)}</th>
                        <th scope="col" class="num">
                            {move || i18n.t(Key::ReportIncome)}
                        </th>
                        <th scope="col" class="num">
                            {move || i18n.t(Key::ReportExpense)}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {f
                        .reports
                        .into_iter()
                        .map(|r| {
                            view! {
                                <tr>
                                    <td>{r.year}</td>
                                    <td>
                                        <Localised text=r.title />
                                    </td>
                                    <td class="num">{yuan_whole(r.income_fen)}</td>
                                    <td class="num">{yuan_whole(r.expense_fen)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Loaded>
    }
}
