//! What staff may do with a report.

use super::*;

fn handle(action: &str, reason: Option<&str>) -> ReportHandle {
    ReportHandle { action: action.into(), reason: reason.map(Into::into) }
}

#[test]
fn only_reported_messages_can_be_hidden() {
    let hide = handle("hide_message", Some("广告"));
    assert_eq!(hide.validate(true), Ok((ReportAction::HideMessage, Some("广告".into()))));
    assert_eq!(hide.validate(false).unwrap_err().0.get("action"), Some(&FieldError::MemorialReportAction));
    assert_eq!(handle("dismiss", None).validate(false), Ok((ReportAction::Dismiss, None)));
    assert_eq!(
        handle("delete", None).validate(true).unwrap_err().0.get("action"),
        Some(&FieldError::MemorialReportAction)
    );
}

#[test]
fn hiding_a_message_needs_a_reason_and_every_reason_is_bounded() {
    let errors = handle("hide_message", Some("  ")).validate(true).unwrap_err();
    assert_eq!(errors.0.get("reason"), Some(&FieldError::StaffReason));
    let long = "字".repeat(crate::staff::REASON_MAX_CHARS + 1);
    let errors = handle("dismiss", Some(&long)).validate(true).unwrap_err();
    assert_eq!(errors.0.get("reason"), Some(&FieldError::StaffReason));
    // Both wrong: both reported.
    let errors = handle("", Some(&long)).validate(true).unwrap_err();
    assert_eq!(
        (errors.0.get("action"), errors.0.get("reason")),
        (Some(&FieldError::Required), Some(&FieldError::StaffReason))
    );
}
