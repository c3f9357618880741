//! Paging of the lists a resident owns (applications, gifts, pledges, messages):
//! `?limit=&offset=`, newest first.
//!
//! A `limit` above [`MAX_PAGE_SIZE`] is clamped to it, not refused: an old or careless client
//! still gets an answer, and no request can make the server read or send more than one page.
//! No `limit` means a full page (what the app asks for).

use serde::{Deserialize, Serialize};

/// The most items any list endpoint returns in one answer.
pub const MAX_PAGE_SIZE: i64 = 100;
/// The furthest offset accepted (further is clamped): no resident has that many items.
pub const MAX_OFFSET: i64 = 100_000;

/// The query string of a paged list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// Items per page, 1 to 100 (larger is clamped to 100; default 100).
    pub limit: Option<i64>,
    /// Items to skip from the newest (default 0).
    pub offset: Option<i64>,
}

impl PageQuery {
    /// The page size to use: within 1..=`MAX_PAGE_SIZE`.
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(MAX_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE)
    }
    /// The offset to use: within 0..=`MAX_OFFSET`.
    pub fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).clamp(0, MAX_OFFSET)
    }
}

#[cfg(test)]
mod tests;
