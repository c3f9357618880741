//! The memorial bundle: that journey's pages, plus the pages every bundle has.
use baoan_app::{
    app,
    journeys::memorial::{self, MemorialRoutes},
    pages::CoreRoutes,
};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Memorial, &[memorial::i18n::STRINGS], || (CoreRoutes(), MemorialRoutes()));
}
