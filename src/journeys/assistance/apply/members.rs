//! Task: household members — a list with change and remove, and one page per member.

use super::save_and_continue;
use crate::i18n::{use_i18n, Key as Shared};
use crate::journeys::assistance::draft::{code_of, edit, lens, use_journey, MemberDraft};
use crate::journeys::assistance::i18n::Key;
use crate::journeys::assistance::labels;
use crate::shared::form::FormErrors;
use crate::shared::ui::{BackLink, ErrorSummary, IdFields, RadioOption, Radios, TextField};
use baoan_contract::assistance::{Relation, WorkStatus, MAX_MEMBERS};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub fn MembersTask() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let navigate = use_navigate();
    let add = move |_| {
        let n = draft.with_untracked(|d| d.members.len());
        if n < MAX_MEMBERS {
            edit(draft, |d| d.members.push(MemberDraft::default()));
            navigate(&format!("/assistance/apply/members-{n}"), Default::default());
        }
    };
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskMembers)}</h1>
        <p class="hint">{move || i18n.t(Key::MembersHint)}</p>
        <ErrorSummary errors=errors />
        <ul class="member-list">
            {move || {
                draft
                    .get()
                    .members
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let name = if m.name.trim().is_empty() {
                            i18n.t(Key::UnnamedMember).to_string()
                        } else {
                            m.name.clone()
                        };
                        view! {
                            <li class="member" data-member=i>
                                <strong>{name}</strong>
                                <A href=format!("/assistance/apply/members-{i}")>{move || i18n.t(Key::Change)}</A>
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| edit(
                                        draft,
                                        |d| {
                                            if i < d.members.len() {
                                                d.members.remove(i);
                                            }
                                            d.consents.retain(|k, _| !k.starts_with("members."));
                                        },
                                    )
                                >
                                    {move || i18n.t(Key::Remove)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        <p>
            <button type="button" class="button button-secondary" on:click=add>
                {move || i18n.t(Key::AddMember)}
            </button>
        </p>
        <form novalidate on:submit=save_and_continue(errors, "members")>
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}

#[component]
pub fn MemberTask(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_journey().draft;
    let errors = FormErrors::new();
    let navigate = use_navigate();
    if draft.with_untracked(|d| index >= d.members.len()) {
        edit(draft, |d| d.members.resize(index + 1, MemberDraft::default()));
    }
    let field = move |get: fn(&MemberDraft) -> String, set: fn(&mut MemberDraft, String)| {
        lens(
            draft,
            move |d| d.members.get(index).map(get).unwrap_or_default(),
            move |d, v| {
                if let Some(m) = d.members.get_mut(index) {
                    set(m, v)
                }
            },
        )
    };
    let relation = field(|m| m.relation.clone(), |m, v| m.relation = v);
    let name = field(|m| m.name.clone(), |m, v| m.name = v);
    let id_type = field(|m| m.id_type.clone(), |m, v| m.id_type = v);
    let id_number = field(|m| m.id_number.clone(), |m, v| m.id_number = v);
    let birth_date = field(|m| m.birth_date.clone(), |m, v| m.birth_date = v);
    let work = field(|m| m.work_status.clone(), |m, v| m.work_status = v);
    let income = field(|m| m.income.clone(), |m, v| m.income = v);
    let disability = field(|m| m.disability.clone(), |m, v| m.disability = v);
    let health = field(|m| m.health.clone(), |m, v| m.health = v);
    let prefix = format!("members.{index}.");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A member's checks never involve the community list.
        let e = draft.with_untracked(|d| super::task_errors(d, &[], &prefix));
        // Field names on this page are the member's own (relation, name…), prefixed for the summary.
        if e.is_empty() {
            errors.clear();
            navigate("/assistance/apply/members", Default::default());
        } else {
            errors.set(baoan_contract::error::FieldErrors(
                e.0.into_iter().map(|(k, v)| (k.replace(&prefix, "member."), v)).collect(),
            ));
        }
    };
    view! {
        <BackLink href="/assistance/apply/members".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::MemberTitle)}</h1>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=on_submit>
            <Radios
                name="member.relation"
                legend=Key::RelationLabel
                errors=errors
                value=relation
                options=Relation::ALL.into_iter().map(|r| RadioOption::msg(code_of(r), labels::relation(r))).collect()
            />
            <TextField name="member.name" label=Shared::NameLabel value=name errors=errors maxlength=60 />
            <IdFields
                names=["member.id_type", "member.id_number", "member.birth_date"]
                today=super::today()
                birth_label=Key::BirthDateLabel
                birth_hint=Key::BirthDateHint
                id_type=id_type
                id_number=id_number
                birth_date=birth_date
                errors=errors
            />
            <Radios
                name="member.work_status"
                legend=Key::WorkLabel
                errors=errors
                value=work
                options=WorkStatus::ALL.into_iter().map(|w| RadioOption::msg(code_of(w), labels::work(w))).collect()
            />
            <TextField
                name="member.monthly_income_yuan"
                label=Key::MemberIncome
                hint=Key::AmountHint
                value=income
                errors=errors
                inputmode="numeric"
                maxlength=12
            />
            <Radios
                name="member.disability_level"
                legend=Key::QDisability
                errors=errors
                value=disability
                options=vec![
                    RadioOption::msg("0", Key::DisNone),
                    RadioOption::msg("1", Key::Dis1),
                    RadioOption::msg("2", Key::Dis2),
                    RadioOption::msg("3", Key::Dis3),
                    RadioOption::msg("4", Key::Dis4),
                ]
            />
            <TextField
                name="member.health"
                label=Key::HealthLabel
                hint=Key::HealthHint
                value=health
                errors=errors
                maxlength=500
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}
