//! The figures a result rests on, each with its source and effective date (`SourceDocument`,
//! `SourceDistrict`), and a visible example tag (`SourceExample`) on a figure that is only an
//! example (demonstration data). Also the estimated
//! monthly amount where the programme's rule gives one, labelled as an estimate.

use super::i18n::Key;
use super::labels;
use crate::i18n::{fill, use_i18n};
use baoan_contract::assistance::*;
use baoan_contract::rules::figures::{Basis, Provenance};
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
                        <Source source=source />
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

/// The source line (`SourceDocument`: document, article and date; `SourceDistrict`: date), or
/// the example tag with its note that this is not an official standard.
#[component]
fn Source(source: Option<Provenance>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(Provenance { basis, effective_from }) = source.filter(|p| !p.is_example()) else {
        return view! {
            <span class="tag tag-example">{move || i18n.t(Key::SourceExample)}</span>
            " "
            <span class="figure-source">{move || i18n.t(Key::SourceExampleNote)}</span>
        }
        .into_any();
    };
    let date = effective_from.to_string();
    let text = move || match &basis {
        Basis::Document { document, article } => fill(
            i18n.t(Key::SourceDocument),
            &[("document", document.as_str()), ("article", article.as_str()), ("date", &date)],
        ),
        _ => fill(i18n.t(Key::SourceDistrict), &[("date", &date)]),
    };
    view! { <span class="figure-source">{text}</span> }.into_any()
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
