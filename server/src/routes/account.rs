//! The resident's own data (PIPL): download all of it as JSON, and delete the account.
//!
//! Both work from explicit lists of tables, so a journey that adds a table of personal data
//! adds one line to `EXPORT` and, if needed, one step to `delete_account`.
//!
//! Deleting keeps what the service must keep (`KeptReason`; listed by `GET /me/deletion`
//! before the resident confirms): assistance applications, marriage bookings whose visit is
//! still to come, charity gifts (anonymised: no donor name or message) and proxy-sweeping
//! requests staff have not done yet. Everything else of the resident is deleted; the account row
//! stays only as an anonymous anchor for those records (no phone number, name or document).

use crate::auth::session::{self, set_cookie_headers, Resident};
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::api::{DeleteAccount, DeletionPlan, KeptReason, KeptRecord};
use baoan_contract::error::{ApiError, FieldError};
use serde_json::{Map, Value};
use sqlx::any::AnyRow;
use sqlx::{Column, Row, ValueRef};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The resident's data and account, relative to /api/v1 (each route declared by its handler;
/// `DELETE /me` shares its path with `GET /me` in `crate::auth::routes`).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(export)).routes(routes!(deletion_plan)).routes(routes!(delete))
}

/// What the export holds: (name in the JSON, query with `$1` = the resident's id). Secrets
/// (session and code hashes, a partner code's hash) are never selected.
pub const EXPORT: &[(&str, &str)] = &[
    ("messages", "SELECT id, topic, event, reference, action_path, deadline, detail, created_at, read_at FROM messages WHERE user_id = $1 ORDER BY created_at"),
    ("uploads", "SELECT id, content_type, size_bytes, original_name, created_at FROM uploads WHERE user_id = $1 ORDER BY created_at"),
    ("assistance_drafts", "SELECT content, updated_at FROM assistance_drafts WHERE user_id = $1"),
    ("assistance_applications", "SELECT * FROM assistance_applications WHERE user_id = $1 ORDER BY submitted_at"),
    ("assistance_members", "SELECT m.* FROM assistance_members m JOIN assistance_applications a ON a.id = m.application_id WHERE a.user_id = $1"),
    ("assistance_documents", "SELECT d.* FROM assistance_documents d JOIN assistance_applications a ON a.id = d.application_id WHERE a.user_id = $1"),
    ("assistance_history", "SELECT h.* FROM assistance_history h JOIN assistance_applications a ON a.id = h.application_id WHERE a.user_id = $1 ORDER BY h.at"),
    ("marriage_bookings", "SELECT id, reference, kind, status, office_id, slot_id, ceremony_slot_id, counselling_slot_id, party_a, party_b, first_visit_id, created_at, updated_at FROM marriage_bookings WHERE user_id = $1 ORDER BY created_at"),
    ("marriage_bookings_as_partner", "SELECT id, reference, kind, status, office_id, slot_id, ceremony_slot_id, counselling_slot_id, party_a, party_b, first_visit_id, created_at, updated_at FROM marriage_bookings WHERE partner_user_id = $1 ORDER BY created_at"),
    ("charity_gifts", "SELECT * FROM charity_gifts WHERE user_id = $1 ORDER BY created_at"),
    ("charity_pledges", "SELECT * FROM charity_pledges WHERE user_id = $1 ORDER BY created_at"),
    ("memorials", "SELECT * FROM memorials WHERE owner_id = $1 ORDER BY created_at"),
    ("memorial_memberships", "SELECT * FROM memorial_members WHERE user_id = $1"),
    ("memorial_offerings", "SELECT * FROM memorial_offerings WHERE user_id = $1 ORDER BY created_at"),
    ("memorial_messages", "SELECT * FROM memorial_messages WHERE user_id = $1 ORDER BY created_at"),
    ("memorial_reports", "SELECT * FROM memorial_reports WHERE user_id = $1 ORDER BY created_at"),
    ("memorial_bookings", "SELECT * FROM memorial_bookings WHERE user_id = $1 ORDER BY created_at"),
    ("memorial_proxy_requests", "SELECT * FROM memorial_proxy_requests WHERE user_id = $1 ORDER BY created_at"),
];

/// A row as a JSON object: integers, decimals and text as they are, NULL as null.
fn row_json(row: &AnyRow) -> Value {
    let mut out = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let null = row.try_get_raw(i).map(|v| v.is_null()).unwrap_or(true);
        let value = if null {
            Value::Null
        } else if let Ok(n) = row.try_get::<i64, _>(i) {
            Value::from(n)
        } else if let Ok(x) = row.try_get::<f64, _>(i) {
            Value::from(x)
        } else if let Ok(s) = row.try_get::<String, _>(i) {
            Value::from(s)
        } else {
            Value::Null
        };
        out.insert(column.name().to_string(), value);
    }
    Value::Object(out)
}

/// Download everything the service holds about you, as one JSON file.
#[utoipa::path(get, path = "/me/export", tag = "profile",
    responses((status = 200, content_type = "application/json", body = Object, description = "profile and one list per kind of record"),
              (status = 401, body = ApiError)))]
pub async fn export(State(state): State<AppState>, resident: Resident) -> AppResult<impl IntoResponse> {
    let db = &state.db.pool;
    // The profile in full (the ID number too: it is the resident's own), with its verification:
    // who vouched for the name and number, when, and the platform's issuer and its identifier for
    // the person (null where nothing was verified, or the development verifier's).
    let profile = sqlx::query(
        "SELECT id, phone, name, id_type, id_number, created_at, identity_verified_by, identity_verified_at, \
         identity_issuer, identity_subject FROM users WHERE id = $1",
    )
    .bind(&resident.user_id)
    .fetch_one(db)
    .await?;
    let mut records = Map::new();
    for (name, sql) in EXPORT {
        let rows = sqlx::query(sql).bind(&resident.user_id).fetch_all(db).await?;
        records.insert((*name).to_string(), Value::Array(rows.iter().map(row_json).collect()));
    }
    let body =
        serde_json::json!({ "exported_at": state.clock.now(), "profile": row_json(&profile), "records": records });
    let disposition = HeaderValue::from_static("attachment; filename=\"baoan-my-data.json\"");
    Ok(([(header::CONTENT_DISPOSITION, disposition)], Json(body)))
}

/// What deleting the account would keep, and why (the page shows this before confirming).
#[utoipa::path(get, path = "/me/deletion", tag = "profile",
    responses((status = 200, body = DeletionPlan), (status = 401, body = ApiError)))]
pub async fn deletion_plan(State(state): State<AppState>, resident: Resident) -> AppResult<Json<DeletionPlan>> {
    Ok(Json(plan(&state, &resident.user_id).await?))
}

/// Marriage bookings still to come (their visit day today or later, not cancelled).
const UPCOMING_MARRIAGE: &str = "SELECT b.id FROM marriage_bookings b JOIN marriage_slots s ON s.id = b.slot_id \
     WHERE b.user_id = $1 AND b.status IN ('awaiting_partner', 'confirmed') AND s.day >= $2";

async fn plan(state: &AppState, user_id: &str) -> AppResult<DeletionPlan> {
    let db = &state.db.pool;
    let today = state.clock.today().to_iso();
    let mut kept = Vec::new();
    let marriage = format!("SELECT reference FROM marriage_bookings WHERE id IN ({UPCOMING_MARRIAGE})");
    let queries: [(KeptReason, &str, bool); 4] = [
        (
            KeptReason::AssistanceCase,
            "SELECT reference FROM assistance_applications WHERE user_id = $1 ORDER BY submitted_at",
            false,
        ),
        (KeptReason::MarriageUpcoming, marriage.as_str(), true),
        (
            KeptReason::CharityReceipt,
            "SELECT COALESCE(receipt_no, id) FROM charity_gifts WHERE user_id = $1 ORDER BY created_at",
            false,
        ),
        (
            KeptReason::MemorialProxyOpen,
            "SELECT reference FROM memorial_proxy_requests WHERE user_id = $1 AND status <> 'done'",
            false,
        ),
    ];
    for (reason, sql, dated) in queries {
        let query = sqlx::query_as(sql).bind(user_id);
        let query = if dated { query.bind(&today) } else { query };
        let rows: Vec<(String,)> = query.fetch_all(db).await?;
        kept.extend(rows.into_iter().map(|(reference,)| KeptRecord { reason, reference }));
    }
    Ok(DeletionPlan { kept })
}

/// Delete your account: your profile, sessions, messages, drafts, memorials and every record
/// the service need not keep. Answers what was kept, and signs you out everywhere.
#[utoipa::path(delete, path = "/me", tag = "profile", request_body = DeleteAccount,
    responses((status = 200, body = DeletionPlan, description = "Deleted; the records kept and why"),
              (status = 401, body = ApiError), (status = 422, body = ApiError, description = "confirm was not true")))]
pub async fn delete(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<DeleteAccount>,
) -> AppResult<impl IntoResponse> {
    if !req.confirm {
        return Err(AppError::field("confirm", FieldError::Required));
    }
    let kept = plan(&state, &resident.user_id).await?;
    let files = delete_account(&state, &resident.user_id).await?;
    for id in files {
        crate::purge::remove_file(&state, &id).await;
    }
    tracing::info!(kept = kept.kept.len(), "account deleted");
    let cookie = session::end_all(&state, &resident).await?;
    Ok((set_cookie_headers(cookie), Json(kept)))
}

/// Deletes and anonymises in one transaction; returns the ids of upload files to remove.
async fn delete_account(state: &AppState, user: &str) -> AppResult<Vec<String>> {
    let now = state.clock.now();
    let today = state.clock.today().to_iso();
    let mut tx = state.db.begin().await?;
    macro_rules! run {
        ($sql:expr) => {
            sqlx::query($sql).bind(user).execute(&mut *tx).await?
        };
    }
    let (phone,): (String,) =
        sqlx::query_as("SELECT phone FROM users WHERE id = $1").bind(user).fetch_one(&mut *tx).await?;
    sqlx::query("DELETE FROM sms_codes WHERE phone = $1").bind(&phone).execute(&mut *tx).await?;
    // Which devices signed in to this number (auth's device memory) is personal too.
    sqlx::query("DELETE FROM sign_in_devices WHERE phone = $1").bind(&phone).execute(&mut *tx).await?;
    run!("DELETE FROM sessions WHERE user_id = $1");
    run!("DELETE FROM identity_logins WHERE user_id = $1");
    run!("DELETE FROM messages WHERE user_id = $1");
    run!("DELETE FROM assistance_drafts WHERE user_id = $1");
    // Marriage: past and cancelled bookings go; those still to come stay (see `plan`).
    let gone = format!("SELECT id FROM marriage_bookings WHERE user_id = $1 AND id NOT IN ({UPCOMING_MARRIAGE})");
    for table_sql in [
        format!("DELETE FROM marriage_active_people WHERE booking_id IN ({gone})"),
        format!("DELETE FROM marriage_bookings WHERE id IN ({gone})"),
    ] {
        sqlx::query(&table_sql).bind(user).bind(&today).execute(&mut *tx).await?;
    }
    // Memorial visits: places of upcoming ones are given back, then every booking goes.
    /// An active memorial visit's slot and group.
    #[derive(sqlx::FromRow)]
    struct VisitRow {
        slot_id: String,
        group_size: i64,
    }
    let active = sqlx::query_as::<_, VisitRow>(
        "SELECT slot_id, group_size FROM memorial_bookings WHERE user_id = $1 AND status = 'active'",
    )
    .bind(user)
    .fetch_all(&mut *tx)
    .await?;
    for VisitRow { slot_id, group_size } in active {
        crate::capacity::release(&mut tx, "memorial_slots", &slot_id, group_size).await?;
    }
    run!("DELETE FROM memorial_bookings WHERE user_id = $1");
    // Proxy sweeping done: the request and its photos' links go (the photos then have no use).
    run!("DELETE FROM memorial_proxy_photos WHERE proxy_id IN (SELECT id FROM memorial_proxy_requests WHERE user_id = $1 AND status = 'done')");
    run!("DELETE FROM memorial_proxy_requests WHERE user_id = $1 AND status = 'done'");
    // Memorials the resident owns, with everything on them; then what they left on others'.
    for table in [
        "memorial_reminders_sent",
        "memorial_reports",
        "memorial_messages",
        "memorial_offerings",
        "memorial_invitations",
        "memorial_members",
    ] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE memorial_id IN (SELECT id FROM memorials WHERE owner_id = $1)"
        ))
        .bind(user)
        .execute(&mut *tx)
        .await?;
    }
    run!("DELETE FROM memorials WHERE owner_id = $1");
    for table in ["memorial_reports", "memorial_messages", "memorial_offerings", "memorial_members"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1")).bind(user).execute(&mut *tx).await?;
    }
    // Charity: monthly pledges stop; gifts stay for the accounts, without name or message.
    sqlx::query(
        "UPDATE charity_pledges SET status = 'cancelled', cancelled_at = $2 WHERE user_id = $1 AND status = 'active'",
    )
    .bind(user)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    run!("UPDATE charity_gifts SET anonymous = 1, donor_name = NULL, message = '' WHERE user_id = $1");
    // Files no kept record uses.
    let in_use = crate::purge::upload_in_use_sql();
    let files: Vec<(String,)> =
        sqlx::query_as(&format!("SELECT u.id FROM uploads u WHERE u.user_id = $1 AND NOT {in_use}"))
            .bind(user)
            .fetch_all(&mut *tx)
            .await?;
    sqlx::query(&format!(
        "DELETE FROM uploads WHERE id IN (SELECT u.id FROM uploads u WHERE u.user_id = $1 AND NOT {in_use})"
    ))
    .bind(user)
    .execute(&mut *tx)
    .await?;
    // The account: no phone number, name or document; a new sign-in with the phone is a new account.
    sqlx::query(
        "UPDATE users SET phone = 'deleted:' || id, name = NULL, id_type = NULL, id_number = NULL, \
         identity_verified_by = NULL, identity_verified_at = NULL, identity_issuer = NULL, identity_subject = NULL, \
         deleted_at = $2 WHERE id = $1",
    )
    .bind(user)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(files.into_iter().map(|(id,)| id).collect())
}
