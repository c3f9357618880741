// The app's own strings, read from the Rust i18n tables (the single source of truth), so a
// test asserts exactly what a resident reads, in every language, without a second copy to
// drift. The shared table is src/i18n/*.rs (`t(lang, "SignInTitle")`); each journey has its
// own under src/journeys/<journey>/i18n/*.rs (`t(lang, "marriage.MineHeading")`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const LANGS = ["zh-Hans", "zh-Hant", "en"];

/** Each language named in itself, as on the header's buttons (src/i18n/mod.rs `native_name`). */
export const NATIVE_NAME = { "zh-Hans": "简体中文", "zh-Hant": "繁體中文", en: "English" };

const FILES = { "zh-Hans": "zh_hans.rs", "zh-Hant": "zh_hant.rs", en: "en.rs" };
const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));

function unescapeRust(s) {
  return s.replace(/\\u\{([0-9a-fA-F]+)\}|\\(.)/g, (_, hex, c) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ n: "\n", t: "\t", "\\": "\\", '"': '"', "'": "'" })[c] ?? c,
  );
}

/** Every `i18n` folder under src/, with the prefix its keys get ("" for the shared table). */
function tableDirs(dir = SRC, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === "i18n") {
      const owner = relative(SRC, dir).split(sep).filter(Boolean).pop();
      found.push({ path, prefix: owner ? `${owner}.` : "" });
    } else {
      tableDirs(path, found);
    }
  }
  return found;
}

function load(lang) {
  const map = new Map();
  for (const { path, prefix } of tableDirs()) {
    let src;
    try {
      src = readFileSync(join(path, FILES[lang]), "utf8");
    } catch {
      continue;
    }
    for (const m of src.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*=>\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$/gm)) {
      map.set(prefix + m[1], unescapeRust(m[2]));
    }
  }
  if (map.size < 50) throw new Error(`could not read the ${lang} strings under ${SRC} (${map.size} found)`);
  return map;
}

const TABLES = Object.fromEntries(LANGS.map((l) => [l, load(l)]));

/** The text of an i18n key: t("en", "FeSmsCodeWrong"), t("zh-Hant", "marriage.MineHeading"). */
export function t(lang, key) {
  const text = TABLES[lang]?.get(key);
  if (text === undefined) throw new Error(`no text for ${key} in ${lang}`);
  return text;
}
