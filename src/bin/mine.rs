//! The 我的 bundle: the resident's own pages, gathering every journey's records and messages.
use baoan_app::{account::MineRoutes, app, journeys, pages::CoreRoutes};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Mine, &journeys::ALL_STRINGS, || (CoreRoutes(), MineRoutes()));
}
