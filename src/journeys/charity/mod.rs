//! Charity projects and named funds (慈善) journey. Not online yet: the page says so plainly (see its issue for what it will do).

use crate::i18n::Key;
use crate::shared::coming_soon::ComingSoon;
use leptos::prelude::*;

#[component]
pub fn Charity() -> impl IntoView {
    view! { <ComingSoon title=Key::CharityTitle summary=Key::CharitySummary /> }
}
