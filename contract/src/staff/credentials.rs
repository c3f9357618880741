//! A staff member's own password change, and a district admin's reset of someone's credentials
//! (a forgotten password, a lost phone): a new password given in person and a new authenticator
//! secret, the old sessions ended.

use super::accounts::{check_password, check_reason};
use crate::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// `PUT /api/v1/staff/me/password`: the current password and the authenticator's current code
/// prove it is the member (not someone at an unlocked phone), then the new password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub code: String,
    pub new_password: String,
}

impl PasswordChange {
    /// The new password's rules (`check_password`); the current one and the code are the server's
    /// to judge, and it never says which was wrong.
    pub fn check(&self, login: &str) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if let Err(e) = check_password(&self.new_password, login) {
            errors.add("new_password", e);
        } else if self.new_password == self.current_password {
            errors.add("new_password", FieldError::StaffPassword);
        }
        errors
    }
}

/// `POST /api/v1/staff/accounts/{id}/reset`: a district admin gives the member a new first
/// password (in person) and a new authenticator secret, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CredentialsReset {
    pub password: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ super::accounts::REASON_MAX_CHARS }>))]
    pub reason: String,
}

impl CredentialsReset {
    /// Returns the reason, trimmed, when the reset is well formed.
    pub fn check(&self, login: &str) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Err(e) = check_password(&self.password, login) {
            errors.add("password", e);
        }
        let reason = check_reason(Some(&self.reason), true).map_err(|e| errors.add("reason", e)).ok().flatten();
        match reason {
            Some(reason) if errors.is_empty() => Ok(reason),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_follows_the_rules_and_is_new() {
        let change = |current: &str, new: &str| PasswordChange {
            current_password: current.into(),
            code: "123456".into(),
            new_password: new.into(),
        };
        assert!(change("an old passphrase", "a new passphrase").check("chen.li").is_empty());
        assert_eq!(change("x", "short").check("chen.li").get("new_password"), Some(FieldError::StaffPassword));
        let same = change("the same passphrase", "the same passphrase").check("chen.li");
        assert_eq!(same.get("new_password"), Some(FieldError::StaffPassword));
    }

    #[test]
    fn a_reset_needs_a_good_password_and_a_reason() {
        let reset =
            |password: &str, reason: &str| CredentialsReset { password: password.into(), reason: reason.into() };
        assert_eq!(reset("a long first passphrase", " lost phone ").check("chen.li"), Ok("lost phone".into()));
        let bad = reset("short", " ").check("chen.li").unwrap_err();
        assert_eq!(
            (bad.get("password"), bad.get("reason")),
            (Some(FieldError::StaffPassword), Some(FieldError::StaffReason))
        );
    }
}
