//! The WeChat Pay API v3 settings: as given (flags or environment) and as checked. The
//! provider itself (`journeys::charity::wechat_pay`) reads the key files into a client.

use super::{is_https_or_loopback, Problems};
use crate::secret::Secret;
use clap::Args;
use std::path::PathBuf;

/// WeChat Pay API v3: the live service's payment provider (for gifts).
#[derive(Debug, Clone, Default, Args)]
pub struct WechatPayArgs {
    /// Merchant ID (商户号).
    #[arg(long, env = "BAOAN_WECHATPAY_MCH_ID")]
    pub wechatpay_mch_id: Option<String>,
    /// The AppID the merchant is bound to.
    #[arg(long, env = "BAOAN_WECHATPAY_APP_ID")]
    pub wechatpay_app_id: Option<String>,
    /// Serial number of the merchant API certificate.
    #[arg(long, env = "BAOAN_WECHATPAY_SERIAL")]
    pub wechatpay_serial: Option<String>,
    /// PEM file of the merchant API private key (apiclient_key.pem).
    #[arg(long, env = "BAOAN_WECHATPAY_PRIVATE_KEY_FILE")]
    pub wechatpay_private_key_file: Option<PathBuf>,
    /// The APIv3 key, 32 characters (never printed).
    #[arg(long, env = "BAOAN_WECHATPAY_API_V3_KEY", hide_env_values = true)]
    pub wechatpay_api_v3_key: Option<Secret>,
    /// What verifies notifications: a platform certificate (PEM file; its serial is read from
    /// it), or `ID=FILE` for a WeChat Pay public key (PEM) and its id. Several while WeChat Pay
    /// rotates them: repeat the flag, or separate with commas in the environment.
    #[arg(long, env = "BAOAN_WECHATPAY_PLATFORM_CERTS", value_delimiter = ',')]
    pub wechatpay_platform_certs: Vec<String>,
    /// The https URL WeChat Pay sends payment notifications to: this server's public
    /// `https://…/api/v1/charity/payments/wechat/notify`.
    #[arg(long, env = "BAOAN_WECHATPAY_NOTIFY_URL")]
    pub wechatpay_notify_url: Option<String>,
    /// The API's base URL (a local stand-in in tests).
    #[arg(long, env = "BAOAN_WECHATPAY_BASE_URL", default_value = DEFAULT_BASE_URL)]
    pub wechatpay_base_url: String,
    /// Minutes a gift's payment order stays open before reconciliation closes it.
    #[arg(long, env = "BAOAN_WECHATPAY_ORDER_MINUTES", default_value_t = 30)]
    pub wechatpay_order_minutes: i64,
    /// Minutes without a notification after which reconciliation asks about an order.
    #[arg(long, env = "BAOAN_WECHATPAY_RECONCILE_AFTER_MINUTES", default_value_t = 10)]
    pub wechatpay_reconcile_after_minutes: i64,
}

pub const DEFAULT_BASE_URL: &str = "https://api.mch.weixin.qq.com";

/// WeChat Pay v3, checked: the files exist and are readable, the APIv3 key is an AES-256 key
/// (32 bytes), the notification URL is https, the minutes make sense.
#[derive(Debug, Clone)]
pub struct WechatPaySettings {
    pub mch_id: String,
    pub app_id: String,
    pub serial: String,
    pub private_key_file: PathBuf,
    pub api_v3_key: Secret,
    /// Each a certificate file, or `ID=FILE` for a public key.
    pub platform_certs: Vec<String>,
    pub notify_url: String,
    pub base_url: String,
    pub order_minutes: i64,
    pub reconcile_after_minutes: i64,
}

impl WechatPayArgs {
    /// Whether any merchant setting is given: in demo mode, WeChat Pay then replaces the
    /// sandbox (and must be complete); with none the sandbox stays.
    pub fn any_given(&self) -> bool {
        self.wechatpay_mch_id.is_some()
            || self.wechatpay_app_id.is_some()
            || self.wechatpay_serial.is_some()
            || self.wechatpay_private_key_file.is_some()
            || self.wechatpay_api_v3_key.is_some()
            || !self.wechatpay_platform_certs.is_empty()
            || self.wechatpay_notify_url.is_some()
    }

    pub fn settings(&self) -> Result<WechatPaySettings, Vec<String>> {
        let mut p = Problems(Vec::new());
        let mch_id =
            p.required(&self.wechatpay_mch_id, "BAOAN_WECHATPAY_MCH_ID", "the WeChat Pay merchant ID (商户号)");
        let app_id = p.required(&self.wechatpay_app_id, "BAOAN_WECHATPAY_APP_ID", "the AppID bound to the merchant");
        let serial = p.required(
            &self.wechatpay_serial,
            "BAOAN_WECHATPAY_SERIAL",
            "the merchant API certificate's serial number",
        );
        let private_key_file = p.file(
            &self.wechatpay_private_key_file,
            "BAOAN_WECHATPAY_PRIVATE_KEY_FILE",
            "PEM file of the merchant API private key",
        );
        let api_v3_key = p.secret(&self.wechatpay_api_v3_key, "BAOAN_WECHATPAY_API_V3_KEY", "the APIv3 key");
        if !api_v3_key.is_empty() && api_v3_key.expose().len() != 32 {
            p.0.push("unusable setting BAOAN_WECHATPAY_API_V3_KEY: the APIv3 key is 32 characters".into());
        }
        let platform_certs: Vec<String> =
            self.wechatpay_platform_certs.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
        if platform_certs.is_empty() {
            p.0.push(
                "missing setting BAOAN_WECHATPAY_PLATFORM_CERTS (--wechatpay-platform-certs): the WeChat Pay \
                 platform certificate(s) or public key"
                    .into(),
            );
        }
        for cert in &platform_certs {
            let file = cert.split_once('=').map_or(cert.as_str(), |(_, f)| f);
            p.file(&Some(PathBuf::from(file)), "BAOAN_WECHATPAY_PLATFORM_CERTS", "a platform certificate");
        }
        let notify_url = p.required(
            &self.wechatpay_notify_url,
            "BAOAN_WECHATPAY_NOTIFY_URL",
            "the https URL for payment notifications",
        );
        if !notify_url.is_empty() && !notify_url.starts_with("https://") {
            p.0.push("unusable setting BAOAN_WECHATPAY_NOTIFY_URL: WeChat Pay notifies only https URLs".into());
        }
        if self.wechatpay_order_minutes < 5 || self.wechatpay_reconcile_after_minutes < 1 {
            p.0.push(
                "unusable setting BAOAN_WECHATPAY_ORDER_MINUTES / BAOAN_WECHATPAY_RECONCILE_AFTER_MINUTES: orders \
                 stay open at least 5 minutes and are asked about after at least 1"
                    .into(),
            );
        }
        let base_url = self.wechatpay_base_url.trim_end_matches('/').to_string();
        if !is_https_or_loopback(&base_url) {
            p.0.push(format!("unusable setting BAOAN_WECHATPAY_BASE_URL: {base_url} is not an https URL"));
        }
        p.done(WechatPaySettings {
            mch_id,
            app_id,
            serial,
            private_key_file,
            api_v3_key,
            platform_certs,
            notify_url,
            base_url,
            order_minutes: self.wechatpay_order_minutes,
            reconcile_after_minutes: self.wechatpay_reconcile_after_minutes,
        })
    }
}
