//! Party B in their own account: the notice to their phone (no code: who booked, what, where,
//! when, and how to confirm), and this journey's limits on what one account can do.

use super::view::{self, BookingRow};
use crate::error::{AppError, AppResult};
use crate::limits::{self, Limit};
use crate::state::AppState;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::ErrorCode;
use baoan_contract::marriage::{clock_time, BookingKind, Slot};
use baoan_contract::mask::mask_name;

/// Booking attempts (new bookings and second visits) per account per day.
pub const BOOKING_ATTEMPTS: Limit = Limit::per_day("marriage.booking", 6);
/// Partner notices per phone number per day, whoever books and whatever happens to the bookings
/// (cancelling one does not give its notice back).
pub const PARTNER_NOTICES: Limit = Limit::per_day("marriage.partner_notice", 3);

/// Counts a notice to `phone` against its limit (429 when used up), before anything is taken.
pub async fn allow_notice(state: &AppState, phone: &str) -> AppResult<()> {
    limits::enforce(state, &PARTNER_NOTICES, phone).await
}

/// What a booking is for, as the notice and the calendar file name it (server-made text, in 简体).
pub fn what(kind: BookingKind) -> &'static str {
    match kind {
        BookingKind::Marriage => "结婚登记",
        BookingKind::Divorce => "离婚登记",
        BookingKind::Replacement => "补领婚姻登记证",
        BookingKind::DivorceSecondVisit => "离婚登记（第二次）",
    }
}

/// Texts party B: `[masked booker name, what, where, when, how to confirm]`. No code: B confirms
/// by signing in with this phone. Also tells B's account in its message centre — the account of
/// that phone is made now if B never signed in (a row with the phone only, as their first
/// sign-in would make), so the message is waiting when they do.
pub async fn notify_partner(state: &AppState, row: &BookingRow, slot: &Slot, office_name: &str) -> AppResult<()> {
    let Some(phone) = row.partner_phone.as_deref() else { return Ok(()) };
    let params = vec![
        mask_name(&row.party_a.name),
        what(row.kind).to_string(),
        office_name.to_string(),
        format!("{} {}–{}", slot.date.to_iso(), clock_time(slot.start_minute), clock_time(slot.end_minute)),
        format!(
            "请在{}小时内用本手机号登录宝安民政便民服务，在「我的」中确认或拒绝；未确认的预约将自动取消",
            baoan_contract::marriage::CONFIRM_WITHIN_SECONDS / 3600
        ),
    ];
    state.sms.send_notice(phone, crate::auth::sms::SmsPurpose::MarriagePartnerNotice, &params).await.map_err(|e| {
        // The district-wide SMS ceiling (auth::ceiling) is a 429 saying when to retry, not a failure.
        if let Some(after) = crate::auth::ceiling::retry_after(&e) {
            return crate::auth::ceiling::refusal(after);
        }
        tracing::error!(error = %e, "SMS sender failed (marriage partner notice)");
        AppError::new(ErrorCode::Internal, "Could not send the notice")
    })?;
    let user_id = super::store::account_of_phone(&state.db, phone, state.clock.now()).await?;
    view::tell(state, &user_id, row, MessageEvent::MarriagePartnerRequest).await
}
