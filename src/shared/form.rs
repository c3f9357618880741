//! Form pieces in the GOV.UK pattern: a label, an optional hint, the error next to the field
//! saying how to fix it, and an error summary at the top linking to each bad field. Errors from
//! the app's own checks and from the server arrive in the same shape (the contract's FieldErrors).

use crate::i18n::{field_error_key, use_i18n, Key, Msg};
use baoan_contract::error::{FieldError, FieldErrors};
use leptos::html;
use leptos::prelude::*;

/// The errors currently shown on one form, keyed by field name.
#[derive(Clone, Copy)]
pub struct FormErrors(pub RwSignal<FieldErrors>);

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FormErrors {
    pub fn new() -> Self {
        FormErrors(RwSignal::new(FieldErrors::new()))
    }
    pub fn of(&self, field: &'static str) -> Signal<Option<FieldError>> {
        let errors = self.0;
        Signal::derive(move || errors.with(|e| e.get(field)))
    }
    pub fn set(&self, errors: FieldErrors) {
        self.0.set(errors);
    }
    pub fn clear(&self) {
        self.0.set(FieldErrors::new());
    }
}

/// A one-line text input with label, hint and error message.
#[component]
pub fn TextField(
    /// The field's name in the request body; also its element id.
    name: &'static str,
    #[prop(into)] label: Msg,
    #[prop(optional, into)] hint: Option<Msg>,
    value: RwSignal<String>,
    errors: FormErrors,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = errors.of(name);
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <label for=name>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>
                    {i18n.t(field_error_key(e))}
                </p>
            })}
            <input
                id=name
                name=name
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The box at the top of a form listing every problem, each a link to its field. It takes
/// focus when it appears so screen-reader and keyboard users land on it.
#[component]
pub fn ErrorSummary(errors: FormErrors, #[prop(optional)] general: Option<Signal<Option<Key>>>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Div>::new();
    let has_any = move || !errors.0.with(|e| e.is_empty()) || general.map(|g| g.get().is_some()).unwrap_or(false);
    Effect::new(move |_| {
        if has_any() {
            if let Some(el) = node.get() {
                // After the frame that un-hides it: a hidden element cannot take focus.
                request_animation_frame(move || {
                    let _ = el.focus();
                });
            }
        }
    });
    view! {
        <div node_ref=node class="error-summary" role="alert" tabindex="-1" hidden=move || !has_any()>
            <h2 class="error-summary-title">{move || i18n.t(Key::ErrorSummaryTitle)}</h2>
            <ul>
                {move || general.and_then(|g| g.get()).map(|k| view! { <li>{super::loadable::error_text(i18n, k)}</li> })}
                {move || errors.0.get().0.into_iter().map(|(field, e)| view! {
                    <li><a href=format!("#{field}") on:click=move |ev| focus_field(ev, &field)>{i18n.t(field_error_key(e))}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// A summary link puts the cursor in its field, with the field's label scrolled into view (a
/// plain `#id` link only scrolls, and the router would treat it as a navigation).
fn focus_field(ev: leptos::ev::MouseEvent, field: &str) {
    use wasm_bindgen::JsCast;
    let Some(input) = document().get_element_by_id(field).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    let _ = input.focus();
    if let Ok(Some(label)) = document().query_selector(&format!("label[for=\"{field}\"]")) {
        label.scroll_into_view();
    }
}
