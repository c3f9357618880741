//! Where an invitation stands.

use super::*;

#[test]
fn invitation_status_order() {
    assert_eq!(invitation_status(10, 20, 0, 5, false), "active");
    assert_eq!(invitation_status(10, 20, 5, 5, false), "used_up");
    assert_eq!(invitation_status(20, 20, 0, 5, false), "expired");
    assert_eq!(invitation_status(10, 20, 0, 5, true), "revoked");
}
