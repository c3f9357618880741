//! The SQL of this journey, a file per resource: the reference data (standards, communities),
//! applications, their documents, their history, what is read of them, and the drafts.

mod applications;
mod documents;
mod drafts;
mod history;
mod reference;
mod views;

pub use applications::*;
pub use documents::*;
pub use drafts::*;
pub use history::*;
pub use reference::*;
pub use views::*;
