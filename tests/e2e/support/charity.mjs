// The charity journey's own strings, read from src/journeys/charity/i18n/*.rs (the single
// source of truth), so the specs assert exactly what a donor reads in each language.
import { readFileSync } from "node:fs";

const FILES = { "zh-Hans": "zh_hans.rs", "zh-Hant": "zh_hant.rs", en: "en.rs" };
const DIR = new URL("../../../src/journeys/charity/i18n/", import.meta.url);

function parse(lang) {
  const src = readFileSync(new URL(FILES[lang], DIR), "utf8");
  const map = new Map();
  for (const m of src.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*=>\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$/gm)) {
    map.set(m[1], m[2].replace(/\\(.)/g, "$1"));
  }
  if (map.size < 50) throw new Error(`could not read the charity strings of ${FILES[lang]}`);
  return map;
}
const TABLES = Object.fromEntries(Object.keys(FILES).map((l) => [l, parse(l)]));

/** A charity string: ct("en", "GiveButton"). */
export function ct(lang, key) {
  const text = TABLES[lang]?.get(key);
  if (text === undefined) throw new Error(`no charity text for ${key} in ${lang}`);
  return text;
}
