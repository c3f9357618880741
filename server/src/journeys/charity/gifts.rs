//! Giving: create a gift order (idempotent), pay it in the sandbox (confirmation happens once:
//! a conditional UPDATE … WHERE status = 'pending'), read it back with its receipt, 我的捐赠.
//! Another resident's gift is 404, never 403: its existence is not revealed.

use super::payment::{provider, provider_name};
use super::store::gifts as store;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::idempotency;
use crate::limits;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::api::PageQuery;
use baoan_contract::charity::{Frequency, GiftOrder, GiftRequest, GiftStatus, ProjectStatus, Receipt, SandboxPayment};
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::mask::mask_phone;
use baoan_contract::rules::date::Date;

/// Start a gift: an order awaiting payment. Send an `Idempotency-Key`: a retry returns the same order.
#[utoipa::path(post, path = "/charity/gifts", tag = "charity", request_body = GiftRequest,
    params(("Idempotency-Key" = String, Header)),
    responses((status = 200, body = GiftOrder), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError), (status = 422, body = ApiError),
        (status = 429, body = ApiError, description = "Too many gift orders; Retry-After says when")))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    JsonBody(req): JsonBody<GiftRequest>,
) -> AppResult<Json<GiftOrder>> {
    let valid = req.validate()?;
    let key = idempotency::key_from(&headers)?;
    let scope = format!("charity.gift:{}", resident.user_id);
    let fingerprint = idempotency::fingerprint(&req);
    let order = idempotency::once(&state, &scope, &key, &fingerprint, || async {
        // Counted once per order: a retry with the same key is answered from the first.
        limits::enforce(&state, &limits::CHARITY_GIFT_ORDERS, &resident.user_id).await?;
        let status = store::project_status(&state.db, &req.project_id).await?;
        match status.and_then(|s| ProjectStatus::from_code(&s)) {
            None => return Err(AppError::no_such("project")),
            Some(ProjectStatus::Finished) => return Err(AppError::conflict("This project has finished fundraising")),
            Some(ProjectStatus::Fundraising) => {}
        }
        let id = new_id();
        let gift = store::NewGift {
            id: &id,
            user_id: &resident.user_id,
            project_id: &req.project_id,
            amount_fen: valid.amount_fen,
            anonymous: req.anonymous,
            donor_name: valid.donor_name.as_deref(),
            message: &valid.message,
            frequency: req.frequency.code(),
            provider: provider_name(&state),
            now: state.clock.now(),
        };
        store::insert(&state.db, &gift).await?;
        load(&state, &resident.user_id, &id).await
    })
    .await?;
    Ok(Json(order))
}

/// SANDBOX payment step: no money moves. Confirms the order once; a retry returns the same gift.
#[utoipa::path(post, path = "/charity/gifts/{id}/sandbox-pay", tag = "charity", request_body = SandboxPayment,
    params(("id" = String, Path)),
    responses((status = 200, body = GiftOrder), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn sandbox_pay(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(payment): JsonBody<SandboxPayment>,
) -> AppResult<Json<GiftOrder>> {
    let order = load(&state, &resident.user_id, &id).await?;
    if order.status == GiftStatus::Paid {
        return Ok(Json(order));
    }
    // Only a sandbox gift in a server without a real provider can be paid with the sandbox's
    // token: a WeChat Pay gift is paid only through a verified notification or query answer.
    if order.provider != provider().name() || state.wechat_pay.is_some() {
        return Err(AppError::not_found());
    }
    limits::enforce(&state, &limits::CHARITY_GIFT_PAYMENTS, &resident.user_id).await?;
    let payment_ref = provider()
        .verify(&order.order_id, order.amount_fen, &payment.token)
        .map_err(|_| AppError::field("token", FieldError::Unknown))?;
    super::settle::settle(&state, &id, &payment_ref).await?;
    Ok(Json(load(&state, &resident.user_id, &id).await?))
}

/// One of the resident's own gifts with its receipt once paid.
#[utoipa::path(get, path = "/charity/gifts/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = GiftOrder), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn show(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<GiftOrder>> {
    Ok(Json(load(&state, &resident.user_id, &id).await?))
}

/// 我的捐赠: the resident's gifts, newest first, with their receipts and the project's latest
/// update; one page (at most 100; see `PageQuery`).
#[utoipa::path(get, path = "/me/charity/gifts", tag = "charity", params(PageQuery),
    responses((status = 200, body = Vec<GiftOrder>), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    resident: Resident,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<Vec<GiftOrder>>> {
    let Query(page) = page.map_err(crate::error::bad_query)?;
    let ids = store::ids_of(&state.db, &resident.user_id, page.limit(), page.offset()).await?;
    let mut gifts = Vec::with_capacity(ids.len());
    for id in ids {
        gifts.push(load(&state, &resident.user_id, &id).await?);
    }
    Ok(Json(gifts))
}

/// A gift of `user_id` (404 for anyone else's).
async fn load(state: &AppState, user_id: &str, id: &str) -> AppResult<GiftOrder> {
    let db = &state.db;
    let row = store::gift(db, user_id, id).await?.ok_or_else(|| AppError::no_such("gift"))?;
    let store::GiftRow {
        id: order_id,
        project_id,
        title,
        title_hant,
        title_en,
        amount_fen,
        anonymous,
        donor_name,
        message,
        frequency,
        status,
        provider,
        receipt_no,
        created_at,
        paid_at,
    } = row;
    let project_title = crate::localise::localised(title, title_hant, title_en);
    let latest = store::latest_update(db, &project_id).await?;
    let offset = super::CHINA_UTC_OFFSET;
    let receipt = match (receipt_no, paid_at) {
        (Some(receipt_no), Some(paid_at)) => {
            // The receipt is private to the donor: an anonymous gift's receipt carries their own name.
            let donor = match &donor_name {
                Some(n) => n.clone(),
                None => {
                    let donor = store::donor(db, user_id).await?;
                    donor.name.unwrap_or_else(|| mask_phone(&donor.phone))
                }
            };
            Some(Receipt {
                receipt_no,
                donor,
                amount_fen,
                project_title: project_title.clone(),
                date: Date::from_unix_seconds(paid_at, offset),
                order_id: order_id.clone(),
            })
        }
        _ => None,
    };
    // Where the donor pays a WeChat Pay gift still unpaid.
    let pay_url =
        (provider == super::wechat_pay::PROVIDER && receipt.is_none()).then(|| super::wechat_pay::pay_path(&order_id));
    Ok(GiftOrder {
        order_id,
        project_id,
        project_title,
        amount_fen,
        anonymous: anonymous != 0,
        donor_name,
        message,
        frequency: Frequency::from_code(&frequency).unwrap_or(Frequency::Once),
        status: GiftStatus::from_code(&status).unwrap_or(GiftStatus::Pending),
        created: Date::from_unix_seconds(created_at, offset),
        provider,
        receipt,
        latest_update: latest,
        pay_url,
    })
}
