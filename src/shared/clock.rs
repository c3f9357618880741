//! Today's date in Shenzhen, by the device's clock: what the app's own checks (a birth date not
//! in the future, a visit still ahead) compare against. The server checks again by its clock.

use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};

pub fn today() -> Date {
    Date::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64, SHENZHEN_UTC_OFFSET)
}
