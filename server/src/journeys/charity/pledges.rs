//! Monthly pledges: charged once per calendar month through the payment provider, each charge a
//! gift with its receipt and a public ledger line; cancelled by the donor from 我的捐赠. With
//! WeChat Pay (no contract deduction), a month is never charged silently: its gift is created
//! unpaid and the donor gets a reminder with a one-tap payment link.
//!
//! "Once" is held by the database, not by timing: a month's charge is a gift whose id is
//! `<pledge id>-<YYYY-MM>` (primary key) plus a `(pledge, month)` row (primary key). A second run
//! — or one running at the same moment on another connection — fails to insert the same gift and
//! skips it; a declined payment rolls its claim back so the next run tries again.

use super::payment::{provider, provider_name};
use super::settle::receipt_no;
use super::store::gifts::{record_paid, Paid};
use super::store::pledges::{self as store, PledgeRow};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::api::{MessageEvent, PageQuery};
use baoan_contract::charity::{
    month_key, pledge_month_due, ChargeReport, ChargeRun, Pledge, PledgeStatus, ProjectStatus,
};
use baoan_contract::error::ApiError;
use baoan_contract::rules::date::Date;
use baoan_contract::staff::Role;
use std::time::Duration;

/// How often the server looks for pledges due (a month's charge happens on the first run of it).
pub const CHARGE_EVERY: Duration = Duration::from_secs(3600);

/// Charges every active pledge that owes a charge for `today`'s month and has none yet.
pub async fn charge_due_pledges(state: &AppState, today: Date) -> AppResult<ChargeReport> {
    let due = store::active(&state.db).await?;
    let mut report = ChargeReport::default();
    for row in due {
        let (pledge_id, user_id, project_id, amount_fen) = (&row.id, &row.user_id, &row.project_id, row.amount_fen);
        let started = Date::from_unix_seconds(row.created_at, super::CHINA_UTC_OFFSET);
        let Some(month) = pledge_month_due(started, today) else { continue };
        if ProjectStatus::from_code(&row.status) != Some(ProjectStatus::Fundraising) {
            report.project_finished += 1;
            continue;
        }
        let gift_id = format!("{pledge_id}-{month}");
        let now = state.clock.now();
        let mut tx = state.db.begin().await?;
        // Still active? Conditional on the state the pledge was read in, and it holds the pledge's
        // row (PostgreSQL) or the write lock (SQLite) until commit: a cancel at the same moment
        // either comes first (no charge) or waits for this charge and then sees it.
        if !store::still_active(&mut tx, pledge_id).await? {
            tx.rollback().await?;
            report.cancelled += 1;
            continue;
        }
        // The claim: only one run inserts this month's gift (a concurrent one waits, then finds it).
        if !store::claim(&mut tx, &gift_id, &row, provider_name(state), now).await? {
            tx.rollback().await?;
            report.already_charged += 1;
            continue;
        }
        if state.wechat_pay.is_some() {
            // No contract deduction (委托代扣): the month's gift waits for its donor, who is sent
            // a reminder with a one-tap payment link; it is paid like any gift, when verified.
            tx.commit().await?;
            report.reminded += 1;
            let path = super::wechat_pay::pay_path(&gift_id);
            let notice = Notice {
                event: MessageEvent::CharityPledgeDue,
                reference: &month,
                action_path: &path,
                deadline: None,
                detail: None,
            };
            notify(&state.db, user_id, notice, now).await?;
            continue;
        }
        let Ok(payment_ref) = provider().charge(row.payment_ref.as_deref().unwrap_or(""), &gift_id, amount_fen) else {
            tx.rollback().await?;
            report.declined += 1;
            tracing::warn!(pledge = %pledge_id, %month, "monthly pledge charge declined");
            continue;
        };
        let receipt_no = receipt_no(today, &gift_id);
        store::charged(&mut tx, pledge_id, &month, &gift_id, &payment_ref, &receipt_no, now).await?;
        let paid = Paid { gift_id: &gift_id, amount_fen, receipt_no: &receipt_no, date: today, now };
        record_paid(&mut tx, project_id, user_id, paid).await?;
        tx.commit().await?;
        report.charged += 1;
        let path = format!("/charity/gifts/{gift_id}/receipt");
        let notice = Notice {
            event: MessageEvent::CharityPledgeCharged,
            reference: &receipt_no,
            action_path: &path,
            deadline: None,
            detail: None,
        };
        notify(&state.db, user_id, notice, now).await?;
    }
    Ok(report)
}

/// Runs `charge_due_pledges` for today every [`CHARGE_EVERY`], from the server's start.
pub async fn charge_periodically(state: AppState) {
    let mut every = tokio::time::interval(CHARGE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match charge_due_pledges(&state, state.clock.today()).await {
            Ok(r) if r.charged + r.declined > 0 => {
                tracing::info!(charged = r.charged, declined = r.declined, "monthly pledges")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = ?e.0, "monthly pledge run failed"),
        }
    }
}

/// A district admin: charge the pledges due on a given day (what the hourly run does with
/// today's date), recorded in the audit trail with the run's report. 403 for every other role.
#[utoipa::path(post, path = "/staff/runs/charity-pledges", tag = "staff", request_body = ChargeRun,
    responses((status = 200, body = ChargeReport), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn charge_now(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(run): JsonBody<ChargeRun>,
) -> AppResult<Json<ChargeReport>> {
    member.require(Role::DistrictAdmin)?;
    let report = charge_due_pledges(&state, run.date).await?;
    let actor = Actor::from(&member);
    let day = run.date.to_iso();
    let entry = Entry {
        actor: &actor,
        action: "run.charity_pledges",
        subject_kind: "run",
        subject_id: &day,
        before: None,
        after: Some(serde_json::to_string(&report).expect("a report serialises")),
        reason: None,
    };
    audit::record_alone(&state.db, state.clock.now(), &entry).await?;
    Ok(Json(report))
}

fn pledge(r: PledgeRow) -> Pledge {
    let started = Date::from_unix_seconds(r.created_at, super::CHINA_UTC_OFFSET);
    Pledge {
        id: r.id,
        project_id: r.project_id,
        project_title: crate::localise::localised(r.title, r.title_hant, r.title_en),
        amount_fen: r.amount_fen,
        status: PledgeStatus::from_code(&r.status).unwrap_or(PledgeStatus::Cancelled),
        started,
        monthly_charges: r.charges,
        last_month: r.last_month.unwrap_or_else(|| month_key(started)),
    }
}

/// 我的捐赠: the resident's monthly pledges, newest first; one page (at most 100; see `PageQuery`).
#[utoipa::path(get, path = "/me/charity/pledges", tag = "charity", params(PageQuery),
    responses((status = 200, body = Vec<Pledge>), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    resident: Resident,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<Vec<Pledge>>> {
    let Query(page) = page.map_err(crate::error::bad_query)?;
    let rows = store::of_user(&state.db, &resident.user_id, page.limit(), page.offset()).await?;
    Ok(Json(rows.into_iter().map(pledge).collect()))
}

/// Cancel one of your pledges: no charge from then on. Cancelling again changes nothing. A
/// charge running at the same moment either comes first (and the answer counts it) or is not made.
#[utoipa::path(post, path = "/me/charity/pledges/{id}/cancel", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = Pledge), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 429, body = ApiError)))]
pub async fn cancel(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Pledge>> {
    crate::limits::enforce(&state, &crate::limits::CHARITY_PLEDGE_CANCELS, &resident.user_id).await?;
    store::cancel(&state.db, &id, &resident.user_id, state.clock.now()).await?;
    let row = store::pledge(&state.db, &id, &resident.user_id).await?;
    // Someone else's pledge is as unknown as one that does not exist.
    Ok(Json(pledge(row.ok_or_else(|| AppError::no_such("pledge"))?)))
}
