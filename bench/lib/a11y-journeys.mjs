// Lighthouse 12.2.3 accessibility score of each journey's first page, normal and elder mode
// (see bench/a11y-journeys.sh). The elder mode is the resident's saved choice (localStorage), so
// Lighthouse runs on a browser that already holds it: `disableStorageReset`.
import { writeFileSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import puppeteer from "puppeteer-core";
import lighthouse from "lighthouse";

const HERE = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { url: { type: "string" }, out: { type: "string" }, source: { type: "string" } } });
const PAGES = ["/assistance", "/marriage", "/charity", "/memorial", "/sign-in"];
const PORT = 9333;
const version = JSON.parse(readFileSync(join(HERE, "../node_modules/lighthouse/package.json"), "utf8")).version;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${PORT}`, "--no-first-run"],
});
const rows = [];
for (const elder of [false, true]) {
  const page = await browser.newPage();
  await page.goto(args.url + "/", { waitUntil: "networkidle0" });
  await page.evaluate((e) => {
    localStorage.setItem("baoan.lang", "zh-Hans");
    localStorage.setItem("baoan.elder", e ? "1" : "0");
  }, elder);
  for (const path of PAGES) {
    const r = await lighthouse(args.url + path, { port: PORT, output: "json", onlyCategories: ["accessibility"], disableStorageReset: true, logLevel: "error" });
    const lhr = r.lhr;
    const failed = Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === "binary").map((a) => a.id);
    rows.push({ path, elder, score: Math.round(lhr.categories.accessibility.score * 100), failed });
    console.error(`${path}${elder ? " (elder)" : ""}: ${rows.at(-1).score} ${failed.join(" ")}`);
  }
  await page.close();
}
await browser.close();
const md = [
  "# Lighthouse accessibility on each journey's first page",
  "",
  `Lighthouse ${version}, mobile form factor, accessibility category only; \`bash bench/a11y-journeys.sh\`; tree ${args.source}; ${new Date().toISOString()}. Budget: 100.`,
  "",
  "| page | mode | score | failed audits |",
  "|---|---|---|---|",
  ...rows.map((r) => `| ${r.path} | ${r.elder ? "elder" : "normal"} | ${r.score} ${r.score === 100 ? "PASS" : "FAIL"} | ${r.failed.join(", ") || "—"} |`),
  "",
].join("\n");
writeFileSync(join(args.out, "a11y-journeys.md"), md);
writeFileSync(join(args.out, "a11y-journeys.json"), JSON.stringify(rows, null, 2));
