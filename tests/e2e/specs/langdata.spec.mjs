// Data in three languages (issue 12, item 6) against the demo data at 390×844: a 繁體 page shows
// the server's 繁體 names (converted from 简体 where none was written), a 繁體 search finds a
// 简体 title, and an English page shows a text with no English as Chinese, marked and tagged
// lang="zh-Hans". Screenshots of a 繁體 charity page and an English cemetery page are saved in
// the test's output folder.
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
