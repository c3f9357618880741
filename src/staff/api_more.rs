//! The staff endpoints of the district admins' and moderators' pages and of everyone's password,
//! one function each (the rest are in `api`).

use crate::shared::api::{self, ClientError, Empty};
use baoan_contract::memorial::reports::{ReportHandle, ReportList, ReportView};
use baoan_contract::staff::{
    AuditEntry, AuditQuery, CreatedStaffAccount, CredentialsReset, Deactivation, NewStaffAccount, PasswordChange,
    StaffAccount,
};

pub async fn accounts() -> Result<Vec<StaffAccount>, ClientError> {
    api::get("/staff/accounts").await
}

pub async fn create_account(req: NewStaffAccount) -> Result<CreatedStaffAccount, ClientError> {
    api::post("/staff/accounts", &req).await
}

pub async fn deactivate(req: (String, Deactivation)) -> Result<StaffAccount, ClientError> {
    let (id, body) = req;
    api::post(&format!("/staff/accounts/{}/deactivate", encode(&id)), &body).await
}

pub async fn reset(req: (String, CredentialsReset)) -> Result<CreatedStaffAccount, ClientError> {
    let (id, body) = req;
    api::post(&format!("/staff/accounts/{}/reset", encode(&id)), &body).await
}

pub async fn change_password(req: PasswordChange) -> Result<(), ClientError> {
    api::put::<_, Empty>("/staff/me/password", &req).await.map(|_| ())
}

/// The audit search's query string (without `?`): the filters given, and `format=csv` to export.
pub fn audit_query(q: &AuditQuery, csv: bool) -> String {
    let mut parts = Vec::new();
    for (name, value) in [("actor", &q.actor), ("action", &q.action), ("subject_id", &q.subject_id)] {
        if let Some(v) = value {
            parts.push(format!("{name}={}", encode(v)));
        }
    }
    for (name, value) in [("from", q.from), ("until", q.until)] {
        if let Some(v) = value {
            parts.push(format!("{name}={v}"));
        }
    }
    if csv {
        parts.push("format=csv".into());
    }
    parts.join("&")
}

pub async fn audit(q: AuditQuery) -> Result<Vec<AuditEntry>, ClientError> {
    api::get(&format!("/staff/audit?{}", audit_query(&q, false))).await
}

/// The address of the CSV export of the same search (a download link; the session cookie goes).
pub fn audit_csv_url(q: &AuditQuery) -> String {
    api::api_url(&format!("/staff/audit?{}", audit_query(q, true)))
}

pub async fn reports() -> Result<ReportList, ClientError> {
    api::get("/staff/memorial/reports?page_size=50").await
}

pub async fn handle_report(req: (String, ReportHandle)) -> Result<ReportView, ClientError> {
    let (id, body) = req;
    api::post(&format!("/staff/memorial/reports/{}", encode(&id)), &body).await
}

fn encode(part: &str) -> String {
    js_sys::encode_uri_component(part).as_string().unwrap_or_default()
}

pub async fn arrivals() -> Result<baoan_contract::staff::ArrivalsToday, ClientError> {
    api::get("/staff/arrivals").await
}

pub async fn proxy_requests() -> Result<baoan_contract::memorial::ProxyList, ClientError> {
    api::get("/staff/memorial/proxy?page_size=50").await
}

/// Where a photo of request `id` is uploaded (the raw JPEG or PNG body, `shared::upload`).
pub fn proxy_photo_path(id: &str) -> String {
    format!("/staff/memorial/proxy/{}/photos", encode(id))
}

pub async fn proxy_done(id: String) -> Result<baoan_contract::memorial::ProxyView, ClientError> {
    api::post(&format!("/staff/memorial/proxy/{}/done", encode(&id)), &()).await
}

/// The charity editor's projects, the next disclosure due first.
pub async fn charity_projects() -> Result<Vec<baoan_contract::charity::EditorProject>, ClientError> {
    api::get("/staff/charity/projects").await
}

/// A project as residents see it (its ledger and disclosures included).
pub async fn charity_project(id: String) -> Result<baoan_contract::charity::ProjectDetail, ClientError> {
    api::get(&format!("/charity/projects/{}", encode(&id))).await
}

pub async fn publish_line(
    req: baoan_contract::charity::LedgerLinePublication,
    key: String,
) -> Result<baoan_contract::charity::Published, ClientError> {
    api::post_once("/staff/charity/ledger-lines", &req, &key).await
}

pub async fn publish_disclosure(
    req: baoan_contract::charity::DisclosurePublication,
    key: String,
) -> Result<baoan_contract::charity::Published, ClientError> {
    api::post_once("/staff/charity/disclosures", &req, &key).await
}
