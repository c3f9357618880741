//! Error summary: the box at the top of a form listing every problem, each a link to its field.

use crate::i18n::{field_error_key, use_i18n, Key};
use crate::shared::form::FormErrors;
use leptos::html;
use leptos::prelude::*;

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
        <div node_ref=node class="ui-error-summary" role="alert" tabindex="-1" hidden=move || !has_any()>
            <h2 class="ui-error-summary__title">{move || i18n.t(Key::ErrorSummaryTitle)}</h2>
            <ul>
                {move || {
                    general
                        .and_then(|g| g.get())
                        .map(|k| view! { <li>{crate::shared::loadable::error_text(i18n, k)}</li> })
                }}
                {move || {
                    errors
                        .0
                        .get()
                        .0
                        .into_iter()
                        .map(|(field, e)| {
                            view! {
                                <li>
                                    <a href=format!("#{field}") on:click=move |ev| focus_field(ev, &field)>
                                        {i18n.t(field_error_key(e))}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// A summary link puts the cursor in its field, with the field's label scrolled into view (a
/// plain `#id` link only scrolls, and the router would treat it as a navigation).
fn focus_field(ev: leptos::ev::MouseEvent, field: &str) {
    use wasm_bindgen::JsCast;
    // A group of radios is named by its fieldset, which cannot take focus: its first radio does.
    let Some(input) = document()
        .get_element_by_id(field)
        .map(
            |el| if el.tag_name() == "FIELDSET" { el.query_selector("input").ok().flatten().unwrap_or(el) } else { el },
        )
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    let _ = input.focus();
    if let Ok(Some(label)) = document().query_selector(&format!("label[for=\"{field}\"]")) {
        label.scroll_into_view();
    }
}
