// Sign-in limits and signing out everywhere (issue 10): a limited request says how long to
// wait, in the resident's language; 我的 ends every session of the resident at once.
import { test, expect, open, h1, setPrefs, randomPhone, signIn } from "../support/app.mjs";
import { t, LANGS } from "../support/i18n.mjs";

for (const lang of LANGS) {
  test(`a limited code request says how many minutes to wait (${lang})`, async ({ page }) => {
    await setPrefs(page, { lang });
    const phone = randomPhone();
    await open(page, "/sign-in");
    await page.getByLabel(t(lang, "PhoneLabel")).fill(phone);
    await page.getByRole("button", { name: t(lang, "SendCode") }).click();
    await expect(page.locator("#code")).toBeVisible();
    // Straight back for another code: the server asks to wait (429, retry_after_seconds ≤ 60).
    await page.getByRole("button", { name: t(lang, "ChangeNumberOrResend") }).click();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/sms-code")),
      page.getByRole("button", { name: t(lang, "SendCode") }).click(),
    ]);
    expect(refused.status()).toBe(429);
    const body = await refused.json();
    expect(body.retry_after_seconds).toBeGreaterThan(0);
    expect(body.retry_after_seconds).toBeLessThanOrEqual(60);
    const wait = t(lang, "ErrorRateLimitedWait", 1).replace("{minutes}", "1");
    await expect(page.getByRole("alert").filter({ hasText: wait })).toBeVisible();
    if (lang === "zh-Hans") await expect(page.getByRole("alert")).toContainText("请 1 分钟后再试");
  });
}

test("sign out on all devices ends the other device's session too", async ({ page, browser }) => {
  const L = "zh-Hans";
  const phone = await signIn(page.request);
  // The same resident on a second device (a context of its own: its own cookies).
  const baseURL = test.info().project.use.baseURL;
  const other = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  await signIn(other.request, phone);
  expect((await other.request.get("/api/v1/me")).status()).toBe(200);

  await open(page, "/mine");
  await expect(h1(page)).toHaveText(t(L, "MineTitle"));
  await expect(page.getByText(t(L, "SignOutEverywhereHint"))).toBeVisible();
  await page.getByRole("button", { name: t(L, "SignOutEverywhere") }).click();
  await expect(page).toHaveURL("/");
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
  await other.close();
});
