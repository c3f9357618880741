//! 宝安民政 · 便民服务 — the resident app. Client-side rendered Leptos, compiled to WebAssembly.
//!
//! The app is built as several bundles (`src/bin/`, one WebAssembly file each; which paths each
//! serves is `baoan_contract::bundle`), so the home page does not download the four journeys.
//! Every bundle starts the same way (`app::mount`) with its own set of routes.

pub mod account;
pub mod app;
pub mod gallery;
pub mod i18n;
pub mod journeys;
pub mod pages;
pub mod shared;
pub mod shell;
pub mod staff;
