//! Issue 12, item 3, over real HTTP on SQLite and PostgreSQL: gifts paid through WeChat Pay API
//! v3 against a local stand-in of its endpoint (which verifies the merchant's signature on every
//! call and signs its answers with the platform key), and notifications signed and encrypted
//! here as WeChat Pay does. A gift is paid only by a verified notification or a verified query
//! answer whose order and amount match; forged, tampered, replayed, wrong-amount and
//! unknown-order notifications change nothing; public totals move only with verified payments.

mod common;
mod staff_common;

/// The stand-in and the tests (named `charity_wechat_pay::<part>::…`).
mod charity_wechat_pay {
    pub mod flow;
    mod notifications;
    mod pledges;
    mod reconcile;
    pub mod standin;
}
