//! Development-only endpoints, mounted only in demo mode (`--demo`): the live service answers 404.

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
    /// The last sign-in code sent to the number (null if none was).
    code: Option<String>,
    /// Every notice sent to the number, oldest first.
    notices: Vec<OutboxNotice>,
}

#[derive(Serialize)]
pub struct OutboxNotice {
    /// `SmsPurpose::code()`, e.g. `marriage_partner_notice`.
    purpose: &'static str,
    /// The template's parameters, in template order.
    params: Vec<String>,
}

/// What the development sender "sent" to a number: the last sign-in code and every notice
/// (tests, and the demo's resident, read them here instead of a phone). 404 if nothing was sent.
/// The code is never written to the log, so this is the only place to read it.
pub async fn sms_outbox(
    State(state): State<AppState>,
    q: Result<Query<OutboxQuery>, QueryRejection>,
) -> AppResult<Json<OutboxMessage>> {
    let Query(q) = q.map_err(crate::error::bad_query)?;
    let phone = baoan_contract::rules::phone::parse_mobile(&q.phone).map_err(|_| AppError::not_found())?;
    let code = state.sms.last_code(&phone);
    let notices: Vec<OutboxNotice> = state
        .sms
        .notices(&phone)
        .into_iter()
        .map(|n| OutboxNotice { purpose: n.purpose.code(), params: n.params })
        .collect();
    if code.is_none() && notices.is_empty() {
        return Err(AppError::not_found());
    }
    Ok(Json(OutboxMessage { phone, code, notices }))
}
