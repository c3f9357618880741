//! Giving: a gift order (one order id), a sandbox payment, a receipt; 我的捐赠.

use super::money::{validate_donor_name, validate_fen, validate_message};
use super::projects::coded;
use crate::api::LocalisedText;
use crate::error::{ApiError, FieldErrors};
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

coded!(Frequency { Once => "once", Monthly => "monthly" });
coded!(GiftStatus { Pending => "pending", Paid => "paid" });

/// `POST /api/v1/charity/gifts` (with an Idempotency-Key): creates an order awaiting payment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiftRequest {
    pub project_id: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::int_range::<1, { super::money::MAX_GIFT_FEN }>))]
    pub amount_fen: i64,
    pub anonymous: bool,
    /// Shown publicly on a named gift (then required); ignored (and never stored) when anonymous.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(schema_with = crate::schema::charity_text::<{ super::money::MAX_DONOR_NAME_CHARS }>)
    )]
    pub donor_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::charity_text::<{ super::money::MAX_MESSAGE_CHARS }>))]
    pub message: String,
    pub frequency: Frequency,
}

/// A gift request after its rules passed.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidGift {
    pub amount_fen: i64,
    pub donor_name: Option<String>,
    pub message: String,
}

impl GiftRequest {
    pub fn validate(&self) -> Result<ValidGift, ApiError> {
        let mut f = FieldErrors::new();
        let amount = f.check("amount", validate_fen(self.amount_fen));
        let donor_name = if self.anonymous {
            Some(None)
        } else {
            f.check("donor_name", validate_donor_name(&self.donor_name)).map(Some)
        };
        let message = f.check("message", validate_message(&self.message));
        f.into_result()?;
        Ok(ValidGift {
            amount_fen: amount.unwrap_or(0),
            donor_name: donor_name.flatten(),
            message: message.unwrap_or_default(),
        })
    }
}

/// `POST /api/v1/charity/gifts/{id}/sandbox-pay`: the sandbox provider's "payment succeeded".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SandboxPayment {
    /// Must be `sandbox-approve`; anything else is a declined sandbox payment.
    pub token: String,
}

pub const SANDBOX_APPROVE: &str = "sandbox-approve";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub receipt_no: String,
    /// The donor's name as on the receipt: their display name, or their profile name for an
    /// anonymous gift (the receipt is private to the donor).
    pub donor: String,
    pub amount_fen: i64,
    pub project_title: LocalisedText,
    pub date: Date,
    pub order_id: String,
}

/// The donor's own view of one gift.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GiftOrder {
    pub order_id: String,
    pub project_id: String,
    pub project_title: LocalisedText,
    pub amount_fen: i64,
    pub anonymous: bool,
    pub donor_name: Option<String>,
    pub message: String,
    pub frequency: Frequency,
    pub status: GiftStatus,
    pub created: Date,
    /// The payment provider's name: "sandbox" on the reference server.
    pub provider: String,
    pub receipt: Option<Receipt>,
    /// The project's latest progress update (for 我的捐赠).
    pub latest_update: Option<LocalisedText>,
    /// Where to pay a gift still unpaid when a real provider takes it (WeChat Pay): a link the
    /// browser follows (it places the order and goes on to WeChat Pay's page). Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_url: Option<String>,
}

#[cfg(test)]
mod tests;
