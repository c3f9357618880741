//! Development-only endpoints, mounted only when the server runs with `--dev-sms-outbox`.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct OutboxQuery {
    phone: String,
}

#[derive(Serialize)]
pub struct OutboxMessage {
    phone: String,
    code: String,
}

/// The last sign-in code sent to a number (tests read it here instead of a phone).
pub async fn sms_outbox(
    State(state): State<AppState>,
    q: Result<Query<OutboxQuery>, QueryRejection>,
) -> AppResult<Json<OutboxMessage>> {
    let Query(q) = q.map_err(|r| AppError::new(baoan_contract::error::ErrorCode::BadRequest, &r.body_text()))?;
    let phone = baoan_contract::rules::phone::parse_mobile(&q.phone).map_err(|_| AppError::not_found())?;
    let code = state.sms.last_code(&phone).ok_or_else(AppError::not_found)?;
    Ok(Json(OutboxMessage { phone, code }))
}
