//! The province's unified identity platform (an OpenID Connect provider): the settings as given
//! (flags or environment) and as checked.

use super::{is_https_or_loopback, Problems};
use crate::secret::Secret;
use clap::builder::BoolishValueParser;
use clap::{ArgAction, Args};

/// OpenID Connect relying party: who verifies residents' real-name identity.
#[derive(Debug, Clone, Default, Args)]
pub struct OidcArgs {
    /// The identity platform's issuer URL (its discovery document is at
    /// `<issuer>/.well-known/openid-configuration`).
    #[arg(long, env = "BAOAN_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,
    /// The client ID this service was registered with at the platform.
    #[arg(long, env = "BAOAN_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,
    /// The client secret (never printed).
    #[arg(long, env = "BAOAN_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<Secret>,
    /// The redirect URL registered at the platform: the app's page `/mine/verify/return` on
    /// the public origin, e.g. `https://minzheng.example.cn/mine/verify/return`.
    #[arg(long, env = "BAOAN_OIDC_REDIRECT_URL")]
    pub oidc_redirect_url: Option<String>,
    /// Scopes to ask for besides `openid` (space-separated), as the platform's documentation says.
    #[arg(long, env = "BAOAN_OIDC_SCOPES", default_value = "profile")]
    pub oidc_scopes: String,
    /// The ID token claim carrying the verified name.
    #[arg(long, env = "BAOAN_OIDC_NAME_CLAIM", default_value = "name")]
    pub oidc_name_claim: String,
    /// The ID token claim carrying the verified resident ID number (居民身份证号码).
    #[arg(long, env = "BAOAN_OIDC_ID_NUMBER_CLAIM", default_value = "id_number")]
    pub oidc_id_number_claim: String,
    /// Demo mode only: require a verified identity for assistance and marriage as production
    /// does (the development verifier then stands in). Production always requires it.
    #[arg(long, env = "BAOAN_REQUIRE_VERIFIED_IDENTITY", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub require_verified_identity: bool,
}

/// The identity platform, checked: every URL usable, the claim names present.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub redirect_url: String,
    pub scopes: Vec<String>,
    pub name_claim: String,
    pub id_number_claim: String,
}

impl OidcArgs {
    /// Whether any of the platform's settings were given (demo mode uses the platform only then).
    pub fn any_given(&self) -> bool {
        self.oidc_issuer.is_some() || self.oidc_client_id.is_some() || self.oidc_redirect_url.is_some()
    }

    pub fn settings(&self) -> Result<OidcSettings, Vec<String>> {
        let mut p = Problems(Vec::new());
        let issuer = p.required(&self.oidc_issuer, "BAOAN_OIDC_ISSUER", "the identity platform's issuer URL");
        let client_id = p.required(&self.oidc_client_id, "BAOAN_OIDC_CLIENT_ID", "the identity platform's client ID");
        let client_secret =
            p.secret(&self.oidc_client_secret, "BAOAN_OIDC_CLIENT_SECRET", "the identity platform's client secret");
        let redirect_url = p.required(
            &self.oidc_redirect_url,
            "BAOAN_OIDC_REDIRECT_URL",
            "the redirect URL registered at the platform",
        );
        // The platform's answers carry residents' ID numbers; the redirect carries the code.
        for (value, env) in [(&issuer, "BAOAN_OIDC_ISSUER"), (&redirect_url, "BAOAN_OIDC_REDIRECT_URL")] {
            if !value.is_empty() && !is_https_or_loopback(value) {
                p.0.push(format!("unusable setting {env}: {value} is not an https URL"));
            }
        }
        let name_claim = self.oidc_name_claim.trim().to_string();
        let id_number_claim = self.oidc_id_number_claim.trim().to_string();
        for (value, env) in [(&name_claim, "BAOAN_OIDC_NAME_CLAIM"), (&id_number_claim, "BAOAN_OIDC_ID_NUMBER_CLAIM")] {
            if value.is_empty() {
                p.0.push(format!("unusable setting {env}: a claim name is needed"));
            }
        }
        let scopes = self.oidc_scopes.split_whitespace().filter(|s| *s != "openid").map(str::to_string).collect();
        p.done(OidcSettings { issuer, client_id, client_secret, redirect_url, scopes, name_claim, id_number_claim })
    }
}
