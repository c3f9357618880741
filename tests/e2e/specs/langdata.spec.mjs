// Data in three languages (issue 12, item 6) against the demo data at 390×844: a 繁體 page shows
// the server's 繁體 names and texts (converted from 简体 where none was written: titles, funds,
// ledger lines, updates, disclosures, descriptions), a 繁體 search finds a 简体 title or fund,
// and an English page shows a text with no English as Chinese, marked and tagged
// lang="zh-Hans". Screenshots of a 繁體 charity page, a 繁體 fund page and an English cemetery page
// are saved in the test's output folder.
import { test, expect, open, setPrefs, h1 } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";
import { ct } from "../support/charity.mjs";

test("a 繁體 charity page shows 繁體 data, and a 繁體 search finds a 简体 title", async ({ page }, info) => {
  await setPrefs(page, { lang: "zh-Hant" });
  await open(page, "/charity/projects/p-study-aid");
  await expect(h1(page)).toHaveText("困難學生圓夢助學金");
  await expect(page.locator("main")).toContainText("演示青少年發展基金會（示例）");
  await expect(page.locator("main .in-chinese")).toHaveCount(0);
  await page.screenshot({ path: info.outputPath("zh-Hant-charity.png"), fullPage: true });

  // 助學 (繁體) finds the project whose title was written 助学 (简体).
  await open(page, "/charity");
  await page.getByLabel(ct("zh-Hant", "SearchLabel")).fill("助學");
  await page.getByRole("button", { name: ct("zh-Hant", "SearchButton") }).click();
  const cards = page.locator(".charity-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("困難學生圓夢助學金");
});

test("a 繁體 fund page and a project's ledger show 繁體 data", async ({ page }, info) => {
  await setPrefs(page, { lang: "zh-Hant" });
  // The fund directory: names in 繁體, and a 繁體 search finds a fund written in 简体.
  await open(page, "/charity/funds?q=%E9%99%B3%E6%B0%8F"); // 陳氏
  await expect(page.locator(".charity-card")).toHaveCount(1);
  await page.getByRole("link", { name: "陳氏家族助學冠名基金" }).click();
  await expect(h1(page)).toHaveText("陳氏家族助學冠名基金");
  const main = page.locator("main");
  await expect(main).toContainText("陳氏家族三代人共同設立");
  const fundLedger = page.getByRole("region", { name: ct("zh-Hant", "Ledger") });
  await expect(fundLedger.getByRole("cell", { name: "冠名人年度注資" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /陳氏家族助學冠名基金\d{4}年度工作報告/ }).first()).toBeVisible();
  await expect(main.locator(".in-chinese")).toHaveCount(0);
  await page.screenshot({ path: info.outputPath("zh-Hant-fund.png"), fullPage: true });

  // A project: its description, qualification, budget, updates, ledger and disclosures.
  await open(page, "/charity/projects/p-study-aid");
  await expect(main).toContainText("資助考入高校的困難家庭學生");
  await expect(main).toContainText("依法登記的慈善組織，具有公開募捐資格");
  await expect(page.getByRole("cell", { name: "直接救助與服務" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "階段進展", exact: true })).toBeVisible();
  const ledger = page.getByRole("region", { name: ct("zh-Hant", "Ledger") });
  await expect(ledger.getByRole("cell", { name: "公眾網上捐贈（彙總）" }).first()).toBeVisible();
  await expect(ledger.getByRole("cell", { name: "第一批救助款撥付" })).toBeVisible();
  await expect(main).toContainText("季度募捐與使用情況公示");
  await expect(page.getByRole("link", { name: "陳氏家族助學冠名基金" })).toBeVisible();
  await expect(main.locator(".in-chinese")).toHaveCount(0);
});

test("English shows a fund's and a ledger's English, and marks what has none", async ({ page }) => {
  await setPrefs(page, { lang: "en" });
  const marker = t("en", "InChinese");
  await open(page, "/charity/funds/f-haiwan");
  await expect(h1(page)).toHaveText("Haiwan Technology Named Charity Fund");
  await expect(page.getByRole("cell", { name: "Annual contribution from the fund's founder" }).first()).toBeVisible();
  // A fund with no English: its name in Chinese, tagged and marked.
  await open(page, "/charity/funds/f-chen");
  await expect(h1(page).locator('span[lang="zh-Hans"]')).toHaveText("陈氏家族助学冠名基金");
  await expect(h1(page)).toHaveText(`陈氏家族助学冠名基金${marker}`);
  await open(page, "/charity/projects/p-study-aid");
  await expect(page.getByRole("cell", { name: "Online gifts from the public (total)" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Progress update", exact: true })).toBeVisible();
});

test("a 繁體 memorial page shows 繁體 cemetery names", async ({ page }) => {
  await setPrefs(page, { lang: "zh-Hant" });
  await open(page, "/memorial/book");
  await expect(page.getByRole("link", { name: "寶山園" })).toBeVisible();
  await expect(page.locator("main")).toContainText("演示·青松紀念園（示例）");
  await page.getByRole("link", { name: "寶山園" }).click();
  await expect(h1(page)).toContainText("寶山園");
  await expect(page.locator("main")).toContainText("示例地址");
});

test("English shows a text with no translation in Chinese, marked and tagged", async ({ page }, info) => {
  await setPrefs(page, { lang: "en" });
  const marker = t("en", "InChinese");
  // A cemetery with English, and demo cemeteries without.
  await open(page, "/memorial/book");
  await expect(page.getByRole("link", { name: "Baoshan Cemetery" })).toBeVisible();
  const fallback = page.locator('main span[lang="zh-Hans"]', { hasText: "演示·青松纪念园（示例）" });
  await expect(fallback).toBeVisible();
  await expect(page.locator("main .in-chinese").first()).toHaveText(marker);
  await page.screenshot({ path: info.outputPath("en-cemeteries.png"), fullPage: true });

  // A project with an English title shows it unmarked; one without shows the Chinese, marked.
  await open(page, "/charity/projects/p-study-aid");
  await expect(h1(page)).toHaveText("Study grants for students from families in hardship");
  await open(page, "/charity/projects/p-flood-kits");
  await expect(h1(page).locator('span[lang="zh-Hans"]')).toHaveText("防汛应急物资储备");
  await expect(h1(page)).toHaveText(`防汛应急物资储备${marker}`);
  expect(await page.title()).toContain(`防汛应急物资储备${marker}`);
});
