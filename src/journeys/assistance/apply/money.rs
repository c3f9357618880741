//! Tasks: income and assets (with totals as the resident types), what happened, and the bank
//! account to pay into. The date of what happened is typed as year-month-day like every date of
//! this journey (its hint shows one), not a browser date control: that control orders its parts
//! by the browser's locale, not the page's language, so the keys to type differ by device.

use super::save_and_continue;
use crate::i18n::use_i18n;
use crate::journeys::assistance::draft::{code_of, lens, use_journey, ASSET_FIELDS, INCOME_FIELDS};
use crate::journeys::assistance::i18n::Key;
use crate::journeys::assistance::labels;
use crate::shared::form::FormErrors;
use crate::shared::ui::{BackLink, ErrorSummary, RadioOption, Radios, TextField};
use baoan_contract::assistance::EmergencyKind;
use leptos::prelude::*;

fn income_label(field: &str) -> (&'static str, Key) {
    match field {
        "salary" => ("income.salary_yuan", Key::IncSalary),
        "pension" => ("income.pension_yuan", Key::IncPension),
        "rent" => ("income.rent_yuan", Key::IncRent),
        "other" => ("income.other_income_yuan", Key::IncOther),
        "savings" => ("income.savings_yuan", Key::IncSavings),
        "vehicles" => ("income.vehicles_yuan", Key::IncVehicles),
        _ => ("income.property_yuan", Key::IncProperty),
    }
}

#[component]
pub fn IncomeTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let field = move |key: &'static str| {
        let (name, label) = income_label(key);
        let value = lens(
            draft,
            move |d| d.income.get(key).cloned().unwrap_or_default(),
            move |d, v| {
                d.income.insert(key.to_string(), v);
            },
        );
        view! {
            <TextField
                name=name
                label=label
                hint=Key::AmountHint
                value=value
                errors=errors
                inputmode="numeric"
                maxlength=12
            />
        }
    };
    let monthly = move || draft.with(|d| INCOME_FIELDS.iter().map(|f| d.amount(f)).sum::<i64>());
    let assets = move || draft.with(|d| ASSET_FIELDS.iter().map(|f| d.amount(f)).sum::<i64>());
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskIncome)}</h1>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=save_and_continue(errors, "income.")>
            <h2>{move || i18n.t(Key::MonthlyIncome)}</h2>
            {INCOME_FIELDS.map(field).collect_view()}
            <p class="total" aria-live="polite">
                {move || i18n.t(Key::TotalMonthly)}
                " "
                <strong id="total-income">{monthly}</strong>
                " "
                {move || i18n.t(Key::Yuan)}
            </p>
            <h2>{move || i18n.t(Key::Assets)}</h2>
            {ASSET_FIELDS.map(field).collect_view()}
            <p class="total" aria-live="polite">
                {move || i18n.t(Key::TotalAssets)}
                " "
                <strong id="total-assets">{assets}</strong>
                " "
                {move || i18n.t(Key::Yuan)}
            </p>
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}

#[component]
pub fn EventTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let kind = lens(draft, |d| d.event_kind.clone(), |d, v| d.event_kind = v);
    let date = lens(draft, |d| d.event_date.clone(), |d, v| d.event_date = v);
    let place = lens(draft, |d| d.event_place.clone(), |d, v| d.event_place = v);
    let description = lens(draft, |d| d.event_description.clone(), |d, v| d.event_description = v);
    let expenses = lens(draft, |d| d.event_expenses.clone(), |d, v| d.event_expenses = v);
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskEvent)}</h1>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=save_and_continue(errors, "event.")>
            <Radios
                name="event.kind"
                legend=Key::EventKind
                errors=errors
                value=kind
                options=[
                    EmergencyKind::Illness,
                    EmergencyKind::Accident,
                    EmergencyKind::Fire,
                    EmergencyKind::Disaster,
                    EmergencyKind::Other,
                ]
                    .into_iter()
                    .map(|k| RadioOption::msg(code_of(k), labels::emergency(k)))
                    .collect()
            />
            <TextField
                name="event.date"
                label=Key::EventDate
                hint=Key::EventDateHint
                value=date
                errors=errors
                inputmode="numeric"
                maxlength=10
            />
            <TextField name="event.place" label=Key::EventPlace value=place errors=errors maxlength=200 />
            <TextField
                name="event.description"
                label=Key::EventDescription
                value=description
                errors=errors
                maxlength=500
            />
            <TextField
                name="event.expenses_yuan"
                label=Key::EventExpenses
                hint=Key::AmountHint
                value=expenses
                errors=errors
                inputmode="numeric"
                maxlength=12
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}

#[component]
pub fn BankTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let bank = lens(draft, |d| d.bank.bank_name.clone(), |d, v| d.bank.bank_name = v);
    let holder = lens(draft, |d| d.bank.holder.clone(), |d, v| d.bank.holder = v);
    let account = lens(draft, |d| d.bank.account_number.clone(), |d, v| d.bank.account_number = v);
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskBank)}</h1>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=save_and_continue(errors, "bank.")>
            <TextField name="bank.bank_name" label=Key::BankName value=bank errors=errors maxlength=60 />
            <TextField
                name="bank.holder"
                label=Key::BankHolder
                hint=Key::BankHolderHint
                value=holder
                errors=errors
                maxlength=60
            />
            <TextField
                name="bank.account_number"
                label=Key::BankAccount
                hint=Key::BankAccountHint
                value=account
                errors=errors
                inputmode="numeric"
                maxlength=30
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}
