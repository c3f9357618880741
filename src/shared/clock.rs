//! Today's date in Shenzhen, by the device's clock: what the app's own checks (a birth date not
//! in the future, a visit still ahead, a slot of today that is over) compare against. The server
//! checks again by its clock.

use baoan_contract::rules::date::{minute_of_day, Date, SHENZHEN_UTC_OFFSET};

pub fn today() -> Date {
    now().0
}

/// Today's date and the minute of the day (after Shenzhen midnight), read at one instant.
pub fn now() -> (Date, u32) {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    (Date::from_unix_seconds(seconds, SHENZHEN_UTC_OFFSET), minute_of_day(seconds, SHENZHEN_UTC_OFFSET))
}
