//! The donor's tap on "pay": places the gift's WeChat Pay order and sends the browser on to
//! WeChat Pay's page (`h5_url`, valid a few minutes, so it is asked for at each tap; placing the
//! same order again with the same parameters is what WeChat Pay expects of a retry).

use super::orders;
use super::{CallError, H5Order};
use crate::auth::client_ip::client_address;
use crate::auth::Resident;
use crate::error::{AppError, AppResult};
use crate::journeys::charity::store::gifts as store;
use crate::limits;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::response::Redirect;
use baoan_contract::error::ApiError;
use std::net::SocketAddr;

/// Pay one of your gifts with WeChat Pay: a link the browser follows (303 to WeChat Pay's payment
/// page; to the receipt once paid). Only where WeChat Pay is configured (404 otherwise).
#[utoipa::path(get, path = "/charity/gifts/{id}/pay", tag = "charity", params(("id" = String, Path)),
    responses((status = 303, description = "On to WeChat Pay's page (Location), or to the receipt once paid"),
        (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The order expired unpaid: give again"),
        (status = 429, body = ApiError), (status = 503, body = ApiError, description = "WeChat Pay did not answer")))]
pub async fn pay(
    State(state): State<AppState>,
    resident: Resident,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> AppResult<Redirect> {
    let Some(wechat) = state.wechat_pay.clone() else {
        return Err(AppError::not_found());
    };
    let gift = store::gift(&state.db, &resident.user_id, &id).await?.ok_or_else(|| AppError::no_such("gift"))?;
    if gift.status == "paid" {
        return Ok(Redirect::to(&format!("/charity/gifts/{id}/receipt")));
    }
    if gift.provider != super::PROVIDER {
        return Err(AppError::no_such("gift"));
    }
    limits::enforce(&state, &limits::CHARITY_GIFT_PAYMENTS, &resident.user_id).await?;
    let now = state.clock.now();
    let order = orders::for_gift(&state.db, &id, gift.amount_fen, now, wechat.order_seconds).await?;
    // A minute's margin: an order about to expire would expire on WeChat Pay's page.
    if order.status != "open" || now + 60 >= order.expires_at {
        return Err(AppError::conflict("This payment has expired. Please start a new gift."));
    }
    let ip = client_address(peer.ip(), &headers, &state.config.trusted_proxies).to_string();
    let description: String = gift.title.chars().take(40).collect();
    let h5 = H5Order {
        out_trade_no: &order.out_trade_no,
        description: &description,
        amount_fen: order.amount_fen,
        expires_at: order.expires_at,
        client_ip: &ip,
    };
    match wechat.create_h5(&h5, now).await {
        Ok(url) => Ok(Redirect::to(&url)),
        Err(CallError::Refused { status, code }) if code == "ORDER_CLOSED" || code == "ORDERPAID" || status == 409 => {
            tracing::warn!(%code, "WeChat Pay refused to place a gift's order again");
            Err(AppError::conflict("This payment can no longer be made here. Please check 我的捐赠."))
        }
        Err(e) => {
            tracing::error!(error = ?e, "WeChat Pay order not placed");
            Err(AppError::unavailable_for(60, "WeChat Pay did not answer. Please try again in a minute."))
        }
    }
}
