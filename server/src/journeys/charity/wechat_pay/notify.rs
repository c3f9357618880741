//! WeChat Pay's payment notification (支付通知). Believed only when, in this order: the
//! platform key named by `Wechatpay-Serial` is one we were given, the timestamp is within the
//! replay window, the signature over "timestamp\nnonce\nbody\n" verifies, and the resource
//! decrypts (AES-256-GCM authenticates it). Then the gift is paid only when the order is ours,
//! the merchant is us and `amount.total` is the gift's. A repeat changes nothing and is
//! acknowledged, so WeChat Pay stops sending it.
//!
//! Answers as WeChat Pay documents: 204 without a body when received; otherwise 4xx (5xx when we
//! failed) with a JSON `{code, message}` — the contract's error shape — and WeChat Pay sends it
//! again later.

use super::crypto::{decrypt, verify, SignedHeaders, Unverified};
use super::{orders, Transaction};
use crate::error::AppError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use baoan_contract::error::{ApiError, ErrorCode};
use serde::Deserialize;

/// A refusal: `{code, message}` with the code's status.
fn fail(code: ErrorCode, message: &str) -> Response {
    AppError::new(code, message).into_response()
}

#[derive(Deserialize)]
struct Notification {
    #[serde(default)]
    event_type: String,
    resource: Resource,
}

#[derive(Deserialize)]
struct Resource {
    algorithm: String,
    ciphertext: String,
    #[serde(default)]
    associated_data: String,
    nonce: String,
}

/// WeChat Pay's payment notification (signed by the platform; not for the app).
#[utoipa::path(post, path = "/charity/payments/wechat/notify", tag = "charity",
    request_body(content = String, content_type = "application/json", description = "WeChat Pay's notification, exactly as signed"),
    params(("Wechatpay-Timestamp" = String, Header), ("Wechatpay-Nonce" = String, Header),
        ("Wechatpay-Signature" = String, Header), ("Wechatpay-Serial" = String, Header)),
    responses((status = 204, description = "Received (also a repeat)"),
        (status = 400, body = ApiError, description = "Unreadable, or a resource that does not decrypt"),
        (status = 401, body = ApiError, description = "Unknown platform key (none without WeChat Pay), stale timestamp or bad signature"),
        (status = 404, body = ApiError, description = "Not one of our orders"),
        (status = 409, body = ApiError, description = "Another merchant's payment, or not the gift's amount"),
        (status = 500, body = ApiError)))]
pub async fn notify(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(wechat) = state.wechat_pay.clone() else {
        // No platform key is configured, so no notification can verify.
        return fail(ErrorCode::Unauthorized, "unknown platform certificate");
    };
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("");
    let signed = SignedHeaders {
        timestamp: get("Wechatpay-Timestamp"),
        nonce: get("Wechatpay-Nonce"),
        signature: get("Wechatpay-Signature"),
        serial: get("Wechatpay-Serial"),
    };
    // WeChat Pay sends probes signed "WECHATPAY/SIGNTEST/…" to check that signatures are checked.
    if let Err(why) = verify(&wechat.platform, &signed, &body, state.clock.now()) {
        let message = match why {
            Unverified::UnknownSerial => "unknown platform certificate",
            Unverified::Stale => "stale timestamp",
            Unverified::BadSignature => "bad signature",
        };
        tracing::warn!(reason = message, "WeChat Pay notification refused");
        return fail(ErrorCode::Unauthorized, message);
    }
    let Ok(notification) = serde_json::from_slice::<Notification>(&body) else {
        return fail(ErrorCode::BadRequest, "unreadable notification");
    };
    let r = &notification.resource;
    if r.algorithm != "AEAD_AES_256_GCM" {
        return fail(ErrorCode::BadRequest, "unknown algorithm");
    }
    let Some(plain) = decrypt(&wechat.api_v3_key, &r.nonce, &r.associated_data, &r.ciphertext) else {
        tracing::warn!("WeChat Pay notification: resource does not decrypt");
        return fail(ErrorCode::BadRequest, "resource does not decrypt");
    };
    let Ok(transaction) = serde_json::from_slice::<Transaction>(&plain) else {
        return fail(ErrorCode::BadRequest, "unreadable resource");
    };
    match accept(&state, &wechat, &transaction).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(Refusal(code, message)) => {
            tracing::warn!(event = %notification.event_type, reason = message, "WeChat Pay notification refused");
            fail(code, message)
        }
    }
}

struct Refusal(ErrorCode, &'static str);

/// A verified payment: settles its gift when it is one of our orders at the gift's amount.
async fn accept(state: &AppState, wechat: &super::WechatPay, t: &Transaction) -> Result<(), Refusal> {
    let order = match orders::by_out_trade_no(&state.db, &t.out_trade_no).await {
        Ok(Some(order)) => order,
        Ok(None) => return Err(Refusal(ErrorCode::NotFound, "unknown order")),
        Err(e) => {
            tracing::error!(error = ?e, "WeChat Pay notification: order lookup failed");
            return Err(Refusal(ErrorCode::Internal, "try again"));
        }
    };
    if t.trade_state != "SUCCESS" {
        // Verified news of an unpaid order (closed, failed): nothing to do, and nothing to resend.
        return Ok(());
    }
    if let Some(why) = wechat.mismatch(t, &order.out_trade_no, order.amount_fen) {
        tracing::error!(reason = why, "a verified WeChat Pay payment does not match its order: left for staff");
        return Err(Refusal(ErrorCode::Conflict, why));
    }
    if let Err(e) = settle_order(state, &order, t.transaction_id.as_deref().unwrap_or("")).await {
        tracing::error!(error = ?e.0, "WeChat Pay notification: settling its gift failed");
        return Err(Refusal(ErrorCode::Internal, "try again"));
    }
    Ok(())
}

/// Settles a matched order's gift and marks the order paid (both idempotent).
pub async fn settle_order(
    state: &AppState,
    order: &orders::OrderRow,
    transaction_id: &str,
) -> crate::error::AppResult<()> {
    crate::journeys::charity::settle::settle(state, &order.gift_id, transaction_id).await?;
    orders::mark_paid(&state.db, &order.out_trade_no, transaction_id, state.clock.now()).await?;
    Ok(())
}
