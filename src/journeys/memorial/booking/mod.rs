//! Booking a visit to a grave, one page per step: a cemetery and a day (`start`), a time
//! (`slots`), visitors and the grave (`details`), check and book (`check`), then the
//! confirmation with the entry QR code, kept on the device (`confirmation`).

pub mod check;
pub mod confirmation;
pub mod details;
pub mod slots;
pub mod start;
