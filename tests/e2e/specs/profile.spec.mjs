// The resident's details: the resident-ID check as typed, the birth date read from the ID,
// saving (shown masked on 我的), and the draft kept across a reload.
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { t } from "../support/i18n.mjs";

const L = "zh-Hans";

/** GB 11643 check digit of the first 17 digits. */
function checkDigit(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return "10X98765432"[sum % 11];
}
// A woman born 1985-06-15, registered in Bao'an (440306).
const ID_BODY = "44030619850615002";
const VALID_ID = ID_BODY + checkDigit(ID_BODY);
const BAD_CHECKSUM_ID = ID_BODY + (checkDigit(ID_BODY) === "0" ? "1" : "0");
const MASKED_ID = VALID_ID.slice(0, 3) + "*".repeat(11) + VALID_ID.slice(-4);

test.beforeEach(async ({ page }) => {
  await signIn(page.request);
});

test("a resident ID with a wrong check digit is refused next to the field", async ({ page }) => {
  const saves = [];
  page.on("request", (r) => r.url().endsWith("/api/v1/me/profile") && r.method() === "PUT" && saves.push(r));
  await open(page, "/mine/profile");
  await expect(h1(page)).toHaveText(t(L, "ProfileTitle"));
  await page.getByLabel(t(L, "NameLabel")).fill("张三");
  await expect(page.getByLabel(t(L, "IdTypeResident"))).toBeChecked();
  await page.getByLabel(t(L, "IdNumberLabel")).fill(BAD_CHECKSUM_ID);
  await expect(page.getByText(t(L, "BirthDateFromId"))).toHaveCount(0);
  await page.getByRole("button", { name: t(L, "Save") }).click();

  await expect(page.locator("#id_number-error")).toContainText(t(L, "FeIdChecksum"));
  await expect(page.locator("#id_number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".ui-error-summary").getByRole("link", { name: t(L, "FeIdChecksum") })).toBeVisible();
  await expect(page.locator("#name-error")).toHaveCount(0);
  expect(saves, "nothing is sent while the app can see the number is wrong").toHaveLength(0);
});

test("a valid ID shows its birth date; saving shows 已保存 and 我的 shows the ID masked", async ({ page }) => {
  await open(page, "/mine/profile");
  await page.getByLabel(t(L, "NameLabel")).fill("张三");
  const idInput = page.getByLabel(t(L, "IdNumberLabel"));
  await idInput.fill(VALID_ID.slice(0, 17));
  await expect(page.getByText(t(L, "BirthDateFromId"))).toHaveCount(0);
  await idInput.fill(VALID_ID);
  await expect(page.getByText(t(L, "BirthDateFromId"))).toHaveText(`${t(L, "BirthDateFromId")} 1985-06-15`);

  await page.getByRole("button", { name: t(L, "Save") }).click();
  await expect(page.getByRole("status").filter({ hasText: t(L, "ProfileSaved") })).toBeVisible();
  await expect(page.locator(".ui-error-summary")).toBeHidden();

  await page.goto("/mine");
  await expect(h1(page)).toHaveText(t(L, "MineTitle"));
  const idRow = page.locator(".ui-summary__row").filter({ hasText: t(L, "IdNumberLabel") });
  await expect(idRow.locator("dd")).toHaveText(MASKED_ID);
  await expect(page.locator(".ui-summary__row").filter({ hasText: t(L, "NameLabel") }).locator("dd")).toHaveText("张三");
  await expect(page.locator("main")).not.toContainText(VALID_ID);

  // The server kept it: the form is filled from it next time.
  await page.getByRole("link", { name: t(L, "EditProfile") }).click();
  await expect(page.getByLabel(t(L, "IdNumberLabel"))).toHaveValue(VALID_ID);
  await expect(page.getByLabel(t(L, "NameLabel"))).toHaveValue("张三");
});

test("what was typed but not saved survives a reload", async ({ page }) => {
  await open(page, "/mine/profile");
  await page.getByLabel(t(L, "NameLabel")).fill("李四");
  await page.getByLabel(t(L, "IdTypeHkMacau")).check();
  await page.getByLabel(t(L, "IdNumberLabel")).fill("H1234");

  await page.reload();
  await expect(h1(page)).toHaveText(t(L, "ProfileTitle"));
  await expect(page.getByLabel(t(L, "NameLabel"))).toHaveValue("李四");
  await expect(page.getByLabel(t(L, "IdTypeHkMacau"))).toBeChecked();
  await expect(page.getByLabel(t(L, "IdNumberLabel"))).toHaveValue("H1234");
  // Nothing was saved on the server.
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me.profile).toBeNull();
});

test("after sign-out, the next resident on this device does not see the last one's draft", async ({ page }) => {
  await open(page, "/mine/profile");
  await page.getByLabel(t(L, "NameLabel")).fill("王五");
  await page.getByLabel(t(L, "IdNumberLabel")).fill(VALID_ID);
  await page.goto("/mine");
  await page.getByRole("button", { name: t(L, "SignOut") }).click();
  await expect(page).toHaveURL("/");
  await expect(h1(page)).toHaveText(t(L, "HomeHeading"));

  await signIn(page.request); // someone else, on the same phone
  await open(page, "/mine/profile");
  await expect(page.getByLabel(t(L, "NameLabel"))).toHaveValue("");
  await expect(page.getByLabel(t(L, "IdNumberLabel"))).toHaveValue("");
  const stored = await page.evaluate(() => Object.values(localStorage));
  expect(stored).not.toContain(VALID_ID);
  expect(stored).not.toContain("王五");
});
