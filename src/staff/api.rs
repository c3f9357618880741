//! The staff endpoints (`/api/v1/staff/…`) and the place lists that name a staff member's place,
//! one function each: the only place the staff pages name API paths.

use crate::shared::api::{self, ClientError};
use baoan_contract::api::LocalisedText;
use baoan_contract::assistance::ApplicationView;
use baoan_contract::staff::{CheckInAnswer, CheckInRequest, PlaceKind, QueueItem, StaffMe, StaffReview, StaffSignIn};

pub async fn me() -> Result<StaffMe, ClientError> {
    api::get("/staff/me").await
}

pub async fn sign_in(req: StaffSignIn) -> Result<StaffMe, ClientError> {
    api::post("/staff/session", &req).await
}

pub async fn sign_out() -> Result<(), ClientError> {
    api::delete("/staff/session").await
}

pub async fn queue() -> Result<Vec<QueueItem>, ClientError> {
    api::get("/staff/assistance/queue").await
}

pub async fn application(reference: String) -> Result<ApplicationView, ClientError> {
    api::get(&format!("/staff/assistance/applications/{}", encode(&reference))).await
}

pub async fn review(req: (String, StaffReview)) -> Result<ApplicationView, ClientError> {
    let (reference, review) = req;
    api::post(&format!("/staff/assistance/applications/{}/review", encode(&reference)), &review).await
}

pub async fn check_in(req: CheckInRequest) -> Result<CheckInAnswer, ClientError> {
    api::post("/staff/check-in", &req).await
}

/// The name of a staff member's place, in the three languages, from the journeys' public lists
/// (a community or street by its code, a cemetery or registry office by its id).
pub async fn place_name(kind: PlaceKind, place: String) -> Option<LocalisedText> {
    use crate::journeys::{assistance, marriage, memorial};
    match kind {
        PlaceKind::Community => {
            assistance::api::communities().await.ok()?.into_iter().find(|c| c.code == place).map(|c| c.name)
        }
        PlaceKind::Street => {
            assistance::api::streets().await.ok()?.into_iter().find(|s| s.code == place).map(|s| s.name)
        }
        PlaceKind::Cemetery => {
            memorial::api::cemeteries().await.ok()?.into_iter().find(|c| c.id == place).map(|c| c.name)
        }
        PlaceKind::RegistryOffice => {
            marriage::api::offices().await.ok()?.into_iter().find(|o| o.id == place).map(|o| o.name)
        }
        PlaceKind::Organisation => Some(LocalisedText { zh_hans: place.clone(), zh_hant: place, en: None }),
    }
}

fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).as_string().unwrap_or_default()
}
