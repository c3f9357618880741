//! 我的: sign-in, the resident's own page and profile.

mod messages;
mod mine;
mod profile;
mod sign_in;

pub use messages::MessagesPage;
pub use mine::Mine;
pub use profile::ProfilePage;
pub use sign_in::SignIn;
