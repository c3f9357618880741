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

/** A portrait-shaped PNG drawn by the browser itself (no binary fixture in the repository). */
export async function portrait(page, label = "陈") {
  const base64 = await page.evaluate(async (label) => {
    const canvas = new OffscreenCanvas(600, 800);
    const g = canvas.getContext("2d");
    const grad = g.createLinearGradient(0, 0, 0, 800);
    grad.addColorStop(0, "#e8e4da");
    grad.addColorStop(1, "#9a9284");
    g.fillStyle = grad;
    g.fillRect(0, 0, 600, 800);
    g.fillStyle = "#4a453d";
    g.beginPath();
    g.arc(300, 300, 140, 0, Math.PI * 2);
    g.fill();
    g.fillRect(120, 480, 360, 320);
    g.fillStyle = "#f5f2ea";
    g.font = "120px serif";
    g.textAlign = "center";
    g.fillText(label, 300, 340);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, label);
  return Buffer.from(base64, "base64");
}

/** The staff token the test server was started with (scripts/test.sh sets BAOAN_ADMIN_TOKEN). */
export const STAFF_TOKEN = process.env.BAOAN_ADMIN_TOKEN || "e2e-staff-token";

/** A day `n` days after today in Shenzhen, as YYYY-MM-DD. */
export function shenzhenDay(n) {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
