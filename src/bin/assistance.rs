//! The assistance bundle: that journey's pages, plus the pages every bundle has.
use baoan_app::{
    app,
    journeys::assistance::{self, AssistanceRoutes},
    pages::CoreRoutes,
};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Assistance, &[assistance::i18n::STRINGS], || (CoreRoutes(), AssistanceRoutes()));
}
