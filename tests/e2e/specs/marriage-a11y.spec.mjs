// The axe-core scan of every page of the marriage booking, in each language, elder mode off
// and on: start, office, day, time, parties (with errors), extras, check answers, waiting for
// party B's answer (booker's view and party B's own), the confirmation, and moving the booking.
// Any violation fails.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, setPrefs, h1 } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import { mt, newCouple, toParties, fillParty, signInAs, chooseAny } from "../support/marriage.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page, elder, where) {
  await expect(page.locator("main .loading")).toHaveCount(0);
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const text = results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
  expect(results.violations, `${where}\n${text}`).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    test(`every marriage page passes axe in ${lang}, elder ${elder ? "on" : "off"}`, async ({ page, browser }) => {
      test.setTimeout(120_000);
      await setPrefs(page, { lang, elder });
      const couple = newCouple();
      await signInAs(page.request, couple.a);
      await toParties(page, lang, { office: 1 });
      await page.getByRole("button", { name: mt(lang, "Continue") }).click();
      await expect(page.locator(".ui-error-summary")).toBeVisible();
      await scan(page, elder, "parties with errors");
      await fillParty(page, "party_a", couple.a);
      await fillParty(page, "party_b", couple.b);
      await page.getByRole("button", { name: mt(lang, "Continue") }).click();
      await expect(h1(page)).toHaveText(mt(lang, "ExtrasTitle"));
      await scan(page, elder, "extras");
      await page.getByRole("button", { name: mt(lang, "Continue") }).click();
      await expect(h1(page)).toHaveText(mt(lang, "CheckTitle"));
      await scan(page, elder, "check answers");
      await page.getByRole("button", { name: mt(lang, "Submit") }).click();
      await expect(page.locator(".marriage-status")).toHaveText(mt(lang, "StatusAwaiting"));
      await scan(page, elder, "awaiting party B");
      // Party B, on their own phone (another browser context), without a profile identity yet.
      const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
      const pb = await other.newPage();
      await setPrefs(pb, { lang, elder });
      await signInAs(pb.request, couple.b, { profile: false });
      await pb.goto(page.url());
      await expect(pb.locator(".marriage-partner-ask")).toBeVisible();
      await expect(pb.locator(".marriage-identity-needed")).toBeVisible();
      await scan(pb, elder, "party B: asked to confirm, identity needed");
      await pb.locator("#name").fill(couple.b.name);
      await pb.locator("#id_number").fill(couple.b.id);
      await pb.getByRole("button", { name: mt(lang, "OwnIdentitySave") }).click();
      await expect(pb.locator(".marriage-own-identity")).toBeVisible();
      await pb.getByRole("button", { name: mt(lang, "ConfirmButton") }).click();
      await expect(h1(pb)).toHaveText(mt(lang, "ConfirmedTitle"));
      await scan(pb, elder, "party B: confirmed");
      await other.close();
      await page.reload();
      await expect(h1(page)).toHaveText(mt(lang, "ConfirmedTitle"));
      await scan(page, elder, "confirmation");
      // Moving the booking: days, times, the confirmation of the move.
      await page.getByRole("link", { name: mt(lang, "RescheduleLink") }).click();
      await expect(h1(page)).toHaveText(mt(lang, "RescheduleTitle"));
      await scan(page, elder, "reschedule: days");
      await page.locator("main .ui-choice:not([disabled])").nth(1).click();
      await expect(page.locator("main h2")).toHaveText(mt(lang, "SlotTitle"));
      await scan(page, elder, "reschedule: times");
      // Any time with places, not the first: six of these tests run at once and would fill it.
      await chooseAny(page);
      await expect(page.locator("main h2")).toHaveText(mt(lang, "RescheduleConfirmTitle"));
      await scan(page, elder, "reschedule: confirm");
      await page.getByRole("button", { name: mt(lang, "RescheduleButton") }).click();
      await expect(page.locator(".marriage-moved")).toBeVisible();
      await scan(page, elder, "moved");
      // The steps before the form, opened afresh with the draft on the device.
      for (const [path, title] of [["/marriage", "Title"], ["/marriage/office", "OfficeTitle"]]) {
        await page.goto(path);
        await expect(h1(page)).toHaveText(mt(lang, title));
        await scan(page, elder, path);
      }
      await page.getByRole("button", { name: mt(lang, "ChooseOffice") }).first().click();
      await expect(h1(page)).toHaveText(mt(lang, "DayTitle"));
      await scan(page, elder, "days");
      await page.locator("main .ui-choice:not([disabled])").first().click();
      await expect(h1(page)).toHaveText(mt(lang, "SlotTitle"));
      await scan(page, elder, "slots");
    });
  }
}
