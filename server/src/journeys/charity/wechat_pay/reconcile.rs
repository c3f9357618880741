//! Reconciliation: an order with no notification after a while is asked about. Paid (and
//! matching our order and amount, the same checks as a notification) → settled; expired and
//! unpaid → closed at WeChat Pay, then here. Runs every few minutes, and on a staff request with
//! an explicit time (as the pledge and reminder runs do).

use super::notify::settle_order;
use super::{orders, CallError};
use crate::error::{AppError, AppResult};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::Role;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How often the server reconciles.
pub const RECONCILE_EVERY: Duration = Duration::from_secs(300);
/// Orders asked about per run (the rest wait for the next run).
const PER_RUN: i64 = 200;

/// What one run did.
#[derive(Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ReconcileReport {
    /// Orders asked about.
    pub checked: i64,
    /// Paid orders whose gift this run settled (their notification never came).
    pub settled: i64,
    /// Expired unpaid orders closed.
    pub closed: i64,
    /// Orders still open (not paid, not yet expired).
    pub still_open: i64,
    /// Orders WeChat Pay did not answer about, or whose payment does not match (logged for staff).
    pub failed: i64,
}

/// Reconciles the open orders as at `now` (unix seconds). Nothing to do without WeChat Pay.
pub async fn reconcile(state: &AppState, now: i64) -> AppResult<ReconcileReport> {
    let mut report = ReconcileReport::default();
    let Some(wechat) = state.wechat_pay.clone() else { return Ok(report) };
    // The calls are signed and their answers checked at the real time, whatever time `now` is
    // (a staff run may ask as at another time).
    let wire_now = state.clock.now();
    for order in orders::open_before(&state.db, now - wechat.reconcile_after_seconds, PER_RUN).await? {
        report.checked += 1;
        let expired = now >= order.expires_at;
        match wechat.query(&order.out_trade_no, wire_now).await {
            Ok(t) if t.trade_state == "SUCCESS" => match wechat.mismatch(&t, &order.out_trade_no, order.amount_fen) {
                None => {
                    settle_order(state, &order, t.transaction_id.as_deref().unwrap_or("")).await?;
                    report.settled += 1;
                }
                Some(why) => {
                    tracing::error!(reason = why, "a WeChat Pay query answer does not match its order: left for staff");
                    report.failed += 1;
                }
            },
            Ok(t) if expired && t.trade_state == "CLOSED" => {
                orders::mark_closed(&state.db, &order.out_trade_no, now).await?;
                report.closed += 1;
            }
            Ok(t) if expired && matches!(t.trade_state.as_str(), "NOTPAY" | "PAYERROR" | "REVOKED") => {
                match wechat.close(&order.out_trade_no, wire_now).await {
                    Ok(()) => {
                        orders::mark_closed(&state.db, &order.out_trade_no, now).await?;
                        report.closed += 1;
                    }
                    Err(e) => {
                        tracing::warn!(error = ?e, "WeChat Pay order not closed; tried again next run");
                        report.failed += 1;
                    }
                }
            }
            Ok(_) => report.still_open += 1,
            // Placing it never reached WeChat Pay: nothing there to pay or close.
            Err(CallError::Refused { code, .. }) if expired && code == "ORDER_NOT_EXIST" => {
                orders::mark_closed(&state.db, &order.out_trade_no, now).await?;
                report.closed += 1;
            }
            Err(e) => {
                tracing::warn!(error = ?e, "WeChat Pay did not answer about an order");
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// Runs `reconcile` every [`RECONCILE_EVERY`] while WeChat Pay is configured.
pub async fn run_periodically(state: AppState) {
    if state.wechat_pay.is_none() {
        return;
    }
    let mut every = tokio::time::interval(RECONCILE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        match reconcile(&state, state.clock.now()).await {
            Ok(r) if r.settled + r.closed + r.failed > 0 => {
                tracing::info!(settled = r.settled, closed = r.closed, failed = r.failed, "WeChat Pay reconciliation")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = ?e.0, "WeChat Pay reconciliation failed"),
        }
    }
}

/// A district admin: reconcile WeChat Pay orders now, without waiting for the periodic run.
/// Always as at the server's clock: nobody can close open orders early by naming a later time.
/// Recorded in the audit trail with the run's report; 403 for every other role.
#[utoipa::path(post, path = "/staff/runs/wechat-reconcile", tag = "staff",
    responses((status = 200, body = ReconcileReport), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError, description = "WeChat Pay is not configured")))]
pub async fn run_now(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<ReconcileReport>> {
    member.require(Role::DistrictAdmin)?;
    if state.wechat_pay.is_none() {
        return Err(AppError::not_found());
    }
    let now = state.clock.now();
    let report = reconcile(&state, now).await?;
    let actor = Actor::from(&member);
    let at = now.to_string();
    let entry = Entry {
        actor: &actor,
        action: "run.wechat_reconcile",
        subject_kind: "run",
        subject_id: &at,
        before: None,
        after: Some(serde_json::to_string(&report).expect("a report serialises")),
        reason: None,
    };
    audit::record_alone(&state.db, now, &entry).await?;
    Ok(Json(report))
}
