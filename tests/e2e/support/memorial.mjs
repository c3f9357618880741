// The memorial journey's own strings, read from src/journeys/memorial/i18n/<lang>.json (the source of
// truth), so the tests assert exactly what a resident reads.
import { t } from "./i18n.mjs";

/** A string of the memorial journey (`Key::BookTitle` → tm("en", "BookTitle"); `count` picks a
 * plural form, see `t`). */
export function tm(lang, key, count) {
  return t(lang, `memorial.${key}`, count);
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

/** The bootstrap token the test server was started with (scripts/test.sh sets BAOAN_ADMIN_TOKEN): it only creates district admins. */
export const STAFF_TOKEN = process.env.BAOAN_ADMIN_TOKEN || "e2e-staff-token";

/** A day `n` days after today in Shenzhen, as YYYY-MM-DD. */
export function shenzhenDay(n) {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
