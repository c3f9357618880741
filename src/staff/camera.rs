//! Reading a QR code with the phone's camera, where the browser can: `BarcodeDetector` (found by
//! feature detection through `js_sys::Reflect`, as it is not in every browser) on the frames of
//! the rear camera's video (`getUserMedia`). Scans a few frames a second until a code is found,
//! then stops the camera and lets go of the video. Where either is missing, the page offers the
//! typed reference only.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};

/// How long between two looks at the video for a code.
const FRAME_GAP_MS: i32 = 250;

/// Whether this browser can scan: `window.BarcodeDetector` and a camera API both exist.
pub fn supported() -> bool {
    let detector = Reflect::get(&window(), &"BarcodeDetector".into()).is_ok_and(|d| d.is_function());
    detector && window().navigator().media_devices().is_ok()
}

/// A running scan: the camera's stream, the video showing it, and whether to go on looking.
#[derive(Clone)]
pub struct Scanner {
    stream: MediaStream,
    video: HtmlVideoElement,
    running: Rc<Cell<bool>>,
}

impl Scanner {
    /// Stops looking, turns the camera off and empties the video (no last frame left on screen).
    pub fn stop(&self) {
        self.running.set(false);
        for track in self.stream.get_tracks().iter() {
            if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                track.stop();
            }
        }
        self.video.set_src_object(None);
    }
}

/// Starts the rear camera in `video` and looks for a QR code; `found` gets its text once, after
/// the camera has been stopped. `Err` when the camera or the detector cannot be had (the detector
/// is made first, so a camera is never left on for want of one).
pub async fn start(video: HtmlVideoElement, found: impl Fn(String) + 'static) -> Result<Scanner, JsValue> {
    let ctor: Function = Reflect::get(&window(), &"BarcodeDetector".into())?.dyn_into()?;
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
    let detector = Reflect::construct(&ctor, &Array::of1(&options))?;
    let detect: Function = Reflect::get(&detector, &"detect".into())?.dyn_into()?;
    let devices = window().navigator().media_devices()?;
    let constraints = MediaStreamConstraints::new();
    let camera = Object::new();
    Reflect::set(&camera, &"facingMode".into(), &"environment".into())?;
    constraints.set_video(&camera);
    let stream: MediaStream =
        JsFuture::from(devices.get_user_media_with_constraints(&constraints)?).await?.dyn_into()?;
    video.set_src_object(Some(&stream));
    video.set_muted(true);
    // `play()` answers a promise that is refused if the video is emptied before it plays (the
    // camera stopped at once): awaited here, so that is not an uncaught error.
    if let Ok(playing) = video.play() {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(playing).await;
        });
    }
    let scanner = Scanner { stream, video: video.clone(), running: Rc::new(Cell::new(true)) };
    let (running, looking) = (scanner.running.clone(), scanner.clone());
    leptos::task::spawn_local(async move {
        while running.get() {
            sleep(FRAME_GAP_MS).await;
            if !running.get() {
                break;
            }
            let Ok(looked) = detect.call1(&detector, &video).and_then(|p| p.dyn_into::<Promise>()) else { continue };
            let Ok(codes) = JsFuture::from(looked).await else { continue };
            // Stopped while the detector looked: what it saw is no longer wanted.
            if !running.get() {
                break;
            }
            let first = Array::from(&codes).get(0);
            let text = Reflect::get(&first, &"rawValue".into()).ok().and_then(|v| v.as_string());
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                looking.stop();
                found(text);
                break;
            }
        }
    });
    Ok(scanner)
}

async fn sleep(ms: i32) {
    let wait = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(wait).await;
}
