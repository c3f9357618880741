// The API client's time limit and its abort on leaving a page (src/shared/api.rs): a request the
// server never answers ends after REQUEST_TIMEOUT (20 s) as a connection failure, input kept and
// a retry offered; a request still pending when the resident goes to another page is aborted and
// leaves no error behind.
import { test, expect, open, h1, randomPhone, signIn } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";

/** REQUEST_TIMEOUT in src/shared/api.rs. */
const TIMEOUT_MS = 20_000;

test("a request that is never answered ends after the time limit: offline notice, input kept, retry works", async ({ page }) => {
  test.setTimeout(TIMEOUT_MS + 40_000);
  const L = "zh-Hans";
  const phone = randomPhone();
  await open(page, "/sign-in");
  // The server never answers the code request: the route is held, never fulfilled.
  const held = [];
  await page.route("**/api/v1/auth/sms-code", (route) => { held.push(route); });
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));

  await page.getByLabel(t(L, "PhoneLabel")).fill(phone);
  await page.getByRole("button", { name: t(L, "SendCode") }).click();
  await expect.poll(() => held.length).toBe(1);
  const sent = Date.now();

  const notice = page.locator(".ui-error-summary").filter({ hasText: t(L, "ErrorNetwork") });
  // Nothing yet well before the limit: the request is still waiting.
  await page.waitForTimeout(TIMEOUT_MS / 2);
  await expect(notice).toHaveCount(0);
  await expect(page.locator(".banner-offline")).toHaveCount(0);
  // Then the limit: the request is aborted and reads as a connection failure.
  await expect(notice).toBeVisible({ timeout: TIMEOUT_MS });
  expect(Date.now() - sent, "not before the time limit").toBeGreaterThanOrEqual(TIMEOUT_MS - 1_000);
  await expect(page.locator(".banner-offline")).toBeVisible();
  expect(failed.some((u) => u.endsWith("/api/v1/auth/sms-code")), "the browser request was aborted").toBe(true);
  // What the resident typed is still there.
  await expect(page.getByLabel(t(L, "PhoneLabel"))).toHaveValue(phone);

  // Retry with the server answering again: the code step, and the notices go.
  await page.unroute("**/api/v1/auth/sms-code");
  await page.getByRole("button", { name: t(L, "SendCode") }).click();
  await expect(page.getByLabel(t(L, "CodeLabel"))).toBeVisible();
  await expect(page.locator(".banner-offline")).toHaveCount(0);
  await expect(notice).toHaveCount(0);
});

test("leaving a page while its request is pending aborts the request and shows no error on the next page", async ({ page }) => {
  test.setTimeout(TIMEOUT_MS + 40_000);
  const L = "zh-Hans";
  await signIn(page.request);
  await open(page, "/mine");
  // 消息 loads its list from the server; this time the server never answers.
  const held = [];
  await page.route("**/api/v1/me/messages", (route) => { held.push(route); });
  const failed = [];
  page.on("requestfailed", (r) => failed.push({ url: r.url(), error: r.failure()?.errorText }));

  await page.getByRole("link", { name: t(L, "MessagesLink") }).click();
  await expect(h1(page)).toHaveText(t(L, "MessagesTitle"));
  await expect.poll(() => held.length).toBe(1);
  expect(failed).toEqual([]);

  // Home is a page of the same bundle: the router swaps the page, the messages page is cleaned up.
  await page.locator("header a.brand").click();
  await expect(page).toHaveURL("/");
  await expect(h1(page)).toHaveText(t(L, "HomeHeading"));
  await expect.poll(() => failed.map((f) => f.url)).toContainEqual(expect.stringMatching(/\/api\/v1\/me\/messages$/));

  // Long past the time limit: the aborted request never turns into an error or the offline banner.
  await page.waitForTimeout(TIMEOUT_MS + 2_000);
  await expect(h1(page)).toHaveText(t(L, "HomeHeading"));
  await expect(page.locator(".banner-offline")).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator(".ui-error-summary:not([hidden]), .error-message")).toHaveCount(0);
});
