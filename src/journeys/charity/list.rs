//! /charity — the project list: search, filters and sort live in the URL's query string (so
//! Back, reload and sharing keep them); the server pages, filters and sorts.

use super::api;
use super::card::ProjectCardView;
use super::i18n::Key;
use super::labels::{category, sort, status};
use super::pager::Pager;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::Notice;
use baoan_contract::charity::{Category, ProjectList, ProjectSort, ProjectStatus, PAGE_SIZE};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

const PARAMS: [&str; 6] = ["q", "status", "category", "organiser", "fund", "sort"];

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).as_string().unwrap_or_default()
}

/// The query string for the current filters with one value changed (and back to page 1).
fn with(current: &leptos_router::params::ParamsMap, name: &str, value: &str, page: i64) -> String {
    let mut parts = Vec::new();
    for p in PARAMS {
        let v = if p == name { value.to_string() } else { current.get(p).unwrap_or_default() };
        if !v.is_empty() {
            parts.push(format!("{p}={}", encode(&v)));
        }
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if parts.is_empty() {
        "/charity".into()
    } else {
        format!("/charity?{}", parts.join("&"))
    }
}

#[component]
pub fn ProjectListPage() -> impl IntoView {
    use_title(crate::i18n::Key::CharityTitle);
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    // The API's query string is the page's own.
    let list = LocalResource::new(move || {
        let q = query.get();
        let page: i64 = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
        api::projects(with(&q, "", "", page).trim_start_matches("/charity").to_string())
    });
    let filters = LocalResource::new(api::filters);
    let search = RwSignal::new(query.get_untracked().get("q").unwrap_or_default());
    // Filters change the URL; the list follows the URL.
    let target = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(to) = target.get() {
            navigate(&to, Default::default());
        }
    });
    let go = move |name: &str, value: String| target.set(Some(with(&query.get_untracked(), name, &value, 1)));
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go("q", search.get_untracked());
    };
    // The list's order when none is chosen is "newest": show it as chosen.
    let current = move |name: &str| {
        query.get().get(name).unwrap_or_else(|| {
            if name == "sort" {
                ProjectSort::Newest.code().into()
            } else {
                String::new()
            }
        })
    };
    let select = move |name: &'static str, label: Key, options: Vec<(String, String)>| {
        let id = format!("filter-{name}");
        view! {
            <div class="field charity-filter">
                <label for=id.clone()>{move || i18n.t(label)}</label>
                <select
                    id=id
                    name=name
                    on:change=move |ev| go(name, event_target_value(&ev))
                    prop:value=move || current(name)
                >
                    {options
                        .into_iter()
                        .map(|(value, text)| {
                            let v = value.clone();
                            view! {
                                <option value=value selected=move || current(name) == v>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let all = move || i18n.t(Key::FilterAll).to_string();
    view! {
        <h1>{move || i18n.t(crate::i18n::Key::CharityTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::ListLead)}</p>
        <ul class="charity-nav">
            <li>
                <a href="/charity/funds">{move || i18n.t(Key::NavFunds)}</a>
            </li>
            <li>
                <a href="/charity/district">{move || i18n.t(Key::NavDistrict)}</a>
            </li>
        </ul>
        <form role="search" class="charity-search" on:submit=on_search>
            <label for="charity-q">{move || i18n.t(Key::SearchLabel)}</label>
            <div class="charity-search-row">
                <input
                    type="search"
                    id="charity-q"
                    name="q"
                    maxlength="40"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
                <button type="submit" class="button">
                    {move || i18n.t(Key::SearchButton)}
                </button>
            </div>
        </form>
        {move || {
            let _ = i18n.lang.get();
            let f = filters.get().and_then(Result::ok);
            let mut statuses = vec![(String::new(), all())];
            statuses.extend(ProjectStatus::ALL.iter().map(|s| (s.code().to_string(), i18n.t(status(*s)).to_string())));
            let mut categories = vec![(String::new(), all())];
            categories.extend(Category::ALL.iter().map(|c| (c.code().to_string(), i18n.t(category(*c)).to_string())));
            let mut organisers = vec![(String::new(), all())];
            let mut funds = vec![(String::new(), all())];
            if let Some(f) = f {
                let lang = i18n.lang.get();
                organisers.extend(f.organisers.iter().map(|o| (o.zh_hans.clone(), crate::i18n::marked(o, lang))));
                funds.extend(f.funds.iter().map(|x| (x.id.clone(), crate::i18n::marked(&x.name, lang))));
            }
            let sorts = ProjectSort::ALL.iter().map(|s| (s.code().to_string(), i18n.t(sort(*s)).to_string())).collect();
            // The filter's value is the 简体 name; the option shows the page's language.
            view! {
                <div class="charity-filters">
                    {select("status", Key::FilterStatus, statuses)}
                    {select("category", Key::FilterCategory, categories)}
                    {select("organiser", Key::FilterOrganiser, organisers)} {select("fund", Key::FilterFund, funds)}
                    {select("sort", Key::SortLabel, sorts)}
                </div>
            }
        }}
        <Loaded resource=list let:page>
            <Results page=page />
        </Loaded>
    }
}

#[component]
fn Results(page: ProjectList) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let pages = ((page.total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let n = page.page;
    let link = move |to: i64| with(&query.get_untracked(), "", "", to);
    view! {
        // The count is the heading of the results (h1 → h2 → the cards' h3), read out when a
        // search or filter changes it.
        <div role="status">
            <h2 class="charity-count">{page.total} " " {move || i18n.t_n(Key::ResultsCount, page.total)}</h2>
        </div>
        {if page.items.is_empty() {
            view! {
                <Notice>
                    <p>{move || i18n.t(Key::NoResults)}</p>
                </Notice>
            }
                .into_any()
        } else {
            view! {
                <ul class="charity-cards">
                    {page.items.into_iter().map(|c| view! { <ProjectCardView card=c /> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
        <Pager n=n pages=pages link=link />
    }
}
