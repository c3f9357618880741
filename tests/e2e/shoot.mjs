// Screenshots for a person to look at (not a test): node shoot.mjs URL OUT.png [elder] [lang]
import { chromium } from "@playwright/test";
const [url, out, elder, lang] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
await page.addInitScript(([e, l]) => {
  if (e === "elder") localStorage.setItem("baoan.elder", "1");
  if (l) localStorage.setItem("baoan.lang", l);
}, [elder, lang]);
await page.goto(url);
await page.waitForSelector("main h1");
await page.screenshot({ path: out, fullPage: true });
await browser.close();
