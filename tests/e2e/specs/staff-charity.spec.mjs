// The charity editor's pages in the browser at 390×844 (issue 13): an editor of 演示慈善会 signs
// in, finds their organisation's projects (the next disclosure due first, each with the badge
// residents see), publishes a ledger line — after the form's own errors, and with the first answer
// lost on the way, so the retry must not publish it twice — and a disclosure; both appear on the
// project's public page, and the disclosure resets the badge. Every page is axe-clean in the three
// languages with elder mode off and on, and in elder mode keeps text ≥ 20 px and targets ≥ 60 px.
// Screenshots: test-results/staff-charity-*.png.
import { test, expect, open, h1, setPrefs } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import { ts, BASE_URL, districtAdmin, createStaff, staffSignIn, shenzhenDay, scanStaffPage } from "../support/staff.mjs";

const L = "zh-Hans";
/** The demo's 演示慈善会 and its project 心语助童 (p-heart-kids); p-study-aid is another organisation's. */
const ORGANISATION = "演示慈善会（示例）";
const PROJECT = "p-heart-kids";
const OTHER_PROJECT = "p-study-aid";

let admin;
test.beforeAll(async ({ playwright }) => {
  admin = await districtAdmin(await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } }));
});

async function editorPage(page) {
  const editor = await createStaff(admin, "charity_editor", ORGANISATION);
  await staffSignIn(page.request, editor.login, editor.secret);
  return editor;
}

/** The project as residents get it. */
async function publicProject(request, id = PROJECT) {
  const r = await request.get(`/api/v1/charity/projects/${id}`);
  expect(r.status()).toBe(200);
  return r.json();
}

test("a charity editor publishes a ledger line and a disclosure, once each, and residents see them", async ({ page }) => {
  test.setTimeout(90_000);
  await editorPage(page);
  const receipt = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const title = `第四季度收支公开（示例 ${receipt}）`;

  await open(page, "/staff");
  await page.getByRole("link", { name: ts(L, "CharityTitle") }).click();
  await expect(h1(page)).toHaveText(ts(L, "CharityTitle"));
  const items = page.locator(".staff-queue-item");
  await expect(items.first()).toBeVisible();
  // The organisation's projects only, each with its badge.
  await expect(page.locator(`a[href="/staff/charity/${OTHER_PROJECT}"]`)).toHaveCount(0);
  const row = items.filter({ has: page.locator(`a[href="/staff/charity/${PROJECT}"]`) });
  await expect(row.locator(".charity-badge")).toBeVisible();
  await page.screenshot({ path: "test-results/staff-charity-list.png", fullPage: true });
  await row.locator(".staff-queue-link").click();
  await page.getByRole("link", { name: ts(L, "LineTitle") }).click();
  await expect(h1(page)).toHaveText(ts(L, "LineTitle"));

  // Nothing chosen or typed: every field says what it needs, and nothing is sent.
  let sent = 0;
  page.on("request", (r) => { if (r.url().includes("/staff/charity/ledger-lines")) sent += 1; });
  await page.getByRole("button", { name: ts(L, "LineButton") }).click();
  await expect(page.locator(".ui-error-summary")).toBeVisible();
  for (const field of ["kind", "amount_fen", "purpose.zh_hans", "counterparty", "receipt_ref"]) {
    await expect(page.locator(`[id="${field}-error"]`)).toBeVisible();
  }
  // A day after today is refused by the contract's own rule.
  await page.getByLabel(ts(L, "LineDate")).fill(shenzhenDay(1));
  await page.getByRole("button", { name: ts(L, "LineButton") }).click();
  await expect(page.locator(`[id="date-error"]`)).toBeVisible();
  expect(sent).toBe(0);
  await page.screenshot({ path: "test-results/staff-charity-line-errors.png", fullPage: true });

  await page.getByLabel(ts(L, "LineDate")).fill(shenzhenDay(0));
  await page.locator('input[name="kind"][value="expense"]').check();
  await page.getByLabel(ts(L, "LineAmount")).fill("12,345.60");
  await page.getByLabel(ts(L, "LinePurpose")).fill("支付患儿手术费用（示例）");
  await page.getByLabel(ts(L, "LinePurposeEn")).fill("Surgery paid (example)");
  await page.locator('input[name="counterparty"][value="hospital"]').check();
  await page.getByLabel(ts(L, "LineReceipt")).fill(receipt);
  // The first answer is lost on the way back (the line was written): the retry carries the same
  // key, so the server answers the first publication instead of writing a second line.
  await page.route("**/api/v1/staff/charity/ledger-lines", async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  }, { times: 1 });
  await page.getByRole("button", { name: ts(L, "LineButton") }).click();
  await expect(page.locator(".ui-error-summary")).toBeVisible();
  await expect(h1(page)).toHaveText(ts(L, "LineTitle"));
  await page.getByRole("button", { name: ts(L, "LineButton") }).click();
  await expect(page.getByText(ts(L, "LinePublished"))).toBeVisible();
  await expect(page.locator(".charity-ledger")).toContainText(receipt);
  await page.screenshot({ path: "test-results/staff-charity-project.png", fullPage: true });
  expect(sent).toBe(2);

  let shown = await publicProject(page.request);
  const lines = shown.ledger.filter((l) => l.receipt_ref === receipt);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ kind: "expense", amount_fen: 1_234_560, counterparty: "hospital" });
  expect(lines[0].purpose).toMatchObject({ zh_hans: "支付患儿手术费用（示例）", zh_hant: "支付患兒手術費用（示例）", en: "Surgery paid (example)" });

  await page.getByRole("link", { name: ts(L, "DisclosureTitle") }).click();
  await expect(h1(page)).toHaveText(ts(L, "DisclosureTitle"));
  await page.getByLabel(ts(L, "DisclosureHeading")).fill(title);
  await page.getByRole("button", { name: ts(L, "DisclosureButton") }).click();
  await expect(page.getByText(ts(L, "DisclosurePublished"))).toBeVisible();
  await expect(page.locator(".staff-charity-disclosures")).toContainText(title);
  shown = await publicProject(page.request);
  expect(shown.disclosures[0]).toMatchObject({ date: shenzhenDay(0), title: { zh_hans: title } });
  expect(shown.badge.state).toBe("on_time");

  // The resident's page shows both.
  await open(page, `/charity/projects/${PROJECT}`);
  await expect(page.locator(".charity-ledger")).toContainText(receipt);
  await expect(page.getByText(title)).toBeVisible();
});


for (const lang of LANGS) {
  for (const elder of [false, true]) {
    test(`the charity editor's pages are axe-clean in ${lang}${elder ? " in elder mode" : ""}`, async ({ page }) => {
      test.setTimeout(90_000);
      await setPrefs(page, { lang, elder });
      await editorPage(page);
      await open(page, "/staff/charity");
      await expect(page.locator(".staff-queue-item").first()).toBeVisible();
      await scanStaffPage(page, elder, "projects");

      await open(page, `/staff/charity/${PROJECT}`);
      await expect(page.locator(".charity-ledger")).toBeVisible();
      await scanStaffPage(page, elder, "one project");
      if (elder && lang === L) await page.screenshot({ path: "test-results/staff-charity-project-elder.png", fullPage: true });

      await open(page, `/staff/charity/${PROJECT}/line`);
      await page.getByRole("button", { name: ts(lang, "LineButton") }).click();
      await expect(page.locator(`[id="amount_fen-error"]`)).toBeVisible();
      await scanStaffPage(page, elder, "ledger line with errors");
      if (elder && lang === L) await page.screenshot({ path: "test-results/staff-charity-line-elder.png", fullPage: true });

      await open(page, `/staff/charity/${PROJECT}/disclosure`);
      await page.getByRole("button", { name: ts(lang, "DisclosureButton") }).click();
      await expect(page.locator(`[id="title.zh_hans-error"]`)).toBeVisible();
      await scanStaffPage(page, elder, "disclosure with errors");
    });
  }
}
