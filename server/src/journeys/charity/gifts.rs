//! Giving: create a gift order (idempotent), pay it in the sandbox (confirmation happens once:
//! a conditional UPDATE … WHERE status = 'pending'), read it back with its receipt, 我的捐赠.
//! Another resident's gift is 404, never 403: its existence is not revealed.

use super::payment::provider;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::idempotency;
use crate::limits;
use crate::messages::{notify, Notice};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::api::{MessageEvent, PageQuery};
use baoan_contract::charity::{
    progress_permille, Frequency, GiftOrder, GiftRequest, GiftStatus, ProjectStatus, Receipt, SandboxPayment,
};
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
        let db = &state.db.pool;
        let status: Option<(String,)> =
            sqlx::query_as("SELECT status FROM charity_projects WHERE id = $1").bind(&req.project_id).fetch_optional(db).await?;
        match status.and_then(|(s,)| ProjectStatus::from_code(&s)) {
            None => return Err(AppError::no_such("project")),
            Some(ProjectStatus::Finished) => {
                return Err(AppError::conflict("This project has finished fundraising"))
            }
            Some(ProjectStatus::Fundraising) => {}
        }
        let id = new_id();
        sqlx::query(
            "INSERT INTO charity_gifts (id, user_id, project_id, amount_fen, anonymous, donor_name, message, frequency, \
             status, provider, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
        )
        .bind(&id)
        .bind(&resident.user_id)
        .bind(&req.project_id)
        .bind(valid.amount_fen)
        .bind(if req.anonymous { 1i64 } else { 0 })
        .bind(valid.donor_name.as_deref())
        .bind(&valid.message)
        .bind(req.frequency.code())
        .bind(provider().name())
        .bind(state.clock.now())
        .execute(db)
        .await?;
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
    limits::enforce(&state, &limits::CHARITY_GIFT_PAYMENTS, &resident.user_id).await?;
    let payment_ref = provider()
        .verify(&order.order_id, order.amount_fen, &payment.token)
        .map_err(|_| AppError::field("token", FieldError::Unknown))?;
    let now = state.clock.now();
    let receipt_no = format!(
        "CS{}{}",
        state.clock.today().to_iso().replace('-', ""),
        &crate::auth::codes::hex(id.as_bytes())[..12].to_uppercase()
    );
    let mut tx = state.db.begin().await?;
    // The one transition pending → paid. A second confirmation finds no pending row and stops.
    let moved = sqlx::query(
        "UPDATE charity_gifts SET status = 'paid', paid_at = $1, payment_ref = $2, receipt_no = $3 \
         WHERE id = $4 AND user_id = $5 AND status = 'pending'",
    )
    .bind(now)
    .bind(&payment_ref)
    .bind(&receipt_no)
    .bind(&id)
    .bind(&resident.user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 1 {
        let paid = Paid {
            gift_id: &id,
            amount_fen: order.amount_fen,
            receipt_no: &receipt_no,
            date: state.clock.today(),
            now,
        };
        record_paid(&mut tx, &order.project_id, &resident.user_id, paid).await?;
        if order.frequency == Frequency::Monthly {
            sqlx::query(
                "INSERT INTO charity_pledges (id, user_id, project_id, amount_fen, first_gift_id, status, created_at) \
                 VALUES ($1, $2, $3, $4, $5, 'active', $6)",
            )
            .bind(new_id())
            .bind(&resident.user_id)
            .bind(&order.project_id)
            .bind(order.amount_fen)
            .bind(&id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        let path = format!("/charity/gifts/{id}/receipt");
        let notice = Notice {
            event: MessageEvent::CharityGiftPaid,
            reference: &receipt_no,
            action_path: &path,
            deadline: None,
            detail: None,
        };
        notify(&state.db, &resident.user_id, notice, now).await?;
    } else {
        tx.rollback().await?;
    }
    Ok(Json(load(&state, &resident.user_id, &id).await?))
}

/// A gift just paid: its id, amount and receipt, the day it counts for and when it was paid.
pub(super) struct Paid<'a> {
    pub gift_id: &'a str,
    pub amount_fen: i64,
    pub receipt_no: &'a str,
    pub date: Date,
    pub now: i64,
}

/// What a paid gift changes besides itself, in the transaction that marked it paid: the
/// project's raised total, donors (a donor counts once per project) and progress, and the
/// public ledger's income line (an amount and a receipt number, no donor).
pub(super) async fn record_paid(
    tx: &mut sqlx::AnyConnection,
    project_id: &str,
    user_id: &str,
    Paid { gift_id, amount_fen, receipt_no, date, now }: Paid<'_>,
) -> AppResult<()> {
    let (earlier,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM charity_gifts WHERE project_id = $1 AND user_id = $2 AND status = 'paid' AND id <> $3",
    )
    .bind(project_id)
    .bind(user_id)
    .bind(gift_id)
    .fetch_one(&mut *tx)
    .await?;
    let (raised, target): (i64, i64) =
        sqlx::query_as("SELECT raised_fen, target_fen FROM charity_projects WHERE id = $1")
            .bind(project_id)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "UPDATE charity_projects SET raised_fen = raised_fen + $1, donors = donors + $2, progress_permille = $3 WHERE id = $4",
    )
    .bind(amount_fen)
    .bind(if earlier == 0 { 1i64 } else { 0 })
    .bind(progress_permille(raised + amount_fen, target))
    .bind(project_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO charity_ledger (id, project_id, fund_id, entry_date, kind, amount_fen, purpose, counterparty, \
         receipt_ref, created_at) VALUES ($1, $2, NULL, $3, 'income', $4, $5, 'public_donors', $6, $7)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(date.to_iso())
    .bind(amount_fen)
    .bind("网上捐赠")
    .bind(receipt_no)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
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
    let sql = format!(
        "SELECT id FROM charity_gifts WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT {} OFFSET {}",
        page.limit(),
        page.offset()
    );
    let ids: Vec<(String,)> = sqlx::query_as(&sql).bind(&resident.user_id).fetch_all(&state.db.pool).await?;
    let mut gifts = Vec::with_capacity(ids.len());
    for (id,) in ids {
        gifts.push(load(&state, &resident.user_id, &id).await?);
    }
    Ok(Json(gifts))
}

type GiftRow = (
    String,
    String,
    String,
    i64,
    i64,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    Option<i64>,
);

/// A gift of `user_id` (404 for anyone else's).
async fn load(state: &AppState, user_id: &str, id: &str) -> AppResult<GiftOrder> {
    let db = &state.db.pool;
    let row: Option<GiftRow> = sqlx::query_as(
        "SELECT g.id, g.project_id, p.title, g.amount_fen, g.anonymous, g.donor_name, g.message, g.frequency, g.status, \
         g.provider, g.receipt_no, g.created_at, g.paid_at \
         FROM charity_gifts g JOIN charity_projects p ON p.id = g.project_id WHERE g.id = $1 AND g.user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(db)
    .await?;
    let (
        order_id,
        project_id,
        project_title,
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
    ) = row.ok_or_else(|| AppError::no_such("gift"))?;
    let latest: Option<(String,)> =
        sqlx::query_as("SELECT title FROM charity_updates WHERE project_id = $1 ORDER BY update_date DESC, id LIMIT 1")
            .bind(&project_id)
            .fetch_optional(db)
            .await?;
    let offset = super::CHINA_UTC_OFFSET;
    let receipt = match (receipt_no, paid_at) {
        (Some(receipt_no), Some(paid_at)) => {
            // The receipt is private to the donor: an anonymous gift's receipt carries their own name.
            let donor = match &donor_name {
                Some(n) => n.clone(),
                None => {
                    let (name, phone): (Option<String>, String) =
                        sqlx::query_as("SELECT name, phone FROM users WHERE id = $1")
                            .bind(user_id)
                            .fetch_one(db)
                            .await?;
                    name.unwrap_or_else(|| mask_phone(&phone))
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
        latest_update: latest.map(|(t,)| t),
    })
}
