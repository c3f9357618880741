//! Everything the server can be told, as flags or environment variables (a deployment's
//! environment file, e.g. a systemd `EnvironmentFile=`, is the configuration file).
//!
//! Two modes. With `--demo` the server is a demonstration: demo data in an empty database, the
//! development SMS sender and its outbox, the sandbox payment. Without it the server is the live
//! service and starts only when a real SMS provider (Tencent Cloud SMS), a real payment
//! provider (WeChat Pay v3) and the province's identity platform (OpenID Connect) are configured:
//! `Config::production_problems` lists what is missing, one line per setting, and `serve`
//! refuses to start on any.

use crate::secret::Secret;
use clap::builder::BoolishValueParser;
use clap::{ArgAction, Args};
use std::path::PathBuf;

mod oidc;
mod tencent_sms;
pub use oidc::{OidcArgs, OidcSettings};
pub use tencent_sms::{SmsTemplates, TencentSmsArgs, TencentSmsSettings};
mod wechat_pay;
pub use wechat_pay::{WechatPayArgs, WechatPaySettings};

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "BAOAN_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// `sqlite://…` or `postgres://…`. Default: an embedded SQLite file under the data directory.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Where the SQLite database and uploaded files live.
    #[arg(long, env = "BAOAN_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// The built web app (trunk's output).
    #[arg(long, env = "BAOAN_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// Run as a demonstration: demo data in an empty database (marked as demo in the app), the
    /// development SMS sender (codes readable at /api/v1/dev/sms-outbox, nothing sent to a phone)
    /// and the sandbox payment. Without it the server is the live service and needs the SMS and
    /// payment providers' settings below.
    #[arg(long, alias = "demo-data", env = "BAOAN_DEMO", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub demo: bool,

    /// With `--demo`: write the demo data into an empty database. Not a flag: on whenever `--demo`
    /// is; tests turn it off to start a demo-mode server on an empty database.
    #[arg(skip = true)]
    pub seed_demo_data: bool,

    /// A reverse proxy in front of this server (IP or CIDR; repeat the flag, or comma-separate in
    /// the environment). Only from these peers are X-Forwarded-For/-Proto/-Host believed.
    #[arg(long = "trusted-proxy", env = "BAOAN_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<crate::auth::client_ip::Cidr>,

    /// The app's public origin (e.g. `https://minzheng.example.cn`), accepted as "own" for writes.
    #[arg(long, env = "BAOAN_PUBLIC_ORIGIN")]
    pub public_origin: Option<String>,

    /// Development only: cookies without `Secure` and without the `__Host-` prefix, so sign-in
    /// works over plain HTTP. Never in production.
    #[arg(long, env = "BAOAN_INSECURE_DEV_COOKIE", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub insecure_dev_cookie: bool,

    /// At most this many SMS (codes and notices together) per minute, whoever asks.
    #[arg(long, env = "BAOAN_SMS_CEILING_PER_MINUTE", default_value_t = 60)]
    pub sms_ceiling_per_minute: i64,

    /// At most this many SMS (codes and notices together) per hour, whoever asks.
    #[arg(long, env = "BAOAN_SMS_CEILING_PER_HOUR", default_value_t = 1000)]
    pub sms_ceiling_per_hour: i64,

    /// Extra origin the app may call (when the API is served from another host), for the CSP.
    #[arg(long, env = "BAOAN_API_ORIGIN")]
    pub api_origin: Option<String>,

    /// Bootstrap bearer token: it only creates district admins (POST /api/v1/staff/accounts), who
    /// create every other staff account. Without it, no account is created through the API.
    #[arg(long, env = "BAOAN_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<Secret>,

    /// 32 random bytes, base64: the key that seals staff members' authenticator (TOTP) secrets in
    /// the database, kept apart from it. Required by the live service; a demo without it keeps a
    /// generated key in its own database.
    #[arg(long, env = "BAOAN_STAFF_SECRETS_KEY", hide_env_values = true)]
    pub staff_secrets_key: Option<Secret>,

    /// SMS codes one phone number may request per hour.
    #[arg(long, env = "BAOAN_SMS_PER_PHONE_PER_HOUR", default_value_t = baoan_contract::api::SMS_PER_PHONE_PER_HOUR)]
    pub sms_per_phone_per_hour: i64,

    /// SMS codes one client address may request per hour.
    #[arg(long, env = "BAOAN_SMS_PER_IP_PER_HOUR", default_value_t = baoan_contract::api::SMS_PER_IP_PER_HOUR)]
    pub sms_per_ip_per_hour: i64,

    /// Seconds a request may take, reading its body included, before it is answered 408 (uploads
    /// have their own limit below).
    #[arg(long, env = "BAOAN_REQUEST_TIMEOUT_SECONDS", default_value_t = 30)]
    pub request_timeout_seconds: u64,

    /// Seconds an upload (up to 10 MB, often over a slow mobile network) may take.
    #[arg(long, env = "BAOAN_UPLOAD_TIMEOUT_SECONDS", default_value_t = 300)]
    pub upload_timeout_seconds: u64,

    /// Requests served at once; more wait up to a second for a place, then get 503 + Retry-After.
    #[arg(long, env = "BAOAN_MAX_CONCURRENT_REQUESTS", default_value_t = 256)]
    pub max_concurrent_requests: usize,

    /// Files one resident may upload per day.
    #[arg(long, env = "BAOAN_UPLOADS_PER_DAY", default_value_t = 20)]
    pub uploads_per_day: i64,

    /// Megabytes one resident may upload per day.
    #[arg(long, env = "BAOAN_UPLOAD_MB_PER_DAY", default_value_t = 50)]
    pub upload_mb_per_day: i64,

    /// Files one resident may have stored at once (attached or not yet).
    #[arg(long, env = "BAOAN_UPLOADS_STORED", default_value_t = 100)]
    pub uploads_stored: i64,

    /// Megabytes one resident may have stored at once.
    #[arg(long, env = "BAOAN_UPLOAD_MB_STORED", default_value_t = 200)]
    pub upload_mb_stored: i64,

    #[command(flatten)]
    pub tencent_sms: TencentSmsArgs,

    #[command(flatten)]
    pub wechat_pay: WechatPayArgs,

    #[command(flatten)]
    pub oidc: OidcArgs,
}

/// Collects one line per missing or unusable setting.
pub(crate) struct Problems(pub(crate) Vec<String>);

impl Problems {
    pub(crate) fn required(&mut self, value: &Option<String>, env: &str, what: &str) -> String {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => v.to_string(),
            None => {
                self.0.push(format!("missing setting {env} ({}): {what}", flag_of(env)));
                String::new()
            }
        }
    }

    pub(crate) fn secret(&mut self, value: &Option<Secret>, env: &str, what: &str) -> Secret {
        match value.as_ref().filter(|v| !v.is_empty()) {
            Some(v) => v.clone(),
            None => {
                self.0.push(format!("missing setting {env} ({}): {what}", flag_of(env)));
                Secret::new("")
            }
        }
    }

    pub(crate) fn file(&mut self, value: &Option<PathBuf>, env: &str, what: &str) -> PathBuf {
        let Some(path) = value.as_ref().filter(|p| !p.as_os_str().is_empty()) else {
            self.0.push(format!("missing setting {env} ({}): {what}", flag_of(env)));
            return PathBuf::new();
        };
        if let Err(e) = std::fs::File::open(path).and_then(|f| f.metadata()).and_then(|m| {
            if m.is_file() {
                Ok(())
            } else {
                Err(std::io::Error::other("not a file"))
            }
        }) {
            self.0.push(format!("unusable setting {env}: cannot read {}: {e}", path.display()));
        }
        path.clone()
    }

    pub(crate) fn done<T>(self, value: T) -> Result<T, Vec<String>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// A provider's URL (SMS endpoint, payment API, identity platform): plain http is allowed only to
/// a loopback address (a test's stand-in); anything else carries residents' numbers, codes,
/// payments or identities, and must be https.
pub(crate) fn is_https_or_loopback(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else { return false };
    let host = rest.split(['/', '?']).next().unwrap_or("");
    let host = host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host);
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// `BAOAN_TENCENT_SMS_SIGN_NAME` → `--tencent-sms-sign-name`.
pub(crate) fn flag_of(env: &str) -> String {
    format!("--{}", env.trim_start_matches("BAOAN_").to_ascii_lowercase().replace('_', "-"))
}

impl Config {
    /// A configuration for tests: no demo data, dev outbox on, given database.
    pub fn for_tests(database_url: String, dist_dir: PathBuf) -> Self {
        Config {
            bind: "127.0.0.1:0".into(),
            database_url: Some(database_url),
            data_dir: std::env::temp_dir(),
            dist_dir,
            // Demo mode (the development SMS sender and its outbox) on an empty database: tests
            // seed what they need; production-mode tests configure the providers.
            demo: true,
            seed_demo_data: false,
            trusted_proxies: Vec::new(),
            public_origin: None,
            // reqwest (like a browser) keeps Secure cookies off plain HTTP.
            insecure_dev_cookie: true,
            // Tests send many codes quickly; the ceiling's own test sets a tiny one.
            sms_ceiling_per_minute: 10_000,
            sms_ceiling_per_hour: 100_000,
            api_origin: None,
            admin_token: Some(Secret::new("test-admin-token")),
            staff_secrets_key: None,
            sms_per_phone_per_hour: baoan_contract::api::SMS_PER_PHONE_PER_HOUR,
            sms_per_ip_per_hour: baoan_contract::api::SMS_PER_IP_PER_HOUR,
            request_timeout_seconds: 30,
            upload_timeout_seconds: 300,
            max_concurrent_requests: 256,
            uploads_per_day: 20,
            upload_mb_per_day: 50,
            uploads_stored: 100,
            upload_mb_stored: 200,
            tencent_sms: TencentSmsArgs::default(),
            wechat_pay: WechatPayArgs::default(),
            oidc: OidcArgs::default(),
        }
    }

    /// Why this configuration cannot run as the live service, one line per setting; empty in
    /// demo mode or when every provider is configured.
    pub fn production_problems(&self) -> Vec<String> {
        if self.demo {
            return Vec::new();
        }
        let mut problems = self.tencent_sms.settings().err().unwrap_or_default();
        problems.extend(self.wechat_pay.settings().err().unwrap_or_default());
        problems.extend(self.oidc.settings().err().unwrap_or_default());
        match &self.staff_secrets_key {
            None => problems.push(
                "BAOAN_STAFF_SECRETS_KEY (--staff-secrets-key) is not set: 32 random bytes, base64, that seal staff \
                 authenticator secrets"
                    .into(),
            ),
            Some(key) if crate::staff::sealing::key_bytes(key).is_none() => {
                problems.push("BAOAN_STAFF_SECRETS_KEY (--staff-secrets-key) is not 32 bytes of base64".into())
            }
            Some(_) => {}
        }
        problems
    }

    /// Whether applying for assistance and booking marriage registration need a verified
    /// identity: always in production; in demo mode when asked for.
    pub fn identity_required(&self) -> bool {
        !self.demo || self.oidc.require_verified_identity
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("baoan.sqlite3").display()),
        }
    }
}
