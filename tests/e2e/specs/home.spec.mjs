// The home page in the three languages, the service menu, and each journey opening from it.
import { test, expect, open, h1, JOURNEYS } from "../support/app.mjs";
import { t, LANGS, NATIVE_NAME } from "../support/i18n.mjs";

test("home page defaults to Simplified Chinese", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(h1(page)).toHaveText(t("zh-Hans", "HomeHeading"));
  await expect(page).toHaveTitle(t("zh-Hans", "SiteName"));
  await expect(page.getByRole("button", { name: NATIVE_NAME["zh-Hans"] })).toHaveAttribute("aria-pressed", "true");
});

for (const lang of LANGS) {
  test(`home page in ${lang}: chosen in the header, kept after reload`, async ({ page }) => {
    // Start from another language, so the switch really has to change something.
    const from = lang === "en" ? "zh-Hans" : "en";
    await page.addInitScript((from) => {
      if (!sessionStorage.getItem("e2e.start")) {
        sessionStorage.setItem("e2e.start", "1");
        localStorage.setItem("baoan.lang", from);
      }
    }, from);
    await open(page, "/");
    await expect(page.locator("html")).toHaveAttribute("lang", from);

    const languages = page.getByRole("navigation", { name: t(from, "LanguageLabel") });
    await languages.getByRole("button", { name: NATIVE_NAME[lang] }).click();

    const check = async () => {
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(h1(page)).toHaveText(t(lang, "HomeHeading"));
      await expect(page.locator("main .lead")).toHaveText(t(lang, "HomeLead"));
      await expect(page).toHaveTitle(t(lang, "SiteName"));
      for (const other of LANGS) {
        await expect(page.getByRole("button", { name: NATIVE_NAME[other] })).toHaveAttribute(
          "aria-pressed",
          other === lang ? "true" : "false",
        );
      }
      await expect(page.getByRole("link", { name: t(lang, "PrivacyNotice") })).toBeVisible();
    };
    await check();
    expect(await page.evaluate(() => localStorage.getItem("baoan.lang"))).toBe(lang);

    await page.reload();
    // boot.js applies the stored language before the app starts: no flash of the default.
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("main h1")).toBeVisible();
    await check();
  });
}

test("the service menu lists the four journeys and 我的", async ({ page }) => {
  await open(page, "/");
  const menu = page.getByRole("navigation", { name: t("zh-Hans", "ServicesHeading") });
  const links = menu.getByRole("link");
  await expect(links).toHaveCount(5);
  const expected = [...JOURNEYS, { path: "/mine", title: "MineTitle" }];
  for (const [i, { path, title }] of expected.entries()) {
    const link = links.nth(i);
    await expect(link).toHaveAttribute("href", path);
    await expect(link.locator(".service-title")).toHaveText(t("zh-Hans", title));
    await expect(link).toBeVisible();
  }
});

for (const lang of LANGS) {
  test(`each journey opens from the menu, in ${lang}`, async ({ page }) => {
    await page.addInitScript((lang) => localStorage.setItem("baoan.lang", lang), lang);
    for (const { path, title } of JOURNEYS) {
      await open(page, "/");
      await page.getByRole("link", { name: t(lang, title) }).click();
      await expect(page).toHaveURL(path);
      await expect(h1(page)).toHaveText(t(lang, title));
      await expect(page).toHaveTitle(`${t(lang, title)} – ${t(lang, "SiteName")}`);
    }
  });
}
