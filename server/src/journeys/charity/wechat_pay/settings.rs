//! Loading WeChat Pay's checked settings (`config::WechatPaySettings`) into a ready client: the
//! merchant's private key and the platform's public keys read from their files.

use super::crypto::{read_merchant_key, read_platform_key, Merchant, PlatformKey};
use super::WechatPay;
use crate::config::WechatPaySettings;

/// The ready client, or one line saying which file or key could not be used.
pub fn load(settings: &WechatPaySettings) -> Result<WechatPay, String> {
    let api_v3_key: [u8; 32] = settings
        .api_v3_key
        .expose()
        .as_bytes()
        .try_into()
        .map_err(|_| "WeChat Pay: the API v3 key must be 32 characters".to_string())?;
    let merchant_key = read_merchant_key(&settings.private_key_file)?;
    let platform =
        settings.platform_certs.iter().map(|p| read_platform_key(p)).collect::<Result<Vec<PlatformKey>, _>>()?;
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(15))
        .user_agent("baoan-server")
        .build()
        .map_err(|e| format!("WeChat Pay: HTTP client: {e}"))?;
    Ok(WechatPay {
        merchant: Merchant { mch_id: settings.mch_id.clone(), serial: settings.serial.clone(), key: merchant_key },
        app_id: settings.app_id.clone(),
        api_v3_key,
        platform,
        notify_url: settings.notify_url.clone(),
        base_url: settings.base_url.clone(),
        order_seconds: settings.order_minutes * 60,
        reconcile_after_seconds: settings.reconcile_after_minutes * 60,
        http,
    })
}
