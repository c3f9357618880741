// The app's own strings, read from src/i18n/*.rs (the single source of truth), so a test
// asserts exactly what a resident reads, in every language, without a second copy to drift.
import { readFileSync } from "node:fs";

export const LANGS = ["zh-Hans", "zh-Hant", "en"];

/** Each language named in itself, as on the header's buttons (src/i18n/mod.rs `native_name`). */
export const NATIVE_NAME = { "zh-Hans": "简体中文", "zh-Hant": "繁體中文", en: "English" };

const FILES = { "zh-Hans": "zh_hans.rs", "zh-Hant": "zh_hant.rs", en: "en.rs" };
const I18N_DIR = new URL("../../../src/i18n/", import.meta.url);

function unescapeRust(s) {
  return s.replace(/\\u\{([0-9a-fA-F]+)\}|\\(.)/g, (_, hex, c) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ n: "\n", t: "\t", "\\": "\\", '"': '"', "'": "'" })[c] ?? c,
  );
}

function parse(lang) {
  const src = readFileSync(new URL(FILES[lang], I18N_DIR), "utf8");
  const map = new Map();
  for (const m of src.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*=>\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$/gm)) {
    map.set(m[1], unescapeRust(m[2]));
  }
  if (map.size < 50) throw new Error(`could not read the strings of ${FILES[lang]} (${map.size} found)`);
  return map;
}

const TABLES = Object.fromEntries(LANGS.map((l) => [l, parse(l)]));

/** The text of an i18n key (`Key::FeSmsCodeWrong` → t("en", "FeSmsCodeWrong")). */
export function t(lang, key) {
  const text = TABLES[lang]?.get(key);
  if (text === undefined) throw new Error(`no text for ${key} in ${lang}`);
  return text;
}
