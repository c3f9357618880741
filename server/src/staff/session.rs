//! Staff sign-in and sessions: a password (Argon2id) and the authenticator's code (TOTP), then a
//! session in its own HttpOnly, SameSite=Strict cookie (`__Host-baoan_staff`), separate from
//! residents' — a resident's session never opens a staff door, nor the reverse. A staff session
//! lasts one working shift at most; sign-out and deactivation end it on the server.

use super::audit::{self, Actor, Entry};
use super::{sealing, totp};
use crate::auth::session::{cookie_name, read_cookie, set_cookie, set_cookie_headers, token_hash};
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::{Assignment, Role, StaffMe, StaffSignIn};
use baoan_contract::FieldError;

pub const COOKIE_NAME: &str = "baoan_staff";
/// A staff session ends this long after sign-in: one shift.
pub const SESSION_SECONDS: i64 = 10 * 3600;
/// Sign-in attempts allowed per login in a quarter of an hour (then 429): a password and a
/// six-digit code cannot be guessed at this rate.
pub const ATTEMPTS_PER_LOGIN: i64 = 10;
pub const ATTEMPT_WINDOW_SECONDS: i64 = 900;

/// The signed-in staff member. Handlers that take this answer 401 to everyone else.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: String,
    pub login: String,
    pub display_name: String,
    pub assignment: Assignment,
    /// The session's token hash; none for a member acting at the server's command line
    /// ([`StaffMember::by_login`]).
    pub(super) token_hash: Option<String>,
}

impl StaffMember {
    /// 403 unless the member holds `role`.
    pub fn require(&self, role: Role) -> AppResult<()> {
        if self.assignment.role == role {
            Ok(())
        } else {
            Err(AppError::forbidden("Your role cannot do this"))
        }
    }

    /// Who is signed in, as the staff pages show it.
    pub fn me(self) -> StaffMe {
        StaffMe { login: self.login, display_name: self.display_name, assignment: self.assignment }
    }

    /// The account `login` as the operators' CLI acts under it (a staff member's own name, with
    /// no session): the same member a session gives, if the account is active.
    pub async fn by_login(state: &AppState, login: &str) -> AppResult<ByLogin> {
        let row = sqlx::query_as::<_, MemberRow>(
            "SELECT id, login, display_name, role, place, active FROM staff_accounts WHERE login = $1",
        )
        .bind(login.trim().to_ascii_lowercase())
        .fetch_optional(&state.db.pool)
        .await?;
        Ok(match row {
            None => ByLogin::Unknown,
            Some(row) if row.active != 1 => ByLogin::Deactivated,
            Some(row) => ByLogin::Active(row.into_member(None).ok_or_else(internal)?),
        })
    }
}

/// What a login names: an active account's member, a deactivated account, or nothing.
#[derive(Debug)]
pub enum ByLogin {
    Active(StaffMember),
    Deactivated,
    Unknown,
}

pub(super) fn internal() -> AppError {
    AppError::new(baoan_contract::ErrorCode::Internal, "A staff account could not be read")
}

/// An account's row as a member is made of it (a session's, or a login's at the command line).
#[derive(sqlx::FromRow)]
struct MemberRow {
    id: String,
    login: String,
    display_name: String,
    role: String,
    place: Option<String>,
    active: i64,
}

impl MemberRow {
    /// The member, with the session's token hash if any; none for a role this build does not know.
    fn into_member(self, token_hash: Option<String>) -> Option<StaffMember> {
        let role = Role::from_code(&self.role)?;
        let assignment = Assignment { role, place: self.place };
        Some(StaffMember { id: self.id, login: self.login, display_name: self.display_name, assignment, token_hash })
    }
}

impl FromRequestParts<AppState> for StaffMember {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token =
            read_cookie(&parts.headers, &cookie_name(&state.config, COOKIE_NAME)).ok_or_else(AppError::unauthorized)?;
        let hash = token_hash(&token);
        let row = sqlx::query_as::<_, MemberRow>(
            "SELECT a.id, a.login, a.display_name, a.role, a.place, a.active FROM staff_sessions s \
             JOIN staff_accounts a ON a.id = s.staff_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active = 1",
        )
        .bind(&hash)
        .bind(state.clock.now())
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or_else(AppError::unauthorized)?;
        row.into_member(Some(hash)).ok_or_else(AppError::unauthorized)
    }
}

/// Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum), off the
/// request threads.
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|_| internal())?
    .map_err(|_| internal())
}

async fn password_matches(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        // With no account, a hash is still checked, so the answer takes as long either way.
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
        PasswordHash::new(&stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// The Argon2id hash of a random string nobody knows, checked when the login does not exist.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2A1l1cdTUS1vt9oTLQFzzUD/SEXHgAFTMBzkJAXxJbQ";

/// An account as sign-in reads it.
#[derive(sqlx::FromRow)]
pub(super) struct AccountRow {
    pub id: String,
    pub role: String,
    pub place: Option<String>,
    password_hash: String,
    totp_secret: String,
    totp_last_step: i64,
}

/// The answer to any wrong login, password or code: never which part was wrong.
fn refused() -> AppError {
    AppError::field("code", FieldError::StaffSignIn)
}

/// Checks an active account's password and authenticator code, counting the attempt against the
/// login's quarter-hour allowance (429 past it). Returns the account and the code's time-step,
/// which the caller claims with `claim_step` in the transaction of what the code allows.
pub(super) async fn verify_credentials(
    state: &AppState,
    login: &str,
    password: &str,
    code: &str,
) -> AppResult<(AccountRow, i64)> {
    let now = state.clock.now();
    let bucket = format!("staff-sign-in:{login}");
    if let Some(wait) =
        crate::rate_limit::check(&state.db, &bucket, ATTEMPTS_PER_LOGIN, ATTEMPT_WINDOW_SECONDS, now).await?
    {
        return Err(AppError::rate_limited_for(wait));
    }
    let account = sqlx::query_as::<_, AccountRow>(
        "SELECT id, role, place, password_hash, totp_secret, totp_last_step FROM staff_accounts \
         WHERE login = $1 AND active = 1",
    )
    .bind(login)
    .fetch_optional(&state.db.pool)
    .await?;
    if !password_matches(password.to_string(), account.as_ref().map(|a| a.password_hash.clone())).await {
        return Err(refused());
    }
    let account = account.ok_or_else(refused)?;
    let secret = sealing::open(state, &account.id, &account.totp_secret).await?.ok_or_else(internal)?;
    let step = totp::verify(&secret, code, now, account.totp_last_step).ok_or_else(refused)?;
    Ok((account, step))
}

/// Claims a code's time-step in the same statement that checks it, so one code is used once even
/// when two requests race.
pub(super) async fn claim_step(tx: &mut sqlx::AnyConnection, id: &str, step: i64) -> AppResult<()> {
    let claimed = sqlx::query("UPDATE staff_accounts SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
        .bind(step)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if claimed == 1 {
        Ok(())
    } else {
        Err(refused())
    }
}

/// Sign in with login, password and the authenticator's current code. Any mistake answers the
/// same 422 `staff.sign_in` (never which part was wrong); more than 10 attempts a quarter-hour
/// for one login answer 429. A code is accepted once.
#[utoipa::path(post, path = "/staff/session", tag = "staff", request_body = StaffSignIn,
    responses((status = 200, body = StaffMe, description = "Signed in; Set-Cookie carries the staff session"),
              (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    JsonBody(req): JsonBody<StaffSignIn>,
) -> AppResult<impl IntoResponse> {
    let now = state.clock.now();
    let login = req.login.trim().to_ascii_lowercase();
    let (account, step) = verify_credentials(&state, &login, &req.password, &req.code).await?;
    let role = Role::from_code(&account.role).ok_or_else(internal)?;
    let token = format!("{}{}", crate::db::new_id(), crate::db::new_id());
    let mut tx = state.db.begin().await?;
    claim_step(&mut tx, &account.id, step).await?;
    sqlx::query("INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(&account.id)
        .bind(now)
        .bind(now + SESSION_SECONDS)
        .execute(&mut *tx)
        .await?;
    let actor = Actor { login: login.clone(), role, place: account.place.clone() };
    let entry = Entry {
        actor: &actor,
        action: "staff.sign_in",
        subject_kind: "staff_account",
        subject_id: &account.id,
        before: None,
        after: None,
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    let me = me_of(&state, &account.id).await?;
    let cookie = set_cookie(&state.config, COOKIE_NAME, &token, SESSION_SECONDS);
    Ok((set_cookie_headers(cookie), Json(me)))
}

async fn me_of(state: &AppState, id: &str) -> AppResult<StaffMe> {
    let row = sqlx::query_as::<_, MemberRow>(
        "SELECT id, login, display_name, role, place, active FROM staff_accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(row.into_member(None).ok_or_else(internal)?.me())
}

/// The signed-in staff member.
#[utoipa::path(get, path = "/staff/me", tag = "staff",
    responses((status = 200, body = StaffMe), (status = 401, body = ApiError)))]
pub async fn me(member: StaffMember) -> Json<StaffMe> {
    Json(member.me())
}

/// Sign out: the session ends on the server and the cookie is cleared.
#[utoipa::path(delete, path = "/staff/session", tag = "staff",
    responses((status = 204, description = "Signed out"), (status = 401, body = ApiError)))]
pub async fn sign_out(State(state): State<AppState>, member: StaffMember) -> AppResult<impl IntoResponse> {
    sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
        .bind(&member.token_hash)
        .execute(&state.db.pool)
        .await?;
    let cookie = set_cookie(&state.config, COOKIE_NAME, "", 0);
    Ok((axum::http::StatusCode::NO_CONTENT, set_cookie_headers(cookie)))
}
