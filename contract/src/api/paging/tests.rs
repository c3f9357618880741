//! Clamping of `?limit=&offset=`.

use super::*;

#[test]
fn page_size_is_clamped() {
    assert_eq!(PageQuery::default().limit(), MAX_PAGE_SIZE);
    assert_eq!(PageQuery { limit: Some(10_000), offset: None }.limit(), MAX_PAGE_SIZE);
    assert_eq!(PageQuery { limit: Some(0), offset: None }.limit(), 1);
    assert_eq!(PageQuery { limit: Some(-5), offset: Some(-1) }.offset(), 0);
    assert_eq!(PageQuery { limit: Some(7), offset: Some(i64::MAX) }.offset(), MAX_OFFSET);
    assert_eq!(PageQuery { limit: Some(7), offset: Some(3) }.limit(), 7);
}
