//! Every key has text in every language, counts take their plural form, and every contract error is
//! translated. (That every language has every key with the same placeholders is checked by the build
//! step: build/strings.rs.)

use super::*;
use baoan_contract::error::FieldError;

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Car plates start with a province character (粤B12345): an English sentence may quote one.
fn without_plate_examples(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::new();
    for (i, c) in chars.iter().enumerate() {
        let starts_plate = has_han(&c.to_string()) && chars.get(i + 1).is_some_and(|n| n.is_ascii_uppercase());
        if !starts_plate {
            kept.push(*c);
        }
    }
    kept
}

/// Checks one table of keys (the shared one here; each journey's table calls this too).
pub fn assert_table_complete<K: Copy + std::fmt::Debug + Into<Msg>>(keys: &[K]) {
    for key in keys {
        for lang in Lang::ALL {
            let t = (*key).into().text(lang);
            assert!(!t.trim().is_empty(), "{key:?} is empty in {lang:?}");
        }
        let en = (*key).into().text(Lang::En);
        assert!(!has_han(&without_plate_examples(en)), "{key:?} in English contains Chinese: {en}");
    }
}

#[test]
fn every_key_has_text_in_every_language() {
    assert_table_complete(Key::ALL);
}

#[test]
fn english_text_has_no_chinese_and_chinese_text_is_chinese() {
    for key in Key::ALL {
        assert!(!has_han(text(Lang::En, *key)), "{key:?} in English contains Chinese");
        if *key != Key::BrandMark {
            assert!(has_han(text(Lang::ZhHans, *key)), "{key:?} in 简体 has no Chinese");
            assert!(has_han(text(Lang::ZhHant, *key)), "{key:?} in 繁體 has no Chinese");
        }
    }
}

#[test]
fn traditional_is_not_a_copy_of_simplified_where_they_should_differ() {
    // A sample of keys whose simplified text contains characters that differ in traditional.
    for key in [Key::SiteName, Key::ElderMode, Key::SignInTitle, Key::FePhoneFormat, Key::ErrorNetwork] {
        assert_ne!(text(Lang::ZhHans, key), text(Lang::ZhHant, key), "{key:?}");
    }
}

#[test]
fn every_contract_field_error_has_its_own_message() {
    let generic = Msg::from(Key::FeUnknown).text(Lang::En);
    // A bundle without a journey has its errors' messages only in the generic form...
    crate::i18n::register_journey_strings(&[]);
    assert_eq!(field_error_key(FieldError::CharityAmountTooLarge).text(Lang::En), generic);
    assert_eq!(field_error_key(FieldError::PhoneFormat).text(Lang::En), Msg::from(Key::FePhoneFormat).text(Lang::En));
    // ...and with every journey registered (the 我的 bundle) and the staff pages' table (the
    // staff bundle), every error has its own.
    let mut all = crate::journeys::ALL_STRINGS.to_vec();
    all.push(crate::staff::i18n::STRINGS);
    crate::i18n::register_journey_strings(&all);
    for e in FieldError::ALL {
        let msg = field_error_key(*e);
        for lang in Lang::ALL {
            assert!(!msg.text(lang).trim().is_empty(), "{e:?} has no message in {lang:?}");
        }
        assert_ne!(msg.text(Lang::En), generic, "{e:?} falls back to the generic message");
    }
}

#[test]
fn every_message_centre_event_has_its_own_message() {
    let generic = Msg::from(Key::MessageStatusChanged).text(Lang::En);
    crate::i18n::register_journey_strings(&crate::journeys::ALL_STRINGS);
    for event in baoan_contract::api::MessageEvent::ALL {
        let msg = crate::i18n::event_text(*event);
        for lang in Lang::ALL {
            assert!(!msg.text(lang).trim().is_empty(), "{event:?} has no message in {lang:?}");
        }
        assert_ne!(msg.text(Lang::En), generic, "{event:?} falls back to the generic message");
    }
}

#[test]
fn english_counts_take_their_plural_form() {
    let wait = Msg::from(Key::ErrorRateLimitedWait);
    let words = |lang, n: i64| fill(wait.plural(lang, n), &[("minutes", &n.to_string())]);
    assert_eq!(words(Lang::En, 1), "Too many attempts. Please try again in 1 minute.");
    assert_eq!(words(Lang::En, 2), "Too many attempts. Please try again in 2 minutes.");
    assert_eq!(words(Lang::En, 0), "Too many attempts. Please try again in 0 minutes.");
    // Chinese has one form for every count.
    assert_eq!(words(Lang::ZhHans, 1), "操作太频繁，请 1 分钟后再试。");
    assert_eq!(words(Lang::ZhHans, 2), "操作太频繁，请 2 分钟后再试。");
    // Without a count, a plural key gives the form for most counts; a plain key ignores the count.
    assert_eq!(wait.text(Lang::En), wait.plural(Lang::En, 2));
    assert_eq!(Msg::from(Key::Retry).plural(Lang::En, 1), text(Lang::En, Key::Retry));
}

#[test]
fn language_tags_round_trip() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
    assert_eq!(Lang::from_tag("fr"), None);
}

#[test]
fn the_splash_says_what_the_home_page_says() {
    // index.html paints the home page's opening words before the wasm arrives (fast first
    // paint on a slow phone); they must stay the same as the app's own.
    let page = include_str!("../../index.html");
    for lang in Lang::ALL {
        for (class, key) in [("boot-heading", Key::HomeHeading), ("boot-lead", Key::HomeLead)] {
            let tag = format!("<p class=\"{class}\" lang=\"{}\">{}</p>", lang.tag(), text(lang, key));
            assert!(page.contains(&tag), "index.html lacks {tag}");
        }
    }
}
