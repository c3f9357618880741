//! The one i18n mechanism: every user-visible string is a `Key`, and each language file
//! (`zh_hans.rs`, `zh_hant.rs`, `en.rs`) maps every key with an exhaustive `match`, so the
//! compiler refuses a key missing from any language. No parsing at run time, nothing to
//! download, and the strings cost only their bytes in the WASM.

mod en;
mod field_errors;
mod zh_hans;
mod zh_hant;

pub use field_errors::{event_text, field_error_key, register_journey_strings, JourneyStrings};

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    ZhHans,
    ZhHant,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// The BCP 47 tag, used for `<html lang>` and for storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// Each language named in itself, so a resident can find theirs whatever is showing.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
            Lang::En => "English",
        }
    }
}

/// Any user-visible message, from the shared table below or a journey's own table
/// (each journey keeps its strings in its folder: `journeys/<name>/i18n/`).
#[derive(Clone, Copy)]
pub struct Msg {
    id: u16,
    lookup: fn(u16, Lang) -> &'static str,
}

impl Msg {
    #[doc(hidden)]
    pub const fn new(id: u16, lookup: fn(u16, Lang) -> &'static str) -> Msg {
        Msg { id, lookup }
    }
    pub fn text(self, lang: Lang) -> &'static str {
        (self.lookup)(self.id, lang)
    }
}

/// Declares a table of message keys: `keys! { A, B, … }` in a module that also defines
/// `fn text(lang: Lang, key: Key) -> &'static str` (one exhaustive `match` per language, so the
/// compiler refuses a key missing from any language). Generates `Key`, `Key::ALL` and
/// `From<Key> for Msg`.
#[macro_export]
macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// Every user-visible string of this table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u16)]
        pub enum Key { $($key),* }
        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
        impl From<Key> for $crate::i18n::Msg {
            fn from(key: Key) -> $crate::i18n::Msg {
                $crate::i18n::Msg::new(key as u16, |id, lang| text(lang, Key::ALL[id as usize]))
            }
        }
    };
}

keys! {
    // Site and shell
    SiteName, SiteOwner, BrandMark, SkipToContent, HotlineLabel, PrivacyNotice, Settings, FooterOwner,
    LanguageLabel, ElderMode, ElderModeHint, SwitchOn, SwitchOff, SettingsSavedHint,
    DemoTag, DemoExplained, OfflineBanner,
    // Loading and errors
    Loading, LoadingAccount, Retry, ErrorPrefix, ErrorSummaryTitle, ErrorNetwork, ErrorUnauthorized, ErrorNotFound,
    ErrorRateLimited, ErrorValidation, ErrorTooLarge, ErrorConflict, ErrorForbidden, ErrorServer,
    // limits slice (issue 10): how long to wait after a 429; an overloaded or slow server
    ErrorRateLimitedWait, ErrorRateLimitedWaitHours, ErrorBusy,
    // Home and the service menu
    HomeHeading, HomeLead, ServicesHeading,
    AssistanceTitle, AssistanceSummary, MarriageTitle, MarriageSummary, CharityTitle, CharitySummary,
    MemorialTitle, MemorialSummary, MineTitle, MineSummary,
    BackToHome,
    NotFoundTitle, NotFoundBody,
    // Privacy notice
    PrivacyWhatHeading, PrivacyWhatBody, PrivacyWhyHeading, PrivacyWhyBody, PrivacyProtectHeading, PrivacyProtectBody,
    PrivacyRightsHeading, PrivacyRightsBody,
    PrivacyKeepHeading, PrivacyKeepAccount, PrivacyKeepCodes, PrivacyKeepSessions, PrivacyKeepDevices, PrivacyKeepLimits,
    PrivacyKeepReplays, PrivacyKeepUploads, PrivacyKeepRecords, PrivacyTransportHeading, PrivacyTransportBody,
    PrivacyDeviceHeading, PrivacyDeviceBody,
    // Sign-in
    SignInTitle, SignInIntro, PhoneLabel, PhoneHint, SendCode, Sending, CodeSentTo, CodeLabel, CodeHint,
    SignInButton, SigningIn, ChangeNumberOrResend, SignOut,
    // Sign-in limits and signing out everywhere (issue 10, auth)
    SignOutEverywhere, SignOutEverywhereHint,
    // 我的 and profile
    NotProvided, EditProfile,
    ProfileTitle, ProfileSaved, NameLabel, NameHint, IdTypeLabel, IdTypeResident, IdTypeHkMacau, IdTypeTaiwan,
    IdTypePassport, IdNumberLabel, IdNumberHint, BirthDateFromId, Save, Saving,
    // 我的 → your data (download, delete the account)
    MyDataLink, MyDataTitle, DownloadHeading, DownloadBody, DownloadButton, DeleteHeading, DeleteBody, DeleteNothingKept,
    DeleteKeptIntro, KeptAssistance, KeptMarriage, KeptCharity, KeptProxy, DeleteStart, DeleteConfirmQuestion,
    DeleteConfirmButton, Deleting, DeleteKeep,
    // 消息 (message centre)
    MessagesTitle, MessagesLink, MessagesUnreadCount, MessagesEmpty, MessageStatusChanged, MessageUnread,
    MessageReference, MessageDeadline, MessageOpen,
    // Field errors (see field_errors.rs)
    FeRequired, FeIdLength, FeIdCharacters, FeIdRegion, FeIdBirthDate, FeIdBirthInFuture, FeIdChecksum,
    FeHkMacauPermitFormat, FeTaiwanPermitFormat, FePassportFormat, FePhoneFormat, FeNameTooLong, FeNameCharacters,
    FeSmsCodeFormat, FeSmsCodeWrong, FeSmsCodeExpired, FeSmsCodeTooManyTries, FeSmsRateLimited, FeUploadType, FeUploadTooLarge, FeUnknown,
    // Privacy (issue 10)
    FeUploadQuota,
}

/// Fills `{name}` placeholders in a translated template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_string(), |t, (name, value)| t.replace(&format!("{{{name}}}"), value))
}

pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::ZhHans => zh_hans::text(key),
        Lang::ZhHant => zh_hant::text(key),
        Lang::En => en::text(key),
    }
}

/// The current language, provided by the settings.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The text of a message in the current language (reactive: re-renders when the language changes).
    pub fn t(&self, msg: impl Into<Msg>) -> &'static str {
        msg.into().text(self.lang.get())
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
pub mod tests;

/// The words for a kind of identity document (profile, assistance, marriage all show them).
pub fn id_type_key(t: baoan_contract::rules::documents::IdType) -> Key {
    use baoan_contract::rules::documents::IdType;
    match t {
        IdType::ResidentId => Key::IdTypeResident,
        IdType::HkMacauPermit => Key::IdTypeHkMacau,
        IdType::TaiwanPermit => Key::IdTypeTaiwan,
        IdType::Passport => Key::IdTypePassport,
    }
}
