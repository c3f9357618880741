//! Project photos: staff attach them (an image file plus alt text); the public reads them.

use super::money::plain_text;
use crate::api::LocalisedText;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// Alt text is at most this many characters (a sentence, not a caption essay).
pub const MAX_PHOTO_ALT_CHARS: usize = 120;

/// One photo of a project, as the project page shows it. `width`/`height` are the stored
/// image's pixels, so the page can reserve the box before the image arrives (nothing shifts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectPhoto {
    pub id: String,
    /// What the photo shows, for screen readers and when the image cannot load. Never empty.
    pub alt: LocalisedText,
    pub width: i64,
    pub height: i64,
}

/// The API path that serves a photo's bytes (under /api/v1).
pub fn photo_path(id: &str) -> String {
    format!("/charity/photos/{id}")
}

/// `POST /api/v1/staff/charity/projects/{id}/photos?alt=…` (the charity editor of the project's
/// organisation; the image is the raw body).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhotoUpload {
    /// Alt text: required, plain text, at most [`MAX_PHOTO_ALT_CHARS`] characters.
    #[serde(default)]
    pub alt: String,
}

/// Written by hand: the derive drops `required` from a parameter whose schema is built by a function.
#[cfg(feature = "openapi")]
impl utoipa::IntoParams for PhotoUpload {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        let alt = ParameterBuilder::new()
            .name("alt")
            .parameter_in(ParameterIn::Query)
            .required(utoipa::openapi::Required::True)
            .description(Some("Alt text: required, plain text, at most MAX_PHOTO_ALT_CHARS characters."))
            .schema(Some(crate::schema::charity_required_text::<{ MAX_PHOTO_ALT_CHARS }>()));
        vec![alt.build()]
    }
}

/// Alt text: trimmed, not empty, plain text, at most [`MAX_PHOTO_ALT_CHARS`] characters.
/// (Its length and character errors share the gift message's codes: the same kind of text.)
pub fn validate_photo_alt(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > MAX_PHOTO_ALT_CHARS {
        return Err(FieldError::CharityMessageTooLong);
    }
    if !plain_text(s) {
        return Err(FieldError::CharityMessageCharacters);
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests;
