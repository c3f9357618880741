//! The home page: what this service is for, the elder-mode switch, and the service menu.

use crate::i18n::{use_i18n, Key};
use crate::shared::icons::{Icon, Svg};
use crate::shared::page::use_site_title;
use crate::shell::preferences::ElderSwitch;
use leptos::prelude::*;
use leptos_router::components::A;

/// One entry of the service menu.
struct Service {
    href: &'static str,
    icon: Icon,
    title: Key,
    summary: Key,
}

const SERVICES: [Service; 5] = [
    Service {
        href: "/assistance",
        icon: Icon::Assistance,
        title: Key::AssistanceTitle,
        summary: Key::AssistanceSummary,
    },
    Service { href: "/marriage", icon: Icon::Marriage, title: Key::MarriageTitle, summary: Key::MarriageSummary },
    Service { href: "/charity", icon: Icon::Charity, title: Key::CharityTitle, summary: Key::CharitySummary },
    Service { href: "/memorial", icon: Icon::Memorial, title: Key::MemorialTitle, summary: Key::MemorialSummary },
    Service { href: "/mine", icon: Icon::Mine, title: Key::MineTitle, summary: Key::MineSummary },
];

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    use_site_title();
    view! {
        <h1>{move || i18n.t(Key::HomeHeading)}</h1>
        <p class="lead">{move || i18n.t(Key::HomeLead)}</p>
        <ElderSwitch />
        <nav aria-labelledby="services-heading">
            <h2 id="services-heading" class="visually-hidden">
                {move || i18n.t(Key::ServicesHeading)}
            </h2>
            <ul class="service-menu">
                {SERVICES
                    .iter()
                    .map(|s| {
                        let (title, summary) = (s.title, s.summary);
                        view! {
                            <li>
                                <A href=s.href attr:class="service-card">
                                    <Svg icon=s.icon />
                                    <span class="service-text">
                                        <span class="service-title">{move || i18n.t(title)}</span>
                                        <span class="service-summary">{move || i18n.t(summary)}</span>
                                    </span>
                                    <Svg icon=Icon::Chevron />
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
