//! Marriage registration booking (婚姻登记预约) journey. Not online yet: the page says so plainly (see its issue for what it will do).

use crate::i18n::Key;
use crate::shared::coming_soon::ComingSoon;
use leptos::prelude::*;

#[component]
pub fn Marriage() -> impl IntoView {
    view! { <ComingSoon title=Key::MarriageTitle summary=Key::MarriageSummary /> }
}
