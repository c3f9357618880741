//! Tomb-sweeping booking and online memorials (祭扫) journey. Not online yet: the page says so plainly (see its issue for what it will do).

use crate::i18n::Key;
use crate::shared::coming_soon::ComingSoon;
use leptos::prelude::*;

#[component]
pub fn Memorial() -> impl IntoView {
    view! { <ComingSoon title=Key::MemorialTitle summary=Key::MemorialSummary /> }
}
