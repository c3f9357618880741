// Social assistance at 390×844: a household member on a Hong Kong/Macau permit. Choosing the
// permit asks for the date of birth (only a resident ID carries one), a malformed number is
// named by the shared rule, and the fixed answer reaches check-answers (masked) and the
// submitted application.
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { ta, seedCompleteDraft } from "../support/assistance.mjs";
import { t } from "../support/i18n.mjs";

const L = "zh-Hans";
const byId = (page, id) => page.locator(`[id="${id}"]`);

test("a member on a Hong Kong/Macau permit: typed date of birth, the permit's own format check, submitted", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page.request);
  await seedCompleteDraft(page);

  await open(page, "/assistance/apply/members-0");
  await expect(h1(page)).toHaveText(ta(L, "MemberTitle"));
  // A resident ID by default: the date of birth is read from it, not asked.
  await expect(byId(page, "member.id_type-resident_id")).toBeChecked();
  await expect(page.getByText(t(L, "BirthDateFromId"))).toContainText("2005-01-01");
  await expect(byId(page, "member.birth_date")).toHaveCount(0);

  await page.getByLabel(t(L, "IdTypeHkMacau")).check();
  await expect(page.getByText(t(L, "BirthDateFromId"))).toHaveCount(0);
  await page.getByLabel(t(L, "IdNumberLabel")).fill("H1234567");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();
  await expect(byId(page, "member.id_number-error")).toContainText(t(L, "FeHkMacauPermitFormat"));
  await expect(byId(page, "member.birth_date-error")).toContainText(t(L, "FeRequired"));
  await expect(page.locator(".ui-error-summary")).toContainText(t(L, "FeHkMacauPermitFormat"));

  // Nothing typed is lost across a reload, including the chosen type.
  await page.reload();
  await expect(byId(page, "member.id_type-hk_macau_permit")).toBeChecked();
  await expect(page.getByLabel(t(L, "IdNumberLabel"))).toHaveValue("H1234567");

  await page.getByLabel(t(L, "IdNumberLabel")).fill("h 1234 5678");
  await page.getByLabel(ta(L, "BirthDateLabel")).fill("2005-01-01");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();
  await expect(h1(page)).toHaveText(ta(L, "TaskMembers"));

  await open(page, "/assistance/apply/check");
  const member = page.locator(".ui-summary__row").filter({ hasText: ta(L, "MemberTitle") });
  await expect(member).toContainText(t(L, "IdTypeHkMacau"));
  await expect(member).toContainText("2005-01-01");
  await expect(member).not.toContainText("12345678");
  await page.getByRole("button", { name: ta(L, "Submit") }).click();
  await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));
  const reference = (await page.locator(".reference").textContent()).trim();
  const app = await (await page.request.get(`/api/v1/assistance/applications/${reference}`)).json();
  expect(app.form.members[0]).toMatchObject({ id_type: "hk_macau_permit", id_number: "H12345678", birth_date: "2005-01-01" });
  expect(app.form.applicant.id_type).toBe("resident_id");
});
