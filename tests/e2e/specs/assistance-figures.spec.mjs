// Honest figures (issue 12) in the browser at 390×844: the eligibility result shows each figure
// a programme used with its source (the district's plan for 1250 yuan and the age 70, in 繁體 on a
// 繁體 page and with a marked English gloss on an English one, a visible 示例 tag on every
// example) and the estimated 低保 amount, labelled as an estimate; the marriage checklist cites
// the 2025 婚姻登记条例 and asks for no 户口簿; the counselling length, a busy date's note and a
// cemetery's group limit and places show what they rest on. Elder mode is screenshotted.
import { test, expect, open, setPrefs, signIn, h1 } from "../support/app.mjs";
import { ta } from "../support/assistance.mjs";
import { t } from "../support/i18n.mjs";
import { tm } from "../support/memorial.mjs";
import { mt, newCouple, toParties, fillParty, signInAs } from "../support/marriage.mjs";

const PLAN = "宝安区民政事业发展“十四五”规划";
/** The plan's title as each language's page shows it (the glossary in contract/src/rules/figures). */
const PLAN_SHOWN = {
  "zh-Hans": PLAN,
  "zh-Hant": "寶安區民政事業發展「十四五」規劃",
  en: PLAN + t("en", "FigureGloss").replace("{gloss}", "Bao'an District civil affairs development plan for the 14th five-year period"),
};

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
    await expect(standard.locator(".figure-source")).toContainText(PLAN_SHOWN[lang]);
    await expect(standard.locator(".figure-source")).toContainText("2020");
    await expect(standard.locator(".tag-example")).toHaveCount(0);
    // Not in the plan: marked as an example.
    const assets = dibao.locator('[data-figure="asset_limit_months"]');
    await expect(assets.locator(".tag-example")).toHaveText(t(lang, "FigureExample"));
    // (1250 − 1000 / 2) × 2 = 1500, labelled as an estimate.
    const estimate = dibao.locator(".estimate");
    await expect(estimate).toContainText("1500");
    await expect(estimate).toContainText(ta(lang, "EstimateLabel"));

    const elderly = page.locator('[data-programme="elderly_allowance"]');
    await expect(elderly.locator('[data-figure="elderly_allowance_age"] .figure-source')).toContainText(PLAN_SHOWN[lang]);
    await expect(elderly.locator('[data-figure="elderly_allowance_yuan"] .tag-example')).toHaveText(t(lang, "FigureExample"));
    await expect(elderly.locator(".estimate")).toHaveCount(0);
  });
}

test("the result page in elder mode", async ({ page }) => {
  await toResult(page, "zh-Hans", true);
  await expect(page.locator('[data-figure="minimum_living_yuan"]').first()).toBeVisible();
  await page.screenshot({ path: "test-results/assistance-figures-elder.png", fullPage: true });
});

const REGULATION_EN = "Marriage Registration Regulations (2025 revision)";

for (const lang of ["zh-Hans", "en"]) {
  test(`the marriage checklist follows the 2025 regulation: no 户口簿, its source; the counselling length's source (${lang})`, async ({ page }) => {
    const couple = newCouple();
    await setPrefs(page, { lang });
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
    if (lang === "en") await expect(source).toContainText(REGULATION_EN);
    // The counselling length is the figure the server serves, an example marked as such.
    const length = page.locator(".counselling-length");
    await expect(length).toContainText(mt(lang, "CounsellingLength", 45).replace("{minutes}", "45"));
    await expect(length.locator(".tag-example")).toHaveText(t(lang, "FigureExample"));
    await expect(length).toContainText(mt(lang, "CounsellingLengthNote"));
  });
}

test("a busy date says why and what that rests on", async ({ page }) => {
  const lang = "zh-Hans";
  await setPrefs(page, { lang });
  await signIn(page.request);
  await open(page, "/marriage");
  await page.locator("#kind-marriage").check();
  await page.getByRole("button", { name: mt(lang, "Continue") }).click();
  await page.getByRole("button", { name: mt(lang, "ChooseOffice") }).first().click();
  await expect(h1(page)).toHaveText(mt(lang, "DayTitle"));
  // The demo marks one weekday busy at every office: the office's marking, an example.
  const busy = page.locator(".marriage-busy").filter({ hasText: mt(lang, "BusyWhyOffice") }).first();
  await expect(busy).toContainText(mt(lang, "BusyWarning"));
  await expect(busy.locator(".busy-why .tag-example")).toHaveText(t(lang, "FigureExample"));
  await expect(busy.locator(".busy-why")).toContainText(mt(lang, "BusyPredictionNote"));
});

for (const lang of ["zh-Hans", "en"]) {
  test(`a cemetery's group limit and places show their source (${lang})`, async ({ page }) => {
    await setPrefs(page, { lang });
    await signIn(page.request);
    await open(page, "/memorial/book");
    // 宝山园: the plan names it but gives no capacity, so its limit of 6 is an example.
    const card = page.locator(".choice-card").filter({ has: page.locator('a[href="/memorial/book/baoshan"]') });
    const limit = card.locator(".max-group");
    await expect(limit).toContainText(tm(lang, "MaxGroup", 6).replace("{n}", "6"));
    await expect(limit.locator(".tag-example")).toHaveText(t(lang, "FigureExample"));
    await expect(limit).toContainText(tm(lang, "CapacityNote"));
    await card.locator("a.ui-choice").click();
    await expect(h1(page)).toContainText(tm(lang, "ChooseDay"));
    await expect(page.locator(".places-source")).toContainText(tm(lang, "PlacesSource"));
    await expect(page.locator(".places-source .tag-example")).toHaveText(t(lang, "FigureExample"));
    await page.locator("main a.ui-choice").nth(1).click();
    await expect(h1(page)).toHaveText(tm(lang, "ChooseSlot"));
    await expect(page.locator(".places-source .tag-example")).toHaveText(t(lang, "FigureExample"));
    await page.locator("main button.slot-button:not([disabled])").first().click();
    await expect(h1(page)).toHaveText(tm(lang, "DetailsTitle"));
    // The hint states the cemetery's own limit, with its source next to the field.
    await expect(page.locator("#group_size-hint")).toHaveText(tm(lang, "GroupSizeHint", 6).replace("{n}", "6"));
    await expect(page.locator(".group-limit-source .tag-example")).toHaveText(t(lang, "FigureExample"));
  });
}

test("the cemetery list in elder mode", async ({ page }) => {
  await setPrefs(page, { lang: "zh-Hans", elder: true });
  await open(page, "/memorial/book");
  await expect(page.locator(".max-group").first()).toBeVisible();
  await page.screenshot({ path: "test-results/figures-cemeteries-elder.png", fullPage: true });
});
