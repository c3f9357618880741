//! Uploaded files: the raw file is the request body (so the app can show upload progress), at
//! most 10 MB, accepted only when its content is a JPEG, PNG or PDF whatever its name says.
//! Stored under `<data dir>/uploads/<id>`; only the uploader can read it back here. Journeys
//! attach upload ids to their records and check ownership with `owned_by`.
//!
//! Photos lose their metadata (EXIF location and the like, `image_metadata`) before they are
//! stored. Each resident has a quota: files and megabytes per day (429 with `Retry-After`) and
//! kept at once (413, field `file` = `upload.quota`). Files no record uses are deleted a day
//! after upload by the purge job (`crate::purge`).

use crate::auth::Resident;
use crate::db::{new_id, DbResult};
use crate::error::{AppError, AppResult};
use crate::limits::{self, Limit};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baoan_contract::api::{FileKind, UploadReceipt, MAX_UPLOAD_BYTES};
use baoan_contract::error::{ApiError, ErrorCode, FieldError};
use baoan_contract::retention::DAY_SECONDS;
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;
use std::path::PathBuf;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Reading an upload back, relative to /api/v1 (declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(download))
}

/// Uploading (up to 10 MB): `crate::app` gives it the upload time limit instead of the request one.
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(upload).layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT)))
}

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
    if clean.trim().is_empty() {
        "file".into()
    } else {
        clean
    }
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
#[utoipa::path(post, path = "/uploads", tag = "uploads",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file itself, at most 10 MB: JPEG, PNG or PDF"),
    responses((status = 200, body = UploadReceipt), (status = 401, body = ApiError),
              (status = 413, body = ApiError, description = "Larger than 10 MB (fields.file = upload.too_large), or the resident's stored files reach their quota (upload.quota)"),
              (status = 429, body = ApiError, description = "Too many files or megabytes today; Retry-After says when"),
              (status = 422, body = ApiError, description = "Not a JPEG, PNG or PDF (fields.file = upload.type)")))]
pub async fn upload(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<UploadReceipt>> {
    if let Ok(b) = &body {
        within_quota(&state, &resident.user_id, b.len() as i64).await?;
    }
    let (id, kind, body) = store(&state, body).await?;
    let name = file_name(&headers);
    let mut conn = state.db.pool.acquire().await?;
    record(&mut conn, &Stored { id: &id, kind, bytes: &body }, &resident.user_id, &name, state.clock.now()).await?;
    Ok(Json(UploadReceipt { id, kind, size_bytes: body.len() as i64, name }))
}

/// A file `store` has written.
pub struct Stored<'a> {
    pub id: &'a str,
    pub kind: FileKind,
    pub bytes: &'a [u8],
}

/// Records a stored file as `user_id`'s: theirs to read, counted in their export and deleted
/// with their account (a resident's own upload, or a photo staff took for them).
pub async fn record(conn: &mut AnyConnection, file: &Stored<'_>, user_id: &str, name: &str, now: i64) -> DbResult<()> {
    let sha = crate::auth::codes::hex(&Sha256::digest(file.bytes));
    sqlx::query(
        "INSERT INTO uploads (id, user_id, content_type, size_bytes, sha256, original_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(file.id)
    .bind(user_id)
    .bind(file.kind.mime())
    .bind(file.bytes.len() as i64)
    .bind(sha)
    .bind(name)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Checks and stores a raw upload body under the data directory: refused when larger than
/// 10 MB, empty, or not a JPEG, PNG or PDF by its content (field `file`). Returns the new
/// file's id, its kind and the bytes. Callers record who may read it (residents' uploads here,
/// staff-attached files in their journey).
pub async fn store(state: &AppState, body: Result<Bytes, BytesRejection>) -> AppResult<(String, FileKind, Bytes)> {
    // An oversized body is refused by the body limit; answer in the contract's error shape.
    let body = body.map_err(|_| {
        AppError::field_with(ErrorCode::PayloadTooLarge, "File larger than 10 MB", "file", FieldError::UploadTooLarge)
    })?;
    if body.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::new(ErrorCode::PayloadTooLarge, "File larger than 10 MB"));
    }
    let Some(kind) = FileKind::sniff(&body) else {
        return Err(AppError::field(
            "file",
            if body.is_empty() { FieldError::Required } else { FieldError::UploadType },
        ));
    };
    let body = match kind {
        FileKind::Jpeg | FileKind::Png => Bytes::from(crate::image_metadata::strip(&body)),
        FileKind::Pdf => body,
    };
    let id = new_id();
    tokio::fs::create_dir_all(dir(state)).await.map_err(internal)?;
    tokio::fs::write(dir(state).join(&id), &body).await.map_err(internal)?;
    Ok((id, kind, body))
}

const MB: i64 = 1024 * 1024;

/// The per-day limit on files, as a `Limit` (its window is the day).
fn daily_files(state: &AppState) -> Limit {
    Limit::per_day("upload", state.config.uploads_per_day)
}

/// Refuses an upload of `size` bytes that would pass one of the resident's quotas: bytes in the
/// last day and files or bytes kept (429 with when to retry; 413 `upload.quota`), then counts
/// the file against the daily number of files (429).
async fn within_quota(state: &AppState, user_id: &str, size: i64) -> AppResult<()> {
    let now = state.clock.now();
    let day_ago = now - DAY_SECONDS;
    /// A resident's uploads of the last day: their bytes and the oldest one's time.
    #[derive(sqlx::FromRow)]
    struct DayRow {
        today_bytes: Option<i64>,
        oldest: Option<i64>,
    }
    let DayRow { today_bytes, oldest } = sqlx::query_as::<_, DayRow>(
        "SELECT CAST(SUM(size_bytes) AS BIGINT) AS today_bytes, MIN(created_at) AS oldest FROM uploads WHERE user_id = $1 AND created_at > $2",
    )
    .bind(user_id)
    .bind(day_ago)
    .fetch_one(&state.db.pool)
    .await?;
    if today_bytes.unwrap_or(0) + size > state.config.upload_mb_per_day * MB {
        tracing::warn!(limit = "upload_bytes_per_day", "per-resident limit reached");
        return Err(AppError::rate_limited_for(oldest.map(|t| t + DAY_SECONDS - now).unwrap_or(DAY_SECONDS)));
    }
    /// A resident's stored uploads: how many, and their bytes.
    #[derive(sqlx::FromRow)]
    struct StoredRow {
        files: i64,
        bytes: Option<i64>,
    }
    let StoredRow { files, bytes } = sqlx::query_as::<_, StoredRow>(
        "SELECT COUNT(*) AS files, CAST(SUM(size_bytes) AS BIGINT) AS bytes FROM uploads WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_one(&state.db.pool)
    .await?;
    if files + 1 > state.config.uploads_stored || bytes.unwrap_or(0) + size > state.config.upload_mb_stored * MB {
        let message = "Upload quota reached: remove files or wait until unused ones are deleted";
        return Err(AppError::field_with(ErrorCode::PayloadTooLarge, message, "file", FieldError::UploadQuota));
    }
    limits::enforce(state, &daily_files(state), user_id).await
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
#[utoipa::path(get, path = "/uploads/{id}", tag = "uploads",
    params(("id" = String, Path, description = "Upload id")),
    responses((status = 200, description = "The file"), (status = 404, body = ApiError)))]
pub async fn download(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let kind = owned_by(&state, &id, &resident.user_id).await?.ok_or_else(AppError::not_found)?;
    file_response(&state, &id, kind).await
}
