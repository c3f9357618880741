//! Check your answers, then submit (`shared::submit::Submit`) with the idempotency key kept in
//! the draft: a retry after a dropped network, even after a reload, sends the same key, so
//! exactly one application is created.

use super::all_errors;
use crate::i18n::id_type_key;
use crate::i18n::{use_i18n, Key as Shared, Msg};
use crate::journeys::assistance::api;
use crate::journeys::assistance::draft::{clear, from_code, idempotency_key, use_journey, AppDraft};
use crate::journeys::assistance::i18n::Key;
use crate::journeys::assistance::labels;
use crate::shared::api::ClientError;
use crate::shared::loadable::error_key;
use crate::shared::submit::Submit;
use crate::shared::ui::{id_type_of, BackLink, Notice, NoticeKind, SummaryList, SummaryRow};
use baoan_contract::assistance::{ApplicationView, Relation, Residence};
use baoan_contract::mask::mask_id_number;
use baoan_contract::rules::documents::IdType;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    let draft = journey.draft;
    let navigate = use_navigate();
    let submit = Submit::once(idempotency_key(draft), api::submit).on_done(move |app: ApplicationView| {
        clear(draft);
        navigate(&format!("/assistance/applications/{}?submitted=1", app.reference), Default::default());
    });
    let send = move |_| match draft.with_untracked(AppDraft::to_form).0 {
        Some(form) => submit.send(form),
        // Only a draft without a programme has no form, and then the button is disabled.
        None => submit.general.set(Some(error_key(&ClientError::Network))),
    };
    let row = move |label: Msg, value: AnyView, task: &'static str| {
        view! {
            <SummaryRow label=label change=(format!("/assistance/apply/{task}"), Key::Change.into())>
                {value}
            </SummaryRow>
        }
    };
    let d = draft.get_untracked();
    // Reactive: the community list may still be on its way when this page opens from a link.
    let problems = Memo::new(move |_| {
        let communities = journey.communities.get().and_then(Result::ok).unwrap_or_default();
        !draft.with(|d| all_errors(d, &communities).is_empty())
    });
    let residence =
        from_code::<Residence>(&d.residence).map(|r| i18n.t(labels::residence(r)).to_string()).unwrap_or_default();
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::CheckAnswers)}</h1>
        {submit.summary()}
        {move || {
            problems
                .get()
                .then(|| {
                    view! {
                        <Notice kind=NoticeKind::Error>
                            <p>{move || i18n.t(Key::FinishTasksFirst)}</p>
                        </Notice>
                    }
                })
        }}
        <SummaryList>
            {row(
                Key::ProgrammeLabel.into(),
                d.programme().map(|p| i18n.t(labels::programme(p)).to_string()).unwrap_or_default().into_any(),
                "applicant",
            )} {row(Shared::NameLabel.into(), d.applicant.name.clone().into_any(), "applicant")}
            {row(
                Key::IdLabel.into(),
                view! {
                    {i18n.t(id_type_key(d.applicant.id_type))}
                    " "
                    <span class="nowrap">{mask_id_number(&d.applicant.id_number)}</span>
                }
                    .into_any(),
                "applicant",
            )}
            {(d.applicant.id_type != IdType::ResidentId)
                .then(|| row(
                    Key::BirthDateLabel.into(),
                    view! { <span class="nowrap">{d.applicant.birth_date.clone()}</span> }.into_any(),
                    "applicant",
                ))}
            {row(
                Key::PhoneLabel.into(),
                view! { <span class="nowrap">{d.applicant.phone.clone()}</span> }.into_any(),
                "applicant",
            )} {row(Key::QResidence.into(), residence.into_any(), "applicant")}
            {row(Key::AddressLabel.into(), d.applicant.address.clone().into_any(), "applicant")}
            {d
                .members
                .iter()
                .map(|m| {
                    let rel = from_code::<Relation>(&m.relation)
                        .map(|r| i18n.t(labels::relation(r)).to_string())
                        .unwrap_or_default();
                    let id_type = id_type_of(&m.id_type);
                    let value = // The type is said only when it is not the usual resident ID; its date of birth is typed then.
                    view! {
                        {format!("{} · {}", m.name, rel)}
                        <br />
                        {(id_type != IdType::ResidentId).then(|| format!("{} ", i18n.t(id_type_key(id_type))))}
                        <span class="nowrap">{mask_id_number(&m.id_number)}</span>
                        {(id_type != IdType::ResidentId)
                            .then(|| {
                                view! {
                                    " · "
                                    <span class="nowrap">{m.birth_date.clone()}</span>
                                }
                            })}
                    };
                    row(Key::MemberTitle.into(), value.into_any(), "members")
                })
                .collect_view()}
            {row(
                Key::TotalMonthly.into(),
                format!("{}", ["salary", "pension", "rent", "other"].iter().map(|f| d.amount(f)).sum::<i64>())
                    .into_any(),
                "income",
            )}
            {row(
                Key::TotalAssets.into(),
                format!("{}", ["savings", "vehicles", "property"].iter().map(|f| d.amount(f)).sum::<i64>()).into_any(),
                "income",
            )}
            {d
                .programme()
                .is_some_and(|p| p.needs_event())
                .then(|| row(
                    Key::TaskEvent.into(),
                    view! {
                        <span class="nowrap">{d.event_date.clone()}</span>
                        " "
                        {d.event_place.clone()}
                    }
                        .into_any(),
                    "event",
                ))}
            {row(
                Key::BankAccount.into(),
                view! {
                    {d.bank.bank_name.clone()}
                    <br />
                    <span class="nowrap">{d.bank.account_number.clone()}</span>
                }
                    .into_any(),
                "bank",
            )}
            {row(
                Key::TaskDocuments.into(),
                d.documents.iter().map(|x| x.name.clone()).collect::<Vec<_>>().join(", ").into_any(),
                "documents",
            )}
            {row(
                Key::TaskConsent.into(),
                d.consents.values().cloned().collect::<Vec<_>>().join(", ").into_any(),
                "consent",
            )}
        </SummaryList>
        <h2>{move || i18n.t(Key::DeclarationTitle)}</h2>
        <p>{move || i18n.t(Key::Declaration)}</p>
        {move || submit.general.get().map(|_| view! { <p>{i18n.t(Key::SubmitKept)}</p> })}
        <button
            type="button"
            class="button"
            id="submit-application"
            disabled=move || submit.pending().get() || problems.get()
            on:click=send
        >
            {move || {
                i18n.t(
                    if submit.pending().get() {
                        Key::Submitting
                    } else if submit.general.get().is_some() {
                        Key::TryAgain
                    } else {
                        Key::Submit
                    },
                )
            }}
        </button>
    }
}
