//! Verified identity (issue 12 item 7): the province's unified identity platform (OpenID Connect)
//! vouches for the profile's name and ID number; applying for assistance and booking marriage
//! registration need that where the server requires it (always in production).

use serde::{Deserialize, Serialize};

/// Seconds a verification started at the platform may take before its `state` is void.
pub const IDENTITY_LOGIN_TTL_SECONDS: i64 = 10 * 60;

/// Where the app goes after verifying when it was not told (or told something unsafe).
pub const DEFAULT_RETURN_TO: &str = "/mine";

/// Who vouched for a profile's name and ID number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdentityVerifier {
    /// The province's unified identity platform (a real-name check).
    Provincial,
    /// The development verifier of a demonstration server: it vouches for whatever was typed.
    Development,
}

impl IdentityVerifier {
    /// The stable code used on the wire and in storage (same as serde's).
    pub fn code(self) -> &'static str {
        match self {
            IdentityVerifier::Provincial => "provincial",
            IdentityVerifier::Development => "development",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "provincial" => Some(IdentityVerifier::Provincial),
            "development" => Some(IdentityVerifier::Development),
            _ => None,
        }
    }
}

/// A profile's verification: by whom and when (Unix seconds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityVerification {
    pub verifier: IdentityVerifier,
    pub verified_at: i64,
}

/// `GET /api/v1/me/identity` — what the verify page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityStatus {
    /// The resident's verification, if any.
    pub verification: Option<IdentityVerification>,
    /// Whether this server requires a verified identity to apply for assistance or book marriage
    /// registration (always true in production).
    pub required: bool,
    /// Whether the province's identity platform is configured here.
    pub provincial: bool,
    /// Whether the development verifier is on (demo mode only).
    pub development: bool,
}

/// `POST /api/v1/me/identity/provincial` — leave for the platform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartVerification {
    /// The app path to come back to afterwards (e.g. `/assistance/apply`); anything that is not
    /// one of the app's own paths is replaced by `/mine`.
    #[serde(default)]
    pub return_to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartVerificationResponse {
    /// The platform's authorization URL to send the browser to.
    pub authorize_url: String,
}

/// `POST /api/v1/me/identity/provincial/callback` — what the platform sent back to the redirect
/// page (its query's `code` and `state`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FinishVerification {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub state: String,
}

/// The answer to a finished verification (provincial or development).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerificationDone {
    pub me: crate::api::Me,
    /// Where to go now (a path of the app, checked by [`safe_return_to`]).
    pub return_to: String,
}

/// `return_to` if it is a path of this app, else [`DEFAULT_RETURN_TO`]: never another site
/// (`//evil.example`, `https://…`, `/\evil`), never the API, nothing unprintable. The one check
/// of a return address: the server's for 实名核验, the app's for it and for sign-in's `next`.
pub fn safe_return_to(return_to: &str) -> String {
    let ok = return_to.starts_with('/')
        && !return_to.starts_with("//")
        && !return_to.starts_with("/\\")
        && !return_to.starts_with("/api/")
        && return_to.len() <= 512
        && !return_to.chars().any(|c| c.is_control() || c == '\\');
    if ok {
        return_to.to_string()
    } else {
        DEFAULT_RETURN_TO.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_to_stays_in_the_app() {
        assert_eq!(safe_return_to("/assistance/apply?step=2"), "/assistance/apply?step=2");
        for bad in ["", "https://evil.example/", "//evil.example", "/\\evil.example", "/api/v1/me", "/a\nb", "x"] {
            assert_eq!(safe_return_to(bad), DEFAULT_RETURN_TO, "{bad:?}");
        }
    }

    #[test]
    fn verifier_codes_round_trip() {
        for v in [IdentityVerifier::Provincial, IdentityVerifier::Development] {
            assert_eq!(IdentityVerifier::from_code(v.code()), Some(v));
            assert_eq!(serde_json::to_value(v).unwrap(), v.code());
        }
    }
}
