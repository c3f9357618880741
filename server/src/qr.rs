//! Encodes check-in references as QR codes for the app to draw.

use baoan_contract::api::QrMatrix;
use qrcode::{Color, EcLevel, QrCode};

/// A QR matrix for `text` (medium error correction: survives a scuffed phone screen).
pub fn encode(text: &str) -> QrMatrix {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).expect("short references always fit");
    let size = code.width() as u32;
    let modules = code.to_colors().into_iter().map(|c| if c == Color::Dark { '1' } else { '0' }).collect();
    QrMatrix { size, modules }
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_a_square_matrix_with_finder_patterns() {
        let m = super::encode("BA-M-20260520-0001");
        assert_eq!(m.modules.len() as u32, m.size * m.size);
        // The top-left finder pattern: a dark 7-module border.
        assert!((0..7).all(|i| m.is_dark(i, 0) && m.is_dark(0, i)));
        assert!(!m.is_dark(1, 1));
    }
}
