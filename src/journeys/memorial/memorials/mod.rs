//! Online memorials: creating one (`new`), the memorial's page (`view`) with its photo
//! (`photo`), the owner's family controls (`family`) and settings (`owner`, with making it
//! public: `publish`), and joining a family by an invitation link (`join`).

pub mod family;
pub mod join;
pub mod new;
pub mod owner;
pub mod photo;
pub mod publish;
pub mod view;
