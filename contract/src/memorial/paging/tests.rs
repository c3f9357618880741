//! Paging of memorial lists.

use super::*;

#[test]
fn pages_are_capped() {
    let q = PageQuery { page: Some(0), page_size: Some(10_000) };
    assert_eq!((q.page(), q.size(), q.offset()), (1, MAX_PAGE_SIZE, 0));
    let q = PageQuery { page: Some(3), page_size: None };
    assert_eq!((q.size(), q.offset()), (DEFAULT_PAGE_SIZE, 40));
    assert_eq!(PageQuery { page: None, page_size: Some(0) }.size(), 1);
}
