//! The app's build step: every folder under src/ holding string files (`zh-Hans.json`,
//! `zh-Hant.json`, `en.json`) is a table of strings. Each is checked (build/strings.rs) and
//! turned into Rust code in OUT_DIR, mirroring its folder (`<dir>/strings.rs`), which the
//! table's module includes with `crate::string_table!("<dir>")`. A problem in any table fails the
//! build with a message naming the file and the key.

mod strings;

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let src = root.join("src");
    println!("cargo:rerun-if-changed=build/main.rs");
    println!("cargo:rerun-if-changed=build/strings.rs");
    // A new table (a journey's i18n folder) appears somewhere under these.
    println!("cargo:rerun-if-changed=src/i18n");
    println!("cargo:rerun-if-changed=src/journeys");
    println!("cargo:rerun-if-changed=src/staff");
    let mut dirs = Vec::new();
    find_tables(&src, &mut dirs);
    dirs.sort();
    let mut errors = Vec::new();
    for dir in &dirs {
        let rel = dir.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let contents: Vec<(&str, Option<String>)> = strings::LANGS
            .iter()
            .map(|lang| {
                let file = dir.join(format!("{lang}.json"));
                println!("cargo:rerun-if-changed={}", file.display());
                (*lang, std::fs::read_to_string(&file).ok())
            })
            .collect();
        let files: Vec<(&str, Option<&str>)> = contents.iter().map(|(l, c)| (*l, c.as_deref())).collect();
        match strings::check(&rel, &files) {
            Ok(table) => {
                let target = out.join(dir.strip_prefix(&src).unwrap()).join("strings.rs");
                std::fs::create_dir_all(target.parent().unwrap()).expect("create OUT_DIR folder");
                let code = strings::generate(&rel, &table);
                if std::fs::read_to_string(&target).ok().as_deref() != Some(code.as_str()) {
                    std::fs::write(&target, code).expect("write generated strings");
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        eprintln!("error: the app's strings are not consistent:\n{}", errors.join("\n"));
        std::process::exit(1);
    }
}

/// Every folder under `dir` that holds a string file of any language.
fn find_tables(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut is_table = false;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            find_tables(&path, found);
        } else if strings::LANGS.iter().any(|l| path.file_name().is_some_and(|n| *n == *format!("{l}.json"))) {
            is_table = true;
        }
    }
    if is_table {
        found.push(dir.to_path_buf());
    }
}
