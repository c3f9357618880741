//! Submitting an application: checked by the contract's rules again (never trust the app), each
//! attached file must be the resident's own upload, and the `Idempotency-Key` makes a retried or
//! double-clicked submit create exactly one application.

use super::{notify_owner, store};
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppResult, JsonBody};
use crate::idempotency;
use crate::state::AppState;
use crate::uploads;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::*;
use baoan_contract::error::{ApiError, FieldError, FieldErrors};

/// Submit an application. Send the same `Idempotency-Key` when retrying: the first answer comes back.
#[utoipa::path(post, path = "/assistance/applications", tag = "assistance", request_body = ApplicationForm,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per submit; reuse it to retry")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 409, body = ApiError),
              (status = 403, body = ApiError, description = "identity_verification_required: verify at /mine/verify first"),
              (status = 422, body = ApiError, description = "Field errors, named by the form's paths"),
              (status = 429, body = ApiError, description = "Too many applications today; Retry-After says when")))]
pub async fn submit(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    JsonBody(mut form): JsonBody<ApplicationForm>,
) -> AppResult<Json<ApplicationView>> {
    let key = idempotency::key_from(&headers)?;
    // The law wants a real-name applicant: a verified identity where the server requires one.
    crate::auth::identity::require_verified(&state, &resident.user_id).await?;
    let today = state.clock.today();
    let communities = store::communities(&state.db).await?;
    form.validate(today, |street, code| communities.iter().any(|c| c.street == street && c.code == code))?;
    form.normalise_ids(today);
    let mut errors = FieldErrors::new();
    for doc in &form.documents {
        if uploads::owned_by(&state, &doc.upload_id, &resident.user_id).await?.is_none() {
            errors.add(&format!("documents.{}", doc.kind.code()), FieldError::AssistanceUnknownUpload);
        }
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let scope = format!("assistance.submit:{}", resident.user_id);
    let fingerprint = idempotency::fingerprint(&form);
    let view = idempotency::once(&state, &scope, &key, &fingerprint, || create(&state, &resident, form)).await?;
    Ok(Json(view))
}

/// A reference residents can read out on the phone: SA + 8 characters without look-alikes.
fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let tail: String = (0..8).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    format!("SA{tail}")
}

async fn create(state: &AppState, resident: &Resident, form: ApplicationForm) -> AppResult<ApplicationView> {
    // Counted once per application: a retried submit (same key) is answered from the first.
    crate::limits::enforce(state, &crate::limits::ASSISTANCE_SUBMITS, &resident.user_id).await?;
    let now = state.clock.now();
    let today = state.clock.today();
    let id = new_id();
    let reference = new_reference();
    let mut stored = form.clone();
    stored.documents.clear(); // documents live in their own table (more may come later)
    let form_json =
        serde_json::to_string(&stored).map_err(|_| ApiError::new(baoan_contract::ErrorCode::Internal, "serialise"))?;
    let mut tx = state.db.begin().await?;
    let new = store::NewApplication {
        id: &id,
        reference: &reference,
        user_id: &resident.user_id,
        programme: form.programme,
        state: Status::InReview,
        stage: Stage::CommunityAcceptance,
        form: &form_json,
        now,
    };
    store::insert_application(&mut tx, &new).await?;
    for (i, m) in form.members.iter().enumerate() {
        store::insert_member(&mut tx, &id, i, m, today).await?;
    }
    for d in &form.documents {
        store::add_document(&mut tx, &id, d, now).await?;
    }
    store::record(&mut tx, &id, now, today, "submitted", Some(Stage::CommunityAcceptance), None).await?;
    store::forget_draft(&mut *tx, &resident.user_id).await?;
    tx.commit().await?;
    let standards = super::standards::in_force(state).await?;
    let row = store::find(&state.db, &reference, Some(&resident.user_id)).await?;
    let view = store::view(&state.db, row, &standards).await?;
    let due = view.timeline.iter().find_map(|t| t.due_by);
    notify_owner(state, &resident.user_id, &reference, MessageEvent::AssistanceSubmitted, due, None).await?;
    Ok(view)
}
