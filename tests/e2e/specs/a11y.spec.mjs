// The axe-core scan (WCAG 2.0/2.1/2.2 A and AA rules) of every page and every state a form can
// be in, in each language, with elder mode off and on. Any violation fails its test. In elder
// mode, text contrast must also reach 7:1 (axe's enhanced-contrast rule), as the brief promises.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, setPrefs, randomPhone, smsCode, wrongCode, AUTH_FILE, PUBLIC_PAGES, SIGNED_IN_PAGES } from "../support/app.mjs";
import { t, LANGS } from "../support/i18n.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

function describeViolations(violations) {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map((n) => `    at ${n.target.join(" ")}\n      ${(n.failureSummary || "").replace(/\n/g, "\n      ")}`),
      ].join("\n"),
    )
    .join("\n");
}

async function scan(page, { elder }) {
  // One run: the WCAG A/AA rules, plus in elder mode the 7:1 text-contrast rule (AAA).
  // Legacy mode runs axe in the page itself (no helper page per scan: much faster). It would
  // miss cross-origin iframes, and the app has none.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({
      runOnly: { type: "tag", values: TAGS },
      rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {},
    })
    .analyze();
  expect(results.violations, describeViolations(results.violations)).toEqual([]);
  // Contrast axe could not decide (text over an image or a gradient) would pass unseen.
  const undecided = results.incomplete.filter((r) => r.id.startsWith("color-contrast"));
  expect(undecided, "contrast axe could not check\n" + describeViolations(undecided)).toEqual([]);
  // Reflow (WCAG 1.4.10), which axe cannot check: nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  // Axe really looked at the page (not at a blank document), with the rules asked for.
  expect(results.passes.length).toBeGreaterThan(10);
  const ran = [...results.passes, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  expect(ran).toContain("color-contrast");
  if (elder) expect(ran).toContain("color-contrast-enhanced");
  else expect(ran).not.toContain("color-contrast-enhanced");
}

/** The states a page can be in that are not reached by just opening an address. */
const STATES = {
  async "sign-in code step"(page, lang) {
    await open(page, "/sign-in");
    await page.getByLabel(t(lang, "PhoneLabel")).fill(randomPhone());
    await page.getByRole("button", { name: t(lang, "SendCode") }).click();
    await expect(page.getByLabel(t(lang, "CodeLabel"))).toBeVisible();
  },
  async "sign-in with a phone error"(page, lang) {
    await open(page, "/sign-in");
    await page.getByLabel(t(lang, "PhoneLabel")).fill("12345");
    await page.getByRole("button", { name: t(lang, "SendCode") }).click();
    await expect(page.locator("#phone-error")).toBeVisible();
  },
  async "sign-in with a server error on the code"(page, lang) {
    const phone = randomPhone();
    await open(page, "/sign-in");
    await page.getByLabel(t(lang, "PhoneLabel")).fill(phone);
    await page.getByRole("button", { name: t(lang, "SendCode") }).click();
    await expect(page.getByLabel(t(lang, "CodeLabel"))).toBeVisible();
    await page.getByLabel(t(lang, "CodeLabel")).fill(wrongCode(await smsCode(page.request, phone)));
    await page.getByRole("button", { name: t(lang, "SignInButton") }).click();
    await expect(page.locator("#code-error")).toContainText(t(lang, "FeSmsCodeWrong"));
  },
  async "offline banner"(page, lang, context) {
    await open(page, "/");
    await context.setOffline(true);
    await expect(page.locator(".banner-offline")).toHaveText(t(lang, "OfflineBanner"));
  },
};
const SIGNED_IN_STATES = {
  async "profile with errors and the birth date"(page, lang) {
    await open(page, "/mine/profile");
    await page.getByLabel(t(lang, "NameLabel")).fill("");
    await page.getByLabel(t(lang, "IdNumberLabel")).fill("110105194912310020");
    await page.getByRole("button", { name: t(lang, "Save") }).click();
    await expect(page.locator("#id_number-error")).toBeVisible();
    await expect(page.locator("#name-error")).toBeVisible();
    await page.getByLabel(t(lang, "IdNumberLabel")).fill("11010519491231002X");
    await expect(page.getByText(t(lang, "BirthDateFromId"))).toBeVisible();
  },
};

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    const mode = `${lang}${elder ? ", elder mode" : ""}`;

    test.describe(`axe: ${mode}`, () => {
      test.beforeEach(async ({ page }) => setPrefs(page, { lang, elder }));

      for (const { path, h1 } of PUBLIC_PAGES) {
        test(`${path} (${mode})`, async ({ page }) => {
          await open(page, path);
          await expect(page.locator("main h1")).toHaveText(t(lang, h1));
          await scan(page, { elder });
        });
      }
      for (const [name, reach] of Object.entries(STATES)) {
        test(`${name} (${mode})`, async ({ page, context }) => {
          await reach(page, lang, context);
          await scan(page, { elder });
        });
      }
    });

    test.describe(`axe signed in: ${mode}`, () => {
      test.use({ storageState: AUTH_FILE });
      test.beforeEach(async ({ page }) => setPrefs(page, { lang, elder }));

      for (const { path, h1 } of SIGNED_IN_PAGES) {
        test(`${path} (${mode})`, async ({ page }) => {
          await open(page, path);
          await expect(page.locator("main h1")).toHaveText(t(lang, h1));
          await scan(page, { elder });
        });
      }
      for (const [name, reach] of Object.entries(SIGNED_IN_STATES)) {
        test(`${name} (${mode})`, async ({ page }) => {
          await reach(page, lang);
          await scan(page, { elder });
        });
      }
    });
  }
}
