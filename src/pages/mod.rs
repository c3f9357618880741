//! Pages that belong to no journey.

mod home;
mod not_found;
mod privacy;
mod settings;

pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;
pub use settings::SettingsPage;
