//! WeChat Pay's settings, as flags or environment variables, and loading them into a ready
//! client: the merchant's private key and the platform's public keys read from their files.
//! All unset: the sandbox stays (demo). Some set: the server refuses to start, naming what is missing.

use super::crypto::{read_merchant_key, read_platform_key, Merchant, PlatformKey};
use super::WechatPay;
use clap::Args;
use std::path::PathBuf;

/// A secret given on the command line or in the environment: never printed (no `Debug` of its
/// value, and `hide_env_values` keeps it out of `--help`).
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[redacted]")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_string()))
    }
}

/// The WeChat Pay API v3 merchant settings. With all of them, gifts are paid through WeChat Pay
/// (H5); with none, through the demo's sandbox.
#[derive(Clone, Default, Args)]
pub struct WechatPaySettings {
    /// WeChat Pay merchant id (商户号, mchid).
    #[arg(long = "wechat-pay-mch-id", env = "BAOAN_WECHAT_PAY_MCH_ID")]
    pub mch_id: Option<String>,

    /// The app id (appid) the merchant is bound to.
    #[arg(long = "wechat-pay-app-id", env = "BAOAN_WECHAT_PAY_APP_ID")]
    pub app_id: Option<String>,

    /// Serial number of the merchant's API certificate (商户API证书序列号).
    #[arg(long = "wechat-pay-merchant-serial", env = "BAOAN_WECHAT_PAY_MERCHANT_SERIAL")]
    pub merchant_serial: Option<String>,

    /// The merchant's private key, a PEM file (apiclient_key.pem). Keep it readable by this server only.
    #[arg(long = "wechat-pay-merchant-key-file", env = "BAOAN_WECHAT_PAY_MERCHANT_KEY_FILE")]
    pub merchant_key_file: Option<PathBuf>,

    /// The API v3 key (32 characters). Prefer the environment variable; its value is never shown.
    #[arg(long = "wechat-pay-api-v3-key", env = "BAOAN_WECHAT_PAY_API_V3_KEY", hide_env_values = true)]
    pub api_v3_key: Option<Secret>,

    /// A platform certificate (PEM; its serial is read from it), or `SERIAL=FILE` for a WeChat Pay
    /// public key (PEM) and its id. Repeat the flag, or comma-separate in the environment.
    #[arg(long = "wechat-pay-platform-cert", env = "BAOAN_WECHAT_PAY_PLATFORM_CERTS", value_delimiter = ',')]
    pub platform_certs: Vec<String>,

    /// Where WeChat Pay posts payment notifications: this server's public
    /// `https://…/api/v1/charity/payments/wechat/notify`.
    #[arg(long = "wechat-pay-notify-url", env = "BAOAN_WECHAT_PAY_NOTIFY_URL")]
    pub notify_url: Option<String>,

    /// The API's base URL.
    #[arg(long = "wechat-pay-base-url", env = "BAOAN_WECHAT_PAY_BASE_URL", default_value = DEFAULT_BASE_URL)]
    pub base_url: String,

    /// Minutes a gift's payment order stays open before it is closed.
    #[arg(long = "wechat-pay-order-minutes", env = "BAOAN_WECHAT_PAY_ORDER_MINUTES", default_value_t = 30)]
    pub order_minutes: i64,

    /// Minutes without a notification after which an order is asked about (reconciliation).
    #[arg(
        long = "wechat-pay-reconcile-after-minutes",
        env = "BAOAN_WECHAT_PAY_RECONCILE_AFTER_MINUTES",
        default_value_t = 10
    )]
    pub reconcile_after_minutes: i64,
}

pub const DEFAULT_BASE_URL: &str = "https://api.mch.weixin.qq.com";

// Written by hand so the API v3 key can never reach a log through `{:?}` of the configuration.
impl std::fmt::Debug for WechatPaySettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WechatPaySettings")
            .field("mch_id", &self.mch_id)
            .field("app_id", &self.app_id)
            .field("merchant_serial", &self.merchant_serial)
            .field("merchant_key_file", &self.merchant_key_file)
            .field("api_v3_key", &self.api_v3_key.as_ref().map(|_| "[redacted]"))
            .field("platform_certs", &self.platform_certs)
            .field("notify_url", &self.notify_url)
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl WechatPaySettings {
    /// Whether any merchant setting is given (then all must be).
    pub fn is_configured(&self) -> bool {
        self.mch_id.is_some()
            || self.app_id.is_some()
            || self.merchant_serial.is_some()
            || self.merchant_key_file.is_some()
            || self.api_v3_key.is_some()
            || !self.platform_certs.is_empty()
            || self.notify_url.is_some()
    }

    /// The settings missing for WeChat Pay, as their flags (empty when complete).
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let checks = [
            (self.mch_id.is_none(), "--wechat-pay-mch-id"),
            (self.app_id.is_none(), "--wechat-pay-app-id"),
            (self.merchant_serial.is_none(), "--wechat-pay-merchant-serial"),
            (self.merchant_key_file.is_none(), "--wechat-pay-merchant-key-file"),
            (self.api_v3_key.is_none(), "--wechat-pay-api-v3-key"),
            (self.platform_certs.is_empty(), "--wechat-pay-platform-cert"),
            (self.notify_url.is_none(), "--wechat-pay-notify-url"),
        ];
        for (absent, flag) in checks {
            if absent {
                missing.push(flag);
            }
        }
        missing
    }

    /// The ready client; `Ok(None)` when WeChat Pay is not configured at all (the sandbox stays).
    /// Each problem is one line of the error.
    pub fn load(&self) -> Result<Option<WechatPay>, String> {
        if !self.is_configured() {
            return Ok(None);
        }
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(missing.iter().map(|f| format!("WeChat Pay: {f} is missing")).collect::<Vec<_>>().join("\n"));
        }
        let key = self.api_v3_key.as_ref().map(Secret::expose).unwrap_or_default();
        let api_v3_key: [u8; 32] =
            key.as_bytes().try_into().map_err(|_| "WeChat Pay: the API v3 key must be 32 characters".to_string())?;
        let merchant_key = read_merchant_key(self.merchant_key_file.as_deref().unwrap_or_else(|| "".as_ref()))?;
        let platform =
            self.platform_certs.iter().map(|p| read_platform_key(p)).collect::<Result<Vec<PlatformKey>, _>>()?;
        if self.order_minutes < 5 || self.reconcile_after_minutes < 1 {
            return Err("WeChat Pay: orders stay open at least 5 minutes; reconcile after at least 1".into());
        }
        let http = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .user_agent("baoan-server")
            .build()
            .map_err(|e| format!("WeChat Pay: HTTP client: {e}"))?;
        Ok(Some(WechatPay {
            merchant: Merchant {
                mch_id: self.mch_id.clone().unwrap_or_default(),
                serial: self.merchant_serial.clone().unwrap_or_default(),
                key: merchant_key,
            },
            app_id: self.app_id.clone().unwrap_or_default(),
            api_v3_key,
            platform,
            notify_url: self.notify_url.clone().unwrap_or_default(),
            base_url: self.base_url.trim_end_matches('/').to_string(),
            order_seconds: self.order_minutes * 60,
            reconcile_after_seconds: self.reconcile_after_minutes * 60,
            http,
        }))
    }
}
