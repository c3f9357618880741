//! The paging every memorial list uses: `?page=&page_size=`, 1-based.

use serde::{Deserialize, Serialize};

/// Most items one page of any memorial list holds (a larger `page_size` is cut to this).
pub const MAX_PAGE_SIZE: u32 = 50;
/// Items per page when the client does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// `?page=&page_size=` on every memorial list (1-based pages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// 1-based; default 1.
    pub page: Option<u32>,
    /// Default 20, at most 50.
    pub page_size: Option<u32>,
}

impl PageQuery {
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }
    pub fn size(&self) -> u32 {
        self.page_size.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE)
    }
    /// Rows to skip (for `LIMIT size OFFSET offset`).
    pub fn offset(&self) -> i64 {
        i64::from(self.page() - 1).saturating_mul(i64::from(self.size()))
    }
}

#[cfg(test)]
mod tests;
