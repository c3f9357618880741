//! The journey's draft: every answer of the eligibility check and the application, as typed.
//! Saved on the device at every change and, when signed in, to the server (PUT draft) a moment
//! after typing stops, so it survives a reload, a closed tab, a dropped network or a new device.

use super::api;
use crate::shared::api::ClientError;
use crate::shared::draft;
use crate::shared::session::use_session;
use crate::shared::submit::IdempotencyKey;
use baoan_contract::assistance::*;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::documents::IdType;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The draft's name in the one draft mechanism (`baoan.my.draft.assistance`, cleared on sign-out).
const DRAFT_NAME: &str = "assistance";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Check {
    pub residence: String,
    pub size: String,
    pub ages: Vec<String>,
    pub disability: String,
    pub income: String,
    pub assets: String,
    pub medical: String,
    pub supporter: String,
    pub emergency: String,
    pub emergency_here: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MemberDraft {
    pub relation: String,
    pub name: String,
    /// The ID type's code; empty means a resident ID.
    pub id_type: String,
    pub id_number: String,
    /// Typed only when the ID is not a resident ID.
    pub birth_date: String,
    pub work_status: String,
    pub income: String,
    pub disability: String,
    pub health: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppDraft {
    pub check: Check,
    pub programme: String,
    pub applicant: Applicant,
    pub residence: String,
    pub members: Vec<MemberDraft>,
    /// salary, pension, rent, other, savings, vehicles, property — as typed.
    pub income: BTreeMap<String, String>,
    pub event_kind: String,
    pub event_date: String,
    pub event_place: String,
    pub event_description: String,
    pub event_expenses: String,
    pub bank: Bank,
    pub documents: Vec<AttachedDocument>,
    pub consents: BTreeMap<String, String>,
    /// Tasks the resident has opened (a task never opened is "not started").
    pub visited: BTreeSet<String>,
    /// One key per submit, kept with the draft so a retry after a reload sends the same one.
    pub idempotency_key: String,
    /// When this draft last changed (ms since the epoch), to pick the newer of device and server.
    pub saved_at: f64,
}

/// Enum ↔ the snake_case code serde uses on the wire.
pub fn code_of<T: Serialize>(v: T) -> String {
    serde_wasm_bindgen::to_value(&v).ok().and_then(|v| v.as_string()).unwrap_or_default()
}
pub fn from_code<T: for<'a> Deserialize<'a>>(code: &str) -> Option<T> {
    if code.is_empty() {
        return None;
    }
    serde_wasm_bindgen::from_value(wasm_bindgen::JsValue::from_str(code)).ok()
}

/// JSON text through the browser's own JSON (the app carries no JSON library of its own).
pub fn to_json<T: Serialize>(v: &T) -> String {
    let value = v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(wasm_bindgen::JsValue::NULL);
    js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}
pub fn from_json<T: for<'a> Deserialize<'a>>(text: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
}

/// A whole number of yuan as typed; empty counts as 0.
pub fn parse_amount(s: &str) -> Result<i64, FieldError> {
    let t: String = s.trim().chars().filter(|c| *c != ',' && *c != '，').collect();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse::<i64>().ok().filter(|v| (0..=MAX_AMOUNT_YUAN).contains(v)).ok_or(FieldError::AssistanceAmount)
}

pub const INCOME_FIELDS: [&str; 4] = ["salary", "pension", "rent", "other"];
pub const ASSET_FIELDS: [&str; 3] = ["savings", "vehicles", "property"];

impl AppDraft {
    pub fn amount(&self, field: &str) -> i64 {
        self.income.get(field).and_then(|v| parse_amount(v).ok()).unwrap_or(0)
    }

    /// The questionnaire's answers, once every question has one.
    pub fn answers(&self) -> Option<Answers> {
        let c = &self.check;
        let ages: Vec<u32> = c.ages.iter().map(|a| a.trim().parse().ok()).collect::<Option<_>>()?;
        let disability: u8 = c.disability.parse().ok()?;
        let mut members: Vec<MemberAnswer> =
            ages.into_iter().map(|age| MemberAnswer { age, disability_level: 0 }).collect();
        if let Some(first) = members.first_mut() {
            first.disability_level = disability;
        }
        Some(Answers {
            residence: from_code(&c.residence)?,
            members,
            monthly_income_yuan: parse_amount(&c.income).ok()?,
            assets_yuan: parse_amount(&c.assets).ok()?,
            medical_bills_yuan: parse_amount(&c.medical).ok()?,
            has_supporter: c.supporter == "yes",
            emergency: if c.emergency == "none" { None } else { Some(from_code(&c.emergency)?) },
            emergency_in_baoan: c.emergency_here == "yes",
        })
    }

    /// Starts an application for `programme` with what the questionnaire already knows.
    pub fn start(&mut self, programme: Programme) {
        self.programme = programme.code().to_string();
        if self.residence.is_empty() {
            self.residence = self.check.residence.clone();
        }
        let others = self.check.ages.len().saturating_sub(1);
        if self.members.is_empty() {
            self.members = vec![MemberDraft::default(); others];
        }
        let mut put = |k: &str, v: &str| {
            if self.income.get(k).is_none_or(|x| x.is_empty()) && !v.is_empty() {
                self.income.insert(k.to_string(), v.to_string());
            }
        };
        put("salary", &self.check.income.clone());
        put("savings", &self.check.assets.clone());
        if self.event_kind.is_empty() && self.check.emergency != "none" {
            self.event_kind = self.check.emergency.clone();
        }
        if self.event_expenses.is_empty() {
            self.event_expenses = self.check.medical.clone();
        }
    }

    pub fn programme(&self) -> Option<Programme> {
        Programme::from_code(&self.programme)
    }

    /// The form to submit, plus errors for amounts that are not numbers.
    pub fn to_form(&self) -> (Option<ApplicationForm>, FieldErrors) {
        let mut e = FieldErrors::new();
        let Some(programme) = self.programme() else { return (None, e) };
        let members = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| Member {
                relation: from_code(&m.relation),
                name: m.name.clone(),
                id_type: IdType::from_code(&m.id_type).unwrap_or(IdType::ResidentId),
                id_number: m.id_number.trim().to_uppercase(),
                birth_date: m.birth_date.trim().to_string(),
                work_status: from_code(&m.work_status),
                monthly_income_yuan: e
                    .check(&format!("members.{i}.monthly_income_yuan"), parse_amount(&m.income))
                    .unwrap_or(0),
                disability_level: m.disability.parse().unwrap_or(0),
                health: m.health.clone(),
            })
            .collect();
        let mut amt = |field: &str, key: &str| {
            e.check(&format!("income.{field}"), parse_amount(self.income.get(key).map(String::as_str).unwrap_or("")))
                .unwrap_or(0)
        };
        let income = Income {
            salary_yuan: amt("salary_yuan", "salary"),
            pension_yuan: amt("pension_yuan", "pension"),
            rent_yuan: amt("rent_yuan", "rent"),
            other_income_yuan: amt("other_income_yuan", "other"),
            savings_yuan: amt("savings_yuan", "savings"),
            vehicles_yuan: amt("vehicles_yuan", "vehicles"),
            property_yuan: amt("property_yuan", "property"),
        };
        let event = programme.needs_event().then(|| Event {
            kind: from_code(&self.event_kind),
            date: self.event_date.clone(),
            place: self.event_place.clone(),
            description: self.event_description.clone(),
            expenses_yuan: e.check("event.expenses_yuan", parse_amount(&self.event_expenses)).unwrap_or(0),
        });
        let mut applicant = self.applicant.clone();
        applicant.residence = from_code(&self.residence);
        applicant.id_number = applicant.id_number.trim().to_uppercase();
        applicant.birth_date = applicant.birth_date.trim().to_string();
        let consents =
            self.consents.iter().map(|(p, n)| Consent { person: p.clone(), signed_name: n.clone() }).collect();
        let form = ApplicationForm {
            programme,
            applicant,
            members,
            income,
            event,
            bank: self.bank.clone(),
            documents: self.documents.clone(),
            consents,
        };
        (Some(form), e)
    }
}

/// The journey's shared state: the draft, the standards and communities from the server.
#[derive(Clone, Copy)]
pub struct Journey {
    pub draft: RwSignal<AppDraft>,
    pub standards: LocalResource<Result<Standards, ClientError>>,
    pub communities: LocalResource<Result<Vec<Community>, ClientError>>,
}

pub fn use_journey() -> Journey {
    expect_context::<Journey>()
}

fn load_local() -> AppDraft {
    draft::load_document(DRAFT_NAME).and_then(|s| from_json(&s)).unwrap_or_default()
}

/// Provides the journey's state to every page of it, and keeps the draft saved.
pub fn provide_journey() {
    let draft = RwSignal::new(load_local());
    let journey = Journey {
        draft,
        standards: LocalResource::new(api::standards),
        communities: LocalResource::new(api::communities),
    };
    provide_context(journey);
    let session = use_session();
    // Adopt the server's draft when it is newer (started on another device).
    let adopted = RwSignal::new(false);
    Effect::new(move |_| {
        if session.me.with(Option::is_some) && !adopted.get_untracked() {
            adopted.set(true);
            leptos::task::spawn_local(async move {
                if let Ok(remote) = api::draft().await {
                    if let Some(d) = from_json::<AppDraft>(&remote.content) {
                        if d.saved_at > draft.get_untracked().saved_at {
                            draft.set(d);
                        }
                    }
                }
            });
        }
    });
    let version = StoredValue::new(0u64);
    Effect::new(move |_| {
        let d = draft.get();
        let json = to_json(&d);
        draft::save_document(DRAFT_NAME, &json);
        // Debounce: save to the server 800 ms after the last change. Counted before the check
        // below, so that clearing the draft also cancels a save still waiting (the submit's key
        // was written into the draft just before), which would bring the submitted draft back.
        version.update_value(|v| *v += 1);
        // Nothing to keep (a fresh or just-submitted draft): never overwrite the server's copy with it.
        if session.me.with_untracked(Option::is_none) || d == AppDraft::default() {
            return;
        }
        let mine = version.get_value();
        set_timeout(
            move || {
                if version.get_value() == mine {
                    leptos::task::spawn_local(async move {
                        let _ = api::save_draft(json).await;
                    });
                }
            },
            std::time::Duration::from_millis(800),
        );
    });
}

/// Changes the draft and stamps the time.
pub fn edit(draft: RwSignal<AppDraft>, f: impl FnOnce(&mut AppDraft)) {
    draft.update(|d| {
        f(d);
        d.saved_at = js_sys::Date::now();
    });
}

/// The submit's idempotency key, read and written inside the draft: saved with it, so a reload
/// (or the server's copy on another device) resends the same key and makes no second application.
pub fn idempotency_key(draft: RwSignal<AppDraft>) -> IdempotencyKey {
    let (get, set) = create_slice(
        draft,
        |d| d.idempotency_key.clone(),
        |d, key| {
            d.idempotency_key = key;
            d.saved_at = js_sys::Date::now();
        },
    );
    IdempotencyKey { get, set }
}

/// Forgets the draft everywhere after a successful submit.
pub fn clear(draft: RwSignal<AppDraft>) {
    draft.set(AppDraft::default());
    draft::forget_document(DRAFT_NAME);
    leptos::task::spawn_local(async move {
        let _ = api::forget_draft().await;
    });
}

/// A text signal bound to one field of the draft: forms use the shared `TextField` with it.
pub fn lens(
    draft: RwSignal<AppDraft>,
    get: impl Fn(&AppDraft) -> String + Send + Sync + 'static,
    set: impl Fn(&mut AppDraft, String) + Send + Sync + 'static,
) -> RwSignal<String> {
    let value = RwSignal::new(draft.with_untracked(&get));
    Effect::new(move |first: Option<()>| {
        let v = value.get();
        if first.is_some() && draft.with_untracked(|d| get(d) != v) {
            edit(draft, |d| set(d, v));
        }
    });
    value
}
