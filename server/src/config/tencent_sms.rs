//! The Tencent Cloud SMS settings: as given (flags or environment) and as checked.

use super::{is_https_or_loopback, Problems};
use crate::secret::Secret;
use clap::Args;

/// Tencent Cloud SMS (API 3.0, `SendSms`): the live service's SMS provider.
#[derive(Debug, Clone, Default, Args)]
pub struct TencentSmsArgs {
    /// Tencent Cloud API key: its SecretId.
    #[arg(long, env = "BAOAN_TENCENT_SECRET_ID")]
    pub tencent_secret_id: Option<String>,
    /// Tencent Cloud API key: its SecretKey (never printed).
    #[arg(long, env = "BAOAN_TENCENT_SECRET_KEY", hide_env_values = true)]
    pub tencent_secret_key: Option<Secret>,
    /// The SMS application's SdkAppId (SMS console → application management).
    #[arg(long, env = "BAOAN_TENCENT_SMS_SDK_APP_ID")]
    pub tencent_sms_sdk_app_id: Option<String>,
    /// The approved SMS signature (签名), e.g. 宝安民政.
    #[arg(long, env = "BAOAN_TENCENT_SMS_SIGN_NAME")]
    pub tencent_sms_sign_name: Option<String>,
    /// The API region.
    #[arg(long, env = "BAOAN_TENCENT_SMS_REGION", default_value = "ap-guangzhou")]
    pub tencent_sms_region: String,
    /// The API endpoint (a local stand-in in tests; plain http only to a loopback address).
    #[arg(long, env = "BAOAN_TENCENT_SMS_ENDPOINT", default_value = "https://sms.tencentcloudapi.com")]
    pub tencent_sms_endpoint: String,
    /// Template ID of the sign-in code SMS: parameters {1} the code, {2} minutes it is valid.
    #[arg(long, env = "BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN")]
    pub tencent_sms_template_sign_in: Option<String>,
    /// Template ID of the notice to party B of a marriage booking (five parameters).
    #[arg(long, env = "BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER")]
    pub tencent_sms_template_marriage_partner: Option<String>,
    /// Template ID of a booking reminder.
    #[arg(long, env = "BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER")]
    pub tencent_sms_template_booking_reminder: Option<String>,
    /// Template ID of an application's status change.
    #[arg(long, env = "BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS")]
    pub tencent_sms_template_application_status: Option<String>,
}

/// Tencent Cloud SMS, checked: everything the adapter (`auth::sms::tencent`) needs.
#[derive(Debug, Clone)]
pub struct TencentSmsSettings {
    pub secret_id: String,
    pub secret_key: Secret,
    pub sdk_app_id: String,
    pub sign_name: String,
    pub region: String,
    pub endpoint: String,
    pub templates: SmsTemplates,
}

/// One template ID per `SmsPurpose`.
#[derive(Debug, Clone)]
pub struct SmsTemplates {
    pub sign_in: String,
    pub marriage_partner: String,
    pub booking_reminder: String,
    pub application_status: String,
}

impl TencentSmsArgs {
    pub fn settings(&self) -> Result<TencentSmsSettings, Vec<String>> {
        let mut p = Problems(Vec::new());
        let secret_id =
            p.required(&self.tencent_secret_id, "BAOAN_TENCENT_SECRET_ID", "the Tencent Cloud API key's SecretId");
        let secret_key =
            p.secret(&self.tencent_secret_key, "BAOAN_TENCENT_SECRET_KEY", "the Tencent Cloud API key's SecretKey");
        let sdk_app_id =
            p.required(&self.tencent_sms_sdk_app_id, "BAOAN_TENCENT_SMS_SDK_APP_ID", "the SMS application's SdkAppId");
        let sign_name =
            p.required(&self.tencent_sms_sign_name, "BAOAN_TENCENT_SMS_SIGN_NAME", "the approved SMS signature (签名)");
        let templates = SmsTemplates {
            sign_in: p.required(
                &self.tencent_sms_template_sign_in,
                "BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN",
                "template ID of the sign-in code",
            ),
            marriage_partner: p.required(
                &self.tencent_sms_template_marriage_partner,
                "BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER",
                "template ID of the marriage partner notice",
            ),
            booking_reminder: p.required(
                &self.tencent_sms_template_booking_reminder,
                "BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER",
                "template ID of the booking reminder",
            ),
            application_status: p.required(
                &self.tencent_sms_template_application_status,
                "BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS",
                "template ID of an application's status change",
            ),
        };
        let endpoint = self.tencent_sms_endpoint.trim().trim_end_matches('/').to_string();
        if !is_https_or_loopback(&endpoint) {
            p.0.push(format!("unusable setting BAOAN_TENCENT_SMS_ENDPOINT: {endpoint} is not an https URL"));
        }
        let region = self.tencent_sms_region.trim().to_string();
        p.done(TencentSmsSettings { secret_id, secret_key, sdk_app_id, sign_name, region, endpoint, templates })
    }
}
