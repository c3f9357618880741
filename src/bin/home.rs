//! The home bundle: home, sign-in, settings, privacy notice, "not found".
use baoan_app::{app, pages::CoreRoutes};
use baoan_contract::bundle::Bundle;

fn main() {
    app::mount(Bundle::Home, &[], CoreRoutes);
}
