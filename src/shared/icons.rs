//! Small inline SVG icons (no icon font, no extra request). Decorative: hidden from screen
//! readers, the text beside them says what they mean.

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    Assistance,
    Marriage,
    Charity,
    Memorial,
    Mine,
    Phone,
    Offline,
    Chevron,
}

fn path(icon: Icon) -> &'static str {
    match icon {
        // a hand holding a heart
        Icon::Assistance => "M12 21s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 11c0 5.6-7 10-7 10z",
        // two rings
        Icon::Marriage => "M9 8a6 6 0 1 0 0 12A6 6 0 0 0 9 8zm6-4a6 6 0 1 0 0 12 6 6 0 0 0 0-12z",
        // a gift box
        Icon::Charity => "M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7c-2-3-5-3-5-1s3 1 5 1c2 0 5 1 5-1s-3-2-5 1",
        // a flower
        Icon::Memorial => {
            "M12 21v-8M12 13c-3 0-5-2-5-5 2 0 4 1 5 3 1-2 3-3 5-3 0 3-2 5-5 5zM8 17c1.5 0 3 1 4 2 1-1 2.5-2 4-2"
        }
        // a person
        Icon::Mine => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9c0-4 3-6 7-6s7 2 7 6",
        Icon::Phone => "M6 3h4l2 5-2.5 1.5a11 11 0 0 0 5 5L16 12l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2",
        Icon::Offline => "M2 8a16 16 0 0 1 20 0M5 12a11 11 0 0 1 14 0M8.5 15.5a6 6 0 0 1 7 0M12 19h0M3 3l18 18",
        Icon::Chevron => "M9 6l6 6-6 6",
    }
}

#[component]
pub fn Svg(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path
                d=path(icon)
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
            />
        </svg>
    }
}
