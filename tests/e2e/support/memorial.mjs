// The memorial journey's own strings, read from src/journeys/memorial/i18n/*.rs (the source of
// truth), so the tests assert exactly what a resident reads.
import { readFileSync } from "node:fs";

const FILES = { "zh-Hans": "zh_hans.rs", "zh-Hant": "zh_hant.rs", en: "en.rs" };
const DIR = new URL("../../../src/journeys/memorial/i18n/", import.meta.url);

function parse(lang) {
  const src = readFileSync(new URL(FILES[lang], DIR), "utf8");
  const map = new Map();
  for (const m of src.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*=>\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$/gm)) {
    map.set(m[1], m[2].replace(/\\(.)/g, "$1"));
  }
  if (map.size < 50) throw new Error(`could not read ${FILES[lang]} (${map.size} strings)`);
  return map;
}

const TABLES = Object.fromEntries(Object.keys(FILES).map((l) => [l, parse(l)]));

/** A string of the memorial journey (`Key::BookTitle` → tm("en", "BookTitle")). */
export function tm(lang, key) {
  const text = TABLES[lang]?.get(key);
  if (text === undefined) throw new Error(`no memorial text for ${key} in ${lang}`);
  return text;
}
