//! The booking in progress, kept on the device (every keystroke), so a reload or a dropped
//! network at opening time loses nothing.

use crate::shared::draft::{clear_draft, draft_field};
use leptos::prelude::*;

pub const FORM: &str = "memorial-booking";
const FIELDS: &[&str] = &[
    "cemetery",
    "cemetery_name",
    "date",
    "slot_id",
    "slot_time",
    "group_size",
    "plate",
    "deceased_name",
    "grave_area",
    "grave_row",
    "grave_number",
    "visitor_name",
    "visitor_phone",
    "key",
];

#[derive(Clone, Copy)]
pub struct BookingDraft {
    pub cemetery: RwSignal<String>,
    pub cemetery_name: RwSignal<String>,
    pub date: RwSignal<String>,
    pub slot_id: RwSignal<String>,
    pub slot_time: RwSignal<String>,
    pub group_size: RwSignal<String>,
    pub plate: RwSignal<String>,
    pub deceased_name: RwSignal<String>,
    pub grave_area: RwSignal<String>,
    pub grave_row: RwSignal<String>,
    pub grave_number: RwSignal<String>,
    pub visitor_name: RwSignal<String>,
    pub visitor_phone: RwSignal<String>,
    /// The submit's idempotency key: kept on the device, so a retry after a dropped answer (or
    /// a reload) at opening time is the same request and cannot book twice. Renewed whenever
    /// the answers change.
    pub key: RwSignal<String>,
}

pub fn booking_draft() -> BookingDraft {
    BookingDraft {
        cemetery: draft_field(FORM, "cemetery"),
        cemetery_name: draft_field(FORM, "cemetery_name"),
        date: draft_field(FORM, "date"),
        slot_id: draft_field(FORM, "slot_id"),
        slot_time: draft_field(FORM, "slot_time"),
        group_size: draft_field(FORM, "group_size"),
        plate: draft_field(FORM, "plate"),
        deceased_name: draft_field(FORM, "deceased_name"),
        grave_area: draft_field(FORM, "grave_area"),
        grave_row: draft_field(FORM, "grave_row"),
        grave_number: draft_field(FORM, "grave_number"),
        visitor_name: draft_field(FORM, "visitor_name"),
        visitor_phone: draft_field(FORM, "visitor_phone"),
        key: draft_field(FORM, "key"),
    }
}

impl BookingDraft {
    /// A new key for a new request (answers changed, or the last one was refused).
    pub fn renew_key(&self) {
        self.key.set(crate::shared::api::new_idempotency_key());
    }

    pub fn request(&self) -> baoan_contract::memorial::BookingRequest {
        use baoan_contract::memorial::{BookingRequest, Grave};
        BookingRequest {
            slot_id: self.slot_id.get_untracked(),
            group_size: self.group_size.get_untracked().trim().parse().unwrap_or(0),
            plate: self.plate.get_untracked(),
            deceased_name: self.deceased_name.get_untracked(),
            grave: Grave {
                area: self.grave_area.get_untracked(),
                row: self.grave_row.get_untracked(),
                number: self.grave_number.get_untracked(),
            },
            visitor_name: self.visitor_name.get_untracked(),
            visitor_phone: self.visitor_phone.get_untracked(),
        }
    }
}

pub fn clear() {
    clear_draft(FORM, FIELDS);
}
