//! The component gallery: every shared component (src/shared/ui) in every state — empty,
//! filled, with an error, disabled or full — on one page, for the axe scan in each language and
//! in elder mode (tests/e2e/specs/gallery-a11y.spec.mjs) and for people to look at.
//!
//! Not a production bundle: scripts/build-app.sh builds this binary only with BAOAN_GALLERY=1
//! (the test command), as `gallery.html` beside the six bundles' pages; a production build
//! neither links it nor ships it. No path leads to it but its file name. A separate binary
//! (rather than a debug-only route) lets the scan run against the same release build of the
//! components that residents get, and keeps every byte of it out of the six bundles.

use baoan_app::gallery::Key as Sample;
use baoan_app::i18n::{use_i18n, Key as Shared};
use baoan_app::journeys::assistance::i18n::Key as Assist;
use baoan_app::journeys::memorial::i18n::Key as Memorial;
use baoan_app::shared::form::FormErrors;
use baoan_app::shared::ui::*;
use baoan_app::{app, journeys};
use baoan_contract::bundle::Bundle;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::path;

fn main() {
    app::mount(Bundle::Home, &journeys::ALL_STRINGS, || {
        view! { <Route path=path!("/gallery.html") view=Gallery /> }.into_inner().into_any_nested_route()
    });
}

/// A section of the gallery; its name is for developers, so it is English only (marked so).
#[component]
fn Section(name: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="gallery-section">
            <h2 lang="en">{name}</h2>
            {children()}
        </section>
    }
}

fn text(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_string())
}

#[component]
fn Gallery() -> impl IntoView {
    let clean = FormErrors::new();
    let bad = FormErrors::new();
    let mut errors = FieldErrors::new();
    errors.add("g_phone_bad", FieldError::PhoneFormat);
    errors.add("g_radios_bad", FieldError::Required);
    errors.add("g_id_bad.id_number", FieldError::PassportFormat);
    errors.add("g_id_bad.birth_date", FieldError::Required);
    bad.set(errors);
    let general = Signal::stored(Some(Shared::ErrorNetwork));
    let today = Date::parse_iso("2026-04-01").expect("a date");
    let disability = || {
        vec![
            RadioOption::msg("0", Assist::DisNone),
            RadioOption::msg("1", Assist::Dis1),
            RadioOption::msg("2", Assist::Dis2),
        ]
    };
    let i18n = use_i18n();
    let places = move |n: i64| Signal::derive(move || format!("{} {n}", i18n.t(Memorial::PlacesLeft)));
    view! {
        <ConfirmationPanel
            title=Memorial::ConfirmedTitle
            reference_label=Memorial::Reference
            reference="BA-Q-2026-000042".to_string()
        />
        <p class="lead" lang="en">
            "Component gallery: every shared component in every state (test builds only)."
        </p>

        <Section name="Back link">
            <BackLink href="/gallery.html".to_string() text=Assist::Back />
        </Section>

        <Section name="Print button">
            <PrintButton label=Assist::PrintSummary />
            <PrintButton label=Assist::PrintSummary primary=true />
        </Section>

        <Section name="Error summary">
            <ErrorSummary errors=bad general=general />
        </Section>

        <Section name="Text field">
            <TextField name="g_name" label=Shared::NameLabel hint=Shared::NameHint value=text("") errors=clean />
            <TextField
                name="g_phone"
                label=Shared::PhoneLabel
                value=text("13800000000")
                errors=clean
                input_type="tel"
                inputmode="numeric"
            />
            <TextField
                name="g_phone_bad"
                label=Shared::PhoneLabel
                hint=Shared::PhoneHint
                value=text("1380000")
                errors=bad
                input_type="tel"
                inputmode="numeric"
            />
        </Section>

        <Section name="Radios">
            <Radios
                name="g_radios"
                legend=Assist::QDisability
                hint=Assist::QDisabilityHint
                options=disability()
                value=text("")
                errors=clean
            />
            <Radios
                name="g_radios_chosen"
                legend=Assist::QDisability
                options=disability()
                value=text("1")
                errors=clean
            />
            <Radios name="g_radios_bad" legend=Assist::QDisability options=disability() value=text("") errors=bad />
            <Radios
                name="g_radios_plain"
                legend=Memorial::Cemetery
                value=text("b")
                errors=clean
                options=vec![
                    RadioOption::msg("a", Sample::SampleCemeteryA).hint(i18n.t(Sample::SamplePlaceA)).disabled(true),
                    RadioOption::msg("b", Sample::SampleCemeteryB).hint(i18n.t(Sample::SamplePlaceB)),
                ]
            />
        </Section>

        <Section name="ID-document fields">
            <IdFields
                names=["g_id.id_type", "g_id.id_number", "g_id.birth_date"]
                id_type=text("")
                id_number=text("")
                birth_date=text("")
                birth_label=Assist::BirthDateLabel
                birth_hint=Assist::BirthDateHint
                today=today
                errors=clean
            />
            <IdFields
                names=["g_id_ok.id_type", "g_id_ok.id_number", "g_id_ok.birth_date"]
                id_type=text("resident_id")
                id_number=text("11010519491231002X")
                birth_date=text("")
                birth_label=Assist::BirthDateLabel
                birth_hint=Assist::BirthDateHint
                today=today
                errors=clean
            />
            <IdFields
                names=["g_id_bad.id_type", "g_id_bad.id_number", "g_id_bad.birth_date"]
                id_type=text("passport")
                id_number=text("E1")
                birth_date=text("")
                birth_label=Assist::BirthDateLabel
                birth_hint=Assist::BirthDateHint
                today=today
                errors=bad
            />
        </Section>

        <Section name="Summary list">
            <SummaryList>
                <SummaryRow label=Memorial::Cemetery>{move || i18n.t(Sample::SampleCemeteryB)}</SummaryRow>
                <SummaryRow label=Memorial::Day change=("/gallery.html".to_string(), Memorial::Change.into())>
                    "2026-04-04"
                </SummaryRow>
                <SummaryRow label=Shared::NameLabel change=("/gallery.html".to_string(), Memorial::Change.into())>
                    ""
                </SummaryRow>
            </SummaryList>
        </Section>

        <Section name="Choice button with places left">
            <ul class="ui-gallery__list">
                <li>
                    <ChoiceButton href="/gallery.html".to_string() side=places(12)>
                        "2026-04-04"
                    </ChoiceButton>
                </li>
                <li>
                    <ChoiceButton
                        on_pick=Callback::new(|_| ())
                        side=places(3)
                        crowd=Crowd {
                            taken: 27,
                            capacity: 30,
                            label: Memorial::CrowdLabel.into(),
                        }
                    >
                        "09:00–10:00"
                    </ChoiceButton>
                </li>
                <li>
                    <ChoiceButton
                        disabled=true
                        side=Signal::derive(move || i18n.t(Memorial::Full).to_string())
                        crowd=Crowd {
                            taken: 30,
                            capacity: 30,
                            label: Memorial::CrowdLabel.into(),
                        }
                    >
                        "10:00–11:00"
                    </ChoiceButton>
                </li>
            </ul>
        </Section>

        <Section name="Notice">
            <Notice>
                <p>{move || i18n.t(Assist::ResultNone)}</p>
            </Notice>
            <Notice kind=NoticeKind::Error>
                <p>{move || i18n.t(Shared::ErrorNetwork)}</p>
            </Notice>
            <Notice kind=NoticeKind::Success>
                <p>{move || i18n.t(Shared::ProfileSaved)}</p>
            </Notice>
            <Notice kind=NoticeKind::Todo title=Assist::TodoDocuments>
                <p>{move || i18n.t(Assist::DocumentsHint)}</p>
            </Notice>
        </Section>

        <Section name="Task list">
            <TaskList tasks=vec![
                TaskItem {
                    code: "applicant",
                    href: "/gallery.html".into(),
                    title: Assist::TaskApplicant.into(),
                    state: Assist::Done.into(),
                    done: true,
                },
                TaskItem {
                    code: "members",
                    href: "/gallery.html".into(),
                    title: Assist::TaskMembers.into(),
                    state: Assist::InProgress.into(),
                    done: false,
                },
                TaskItem {
                    code: "bank",
                    href: "/gallery.html".into(),
                    title: Assist::TaskBank.into(),
                    state: Assist::NotStarted.into(),
                    done: false,
                },
            ] />
        </Section>
    }
}
