//! One project card in a list: title, organiser, registration number, target, raised with a
//! <progress> bar, donors, days left.

use super::i18n::Key;
use super::labels::{category, status, yuan_whole};
use crate::i18n::{use_i18n, Localised};
use baoan_contract::charity::{progress_permille, ProjectCard, ProjectStatus};
use leptos::prelude::*;

#[component]
pub fn ProjectCardView(card: ProjectCard) -> impl IntoView {
    let i18n = use_i18n();
    let percent = progress_permille(card.raised_fen, card.target_fen) / 10;
    let href = format!("/charity/projects/{}", card.id);
    let finished = card.status == ProjectStatus::Finished;
    let days_left = card.days_left;
    let (cat, st) = (category(card.category), status(card.status));
    view! {
        <li class="charity-card">
            <h3 class="charity-card-title">
                <a href=href>
                    <Localised text=card.title.clone() />
                </a>
            </h3>
            <p class="charity-card-meta">
                <span class="tag">{move || i18n.t(cat)}</span>
                " "
                <span class="tag" class:tag-muted=finished>
                    {move || i18n.t(st)}
                </span>
                " "
                <Localised text=card.organiser.clone() />
            </p>
            <progress
                class="charity-progress"
                max="100"
                value=percent.to_string()
                aria-label=move || format!("{} {percent}%", i18n.t(Key::ProgressLabel))
            ></progress>
            <dl class="charity-figures">
                <div>
                    <dt>{move || i18n.t(Key::Raised)}</dt>
                    <dd>{yuan_whole(card.raised_fen)}" ("{percent}"%)"</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::Target)}</dt>
                    <dd>{yuan_whole(card.target_fen)}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::Donors)}</dt>
                    <dd>{card.donors}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t(Key::DaysLeft)}</dt>
                    <dd>{move || if finished { i18n.t(Key::Ended).to_string() } else { days_left.to_string() }}</dd>
                </div>
            </dl>
            <p class="charity-card-reg hint">
                {move || i18n.t(Key::RegistrationNo)}{move || i18n.t(Key::Colon)}{card.registration_no.clone()}
            </p>
        </li>
    }
}
