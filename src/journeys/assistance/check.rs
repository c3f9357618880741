//! The eligibility check: one question per page, no sign-in, every answer kept in the draft
//! (a reload or the back button loses nothing). The last page is the result.

use super::draft::{code_of, edit, lens, parse_amount, use_journey};
use super::i18n::Key;
use super::labels;
use crate::i18n::use_i18n;
use crate::shared::form::FormErrors;
use crate::shared::page::use_title;
use crate::shared::ui::{BackLink, ErrorSummary, RadioOption, Radios, TextField};
use baoan_contract::assistance::{EmergencyKind, Residence};
use baoan_contract::error::{FieldError, FieldErrors};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

pub const STEPS: [&str; 9] =
    ["residence", "size", "ages", "disability", "income", "assets", "medical", "supporter", "emergency"];

fn yes_no() -> Vec<RadioOption> {
    vec![RadioOption::msg("yes", Key::Yes), RadioOption::msg("no", Key::No)]
}

#[component]
pub fn CheckStep() -> impl IntoView {
    let params = use_params_map();
    move || {
        let step = params.with(|p| p.get("step").unwrap_or_default());
        let index = STEPS.iter().position(|s| *s == step).unwrap_or(0);
        view! { <Question index=index /> }
    }
}

#[component]
fn Question(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    let draft = journey.draft;
    let navigate = use_navigate();
    let errors = FormErrors::new();
    let step = STEPS[index];
    use_title(Key::CheckTitle);
    let c = |f: fn(&mut super::draft::Check) -> &mut String| {
        lens(draft, move |d| f(&mut d.check.clone()).clone(), move |d, v| *f(&mut d.check) = v)
    };
    let value = match step {
        "residence" => c(|c| &mut c.residence),
        "size" => c(|c| &mut c.size),
        "disability" => c(|c| &mut c.disability),
        "income" => c(|c| &mut c.income),
        "assets" => c(|c| &mut c.assets),
        "medical" => c(|c| &mut c.medical),
        "supporter" => c(|c| &mut c.supporter),
        _ => c(|c| &mut c.emergency),
    };
    let here = c(|c| &mut c.emergency_here);
    // The ages page: one field per person, as many as the household size says.
    let size: usize = draft.with_untracked(|d| d.check.size.trim().parse().unwrap_or(1)).clamp(1, 16);
    let ages: Vec<RwSignal<String>> = (0..size)
        .map(|i| {
            lens(
                draft,
                move |d| d.check.ages.get(i).cloned().unwrap_or_default(),
                move |d, v| {
                    d.check.ages.resize(size, String::new());
                    d.check.ages[i] = v;
                },
            )
        })
        .collect();
    let ages_for_check = ages.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut e = FieldErrors::new();
        let v = value.get_untracked();
        match step {
            "size" => {
                if !matches!(v.trim().parse::<u32>(), Ok(1..=16)) {
                    e.add(
                        "size",
                        if v.trim().is_empty() { FieldError::Required } else { FieldError::AssistanceHousehold },
                    );
                }
            }
            "ages" => {
                for (i, a) in ages_for_check.iter().enumerate() {
                    if !matches!(a.get_untracked().trim().parse::<u32>(), Ok(0..=130)) {
                        e.add(&format!("age-{i}"), FieldError::AssistanceHousehold);
                    }
                }
                edit(draft, |d| d.check.ages.truncate(size));
            }
            "income" | "assets" | "medical" => {
                e.check(step, parse_amount(&v));
                if v.trim().is_empty() {
                    e.add(step, FieldError::Required);
                }
            }
            "emergency" => {
                if v.is_empty() {
                    e.add("emergency", FieldError::Required);
                } else if v != "none" && here.get_untracked().is_empty() {
                    e.add("emergency_here", FieldError::Required);
                }
            }
            _ => {
                if v.is_empty() {
                    e.add(step, FieldError::Required);
                }
            }
        }
        if !e.is_empty() {
            errors.set(e);
            return;
        }
        errors.clear();
        let next =
            STEPS.get(index + 1).map(|s| format!("/assistance/check/{s}")).unwrap_or("/assistance/check/result".into());
        navigate(&next, Default::default());
    };
    let back = if index == 0 { "/assistance".to_string() } else { format!("/assistance/check/{}", STEPS[index - 1]) };
    let amount_field = |name: &'static str, label: Key, hint: Key| {
        view! {
            <h1>{move || i18n.t(label)}</h1>
            <TextField
                name=name
                label=Key::AmountYuan
                hint=hint
                value=value
                errors=errors
                inputmode="numeric"
                maxlength=12
            />
        }
    };
    let body = match step {
        "residence" => view! {
            <Radios
                name="residence"
                legend=Key::QResidence
                heading=true
                errors=errors
                value=value
                options=[Residence::BaoanHukou, Residence::BaoanPermit, Residence::Elsewhere]
                    .into_iter()
                    .map(|r| RadioOption::msg(code_of(r), labels::residence(r)))
                    .collect()
            />
        }
        .into_any(),
        "size" => view! {
            <h1>{move || i18n.t(Key::QSize)}</h1>
            <TextField
                name="size"
                label=Key::PeopleCount
                hint=Key::QSizeHint
                value=value
                errors=errors
                inputmode="numeric"
                maxlength=2
            />
        }
        .into_any(),
        "ages" => view! {
            <h1>{move || i18n.t(Key::QAges)}</h1>
            <p class="hint">{move || i18n.t(Key::QAgesHint)}</p>
            {ages
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    let name: &'static str = Box::leak(format!("age-{i}").into_boxed_str());
                    let label = if i == 0 { Key::AgeYou } else { Key::AgeOther };
                    view! {
                        <div class="age-row" data-person=i + 1>
                            <TextField name=name label=label value=a errors=errors inputmode="numeric" maxlength=3 />
                        </div>
                    }
                })
                .collect_view()}
        }
        .into_any(),
        "disability" => view! {
            <Radios
                name="disability"
                legend=Key::QDisability
                hint=Key::QDisabilityHint
                heading=true
                errors=errors
                value=value
                options=vec![
                    RadioOption::msg("0", Key::DisNone),
                    RadioOption::msg("1", Key::Dis1),
                    RadioOption::msg("2", Key::Dis2),
                    RadioOption::msg("3", Key::Dis3),
                    RadioOption::msg("4", Key::Dis4),
                ]
            />
        }
        .into_any(),
        "income" => amount_field("income", Key::QIncome, Key::QIncomeHint).into_any(),
        "assets" => amount_field("assets", Key::QAssets, Key::QAssetsHint).into_any(),
        "medical" => amount_field("medical", Key::QMedical, Key::QMedicalHint).into_any(),
        "supporter" => view! {
            <Radios
                name="supporter"
                legend=Key::QSupporter
                hint=Key::QSupporterHint
                heading=true
                errors=errors
                value=value
                options=yes_no()
            />
        }
        .into_any(),
        _ => view! {
            <Radios
                name="emergency"
                legend=Key::QEmergency
                heading=true
                errors=errors
                value=value
                options=std::iter::once(RadioOption::msg("none", Key::EmNone))
                    .chain(
                        [
                            EmergencyKind::Illness,
                            EmergencyKind::Accident,
                            EmergencyKind::Fire,
                            EmergencyKind::Disaster,
                            EmergencyKind::Other,
                        ]
                            .into_iter()
                            .map(|k| RadioOption::msg(code_of(k), labels::emergency(k))),
                    )
                    .collect()
            />
            {move || {
                (!value.get().is_empty() && value.get() != "none")
                    .then(|| {
                        view! {
                            <Radios
                                name="emergency_here"
                                legend=Key::QEmergencyHere
                                errors=errors
                                value=here
                                options=yes_no()
                            />
                        }
                    })
            }}
        }
        .into_any(),
    };
    view! {
        <BackLink href=back text=Key::Back />
        <p class="caption">{move || format!("{} {}/{}", i18n.t(Key::QuestionOf), index + 1, STEPS.len())}</p>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=on_submit>
            {body}
            <button type="submit" class="button">
                {move || i18n.t(Key::Continue)}
            </button>
        </form>
    }
}
