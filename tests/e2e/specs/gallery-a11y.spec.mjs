// The component gallery (src/bin/gallery.rs, gallery.html in test builds only): every shared
// component of src/shared/ui in every state, scanned by axe-core (WCAG 2.0/2.1/2.2 A and AA; in
// elder mode also 7:1 text contrast) in each language, with elder mode off and on.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, setPrefs } from "../support/app.mjs";
import { t, LANGS } from "../support/i18n.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page, elder) {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const described = (list) =>
    list.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).join("\n  ")}`).join("\n");
  expect(results.violations, described(results.violations)).toEqual([]);
  const undecided = results.incomplete.filter((r) => r.id.startsWith("color-contrast"));
  expect(undecided, "contrast axe could not check\n" + described(undecided)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(0);
  expect(results.passes.length).toBeGreaterThan(10);
}

/** Every component is on the page in each of its states (so the scan really covers them). */
async function expectEveryState(page, lang) {
  const main = page.locator("main");
  await expect(main.locator(".ui-panel .ui-panel__reference")).toHaveText("BA-Q-2026-000042");
  await expect(main.locator(".ui-back a")).toBeVisible();
  await expect(main.locator(".ui-error-summary")).toBeVisible();
  await expect(main.locator(".ui-error-summary li")).toHaveCount(5); // four field errors and the general one
  await expect(main.locator(".ui-field")).not.toHaveCount(0);
  await expect(main.locator(".ui-field--error")).toHaveCount(3); // phone, passport number, birth date
  await expect(main.locator(".ui-radios")).toHaveCount(7); // four questions, three ID-document types
  await expect(main.locator(".ui-radios--error")).toHaveCount(1);
  await expect(main.locator(".ui-radios__input:disabled")).toHaveCount(1);
  await expect(main.locator(".ui-radios__input:checked")).toHaveCount(5);
  await expect(main.getByText(t(lang, "BirthDateFromId"))).toBeVisible();
  await expect(main.locator(".ui-summary__row")).toHaveCount(3);
  await expect(main.locator(".ui-summary__action a")).toHaveCount(2);
  await expect(main.locator("a.ui-choice")).toHaveCount(1);
  await expect(main.locator("button.ui-choice:not([disabled])")).toHaveCount(1);
  await expect(main.locator("button.ui-choice[disabled]")).toHaveCount(1);
  await expect(main.locator(".ui-notice")).toHaveCount(4);
  await expect(main.locator(".ui-tasks__item")).toHaveCount(3);
}

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    const mode = `${lang}${elder ? ", elder mode" : ""}`;
    test(`component gallery (${mode})`, async ({ page }) => {
      await setPrefs(page, { lang, elder });
      await open(page, "/gallery.html");
      await expectEveryState(page, lang);
      await scan(page, elder);
      if (elder) {
        // Elder mode reaches the components: ≥ 60 px targets, ≥ 20 px text.
        for (const selector of [".ui-radios__item", ".ui-choice", ".ui-summary__action a", ".ui-back a", ".ui-tasks__item a"]) {
          const heights = await page.locator(`main ${selector}`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
          expect(Math.min(...heights), selector).toBeGreaterThanOrEqual(60);
        }
        const smallest = await page
          .locator("main .ui-summary__value, main .ui-radios__label, main .ui-choice__side, main .ui-notice p, main .ui-field__label")
          .evaluateAll((els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
        expect(smallest).toBeGreaterThanOrEqual(20);
      }
    });
  }
}
