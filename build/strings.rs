//! The string tables: reads a table's JSON files (one per language), checks them and writes the
//! Rust code the app compiles (`Key`, `Key::ALL`, `From<Key> for Msg` and the texts as static
//! arrays). Used by the build script (build/main.rs) and by its tests (build/tests.rs).
//!
//! A file is a JSON object, key → text. A text is a string, or for a count an object of the
//! plural forms the language distinguishes: `{"one": "1 place left", "other": "{n} places left"}`
//! in English; Chinese has one form, so a plain string.

use serde::de::{Deserializer as _, Error as _, MapAccess, Visitor};
use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;

/// The languages, in the order of `Lang::ALL` (the first is the reference for the key order).
pub const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];
/// The `Lang` variant of each of `LANGS`.
const LANG_VARIANTS: [&str; 3] = ["ZhHans", "ZhHant", "En"];

/// The plural forms (CLDR cardinal categories) a language distinguishes.
pub fn plural_forms(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &["one", "other"],
        _ => &["other"],
    }
}

/// One key's text in one language.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Plain(String),
    /// Plural form name → text, in the order of `plural_forms`.
    Plural(Vec<(String, String)>),
}

impl Text {
    fn forms(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Plural(forms) => forms.iter().map(|(_, s)| s.as_str()).collect(),
        }
    }
    /// The text for any count other than the special ones ("other").
    fn other(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Plural(forms) => forms.iter().find(|(f, _)| f == "other").map(|(_, s)| s.as_str()).unwrap_or(""),
        }
    }
}

/// A checked table: every key with its text in each of `LANGS`.
#[derive(Debug)]
pub struct Table {
    pub keys: Vec<String>,
    /// `texts[lang][key]`, in the order of `LANGS` and `keys`.
    pub texts: Vec<Vec<Text>>,
}

/// Checks one table. `dir` names the folder in messages; `files` holds each of `LANGS` with its
/// file's content (`None` when the file is missing). Every problem is reported, one per line.
pub fn check(dir: &str, files: &[(&str, Option<&str>)]) -> Result<Table, String> {
    let mut errors = Vec::new();
    let mut parsed: Vec<(&str, Vec<(String, Text)>)> = Vec::new();
    for lang in LANGS {
        let file = format!("{dir}/{lang}.json");
        match files.iter().find(|(l, _)| *l == lang).and_then(|(_, json)| *json) {
            None => errors.push(format!("{file}: missing (every table has a file per language)")),
            Some(json) => match parse(&file, lang, json) {
                Ok(entries) => parsed.push((lang, entries)),
                Err(mut e) => errors.append(&mut e),
            },
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let (reference, ref_entries) = &parsed[0];
    let keys: Vec<String> = ref_entries.iter().map(|(k, _)| k.clone()).collect();
    let ref_keys: HashSet<&str> = keys.iter().map(String::as_str).collect();
    for (lang, entries) in &parsed[1..] {
        let have: HashSet<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        for key in &keys {
            if !have.contains(key.as_str()) {
                errors.push(format!("{dir}/{lang}.json: key \"{key}\" is missing ({reference}.json has it)"));
            }
        }
        for (key, _) in entries {
            if !ref_keys.contains(key.as_str()) {
                errors.push(format!(
                    "{dir}/{lang}.json: key \"{key}\" is not in {reference}.json (every language has the same keys)"
                ));
            }
        }
    }
    // Placeholders are compared between the languages that have the key, so all problems show at once.
    let texts: Vec<Vec<Option<Text>>> = parsed
        .iter()
        .map(|(_, entries)| keys.iter().map(|k| entries.iter().find(|(e, _)| e == k).map(|e| e.1.clone())).collect())
        .collect();
    for (i, key) in keys.iter().enumerate() {
        let sets: Vec<(&str, BTreeSet<String>)> = texts
            .iter()
            .zip(LANGS)
            .filter_map(|(t, lang)| Some((lang, t[i].as_ref()?.forms())))
            .map(|(lang, forms)| (lang, forms.iter().flat_map(|s| placeholders(s).unwrap_or_default()).collect()))
            .collect();
        let (first, first_set) = &sets[0];
        for (lang, set) in &sets[1..] {
            if set != first_set {
                errors.push(format!(
                    "{dir}: key \"{key}\" has placeholders {} in {first}.json but {} in {lang}.json",
                    show(first_set),
                    show(set),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let texts = texts.into_iter().map(|t| t.into_iter().flatten().collect()).collect();
    Ok(Table { keys, texts })
}

fn show(set: &BTreeSet<String>) -> String {
    let names: Vec<String> = set.iter().map(|p| format!("{{{p}}}")).collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// The `{name}` placeholders of a text; `Err` on a brace that does not form one.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Err(format!("a stray \"}}\" in \"{text}\""));
        }
        let after = &rest[i + 1..];
        let end = after.find('}').ok_or_else(|| format!("an unclosed \"{{\" in \"{text}\""))?;
        let name = &after[..end];
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(format!("\"{{{name}}}\" is not a placeholder (lower-case letters, digits, _) in \"{text}\""));
        }
        found.push(name.to_string());
        rest = &after[end + 1..];
    }
    Ok(found)
}

/// A key becomes a Rust enum variant: UpperCamelCase ASCII letters and digits.
pub fn valid_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_uppercase()) && key.chars().all(|c| c.is_ascii_alphanumeric()) && key != "Self"
}

/// One file's entries in the order written, each text checked on its own.
fn parse(file: &str, lang: &str, json: &str) -> Result<Vec<(String, Text)>, Vec<String>> {
    let entries = serde_json::Deserializer::from_str(json)
        .deserialize_map(Entries)
        .map_err(|e| vec![format!("{file}: not a JSON object of key → text: {e}")])?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (key, value) in entries {
        if !valid_key(&key) {
            errors.push(format!(
                "{file}: key \"{key}\" is not a valid identifier (UpperCamelCase: a capital, then letters and digits)"
            ));
        }
        match text(lang, value) {
            Ok(text) => {
                for form in text.forms() {
                    if form.trim().is_empty() {
                        errors.push(format!("{file}: key \"{key}\" has an empty text"));
                    }
                    if let Err(e) = placeholders(form) {
                        errors.push(format!("{file}: key \"{key}\": {e}"));
                    }
                }
                out.push((key, text));
            }
            Err(e) => errors.push(format!("{file}: key \"{key}\": {e}")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn text(lang: &str, value: serde_json::Value) -> Result<Text, String> {
    use serde_json::Value;
    let forms = plural_forms(lang);
    match value {
        Value::String(s) => Ok(Text::Plain(s)),
        Value::Object(map) => {
            let mut out = Vec::new();
            for form in forms {
                match map.get(*form) {
                    Some(Value::String(s)) => out.push((form.to_string(), s.clone())),
                    Some(_) => return Err(format!("the plural form \"{form}\" is not a string")),
                    None => return Err(format!("the plural form \"{form}\" is missing ({lang} has {forms:?})")),
                }
            }
            match map.keys().find(|k| !forms.contains(&k.as_str())) {
                Some(extra) => Err(format!("\"{extra}\" is not a plural form of {lang} (it has {forms:?})")),
                None => Ok(Text::Plural(out)),
            }
        }
        _ => Err("a text is a string, or an object of plural forms".into()),
    }
}

/// Reads a JSON object's entries in document order, refusing a key written twice.
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Vec<(String, serde_json::Value)>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object of key → text")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<(String, serde_json::Value)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
            if entries.iter().any(|(k, _)| *k == key) {
                return Err(A::Error::custom(format!("key \"{key}\" is written twice")));
            }
            entries.push((key, value));
        }
        Ok(entries)
    }
}

/// The Rust code of a checked table, included by its module (`crate::string_table!`).
pub fn generate(dir: &str, table: &Table) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "// Generated by build/strings.rs from {dir}/{{{}}}.json: edit those files.", LANGS.join(","));
    let _ = writeln!(w, "/// Every user-visible string of this table ({dir}).");
    let _ = writeln!(w, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[repr(u16)]\npub enum Key {{");
    for key in &table.keys {
        let _ = writeln!(w, "    {key},");
    }
    let _ = writeln!(w, "}}\nimpl Key {{\n    pub const ALL: &'static [Key] = &[");
    for key in &table.keys {
        let _ = writeln!(w, "        Key::{key},");
    }
    let _ = writeln!(w, "    ];\n}}");
    let _ = writeln!(w, "impl From<Key> for crate::i18n::Msg {{");
    let _ = writeln!(
        w,
        "    fn from(key: Key) -> crate::i18n::Msg {{\n        crate::i18n::Msg::new(key as u16, &TABLE)\n    }}\n}}"
    );
    let _ = writeln!(w, "static TABLE: crate::i18n::Table = crate::i18n::Table {{\n    texts: [");
    for texts in &table.texts {
        let _ = writeln!(w, "        &[");
        for t in texts {
            let _ = writeln!(w, "            {:?},", t.other());
        }
        let _ = writeln!(w, "        ],");
    }
    let _ = writeln!(w, "    ],\n    one: &[");
    for (l, texts) in table.texts.iter().enumerate() {
        for (id, t) in texts.iter().enumerate() {
            if let Text::Plural(forms) = t {
                for (_, s) in forms.iter().filter(|(f, _)| f == "one") {
                    let _ = writeln!(w, "        ({id}, crate::i18n::Lang::{}, {s:?}),", LANG_VARIANTS[l]);
                }
            }
        }
    }
    let _ = writeln!(w, "    ],\n}};");
    out
}
