//! The GOV.UK patterns every journey uses, one folder each: the component (`mod.rs`) and its
//! stylesheet beside it (`<name>.css`, classes namespaced `.ui-<name>__<part>`).
//! scripts/build-app.sh joins the stylesheets into one file every bundle's page links; the
//! gallery (src/bin/gallery.rs, built for tests only) renders each component in each state.

pub mod back_link;
pub mod choice;
pub mod error_summary;
pub mod id_fields;
pub mod notice;
pub mod panel;
pub mod print_button;
pub mod radios;
pub mod summary;
pub mod task_list;
pub mod text_field;

pub use back_link::BackLink;
pub use choice::{ChoiceButton, Crowd};
pub use error_summary::ErrorSummary;
pub use id_fields::{id_type_of, IdFields};
pub use notice::{Notice, NoticeKind};
pub use panel::ConfirmationPanel;
pub use print_button::PrintButton;
pub use radios::{RadioOption, Radios};
pub use summary::{SummaryList, SummaryRow};
pub use task_list::{TaskItem, TaskList};
pub use text_field::TextField;

/// `base` plus the caller's extra classes (hooks or journey styles), if any.
pub(crate) fn with_extra(base: &str, extra: &str) -> String {
    if extra.is_empty() {
        base.to_string()
    } else {
        format!("{base} {extra}")
    }
}
