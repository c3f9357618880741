//! Checking the two parties of a booking: documents, legal marriage age, two distinct people.
//! The app runs these before submit and the server runs them again on every booking.

use super::bookings::BookingKind;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::{age_on, Date};
use crate::rules::documents::{parse_document_number, IdType};
use crate::rules::name::parse_person_name;
use crate::rules::phone::parse_mobile;
use crate::rules::resident_id::{parse_resident_id, Sex};
use serde::{Deserialize, Serialize};

/// One party as typed in the form. For a resident ID, the birth date and sex are read from the
/// number and `birth_date`/`sex` are ignored; for other documents they must be given.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyInput {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub name: String,
    pub id_type: Option<IdType>,
    pub id_number: String,
    /// `YYYY-MM-DD`; only for documents other than the resident ID.
    pub birth_date: String,
    pub sex: Option<Sex>,
    pub nationality: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::mobile))]
    pub phone: String,
}

/// What a booking asks of party A, the signed-in resident, besides their profile: their name and
/// document always come from the profile (typed once in 我的, then reused) and their phone is the
/// account's. Birth date and sex only for documents other than the resident ID.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnDetails {
    /// `YYYY-MM-DD`; only for documents other than the resident ID.
    pub birth_date: String,
    pub sex: Option<Sex>,
    pub nationality: String,
}

impl OwnDetails {
    /// Party A as checked by `check_parties`: the profile's name and document, the account's
    /// phone (empty in the app, which never holds it in full), and these details.
    pub fn party(&self, profile: &crate::api::profile::Profile, phone: &str) -> PartyInput {
        PartyInput {
            name: profile.name.clone(),
            id_type: Some(profile.id_type),
            id_number: profile.id_number.clone(),
            birth_date: self.birth_date.clone(),
            sex: self.sex,
            nationality: self.nationality.clone(),
            phone: phone.to_string(),
        }
    }
}

/// A party that passed every check, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidParty {
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub nationality: String,
    pub phone: String,
}

/// Legal marriage age (《民法典》第一千零四十七条): men 22, women 20 (周岁).
pub fn marriage_age(sex: Sex) -> u32 {
    match sex {
        Sex::Male => 22,
        Sex::Female => 20,
    }
}

/// The first day a person born on `birth` may marry: their 22nd/20th birthday (29 February
/// birthdays count from 1 March in common years, as `age_on` does).
pub fn may_marry_from(birth: Date, sex: Sex) -> Date {
    let year = birth.year() + marriage_age(sex) as i32;
    Date::new(year, birth.month(), birth.day()).unwrap_or_else(|| Date::new(year, 3, 1).unwrap_or(Date::MAX))
}

/// Whether someone born on `birth` has reached the legal marriage age on `day`.
pub fn old_enough_to_marry(birth: Date, sex: Sex, day: Date) -> bool {
    age_on(birth, day) >= marriage_age(sex)
}

/// What a resident ID says about its holder, for the form to show as soon as the number is valid.
pub fn derived_from_id(id_type: Option<IdType>, number: &str, today: Date) -> Option<(Date, Sex)> {
    if id_type != Some(IdType::ResidentId) {
        return None;
    }
    let compact: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    parse_resident_id(&compact, today).ok().map(|id| (id.birth_date(), id.sex()))
}

/// Checks one party; errors are recorded under `<prefix>.<field>`.
pub fn check_party(input: &PartyInput, prefix: &str, today: Date, errors: &mut FieldErrors) -> Option<ValidParty> {
    check_party_with(input, prefix, today, errors, true)
}

/// `check_party`; without `typed_phone` the phone is the account's (party A), not checked here.
fn check_party_with(
    input: &PartyInput,
    prefix: &str,
    today: Date,
    errors: &mut FieldErrors,
    typed_phone: bool,
) -> Option<ValidParty> {
    let field = |name: &str| format!("{prefix}.{name}");
    let name = errors.check(&field("name"), parse_person_name(&input.name));
    let id_type = errors.check(&field("id_type"), input.id_type.ok_or(FieldError::Required));
    let number =
        id_type.and_then(|t| errors.check(&field("id_number"), parse_document_number(t, &input.id_number, today)));
    let (birth_date, sex) = match (id_type, &number) {
        (Some(IdType::ResidentId), Some(n)) => match derived_from_id(id_type, n, today) {
            Some((b, s)) => (Some(b), Some(s)),
            None => (None, None),
        },
        (Some(IdType::ResidentId), None) | (None, _) => (None, None),
        _ => {
            let birth = errors.check(&field("birth_date"), parse_birth_date(&input.birth_date, today));
            let sex = errors.check(&field("sex"), input.sex.ok_or(FieldError::Required));
            (birth, sex)
        }
    };
    let nationality = input.nationality.trim();
    if nationality.is_empty() {
        errors.add(&field("nationality"), FieldError::Required);
    }
    let phone =
        if typed_phone { errors.check(&field("phone"), parse_mobile(&input.phone)) } else { Some(input.phone.clone()) };
    Some(ValidParty {
        name: name?,
        id_type: id_type?,
        id_number: number?,
        birth_date: birth_date?,
        sex: sex?,
        nationality: (!nationality.is_empty()).then(|| nationality.to_string())?,
        phone: phone?,
    })
}

fn parse_birth_date(input: &str, today: Date) -> Result<Date, FieldError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    match Date::parse_iso(input) {
        Some(d) if d < today && d.year() >= 1900 => Ok(d),
        _ => Err(FieldError::MarriageBirthDate),
    }
}

/// Checks both parties for a booking of `kind` on `day`: each party's fields, that they are two
/// different people with two phones (B confirms from their own account), and for marriage that
/// both have reached the legal age on that day. Party A's phone is the account's: not checked.
pub fn check_parties(
    kind: BookingKind,
    a: &PartyInput,
    b: &PartyInput,
    day: Date,
    today: Date,
) -> Result<(ValidParty, ValidParty), FieldErrors> {
    let mut errors = FieldErrors::new();
    let pa = check_party_with(a, "party_a", today, &mut errors, false);
    let pb = check_party(b, "party_b", today, &mut errors);
    if let (Some(pa), Some(pb)) = (&pa, &pb) {
        if pa.id_type == pb.id_type && pa.id_number == pb.id_number {
            errors.add("party_b.id_number", FieldError::MarriageSamePerson);
        }
        if !pa.phone.is_empty() && pa.phone == pb.phone {
            errors.add("party_b.phone", FieldError::MarriagePartnerOwnPhone);
        }
        if kind == BookingKind::Marriage {
            for (p, prefix) in [(pa, "party_a"), (pb, "party_b")] {
                if !old_enough_to_marry(p.birth_date, p.sex, day) {
                    // Beside the number when it was read from the ID, else beside the typed date.
                    let f = if p.id_type == IdType::ResidentId { "id_number" } else { "birth_date" };
                    errors.add(&format!("{prefix}.{f}"), FieldError::MarriageUnderAge);
                }
            }
        }
    }
    match (pa, pb) {
        (Some(pa), Some(pb)) if errors.is_empty() => Ok((pa, pb)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests;
