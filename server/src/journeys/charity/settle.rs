//! A gift becomes paid here, whichever provider proved the payment (the sandbox's token, a
//! verified WeChat Pay notification or query answer): the one conditional move pending → paid,
//! and in the same transaction what a paid gift changes (the project's total and donors, the
//! public ledger, a monthly pledge). A second settlement of the same gift finds it paid and
//! changes nothing, so one gift makes one ledger line and one receipt.

use super::store::gifts::{self as store, record_paid, Paid};
use crate::error::AppResult;
use crate::messages::{notify, Notice};
use crate::state::AppState;
use baoan_contract::api::MessageEvent;
use baoan_contract::charity::Frequency;
use baoan_contract::rules::date::Date;
use sha2::{Digest, Sha256};

/// A gift's receipt number: the day it was paid, then a digest of the gift id (unique per gift,
/// so per month for a pledge's monthly gifts).
pub fn receipt_no(today: Date, gift_id: &str) -> String {
    let digest = crate::auth::codes::hex(&Sha256::digest(gift_id.as_bytes()));
    format!("CS{}{}", today.to_iso().replace('-', ""), digest[..12].to_uppercase())
}

/// Settles gift `gift_id` as paid with the provider's reference; false if it was not pending.
pub async fn settle(state: &AppState, gift_id: &str, payment_ref: &str) -> AppResult<bool> {
    let Some(gift) = store::for_settling(&state.db, gift_id).await? else {
        return Ok(false);
    };
    let now = state.clock.now();
    let today = state.clock.today();
    let receipt_no = receipt_no(today, gift_id);
    let mut tx = state.db.begin().await?;
    // The one transition pending → paid. A second settlement finds no pending row and stops.
    if !store::mark_paid(&mut tx, gift_id, &gift.user_id, payment_ref, &receipt_no, now).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let paid = Paid { gift_id, amount_fen: gift.amount_fen, receipt_no: &receipt_no, date: today, now };
    record_paid(&mut tx, &gift.project_id, &gift.user_id, paid).await?;
    let mut event = MessageEvent::CharityGiftPaid;
    if Frequency::from_code(&gift.frequency) == Some(Frequency::Monthly) {
        // A month's gift of a pledge (paid from its reminder) counts as that month's charge;
        // any other monthly gift is a pledge's first and starts it.
        match super::store::pledges::month_of_gift(&mut tx, gift_id).await? {
            Some((pledge_id, month)) => {
                super::store::pledges::record_month(&mut tx, &pledge_id, &month, gift_id, now).await?;
                event = MessageEvent::CharityPledgeCharged;
            }
            None => {
                store::insert_pledge(&mut tx, &gift.user_id, &gift.project_id, gift.amount_fen, gift_id, now).await?
            }
        }
    }
    tx.commit().await?;
    let path = format!("/charity/gifts/{gift_id}/receipt");
    let notice = Notice { event, reference: &receipt_no, action_path: &path, deadline: None, detail: None };
    notify(&state.db, &gift.user_id, notice, now).await?;
    Ok(true)
}
