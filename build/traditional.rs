//! No 繁體 string contains a Simplified-only character: every `zh-Hant.json` table under src/ is
//! read (every plural form of every key) against the list derived from OpenCC's dictionaries
//! (build/opencc/simplified-only.txt, made by scripts/simplified-only.py).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn simplified_only() -> BTreeSet<char> {
    let list = include_str!("opencc/simplified-only.txt");
    list.lines().filter(|l| !l.starts_with('#')).flat_map(str::chars).collect()
}

fn zh_hant_tables(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            zh_hant_tables(&path, found);
        } else if path.file_name().is_some_and(|n| n == "zh-Hant.json") {
            found.push(path);
        }
    }
}

/// Every text of a table: a key's plain string, or each of its plural forms.
fn texts(value: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((key.to_string(), s.clone())),
        serde_json::Value::Object(forms) => forms.iter().for_each(|(form, v)| texts(v, &format!("{key}.{form}"), out)),
        _ => {}
    }
}

#[test]
fn the_list_is_opencc_s_and_flags_simplified_forms_only() {
    let set = simplified_only();
    assert!(set.len() > 2000, "the list holds {} characters", set.len());
    for c in ['为', '证', '务', '这', '门', '个'] {
        assert!(set.contains(&c), "{c} is Simplified only");
    }
    // Standard in Taiwan and Hong Kong although OpenCC's own Traditional writes 羣 牀 峯 祕.
    for c in ['群', '床', '峰', '秘', '為', '證', '務', '身', '份', '分'] {
        assert!(!set.contains(&c), "{c} is Traditional");
    }
}

#[test]
fn no_traditional_string_contains_a_simplified_only_character() {
    let set = simplified_only();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut tables = Vec::new();
    zh_hant_tables(&root.join("src"), &mut tables);
    assert!(tables.len() >= 6, "found only {tables:?}");
    let mut problems = Vec::new();
    for table in &tables {
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(table).unwrap()).unwrap();
        let mut all = Vec::new();
        for (key, value) in json.as_object().expect("a table is an object") {
            texts(value, key, &mut all);
        }
        for (key, text) in all {
            let found: String = text.chars().filter(|c| set.contains(c)).collect();
            if !found.is_empty() {
                problems.push(format!("{}: {key} has {found}: {text}", table.strip_prefix(root).unwrap().display()));
            }
        }
    }
    assert!(problems.is_empty(), "Simplified-only characters in 繁體 strings:\n{}", problems.join("\n"));
}
