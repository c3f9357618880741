//! Online memorials: creating one (`new`), the memorial's page (`view`) with its photo
//! (`photo`), the owner's family controls (`family`) and making it public (`publish`).

pub mod family;
pub mod new;
pub mod photo;
pub mod publish;
pub mod view;
