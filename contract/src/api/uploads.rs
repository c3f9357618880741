//! Files residents upload: documents for an application, a memorial photo.

use serde::{Deserialize, Serialize};

/// The largest file the server accepts (the app shrinks photos well below this first).
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// What a file really is, judged by its content (never by its name or declared type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    /// Recognises a file from its first bytes; None for anything we do not accept.
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(FileKind::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Pdf => "application/pdf",
        }
    }

    pub fn from_mime(mime: &str) -> Option<FileKind> {
        [FileKind::Jpeg, FileKind::Png, FileKind::Pdf].into_iter().find(|k| k.mime() == mime)
    }
}

/// `POST /api/v1/uploads` (the raw file as the body) answers with this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadReceipt {
    pub id: String,
    pub kind: FileKind,
    pub size_bytes: i64,
    pub name: String,
}

#[cfg(test)]
mod tests;
