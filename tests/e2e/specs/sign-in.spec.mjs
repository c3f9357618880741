// Sign-in with an SMS code: the redirect from a page behind sign-in, errors from the app's own
// checks and from the server shown next to their field and in the error summary, the return to
// where the resident was, and sign-out.
import { test, expect, open, h1, setPrefs, randomPhone, maskPhone, smsCode, wrongCode } from "../support/app.mjs";
import { t, LANGS } from "../support/i18n.mjs";

/** Asserts `message` is shown beside field `name` and, as a link to it, in the error summary. */
async function expectFieldError(page, name, message) {
  const input = page.locator(`#${name}`);
  await expect(page.locator(`#${name}-error`)).toContainText(message);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAttribute("aria-describedby", new RegExp(`\\b${name}-error\\b`));
  const summary = page.locator(".ui-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#${name}`);
}

test("a page behind sign-in sends a signed-out resident to sign in", async ({ page }) => {
  await page.goto("/mine");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmine$/);
  await expect(h1(page)).toHaveText(t("zh-Hans", "SignInTitle"));
  await expect(page.getByLabel(t("zh-Hans", "PhoneLabel"))).toBeVisible();
});

test("full sign-in with a code: phone error, wrong code from the server, right code, sign out", async ({ page }) => {
  const L = "zh-Hans";
  const phone = randomPhone();
  const codeRequests = [];
  page.on("request", (r) => r.url().includes("/api/v1/auth/sms-code") && codeRequests.push(r));

  await page.goto("/mine");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmine$/);
  await expect(h1(page)).toHaveText(t(L, "SignInTitle"));

  // 1. A number that cannot be right: refused by the app before anything is sent.
  const phoneInput = page.getByLabel(t(L, "PhoneLabel"));
  await phoneInput.fill("12345");
  await page.getByRole("button", { name: t(L, "SendCode") }).click();
  await expectFieldError(page, "phone", t(L, "FePhoneFormat"));
  expect(codeRequests, "no code is requested for an invalid number").toHaveLength(0);
  // The summary's link takes the resident to the field.
  await page.locator(".ui-error-summary a[href='#phone']").click();
  await expect(phoneInput).toBeFocused();

  // 2. A good number: the code step, telling where the code went (masked).
  await phoneInput.fill(phone);
  await page.getByRole("button", { name: t(L, "SendCode") }).click();
  const codeInput = page.getByLabel(t(L, "CodeLabel"));
  await expect(codeInput).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: t(L, "CodeSentTo") })).toContainText(maskPhone(phone));
  await expect(page.locator(".ui-error-summary")).toBeHidden();
  expect(codeRequests).toHaveLength(1);
  const code = await smsCode(page.request, phone);

  // 3. A wrong code: the server refuses it (422, fields.code = sms_code.wrong) and the app shows
  //    the server's error next to the code field and in the summary.
  await codeInput.fill(wrongCode(code));
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/session") && r.request().method() === "POST"),
    page.getByRole("button", { name: t(L, "SignInButton") }).click(),
  ]);
  expect(refused.status()).toBe(422);
  expect((await refused.json()).fields).toEqual({ code: "sms_code.wrong" });
  await expectFieldError(page, "code", t(L, "FeSmsCodeWrong"));
  await expect(page).toHaveURL(/\/sign-in/);

  // 4. The right code: back to 我的, showing the masked number.
  await codeInput.fill(code);
  await page.getByRole("button", { name: t(L, "SignInButton") }).click();
  await expect(page).toHaveURL("/mine");
  await expect(h1(page)).toHaveText(t(L, "MineTitle"));
  const phoneRow = page.locator(".ui-summary__row").filter({ hasText: t(L, "PhoneLabel") });
  await expect(phoneRow.locator("dd")).toHaveText(maskPhone(phone));
  await expect(page.locator("main")).not.toContainText(phone);

  // 5. Sign out: home again, and 我的 asks for sign-in again (also after a reload).
  await page.getByRole("button", { name: t(L, "SignOut") }).click();
  await expect(page).toHaveURL("/");
  await expect(h1(page)).toHaveText(t(L, "HomeHeading"));
  await page.getByRole("link", { name: t(L, "MineTitle") }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmine$/);
  await page.goto("/mine");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmine$/);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("after sign-in the resident returns to the page they asked for", async ({ page }) => {
  const phone = randomPhone();
  await page.goto("/mine/profile");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmine%2Fprofile$/);
  await page.getByLabel(t("zh-Hans", "PhoneLabel")).fill(phone);
  await page.getByRole("button", { name: t("zh-Hans", "SendCode") }).click();
  await page.getByLabel(t("zh-Hans", "CodeLabel")).fill(await smsCodeWhenSent(page, phone));
  await page.getByRole("button", { name: t("zh-Hans", "SignInButton") }).click();
  await expect(page).toHaveURL("/mine/profile");
  await expect(h1(page)).toHaveText(t("zh-Hans", "ProfileTitle"));
});

test("a return address off this site is ignored", async ({ page }) => {
  const phone = randomPhone();
  await page.goto("/sign-in?next=%2F%2Fevil.example%2F");
  await page.getByLabel(t("zh-Hans", "PhoneLabel")).fill(phone);
  await page.getByRole("button", { name: t("zh-Hans", "SendCode") }).click();
  await page.getByLabel(t("zh-Hans", "CodeLabel")).fill(await smsCodeWhenSent(page, phone));
  await page.getByRole("button", { name: t("zh-Hans", "SignInButton") }).click();
  await expect(page).toHaveURL("/mine");
});

for (const lang of LANGS.filter((l) => l !== "zh-Hans")) {
  test(`the server's field errors are shown in ${lang}`, async ({ page }) => {
    await setPrefs(page, { lang });
    const phone = randomPhone();
    await open(page, "/sign-in");
    await page.getByLabel(t(lang, "PhoneLabel")).fill(phone);
    await page.getByRole("button", { name: t(lang, "SendCode") }).click();
    const code = await smsCodeWhenSent(page, phone);
    await page.getByLabel(t(lang, "CodeLabel")).fill(wrongCode(code));
    await page.getByRole("button", { name: t(lang, "SignInButton") }).click();
    await expectFieldError(page, "code", t(lang, "FeSmsCodeWrong"));
    await expect(page.locator(".ui-error-summary h2")).toHaveText(t(lang, "ErrorSummaryTitle"));
    // And a code that is not even 6 digits is refused by the app's own check, in the same place.
    await page.getByLabel(t(lang, "CodeLabel")).fill("12");
    await page.getByRole("button", { name: t(lang, "SignInButton") }).click();
    await expectFieldError(page, "code", t(lang, "FeSmsCodeFormat"));
  });
}

/** Waits for the code step (the code has been sent), then reads the code from the outbox. */
async function smsCodeWhenSent(page, phone) {
  await expect(page.locator("#code")).toBeVisible();
  return smsCode(page.request, phone);
}
