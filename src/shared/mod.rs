//! Pieces every journey uses: the API client, the session, settings, forms, drafts, loading.

pub mod announce;
pub mod api;
pub mod clock;
pub mod draft;
pub mod figures;
pub mod form;
pub mod icons;
pub mod identity;
pub mod loadable;
pub mod page;
pub mod qr;
pub mod session;
pub mod settings;
pub mod storage;
pub mod submit;
pub mod ui;
pub mod upload;
