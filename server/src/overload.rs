//! Server-wide protection against overload: a cap on requests in progress and a time limit on
//! each request, both answered in the contract's error shape.
//!
//! - **Concurrency** (`--max-concurrent-requests`): a request beyond the cap waits up to
//!   [`QUEUE_WAIT`] for a place (a short burst is queued, not refused); if none frees, it is
//!   answered 503 `unavailable` with `Retry-After` and never reaches a handler or the database.
//! - **Time** (`--request-timeout-seconds`, uploads `--upload-timeout-seconds`): reading the body
//!   counts, so a client trickling a body byte by byte cannot hold a place for ever. A request
//!   over its time is answered 408 `timeout`; its work is dropped (an open transaction rolls back).

use crate::error::AppError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use baoan_contract::error::ErrorCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a request beyond the cap waits for a place before it is refused.
pub const QUEUE_WAIT: Duration = Duration::from_secs(1);
/// What a refused request is told: come back in this many seconds.
pub const RETRY_AFTER_SECONDS: i64 = 2;

/// The places for requests in progress.
#[derive(Clone)]
pub struct Capacity(Arc<Semaphore>);

impl Capacity {
    pub fn new(max_concurrent: usize) -> Self {
        Capacity(Arc::new(Semaphore::new(max_concurrent.max(1))))
    }
}

/// Middleware: serve the request if a place is free (or frees within [`QUEUE_WAIT`]), else 503.
pub async fn limit_concurrency(State(capacity): State<Capacity>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(QUEUE_WAIT, capacity.0.clone().acquire_owned()).await {
        Ok(Ok(_place)) => next.run(request).await,
        _ => {
            tracing::warn!(path = %request.uri().path(), "request refused: the server is at its concurrency cap");
            AppError::unavailable_for(RETRY_AFTER_SECONDS, "The server is busy; try again in a moment").into_response()
        }
    }
}

/// Middleware: answer 408 when the request (body included) takes longer than the given time.
pub async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(%path, seconds = limit.as_secs_f64(), "request timed out");
            AppError::new(ErrorCode::Timeout, "The request took too long; try again").into_response()
        }
    }
}
