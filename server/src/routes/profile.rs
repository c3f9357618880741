//! The resident's own name and identity document.

use crate::auth::routes::{load_account, load_me};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::{Me, ProfileUpdate};
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The resident's profile, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(update))
}

/// Save the resident's name and ID document, checked by the contract's rules.
#[utoipa::path(put, path = "/me/profile", tag = "profile", request_body = ProfileUpdate,
    responses((status = 200, body = Me), (status = 401, body = ApiError), (status = 422, body = ApiError),
              (status = 409, body = ApiError, description = "The name and ID number were verified: fields.name and \
                  fields.id_number = profile.identity_verified"),
              (status = 429, body = ApiError, description = "Too many saves; Retry-After says when")))]
pub async fn update(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<ProfileUpdate>,
) -> AppResult<Json<Me>> {
    let profile = req.validate(state.clock.today())?;
    crate::limits::enforce(&state, &crate::limits::PROFILE_UPDATES, &resident.user_id).await?;
    // A verified name and number are the identity platform's word, not the resident's: saving
    // them unchanged is fine, changing them is refused.
    if let (_, Some(current)) = load_account(&state, &resident.user_id).await? {
        let same = current.name == profile.name
            && current.id_type == profile.id_type
            && current.id_number == profile.id_number;
        if current.verification.is_some() && !same {
            let mut fields = FieldErrors::new();
            fields.add("name", FieldError::ProfileIdentityVerified);
            fields.add("id_number", FieldError::ProfileIdentityVerified);
            let mut e = AppError::from(fields);
            e.0.code = ErrorCode::Conflict;
            e.0.message = "The verified name and ID number cannot be changed".into();
            return Err(e);
        }
    }
    sqlx::query("UPDATE users SET name = $1, id_type = $2, id_number = $3 WHERE id = $4")
        .bind(&profile.name)
        .bind(profile.id_type.code())
        .bind(&profile.id_number)
        .bind(&resident.user_id)
        .execute(&state.db.pool)
        .await?;
    Ok(Json(load_me(&state, &resident.user_id).await?))
}
