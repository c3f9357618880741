//! What the memorial tests share.

#![allow(dead_code)]

use crate::common::TestServer;
use serde_json::Value;

/// The owner invites and `family` accepts: `family` is then a family member of memorial `id`.
pub async fn join_family(server: &TestServer, owner: &reqwest::Client, family: &reqwest::Client, id: &str) {
    let invitation: Value = owner
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/invitations")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = invitation["token"].as_str().unwrap();
    family.post(server.url(&format!("/api/v1/memorial/invitations/{token}/accept"))).send().await.unwrap();
}
