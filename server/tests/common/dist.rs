//! The test dist folder: pages like scripts/build-app.sh's output, for the web-app tests.
#![allow(dead_code)]

use tempfile::TempDir;

/// The inline module script of the test index.html: the CSP must allow exactly this by hash.
pub const INLINE_SCRIPT: &str = "import init from '/app-0123456789abcdef.js'; init('/app-0123456789abcdef_bg.wasm');";
/// A marker only the test index.html contains, to recognise it in responses.
pub const INDEX_MARKER: &str = "baoan-test-index-page";

/// The charity bundle's page in the test dist folder (the other bundles have none there, so
/// their paths fall back to index.html): its own loader and marker.
pub const CHARITY_INLINE_SCRIPT: &str =
    "import init from '/charity-0123456789abcdef.js'; init('/charity-0123456789abcdef_bg.wasm');";
pub const CHARITY_MARKER: &str = "baoan-test-charity-page";

pub fn charity_html() -> String {
    index_html().replace(INDEX_MARKER, CHARITY_MARKER).replace(INLINE_SCRIPT, CHARITY_INLINE_SCRIPT)
}

pub fn index_html() -> String {
    format!(
        "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>{INDEX_MARKER}</title>\
         <script src=\"/boot.js\"></script>\
         <script type=\"module\">{INLINE_SCRIPT}</script></head>\
         <body><main id=\"{INDEX_MARKER}\"></main></body></html>"
    )
}

/// The body of the static `/boot.js` in the test dist folder.
pub const BOOT_JS: &str = "console.log('boot');\n";

/// A dist folder like scripts/build-app.sh's output: index.html and charity.html (each with an
/// inline loader and an external script) and assets.
pub fn make_dist() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dist dir");
    std::fs::write(dir.path().join("index.html"), index_html()).unwrap();
    std::fs::write(dir.path().join("charity.html"), charity_html()).unwrap();
    std::fs::write(dir.path().join("boot.js"), BOOT_JS).unwrap();
    std::fs::write(dir.path().join("app-0123456789abcdef.js"), "export default function init() {}\n").unwrap();
    dir
}
