// Honest figures (issue 12) in the browser at 390×844: the eligibility result shows each figure
// a programme used with its source (the district's plan for 1250 yuan and the age 70, a visible
// 示例 tag on every example) and the estimated 低保 amount, labelled as an estimate; the marriage
// checklist cites the 2025 婚姻登记条例 and asks for no 户口簿. Elder mode is screenshotted.
import { test, expect, open, setPrefs, signIn, h1 } from "../support/app.mjs";
import { ta } from "../support/assistance.mjs";
import { mt, newCouple, toParties, fillParty, signInAs } from "../support/marriage.mjs";

const PLAN = "宝安区民政事业发展“十四五”规划";

/** A Bao'an household of two (75 and 40), 1000 yuan a month: 低保 and 高龄津贴 may fit. */
const CHECK = { residence: "baoan_hukou", size: "2", ages: ["75", "40"], disability: "0", income: "1000",
                assets: "0", medical: "0", supporter: "yes", emergency: "none", emergency_here: "no" };

async function toResult(page, lang, elder) {
  await setPrefs(page, { lang, elder });
  await signIn(page.request);
  await page.addInitScript((check) => {
    if (!localStorage.getItem("baoan.my.draft.assistance"))
      localStorage.setItem("baoan.my.draft.assistance", JSON.stringify({ check, saved_at: Date.now() }));
  }, CHECK);
  await open(page, "/assistance/check/result");
  await expect(h1(page)).toHaveText(ta(lang, "ResultTitle"));
}

for (const lang of ["zh-Hans", "zh-Hant", "en"]) {
  test(`the result shows each figure's source and the estimated amount (${lang})`, async ({ page }) => {
    await toResult(page, lang, false);
    const dibao = page.locator('[data-programme="minimum_living"]');
    const standard = dibao.locator('[data-figure="minimum_living_yuan"]');
    await expect(standard).toContainText("1250");
    await expect(standard.locator(".figure-source")).toContainText(PLAN);
    await expect(standard.locator(".figure-source")).toContainText("2020");
    await expect(standard.locator(".tag-example")).toHaveCount(0);
    // Not in the plan: marked as an example.
    const assets = dibao.locator('[data-figure="asset_limit_months"]');
    await expect(assets.locator(".tag-example")).toHaveText(ta(lang, "SourceExample"));
    // (1250 − 1000 / 2) × 2 = 1500, labelled as an estimate.
    const estimate = dibao.locator(".estimate");
    await expect(estimate).toContainText("1500");
    await expect(estimate).toContainText(ta(lang, "EstimateLabel"));

    const elderly = page.locator('[data-programme="elderly_allowance"]');
    await expect(elderly.locator('[data-figure="elderly_allowance_age"] .figure-source')).toContainText(PLAN);
    await expect(elderly.locator('[data-figure="elderly_allowance_yuan"] .tag-example')).toHaveText(ta(lang, "SourceExample"));
    await expect(elderly.locator(".estimate")).toHaveCount(0);
  });
}

test("the result page in elder mode", async ({ page }) => {
  await toResult(page, "zh-Hans", true);
  await expect(page.locator('[data-figure="minimum_living_yuan"]').first()).toBeVisible();
  await page.screenshot({ path: "test-results/assistance-figures-elder.png", fullPage: true });
});

test("the marriage checklist follows the 2025 regulation: no 户口簿, and its source", async ({ page }) => {
  const lang = "zh-Hans";
  const couple = newCouple();
  await signInAs(page.request, couple.a);
  await toParties(page, lang, { office: 0 });
  await fillParty(page, "party_a", couple.a);
  await fillParty(page, "party_b", couple.b);
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await expect(h1(page)).toHaveText(mt(lang, "ExtrasTitle"));
  const checklist = page.locator(".marriage-checklist");
  await expect(checklist).toContainText(mt(lang, "BringResidentId"));
  await expect(checklist).not.toContainText("户口簿原件");
  const source = page.locator(".checklist-source");
  await expect(source).toContainText("婚姻登记条例");
  await expect(source).toContainText("2025-05-10");
});
