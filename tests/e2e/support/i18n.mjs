// The app's own strings, read from the same JSON files the app is built from (the single source
// of truth), so a test asserts exactly what a resident reads, in every language, without a
// second copy to drift. The shared table is src/i18n/strings/<lang>.json (`t(lang, "SignInTitle")`);
// each journey has its own in src/journeys/<journey>/i18n/<lang>.json (`t(lang, "marriage.MineHeading")`).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const LANGS = ["zh-Hans", "zh-Hant", "en"];

/** Each language named in itself, as on the header's buttons (src/i18n/mod.rs `native_name`). */
export const NATIVE_NAME = { "zh-Hans": "简体中文", "zh-Hant": "繁體中文", en: "English" };

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));

/** Every folder under src/ holding string files, with the prefix its keys get: the name of the
 * folder that owns the `i18n` folder (a journey), "" for the shared table (src/i18n/strings). */
function tableDirs(dir = SRC, found = []) {
  if (LANGS.some((l) => existsSync(join(dir, `${l}.json`)))) {
    const parts = relative(SRC, dir).split(sep);
    const at = parts.indexOf("i18n");
    found.push({ path: dir, prefix: at > 0 ? `${parts[at - 1]}.` : "" });
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) tableDirs(path, found);
  }
  return found;
}

function load(lang) {
  const map = new Map();
  for (const { path, prefix } of tableDirs()) {
    const table = JSON.parse(readFileSync(join(path, `${lang}.json`), "utf8"));
    for (const [key, text] of Object.entries(table)) map.set(prefix + key, text);
  }
  if (map.size < 50) throw new Error(`could not read the ${lang} strings under ${SRC} (${map.size} found)`);
  return map;
}

const TABLES = Object.fromEntries(LANGS.map((l) => [l, load(l)]));

/** The plural form a count takes (src/i18n/mod.rs `Lang::plural_form`): English "1 day", "2 days";
 * Chinese has one form. */
export function pluralForm(lang, count) {
  return lang === "en" && count === 1 ? "one" : "other";
}

/** The text of an i18n key: t("en", "FeSmsCodeWrong"), t("zh-Hant", "marriage.MineHeading").
 * For a key with plural forms, `count` picks the form ("marriage.PlacesLeft", 1 → "1 place left");
 * without a count, the form for most counts. Placeholders stay as they are (`{n}`). */
export function t(lang, key, count) {
  const text = TABLES[lang]?.get(key);
  if (text === undefined) throw new Error(`no text for ${key} in ${lang}`);
  if (typeof text === "string") return text;
  return (count === undefined ? text.other : text[pluralForm(lang, count)]) ?? text.other;
}
