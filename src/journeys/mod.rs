//! The four journeys, one folder each.

pub mod assistance;
pub mod charity;
pub mod marriage;
pub mod memorial;

/// Every journey's strings (field errors, message-centre events): the 我的 bundle shows all
/// their records and messages.
pub const ALL_STRINGS: [crate::i18n::JourneyStrings; 4] =
    [assistance::i18n::STRINGS, charity::i18n::STRINGS, marriage::i18n::STRINGS, memorial::i18n::STRINGS];
