//! The bootstrap token given to the server with `--admin-token` / `BAOAN_ADMIN_TOKEN`: it only
//! creates district admins (`POST /api/v1/staff/accounts`, see `crate::staff::accounts`), who
//! create every other staff account; everything else staff do takes a staff session. Without a
//! token configured, it opens nothing (404).

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

/// Present in a handler's arguments: only whoever holds the token gets in.
pub struct Staff;

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(expected) = state.config.admin_token.as_ref().map(|t| t.expose()).filter(|t| !t.is_empty()) else {
            return Err(AppError::not_found());
        };
        let given = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if constant_time_eq(given.as_bytes(), expected.as_bytes()) {
            Ok(Staff)
        } else {
            Err(AppError::unauthorized())
        }
    }
}

/// Compares secrets without an early exit, so the time taken says nothing of where they differ.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
