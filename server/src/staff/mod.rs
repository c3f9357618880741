//! Staff (issue 13): accounts with a role tied to a place, sign-in with a password and an
//! authenticator code, sessions of their own, the audit trail, and reviewers' work on
//! applications. The bootstrap token (`--admin-token`) only creates district admins here.

pub mod accounts;
mod arrivals;
pub mod audit;
mod charity;
pub mod checkin;
mod credentials;
pub mod review;
pub mod sealing;
pub mod session;
pub mod totp;

pub use session::StaffMember;

pub use charity::require_own_project;

use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The staff routes, relative to /api/v1.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(session::sign_in, session::sign_out))
        .routes(routes!(session::me))
        .routes(routes!(accounts::create, accounts::list))
        .routes(routes!(accounts::deactivate))
        .routes(routes!(credentials::change_password))
        .routes(routes!(credentials::reset))
        .routes(routes!(audit::list))
        .routes(routes!(review::queue))
        .routes(routes!(review::review))
        .routes(routes!(review::application))
        .routes(routes!(checkin::check_in))
        .routes(routes!(arrivals::today))
        .routes(routes!(charity::ledger_line))
        .routes(routes!(charity::disclosure))
        .routes(routes!(charity::projects))
}
