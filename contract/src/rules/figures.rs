//! Where a policy figure comes from. Every figure that decides something for a resident (an
//! assistance standard, a review deadline, a registry's busy dates, a cemetery's capacity) carries
//! one [`Provenance`], so a page can say what the figure rests on and since when, and so that a
//! figure nobody official has set (an example in demonstration data) is never passed off as policy.

use super::date::Date;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

mod glossary;
pub use glossary::{article_text, document_title};

/// What a figure rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// A published document: its title and the place in it (chapter, article, paragraph).
    Document { document: String, article: String },
    /// The district set it (through the staff API or `baoan-server standards import`) without a
    /// published document to cite.
    SetByDistrict,
    /// Demonstration data only: no official source. Shown as 示例 and refused by the live service.
    Example,
}

impl Basis {
    /// The stored form: the kind (`document`, `set_by_district`, `example`) and, for a
    /// document, its title and the place in it. Every store keeps a source in these columns.
    pub fn columns(&self) -> (&'static str, Option<String>, Option<String>) {
        match self {
            Basis::Document { document, article } => ("document", Some(document.clone()), Some(article.clone())),
            Basis::SetByDistrict => ("set_by_district", None, None),
            Basis::Example => ("example", None, None),
        }
    }

    /// Back from the stored form; `None` for an unknown kind or a document without its title
    /// or place.
    pub fn from_columns(kind: &str, document: Option<String>, article: Option<String>) -> Option<Basis> {
        match kind {
            "document" => Some(Basis::Document { document: document?, article: article? }),
            "set_by_district" => Some(Basis::SetByDistrict),
            "example" => Some(Basis::Example),
            _ => None,
        }
    }
}

/// A figure's basis and the first day it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provenance {
    pub basis: Basis,
    pub effective_from: Date,
}

/// Longest document title or article reference kept (a title, not a copy of the text).
pub const SOURCE_MAX_CHARS: usize = 200;

impl Provenance {
    pub fn example(effective_from: Date) -> Provenance {
        Provenance { basis: Basis::Example, effective_from }
    }

    pub fn is_example(&self) -> bool {
        self.basis == Basis::Example
    }

    /// Whether the live service refuses this figure: an example, where examples are not allowed
    /// (`allow_examples` is true only on demonstration data). The one rule for every figure a
    /// district sets: assistance standards, cemetery capacities, a window's places per slot.
    pub fn refused_by_service(&self, allow_examples: bool) -> bool {
        self.is_example() && !allow_examples
    }

    /// [`Provenance::check`], then [`Provenance::refused_by_service`] as the same error.
    pub fn check_for_service(&self, allow_examples: bool) -> Result<(), FieldError> {
        self.check()?;
        if self.refused_by_service(allow_examples) {
            Err(FieldError::FigureSource)
        } else {
            Ok(())
        }
    }

    /// A document source names both the document and the place in it, each non-blank and short.
    pub fn check(&self) -> Result<(), FieldError> {
        match &self.basis {
            Basis::Document { document, article } => {
                for text in [document, article] {
                    let chars = text.trim().chars().count();
                    if chars == 0 || chars > SOURCE_MAX_CHARS {
                        return Err(FieldError::FigureSource);
                    }
                }
                Ok(())
            }
            Basis::SetByDistrict | Basis::Example => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Date {
        Date::new(2020, 1, 1).unwrap()
    }

    #[test]
    fn a_document_source_needs_title_and_place() {
        let doc = |d: &str, a: &str| Provenance {
            basis: Basis::Document { document: d.into(), article: a.into() },
            effective_from: day(),
        };
        assert_eq!(doc("plan", "1.2").check(), Ok(()));
        assert_eq!(doc(" ", "1.2").check(), Err(FieldError::FigureSource));
        assert_eq!(doc("plan", "").check(), Err(FieldError::FigureSource));
        assert_eq!(doc(&"x".repeat(201), "1").check(), Err(FieldError::FigureSource));
        assert_eq!(Provenance::example(day()).check(), Ok(()));
    }

    #[test]
    fn the_live_service_refuses_examples_only() {
        let example = Provenance::example(day());
        assert_eq!(example.check_for_service(true), Ok(()));
        assert_eq!(example.check_for_service(false), Err(FieldError::FigureSource));
        let set = Provenance { basis: Basis::SetByDistrict, effective_from: day() };
        assert_eq!(set.check_for_service(false), Ok(()));
        let bad =
            Provenance { basis: Basis::Document { document: "".into(), article: "1".into() }, effective_from: day() };
        assert_eq!(bad.check_for_service(true), Err(FieldError::FigureSource));
    }

    #[test]
    fn the_stored_form_goes_both_ways() {
        let doc = Basis::Document { document: "plan".into(), article: "1.2".into() };
        for basis in [doc, Basis::SetByDistrict, Basis::Example] {
            let (kind, document, article) = basis.columns();
            assert_eq!(Basis::from_columns(kind, document, article), Some(basis));
        }
        assert_eq!(Basis::from_columns("document", Some("plan".into()), None), None);
        assert_eq!(Basis::from_columns("rumour", None, None), None);
    }

    #[test]
    fn the_wire_form_is_tagged_by_kind() {
        let p = Provenance { basis: Basis::SetByDistrict, effective_from: day() };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json, serde_json::json!({"basis": {"kind": "set_by_district"}, "effective_from": "2020-01-01"}));
        let back: Provenance = serde_json::from_value(json).unwrap();
        assert_eq!(back, p);
    }
}
