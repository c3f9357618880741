//! The component gallery's sample data (`src/bin/gallery.rs`), in the three languages like every
//! other visible text: `i18n/*.json` beside this file. Fictional, and labelled so. Only the
//! gallery binary uses it; the production bundles link none of it.

crate::string_table!("gallery/i18n");
