// A refused write says how long to wait (issue 10, item 3): after a resident's profile has been
// saved as often as the server allows in an hour, the next save is answered 429 and the form's
// error summary reads "操作太频繁，请 N 分钟后再试" with N from the server's retry_after_seconds,
// rounded up to whole minutes — in each language. What was typed stays on the page.
import { test, expect, open, h1, setPrefs, signIn } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";

const PROFILE_SAVES_PER_HOUR = 10; // server/src/limits.rs PROFILE_UPDATES

function checkDigit(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return "10X98765432"[sum % 11];
}
const ID_BODY = "44030619850615002";
const VALID_ID = ID_BODY + checkDigit(ID_BODY);

/** The wait message for `minutes`, as the app writes it (English: "1 minute", "2 minutes"). */
function waitText(lang, minutes) {
  return t(lang, "ErrorRateLimitedWait", minutes).replace("{minutes}", String(minutes));
}

for (const lang of ["zh-Hans", "en"]) {
  test(`a profile save over the limit says how many minutes to wait (${lang})`, async ({ page }) => {
    await signIn(page.request);
    for (let i = 0; i < PROFILE_SAVES_PER_HOUR; i++) {
      const r = await page.request.put("/api/v1/me/profile", {
        data: { name: "张三", id_type: "resident_id", id_number: VALID_ID },
      });
      expect(r.status(), await r.text()).toBe(200);
    }
    await setPrefs(page, { lang });
    await open(page, "/mine/profile");
    await expect(h1(page)).toHaveText(t(lang, "ProfileTitle"));
    await page.getByLabel(t(lang, "NameLabel")).fill("李四");
    await page.getByLabel(t(lang, "IdNumberLabel")).fill(VALID_ID);
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/me/profile") && r.request().method() === "PUT");
    await page.getByRole("button", { name: t(lang, "Save") }).click();
    const response = await answer;
    expect(response.status()).toBe(429);
    const wait = (await response.json()).retry_after_seconds;
    expect(response.headers()["retry-after"]).toBe(String(wait));

    const summary = page.locator(".ui-error-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(waitText(lang, Math.ceil(wait / 60)));
    await expect(page.getByLabel(t(lang, "NameLabel"))).toHaveValue("李四");
    await page.screenshot({ path: test.info().outputPath(`profile-429-${lang}.png`) });
  });
}
