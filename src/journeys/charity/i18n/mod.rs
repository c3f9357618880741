//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{Lang, Msg};

crate::keys! {
    MineHeading, MineEmpty,
}

fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::ZhHans => zh_hans::text(key),
        Lang::ZhHant => zh_hant::text(key),
        Lang::En => en::text(key),
    }
}

/// The message-centre text for one of this journey's events (`charity.…`), if it is one.
pub fn event_message(event: &str) -> Option<Msg> {
    let _ = event;
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_has_text_in_every_language() {
        crate::i18n::tests::assert_table_complete(super::Key::ALL);
    }
}
