//! `/staff/charity/{id}/line` and `/staff/charity/{id}/disclosure`: the charity editor's two
//! publications of a project, a page each — a ledger line (money in or out, with the voucher it
//! rests on) and a disclosure. Once published, the editor is back on the project's page, which
//! shows it (`charity_project`). Each form checks what it can with the contract's own
//! rules (`LedgerLinePublication::check`, `DisclosurePublication::check`: the reference row's
//! checks and no date after today) before sending, and is sent once per filling-in (an
//! idempotency key), so a double tap publishes one line.
//! 简体 is required; 繁體 is made from it by the server unless given; English only when given.

use super::api_more as api;
use super::i18n::Key;
use super::session::RequireStaff;
use crate::i18n::use_i18n;
use crate::journeys::charity::labels::{counterparty, kind};
use crate::shared::clock::today;
use crate::shared::form::FormErrors;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, RadioOption, Radios, TextField};
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::{
    parse_recorded_yuan, Counterparty, DisclosurePublication, LedgerKind, LedgerLinePublication, Published,
};
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn LinePage() -> impl IntoView {
    use_title(Key::LineTitle);
    view! {
        <RequireStaff>
            <LineForm project=project_id() />
        </RequireStaff>
    }
}

#[component]
pub fn DisclosurePage() -> impl IntoView {
    use_title(Key::DisclosureTitle);
    view! {
        <RequireStaff>
            <DisclosureForm project=project_id() />
        </RequireStaff>
    }
}

/// The project's id from the address.
fn project_id() -> String {
    use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default()
}

/// A project's staff page (its id encoded, so it stays one path segment).
pub fn project_path(project: &str) -> String {
    format!("/staff/charity/{}", String::from(js_sys::encode_uri_component(project)))
}

/// The project's page, saying what was published.
fn project_page(project: &str, published: &str) -> String {
    format!("{}?published={published}", project_path(project))
}

/// The three texts of a localised field as typed: 简体, 繁體 (blank: the server converts) and
/// English (blank: none).
#[derive(Clone, Copy)]
struct Texts {
    hans: RwSignal<String>,
    hant: RwSignal<String>,
    en: RwSignal<String>,
}

impl Texts {
    fn new() -> Self {
        Texts {
            hans: RwSignal::new(String::new()),
            hant: RwSignal::new(String::new()),
            en: RwSignal::new(String::new()),
        }
    }

    fn value(&self) -> LocalisedText {
        let en = self.en.get_untracked().trim().to_string();
        LocalisedText {
            zh_hans: self.hans.get_untracked().trim().to_string(),
            zh_hant: self.hant.get_untracked().trim().to_string(),
            en: (!en.is_empty()).then_some(en),
        }
    }
}

/// The three fields of a localised text (简体 with its hint, then 繁體 and English), named as the
/// request's fields so the server's and the contract's errors land on them.
#[component]
fn TextsFields(
    texts: Texts,
    names: [&'static str; 3],
    labels: [Key; 3],
    hint: Key,
    errors: FormErrors,
) -> impl IntoView {
    view! {
        <TextField name=names[0] label=labels[0] hint=hint value=texts.hans errors=errors />
        <TextField name=names[1] label=labels[1] value=texts.hant errors=errors />
        <TextField name=names[2] label=labels[2] value=texts.en errors=errors />
    }
}

/// A typed day (the date input's `YYYY-MM-DD`); a missing one is reported under `date`.
fn typed_day(value: RwSignal<String>, errors: &mut FieldErrors) -> Date {
    Date::parse_iso(value.get_untracked().trim()).unwrap_or_else(|| {
        errors.add("date", FieldError::Required);
        today()
    })
}

/// The problems of what was typed: the ones found reading it first, then the contract's checks.
fn problems(mut read: FieldErrors, checked: FieldErrors) -> FieldErrors {
    for (field, error) in checked.0 {
        read.add(&field, error);
    }
    read
}

#[component]
fn LineForm(project: String) -> impl IntoView {
    let i18n = use_i18n();
    let date = RwSignal::new(today().to_iso());
    let (way, amount, party, receipt) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let purpose = Texts::new();
    let key = RwSignal::new(String::new());
    let back = project_path(&project);
    let (navigate, to) = (use_navigate(), project_page(&project, "line"));
    let submit = Submit::once(key, api::publish_line).on_done(move |_: Published| navigate(&to, Default::default()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut read = FieldErrors::new();
        let day = typed_day(date, &mut read);
        let way = LedgerKind::from_code(&way.get_untracked());
        let party = Counterparty::from_code(&party.get_untracked());
        let amount = read.check("amount_fen", parse_recorded_yuan(&amount.get_untracked()));
        if way.is_none() {
            read.add("kind", FieldError::Required);
        }
        if party.is_none() {
            read.add("counterparty", FieldError::Required);
        }
        let req = LedgerLinePublication {
            project: project.clone(),
            date: day,
            kind: way.unwrap_or(LedgerKind::Expense),
            amount_fen: amount.unwrap_or(1),
            purpose: purpose.value(),
            counterparty: party.unwrap_or(Counterparty::Operations),
            receipt_ref: receipt.get_untracked().trim().to_string(),
        };
        if !submit.refuse(problems(read, req.check(today()))) {
            submit.send(req);
        }
    };
    let kinds = LedgerKind::ALL.iter().map(|&k| RadioOption::msg(k.code(), kind(k))).collect::<Vec<_>>();
    let parties = Counterparty::ALL.iter().map(|&c| RadioOption::msg(c.code(), counterparty(c))).collect::<Vec<_>>();
    let busy = submit.pending();
    view! {
        <BackLink href=back text=Key::BackToProject />
        <h1>{move || i18n.t(Key::LineTitle)}</h1>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField name="date" label=Key::LineDate value=date errors=submit.errors input_type="date" />
            <Radios name="kind" legend=Key::LineKind options=kinds value=way errors=submit.errors />
            <TextField
                name="amount_fen"
                label=Key::LineAmount
                hint=Key::LineAmountHint
                value=amount
                errors=submit.errors
                inputmode="decimal"
            />
            <TextsFields
                texts=purpose
                names=["purpose.zh_hans", "purpose.zh_hant", "purpose.en"]
                labels=[Key::LinePurpose, Key::LinePurposeHant, Key::LinePurposeEn]
                hint=Key::LinePurposeHint
                errors=submit.errors
            />
            <Radios name="counterparty" legend=Key::LineCounterparty options=parties value=party errors=submit.errors />
            <TextField name="receipt_ref" label=Key::LineReceipt value=receipt errors=submit.errors />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Publishing } else { Key::LineButton })}
            </button>
        </form>
    }
}

#[component]
fn DisclosureForm(project: String) -> impl IntoView {
    let i18n = use_i18n();
    let date = RwSignal::new(today().to_iso());
    let title = Texts::new();
    let key = RwSignal::new(String::new());
    let back = project_path(&project);
    let (navigate, to) = (use_navigate(), project_page(&project, "disclosure"));
    let submit =
        Submit::once(key, api::publish_disclosure).on_done(move |_: Published| navigate(&to, Default::default()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut read = FieldErrors::new();
        let day = typed_day(date, &mut read);
        let req = DisclosurePublication { project: project.clone(), date: day, title: title.value() };
        if !submit.refuse(problems(read, req.check(today()))) {
            submit.send(req);
        }
    };
    let busy = submit.pending();
    view! {
        <BackLink href=back text=Key::BackToProject />
        <h1>{move || i18n.t(Key::DisclosureTitle)}</h1>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField name="date" label=Key::DisclosureDate value=date errors=submit.errors input_type="date" />
            <TextsFields
                texts=title
                names=["title.zh_hans", "title.zh_hant", "title.en"]
                labels=[Key::DisclosureHeading, Key::DisclosureHeadingHant, Key::DisclosureHeadingEn]
                hint=Key::DisclosureHeadingHint
                errors=submit.errors
            />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Publishing } else { Key::DisclosureButton })}
            </button>
        </form>
    }
}
