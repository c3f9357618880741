//! The charity bundle: that journey's pages, plus the pages every bundle has.
use baoan_app::{
    app,
    journeys::charity::{self, CharityRoutes},
    pages::CoreRoutes,
};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Charity, &[charity::i18n::STRINGS], || (CoreRoutes(), CharityRoutes()));
}
