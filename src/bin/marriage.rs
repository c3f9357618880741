//! The marriage bundle: that journey's pages, plus the pages every bundle has.
use baoan_app::{
    app,
    journeys::marriage::{self, MarriageRoutes},
    pages::CoreRoutes,
};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Marriage, &[marriage::i18n::STRINGS], || (CoreRoutes(), MarriageRoutes()));
}
