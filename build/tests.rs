//! The build step's checker (build/strings.rs) catches every kind of mistake in a table of
//! strings, naming the file and the key; and a good table becomes the code the app compiles.

mod strings;

use strings::{check, generate};

const DIR: &str = "src/journeys/example/i18n";

/// A table of three files, from (zh-Hans, zh-Hant, en) contents.
fn table(zh_hans: &str, zh_hant: &str, en: &str) -> Result<strings::Table, String> {
    check(DIR, &[("zh-Hans", Some(zh_hans)), ("zh-Hant", Some(zh_hant)), ("en", Some(en))])
}

fn error(zh_hans: &str, zh_hant: &str, en: &str) -> String {
    match table(zh_hans, zh_hant, en) {
        Ok(_) => panic!("the checker accepted a bad table"),
        Err(e) => e,
    }
}

const GOOD_ZH: &str = r#"{"Title": "标题", "PlacesLeft": "剩余 {n} 个名额"}"#;
const GOOD_EN: &str = r#"{"Title": "Title", "PlacesLeft": {"one": "1 place left", "other": "{n} places left"}}"#;

#[test]
fn a_good_table_passes_and_keeps_the_order_written() {
    let t = table(GOOD_ZH, GOOD_ZH, GOOD_EN).unwrap();
    assert_eq!(t.keys, ["Title", "PlacesLeft"]);
    let code = generate(DIR, &t);
    assert!(code.contains("pub enum Key {\n    Title,\n    PlacesLeft,\n}"), "{code}");
    assert!(code.contains("\"{n} places left\""), "{code}");
    assert!(code.contains("(1, crate::i18n::Lang::En, \"1 place left\")"), "{code}");
}

#[test]
fn a_key_missing_in_a_language_fails() {
    let e = error(GOOD_ZH, r#"{"Title": "標題"}"#, GOOD_EN);
    assert_eq!(e, format!("{DIR}/zh-Hant.json: key \"PlacesLeft\" is missing (zh-Hans.json has it)"));
}

#[test]
fn a_key_only_one_language_has_fails() {
    let en = r#"{"Title": "Title", "PlacesLeft": "{n} places left", "Extra": "More"}"#;
    let e = error(GOOD_ZH, GOOD_ZH, en);
    assert_eq!(e, format!("{DIR}/en.json: key \"Extra\" is not in zh-Hans.json (every language has the same keys)"));
}

#[test]
fn a_key_that_is_not_an_identifier_fails() {
    for bad in ["place-left", "placesLeft", "Places Left", "9Lives", "Self", ""] {
        let zh = format!(r#"{{"Title": "标题", "{bad}": "剩余"}}"#);
        let e = error(&zh, GOOD_ZH, GOOD_EN);
        assert!(e.starts_with(&format!("{DIR}/zh-Hans.json: key \"{bad}\" is not a valid identifier")), "{bad}: {e}");
    }
}

#[test]
fn placeholders_that_differ_between_languages_fail() {
    let en = r#"{"Title": "Title", "PlacesLeft": "{count} places left"}"#;
    let e = error(GOOD_ZH, GOOD_ZH, en);
    assert_eq!(e, format!("{DIR}: key \"PlacesLeft\" has placeholders {{n}} in zh-Hans.json but {{count}} in en.json"));
    // A placeholder missing from one language fails too.
    let e = error(GOOD_ZH, r#"{"Title": "標題", "PlacesLeft": "剩餘名額"}"#, GOOD_EN);
    assert!(e.contains("{n} in zh-Hans.json but none in zh-Hant.json"), "{e}");
    // The "one" form may spell the count out; the forms together carry the placeholders.
    assert!(table(GOOD_ZH, GOOD_ZH, GOOD_EN).is_ok());
}

#[test]
fn a_brace_that_is_not_a_placeholder_fails() {
    for bad in ["{N} left", "{n left", "n} left", "{ n } left", "{} left"] {
        let en = format!(r#"{{"Title": "Title", "PlacesLeft": "{bad}"}}"#);
        let e = error(GOOD_ZH, GOOD_ZH, &en);
        assert!(e.starts_with(&format!("{DIR}/en.json: key \"PlacesLeft\": ")), "{bad}: {e}");
    }
}

#[test]
fn plural_forms_must_be_the_languages_own() {
    // English needs both "one" and "other".
    let e = error(GOOD_ZH, GOOD_ZH, r#"{"Title": "Title", "PlacesLeft": {"other": "{n} places left"}}"#);
    assert!(e.starts_with(&format!("{DIR}/en.json: key \"PlacesLeft\": the plural form \"one\" is missing")), "{e}");
    // Chinese has one form only.
    let zh = r#"{"Title": "标题", "PlacesLeft": {"one": "剩余 1 个名额", "other": "剩余 {n} 个名额"}}"#;
    let e = error(zh, GOOD_ZH, GOOD_EN);
    assert!(
        e.starts_with(&format!("{DIR}/zh-Hans.json: key \"PlacesLeft\": \"one\" is not a plural form of zh-Hans")),
        "{e}"
    );
    let e = error(GOOD_ZH, GOOD_ZH, r#"{"Title": "Title", "PlacesLeft": 3}"#);
    assert!(e.contains("en.json: key \"PlacesLeft\": a text is a string, or an object of plural forms"), "{e}");
}

#[test]
fn empty_texts_duplicate_keys_bad_json_and_missing_files_fail() {
    let e = error(GOOD_ZH, GOOD_ZH, r#"{"Title": " ", "PlacesLeft": "{n} places left"}"#);
    assert_eq!(e, format!("{DIR}/en.json: key \"Title\" has an empty text"));
    let e = error(GOOD_ZH, GOOD_ZH, r#"{"Title": "Title", "Title": "Again", "PlacesLeft": "{n} places left"}"#);
    assert!(e.starts_with(&format!("{DIR}/en.json: ")) && e.contains("key \"Title\" is written twice"), "{e}");
    let e = error(GOOD_ZH, GOOD_ZH, r#"["Title"]"#);
    assert!(e.starts_with(&format!("{DIR}/en.json: not a JSON object")), "{e}");
    let e = check(DIR, &[("zh-Hans", Some(GOOD_ZH)), ("zh-Hant", None), ("en", Some(GOOD_EN))]).unwrap_err();
    assert_eq!(e, format!("{DIR}/zh-Hant.json: missing (every table has a file per language)"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = error(r#"{"Title": "标题", "bad-key": "x"}"#, GOOD_ZH, r#"{"Title": ""}"#);
    assert_eq!(e.lines().count(), 2, "{e}");
    assert!(
        e.contains("zh-Hans.json: key \"bad-key\"") && e.contains("en.json: key \"Title\" has an empty text"),
        "{e}"
    );
    // A missing key and a placeholder that differs elsewhere in the same table.
    let e = error(GOOD_ZH, r#"{"Title": "標題"}"#, r#"{"Title": "Title", "PlacesLeft": "{count} places left"}"#);
    assert_eq!(e.lines().count(), 2, "{e}");
    assert!(e.contains("zh-Hant.json: key \"PlacesLeft\" is missing") && e.contains("but {count} in en.json"), "{e}");
}

/// The app's own tables pass (the build would have failed otherwise; this names the folders).
#[test]
fn the_apps_tables_pass() {
    let root = env!("CARGO_MANIFEST_DIR");
    let journeys = ["assistance", "charity", "marriage", "memorial"].map(|j| format!("src/journeys/{j}/i18n"));
    for dir in ["src/i18n/strings".to_string()].iter().chain(&journeys) {
        let files: Vec<(&str, Option<String>)> = strings::LANGS
            .iter()
            .map(|l| (*l, std::fs::read_to_string(format!("{root}/{dir}/{l}.json")).ok()))
            .collect();
        let files: Vec<(&str, Option<&str>)> = files.iter().map(|(l, c)| (*l, c.as_deref())).collect();
        let t = check(dir, &files).unwrap_or_else(|e| panic!("{e}"));
        assert!(t.keys.len() > 50, "{dir}");
    }
}

/// The generated arrays are in the order of `LANGS`, and the app indexes them by `Lang as usize`.
#[test]
fn the_languages_are_in_the_apps_order() {
    use baoan_app::i18n::Lang;
    assert_eq!(Lang::ALL.map(Lang::tag), strings::LANGS);
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        assert_eq!(lang as usize, i, "{lang:?}");
    }
}
