//! The resident's own name and identity document.

use crate::auth::routes::load_me;
use crate::auth::Resident;
use crate::error::{AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::{Me, ProfileUpdate};
use baoan_contract::error::ApiError;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The resident's profile, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(update))
}

/// Save the resident's name and ID document, checked by the contract's rules.
#[utoipa::path(put, path = "/me/profile", tag = "profile", request_body = ProfileUpdate,
    responses((status = 200, body = Me), (status = 401, body = ApiError), (status = 422, body = ApiError),
              (status = 429, body = ApiError, description = "Too many saves; Retry-After says when")))]
pub async fn update(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<ProfileUpdate>,
) -> AppResult<Json<Me>> {
    let profile = req.validate(state.clock.today())?;
    crate::limits::enforce(&state, &crate::limits::PROFILE_UPDATES, &resident.user_id).await?;
    sqlx::query("UPDATE users SET name = $1, id_type = $2, id_number = $3 WHERE id = $4")
        .bind(&profile.name)
        .bind(profile.id_type.code())
        .bind(&profile.id_number)
        .bind(&resident.user_id)
        .execute(&state.db.pool)
        .await?;
    Ok(Json(load_me(&state, &resident.user_id).await?))
}
