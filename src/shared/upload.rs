//! Uploading a file with a progress bar (XMLHttpRequest: fetch cannot report upload progress),
//! and shrinking phone photos in the browser first so they upload quickly on a mobile network.
//! This is the app's one XHR, kept only for that progress bar; every other request goes through
//! `shared::api` (fetch, via gloo-net).
#![allow(dead_code)] // Shared by the journeys that upload documents and photos (assistance, memorial).

use super::api::{api_url, ClientError};
use baoan_contract::api::UploadReceipt;
use baoan_contract::error::{ApiError, ErrorCode};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, HtmlCanvasElement, ProgressEvent, XmlHttpRequest};

/// Photos are scaled so their longer side is at most this many pixels.
pub const MAX_PHOTO_SIDE: f64 = 1600.0;

/// Uploads `blob` to `POST /api/v1/uploads`; `on_progress` gets 0.0–1.0 as bytes go out.
pub async fn upload(
    blob: &Blob,
    name: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<UploadReceipt, ClientError> {
    upload_to("/uploads", blob, name, on_progress).await
}

/// Uploads `blob` as the raw body of `POST /api/v1{path}` (the uploads endpoint, or one that
/// takes a file of its own, like a staff member's photo of a grave) and reads its JSON answer.
pub async fn upload_to<T: serde::de::DeserializeOwned>(
    path: &str,
    blob: &Blob,
    name: &str,
    on_progress: impl Fn(f64) + 'static,
) -> Result<T, ClientError> {
    let xhr = XmlHttpRequest::new().map_err(|_| ClientError::Network)?;
    xhr.open("POST", &api_url(path)).map_err(|_| ClientError::Network)?;
    xhr.set_with_credentials(true);
    let encoded = js_sys::encode_uri_component(name).as_string().unwrap_or_default();
    let _ = xhr.set_request_header("X-File-Name", &encoded);
    let _ = xhr.set_request_header("Accept", "application/json");
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            on_progress(e.loaded() / e.total());
        }
    });
    if let Ok(target) = xhr.upload() {
        target.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // Resolve when the request ends, whichever way.
    let done = js_sys::Promise::new(&mut |resolve, _reject| {
        let resolve = Rc::new(RefCell::new(Some(resolve)));
        for event in ["load", "error", "abort", "timeout"] {
            let resolve = resolve.clone();
            let cb = Closure::<dyn Fn()>::new(move || {
                if let Some(r) = resolve.borrow_mut().take() {
                    let _ = r.call0(&JsValue::NULL);
                }
            });
            let _ = xhr.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
            cb.forget();
        }
    });
    xhr.send_with_opt_blob(Some(blob)).map_err(|_| ClientError::Network)?;
    let _ = JsFuture::from(done).await;
    drop(progress);
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    if status == 0 {
        return Err(ClientError::Network);
    }
    let parsed = js_sys::JSON::parse(&text).ok();
    if (200..300).contains(&status) {
        parsed
            .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
            .ok_or_else(|| ClientError::Api(ApiError::new(ErrorCode::Internal, "unreadable response")))
    } else {
        let err = parsed
            .and_then(|v| serde_wasm_bindgen::from_value::<ApiError>(v).ok())
            .unwrap_or_else(|| ApiError::new(ErrorCode::Internal, "upload failed"));
        Err(ClientError::Api(err))
    }
}

/// Shrinks a JPEG/PNG photo to at most `MAX_PHOTO_SIDE` pixels and re-encodes it as JPEG;
/// anything else (a PDF, an unreadable image) is returned unchanged.
pub async fn shrink_photo(file: Blob) -> Blob {
    if !file.type_().starts_with("image/") {
        return file;
    }
    match shrink(&file).await {
        Some(smaller) if smaller.size() < file.size() => smaller,
        _ => file,
    }
}

async fn shrink(file: &Blob) -> Option<Blob> {
    let window = web_sys::window()?;
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(file).ok()?).await.ok()?.dyn_into().ok()?;
    let (w, h) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (MAX_PHOTO_SIDE / w.max(h)).min(1.0);
    let (tw, th) = ((w * scale).round(), (h * scale).round());
    let canvas: HtmlCanvasElement = window.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(tw as u32);
    canvas.set_height(th as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, tw, th).ok()?;
    let blob = js_sys::Promise::new(&mut |resolve, _| {
        let cb = Closure::once_into_js(move |b: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &b);
        });
        let _ =
            canvas.to_blob_with_type_and_encoder_options(cb.unchecked_ref(), "image/jpeg", &JsValue::from_f64(0.82));
    });
    JsFuture::from(blob).await.ok()?.dyn_into().ok()
}

/// The `change` handler of a file input for a document or photo: shrinks a photo, uploads it
/// with `progress` (0.0–1.0, `None` when done) and hands the receipt to `on_uploaded`, or the
/// error to `failure`. The input is cleared so choosing the same file again retries.
/// The start, each quarter of the way and the end are announced (`shared::announce`); a failure
/// is the field's own alert.
pub fn upload_on_change(
    progress: leptos::prelude::RwSignal<Option<f64>>,
    failure: leptos::prelude::RwSignal<Option<ClientError>>,
    on_uploaded: leptos::prelude::Callback<UploadReceipt>,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    upload_on_change_to("/uploads", progress, failure, on_uploaded)
}

/// `upload_on_change` for an endpoint of its own (`path` under `/api/v1`) answering `T`.
pub fn upload_on_change_to<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
    path: &str,
    progress: leptos::prelude::RwSignal<Option<f64>>,
    failure: leptos::prelude::RwSignal<Option<ClientError>>,
    on_uploaded: leptos::prelude::Callback<T>,
) -> impl Fn(leptos::ev::Event) + Copy + 'static {
    use crate::i18n::{fill, Key};
    use leptos::prelude::{Callable, GetValue, Set};
    let i18n = crate::i18n::use_i18n();
    let path = leptos::prelude::StoredValue::new(path.to_string());
    move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        failure.set(None);
        progress.set(Some(0.0));
        super::announce::announce(i18n.t(Key::UploadStarted));
        leptos::task::spawn_local(async move {
            let name = file.name();
            let blob = shrink_photo(file.into()).await;
            let quarter = std::cell::Cell::new(0);
            let on_progress = move |p: f64| {
                progress.set(Some(p));
                // Said at 25, 50 and 75 %, each once; the end has its own words.
                let now = ((p * 4.0).floor() as i32).min(3);
                if now > quarter.replace(now.max(quarter.get())) {
                    let percent = (now * 25).to_string();
                    super::announce::announce(fill(i18n.t(Key::UploadProgress), &[("percent", &percent)]));
                }
            };
            let result = upload_to::<T>(&path.get_value(), &blob, &name, on_progress).await;
            progress.set(None);
            match result {
                Ok(receipt) => {
                    super::announce::announce(i18n.t(Key::UploadDone));
                    on_uploaded.run(receipt)
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    }
}

/// What a failed upload says: the field error the server named (wrong type, too large), else
/// the request's own error (network, server).
pub fn upload_failure_message(e: &ClientError) -> crate::i18n::Msg {
    match e {
        ClientError::Api(api) if !api.fields.is_empty() => {
            crate::i18n::field_error_key(*api.fields.values().next().unwrap())
        }
        other => super::loadable::error_key(other).into(),
    }
}
