// The axe-core scan of every staff page — sign-in (with its errors shown), home with the queue,
// an application, and the check-in with an answer shown — in each language, with elder mode off
// and on, at 390×844.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, open, h1, setPrefs, signIn } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import { ta, seedCompleteDraft } from "../support/assistance.mjs";
import { ts, BASE_URL, newBrowser, districtAdmin, createStaff, staffSignIn } from "../support/staff.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function scan(page, elder, what) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: TAGS }, rules: elder ? { "color-contrast-enhanced": { enabled: true } } : {} })
    .analyze();
  const described = results.violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
  expect(results.violations, `${what}\n${described}`).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

let admin;
let reference;

test.beforeAll(async ({ browser, playwright }) => {
  test.setTimeout(60_000);
  admin = await districtAdmin(await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } }));
  // One application waiting at 海裕社区's community step.
  const context = await newBrowser(browser);
  const page = await context.newPage();
  await signIn(page.request);
  await seedCompleteDraft(page);
  await open(page, "/assistance/apply/check");
  await page.getByRole("button", { name: ta("zh-Hans", "Submit") }).click();
  await expect(h1(page)).toHaveText(ta("zh-Hans", "ConfirmationTitle"));
  reference = (await page.locator(".reference").textContent()).trim();
  await context.close();
});

for (const lang of LANGS) {
  for (const elder of [false, true]) {
    test(`staff pages are axe-clean in ${lang}${elder ? " in elder mode" : ""}`, async ({ page }) => {
      test.setTimeout(90_000);
      await setPrefs(page, { lang, elder });
      const reviewer = await createStaff(admin, "community_reviewer", "xinan-haiyu");
      const gate = await createStaff(admin, "gate_staff", "demo-cuihu");

      await open(page, "/staff/sign-in");
      await expect(h1(page)).toHaveText(ts(lang, "SignInTitle"));
      await page.getByRole("button", { name: ts(lang, "SignInButton") }).click();
      await expect(page.locator("#code-error")).toBeVisible();
      await scan(page, elder, "sign-in with errors");

      await staffSignIn(page.request, reviewer.login, reviewer.secret);
      await open(page, "/staff");
      await expect(h1(page)).toHaveText(ts(lang, "HomeTitle"));
      await expect(page.locator(".staff-queue-item").filter({ hasText: reference })).toBeVisible();
      await scan(page, elder, "home with the queue");

      await open(page, `/staff/applications/${reference}`);
      await expect(page.getByRole("button", { name: ts(lang, "SubmitAction") })).toBeVisible();
      await scan(page, elder, "application");

      await staffSignIn(page.request, gate.login, gate.secret);
      await open(page, "/staff/check-in");
      await expect(h1(page)).toHaveText(ts(lang, "CheckInTitle"));
      await page.getByLabel(ts(lang, "RefLabel")).fill("JS-20000101-9999");
      await page.getByRole("button", { name: ts(lang, "CheckButton") }).click();
      await expect(page.locator("[data-verdict]")).toBeVisible();
      await scan(page, elder, "check-in with an answer");
    });
  }
}
