//! How often one resident (or one memorial) may do each write of this journey: one table, all
//! enforced through `crate::limits::enforce` (429 with `Retry-After`).

use crate::limits::Limit;

/// Flowers and candles per resident (over all memorials).
pub const OFFERINGS: Limit = Limit::per_hour("memorial.offering", 30);
/// Messages per resident per 10 minutes (over all memorials).
pub const MESSAGES: Limit = Limit::new("memorial.message", 5, 600);
/// Reports per resident per day.
pub const REPORTS: Limit = Limit::per_day("memorial.report", 10);
/// Visit booking attempts per resident per day (a replayed `Idempotency-Key` does not count).
pub const BOOKINGS: Limit = Limit::per_day("memorial.booking", 10);
/// Proxy sweeping requests per resident per day.
pub const PROXY_REQUESTS: Limit = Limit::per_day("memorial.proxy", 10);
/// New memorials per resident per day.
pub const MEMORIALS: Limit = Limit::per_day("memorial.create", 10);
/// Invitation links per resident per day.
pub const INVITATIONS: Limit = Limit::per_day("memorial.invitation", 10);
/// Burial-register checks (making a memorial public) per resident per day…
pub const REGISTER_CHECKS_PER_RESIDENT: Limit = Limit::per_day("memorial.register.resident", 10);
/// …and per memorial per day, whoever asks: a burial certificate number has a million values a
/// year, so guessing at 5 a day gets nowhere.
pub const REGISTER_CHECKS_PER_MEMORIAL: Limit = Limit::per_day("memorial.register.memorial", 5);
