//! WeChat Pay API v3 for gifts (H5 payment), written from WeChat Pay's documentation:
//! - `pay`: a donor's tap on "pay" places the gift's order (`POST /v3/pay/transactions/h5`,
//!   signed with the merchant key) and sends the browser on to the answer's `h5_url`;
//! - `notify`: WeChat Pay's payment notification, believed only when its platform signature
//!   verifies, its timestamp is fresh and its resource decrypts; the gift is paid when the
//!   order is ours and the amount is the gift's;
//! - `reconcile`: orders with no notification are asked about (`GET …/out-trade-no/{no}`) and
//!   settled on the same checks, or closed (`POST …/close`) once expired.
//!
//! Configured by `config::WechatPaySettings` (loaded by `settings::load`); without it the
//! sandbox stays, in demo mode only.

mod client;
pub mod crypto;
mod notify;
mod orders;
mod pay;
mod reconcile;
pub mod settings;

use crate::state::AppState;
use crypto::{Merchant, PlatformKey};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use client::{CallError, H5Order, Transaction};
pub use reconcile::{reconcile, run_periodically, ReconcileReport};
pub use settings::load;

/// The provider's name, stored with each gift it takes.
pub const PROVIDER: &str = "wechat_pay";

/// Where WeChat Pay posts notifications, inside /api/v1 (the cross-site check lets it through:
/// it carries no cookie and no `Origin`, and is believed only through its signature).
pub const NOTIFY_ROUTE: &str = "/charity/payments/wechat/notify";

/// The link that pays a gift: a tap on it places the order and goes on to WeChat Pay.
pub fn pay_path(gift_id: &str) -> String {
    format!("/api/v1/charity/gifts/{gift_id}/pay")
}

/// A configured merchant: everything a call or a notification needs. No `Debug`: it holds keys.
pub struct WechatPay {
    pub merchant: Merchant,
    pub app_id: String,
    pub api_v3_key: [u8; 32],
    pub platform: Vec<PlatformKey>,
    pub notify_url: String,
    pub base_url: String,
    /// How long an order stays open before reconciliation closes it.
    pub order_seconds: i64,
    /// How long without a notification before reconciliation asks about an order.
    pub reconcile_after_seconds: i64,
    pub http: reqwest::Client,
}

/// WeChat Pay's routes (relative to /api/v1), merged into the charity journey's.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(pay::pay))
        .routes(routes!(notify::notify))
        .routes(routes!(reconcile::run_now))
}
