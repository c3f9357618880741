//! A QR code as data: the server encodes (with a maintained crate), the app draws it as SVG,
//! and can keep it on the device to show at the gate or counter without a network.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QrMatrix {
    /// Modules per side.
    pub size: u32,
    /// `size × size` characters, row by row: '1' dark, '0' light.
    pub modules: String,
}

impl QrMatrix {
    pub fn is_dark(&self, x: u32, y: u32) -> bool {
        self.modules.as_bytes().get((y * self.size + x) as usize) == Some(&b'1')
    }

    /// An SVG path (`M x y h1 v1 h-1 z` per dark module) for drawing the code.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            for x in 0..self.size {
                if self.is_dark(x, y) {
                    d.push_str(&format!("M{x} {y}h1v1h-1z"));
                }
            }
        }
        d
    }
}
