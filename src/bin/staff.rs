//! The staff bundle: the staff pages only (src/staff). Residents' pages never link here, so no
//! resident downloads it. It carries the staff field errors' messages, and the assistance
//! journey's table for the applications reviewers read, and the charity journey's words for the
//! ledgers charity editors publish.
use baoan_app::{app, journeys::assistance, journeys::charity, staff};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(
        Bundle::Staff,
        &[staff::i18n::STRINGS, assistance::i18n::STRINGS, charity::i18n::STRINGS],
        staff::StaffRoutes,
    );
}
