// The axe-core scan of every charity page, in each language, elder mode off and on — the same
// rules as specs/a11y.spec.mjs (WCAG 2.x A/AA; 7:1 text contrast in elder mode).
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, setPrefs, signIn } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import { ct } from "../support/charity.mjs";

// Several pages per test, each scanned by axe: more than the default 30 s on a shared machine.
test.describe.configure({ timeout: 180_000 });

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page, elder) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const text = results.violations
    .map((v) => `${v.id}: ${v.help}\n` + v.nodes.map((n) => `    at ${n.target.join(" ")}`).join("\n"))
    .join("\n");
  expect(results.violations, text).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

const PUBLIC = [
  "/charity",
  "/charity?q=%E9%95%BF%E8%80%85&category=elderly",
  "/charity/projects/p-heart-kids",
  "/charity/projects/p-warm-homes",
  "/charity/funds",
  "/charity/funds/f-haiwan",
  "/charity/district",
];

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    const mode = elder ? "elder" : "standard";
    test(`charity public pages pass axe in ${lang}, ${mode}`, async ({ page }) => {
      await setPrefs(page, { lang, elder });
      for (const path of PUBLIC) {
        await open(page, path);
        await scan(page, elder);
      }
    });

    test(`charity give, pay, receipt and 我的捐赠 pass axe in ${lang}, ${mode}`, async ({ page }) => {
      await setPrefs(page, { lang, elder });
      await signIn(page.request);
      await open(page, "/charity/projects/p-dialysis/give");
      await scan(page, elder);
      // The form with errors: the summary and the field messages.
      await page.getByLabel(ct(lang, "AmountOther")).check();
      await page.getByRole("button", { name: ct(lang, "Continue") }).click();
      await expect(page.locator(".ui-error-summary")).toBeVisible();
      await scan(page, elder);
      await page.getByLabel(ct(lang, "AmountCustomLabel")).fill("10");
      await page.getByLabel(ct(lang, "DonorNameLabel")).fill("Wang");
      // Monthly, so 我的捐赠 also shows the pledge and its cancel button.
      await page.getByLabel(ct(lang, "FrequencyMonthly")).check();
      await page.getByRole("button", { name: ct(lang, "Continue") }).click();
      await expect(page.getByRole("button", { name: ct(lang, "PayButton") })).toBeVisible();
      await scan(page, elder);
      await page.getByRole("button", { name: ct(lang, "PayButton") }).click();
      await expect(page.locator(".charity-receipt")).toBeVisible();
      await scan(page, elder);
      await open(page, "/mine");
      await expect(page.locator(".charity-my-gift")).toHaveCount(2);
      await scan(page, elder);
      await page.getByRole("button", { name: ct(lang, "CancelPledge") }).click();
      await expect(page.getByText(ct(lang, "PledgeCancelledNote"))).toBeVisible();
      await scan(page, elder);
    });
  }
}
