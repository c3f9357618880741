// The staff pages of the other roles in the browser at 390×844 (issue 13): a district admin
// creates a moderator and sees the authenticator secret once, finds the creation in the audit
// trail and downloads it as CSV; a moderator hides a reported memorial message with a reason and
// the family no longer sees it; a member changes their password and signs in with the new one.
// Every new page is axe-clean in the three languages with elder mode off and on, and in elder mode
// keeps text ≥ 20 px and targets ≥ 60 px. Screenshots: test-results/staff-roles-*.png.
import { readFileSync } from "node:fs";
import { test, expect, open, h1, setPrefs, signIn } from "../support/app.mjs";
import { LANGS } from "../support/i18n.mjs";
import {
  ts, totp, PASSWORD, BASE_URL, STAFF_TOKEN, freshLogin, createStaff, staffSignIn, openAllDayWindow, slotsOn, bookVisit,
  shenzhenNow, shenzhenDay, scanStaffPage,
} from "../support/staff.mjs";
import { PNG } from "../support/assistance.mjs";

const L = "zh-Hans";

/** A district admin made with the bootstrap token and signed in within `request`: its login. */
async function admin(request) {
  const login = freshLogin("e2e.admin");
  const r = await request.post("/api/v1/staff/accounts", {
    headers: { Authorization: `Bearer ${STAFF_TOKEN}` },
    data: { login, display_name: "演示管理员", password: PASSWORD, assignment: { role: "district_admin", place: null } },
  });
  expect(r.status(), await r.text()).toBe(201);
  await staffSignIn(request, login, (await r.json()).totp_secret);
  return login;
}

function apiContext(playwright) {
  return playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Origin: BASE_URL } });
}

/** A memorial with a family member's message, reported by its owner: { text, owner, family, id }. */
async function reportedMessage(playwright) {
  const owner = await apiContext(playwright);
  const family = await apiContext(playwright);
  await signIn(owner);
  await signIn(family);
  const made = await owner.post("/api/v1/memorial/memorials", {
    data: { deceased_name: "陈国华", born_on: "1935-03-02", died_on: "2019-03-30" },
  });
  expect(made.status(), await made.text()).toBeLessThan(300);
  const id = (await made.json()).id;
  const invitation = await (await owner.post(`/api/v1/memorial/memorials/${id}/invitations`)).json();
  expect((await family.post(`/api/v1/memorial/invitations/${invitation.token}/accept`)).status()).toBeLessThan(300);
  const text = `演示广告 ${Date.now().toString(36)}`;
  const posted = await family.post(`/api/v1/memorial/memorials/${id}/messages`, { data: { text } });
  expect(posted.status(), await posted.text()).toBeLessThan(300);
  const messageId = (await posted.json()).messages.find((m) => m.text === text).id;
  const reported = await owner.post(`/api/v1/memorial/memorials/${id}/reports`, { data: { message_id: messageId, reason: "广告" } });
  expect(reported.status(), await reported.text()).toBeLessThan(300);
  return { text, owner, family, id };
}

/** Waits, if needed, until at least 20 s are left in the current 30-second code step. */
async function freshStep() {
  const into = Date.now() % 30_000;
  if (into > 8_000) await new Promise((r) => setTimeout(r, 30_000 - into + 200));
}

test.describe("staff pages of every role", () => {
  test("a district admin creates a moderator, sees the secret once, finds it in the audit trail and exports it", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const me = await admin(page.request);
    await open(page, "/staff");
    await page.getByRole("link", { name: ts(L, "AccountsTitle") }).click();
    await expect(h1(page)).toHaveText(ts(L, "AccountsTitle"));
    // Nothing chosen: the form says what is missing, in the summary and at each field.
    await page.getByRole("button", { name: ts(L, "CreateButton") }).click();
    await expect(page.locator("#role-error")).toBeVisible();
    const login = freshLogin("e2e.mod");
    await page.getByLabel(ts(L, "LoginLabel")).fill(login);
    await page.getByLabel(ts(L, "NameLabel")).fill("演示审核员");
    await page.getByLabel(ts(L, "RoleModerator")).check();
    await page.getByLabel(ts(L, "FirstPasswordLabel")).fill(PASSWORD);
    await page.getByRole("button", { name: ts(L, "CreateButton") }).click();
    const secret = page.locator(".staff-secret .staff-secret-text").first();
    await expect(secret).toHaveText(/^[A-Z2-7]{16,}$/);
    await expect(page.locator(".staff-secret")).toContainText("otpauth://totp/");
    const shown = (await secret.textContent()).trim();
    // The secret works: the new moderator signs in with it.
    const moderator = await apiContext(playwright);
    await staffSignIn(moderator, login, shown);
    await moderator.dispose();
    await page.screenshot({ path: "test-results/staff-roles-accounts-secret.png", fullPage: true });
    await expect(page.locator(".staff-queue-item").filter({ hasText: login })).toBeVisible();
    // Once: a fresh load of the page shows it nowhere.
    await open(page, "/staff/accounts");
    await expect(page.locator(".staff-queue-item").filter({ hasText: login })).toBeVisible();
    await expect(page.locator(".staff-secret")).toHaveCount(0);
    expect(await page.content()).not.toContain(shown);

    await open(page, "/staff/audit");
    await page.getByLabel(ts(L, "AuditActor"), { exact: true }).fill(me);
    await page.getByLabel(ts(L, "AuditAction"), { exact: true }).fill("staff.create_account");
    await page.getByRole("button", { name: ts(L, "AuditSearch") }).click();
    await expect(page.locator(".staff-audit-entry")).toHaveCount(1);
    await expect(page.locator(".staff-audit-entry")).toContainText("staff.create_account");
    await expect(page.locator(".staff-audit-entry")).toContainText(me);
    await page.screenshot({ path: "test-results/staff-roles-audit.png", fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: ts(L, "AuditCsv") }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8").split("\r\n");
    expect(csv[0]).toBe("id,at,actor,role,place,action,subject_kind,subject_id,before,after,reason");
    expect(csv.filter((l) => l.includes("staff.create_account") && l.includes(me))).toHaveLength(1);

    // Each entry unfolds the fields its action changed, before → after: the creation, from
    // nothing to the new login…
    const created = page.locator(".staff-audit-entry details.staff-audit-changes");
    await expect(created.locator("li").first()).toBeHidden();
    await created.locator("summary").click();
    const loginRow = created.locator("li").filter({ has: page.locator("code", { hasText: /^login$/ }) });
    await expect(loginRow.locator(".staff-audit-none")).toHaveText(ts(L, "AuditNone"));
    await expect(loginRow.locator(".staff-audit-value")).toHaveText(login);
    // …and a deactivation, only the field that changed: active, true → false.
    const accounts = await (await page.request.get("/api/v1/staff/accounts")).json();
    const id = accounts.find((a) => a.login === login).id;
    const gone = await page.request.post(`/api/v1/staff/accounts/${id}/deactivate`, { data: { reason: "调岗" } });
    expect(gone.status(), await gone.text()).toBe(200);
    await page.getByLabel(ts(L, "AuditAction"), { exact: true }).fill("staff.deactivate_account");
    await page.getByRole("button", { name: ts(L, "AuditSearch") }).click();
    const entry = page.locator(".staff-audit-entry");
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(id);
    const changes = entry.locator("details.staff-audit-changes");
    await expect(changes.locator("summary")).toHaveText(ts(L, "AuditChanges", 1).replace("{count}", "1"));
    await changes.locator("summary").click();
    await expect(changes.locator("li")).toHaveCount(1);
    await expect(changes.locator("li code")).toHaveText("active");
    await expect(changes.locator("li .staff-audit-value")).toHaveText(["true", "false"]);
    await expect(changes.locator("li")).toContainText(ts(L, "AuditBecame"));
    await page.screenshot({ path: "test-results/staff-roles-audit-changes.png", fullPage: true });
  });

  test("a moderator hides a reported message with a reason, and the family no longer sees it", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const adminRequest = await apiContext(playwright);
    await admin(adminRequest);
    const moderator = await createStaff(adminRequest, "moderator", null, "演示审核员");
    const { text, owner, family, id } = await reportedMessage(playwright);
    await staffSignIn(page.request, moderator.login, moderator.secret);
    await open(page, "/staff");
    await page.getByRole("link", { name: ts(L, "ReportsTitle") }).click();
    await expect(h1(page)).toHaveText(ts(L, "ReportsTitle"));
    const report = page.locator(".staff-report").filter({ hasText: text });
    await expect(report).toContainText("陈国华");
    await expect(report).toContainText("广告");
    // Hiding wants a reason.
    await report.getByRole("button", { name: ts(L, "ReportHide") }).click();
    await expect(report.locator(".error-message")).toContainText(ts(L, "FeStaffReason"));
    await page.screenshot({ path: "test-results/staff-roles-reports.png", fullPage: true });
    await report.getByLabel(ts(L, "ReasonLabel")).fill("商业广告，违反留言规则");
    await report.getByRole("button", { name: ts(L, "ReportHide") }).click();
    await expect(report).toContainText(ts(L, "ReportHidden"));
    // Gone for the family; the owner sees it marked hidden.
    const seen = await (await family.get(`/api/v1/memorial/memorials/${id}`)).json();
    expect(JSON.stringify(seen.messages)).not.toContain(text);
    const owned = await (await owner.get(`/api/v1/memorial/memorials/${id}`)).json();
    expect(owned.messages.find((m) => m.text === text)?.hidden).toBe(true);
    // Handled: gone from the open reports.
    await open(page, "/staff/reports");
    await expect(page.locator(".staff-report").filter({ hasText: text })).toHaveCount(0);
  });

  test("gate staff see a booking in today's arrivals before and after checking it in", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const adminRequest = await apiContext(playwright);
    await admin(adminRequest);
    const gate = await createStaff(adminRequest, "gate_staff", "demo-cuihu", "演示门岗");
    await openAllDayWindow(adminRequest, "demo-cuihu");
    const now = shenzhenNow();
    const current = (await slotsOn(adminRequest, "demo-cuihu", now.day)).find((s) => s.starts_minute <= now.minute && now.minute < s.ends_minute);
    expect(current, "a slot under way now").toBeTruthy();
    const visit = await bookVisit(playwright, current, 2);
    await staffSignIn(page.request, gate.login, gate.secret);
    await open(page, "/staff/check-in");
    const row = page.locator(`.staff-arrival[data-reference="${visit.reference}"]`);
    await expect(row).toContainText(ts(L, "ArrivalsNotYet"));
    await expect(row).not.toHaveClass(/staff-arrived/);
    await page.getByLabel(ts(L, "RefLabel")).fill(visit.reference);
    await page.getByRole("button", { name: ts(L, "CheckButton") }).click();
    const verdict = await page.locator("[data-verdict]").getAttribute("data-verdict");
    // Valid but for a minute turning over between booking and checking (staff.spec.mjs covers each verdict).
    if (verdict === "valid") {
      await expect(row).toHaveClass(/staff-arrived/);
      await expect(row).not.toContainText(ts(L, "ArrivalsNotYet"));
    }
    await page.screenshot({ path: "test-results/staff-roles-arrivals.png", fullPage: true });
  });

  test("gate staff upload a photo to a proxy grave-care request and mark it done; the family sees it done", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const adminRequest = await apiContext(playwright);
    await admin(adminRequest);
    const gate = await createStaff(adminRequest, "gate_staff", "demo-qingsong", "演示门岗");
    const family = await apiContext(playwright);
    await signIn(family);
    const given = "国华明秀英建平志伟兰芳德";
    const name = `陈${[0, 1].map(() => given[Math.floor(Math.random() * given.length)]).join("")}`;
    const asked = await family.post("/api/v1/memorial/proxy", {
      data: { cemetery_id: "demo-qingsong", date: shenzhenDay(3), services: ["clean", "photo"], deceased_name: name,
        grave: { area: "B", row: "2", number: "7" } },
    });
    expect(asked.status(), await asked.text()).toBe(200);
    const { id, reference } = await asked.json();
    await staffSignIn(page.request, gate.login, gate.secret);
    await open(page, "/staff");
    await page.getByRole("link", { name: ts(L, "ProxyLink") }).click();
    await expect(h1(page)).toHaveText(ts(L, "ProxyTitle"));
    const item = page.locator(`.staff-proxy[data-reference="${reference}"]`);
    await expect(item).toContainText(name);
    await expect(item).toContainText(ts(L, "ServiceClean"));
    await item.locator(`#photo-${id}`).setInputFiles({ name: "grave.png", mimeType: "image/png", buffer: PNG });
    await expect(item).toContainText(ts(L, "ProxyPhotoCount", 1).replace("{count}", "1"));
    await page.screenshot({ path: "test-results/staff-roles-proxy.png", fullPage: true });
    await item.getByRole("button", { name: ts(L, "ProxyMarkDone") }).click();
    await expect(item).toContainText(ts(L, "ProxyDone"));
    const seen = await (await family.get("/api/v1/memorial/proxy")).json();
    const mine = seen.requests.find((r) => r.id === id);
    expect(mine.status).toBe("done");
    expect(mine.photos).toHaveLength(1);
  });

  test("a member changes their password and signs in with the new one", async ({ page, playwright }) => {
    test.setTimeout(90_000);
    const adminRequest = await apiContext(playwright);
    await admin(adminRequest);
    const member = await createStaff(adminRequest, "moderator", null);
    // Three codes of three steps in a row: sign-in, the change, and signing in again.
    await freshStep();
    const now = Date.now();
    const r = await page.request.post("/api/v1/staff/session", {
      data: { login: member.login, password: PASSWORD, code: totp(member.secret, now - 30_000) },
    });
    expect(r.status(), await r.text()).toBe(200);
    await open(page, "/staff");
    await page.getByRole("link", { name: ts(L, "PasswordTitle") }).click();
    await expect(h1(page)).toHaveText(ts(L, "PasswordTitle"));
    // A new password against the rules: said at the field and in the summary, nothing sent.
    await page.getByLabel(ts(L, "CurrentPasswordLabel")).fill(PASSWORD);
    await page.getByLabel(ts(L, "CodeLabel")).fill(totp(member.secret, now));
    await page.getByLabel(ts(L, "NewPasswordLabel")).fill("short");
    await page.getByRole("button", { name: ts(L, "PasswordButton") }).click();
    await expect(page.locator("#new_password-error")).toContainText(ts(L, "FeStaffPassword"));
    await expect(page.locator(".ui-error-summary")).toContainText(ts(L, "FeStaffPassword"));
    const fresh = "a brand new e2e passphrase";
    await page.getByLabel(ts(L, "NewPasswordLabel")).fill(fresh);
    await page.getByRole("button", { name: ts(L, "PasswordButton") }).click();
    await expect(page.locator(".ui-notice").filter({ hasText: ts(L, "PasswordChanged") })).toBeVisible();
    const again = await apiContext(playwright);
    const old = await again.post("/api/v1/staff/session", {
      data: { login: member.login, password: PASSWORD, code: totp(member.secret, now + 30_000) },
    });
    expect(old.status()).toBe(422);
    const signedIn = await again.post("/api/v1/staff/session", {
      data: { login: member.login, password: fresh, code: totp(member.secret, now + 30_000) },
    });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
  });
});


for (const lang of LANGS) {
  for (const elder of [false, true]) {
    test(`the pages of every role are axe-clean in ${lang}${elder ? " in elder mode" : ""}`, async ({ page, playwright }) => {
      test.setTimeout(120_000);
      await setPrefs(page, { lang, elder });
      const adminRequest = await apiContext(playwright);
      await admin(adminRequest);
      const { text } = await reportedMessage(playwright);
      await admin(page.request);
      await open(page, "/staff/accounts");
      await page.getByLabel(ts(lang, "LoginLabel")).fill(freshLogin("e2e.a11y"));
      await page.getByLabel(ts(lang, "NameLabel")).fill("演示工作人员");
      await page.getByLabel(ts(lang, "RoleGateStaff")).check();
      await page.getByLabel(ts(lang, "PlaceLabel")).fill("demo-cuihu");
      await page.getByLabel(ts(lang, "FirstPasswordLabel")).fill(PASSWORD);
      await page.getByRole("button", { name: ts(lang, "CreateButton") }).click();
      await expect(page.locator(".staff-secret")).toBeVisible();
      // The secret as a QR code too, for the member's authenticator app to scan.
      await expect(page.getByRole("img", { name: ts(lang, "SecretQrLabel") })).toBeVisible();
      await scanStaffPage(page, elder, "accounts with a new secret");
      if (elder && lang === L) await page.screenshot({ path: "test-results/staff-roles-accounts-secret-elder.png", fullPage: true });

      await page.locator(".staff-queue-link").first().click();
      await expect(h1(page)).toHaveText(ts(lang, "AccountTitle"));
      await page.getByRole("button", { name: ts(lang, "DeactivateButton") }).click();
      await expect(page.locator("#deactivate_reason-error")).toBeVisible();
      await scanStaffPage(page, elder, "one account with an error");

      await open(page, "/staff/audit");
      await expect(page.locator(".staff-audit-entry").first()).toBeVisible();
      // The newest entries' changes unfolded (the account made above is one of them).
      const unfold = page.locator("details.staff-audit-changes summary");
      await expect(unfold.first()).toBeVisible();
      for (let i = 0; i < Math.min(3, await unfold.count()); i++) await unfold.nth(i).click();
      await scanStaffPage(page, elder, "audit trail with changes unfolded");
      if (elder && lang === L) await page.screenshot({ path: "test-results/staff-roles-audit-elder.png", fullPage: true });

      await open(page, "/staff/password");
      await page.getByRole("button", { name: ts(lang, "PasswordButton") }).click();
      await expect(page.locator("#new_password-error")).toBeVisible();
      await scanStaffPage(page, elder, "password with errors");

      const gate = await createStaff(adminRequest, "gate_staff", "demo-qingsong");
      const family = await apiContext(playwright);
      await signIn(family);
      const asked = await family.post("/api/v1/memorial/proxy", {
        data: { cemetery_id: "demo-qingsong", date: shenzhenDay(3), services: ["flowers"], deceased_name: "陈国华",
          grave: { area: "A", row: "1", number: "2" } },
      });
      expect(asked.status(), await asked.text()).toBe(200);
      await staffSignIn(page.request, gate.login, gate.secret);
      await open(page, "/staff/proxy");
      await expect(page.locator(".staff-proxy").first()).toBeVisible();
      await scanStaffPage(page, elder, "proxy grave care");

      const moderator = await createStaff(adminRequest, "moderator", null);
      await staffSignIn(page.request, moderator.login, moderator.secret);
      await open(page, "/staff/reports");
      await expect(page.locator(".staff-report").filter({ hasText: text })).toBeVisible();
      await scanStaffPage(page, elder, "open reports");
      if (elder && lang === L) await page.screenshot({ path: "test-results/staff-roles-reports-elder.png", fullPage: true });
    });
  }
}
