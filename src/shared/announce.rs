//! The app's one polite live region. Results that arrive late — a code sent, an upload's
//! progress and end, a time just taken, places left changing — are said here once, in the words
//! of the page's language at that moment, without moving focus.
//!
//! The region is a plain element the shell renders once (`LiveRegion`); `announce` writes its
//! text straight into the DOM, because the callers are often async tasks that have no reactive
//! owner to find a context through.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const ID: &str = "live-region";

/// The region itself, rendered once by the shell, outside `<main>` so a page change keeps it.
#[component]
pub fn LiveRegion() -> impl IntoView {
    view! { <div id=ID class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div> }
}

/// Says `text` once. The region is emptied first and filled a moment later: screen readers
/// announce a change of text, so the same words twice in a row (a second upload) are still
/// heard, and the region never holds more than the latest message (nothing is repeated).
pub fn announce(text: impl Into<String>) {
    let text = text.into();
    let Some(region) = document().get_element_by_id(ID) else { return };
    region.set_text_content(None);
    let fill = wasm_bindgen::closure::Closure::once_into_js(move || region.set_text_content(Some(&text)));
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(fill.unchecked_ref(), 100);
}

/// How often a list of times looks again at its places left.
const PLACES_POLL_MS: u64 = 30_000;

/// The places left of the times a page shows, kept fresh: every 30 s the page looks again and
/// the times whose places changed since (another resident booked or cancelled) are announced,
/// e.g. "09:00–09:30: 1 place left". The list is re-read into this signal, not re-rendered, so
/// a keyboard user's focus on a time stays where it is.
#[derive(Clone, Copy)]
pub struct PlacesWatch(RwSignal<Vec<(String, u32)>>);

impl PlacesWatch {
    /// `fetch` gets each shown time's label and places left (`None` when the look failed: then
    /// nothing is said); `say` words one changed time in the current language.
    pub fn new<F, Fu>(fetch: F, say: impl Fn(&str, u32) -> String + 'static) -> Self
    where
        F: Fn() -> Fu + Clone + 'static,
        Fu: std::future::Future<Output = Option<Vec<(String, u32)>>> + 'static,
    {
        let watch = PlacesWatch(RwSignal::new(Vec::new()));
        let say = std::rc::Rc::new(say);
        let handle = set_interval_with_handle(
            move || {
                let (fetch, say) = (fetch.clone(), say.clone());
                leptos::task::spawn_local(async move {
                    if let Some(now) = fetch().await {
                        watch.seen(now, |label, n| say(label, n));
                    }
                });
            },
            std::time::Duration::from_millis(PLACES_POLL_MS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
        watch
    }

    /// The figures the page has just loaded and shows: the baseline, said by the page itself.
    pub fn reset(&self, now: Vec<(String, u32)>) {
        self.0.try_set(now);
    }

    /// The places left of the time labelled `label` as last seen (`None` before any look).
    pub fn places(&self, label: &str) -> Option<u32> {
        self.0.with(|all| all.iter().find(|(l, _)| l == label).map(|(_, n)| *n))
    }

    fn seen(&self, now: Vec<(String, u32)>, say: impl Fn(&str, u32) -> String) {
        let Some(before) = self.0.try_get_untracked() else { return };
        let changed: Vec<String> = now
            .iter()
            .filter(|(label, n)| before.iter().any(|(b, m)| b == label && m != n))
            .map(|(label, n)| say(label, *n))
            .collect();
        if !changed.is_empty() {
            announce(changed.join("; "));
        }
        self.0.try_set(now);
    }
}
