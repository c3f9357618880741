//! The memorial journey's endpoints, one function each: the only place its API paths are named.
//! Arguments are owned, so a call is the whole body of a resource or a submit. Pictures are
//! links the browser loads, so for them this gives URLs, not requests.

use crate::shared::api::{self, api_url, ClientError, Empty};
use baoan_contract::memorial::{
    Booking, BookingList, BookingRequest, Cemetery, CemeteryDetail, FamilyMemberList, Invitation, InvitationList,
    Memorial, MemorialCreate, MemorialList, MemorialSummary, MessageRequest, OfferingRequest, PhotoRequest, ProxyList,
    ProxyRequest, ProxyView, PublishRequest, ReminderRequest, ReportRequest, SlotList,
};

// Visits: cemeteries, days, times and bookings.

pub async fn cemeteries() -> Result<Vec<Cemetery>, ClientError> {
    api::get("/memorial/cemeteries").await
}

/// A cemetery with its bookable days.
pub async fn cemetery(id: String) -> Result<CemeteryDetail, ClientError> {
    api::get(&format!("/memorial/cemeteries/{id}")).await
}

/// The visiting times of one cemetery on one day (`YYYY-MM-DD`).
pub async fn slots(cemetery: String, date: String) -> Result<SlotList, ClientError> {
    api::get(&format!("/memorial/cemeteries/{cemetery}/slots?date={date}")).await
}

/// Books a visit; must happen once (`key`).
pub async fn book(req: BookingRequest, key: String) -> Result<Booking, ClientError> {
    api::post_once("/memorial/bookings", &req, &key).await
}

pub async fn bookings() -> Result<BookingList, ClientError> {
    api::get("/memorial/bookings").await
}

pub async fn booking(id: String) -> Result<Booking, ClientError> {
    api::get(&format!("/memorial/bookings/{id}")).await
}

pub async fn cancel_booking(id: String) -> Result<Booking, ClientError> {
    api::post(&format!("/memorial/bookings/{id}/cancel"), &()).await
}

/// A booking as a calendar file: a link the browser downloads, not a request.
pub fn calendar_url(id: &str) -> String {
    api_url(&format!("/memorial/bookings/{id}/calendar.ics"))
}

// Online memorials.

pub async fn memorials() -> Result<MemorialList, ClientError> {
    api::get("/memorial/memorials").await
}

pub async fn create_memorial(req: MemorialCreate) -> Result<Memorial, ClientError> {
    api::post("/memorial/memorials", &req).await
}

pub async fn memorial(id: String) -> Result<Memorial, ClientError> {
    api::get(&format!("/memorial/memorials/{id}")).await
}

/// A memorial's photo; `version` (the upload id) makes a replaced photo a new URL.
pub fn photo_url(id: &str, version: &str) -> String {
    api_url(&format!("/memorial/memorials/{id}/photo?v={version}"))
}

/// A photo just uploaded and not yet on a memorial (the new-memorial form's preview).
pub fn upload_url(upload: &str) -> String {
    api_url(&format!("/uploads/{upload}"))
}

/// Flowers or candles (`kind`).
pub async fn offer(id: String, req: OfferingRequest) -> Result<Memorial, ClientError> {
    api::post(&format!("/memorial/memorials/{id}/offerings"), &req).await
}

pub async fn leave_message(id: String, req: MessageRequest) -> Result<Memorial, ClientError> {
    api::post(&format!("/memorial/memorials/{id}/messages"), &req).await
}

/// The owner hides a message.
pub async fn hide_message(id: String, message: String) -> Result<Memorial, ClientError> {
    api::post(&format!("/memorial/memorials/{id}/messages/{message}/hide"), &()).await
}

pub async fn report(id: String, req: ReportRequest) -> Result<(), ClientError> {
    api::post::<_, Empty>(&format!("/memorial/memorials/{id}/reports"), &req).await.map(|_| ())
}

/// Sets or (`photo: None`) removes the photo.
pub async fn set_photo(id: String, req: PhotoRequest) -> Result<Memorial, ClientError> {
    api::put(&format!("/memorial/memorials/{id}/photo"), &req).await
}

pub async fn set_reminder(id: String, req: ReminderRequest) -> Result<(), ClientError> {
    api::put::<_, Empty>(&format!("/memorial/memorials/{id}/reminder"), &req).await.map(|_| ())
}

/// Makes a memorial public (the server checks the burial register).
pub async fn publish(id: String, req: PublishRequest) -> Result<Memorial, ClientError> {
    api::put(&format!("/memorial/memorials/{id}/public"), &req).await
}

// A memorial's family.

pub async fn invitations(id: String) -> Result<InvitationList, ClientError> {
    api::get(&format!("/memorial/memorials/{id}/invitations")).await
}

pub async fn invite(id: String) -> Result<Invitation, ClientError> {
    api::post(&format!("/memorial/memorials/{id}/invitations"), &()).await
}

pub async fn revoke_invitation(id: String, invitation: String) -> Result<(), ClientError> {
    api::delete(&format!("/memorial/memorials/{id}/invitations/{invitation}")).await
}

pub async fn members(id: String) -> Result<FamilyMemberList, ClientError> {
    api::get(&format!("/memorial/memorials/{id}/members")).await
}

pub async fn remove_member(id: String, member: String) -> Result<(), ClientError> {
    api::delete(&format!("/memorial/memorials/{id}/members/{member}")).await
}

/// Joins a memorial's family by an invitation link's token.
pub async fn accept_invitation(token: String) -> Result<MemorialSummary, ClientError> {
    api::post(&format!("/memorial/invitations/{token}/accept"), &()).await
}

// Proxy sweeping (代祭扫).

pub async fn proxy_requests() -> Result<ProxyList, ClientError> {
    api::get("/memorial/proxy").await
}

pub async fn request_proxy(req: ProxyRequest) -> Result<ProxyView, ClientError> {
    api::post("/memorial/proxy", &req).await
}

pub async fn cancel_proxy(id: String) -> Result<ProxyView, ClientError> {
    api::post(&format!("/memorial/proxy/{id}/cancel"), &()).await
}

/// One of staff's photos of a tended grave.
pub fn proxy_photo_url(id: &str, photo: &str) -> String {
    api_url(&format!("/memorial/proxy/{id}/photos/{photo}"))
}
