// Social assistance in the browser at 390×844: the eligibility check to a result, a full
// application with two household members and an upload to the confirmation, a reload in the
// middle of the form, and a submit whose request is blocked then retried (exactly one record).
import { test, expect, open, h1, signIn } from "../support/app.mjs";
import { ta, residentId, PNG, seedCompleteDraft } from "../support/assistance.mjs";
import { t } from "../support/i18n.mjs";

const L = "zh-Hans";

async function answer(page, fill) {
  await fill();
  await page.getByRole("button", { name: ta(L, "Continue") }).click();
}

async function myApplications(page) {
  const r = await page.request.get("/api/v1/assistance/applications");
  expect(r.status()).toBe(200);
  return r.json();
}

test("the check finds temporary assistance for a migrant after a fire, then a full application is submitted", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page.request);
  await open(page, "/assistance");
  await page.getByRole("link", { name: ta(L, "StartCheck") }).click();
  await expect(h1(page)).toHaveText(ta(L, "QResidence"));
  await answer(page, () => page.getByLabel(ta(L, "ResElsewhere")).check());
  await answer(page, () => page.getByLabel(ta(L, "PeopleCount")).fill("3"));
  await answer(page, async () => {
    await page.locator("#age-0").fill("45");
    await page.locator("#age-1").fill("20");
    await page.locator("#age-2").fill("10");
  });
  await answer(page, () => page.getByLabel(ta(L, "DisNone")).check());
  await answer(page, () => page.locator("#income").fill("3000"));
  await answer(page, () => page.locator("#assets").fill("2000"));
  await answer(page, () => page.locator("#medical").fill("0"));
  await answer(page, () => page.getByLabel(ta(L, "Yes")).check());
  await answer(page, async () => {
    await page.getByLabel(ta(L, "EmFire")).check();
    await page.locator("#emergency_here-yes").check();
  });
  await expect(h1(page)).toHaveText(ta(L, "ResultTitle"));
  const temporary = page.locator('[data-programme="temporary"]');
  await expect(temporary).toContainText(ta(L, "RsEmergencyInBaoan"));
  await expect(page.locator('[data-programme="minimum_living"]')).toHaveCount(0);
  await temporary.getByRole("button").click();

  await expect(h1(page)).toHaveText(ta(L, "TaskListTitle"));
  await page.getByRole("link", { name: ta(L, "TaskApplicant") }).click();
  await page.getByLabel(t(L, "NameLabel")).fill("王芳");
  await page.getByLabel(t(L, "IdNumberLabel")).fill(residentId("19810203"));
  await page.getByLabel(t(L, "PhoneLabel")).fill("13800138000");
  await expect(page.locator("#applicant\\.residence-elsewhere")).toBeChecked();
  await page.locator("#applicant\\.street").selectOption("xinan");
  await page.locator("#applicant\\.community").selectOption("xinan-haiyu");
  await page.getByLabel(ta(L, "AddressLabel")).fill("海裕社区 2 栋 202");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();
  await expect(page.locator('[data-task="applicant"] .ui-tasks__state')).toHaveText(ta(L, "Done"));

  await page.getByRole("link", { name: ta(L, "TaskMembers") }).click();
  await expect(page.locator(".member")).toHaveCount(2); // from the check: 3 people
  const members = [["王小明", "20050101", "013", "employed", "2000"], ["王小红", "20160101", "024", "student", "0"]];
  for (const [i, [name, born, seq, work, income]] of members.entries()) {
    await page.locator(`[data-member="${i}"]`).getByRole("link", { name: ta(L, "Change") }).click();
    await page.locator("#member\\.relation-child").check();
    await page.getByLabel(t(L, "NameLabel")).fill(name);
    await page.getByLabel(t(L, "IdNumberLabel")).fill(residentId(born, seq));
    await page.locator(`#member\\.work_status-${work}`).check();
    await page.getByLabel(ta(L, "MemberIncome")).fill(income);
    await page.locator("#member\\.disability_level-0").check();
    await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();
    await expect(h1(page)).toHaveText(ta(L, "TaskMembers"));
  }
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "TaskIncome") }).click();
  await expect(page.getByLabel(ta(L, "IncSalary"))).toHaveValue("3000");
  await page.getByLabel(ta(L, "IncPension")).fill("500");
  await expect(page.locator("#total-income")).toHaveText("3500");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "TaskEvent") }).click();
  await page.getByLabel(ta(L, "EventDate")).fill("2025-05-20");
  await page.getByLabel(ta(L, "EventPlace")).fill("宝安区新安街道");
  await page.getByLabel(ta(L, "EventDescription")).fill("家中失火");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "TaskBank") }).click();
  await page.getByLabel(ta(L, "BankName")).fill("中国银行");
  await page.getByLabel(ta(L, "BankHolder")).fill("王芳");
  await page.getByLabel(ta(L, "BankAccount")).fill("6217 8500 0000 1234 567");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "TaskDocuments") }).click();
  await page.locator("#file-id_cards").setInputFiles({ name: "id.png", mimeType: "image/png", buffer: PNG });
  await expect(page.locator('[data-kind="id_cards"] .uploaded-file')).toContainText("id.png");
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "TaskConsent") }).click();
  await page.locator("#consents\\.applicant").fill("王芳");
  await page.locator("#consents\\.members\\.0").fill("王小明");
  await expect(page.locator("#consents\\.members\\.1")).toHaveCount(0); // a minor: the guardian signs
  await page.getByRole("button", { name: ta(L, "SaveContinue") }).click();

  await page.getByRole("link", { name: ta(L, "CheckAnswers") }).click();
  await expect(h1(page)).toHaveText(ta(L, "CheckAnswers"));
  await page.getByRole("button", { name: ta(L, "Submit") }).click();
  await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));
  const reference = (await page.locator(".reference").textContent()).trim();
  expect(reference).toMatch(/^SA[0-9A-Z]{8}$/);
  await expect(page.locator(".timeline-current")).toContainText(ta(L, "StCommunityAcceptance"));
  const apps = await myApplications(page);
  expect(apps.map((a) => a.reference)).toEqual([reference]);
  const full = await (await page.request.get(`/api/v1/assistance/applications/${reference}`)).json();
  expect(full.form.members).toHaveLength(2);
  expect(full.documents).toHaveLength(1);
});

test("a reload in the middle of the form keeps every answer", async ({ page }) => {
  await signIn(page.request);
  await open(page, "/assistance/check/residence");
  await answer(page, () => page.getByLabel(ta(L, "ResHukou")).check());
  await page.getByLabel(ta(L, "PeopleCount")).fill("4");
  await page.reload();
  await expect(page.getByLabel(ta(L, "PeopleCount"))).toHaveValue("4");
  await page.goBack({ waitUntil: "commit" });
  await expect(page.getByLabel(ta(L, "ResHukou"))).toBeChecked();
});

test("a submit whose request is blocked says so, keeps everything, and a retry creates exactly one application", async ({ page }) => {
  await signIn(page.request);
  await seedCompleteDraft(page);
  await open(page, "/assistance/apply/check");
  let blocked = 0;
  await page.route("**/api/v1/assistance/applications", (route) => {
    if (route.request().method() === "POST" && blocked === 0) {
      blocked += 1;
      return route.abort("internetdisconnected");
    }
    return route.continue();
  });
  await page.getByRole("button", { name: ta(L, "Submit") }).click();
  await expect(page.getByRole("alert").filter({ hasText: t(L, "ErrorNetwork") })).toBeVisible();
  await expect(page.getByText(ta(L, "SubmitKept"))).toBeVisible();
  expect(await myApplications(page)).toHaveLength(0);
  await page.getByRole("button", { name: ta(L, "TryAgain") }).click();
  await expect(h1(page)).toHaveText(ta(L, "ConfirmationTitle"));
  expect(blocked).toBe(1);
  expect(await myApplications(page)).toHaveLength(1);
});
