//! Uploaded files: the raw file is the request body (so the app can show upload progress), at
//! most 10 MB, accepted only when its content is a JPEG, PNG or PDF whatever its name says.
//! Stored under `<data dir>/uploads/<id>`; only the uploader can read it back here. Journeys
//! attach upload ids to their records and check ownership with `owned_by`.

use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baoan_contract::api::{FileKind, UploadReceipt, MAX_UPLOAD_BYTES};
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

pub const BODY_LIMIT: usize = MAX_UPLOAD_BYTES;

fn dir(state: &AppState) -> PathBuf {
    dir_in(&state.config.data_dir)
}

/// Where stored files live under a data directory (demo data writes its files there too).
pub fn dir_in(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("uploads")
}

fn file_name(headers: &HeaderMap) -> String {
    let raw = headers.get("x-file-name").and_then(|v| v.to_str().ok()).unwrap_or("");
    let decoded = percent_decode(raw);
    let clean: String = decoded.chars().filter(|c| !c.is_control() && !matches!(c, '/' | '\\')).take(120).collect();
    if clean.trim().is_empty() { "file".into() } else { clean }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Upload one file (raw body; the name, percent-encoded, in `X-File-Name`).
#[utoipa::path(post, path = "/api/v1/uploads", tag = "uploads",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file itself, at most 10 MB: JPEG, PNG or PDF"),
    responses((status = 200, body = UploadReceipt), (status = 401, body = ApiError), (status = 413, body = ApiError),
              (status = 422, body = ApiError, description = "Not a JPEG, PNG or PDF (fields.file = upload.type)")))]
pub async fn upload(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<UploadReceipt>> {
    let (id, kind, body) = store(&state, body).await?;
    let name = file_name(&headers);
    let sha = crate::auth::codes::hex(&Sha256::digest(&body));
    sqlx::query(
        "INSERT INTO uploads (id, user_id, content_type, size_bytes, sha256, original_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&resident.user_id)
    .bind(kind.mime())
    .bind(body.len() as i64)
    .bind(sha)
    .bind(&name)
    .bind(state.clock.now())
    .execute(&state.db.pool)
    .await?;
    Ok(Json(UploadReceipt { id, kind, size_bytes: body.len() as i64, name }))
}

/// Checks and stores a raw upload body under the data directory: refused when larger than
/// 10 MB, empty, or not a JPEG, PNG or PDF by its content (field `file`). Returns the new
/// file's id, its kind and the bytes. Callers record who may read it (residents' uploads here,
/// staff-attached files in their journey).
pub async fn store(state: &AppState, body: Result<Bytes, BytesRejection>) -> AppResult<(String, FileKind, Bytes)> {
    // An oversized body is refused by the body limit; answer in the contract's error shape.
    let body = body.map_err(|_| {
        let mut f = FieldErrors::new();
        f.add("file", FieldError::UploadTooLarge);
        AppError(ApiError { code: ErrorCode::PayloadTooLarge, message: "File larger than 10 MB".into(), fields: f.0, retry_after_seconds: None })
    })?;
    if body.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::new(ErrorCode::PayloadTooLarge, "File larger than 10 MB"));
    }
    let Some(kind) = FileKind::sniff(&body) else {
        let mut f = FieldErrors::new();
        f.add("file", if body.is_empty() { FieldError::Required } else { FieldError::UploadType });
        return Err(f.into());
    };
    let id = new_id();
    tokio::fs::create_dir_all(dir(state)).await.map_err(internal)?;
    tokio::fs::write(dir(state).join(&id), &body).await.map_err(internal)?;
    Ok((id, kind, body))
}

fn internal(e: std::io::Error) -> AppError {
    tracing::error!(error = %e, "upload storage failed");
    AppError(ApiError::new(ErrorCode::Internal, "Could not store the file"))
}

/// Whether upload `id` belongs to `user_id` (journeys check this before attaching a file).
pub async fn owned_by(state: &AppState, id: &str, user_id: &str) -> AppResult<Option<FileKind>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT content_type FROM uploads WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .fetch_optional(&state.db.pool)
        .await?;
    Ok(row.and_then(|(m,)| FileKind::from_mime(&m)))
}

/// The stored file as an HTTP response (for journeys' own read rules).
pub async fn file_response(state: &AppState, id: &str, kind: FileKind) -> AppResult<Response> {
    let bytes = tokio::fs::read(dir(state).join(id)).await.map_err(|_| AppError::not_found())?;
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.mime()));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("inline"));
    Ok(response)
}

/// Read back one of your own uploads.
#[utoipa::path(get, path = "/api/v1/uploads/{id}", tag = "uploads",
    params(("id" = String, Path, description = "Upload id")),
    responses((status = 200, description = "The file"), (status = 404, body = ApiError)))]
pub async fn download(State(state): State<AppState>, resident: Resident, Path(id): Path<String>) -> AppResult<Response> {
    let kind = owned_by(&state, &id, &resident.user_id).await?.ok_or_else(AppError::not_found)?;
    file_response(&state, &id, kind).await
}
