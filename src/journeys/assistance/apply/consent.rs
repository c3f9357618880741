//! Task: consent — the applicant and each adult member authorise the means check
//! (居民经济状况核对) by typing their own name; the applicant signs for minors as guardian.

use super::{save_and_continue, today};
use crate::i18n::{fill, use_i18n};
use crate::journeys::assistance::draft::{lens, use_journey};
use crate::journeys::assistance::i18n::Key;
use crate::shared::form::FormErrors;
use crate::shared::ui::{BackLink, ErrorSummary, TextField};
use leptos::prelude::*;

#[component]
pub fn ConsentTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let people = draft.with_untracked(|d| d.to_form().0.map(|f| f.consent_people(today())).unwrap_or_default());
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskConsent)}</h1>
        <p>{move || i18n.t(Key::ConsentExplained)}</p>
        <p class="hint">{move || i18n.t(Key::ConsentMinors)}</p>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=save_and_continue(errors, "consents.")>
            {people
                .into_iter()
                .map(|(person, name)| {
                    let field: &'static str = Box::leak(format!("consents.{person}").into_boxed_str());
                    let key = person.clone();
                    let value = lens(
                        draft,
                        move |d| d.consents.get(&person).cloned().unwrap_or_default(),
                        move |d, v| {
                            d.consents.insert(key.clone(), v);
                        },
                    );
                    view! {
                        <p class="consent-person">
                            <strong>{move || fill(i18n.t(Key::ConsentFor), &[("name", &name)])}</strong>
                        </p>
                        <TextField name=field label=Key::ConsentTypeName value=value errors=errors maxlength=60 />
                    }
                })
                .collect_view()}
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}
