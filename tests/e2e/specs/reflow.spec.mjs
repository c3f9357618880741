// Reflow (issue 14, WCAG 1.4.10 and 1.4.4): at 320 CSS px wide, with text at 200 % and with
// elder mode on, the first page of each journey, home and sign-in lose nothing and scroll only
// up and down. Data tables may scroll sideways inside their own region (.charity-table-wrap).
import { test, expect, open, setPrefs, JOURNEYS } from "../support/app.mjs";

const PAGES = ["/", "/sign-in", ...JOURNEYS.map((j) => j.path)];

/** Text at 200 %: the root size doubled, as a browser's text-only zoom does (through the CSSOM:
 * the app's Content-Security-Policy refuses an inline <style>). */
async function doubleText(page) {
  await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
}

/** Sideways scroll of the page, and content of <main> drawn outside the screen (cut off). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [];
    for (const el of document.querySelectorAll("main *")) {
      if (el.closest(".charity-table-wrap, .visually-hidden, .skip-link")) continue;
      if (el.getClientRects().length === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -1 || r.right > width + 1) {
        outside.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(r.left)}–${Math.round(r.right)})`);
      }
    }
    return { scroll: document.documentElement.scrollWidth - window.innerWidth, outside: outside.slice(0, 10) };
  });
}

const MODES = [
  { name: "320 px", elder: false, double: false },
  { name: "320 px, text 200 %", elder: false, double: true },
  { name: "320 px, elder mode", elder: true, double: false },
];

for (const mode of MODES) {
  test.describe(`reflow at ${mode.name}`, () => {
    test.use({ viewport: { width: 320, height: 640 } });
    test.beforeEach(async ({ page }) => setPrefs(page, { lang: "zh-Hans", elder: mode.elder }));

    for (const path of PAGES) {
      test(`${path} (${mode.name})`, async ({ page }) => {
        await open(page, path);
        if (mode.double) await doubleText(page);
        // Nothing lost: the heading and every button of the page are still on screen when reached.
        await expect(page.locator("main h1")).toBeVisible();
        for (const button of await page.locator("main button:visible, main a[href]:visible").all()) {
          await button.scrollIntoViewIfNeeded();
          await expect(button).toBeInViewport();
        }
        const { scroll, outside } = await overflow(page);
        expect(outside, "content of main drawn outside the 320 px screen").toEqual([]);
        expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(0);
      });
    }
  });
}
