//! The booking being filled in: every choice and field autosaved on the device (so a reload, the
//! back button or a "slot just taken" never loses anything typed), shared by the steps.

use crate::shared::draft::{clear_draft, draft_field};
use baoan_contract::marriage::party::{OwnDetails, PartyInput};
use baoan_contract::marriage::{BookingKind, BookingRequest};
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::Sex;
use leptos::prelude::*;

const FORM: &str = "marriage";

/// One party's fields.
#[derive(Clone, Copy)]
pub struct PartyDraft {
    pub name: RwSignal<String>,
    pub id_type: RwSignal<String>,
    pub id_number: RwSignal<String>,
    pub birth_date: RwSignal<String>,
    pub sex: RwSignal<String>,
    pub nationality: RwSignal<String>,
    pub phone: RwSignal<String>,
}

const A_FIELDS: [&str; 7] = [
    "party_a.name",
    "party_a.id_type",
    "party_a.id_number",
    "party_a.birth_date",
    "party_a.sex",
    "party_a.nationality",
    "party_a.phone",
];
const B_FIELDS: [&str; 7] = [
    "party_b.name",
    "party_b.id_type",
    "party_b.id_number",
    "party_b.birth_date",
    "party_b.sex",
    "party_b.nationality",
    "party_b.phone",
];
const OTHER_FIELDS: [&str; 8] = ["kind", "office", "date", "slot", "ceremony", "counselling", "key", "prefilled"];

impl PartyDraft {
    fn new(f: [&'static str; 7]) -> Self {
        PartyDraft {
            name: draft_field(FORM, f[0]),
            id_type: draft_field(FORM, f[1]),
            id_number: draft_field(FORM, f[2]),
            birth_date: draft_field(FORM, f[3]),
            sex: draft_field(FORM, f[4]),
            nationality: draft_field(FORM, f[5]),
            phone: draft_field(FORM, f[6]),
        }
    }

    /// Party A's part: what the profile does not hold (their name and document come from it).
    pub fn own_details(&self) -> OwnDetails {
        let p = self.input();
        OwnDetails { birth_date: p.birth_date, sex: p.sex, nationality: p.nationality }
    }

    pub fn input(&self) -> PartyInput {
        PartyInput {
            name: self.name.get_untracked(),
            id_type: IdType::from_code(&self.id_type.get_untracked()),
            id_number: self.id_number.get_untracked(),
            birth_date: self.birth_date.get_untracked(),
            sex: match self.sex.get_untracked().as_str() {
                "male" => Some(Sex::Male),
                "female" => Some(Sex::Female),
                _ => None,
            },
            nationality: self.nationality.get_untracked(),
            phone: self.phone.get_untracked(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Draft {
    pub kind: RwSignal<String>,
    pub office: RwSignal<String>,
    pub date: RwSignal<String>,
    pub slot: RwSignal<String>,
    pub ceremony: RwSignal<String>,
    pub counselling: RwSignal<String>,
    /// The idempotency key of this submit: kept with the draft so a retry cannot book twice.
    pub key: RwSignal<String>,
    /// (No longer used: party A comes from the profile. Kept so `clear` removes old drafts.)
    pub prefilled: RwSignal<String>,
    /// Party A: only nationality, and birth date and sex for documents other than the resident ID
    /// (name and document are the profile's).
    pub a: PartyDraft,
    pub b: PartyDraft,
}

impl Draft {
    pub fn kind(&self) -> BookingKind {
        BookingKind::from_code(&self.kind.get()).unwrap_or(BookingKind::Marriage)
    }

    pub fn request(&self) -> BookingRequest {
        let opt = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
        BookingRequest {
            kind: BookingKind::from_code(&self.kind.get_untracked()).unwrap_or(BookingKind::Marriage),
            slot_id: self.slot.get_untracked(),
            party_a: self.a.own_details(),
            party_b: self.b.input(),
            ceremony_slot_id: opt(self.ceremony),
            counselling_slot_id: opt(self.counselling),
        }
    }

    /// After a successful booking: forget everything typed.
    pub fn clear(&self) {
        clear_draft(FORM, &A_FIELDS);
        clear_draft(FORM, &B_FIELDS);
        clear_draft(FORM, &OTHER_FIELDS);
        for s in
            [self.kind, self.office, self.date, self.slot, self.ceremony, self.counselling, self.key, self.prefilled]
        {
            s.set(String::new());
        }
        for p in [self.a, self.b] {
            for s in [p.name, p.id_type, p.id_number, p.birth_date, p.sex, p.nationality, p.phone] {
                s.set(String::new());
            }
        }
    }
}

pub fn provide_draft() {
    provide_context(Draft {
        kind: draft_field(FORM, "kind"),
        office: draft_field(FORM, "office"),
        date: draft_field(FORM, "date"),
        slot: draft_field(FORM, "slot"),
        ceremony: draft_field(FORM, "ceremony"),
        counselling: draft_field(FORM, "counselling"),
        key: draft_field(FORM, "key"),
        prefilled: draft_field(FORM, "prefilled"),
        a: PartyDraft::new(A_FIELDS),
        b: PartyDraft::new(B_FIELDS),
    });
}

pub fn use_draft() -> Draft {
    expect_context::<Draft>()
}
