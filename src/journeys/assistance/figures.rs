//! The figures a result rests on, each with its source and effective date, or a visible example
//! tag on a figure that is only an example (demonstration data), through the shared
//! `FigureSource`. Also the estimated monthly amount where the programme's rule gives one,
//! labelled as an estimate.

use super::i18n::Key;
use super::labels;
use crate::i18n::{fill, use_i18n};
use crate::shared::figures::FigureSource;
use baoan_contract::assistance::*;
use leptos::prelude::*;

/// The list of figures a programme's rule used (nothing when it uses none).
#[component]
pub fn FiguresUsed(programme: Programme, standards: Standards) -> impl IntoView {
    let i18n = use_i18n();
    let keys = StandardKey::used_by(programme);
    (!keys.is_empty()).then(|| {
        let items = keys
            .iter()
            .map(|&key| {
                let value = standards.value(key).to_string();
                let source = standards.source(key).cloned();
                view! {
                    <li class="figure" data-figure=key.code()>
                        {move || fill(i18n.t(labels::figure(key)), &[("value", &value)])}
                        " "
                        <FigureSource source=source />
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t(Key::FiguresHeading)}</h3>
            <ul class="list-bullet figures">{items}</ul>
        }
    })
}

/// The estimated monthly amount, if the programme's rule gives one for this household.
#[component]
pub fn Estimate(outcome: Outcome, answers: Answers, standards: Standards) -> impl IntoView {
    let i18n = use_i18n();
    estimated_monthly_yuan(&outcome, &answers, &standards).map(|amount| {
        let amount = amount.to_string();
        view! {
            <p class="estimate">
                <span class="tag">{move || i18n.t(Key::EstimateLabel)}</span>
                " "
                {move || fill(i18n.t(Key::EstimateMinimumLiving), &[("amount", &amount)])}
            </p>
        }
    })
}
