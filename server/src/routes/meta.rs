//! Service facts and reference data.

use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::{MetaResponse, Street};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Service facts and reference data, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(meta)).routes(routes!(streets))
}

/// What the app needs to know first: is this demo data, and the hotline to show.
#[utoipa::path(get, path = "/meta", tag = "meta", responses((status = 200, body = MetaResponse)))]
pub async fn meta(State(state): State<AppState>) -> Json<MetaResponse> {
    Json(MetaResponse { demo: state.demo, hotline: "12345".into(), version: env!("CARGO_PKG_VERSION").into() })
}

/// Bao'an's ten streets (街道), in their official order.
#[utoipa::path(get, path = "/streets", tag = "meta", responses((status = 200, body = Vec<Street>)))]
pub async fn streets(State(state): State<AppState>) -> AppResult<Json<Vec<Street>>> {
    /// A row of `streets`.
    #[derive(sqlx::FromRow)]
    struct StreetRow {
        code: String,
        name_zh_hans: String,
        name_zh_hant: String,
        name_en: String,
    }
    let rows = sqlx::query_as::<_, StreetRow>(
        "SELECT code, name_zh_hans, name_zh_hant, name_en FROM streets ORDER BY sort_order",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| Street {
                code: r.code,
                name: crate::localise::localised(r.name_zh_hans, Some(r.name_zh_hant), Some(r.name_en)),
            })
            .collect(),
    ))
}
