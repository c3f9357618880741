//! /charity/district — the district's totals and raised per category (an SVG bar chart).

use super::api;
use super::i18n::Key;
use super::labels::{category, yuan_whole};
use super::ledger::BarChart;
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::ui::BackLink;
use leptos::prelude::*;

#[component]
pub fn DistrictPage() -> impl IntoView {
    use_title(Key::DistrictTitle);
    let i18n = use_i18n();
    let totals = LocalResource::new(api::district);
    view! {
        <BackLink href=String::from("/charity") text=Key::BackToList />
        <h1>{move || i18n.t(Key::DistrictTitle)}</h1>
        <Loaded resource=totals let:t>
            <dl class="charity-figures charity-totals">
                <div>
                    <dt>{move || i18n.t(Key::RaisedThisYear)}" ("{t.year}")"</dt>
                    <dd>{yuan_whole(t.raised_this_year_fen)}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::FundsCount)}</dt>
                    <dd>{t.funds}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::ProjectsCount)}</dt>
                    <dd>{t.projects}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::DonorsCount)}</dt>
                    <dd>{t.donors}</dd>
                </div>
            </dl>
            <BarChart
                title=Key::ByCategory
                bars=t.by_category.iter().map(|c| (category(c.category), c.raised_fen)).collect()
            />
        </Loaded>
    }
}
