//! Which provider takes gifts, chosen in one place (`provider_name`): WeChat Pay when it is
//! configured (`wechat_pay/`: orders, signed notifications, reconciliation), else the demo's
//! SANDBOX behind the interface below: no money moves; it approves a payment when the app sends
//! the sandbox's approval token.

/// Why a payment was not accepted.
#[derive(Debug, PartialEq, Eq)]
pub struct Declined;

pub trait PaymentProvider: Send + Sync {
    /// Shown to the donor and stored with the gift ("sandbox" here).
    fn name(&self) -> &'static str;
    /// Checks the provider's proof of payment for an order; returns the provider's payment reference.
    fn verify(&self, order_id: &str, amount_fen: i64, proof: &str) -> Result<String, Declined>;
    /// Charges a monthly pledge's order against the mandate its first payment set up (that
    /// payment's reference). The order id is the same for every retry of one month's charge,
    /// so a provider that dedupes by order id never takes a month's money twice.
    fn charge(&self, mandate: &str, order_id: &str, amount_fen: i64) -> Result<String, Declined>;
}

/// A sandbox: approves `sandbox-approve`, declines anything else. Clearly labelled as such.
pub struct SandboxProvider;

impl PaymentProvider for SandboxProvider {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn verify(&self, order_id: &str, amount_fen: i64, proof: &str) -> Result<String, Declined> {
        if proof == baoan_contract::charity::SANDBOX_APPROVE && amount_fen > 0 {
            Ok(format!("SANDBOX-{order_id}"))
        } else {
            Err(Declined)
        }
    }

    /// Approves any mandate the sandbox itself issued.
    fn charge(&self, mandate: &str, order_id: &str, amount_fen: i64) -> Result<String, Declined> {
        if mandate.starts_with("SANDBOX-") && amount_fen > 0 {
            Ok(format!("SANDBOX-{order_id}"))
        } else {
            Err(Declined)
        }
    }
}

pub fn provider() -> &'static dyn PaymentProvider {
    &SandboxProvider
}

/// The provider new gifts go to, stored with each: WeChat Pay when configured, else the sandbox.
pub fn provider_name(state: &crate::state::AppState) -> &'static str {
    if state.wechat_pay.is_some() {
        super::wechat_pay::PROVIDER
    } else {
        provider().name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_approves_only_its_token() {
        assert_eq!(SandboxProvider.verify("o1", 100, "sandbox-approve"), Ok("SANDBOX-o1".into()));
        assert_eq!(SandboxProvider.verify("o1", 100, "paid"), Err(Declined));
        assert_eq!(SandboxProvider.verify("o1", 0, "sandbox-approve"), Err(Declined));
        assert_eq!(SandboxProvider.charge("SANDBOX-o1", "o1-2026-05", 100), Ok("SANDBOX-o1-2026-05".into()));
        assert_eq!(SandboxProvider.charge("CARD-1", "o1-2026-05", 100), Err(Declined));
    }
}
