//! The gift being filled in (the give page's form): every choice and field autosaved on the
//! device, so a reload or a failed submit never loses anything typed, with the submit's
//! idempotency key (a retried submit makes one order).

use crate::shared::draft::{clear_draft, draft_field};
use baoan_contract::charity::{parse_yuan, Frequency, GiftRequest};
use baoan_contract::error::FieldErrors;
use leptos::prelude::*;

const FORM: &str = "charity-give";
const FIELDS: [&str; 8] = ["project", "choice", "amount", "anonymous", "donor_name", "message", "frequency", "key"];
/// Preset amounts in fen.
pub const PRESETS: [i64; 4] = [2_000, 5_000, 10_000, 20_000];
/// The amount choice that asks for another amount (the others are presets, in fen).
pub const OTHER: &str = "other";

#[derive(Clone, Copy)]
pub struct GiveDraft {
    /// The project the draft is for: a draft for another project starts afresh.
    project: RwSignal<String>,
    /// A preset in fen, or [`OTHER`].
    pub choice: RwSignal<String>,
    /// The other amount, in yuan as typed.
    pub amount: RwSignal<String>,
    /// "yes" or "no".
    pub anonymous: RwSignal<String>,
    pub donor_name: RwSignal<String>,
    pub message: RwSignal<String>,
    pub frequency: RwSignal<String>,
    /// The idempotency key of this submit: kept with the draft so a retry cannot give twice.
    pub key: RwSignal<String>,
}

impl GiveDraft {
    /// The saved draft for `project`, with the form's defaults where nothing is chosen yet.
    pub fn for_project(project_id: &str) -> Self {
        let [project, choice, amount, anonymous, donor_name, message, frequency, key] =
            FIELDS.map(|f| draft_field(FORM, f));
        let draft = GiveDraft { project, choice, amount, anonymous, donor_name, message, frequency, key };
        if project.get_untracked() != project_id {
            draft.clear();
            project.set(project_id.to_string());
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
        draft
    }

    /// The request for `project_id`, and what the contract's rules find wrong with it (checked
    /// here before sending, and again on the server).
    pub fn request(&self, project_id: &str) -> (GiftRequest, FieldErrors) {
        let mut errors = FieldErrors::new();
        let fen = if self.choice.get_untracked() == OTHER {
            errors.check("amount", parse_yuan(&self.amount.get_untracked())).unwrap_or(0)
        } else {
            self.choice.get_untracked().parse().unwrap_or(0)
        };
        let req = GiftRequest {
            project_id: project_id.to_string(),
            amount_fen: fen,
            anonymous: self.anonymous.get_untracked() == "yes",
            donor_name: self.donor_name.get_untracked(),
            message: self.message.get_untracked(),
            frequency: Frequency::from_code(&self.frequency.get_untracked()).unwrap_or(Frequency::Once),
        };
        if let Err(e) = req.validate() {
            for (field, error) in e.fields {
                errors.add(&field, error);
            }
        }
        (req, errors)
    }

    /// Forgets everything typed (after the order is made, or for another project).
    pub fn clear(&self) {
        clear_draft(FORM, &FIELDS);
        for f in [
            self.project,
            self.choice,
            self.amount,
            self.anonymous,
            self.donor_name,
            self.message,
            self.frequency,
            self.key,
        ] {
            f.set(String::new());
        }
    }
}
