//! The application as a GOV.UK task list: each task on its own page, its state (not started,
//! in progress, done) worked out from the same checks the server runs; then check your answers
//! and submit.

mod applicant;
mod consent;
mod documents;
mod members;
mod money;
mod review;

use super::draft::{edit, use_journey, AppDraft};
use super::i18n::Key;
use super::labels;
use crate::i18n::use_i18n;
pub use crate::shared::clock::today;
use crate::shared::form::FormErrors;
use crate::shared::identity::VerifiedFirst;
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{TaskItem, TaskList as Tasks};
use baoan_contract::assistance::Community;
use baoan_contract::error::FieldErrors;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Every problem with the draft as it stands, named by the form's field paths.
pub fn all_errors(d: &AppDraft, communities: &[Community]) -> FieldErrors {
    let (form, mut errors) = d.to_form();
    if let Some(form) = form {
        if let Err(e) = form.validate(today(), |s, c| communities.iter().any(|x| x.street == s && x.code == c)) {
            for (k, v) in e.0 {
                errors.add(&k, v);
            }
        }
    }
    errors
}

/// The errors of one task (its fields start with `prefix`).
pub fn task_errors(d: &AppDraft, communities: &[Community], prefix: &str) -> FieldErrors {
    FieldErrors(all_errors(d, communities).0.into_iter().filter(|(k, _)| k.starts_with(prefix)).collect())
}

/// (task code, error prefix, title)
pub fn tasks(d: &AppDraft) -> Vec<(&'static str, &'static str, Key)> {
    let mut t = vec![
        ("applicant", "applicant.", Key::TaskApplicant),
        ("members", "members", Key::TaskMembers),
        ("income", "income.", Key::TaskIncome),
    ];
    if d.programme().is_some_and(|p| p.needs_event()) {
        t.push(("event", "event.", Key::TaskEvent));
    }
    t.extend([
        ("bank", "bank.", Key::TaskBank),
        ("documents", "documents.", Key::TaskDocuments),
        ("consent", "consents.", Key::TaskConsent),
    ]);
    t
}

#[component]
pub fn TaskList() -> impl IntoView {
    use_title(Key::TaskListTitle);
    view! {
        <RequireSignIn>
            <VerifiedFirst>
                <TaskListBody />
            </VerifiedFirst>
        </RequireSignIn>
    }
}

#[component]
fn TaskListBody() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    let draft = journey.draft;
    move || {
        let d = draft.get();
        let Some(programme) = d.programme() else {
            return view! {
                <h1>{move || i18n.t(Key::TaskListTitle)}</h1>
                <p>{move || i18n.t(Key::ChooseProgrammeFirst)}</p>
                <p>
                    <A href="/assistance/check/residence" attr:class="button">
                        {move || i18n.t(Key::StartCheck)}
                    </A>
                </p>
            }
            .into_any();
        };
        let communities = journey.communities.get().and_then(Result::ok).unwrap_or_default();
        let errors = all_errors(&d, &communities);
        let rows = tasks(&d)
            .into_iter()
            .map(|(code, prefix, title)| {
                let has_errors = errors.0.keys().any(|k| k.starts_with(prefix));
                let state = if !d.visited.contains(code) {
                    Key::NotStarted
                } else if has_errors {
                    Key::InProgress
                } else {
                    Key::Done
                };
                TaskItem {
                    code,
                    href: format!("/assistance/apply/{code}"),
                    title: title.into(),
                    state: state.into(),
                    done: state == Key::Done,
                }
            })
            .collect::<Vec<_>>();
        let ready = errors.is_empty();
        view! {
            <h1>{move || i18n.t(Key::TaskListTitle)}</h1>
            <p class="lead">{move || i18n.t(labels::programme(programme))}</p>
            <p class="hint">{move || i18n.t(Key::AutosaveHint)}</p>
            <Tasks tasks=rows />
            {if ready {
                view! {
                    <p>
                        <A href="/assistance/apply/check" attr:class="button">
                            {move || i18n.t(Key::CheckAnswers)}
                        </A>
                    </p>
                }
                    .into_any()
            } else {
                view! { <p class="hint">{move || i18n.t(Key::FinishTasksFirst)}</p> }.into_any()
            }}
        }
        .into_any()
    }
}

/// One task's page (or check your answers); like the task list, asked to verify first where
/// the server requires a verified identity.
#[component]
pub fn TaskPage() -> impl IntoView {
    use_title(Key::TaskListTitle);
    view! {
        <RequireSignIn>
            <VerifiedFirst>
                <Task />
            </VerifiedFirst>
        </RequireSignIn>
    }
}

#[component]
fn Task() -> impl IntoView {
    let params = use_params_map();
    let draft = use_journey().draft;
    view! {
        {move || {
            let task = params.with(|p| p.get("task").unwrap_or_default());
            if !task.starts_with("check") {
                let visited = task.split('-').next().unwrap_or("").to_string();
                if draft.with_untracked(|d| !d.visited.contains(&visited)) {
                    edit(
                        draft,
                        |d| {
                            d.visited.insert(visited);
                        },
                    );
                }
            }
            match task.as_str() {
                "applicant" => view! { <applicant::ApplicantTask /> }.into_any(),
                "members" => view! { <members::MembersTask /> }.into_any(),
                "income" => view! { <money::IncomeTask /> }.into_any(),
                "event" => view! { <money::EventTask /> }.into_any(),
                "bank" => view! { <money::BankTask /> }.into_any(),
                "documents" => view! { <documents::DocumentsTask /> }.into_any(),
                "consent" => view! { <consent::ConsentTask /> }.into_any(),
                "check" => view! { <review::CheckAnswers /> }.into_any(),
                t if t.starts_with("members-") => {
                    let i: usize = t.trim_start_matches("members-").parse().unwrap_or(0);
                    view! { <members::MemberTask index=i /> }.into_any()
                }
                _ => view! { <TaskListBody /> }.into_any(),
            }
        }}
    }
}

/// "Save and continue": shows this task's problems, or goes back to the task list.
pub fn save_and_continue(errors: FormErrors, prefix: &'static str) -> impl Fn(leptos::ev::SubmitEvent) + Clone {
    let journey = use_journey();
    let navigate = use_navigate();
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let communities = journey.communities.get_untracked().and_then(Result::ok).unwrap_or_default();
        let e = journey.draft.with_untracked(|d| task_errors(d, &communities, prefix));
        if e.is_empty() {
            errors.clear();
            navigate("/assistance/apply", Default::default());
        } else {
            errors.set(e);
        }
    }
}
