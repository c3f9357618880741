//! Draws a QR code the server encoded (contract `QrMatrix`) as inline SVG: crisp at any size,
//! no image request, and it can be kept on the device to show offline.
#![allow(dead_code)] // Shared by the journeys that issue check-in codes (marriage, memorial).

use crate::i18n::{use_i18n, Msg};
use baoan_contract::api::QrMatrix;
use leptos::prelude::*;

#[component]
pub fn QrCode(matrix: QrMatrix, #[prop(into)] label: Msg) -> impl IntoView {
    let i18n = use_i18n();
    // A quiet zone of 4 modules around the code, as scanners expect.
    let view_box = format!("-4 -4 {} {}", matrix.size + 8, matrix.size + 8);
    let path = matrix.svg_path();
    view! {
        <svg
            class="qr-code"
            viewBox=view_box
            role="img"
            aria-label=move || i18n.t(label)
            shape-rendering="crispEdges"
            xmlns="http://www.w3.org/2000/svg"
        >
            <rect x="-4" y="-4" width="100%" height="100%" fill="#fff" />
            <path d=path fill="#000" />
        </svg>
    }
}
