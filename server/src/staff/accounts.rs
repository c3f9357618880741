//! Staff accounts: a district admin creates them (the server's bootstrap token creates only
//! district admins — the first one, and a replacement if every admin is gone), lists them and
//! deactivates them. Every change is in the audit trail.

use super::audit::{self, Actor, Entry};
use super::session::{self, StaffMember};
use super::{sealing, totp};
use crate::admin::Staff;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::{
    check_reason, Assignment, CreatedStaffAccount, Deactivation, NewStaffAccount, PlaceKind, Role, StaffAccount,
};
use baoan_contract::FieldError;

/// The issuer an authenticator app shows beside the code.
pub(super) const TOTP_ISSUER: &str = "宝安民政";

/// Who may create accounts: a signed-in district admin, or the bootstrap token (district admins only).
pub enum Creator {
    Admin(StaffMember),
    BootstrapToken,
}

impl FromRequestParts<AppState> for Creator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Ok(member) = StaffMember::from_request_parts(parts, state).await {
            member.require(Role::DistrictAdmin)?;
            return Ok(Creator::Admin(member));
        }
        Staff::from_request_parts(parts, state).await.map(|Staff| Creator::BootstrapToken)
    }
}

/// Whether `place` exists as a place of `kind`.
async fn place_exists(state: &AppState, kind: PlaceKind, place: &str) -> AppResult<bool> {
    let sql = match kind {
        PlaceKind::Community => "SELECT COUNT(*) FROM assistance_communities WHERE code = $1",
        PlaceKind::Street => "SELECT COUNT(*) FROM streets WHERE code = $1",
        PlaceKind::RegistryOffice => "SELECT COUNT(*) FROM marriage_offices WHERE id = $1",
        PlaceKind::Cemetery => "SELECT COUNT(*) FROM memorial_cemeteries WHERE id = $1",
        PlaceKind::Organisation => "SELECT COUNT(*) FROM charity_projects WHERE organiser = $1",
    };
    let (n,): (i64,) = sqlx::query_as(sql).bind(place).fetch_one(&state.db.pool).await?;
    Ok(n > 0)
}

/// A row of `staff_accounts` as listed.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    login: String,
    display_name: String,
    role: String,
    place: Option<String>,
    active: i64,
}

impl Row {
    fn into_account(self) -> Option<StaffAccount> {
        Some(StaffAccount {
            id: self.id,
            login: self.login,
            display_name: self.display_name,
            assignment: Assignment { role: Role::from_code(&self.role)?, place: self.place },
            active: self.active == 1,
        })
    }
}

const COLUMNS: &str = "id, login, display_name, role, place, active";

pub(super) async fn find(state: &AppState, id: &str) -> AppResult<StaffAccount> {
    sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff_accounts WHERE id = $1"))
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await?
        .and_then(Row::into_account)
        .ok_or_else(AppError::not_found)
}

pub(super) fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// Create a staff account: its role and place, a first password, and an authenticator secret
/// answered this once. The bootstrap token may create district admins only (403 otherwise).
#[utoipa::path(post, path = "/staff/accounts", tag = "staff", request_body = NewStaffAccount,
    responses((status = 201, body = CreatedStaffAccount), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    creator: Creator,
    JsonBody(mut req): JsonBody<NewStaffAccount>,
) -> AppResult<(axum::http::StatusCode, Json<CreatedStaffAccount>)> {
    let actor = match &creator {
        Creator::Admin(member) => Actor::from(member),
        Creator::BootstrapToken if req.assignment.role == Role::DistrictAdmin => Actor::bootstrap(),
        Creator::BootstrapToken => return Err(AppError::forbidden("The bootstrap token creates district admins only")),
    };
    req.login = req.login.trim().to_string();
    req.display_name = req.display_name.trim().to_string();
    req.assignment.place = req.assignment.place.map(|p| p.trim().to_string());
    req.check().into_result().map_err(AppError::from)?;
    if let (Some(kind), Some(place)) = (req.assignment.role.place_kind(), req.assignment.place.as_deref()) {
        if !place_exists(&state, kind, place).await? {
            return Err(AppError::field("assignment.place", FieldError::StaffPlace));
        }
    }
    let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM staff_accounts WHERE login = $1")
        .bind(&req.login)
        .fetch_one(&state.db.pool)
        .await?;
    if taken > 0 {
        return Err(AppError::conflict("That login is taken"));
    }
    let secret = totp::new_secret();
    let password_hash = session::hash_password(req.password.clone()).await?;
    let account = StaffAccount {
        id: new_id(),
        login: req.login.clone(),
        display_name: req.display_name.clone(),
        assignment: req.assignment.clone(),
        active: true,
    };
    let now = state.clock.now();
    let sealed = sealing::seal(&state, &account.id, &secret).await?;
    let mut tx = state.db.begin().await?;
    sqlx::query(
        "INSERT INTO staff_accounts (id, login, display_name, role, place, password_hash, totp_secret, created_at, \
         created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&account.id)
    .bind(&account.login)
    .bind(&account.display_name)
    .bind(account.assignment.role.code())
    .bind(account.assignment.place.as_deref())
    .bind(&password_hash)
    .bind(&sealed)
    .bind(now)
    .bind(&actor.login)
    .execute(&mut *tx)
    .await?;
    let entry = Entry {
        actor: &actor,
        action: "staff.create_account",
        subject_kind: "staff_account",
        subject_id: &account.id,
        before: None,
        after: json(&account),
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    Ok((axum::http::StatusCode::CREATED, Json(created(account, &secret))))
}

/// A new or reset account with its authenticator secret, shown this once: as base32 text, as the
/// `otpauth://` address and as that address's QR code.
pub(super) fn created(account: StaffAccount, secret: &[u8]) -> CreatedStaffAccount {
    let totp_uri = totp::provisioning_uri(TOTP_ISSUER, &account.login, secret);
    CreatedStaffAccount { totp_qr: crate::qr::encode(&totp_uri), totp_uri, totp_secret: totp::base32(secret), account }
}

/// Every staff account (district admins).
#[utoipa::path(get, path = "/staff/accounts", tag = "staff",
    responses((status = 200, body = Vec<StaffAccount>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn list(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<Vec<StaffAccount>>> {
    member.require(Role::DistrictAdmin)?;
    let rows = sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff_accounts ORDER BY login"))
        .fetch_all(&state.db.pool)
        .await?;
    Ok(Json(rows.into_iter().filter_map(Row::into_account).collect()))
}

/// Deactivate an account (district admins, never their own), with the reason: its sessions end at once.
#[utoipa::path(post, path = "/staff/accounts/{id}/deactivate", tag = "staff", request_body = Deactivation,
    params(("id" = String, Path, description = "Account id")),
    responses((status = 200, body = StaffAccount), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn deactivate(
    State(state): State<AppState>,
    member: StaffMember,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<Deactivation>,
) -> AppResult<Json<StaffAccount>> {
    member.require(Role::DistrictAdmin)?;
    if id == member.id {
        // Another admin (or the bootstrap token's new one) does it: nobody locks themselves out by a slip.
        return Err(AppError::conflict("You cannot deactivate your own account"));
    }
    let reason = check_reason(Some(&req.reason), true).map_err(|e| AppError::field("reason", e))?;
    let before = find(&state, &id).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE staff_accounts SET active = 0 WHERE id = $1").bind(&id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1").bind(&id).execute(&mut *tx).await?;
    let after = StaffAccount { active: false, ..before.clone() };
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "staff.deactivate_account",
        subject_kind: "staff_account",
        subject_id: &id,
        before: json(&before),
        after: json(&after),
        reason: reason.as_deref(),
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    Ok(Json(after))
}
