//! /charity/projects/:id — what the project is, who runs it, its budget, progress timeline,
//! public ledger with running balance, spending chart, disclosure badge, recent gifts, share link.

use super::api;
use super::i18n::Key;
use super::labels::{badge, category, status, yuan, yuan_whole};
use super::ledger::{LedgerTable, SpendingChart};
use crate::i18n::use_i18n;
use crate::shared::loadable::Loaded;
use crate::shared::ui::{BackLink, Notice, SummaryList, SummaryRow};
use baoan_contract::charity::{progress_permille, DisclosureBadge, ProjectDetail, ProjectPhoto, ProjectStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProjectPage() -> impl IntoView {
    // The title is the project's own (set once it has loaded).
    let params = use_params_map();
    let project = LocalResource::new(move || api::project(params.get().get("id").unwrap_or_default()));
    view! {
        <Loaded resource=project let:p>
            <ProjectView p=p />
        </Loaded>
    }
}

#[component]
pub fn Badge(badge_of: DisclosureBadge) -> impl IntoView {
    let i18n = use_i18n();
    let (words, days) = badge(badge_of);
    let next_due = badge_of.next_due();
    view! {
        <p class=format!("charity-badge charity-badge-{}", badge_of.tone())>
            <strong>
                {move || i18n.t(words)}{days.map(|d| format!(" {d} ")).unwrap_or_default()}
                {move || days.map(|d| i18n.t_n(Key::Days, d))}
            </strong>
            <span class="charity-badge-next">
                {move || i18n.t(Key::NextDue)}{move || i18n.t(Key::Colon)}{next_due.to_iso()}
            </span>
        </p>
    }
}

/// The project's photos in a row that scrolls sideways on a phone. Each image carries its
/// pixel size, so its box is reserved before it loads (nothing below moves), and loads lazily.
#[component]
fn PhotoStrip(photos: Vec<ProjectPhoto>) -> impl IntoView {
    let i18n = use_i18n();
    (!photos.is_empty()).then(|| {
        let many = photos.len() > 1;
        view! {
            // Focusable so a keyboard can scroll the row; labelled as the project's photos.
            <section
                class="charity-photos"
                class:charity-photos-many=many
                tabindex="0"
                aria-label=move || i18n.t(Key::Photos)
            >
                {photos
                    .into_iter()
                    .map(|ph| {
                        let text = ph.alt.clone();
                        let alt = move || crate::i18n::marked(&ph.alt, i18n.lang.get());
                        let alt_lang = move || text.pick(crate::i18n::text_lang(i18n.lang.get())).fell_back_to;
                        // Alt text is plain text: a fallback is marked, and the image tagged
                        // with the alt's language.
                        view! {
                            <img
                                src=api::photo_url(&ph.id)
                                alt=alt
                                lang=alt_lang
                                width=ph.width.to_string()
                                height=ph.height.to_string()
                                loading="lazy"
                                decoding="async"
                            />
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

#[component]
fn ProjectView(p: ProjectDetail) -> impl IntoView {
    let i18n = use_i18n();
    let c = p.card.clone();
    let percent = progress_permille(c.raised_fen, c.target_fen) / 10;
    let open = c.status == ProjectStatus::Fundraising;
    let give_href = format!("/charity/projects/{}/give", c.id);
    let share = format!("{}/charity/projects/{}", window().location().origin().unwrap_or_default(), c.id);
    let (cat, st) = (category(c.category), status(c.status));
    let title = c.title.clone();
    Effect::new(move |_| {
        let _ = i18n.lang.get();
        let title = crate::i18n::marked(&title, i18n.lang.get());
        document().set_title(&format!("{title} – {}", i18n.t(crate::i18n::Key::SiteName)));
    });
    view! {
        <BackLink href=String::from("/charity") text=Key::BackToList />
        <h1>
            <crate::i18n::Localised text=c.title.clone() />
        </h1>
        <p class="charity-card-meta">
            <span class="tag">{move || i18n.t(cat)}</span>
            " "
            <span class="tag">{move || i18n.t(st)}</span>
        </p>
        <Badge badge_of=p.badge />
        <progress
            class="charity-progress"
            max="100"
            value=percent.to_string()
            aria-label=move || format!("{} {percent}%", i18n.t(Key::ProgressLabel))
        ></progress>
        <SummaryList>
            <SummaryRow label=Key::Raised>{yuan(c.raised_fen)}" ("{percent}"%)"</SummaryRow>
            <SummaryRow label=Key::Target>{yuan(c.target_fen)}</SummaryRow>
            <SummaryRow label=Key::Donors>{c.donors}</SummaryRow>
            <SummaryRow label=Key::DaysLeft>
                {move || if open { c.days_left.to_string() } else { i18n.t(Key::Ended).to_string() }}
            </SummaryRow>
            <SummaryRow label=Key::Organiser>
                <crate::i18n::Localised text=c.organiser.clone() />
            </SummaryRow>
            <SummaryRow label=Key::Qualification>
                <crate::i18n::Localised text=p.qualification.clone() />
            </SummaryRow>
            <SummaryRow label=Key::RegistrationNo>{c.registration_no.clone()}</SummaryRow>
            {c
                .fund_id
                .clone()
                .zip(c.fund_name.clone())
                .map(|(id, name)| {
                    view! {
                        <SummaryRow label=Key::FilterFund>
                            <a href=format!("/charity/funds/{id}")>
                                <crate::i18n::Localised text=name />
                            </a>
                        </SummaryRow>
                    }
                })}
        </SummaryList>
        {if open {
            view! {
                <a class="button charity-give" href=give_href>
                    {move || i18n.t(Key::GiveButton)}
                </a>
            }
                .into_any()
        } else {
            view! {
                <Notice>
                    <p>{move || i18n.t(Key::ProjectFinishedNote)}</p>
                </Notice>
            }
                .into_any()
        }}
        <h2>{move || i18n.t(Key::Description)}</h2>
        <p>
            <crate::i18n::Localised text=p.description.clone() />
        </p>
        <PhotoStrip photos=p.photos.clone() />
        <h2>{move || i18n.t(Key::Budget)}</h2>
        <table class="charity-table">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::BudgetItem)}</th>
                    <th scope="col" class="num">
                        {move || i18n.t(Key::Amount)}
                    </th>
                </tr>
            </thead>
            <tbody>
                {p
                    .budget
                    .iter()
                    .map(|b| {
                        view! {
                            <tr>
                                <td>
                                    <crate::i18n::Localised text=b.item.clone() />
                                </td>
                                <td class="num">{yuan_whole(b.amount_fen)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <h2>{move || i18n.t(Key::Updates)}</h2>
        <ol class="charity-timeline">
            {p
                .updates
                .iter()
                .map(|u| {
                    view! {
                        <li>
                            <p class="hint">{u.date.to_iso()}</p>
                            <h3>
                                <crate::i18n::Localised text=u.title.clone() />
                            </h3>
                            <p>
                                <crate::i18n::Localised text=u.body.clone() />
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <h2 id="ledger">{move || i18n.t(Key::Ledger)}</h2>
        <SpendingChart lines=p.ledger.clone() />
        <LedgerTable lines=p.ledger.clone() />
        <h2>{move || i18n.t(Key::Disclosures)}</h2>
        <ul>
            {p
                .disclosures
                .iter()
                .map(|d| view! { <li>{d.date.to_iso()}" "<crate::i18n::Localised text=d.title.clone() /></li> })
                .collect_view()}
        </ul>
        <h2>{move || i18n.t(Key::RecentGifts)}</h2>
        <ul class="charity-gifts">
            {p
                .recent_gifts
                .iter()
                .map(|g| {
                    let name = g.display_name.clone();
                    view! {
                        <li>
                            {move || name.clone().unwrap_or_else(|| i18n.t(Key::Anonymous).to_string())}" · "
                            {yuan(g.amount_fen)}" · "{g.date.to_iso()}
                            {(!g.message.is_empty()).then(|| view! { <q>{g.message.clone()}</q> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <div class="field">
            <label for="share-link">{move || i18n.t(Key::ShareLink)}</label>
            <input type="text" id="share-link" readonly prop:value=share />
        </div>
    }
}
