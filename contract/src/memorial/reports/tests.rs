//! What staff may do with a report.

use super::*;

#[test]
fn only_reported_messages_can_be_hidden() {
    let hide = ReportHandle { action: "hide_message".into() };
    assert_eq!(hide.validate(true), Ok(ReportAction::HideMessage));
    assert_eq!(hide.validate(false).unwrap_err().0.get("action"), Some(&FieldError::MemorialReportAction));
    assert_eq!(ReportHandle { action: "dismiss".into() }.validate(false), Ok(ReportAction::Dismiss));
    assert_eq!(
        ReportHandle { action: "delete".into() }.validate(true).unwrap_err().0.get("action"),
        Some(&FieldError::MemorialReportAction)
    );
}
