//! Everything the server can be told, as flags or environment variables.

use clap::builder::BoolishValueParser;
use clap::{ArgAction, Args};
use std::path::PathBuf;

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

    /// Fill an empty database with demonstration data (clearly marked as demo in the app).
    #[arg(long, env = "BAOAN_DEMO_DATA", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub demo_data: bool,

    /// Development only: expose sent SMS codes at /api/v1/dev/sms-outbox. Never in production.
    #[arg(long, env = "BAOAN_DEV_SMS_OUTBOX", action = ArgAction::SetTrue, value_parser = BoolishValueParser::new())]
    pub dev_sms_outbox: bool,

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

    /// Bearer token for the staff admin API (and the CLI). Without it the admin API is off.
    #[arg(long, env = "BAOAN_ADMIN_TOKEN")]
    pub admin_token: Option<String>,

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
    pub wechat_pay: crate::journeys::charity::wechat_pay::WechatPaySettings,
}

impl Config {
    /// A configuration for tests: no demo data, dev outbox on, given database.
    pub fn for_tests(database_url: String, dist_dir: PathBuf) -> Self {
        Config {
            bind: "127.0.0.1:0".into(),
            database_url: Some(database_url),
            data_dir: std::env::temp_dir(),
            dist_dir,
            demo_data: false,
            dev_sms_outbox: true,
            trusted_proxies: Vec::new(),
            public_origin: None,
            // reqwest (like a browser) keeps Secure cookies off plain HTTP.
            insecure_dev_cookie: true,
            // Tests send many codes quickly; the ceiling's own test sets a tiny one.
            sms_ceiling_per_minute: 10_000,
            sms_ceiling_per_hour: 100_000,
            api_origin: None,
            admin_token: Some("test-admin-token".into()),
            sms_per_phone_per_hour: baoan_contract::api::SMS_PER_PHONE_PER_HOUR,
            sms_per_ip_per_hour: baoan_contract::api::SMS_PER_IP_PER_HOUR,
            request_timeout_seconds: 30,
            upload_timeout_seconds: 300,
            max_concurrent_requests: 256,
            uploads_per_day: 20,
            upload_mb_per_day: 50,
            uploads_stored: 100,
            upload_mb_stored: 200,
            wechat_pay: Default::default(),
        }
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("baoan.sqlite3").display()),
        }
    }
}
