//! Project photos. A charity editor attaches an image to a project of their own organisation
//! (audited; the file goes through the shared uploads service: size limit, content sniffing, stored under the data directory);
//! anyone reads it back. Photo files never change once stored, so they are cached for a year.

use super::store::photos as store;
use crate::error::{AppError, AppResult};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use crate::uploads;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Json;
use baoan_contract::api::FileKind;
use baoan_contract::charity::{validate_photo_alt, PhotoUpload, ProjectPhoto};
use baoan_contract::error::{ApiError, FieldError};

/// The pixel size of a PNG (its IHDR) or a baseline/progressive JPEG (its first SOF marker).
/// `None` when the file is not an image we can read: it is refused as a photo then.
pub fn image_size(kind: FileKind, bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |b: &[u8], i: usize| Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]) as u32);
    let be32 = |b: &[u8], i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let size = match kind {
        FileKind::Png if bytes.get(12..16) == Some(b"IHDR") => (be32(bytes, 16)?, be32(bytes, 20)?),
        FileKind::Jpeg => {
            let mut i = 2;
            loop {
                if *bytes.get(i)? != 0xFF {
                    return None;
                }
                let marker = *bytes.get(i + 1)?;
                let len = be16(bytes, i + 2)? as usize;
                // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry height then width.
                if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    break (be16(bytes, i + 7)?, be16(bytes, i + 5)?);
                }
                i += 2 + len;
            }
        }
        _ => return None,
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

fn not_a_photo() -> AppError {
    AppError::field("file", FieldError::UploadType)
}

/// A charity editor attaches a photo (JPEG or PNG, the raw body) with its alt text to a project
/// of their own organisation; recorded in the audit trail. 403 for another organisation's project
/// and for every other role, before the file is stored.
#[utoipa::path(post, path = "/staff/charity/projects/{id}/photos", tag = "staff",
    params(("id" = String, Path), PhotoUpload),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The image itself, at most 10 MB: JPEG or PNG"),
    responses((status = 200, body = ProjectPhoto), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 413, body = ApiError),
        (status = 422, body = ApiError, description = "alt missing or too long; not a JPEG or PNG (fields.file = upload.type)")))]
pub async fn attach(
    State(state): State<AppState>,
    member: StaffMember,
    Path(project_id): Path<String>,
    q: Result<Query<PhotoUpload>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<ProjectPhoto>> {
    let Query(q) = q.map_err(crate::error::bad_query)?;
    let alt = validate_photo_alt(&q.alt).map_err(|e| AppError::field("alt", e))?;
    let mut conn = state.db.pool.acquire().await?;
    if !crate::staff::require_own_project(&mut conn, &member, &project_id).await? {
        return Err(AppError::no_such("project"));
    }
    drop(conn);
    // Read the size before storing: a PDF, or bytes that only start like an image, are refused.
    if let Ok(b) = &body {
        match FileKind::sniff(b) {
            Some(kind @ (FileKind::Jpeg | FileKind::Png)) if image_size(kind, b).is_none() => return Err(not_a_photo()),
            Some(FileKind::Pdf) => return Err(not_a_photo()),
            _ => {}
        }
    }
    let (id, kind, bytes) = uploads::store(&state, body).await?;
    let (width, height) = image_size(kind, &bytes).ok_or_else(not_a_photo)?;
    let photo = store::NewPhoto {
        id: &id,
        project_id: &project_id,
        content_type: kind.mime(),
        width: width as i64,
        height: height as i64,
        alt: &alt,
        now: state.clock.now(),
    };
    let mut tx = state.db.begin().await?;
    store::insert(&mut tx, &photo).await?;
    let actor = Actor::from(&member);
    let after = serde_json::json!({ "project": &project_id, "content_type": kind.mime(), "width": width,
                                    "height": height, "alt": &alt });
    let entry = Entry {
        actor: &actor,
        action: "charity.attach_photo",
        subject_kind: "charity_photo",
        subject_id: &id,
        before: None,
        after: Some(after.to_string()),
        reason: None,
    };
    audit::record(&mut tx, photo.now, &entry).await?;
    tx.commit().await?;
    let alt = crate::localise::localised(alt, None, None);
    Ok(Json(ProjectPhoto { id, alt, width: width as i64, height: height as i64 }))
}

/// A project's photos in the order they were attached.
pub async fn of_project(state: &AppState, project_id: &str) -> AppResult<Vec<ProjectPhoto>> {
    let rows = store::of_project(&state.db, project_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| ProjectPhoto {
            id: r.id,
            alt: crate::localise::localised(r.alt, r.alt_hant, r.alt_en),
            width: r.width,
            height: r.height,
        })
        .collect())
}

/// A project photo's bytes (public).
#[utoipa::path(get, path = "/charity/photos/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, description = "The image (image/jpeg or image/png)"), (status = 404, body = ApiError)))]
pub async fn serve(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Response> {
    let row = store::content_type(&state.db, &id).await?;
    let kind = row.and_then(|m| FileKind::from_mime(&m)).ok_or_else(|| AppError::no_such("photo"))?;
    let mut response = uploads::file_response(&state, &id, kind).await?;
    // Public, and a photo id always means the same bytes.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_png_and_jpeg_sizes() {
        let png = super::super::demo_photos::png(7, 5, &[0u8; 7 * 5 * 3]);
        assert_eq!(image_size(FileKind::Png, &png), Some((7, 5)));
        // SOI, an APP0 segment of 4 bytes, then SOF0: length 17, precision 8, height 300, width 400.
        let jpeg =
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90];
        assert_eq!(image_size(FileKind::Jpeg, &jpeg), Some((400, 300)));
        assert_eq!(image_size(FileKind::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE0]), None);
        assert_eq!(image_size(FileKind::Png, b"\x89PNG\r\n\x1a\n"), None);
    }
}
