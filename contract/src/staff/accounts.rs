//! Creating staff accounts and signing staff in: the rules for logins, passwords and reasons.

use super::roles::Assignment;
use crate::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

pub const LOGIN_MIN_CHARS: usize = 3;
pub const LOGIN_MAX_CHARS: usize = 32;
pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const DISPLAY_NAME_MAX_CHARS: usize = 40;
/// A reason given for an action (kept in the audit trail; a refusal's reason is also shown to the resident).
pub const REASON_MAX_CHARS: usize = 500;
/// Digits of an authenticator (TOTP) code.
pub const TOTP_DIGITS: usize = 6;

/// `POST /api/v1/staff/accounts`: a district admin (or, for the first district admin only, the
/// server's bootstrap token) creates an account. The answer carries the authenticator secret once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaffAccount {
    pub login: String,
    /// The staff member's name, seen by other staff and in the audit trail; never by residents.
    pub display_name: String,
    pub assignment: Assignment,
    /// The first password, given to the staff member in person.
    pub password: String,
}

impl NewStaffAccount {
    /// Every bad field (the place is checked against the places that exist by the server).
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("login", check_login(&self.login));
        let name = self.display_name.trim();
        if name.is_empty() {
            errors.add("display_name", FieldError::Required);
        } else if name.chars().count() > DISPLAY_NAME_MAX_CHARS || name.chars().any(char::is_control) {
            errors.add("display_name", FieldError::NameTooLong);
        }
        if !self.assignment.is_well_formed() {
            errors.add("assignment.place", FieldError::StaffPlace);
        }
        errors.check("password", check_password(&self.password, &self.login));
        errors
    }
}

pub fn check_login(login: &str) -> Result<(), FieldError> {
    let ok = (LOGIN_MIN_CHARS..=LOGIN_MAX_CHARS).contains(&login.len())
        && login.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(FieldError::StaffLogin)
    }
}

pub fn check_password(password: &str, login: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if !(PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&chars) || password.eq_ignore_ascii_case(login) {
        Err(FieldError::StaffPassword)
    } else {
        Ok(())
    }
}

/// A reason given for an action: required where the law expects one, at most
/// [`REASON_MAX_CHARS`], plain text. Returns it trimmed.
pub fn check_reason(reason: Option<&str>, required: bool) -> Result<Option<String>, FieldError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        None if required => Err(FieldError::StaffReason),
        None => Ok(None),
        Some(r) if r.chars().count() > REASON_MAX_CHARS => Err(FieldError::StaffReason),
        Some(r) => Ok(Some(r.to_string())),
    }
}

/// A staff account as district admins see it (never its password or authenticator secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub id: String,
    pub login: String,
    pub display_name: String,
    pub assignment: Assignment,
    pub active: bool,
}

/// The answer to creating an account: the account and, this once, the authenticator's secret
/// (base32), its `otpauth://` address and that address as a QR code, which the staff member's
/// authenticator app scans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedStaffAccount {
    pub account: StaffAccount,
    pub totp_secret: String,
    pub totp_uri: String,
    pub totp_qr: crate::api::QrMatrix,
}

/// `POST /api/v1/staff/session`: password and the authenticator's current code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSignIn {
    pub login: String,
    pub password: String,
    pub code: String,
}

impl StaffSignIn {
    /// What the sign-in page checks before sending: each part given, the code six digits. (The
    /// server answers any wrong combination with one `staff.sign_in`, never which part.)
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.login.trim().is_empty() {
            errors.add("login", FieldError::Required);
        }
        if self.password.is_empty() {
            errors.add("password", FieldError::Required);
        }
        let code = self.code.trim();
        if code.is_empty() {
            errors.add("code", FieldError::Required);
        } else if code.len() != TOTP_DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            errors.add("code", FieldError::StaffSignIn);
        }
        errors
    }
}

/// The signed-in staff member (`GET /api/v1/staff/me`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMe {
    pub login: String,
    pub display_name: String,
    pub assignment: Assignment,
}

/// `POST /api/v1/staff/accounts/{id}/deactivate`: why (kept in the audit trail).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deactivation {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ REASON_MAX_CHARS }>))]
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::Role;

    fn account(login: &str, password: &str, role: Role, place: Option<&str>) -> NewStaffAccount {
        NewStaffAccount {
            login: login.into(),
            display_name: "Chen".into(),
            assignment: Assignment { role, place: place.map(Into::into) },
            password: password.into(),
        }
    }

    #[test]
    fn a_good_account_passes_and_each_bad_field_is_named() {
        assert!(account("chen.li", "long enough pass", Role::Moderator, None).check().is_empty());
        let bad = account("Chen Li", "short", Role::GateStaff, None).check();
        assert_eq!(bad.get("login"), Some(FieldError::StaffLogin));
        assert_eq!(bad.get("password"), Some(FieldError::StaffPassword));
        assert_eq!(bad.get("assignment.place"), Some(FieldError::StaffPlace));
    }

    #[test]
    fn sign_in_needs_every_part_and_a_six_digit_code() {
        let form = |login: &str, password: &str, code: &str| StaffSignIn {
            login: login.into(),
            password: password.into(),
            code: code.into(),
        };
        assert!(form("chen.li", "secret", " 123456 ").check().is_empty());
        let empty = form(" ", "", "").check();
        assert_eq!(empty.get("login"), Some(FieldError::Required));
        assert_eq!(empty.get("password"), Some(FieldError::Required));
        assert_eq!(empty.get("code"), Some(FieldError::Required));
        for bad in ["12345", "1234567", "12345a"] {
            assert_eq!(form("chen.li", "secret", bad).check().get("code"), Some(FieldError::StaffSignIn), "{bad}");
        }
    }

    #[test]
    fn the_password_is_not_the_login() {
        assert_eq!(check_password("abcdefghijkl", "ABCDEFGHIJKL"), Err(FieldError::StaffPassword));
        assert_eq!(check_password(&"x".repeat(129), "a"), Err(FieldError::StaffPassword));
    }

    #[test]
    fn reasons_are_trimmed_required_where_asked_and_bounded() {
        assert_eq!(check_reason(Some("  "), true), Err(FieldError::StaffReason));
        assert_eq!(check_reason(None, false), Ok(None));
        assert_eq!(check_reason(Some(" 收入超标 "), true), Ok(Some("收入超标".into())));
        assert_eq!(check_reason(Some(&"字".repeat(501)), false), Err(FieldError::StaffReason));
    }
}
