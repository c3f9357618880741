//! The marriage journey's endpoints, one function each: the only place its API paths are named.
//! Arguments are owned, so a call is the whole body of a resource or a submit.

use crate::shared::api::{self, ClientError};
use baoan_contract::marriage::{
    Booking, BookingList, BookingRequest, DayList, NearestFree, Office, RescheduleRequest, SecondVisitRequest, SlotList,
};

pub async fn offices() -> Result<Vec<Office>, ClientError> {
    api::get("/marriage/offices").await
}

pub async fn days(office: String) -> Result<DayList, ClientError> {
    api::get(&format!("/marriage/offices/{office}/days")).await
}

/// The registration times of one office on one day (`YYYY-MM-DD`).
pub async fn slots(office: String, date: String) -> Result<SlotList, ClientError> {
    api::get(&format!("/marriage/offices/{office}/days/{date}/slots")).await
}

/// The free times nearest to a day whose chosen time has just gone.
pub async fn nearest_free(office: String, date: String) -> Result<NearestFree, ClientError> {
    api::get(&format!("/marriage/offices/{office}/days/{date}/nearest-free")).await
}

pub async fn bookings() -> Result<BookingList, ClientError> {
    api::get("/marriage/bookings").await
}

pub async fn booking(id: String) -> Result<Booking, ClientError> {
    api::get(&format!("/marriage/bookings/{id}")).await
}

/// Books a registration; must happen once (`key`).
pub async fn book(req: BookingRequest, key: String) -> Result<Booking, ClientError> {
    api::post_once("/marriage/bookings", &req, &key).await
}

/// What party B does with a booking naming them.
#[derive(Clone, Copy, PartialEq)]
pub enum Answer {
    Confirm,
    Decline,
}

pub async fn answer(id: String, answer: Answer) -> Result<Booking, ClientError> {
    let verb = match answer {
        Answer::Confirm => "confirm",
        Answer::Decline => "decline",
    };
    api::post(&format!("/marriage/bookings/{id}/{verb}"), &NoBody {}).await
}

pub async fn cancel(id: String) -> Result<Booking, ClientError> {
    api::post(&format!("/marriage/bookings/{id}/cancel"), &NoBody {}).await
}

pub async fn reschedule(id: String, req: RescheduleRequest) -> Result<Booking, ClientError> {
    api::post(&format!("/marriage/bookings/{id}/reschedule"), &req).await
}

pub async fn second_visit(req: SecondVisitRequest) -> Result<Booking, ClientError> {
    api::post("/marriage/second-visits", &req).await
}

/// A confirmed booking as a calendar file: a link the browser downloads, not a request.
pub fn calendar_url(id: &str) -> String {
    api::api_url(&format!("/marriage/bookings/{id}/calendar.ics"))
}

/// The actions on a booking take no body; an empty JSON object is sent.
#[derive(serde::Serialize)]
struct NoBody {}
