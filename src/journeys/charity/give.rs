//! /charity/projects/:id/give — how much (presets or another amount), named or anonymous, an
//! optional message, one-off or monthly. The contract's rules run here and again on the server.
//! The draft (with its idempotency key) survives a reload; a retried submit makes one order.

use super::i18n::Key;
use super::labels::yuan_whole;
use crate::i18n::{use_i18n, Msg};
use crate::shared::api::{self, ClientError};
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::form::FormErrors;
use crate::shared::loadable::{error_key, Loaded};
use crate::shared::page::use_title;
use crate::shared::session::RequireSignIn;
use crate::shared::ui::{ErrorSummary, TextField};
use baoan_contract::charity::{parse_yuan, Frequency, GiftOrder, GiftRequest, ProjectDetail};
use baoan_contract::error::FieldErrors;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

const FORM: &str = "charity-give";
const FIELDS: [&str; 8] = ["project", "choice", "amount", "anonymous", "donor_name", "message", "frequency", "key"];
/// Preset amounts in fen.
const PRESETS: [i64; 4] = [2_000, 5_000, 10_000, 20_000];

#[component]
pub fn GivePage() -> impl IntoView {
    use_title(Key::GiveTitle);
    let params = use_params_map();
    let project = LocalResource::new(move || {
        let id = params.get().get("id").unwrap_or_default();
        async move { api::get::<ProjectDetail>(&format!("/charity/projects/{}", js_sys::encode_uri_component(&id))).await }
    });
    view! {
        <RequireSignIn>
            <Loaded resource=project let:p>
                <GiveForm p=p />
            </Loaded>
        </RequireSignIn>
    }
}

/// A radio button with its label.
#[component]
pub fn Radio(
    name: &'static str,
    value: String,
    #[prop(optional)] label: Option<Msg>,
    #[prop(optional)] extra: Option<String>,
    selected: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{name}-{value}");
    let v = value.clone();
    view! {
        <div class="radio">
            <input
                type="radio"
                name=name
                id=id.clone()
                value=value.clone()
                prop:checked=move || selected.get() == v
                on:change=move |_| selected.set(value.clone())
            />
            <label for=id>{move || label.map(|l| i18n.t(l))}{extra.clone()}</label>
        </div>
    }
}

#[component]
fn GiveForm(p: ProjectDetail) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let [project, choice, amount, anonymous, donor_name, message, frequency, key] =
        FIELDS.map(|f| draft_field(FORM, f));
    // A draft for another project starts afresh.
    if project.get_untracked() != p.card.id {
        clear_draft(FORM, &FIELDS);
        for f in [choice, amount, anonymous, donor_name, message, frequency, key] {
            f.set(String::new());
        }
        project.set(p.card.id.clone());
    }
    if choice.get_untracked().is_empty() {
        choice.set(PRESETS[1].to_string());
    }
    if anonymous.get_untracked().is_empty() {
        anonymous.set("no".into());
    }
    if frequency.get_untracked().is_empty() {
        frequency.set(Frequency::Once.code().into());
    }
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<crate::i18n::Key>);
    let create = Action::new_local(move |(req, key): &(GiftRequest, String)| {
        let (req, key) = (req.clone(), key.clone());
        async move { api::post_once::<_, GiftOrder>("/charity/gifts", &req, &key).await }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(order)) => {
            clear_draft(FORM, &FIELDS);
            key.set(String::new());
            navigate(&format!("/charity/gifts/{}/pay", order.order_id), Default::default());
        }
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => errors.set(FieldErrors(e.fields)),
        Some(Err(e)) => general.set(Some(error_key(&e))),
        None => {}
    });
    let project_id = p.card.id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        general.set(None);
        let mut f = FieldErrors::new();
        let fen = if choice.get_untracked() == "other" {
            f.check("amount", parse_yuan(&amount.get_untracked())).unwrap_or(0)
        } else {
            choice.get_untracked().parse().unwrap_or(0)
        };
        let req = GiftRequest {
            project_id: project_id.clone(),
            amount_fen: fen,
            anonymous: anonymous.get_untracked() == "yes",
            donor_name: donor_name.get_untracked(),
            message: message.get_untracked(),
            frequency: Frequency::from_code(&frequency.get_untracked()).unwrap_or(Frequency::Once),
        };
        if let Err(e) = req.validate() {
            for (field, error) in e.fields {
                f.add(&field, error);
            }
        }
        if !f.is_empty() {
            errors.set(f);
            return;
        }
        errors.clear();
        if key.get_untracked().is_empty() {
            key.set(api::new_idempotency_key());
        }
        create.dispatch((req, key.get_untracked()));
    };
    view! {
        <p>
            <a href=format!("/charity/projects/{}", p.card.id)>{p.card.title.clone()}</a>
        </p>
        <h1>{move || i18n.t(Key::GiveTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::GiveTo)}" "{p.card.title.clone()}</p>
        <ErrorSummary errors=errors general=Signal::from(general) />
        <form novalidate on:submit=on_submit>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{move || i18n.t(Key::AmountLegend)}</legend>
                {PRESETS
                    .into_iter()
                    .map(|fen| {
                        view! { <Radio name="choice" value=fen.to_string() extra=yuan_whole(fen) selected=choice /> }
                    })
                    .collect_view()}
                <Radio name="choice" value="other".to_string() label=Msg::from(Key::AmountOther) selected=choice />
                {move || {
                    (choice.get() == "other")
                        .then(|| {
                            view! {
                                <TextField
                                    name="amount"
                                    label=Key::AmountCustomLabel
                                    hint=Key::AmountCustomHint
                                    value=amount
                                    errors=errors
                                    inputmode="decimal"
                                    maxlength=12
                                />
                            }
                        })
                }}
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{move || i18n.t(Key::NameLegend)}</legend>
                <Radio name="anonymous" value="no".to_string() label=Msg::from(Key::Named) selected=anonymous />
                <Radio
                    name="anonymous"
                    value="yes".to_string()
                    label=Msg::from(Key::AnonymousChoice)
                    selected=anonymous
                />
                {move || {
                    (anonymous.get() == "no")
                        .then(|| {
                            view! {
                                <TextField
                                    name="donor_name"
                                    label=Key::DonorNameLabel
                                    hint=Key::DonorNameHint
                                    value=donor_name
                                    errors=errors
                                    maxlength=20
                                />
                            }
                        })
                }}
            </fieldset>
            <TextField
                name="message"
                label=Key::MessageLabel
                hint=Key::MessageHint
                value=message
                errors=errors
                maxlength=100
            />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{move || i18n.t(Key::FrequencyLegend)}</legend>
                <Radio
                    name="frequency"
                    value="once".to_string()
                    label=Msg::from(Key::FrequencyOnce)
                    selected=frequency
                />
                <Radio
                    name="frequency"
                    value="monthly".to_string()
                    label=Msg::from(Key::FrequencyMonthly)
                    selected=frequency
                />
            </fieldset>
            <button type="submit" class="button" disabled=move || create.pending().get()>
                {move || i18n.t(if create.pending().get() { Key::Working } else { Key::Continue })}
            </button>
        </form>
    }
}
