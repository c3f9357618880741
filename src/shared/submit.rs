//! One way to submit a form. `Submit` owns the request in flight (an action), the form's field
//! errors, its general error and — for a submit that must happen once — its idempotency key:
//!
//! ```ignore
//! let submit = Submit::once(draft.key, api::book).on_done(move |b: Booking| navigate(…));
//! view! { {submit.summary()} <form on:submit=move |ev| { ev.prevent_default(); submit.send(req()) }> }
//! ```
//!
//! What happens to an answer is the same on every form:
//! - accepted: the key is spent (emptied, so the next booking gets a new one) and `on_done` runs;
//! - refused with field errors (the contract's `FieldErrors`): each shown at its field and in the
//!   summary; the request will change, so the next try carries a new key;
//! - any other failure (no network, busy, server error): one general message in the summary,
//!   and the key is kept, so trying again after a dropped connection cannot make two records;
//! - too many tries (429 with a wait): with `wait_in(signal)`, the refusal goes to that signal,
//!   which the page shows as a `WaitNotice` ("try again in 5 minutes") instead of the summary;
//! - a verified identity needed (`identity_verification_required`, assistance and marriage in
//!   production): the resident is sent to 实名核验 (`/mine/verify`), which brings them back here;
//! - `on_refused` lets a page handle a refusal its own way first (offer the nearest free time);
//!   returning `true` means handled.
//!
//! The key lives where the page keeps it — normally its draft — so a reload does not change it.

use super::api::{new_idempotency_key, ClientError};
use super::form::FormErrors;
use super::loadable::error_key;
use super::ui::ErrorSummary;
use crate::i18n::Key;
use baoan_contract::error::{ApiError, ErrorCode, FieldErrors};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// Where a form keeps its idempotency key: read and written through signals, so it can be a
/// draft field (`RwSignal<String>`) or a field inside a larger draft (`create_slice`).
#[derive(Clone, Copy)]
pub struct IdempotencyKey {
    pub get: Signal<String>,
    pub set: SignalSetter<String>,
}

impl From<RwSignal<String>> for IdempotencyKey {
    fn from(s: RwSignal<String>) -> Self {
        IdempotencyKey { get: s.into(), set: s.into() }
    }
}

impl IdempotencyKey {
    fn current_or_new(&self) -> String {
        let key = self.get.get_untracked();
        if !key.is_empty() {
            return key;
        }
        let key = new_idempotency_key();
        self.set.set(key.clone());
        key
    }
}

type Sent<T> = Pin<Box<dyn Future<Output = Result<T, ClientError>>>>;
type OnDone<T> = StoredValue<Option<Box<dyn Fn(T)>>, LocalStorage>;
type OnRefused = StoredValue<Option<Box<dyn Fn(&ApiError) -> bool>>, LocalStorage>;
/// Where a 429 with a wait goes (see `wait_in`).
type Wait = RwSignal<Option<ClientError>>;

/// One form's submit (see the module comment). `R` is the request, `T` the answer.
pub struct Submit<R: Send + Sync + 'static, T: Send + Sync + 'static> {
    action: Action<(R, String), Result<T, ClientError>>,
    /// The field errors shown on the form: the page's own checks put theirs here too.
    pub errors: FormErrors,
    /// The one message that belongs to no field.
    pub general: RwSignal<Option<Key>>,
    key: Option<IdempotencyKey>,
    on_done: OnDone<T>,
    on_refused: OnRefused,
    wait: StoredValue<Option<Wait>>,
}

impl<R: Send + Sync + 'static, T: Send + Sync + 'static> Clone for Submit<R, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Send + Sync + 'static, T: Send + Sync + 'static> Copy for Submit<R, T> {}

impl<R, T> Submit<R, T>
where
    R: Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    /// A submit that is safe to repeat (a profile save, a cancellation): no key is sent.
    pub fn new<F, Fu>(send: F) -> Self
    where
        F: Fn(R) -> Fu + 'static,
        Fu: Future<Output = Result<T, ClientError>> + 'static,
    {
        Self::build(None, move |r, _| Box::pin(send(r)))
    }

    /// A submit that must make exactly one record: `send` gets the request and its key.
    pub fn once<F, Fu>(key: impl Into<IdempotencyKey>, send: F) -> Self
    where
        F: Fn(R, String) -> Fu + 'static,
        Fu: Future<Output = Result<T, ClientError>> + 'static,
    {
        Self::build(Some(key.into()), move |r, k| Box::pin(send(r, k)))
    }

    fn build(key: Option<IdempotencyKey>, send: impl Fn(R, String) -> Sent<T> + 'static) -> Self {
        let action = Action::new_local(move |(req, key): &(R, String)| send(req.clone(), key.clone()));
        let submit = Submit {
            action,
            errors: FormErrors::new(),
            general: RwSignal::new(None),
            key,
            on_done: StoredValue::new_local(None),
            on_refused: StoredValue::new_local(None),
            wait: StoredValue::new(None),
        };
        Effect::new(move |_| {
            if let Some(answer) = action.value().get() {
                submit.answered(answer);
            }
        });
        submit
    }

    /// What to do with the answer when the server accepted the request.
    pub fn on_done(self, done: impl Fn(T) + 'static) -> Self {
        self.on_done.set_value(Some(Box::new(done)));
        self
    }

    /// Shows "too many, try again in …" (a 429 with a wait) through `wait` — a page's
    /// `WaitNotice`, which several forms of one page may share — rather than in the summary.
    pub fn wait_in(self, wait: Wait) -> Self {
        self.wait.set_value(Some(wait));
        self
    }

    /// A page's own handling of a refusal, tried first; `true` when it handled it.
    pub fn on_refused(self, refused: impl Fn(&ApiError) -> bool + 'static) -> Self {
        self.on_refused.set_value(Some(Box::new(refused)));
        self
    }

    /// Sends `req`: clears the errors shown, and uses the form's key (making one if it has none).
    pub fn send(&self, req: R) {
        self.errors.clear();
        self.general.set(None);
        if let Some(wait) = self.wait.get_value() {
            wait.set(None);
        }
        let key = self.key.map(|k| k.current_or_new()).unwrap_or_default();
        self.action.dispatch((req, key));
    }

    /// Shows errors found before sending (the contract's checks, run in the browser); `true` when
    /// there were any, so the caller does not send.
    pub fn refuse(&self, errors: FieldErrors) -> bool {
        if errors.is_empty() {
            return false;
        }
        self.general.set(None);
        self.errors.set(errors);
        true
    }

    /// Whether the request is on its way (to disable the button and say so).
    pub fn pending(&self) -> Signal<bool> {
        self.action.pending().into()
    }

    /// The form's error summary: its field errors and its general error.
    pub fn summary(&self) -> impl IntoView {
        view! { <ErrorSummary errors=self.errors general=Signal::from(self.general) /> }
    }

    fn answered(&self, answer: Result<T, ClientError>) {
        match answer {
            Ok(done) => {
                if let Some(key) = self.key {
                    key.set.set(String::new());
                }
                self.on_done.with_value(|f| f.as_ref().map(|f| f(done)));
            }
            // Not carried out, so the same request (and key) may be tried again after the wait.
            Err(e @ ClientError::Api(ApiError { code: ErrorCode::RateLimited, retry_after_seconds: Some(_), .. }))
                if self.wait.get_value().is_some() =>
            {
                if let Some(wait) = self.wait.get_value() {
                    wait.set(Some(e));
                }
            }
            Err(ClientError::Api(ApiError { code: ErrorCode::IdentityVerificationRequired, .. })) => {
                self.general.set(Some(Key::ErrorVerificationRequired));
                super::session::go_verify();
            }
            Err(ClientError::Api(e)) if self.on_refused.with_value(|f| f.as_ref().is_some_and(|f| f(&e))) => {
                self.renew_key();
            }
            Err(ClientError::Api(e)) if !e.fields.is_empty() => {
                self.renew_key();
                self.errors.set(FieldErrors(e.fields));
            }
            Err(e) => self.general.set(Some(error_key(&e))),
        }
    }

    fn renew_key(&self) {
        if let Some(key) = self.key {
            key.set.set(new_idempotency_key());
        }
    }
}
