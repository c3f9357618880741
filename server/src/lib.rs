//! The reference server for the 宝安民政 · 便民服务 API contract (`/api/v1`).
//!
//! Layout: `config` (flags and environment) → `serve` (start-up: database, demo data, shared
//! services, listener, periodic work) → `app` (the composition root: every area's router, the
//! OpenAPI document taken from them, the layers) → each area's `router()` and handlers
//! (`routes/*`, `auth/routes`, `messages`, `uploads`, `journeys/<j>/mod.rs`) → `error` (the one
//! error shape and its constructors) → `db` (SQLite or PostgreSQL through one pool, same migrations).

pub mod admin;
pub mod app;
pub mod auth;
pub mod capacity;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod ics;
pub mod idempotency;
pub mod image_metadata;
pub mod journeys;
pub mod limits;
pub mod localise;
pub mod logging;
pub mod messages;
pub mod openapi;
pub mod openapi_common;
pub mod origin;
pub mod overload;
pub mod purge;
pub mod qr;
pub mod rate_limit;
pub mod reference;
pub mod routes;
pub mod secret;
pub mod security;
pub mod serve;
pub mod staff;
pub mod state;
pub mod uploads;
pub mod web_app;
