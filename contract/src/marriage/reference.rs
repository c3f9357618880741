//! The registry offices as a district imports them (`reference import offices`,
//! `PUT /api/v1/staff/reference/offices`): names, addresses and hours in three languages, phone,
//! map link, places per registration slot, and the days an office departs from its usual week.
//! The app serves office texts without an English fallback, so English is required.

use super::{counselling_length, SessionLength, SpecialDayKind};
use crate::api::reference::{
    active_default, check_code, check_localised, check_order, check_text, lenient_text, ReferenceRow,
};
use crate::api::LocalisedText;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::figures::Provenance;
use serde::{Deserialize, Serialize};

/// Most places one registration slot (half an hour) can offer.
pub const SLOT_CAPACITY_MAX: u32 = 50;
/// Shortest and longest counselling session an office can set, in minutes.
pub const COUNSELLING_MINUTES_RANGE: std::ops::RangeInclusive<u32> = 15..=120;
/// Most special days one office row lists.
pub const SPECIAL_DAYS_MAX: usize = 400;
const NAME_MAX: usize = 80;
const ADDRESS_MAX: usize = 200;
const HOURS_MAX: usize = 300;
const NOTE_MAX: usize = 120;
const PHONE_MAX: usize = 30;
const URL_MAX: usize = 500;

/// An office. Slots are generated from `slot_capacity` and the special days for the bookable
/// period; an office no longer used is kept with `active: false` (bookings name it): it leaves
/// the list and its free future slots go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeRow {
    pub id: String,
    pub order: u32,
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    #[serde(deserialize_with = "lenient_text")]
    pub address: LocalisedText,
    /// Usual opening hours, as the office words them.
    #[serde(deserialize_with = "lenient_text")]
    pub hours: LocalisedText,
    pub phone: String,
    /// An https:// link to the office on a map.
    pub map_url: String,
    /// Places per half-hour registration slot, 1–50.
    pub slot_capacity: u32,
    #[serde(default = "active_default")]
    pub active: bool,
    /// Closed, extended-service and busy days, each with a note.
    #[serde(default)]
    pub special_days: Vec<SpecialDayRow>,
    /// How long a free counselling session (婚姻家庭辅导) lasts, 15–120 minutes, with its source.
    /// Left out: the example length, which the live service refuses.
    #[serde(default = "counselling_length")]
    pub counselling: SessionLength,
}

/// A day an office departs from its usual week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SpecialDayRow {
    pub date: Date,
    pub kind: SpecialDayKind,
    #[serde(deserialize_with = "lenient_text")]
    pub note: LocalisedText,
}

/// A landline or mobile number as offices publish it: digits, `+`, `-`, spaces and brackets,
/// with 5–20 digits.
pub fn check_phone(phone: &str) -> Result<(), FieldError> {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let ok = phone.chars().count() <= PHONE_MAX
        && (5..=20).contains(&digits)
        && phone.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')'));
    if ok {
        Ok(())
    } else {
        Err(FieldError::ReferencePhone)
    }
}

/// An https:// link with a host, no spaces or control characters, at most 500 characters.
pub fn check_https_url(url: &str) -> Result<(), FieldError> {
    let host = url.strip_prefix("https://").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| !h.is_empty())
        && url.chars().count() <= URL_MAX
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(())
    } else {
        Err(FieldError::ReferenceUrl)
    }
}

impl ReferenceRow for OfficeRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_code(&self.id));
        check_order(&mut errors, self.order);
        check_localised(&mut errors, "name", &self.name, NAME_MAX, true);
        check_localised(&mut errors, "address", &self.address, ADDRESS_MAX, true);
        check_localised(&mut errors, "hours", &self.hours, HOURS_MAX, true);
        errors.check("phone", check_text(&self.phone, PHONE_MAX).and_then(|_| check_phone(&self.phone)));
        errors.check("map_url", check_https_url(&self.map_url));
        if !(1..=SLOT_CAPACITY_MAX).contains(&self.slot_capacity) {
            errors.add("slot_capacity", FieldError::FigureRange);
        }
        if self.special_days.len() > SPECIAL_DAYS_MAX {
            errors.add("special_days", FieldError::FigureRange);
        }
        if !COUNSELLING_MINUTES_RANGE.contains(&self.counselling.minutes) {
            errors.add("counselling.minutes", FieldError::FigureRange);
        }
        for (i, day) in self.special_days.iter().enumerate() {
            if self.special_days[..i].iter().any(|d| d.date == day.date) {
                errors.add(&format!("special_days.{i}.date"), FieldError::ReferenceDuplicate);
            }
            check_localised(&mut errors, &format!("special_days.{i}.note"), &day.note, NOTE_MAX, true);
        }
        errors
    }

    fn figures(&self) -> Vec<(&'static str, &Provenance)> {
        vec![("counselling.source", &self.counselling.source)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office() -> OfficeRow {
        serde_json::from_str(
            r#"{"id":"example-office","order":1,
                "name":{"zh_hans":"示例婚姻登记处","en":"Example Registry"},
                "address":{"zh_hans":"示例地址","en":"Example address"},
                "hours":{"zh_hans":"周一至周五","en":"Mon–Fri"},
                "phone":"0755-0000 0000","map_url":"https://uri.amap.com/search?keyword=x","slot_capacity":6,
                "special_days":[{"date":"2027-01-01","kind":"closed","note":{"zh_hans":"元旦休息","en":"New Year"}}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_complete_row_passes() {
        assert!(office().check().is_empty(), "{:?}", office().check());
        assert!(office().active);
    }

    #[test]
    fn the_counselling_length_is_the_example_until_the_district_sets_it() {
        let mut o = office();
        assert_eq!(o.counselling, counselling_length());
        let rows = [(2, o.clone())];
        assert!(crate::api::reference::check_rows(&rows, true).is_empty());
        assert_eq!(
            crate::api::reference::check_rows(&rows, false).get("line.2.counselling.source"),
            Some(FieldError::FigureSource)
        );
        o.counselling.minutes = 200;
        assert_eq!(o.check().get("counselling.minutes"), Some(FieldError::FigureRange));
    }

    #[test]
    fn every_bad_field_is_reported() {
        let mut o = office();
        o.phone = "call us".into();
        o.map_url = "http://uri.amap.com/".into();
        o.slot_capacity = 0;
        o.hours.en = None;
        o.special_days.push(o.special_days[0].clone());
        let errors = o.check();
        assert_eq!(errors.get("phone"), Some(FieldError::ReferencePhone));
        assert_eq!(errors.get("map_url"), Some(FieldError::ReferenceUrl));
        assert_eq!(errors.get("slot_capacity"), Some(FieldError::FigureRange));
        assert_eq!(errors.get("hours.en"), Some(FieldError::Required));
        assert_eq!(errors.get("special_days.1.date"), Some(FieldError::ReferenceDuplicate));
        assert_eq!(errors.0.len(), 5);
    }

    #[test]
    fn links_need_https_and_a_host() {
        assert!(check_https_url("https://map.example.cn/x?q=1").is_ok());
        for bad in ["https://", "https:///x", "javascript:alert(1)", "https://a b"] {
            assert_eq!(check_https_url(bad), Err(FieldError::ReferenceUrl), "{bad}");
        }
    }
}
