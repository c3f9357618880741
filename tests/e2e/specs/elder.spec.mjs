// Elder mode (长辈模式): the switch on the home page and in settings, kept across reloads,
// text ≥ 20 px and tap targets ≥ 60 px.
import { test, expect, open, h1, setPrefs } from "../support/app.mjs";
import { t, NATIVE_NAME } from "../support/i18n.mjs";

const MIN_TEXT_PX = 20;
const MIN_TAP_PX = 60;

async function fontSizePx(locator) {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Every piece of visible text on the page set smaller than 20 px, as "tag.class: text (size)". */
async function smallText(page) {
  return page.evaluate((min) => {
    const small = [];
    for (const el of document.body.querySelectorAll("*")) {
      const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()).join("");
      if (!ownText || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || el.closest(".visually-hidden, .skip-link")) continue;
      const size = parseFloat(style.fontSize);
      if (size < min) small.push(`${el.tagName.toLowerCase()}.${el.className}: ${ownText.slice(0, 20)} (${size}px)`);
    }
    return small;
  }, MIN_TEXT_PX);
}

async function expectTall(locator, what) {
  const count = await locator.count();
  expect(count, `${what}: nothing found to measure`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const el = locator.nth(i);
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    expect(box, `${what} #${i} is not rendered`).not.toBeNull();
    expect(box.height, `${what} #${i} (${(await el.innerText()).split("\n")[0]}) height`).toBeGreaterThanOrEqual(MIN_TAP_PX);
  }
}

test("elder mode is off by default, with ordinary text size", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator("html")).not.toHaveClass(/\belder\b/);
  await expect(page.getByRole("switch", { name: t("zh-Hans", "ElderMode") })).toHaveAttribute("aria-checked", "false");
  expect(await fontSizePx(page.locator("body"))).toBeLessThan(MIN_TEXT_PX);
});

test("the home-page switch turns elder mode on, and it stays on after reload", async ({ page }) => {
  await open(page, "/");
  const elderSwitch = page.getByRole("switch", { name: t("zh-Hans", "ElderMode") });
  await expect(elderSwitch).toHaveAttribute("aria-checked", "false");
  await expect(elderSwitch).toContainText(t("zh-Hans", "SwitchOff"));
  await elderSwitch.click();
  await expect(elderSwitch).toHaveAttribute("aria-checked", "true");
  await expect(elderSwitch).toContainText(t("zh-Hans", "SwitchOn"));
  await expect(page.locator("html")).toHaveClass(/\belder\b/);

  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\belder\b/); // from boot.js, before the app starts
  await expect(h1(page)).toHaveText(t("zh-Hans", "HomeHeading"));
  await expect(page.getByRole("switch", { name: t("zh-Hans", "ElderMode") })).toHaveAttribute("aria-checked", "true");
  expect(await page.evaluate(() => localStorage.getItem("baoan.elder"))).toBe("1");
});

test("in elder mode text is at least 20 px and the menu and buttons at least 60 px tall", async ({ page }) => {
  await setPrefs(page, { elder: true });
  await open(page, "/");
  await expect(page.locator("html")).toHaveClass(/\belder\b/);

  expect(await fontSizePx(page.locator("body")), "body text").toBeGreaterThanOrEqual(MIN_TEXT_PX);
  expect(await smallText(page), "text under 20 px on the home page").toEqual([]);

  await expectTall(page.locator(".service-menu a"), "service menu link");
  await expectTall(page.getByRole("switch"), "elder switch");
  await expectTall(page.locator(".language-switch button"), "language button");
  await expectTall(page.locator(".site-footer a"), "footer link");

  // The main buttons of a form page, and the "back home" button of a journey page.
  await open(page, "/sign-in");
  await expectTall(page.locator("main button[type=submit]"), "sign-in button");
  await expectTall(page.locator("main input"), "phone field");
  expect(await smallText(page), "text under 20 px on the sign-in page").toEqual([]);
  await open(page, "/marriage");
  await expectTall(page.locator("main button[type=submit]"), "journey start button");
  expect(await smallText(page), "text under 20 px on a journey page").toEqual([]);
  await open(page, "/settings");
  await expectTall(page.locator("main .ui-radios__item"), "language choice");
  expect(await smallText(page), "text under 20 px on the settings page").toEqual([]);
});

test("in elder mode each language's name stays on one line, in every language", async ({ page }) => {
  await setPrefs(page, { elder: true });
  await open(page, "/");
  for (const lang of ["en", "zh-Hant", "zh-Hans"]) {
    await page.locator(".language-switch button").filter({ hasText: NATIVE_NAME[lang] }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const lines = await page.locator(".language-switch button").evaluateAll((buttons) =>
      buttons.map((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines, `lines per language button with the page in ${lang}`).toEqual([1, 1, 1]);
  }
});

test("elder mode can be turned on and off in settings", async ({ page }) => {
  await open(page, "/settings");
  await expect(h1(page)).toHaveText(t("zh-Hans", "Settings"));
  const elderSwitch = page.getByRole("switch", { name: t("zh-Hans", "ElderMode") });
  await elderSwitch.click();
  await expect(elderSwitch).toHaveAttribute("aria-checked", "true");
  await expect(page.locator("html")).toHaveClass(/\belder\b/);

  await page.reload();
  await expect(h1(page)).toHaveText(t("zh-Hans", "Settings"));
  await expect(page.getByRole("switch", { name: t("zh-Hans", "ElderMode") })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("switch", { name: t("zh-Hans", "ElderMode") }).click();
  await expect(page.locator("html")).not.toHaveClass(/\belder\b/);

  await page.reload();
  await expect(h1(page)).toHaveText(t("zh-Hans", "Settings"));
  await expect(page.locator("html")).not.toHaveClass(/\belder\b/);
  await expect(page.getByRole("switch", { name: t("zh-Hans", "ElderMode") })).toHaveAttribute("aria-checked", "false");
  // The choice made in settings is the one the home page shows.
  await page.getByRole("link", { name: t("zh-Hans", "SiteName") }).click();
  await expect(h1(page)).toHaveText(t("zh-Hans", "HomeHeading"));
  await expect(page.getByRole("switch", { name: t("zh-Hans", "ElderMode") })).toHaveAttribute("aria-checked", "false");
});

test("the language can be chosen in settings too", async ({ page }) => {
  await open(page, "/settings");
  await page.getByRole("radio", { name: "English" }).check();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(h1(page)).toHaveText(t("en", "Settings"));
  await page.reload();
  await expect(h1(page)).toHaveText(t("en", "Settings"));
  await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
});
